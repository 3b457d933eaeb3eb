"""Round 18a: a symptom told in a relative's story is the relative's, past where ConText's relative scope ends.

A note names a relative and goes on, in the same sentence, with what happened to that relative: a relative clause
("she is preoccupied with her daughter, who has MS and has weakness in her legs"), a tail describing the relative's
disease ("his brother had prostate cancer that spread to the spine w/ severe back pain"; "her mother had breast cancer
which spread to her bones causing back pain"), or the relative's last months ("... and she had a lot of bone pain
before she died"). ConText's relative scope ends too early there: a companion phrase ("with her daughter", a PSEUDO
cue, since the relative who came with her says nothing of whose a symptom is) blocks the relative, "which" ends every
scope, and the longer cues ("his brother had") reach only a few words. The symptom was read as the patient's red flag.

``Scopes.spread`` runs ``RelativeTails.apply`` once the relative cues, the family-history rows and the informants are
read. A mention of ``story_families`` that no relative's effect reaches is given the ``family`` effect when it stands:

- in a relative clause: a relative (a FAMILY cue word of context_rules.json, or a relative of ``female_relatives`` /
  ``male_relatives``), then "who" or "whose" (``story_relative_pronouns``), up to the clause's first comma;
- in the tail of the relative's own disease: after a relative cue or a mention that already carries a relative's
  effect (after a relative in the sentence), at most ``TAIL_REACH`` tokens on, each comma of the tail followed by a
  word that carries the story on (``story_comma_links``: "..., causing back pain");
- before the relative's death: a word of ``story_death_leads``, a pronoun of ``story_death_pronouns`` and a word of
  ``story_deaths`` after the symptom in its clause ("bone pain for months before she died", "until he passed"), a
  relative named earlier in the sentence or the one before ("since she died" only dates the patient's symptom);
- round 23a: in the relative's own parenthesis: a relative cue, then "(", the symptom, then ")" closing it in the
  sentence ("sister (breast, age 41, died 2022 -- had seizures from spread to brain)", "father (lung ca; d. 2019 -
  headaches from brain mets)"): what the brackets after a relative hold is the relative's, a dash, a comma or a
  semicolon inside them ends nothing; only a word naming the patient (``patient_words``), a SUBJECT cue or a line
  break inside them does, and a bracket opened or closed before the symptom; round 39b: the same when the relative
  opens the bracket ("her mother's final months (mother dx at 44, died at 48 - had severe back pain ...)");
- round 37b: in a sentence whose subject is a relative's possessive (``story_possessives`` after a relative, at the
  sentence's start or after ``story_owner_leads``: "Sister's cancer has since spread to liver and bones and she has
  had severe back pain and jaundice", "Her mom's breast ca went to her spine and she had terrible back pain"), the
  pronoun of that relative's sex ("she" after a sister, "he" after a brother) is the relative's: it carries the story
  on instead of ending it, unless a verb of the patient's telling (``story_returns``) follows it ("... and she
  reports back pain": the clinician's patient). A relative of no known sex, a pronoun of the other sex, a sentence
  whose subject is not the relative keep every pronoun an end.

Round 39b: a spaced dash followed by a verb with no subject of its own (``story_dash_links``: "... died of metastatic
disease at 48 - had severe back pain") goes on with the story instead of ending it (not after a full stop).

Each of them ends where the writer comes back to the patient or to herself: a word of ``story_ends`` (";", "so",
"but", the patient's worry: "so im scared", "this is the reason for her worry"), a spaced dash, a subject word of
``story_subjects`` ("she", "he", "I", "the patient": a clinician's "she" is the patient), a verb of the patient's
telling joined by "and" or a comma (``story_returns``: "her daughter who is a nurse and reports new back pain"), a
relative's telling verb (``telling_verbs``: "Daughter: says mum has had back pain" is the informant's), a SUBJECT
cue, or a terminating cue other than "which". No relative is an anchor when the note names it as the caller (inside a
SUBJECT cue: "calling about mom") or as the informant (a relative cue whose every mention lost its effect to the
informant readings: "per daughter new back pain"). The patient's own symptom told after the story ("... so he asked
about his back pain"; "my back hurts since gym") keeps its reading.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet

from spacy.tokens import Doc, Span

from rightscan.adapters.text.rule_pass import CueSpan, NoteMentions
from rightscan.adapters.text.rules import Rules

FAMILY = "family"
TAIL_REACH = 20  # tokens from the relative's disease to the symptom its tail names
DEATH_REACH = 14  # tokens from the symptom to the death that ends the relative's story
ASIDE_REACH = 20  # round 23a: tokens from the symptom to the bracket that closes a relative's aside
_BRACKETS = frozenset({"(", ")"})
_DASHES = frozenset({"-", "\u2013", "\u2014"})
_WHICH = "which"
_JOINS = frozenset({"and", ",", "&", "+"})  # a verb joined after these may have the sentence's subject again
Breaks = Callable[[int], bool]  # does the token bring the writer back to the patient or to herself?


class RelativeTails:
    """The relative's stories of a note (module docstring), built once per rule set."""

    def __init__(self, rules: Rules) -> None:
        words: Mapping[str, tuple[str, ...]] = rules.red_flag_readings
        relatives = {w for w in (*words.get("female_relatives", ()), *words.get("male_relatives", ())) if " " not in w}
        relatives |= {
            m.literal.lower()
            for m in rules.modifiers
            if m.category == "FAMILY" and m.pattern is None and " " not in m.literal
        }
        self.relatives = frozenset(relatives)
        self.pronouns = frozenset(words.get("story_relative_pronouns", ()))
        self.families = frozenset(words.get("story_families", ()))
        self.ends = frozenset(words.get("story_ends", ()))
        self.subjects = frozenset(words.get("story_subjects", ()))
        self.returns = frozenset(words.get("story_returns", ()))
        # a relative who tells ("Daughter: says mum has had back pain") is an informant, not a story's relative
        self.telling = frozenset(w for w in words.get("telling_verbs", ()) if " " not in w)
        self.comma_links = frozenset(words.get("story_comma_links", ()))
        self.dash_links = frozenset(words.get("story_dash_links", ()))  # round 39b
        self.deaths = frozenset(words.get("story_deaths", ()))
        self.death_pronouns = frozenset(words.get("story_death_pronouns", ()))
        self.death_leads = frozenset(words.get("story_death_leads", ()))
        self.patient_words = frozenset(w for w in words.get("patient_words", ()) if " " not in w)  # round 23a
        # round 37b: a relative's possessive leading the sentence, and the relative's own pronouns by sex
        self.possessives = frozenset(words.get("story_possessives", ()))
        self.owner_leads = frozenset(words.get("story_owner_leads", ()))
        subjects = self.subjects
        self.sexes = (
            (frozenset(words.get("female_relatives", ())), subjects & frozenset(words.get("female_pronouns", ()))),
            (frozenset(words.get("male_relatives", ())), subjects & frozenset(words.get("male_pronouns", ()))),
        )
        self.categories = rules.categories

    def apply(self, note: NoteMentions, informant_cues: AbstractSet[CueSpan], patient: AbstractSet[str]) -> None:
        """Give ``family`` to the mentions told in a relative's story; ``informant_cues`` (the relative cues naming an
        informant or a caller) and the words naming the patient (``patient``) are no relative of the story
        (``red_flag_readings.RedFlagReadings.informants``)."""
        if not self.families:
            return
        doc = note.doc
        targets = list(note.mentions(self.families, without={FAMILY}))
        if not targets:
            return
        lowers = [t.lower_ for t in doc]
        if not self.relatives.intersection(lowers):
            return
        subject_tokens: set[int] = set()
        subject_cues: list[tuple[int, int]] = []
        ended: set[int] = set()
        cued: list[tuple[int, int]] = []  # relative cues: a story goes on after them as after a relative's mention
        for mod in doc._.context_graph.modifiers:
            s, e = mod.modifier_span
            if self.categories.get(mod.category) == FAMILY:
                cued.append((s, e))
            elif mod.category == "SUBJECT":
                subject_tokens.update(range(s, e))
                subject_cues.append((s, e))
            elif mod.category == "TERMINATE" and " ".join(lowers[s:e]) != _WHICH:
                ended.update(range(s, e))
        told = {(span.start, span.end) for _, span, _, _ in note.mentions(_ANY, having={FAMILY})}
        # a relative cue that reached mentions none of which kept its effect names an informant ("per daughter new
        # back pain", "the daughter says mum has ..."): neither a story's relative nor its start
        reached: dict[tuple[int, int], bool] = {}
        for target, cues in note.cues_by_target(FAMILY).items():
            for cue in cues:
                reached[cue] = reached.get(cue, False) or target in told
        informants = {i for cue, kept in reached.items() if not kept or cue in informant_cues for i in range(*cue)}
        informants |= {i for cue in informant_cues for i in range(*cue)}
        cued = [cue for cue in cued if reached.get(cue, True) and cue not in informant_cues]
        anchors = [
            i
            for i, w in enumerate(lowers)
            if w in self.relatives and w not in patient and i not in subject_tokens and i not in informants
        ]
        if not anchors:
            return
        related = sorted([*cued, *told])
        anchored = frozenset(anchors)
        carried: set[int] = set()  # round 37b: the relative's own pronouns, in a sentence the relative leads
        for sent in {note.sents.of(span.start) for _, span, _, _ in targets}:
            carried |= self._relative_pronouns(lowers, anchored, sent.start, sent.end)
        carried |= {i for s, e in subject_cues if carried.intersection(range(s, e)) for i in range(s, e)}  # "and she"

        def breaks(i: int) -> bool:
            """Does token ``i`` bring the writer back to the patient or to herself?"""
            if i in carried:
                return False
            w = lowers[i]
            if (
                w in _DASHES
                and 0 < i < len(lowers) - 1
                and lowers[i - 1] != "."
                and _next_word(lowers, i) in self.dash_links
            ):
                return False  # round 39b: "... died at 48 - had severe back pain": the relative's story goes on
            return (
                w in self.ends
                or w in self.subjects
                or (w in self.returns and i > 0 and lowers[i - 1] in _JOINS)
                or w in self.telling
                or i in subject_tokens
                or i in ended
                or (w in _DASHES and _spaced(doc, i))
            )

        cued_tokens = {i for s, e in cued for i in range(s, e)}
        for _, span, _, e in targets:
            sent = note.sents.of(span.start)
            before = [a for a in anchors if sent.start <= a < span.start]
            if self._in_relative_aside(doc, [a for a in before if a in cued_tokens], span, sent.end, subject_tokens):
                e.add(FAMILY)
                continue
            if before and (
                self._in_relative_clause(lowers, before, span.start, breaks)
                or self._in_disease_tail(lowers, before, related, sent.start, span.start, breaks)
            ):
                e.add(FAMILY)
                continue
            k = note.sents.index[span.start]
            earlier = [a for a in anchors if note.sents.index[a] in (k, k - 1) and a < span.start]
            if earlier and self._before_death(doc, lowers, span.end, sent.end):
                e.add(FAMILY)

    def _relative_pronouns(self, lowers: list[str], anchors: AbstractSet[int], start: int, end: int) -> set[int]:
        """Round 37b: the pronouns of the relative whose possessive leads the sentence ``start``-``end`` ("Sister's
        cancer ... and she had ..."), but for one a verb of the patient's telling follows ("and she reports ...")."""
        i = start
        while i < end and i - start < 3 and lowers[i] in self.owner_leads and i not in anchors:
            i += 1
        if i + 1 >= end or i not in anchors or lowers[i + 1] not in self.possessives:
            return set()
        pronouns = next((p for relatives, p in self.sexes if lowers[i] in relatives), frozenset())
        return {
            j
            for j in range(i + 2, end)
            if lowers[j] in pronouns and not any(w in self.returns for w in lowers[j + 1 : min(end, j + 3)])
        }

    def _in_relative_aside(
        self, doc: Doc, anchors: list[int], span: Span, stop: int, subject_tokens: AbstractSet[int]
    ) -> bool:
        """Round 23a: the nearest relative cue before the symptom opens a bracket right after it, and the bracket
        closes after the symptom in its sentence, with no patient's word, SUBJECT cue, line break or other bracket
        between the opening and the symptom."""
        if not anchors:
            return False
        a = anchors[-1]
        opened = a + 1
        if opened < span.start and doc[opened].text != "(":  # round 39b: or the relative opens the bracket
            opened = next((j for j in (a - 1, a - 2) if j >= 0 and doc[j].text == "("), opened)
            if opened < a and any(doc[j].lower_ not in self.owner_leads for j in range(opened + 1, a)):
                return False
        if opened >= span.start or doc[opened].text != "(":
            return False
        for i in range(max(opened, a) + 1, span.start):
            w = doc[i].lower_
            if w in _BRACKETS or w in self.patient_words or i in subject_tokens or "\n" in doc[i].text:
                return False
        for i in range(span.end, min(stop, span.end + ASIDE_REACH)):
            w = doc[i].lower_
            if w == ")":
                return True
            if w == "(" or w in self.patient_words or i in subject_tokens or "\n" in doc[i].text:
                return False
        return False

    def _in_relative_clause(self, lowers: list[str], anchors: list[int], start: int, breaks: Breaks) -> bool:
        """A relative, "who" or "whose" (after a comma or not), then the symptom before the clause's first comma."""
        for a in reversed(anchors):
            w = a + 1
            if w < start and lowers[w] == ",":
                w += 1
            if w >= start or lowers[w] not in self.pronouns:
                continue
            if all(lowers[i] != "," and not breaks(i) for i in range(w + 1, start)):
                return True
        return False

    def _in_disease_tail(
        self,
        lowers: list[str],
        anchors: list[int],
        related: list[tuple[int, int]],
        sentence: int,
        start: int,
        breaks: Breaks,
    ) -> bool:
        """The nearest earlier mention of the sentence that is a relative's (after a relative), then its tail."""
        first = anchors[0]  # before the end of the cue or the mention (inside the cue "her brother had")
        end = max((e for s, e in related if first < e <= start and s >= sentence), default=None)
        if end is None:
            return False
        if start - end > TAIL_REACH:
            return False
        for i in range(end, start):
            if breaks(i):
                return False
            if lowers[i] == "," and (i + 1 >= start or lowers[i + 1] not in self.comma_links):
                return False
        return True

    def _before_death(self, doc: Doc, lowers: list[str], end: int, stop: int) -> bool:
        """A pronoun and a death word after the symptom, in its clause ("... before she died", "until he passed")."""
        for i in range(end, min(stop, end + DEATH_REACH)):
            if (
                lowers[i] in self.deaths
                and i - 2 >= end
                and lowers[i - 1] in self.death_pronouns
                and lowers[i - 2] in self.death_leads
            ):
                return True
            if lowers[i] in (";", ".") or (lowers[i] in _DASHES and _spaced(doc, i)):
                return False
            if lowers[i] in self.subjects and lowers[i] not in self.death_pronouns:
                return False
        return False


class _Any:
    """Every mention family."""

    def __contains__(self, item: object) -> bool:
        return True


_ANY = _Any()


def _next_word(lowers: list[str], i: int) -> str:
    """The word after token ``i``, a shorthand split by the tokenizer joined again ("w" "/" -> "w/")."""
    word = lowers[i + 1]
    return word + "/" if i + 2 < len(lowers) and lowers[i + 2] == "/" else word


def _spaced(doc: Doc, i: int) -> bool:
    return bool(doc[i].whitespace_) or (i > 0 and bool(doc[i - 1].whitespace_))
