"""Round 10b: red flags other than breathlessness, read by whose they are, why they came and how they began.

Four readings that ConText's cue scopes alone get wrong, each driven by the word lists of ``red_flag_readings`` in
context.yaml (no rule words in code):

- **whose** (``informant_family``): a relative who tells the history ("per daughter, new low back pain") or calls in
  ("daughter calling for mother") is the informant; and a patient named by her relation to the caller ("mum is
  confused since waking") is the patient. A mention whose every relative cue is such an informant, or such a name
  of the patient, is not a relative's. A family-history section or any other relative's cue keeps it the relative's.
- **why** (``malignant_cause``): a generic attribution ("due to", "secondary to", "c/w") followed by cancer words
  ("back pain due to bone metastases", "headache attributed to brain mets") names the red flag's cause as the
  cancer: the symptom is never explained away by it.
- **a cause the note denies** (``negated_cause``): "weight loss of 5 kg, not due to dieting" names a benign cause only
  to deny it; ConText's check sees the negation only right before the cue ("not dieting"), not before the attribution
  that leads to it ("not due to dieting", "not from her arthritis"). A symptom whose explaining cues are all denied
  that way is not explained.
- **how it began** (``onset_with_trigger``): an onset word alone ("acute onset", "sudden") is what a mechanical
  injury does. When it is the only warning of a symptom whose sentence names a mechanical trigger ("acute onset low
  back pain after lifting a planter"), the symptom is neither kept as a stated red flag nor explained away by the
  trigger: it is left uncertain, so the answer waits for it to be confirmed (the safe reading). Any other warning
  (new, progressive, at night, no trauma, with weakness ...) keeps the red flag.
- **since when** (``dated_from_trigger``): a symptom dated back to a mechanical event told before it, earlier in its
  sentence or in the sentence before ("Had a mechanical fall off a ladder on Friday; mid back pain since."; "Fell over
  on the ice. Lower back ache since then."), is explained by it when nothing in its sentence warns of it. Only a
  pointer back that ends the clause ("since", "since then", "ever since"): "since Monday" dates, it links nothing.
- **what the negation denies** (``negated_activity``): a negation of an activity right before an explaining cue
  ("weight loss from not eating because of the stress") denies the activity, not the explanation; the cue explains
  the symptom as it would without the negation (no warning in the clause).
- round 11a: **a relative telling of the patient** by her relation ("the daughter says mum has had thigh pain"): the
  teller is an informant and "mum" names the patient; **after a mechanical event** (``trigger_before``): a symptom
  told after a trigger earlier in its sentence whose scope an onset word cut ("slipped on the step, landed on her
  side, now hip pain"), with no warning, is left uncertain; **the reason of a study done before**
  (``past_study_reason``: "had a CT chest in 2023 for a persistent cough") is left uncertain too.

Passes over one note's mentions (``rule_pass.NoteMentions``: the doc, its ConText graph, the mentions' spans and
their effect sets, changed in place).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from spacy.tokens import Doc, Span

from rightscan.adapters.text.habit_denial import habit_denied
from rightscan.adapters.text.named_event import NamedEvent
from rightscan.adapters.text.pass_words import (
    CLAUSE_BREAKS,
    CLAUSE_REACH,
    ends_with,
    norm,
    starts_with,
    word_sets,
    words_at,
)
from rightscan.adapters.text.reported_readings import may_be_patient
from rightscan.adapters.text.rule_pass import ANY_FAMILY, SYMPTOM, NoteMentions

# a symptom that carries one of these is not one a pointer back may explain
_NOT_STATED_PLAINLY = frozenset({"explained", "warning", "negated", "hypothetical", "family", "uncertain"})
_NOT_PLAIN_OR_PAST = _NOT_STATED_PLAINLY | {"historical"}  # nor one the note says is over
# round 18b: a symptom the note names and does not explain away (warned or not): one an assessment leaves open
_NOT_EXPLAINED_AWAY = frozenset({"explained", "negated", "hypothetical", "family", "historical"})
_PROCEDURE = frozenset({"procedure"})  # a study
# round 19b: the numbers written as words in a duration, and the vague counts of one that may be long
_WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "couple": 2}  # fmt: skip
_SOME = frozenset({"several", "few", "many", "some", "multiple"})
TOLD_REACH = 2  # round 19b: how far after a conclusion told without a colon its cause may begin ("Told pt prob viral")
AFTER_CAUSE = 3  # round 16b: how many tokens after an assessed cause a doubt of it may stand ("gastro, unlikely")
# a symptom that carries one of these is not stated as the patient's, now
_NOT_STATED_AS_HERS_NOW = frozenset({"negated", "hypothetical", "family", "historical", "uncertain"})
# how many words an informant's lead and possessive may take before the relative ("according to her", "as per the")
LEAD_WORDS = 3
# how many words may stand between a caller verb, the word naming whom the call is about and the relative
CALLER_GAP = 3
# how many words after a generic attribution its cause may name the cancer ("due to her known bone metastases")
ATTRIBUTION_REACH = 5
_FULL_STOPS = frozenset({".", ";", "!"})  # round 18b: marks that end a telling, for malignant_cause
# how many words may stand between a symptom and the pointer back that dates it ("back ache, worse bending, since")
DATING_GAP = 4
# round 11a: how many words may stand between a study and its reason word, and between that word and the symptom
# ("CT chest in 2023 for a persistent cough"); no clause may end there (CLAUSE_BREAKS)
REASON_AFTER_STUDY = 6
SYMPTOM_AFTER_REASON = 4
# round 13v-b: how many words a symptom's duration may take before the "since" of the event it dates from ("for 3
# weeks since", "x 10 days after")
DURATION_REACH = 5


def _marker_token(text: str) -> bool:
    """A list number or bullet opening a problem-list item ("1.", "1)", "#", "#1", "-")."""
    return text in ("-", "*", "•", "#", ".", ")") or text.rstrip(".)").lstrip("#").isdigit()


def _bare_marker(doc: Doc, sent: Span) -> bool:
    """Whether a sentence holds nothing but list numbers, bullets and spaces ("1." split off its item)."""
    return all(doc[t].is_space or _marker_token(doc[t].text) for t in range(sent.start, sent.end))


class RedFlagReadings:
    """The word lists of ``red_flag_readings`` (context.yaml), compiled once per rule set."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        self.words = word_sets(words)  # the lists read as they are, by their keys
        self.same_person: dict[str, frozenset[str]] = {}  # a name -> every word for the same person
        for group in words.get("relation_names", ()):
            names = norm(group.split(","))
            for name in names:
                self.same_person[name] = names
        # round 13v-b: the red flags that are events, and those low mood or grief may explain (symptom codes)
        self.event_symptoms = frozenset(words.get("event_symptoms", ()))
        self.mood_explains = frozenset(words.get("mood_explains", ()))
        # round 16b: a change of habits taken up on purpose explains the same symptoms (habit_causes)
        self._weight_causes = self.words["mood_causes"] | self.words["habit_causes"]
        self._purposes = self.words.get("purpose_words", frozenset())  # round 22a: "she has deliberately lost 3 kg"
        self._weight_causes |= self._purposes
        self._mood_longest = max((len(p.split()) for p in self._weight_causes), default=1)
        # round 16b: the acute benign illnesses an assessment may put a symptom down to, by the symptom (assessed_cause)
        self.assessed_causes: dict[str, frozenset[str]] = {}
        for row in words.get("assessed_causes", ()):
            code, _, names = row.partition(":")
            # round 19b: a symptom's causes may be told in more than one row (they add up)
            self.assessed_causes[code.strip()] = self.assessed_causes.get(code.strip(), frozenset()) | norm(
                names.replace("-", " - ").split(",")  # round 39a: read as the tokens ("taxane - induced")
            )
        self.acute_course = {
            c.strip(): norm(w.split(","))
            for c, _, w in (r.partition(":") for r in words.get("acute_course_warnings", ()))
        }  # round 31b: the warnings an acute illness of assessed_causes gives itself
        # round 19b: a conclusion told without a colon ("Told likely viral URI"), and the durations that warn
        self._told_longest = max((len(p.split()) for p in self.words["told_assessment_heads"]), default=1)
        self.long_durations: dict[str, int] = {}
        for row in words.get("long_durations", ()):
            unit, _, least = row.partition(":")
            self.long_durations[unit.strip().lower()] = int(least)
        self._assessed_longest = max((len(p.split()) for p in self.words["assessment_heads"]), default=1)
        self._cause_longest = max((len(p.split()) for ps in self.assessed_causes.values() for p in ps), default=1)
        self.may_be_patient = may_be_patient(words)  # round 12a (reported_readings.py)
        self.activity_endings = tuple(w.lower() for w in words.get("negated_activity_endings", ()) if w)
        # the lists read as phrases from a token on (_starts_with, ends_with)
        phrases = ("informant_leads", "caller_verbs", "caller_about", "attributions", "malignant_causes",
                   "dating_back", "study_reasons", "telling_verbs", "trigger_cuts")  # fmt: skip
        self._longest = max((len(p.split()) for key in phrases for p in self.words[key]), default=1)
        self._named_event = NamedEvent(words, self._mechanical)  # round 36b (named_event.py)

    # ------------------------------------------------------------------ whose
    def _informant_cues(self, doc: Doc, family_cues: list[tuple[int, int]]) -> tuple[set[tuple[int, int]], set[str]]:
        """The relative cues that name an informant (a lead before, or a caller verb after them), and the words that
        name the patient (the relation the caller calls about, with the other words for the same person)."""
        informants: set[tuple[int, int]] = set()
        patient: set[str] = set()
        for s, t in family_cues:
            k = s
            while k > 0 and doc[k - 1].lower_ in self.words["informant_possessives"]:
                k -= 1
            if k < s and s - k > LEAD_WORDS:
                continue
            if ends_with(doc, k, self.words["informant_leads"], self._longest) is not None:
                informants.add((s, t))
                continue
            told = self._tells_of_relation(doc, s, t)  # round 11a: "the daughter says mum has ..."
            if told is not None:
                informants.add((s, t))
                patient |= told
                continue
            verb_end = starts_with(doc, t, self.words["caller_verbs"], self._longest)
            if verb_end is None:
                continue
            informants.add((s, t))
            about_end = None
            for j in range(verb_end, min(verb_end + CALLER_GAP, len(doc))):
                about_end = starts_with(doc, j, self.words["caller_about"], self._longest)
                if about_end is not None:
                    break
            if about_end is None:
                continue
            j = about_end
            while j < min(len(doc), about_end + CALLER_GAP) and (
                doc[j].lower_ in self.words["informant_possessives"] or doc[j].is_punct
            ):
                j += 1
            if j < len(doc) and doc[j].lower_ in self.same_person:
                patient |= self.same_person[doc[j].lower_]
        return informants, patient

    def _tells_of_relation(self, doc: Doc, start: int, after: int) -> frozenset[str] | None:
        """The words for the person a child of the patient (the relative cue ``start``-``after``), with a telling verb
        right after, names by her relation without a possessive ("the daughter says mum has ...", "son reports that
        mother is ..."), or None. A sister's "mum" is the patient's mother too: only a child's parent is the patient."""
        if words_at(doc, start, after) not in self.words["tellers"]:
            return None
        end = starts_with(doc, after, self.words["telling_verbs"], self._longest)
        if end is None:
            return None
        j = end
        while j < min(len(doc), end + CALLER_GAP) and (
            doc[j].lower_ in self.words["telling_fillers"] or doc[j].is_punct
        ):
            j += 1
        if j >= len(doc):
            return None
        # round 12a: only a relation by which this teller may name the patient ("the daughter says grandma had ..." is
        # the patient's mother; reported_readings.may_be_patient)
        names = self.may_be_patient.get(words_at(doc, start, after))
        if names is not None and doc[j].lower_ not in names:
            return None
        return self.same_person.get(doc[j].lower_)

    def informant_family(self, note: NoteMentions) -> None:
        """A mention whose every relative cue names an informant or the patient is not a relative's."""
        if not self.same_person:
            return
        cues = note.cues("family")
        if not cues:
            return
        informants, patient = self._informant_cues(note.doc, cues)
        if not informants and not patient:
            return
        by_target = note.cues_by_target("family")
        for _, span, _, e in note.mentions(ANY_FAMILY, having={"family"}):
            if note.in_family_section(span):
                continue
            mods = by_target.get((span.start, span.end))
            if mods and all(m in informants or words_at(note.doc, *m) in patient for m in mods):
                e.discard("family")

    def informants(self, note: NoteMentions) -> tuple[set[tuple[int, int]], set[str]]:
        """Round 18a (relative_tail.py): the relative cues that name an informant or a caller, and the words that name
        the patient (``_informant_cues``)."""
        cues = note.cues("family") if self.same_person else []
        return self._informant_cues(note.doc, cues) if cues else (set(), set())

    # ------------------------------------------------------------------ why
    def _names_cancer(self, doc: Doc, start: int, stop: int, negated_ends: set[int]) -> bool:
        """An attribution at ``start`` whose next few words, before a punctuation mark, name the cancer."""
        end = starts_with(doc, start, self.words["attributions"], self._longest)
        if end is None:
            return False
        for j in range(end, min(end + ATTRIBUTION_REACH, stop)):
            joins = doc[j].text == "-" and not doc[j].whitespace_ and not doc[j - 1].whitespace_  # "biopsy-proven"
            if (doc[j].is_punct and not joins) or j in negated_ends:  # round 22a: a hyphen inside a word ends nothing
                return False
            if starts_with(doc, j, self.words["malignant_causes"], self._longest) is not None:
                return True
        return False

    def malignant_cause(self, note: NoteMentions) -> None:
        """A symptom explained only because a generic attribution after it was read as a cause, where that cause is
        the cancer ("back pain due to bone metastases"): not explained."""
        negated_ends = {t for _, t in note.cues("negated")}
        explaining: list[int] | None = None
        own: dict[tuple[int, int], list[tuple[int, int]]] | None = None
        for _, span, _, e in note.mentions(SYMPTOM, having={"explained"}):
            stop = min(note.sents.of(span.start).end, span.end + CLAUSE_REACH)
            # round 18b: past a full stop the sentence splitter missed, another symptom begins another telling ("my
            # back hurts since gym (deadlifts). my aunt had back pain from bone mets"): the attribution after it is that
            # symptom's, when every cause that explains this one is told before the stop
            end = next((j for j in range(span.end, stop) if note.doc[j].text in _FULL_STOPS), None)
            nxt = next((s for s in note.starts(SYMPTOM) if end is not None and end < s < stop), None)
            if end is not None and nxt is not None:
                if explaining is None or own is None:
                    explaining, own = [s for s, _ in note.cues("explained")], note.cues_by_target("explained")
                causes = [s for s in explaining if span.end <= s < stop]
                causes += [s for s, _ in own.get((span.start, span.end), ())]
                if causes and all(s < end for s in causes):
                    stop = nxt
            if any(self._names_cancer(note.doc, j, stop, negated_ends) for j in range(span.end, stop)):
                e.discard("explained")

    # ------------------------------------------------------------------ a cause the note denies
    def _denied(self, doc: Doc, s: int, negated_ends: set[int]) -> bool:
        """Whether the explaining cue at ``s`` is negated, right before it or before the attribution leading to it."""
        if s in negated_ends or s - 1 in negated_ends:
            return True
        if s >= 2 and s - 2 in negated_ends and doc[s - 1].lower_ in self.words.get("denied_cause_joins", ()):
            return True  # round 22a: the second of two causes one negation denies ("no fall or injury")
        k = s
        fillers = self.words["cause_fillers"] | self.words.get("denied_cause_takers", frozenset())  # "not due to her"
        while k > 0 and s - k < LEAD_WORDS and doc[k - 1].lower_ in fillers:
            k -= 1
        a = ends_with(doc, k, self.words["attributions"], self._longest)  # round 54r: or "not on an ACE inhibitor"
        return (k < s and k in negated_ends) or (a is not None and (a in negated_ends or a - 1 in negated_ends))

    def negated_cause(self, note: NoteMentions) -> None:
        """A symptom whose explaining cues (its own, and those after it up to the next finding) are all denied: not
        explained."""
        negated_ends = {t for _, t in note.cues("negated")}
        if not negated_ends:
            return
        explaining = [s for s, _ in note.cues("explained")]
        own = note.cues_by_target("explained")
        starts = note.starts(SYMPTOM)
        for _, span, _, e in note.mentions(SYMPTOM, having={"explained"}, without={"warning"}):
            nxt = next((st for st in starts if st >= span.end), len(note.doc))
            stop = min(note.sents.of(span.start).end, nxt, span.end + CLAUSE_REACH)
            cues = {s for s, _ in own.get((span.start, span.end), ())} | {s for s in explaining if span.end <= s < stop}
            if cues and all(self._denied(note.doc, s, negated_ends) for s in cues):
                e.discard("explained")

    # ------------------------------------------------------------------ how it began
    def onset_with_trigger(self, note: NoteMentions) -> None:
        """A symptom whose only warnings are onset words, in a sentence naming a mechanical trigger: uncertain. Round
        13v-b: so is an event (a fracture) whose only warnings are those words or words that time it ("tripped on the
        stairs at night": when she fell, not a pain that wakes her)."""
        if not (self.words["onset_warnings"] or self.words["event_times"]) or not self.words["mechanical_triggers"]:
            return
        doc, sents = note.doc, note.sents
        warning_cues: dict[int, list[str]] = {}  # sentence start -> the words of its warning cues
        triggers: set[int] = set()  # sentence starts with a mechanical trigger
        for m in doc._.context_graph.modifiers:
            s, t = m.modifier_span
            start = sents.of(s).start
            effect = note.categories.get(m.category)
            if effect == "warning":
                warning_cues.setdefault(start, []).append(words_at(doc, s, t))
            elif effect == "explained" and self._mechanical(words_at(doc, s, t)):
                triggers.add(start)
        for _, span, d, e in note.mentions(SYMPTOM, having={"warning"}):
            sent = sents.of(span.start)
            if sent.start not in triggers:
                continue
            words = list(warning_cues.get(sent.start, ()))
            if sent.end < len(doc):  # a failed treatment told in the next sentence also warns of it (scopes)
                words += warning_cues.get(sents.of(sent.end).start, [])
            event = any(f.field == "symptoms" and f.value in self.event_symptoms for f in d["findings"])
            if words and all(
                w in self.words["onset_warnings"] or (event and w in self.words["event_times"]) for w in words
            ):
                e.difference_update({"warning", "explained"})
                e.add("uncertain")

    def _mechanical(self, words: str) -> bool:
        """Whether an explaining cue names a mechanical trigger: listed, or an activity with what was moved (round 34a's
        "lifting a heavy box": its first word is one of ``mechanical_trigger_heads``)."""
        heads = self.words["mechanical_trigger_heads"]
        return words in self.words["mechanical_triggers"] or words.split(" ", 1)[0] in heads

    # ------------------------------------------------------------------ since when
    def _dated_back(self, doc: Doc, span: Span, sent_end: int) -> bool:
        """Whether a pointer back ("since", "since then") follows the symptom and ends its clause."""
        for j in range(span.end, min(span.end + DATING_GAP, sent_end)):
            end = starts_with(doc, j, self.words["dating_back"], self._longest)
            if end is not None and (end >= sent_end or doc[end].is_punct):
                return True
        return False

    def _unwarned_beside_triggers(
        self, note: NoteMentions, without: frozenset[str]
    ) -> Iterator[tuple[Span, set[str], Span, list[int]]]:
        """The walk of the two rules that read a symptom after a mechanical event: in a note naming a mechanical
        trigger (an explaining cue of ``triggers``), each symptom carrying none of ``without`` whose sentence holds
        no warning cue, with its effects (to add to), its sentence and where the note's triggers start."""
        doc = note.doc
        triggers = [s for s, t in note.cues("explained") if self._mechanical(words_at(doc, s, t))]
        if not triggers:
            return
        warnings = [s for s, _ in note.cues("warning")]
        for _, span, _, e in note.mentions(SYMPTOM, without=without):
            sent = note.sents.of(span.start)
            if not any(sent.start <= w < sent.end for w in warnings):
                yield span, e, sent, triggers

    def dated_from_trigger(self, note: NoteMentions) -> None:
        """A symptom dated back to a mechanical event told before it (in its sentence or the one before): explained."""
        self._duration_since_trigger(note)  # round 13v-b
        if not self.words["dating_back"] or not self.words["mechanical_triggers"]:
            return
        for span, e, sent, triggers in self._unwarned_beside_triggers(note, _NOT_STATED_PLAINLY):
            first = note.sents.of(sent.start - 1).start if sent.start > 0 else sent.start
            dated = self._dated_back(note.doc, span, sent.end) and any(first <= t < span.start for t in triggers)
            if dated or self._named_event.explains(note, span, sent):  # round 36b: "since the fall", further back
                e.add("explained")

    def _duration_since_trigger(self, note: NoteMentions) -> None:
        """Round 13v-b: a symptom, its duration, then the mechanical event it dates from ("low back pain for 3 weeks
        since moving a wardrobe", "hip ache x 10 days after lifting her grandson"). The duration's cue ("3 weeks
        since", a past cue of context_rules.json) takes the "since" of the trigger's, so ConText reads no trigger: the
        symptom is explained as it is without the duration ("back pain since moving a wardrobe"), when nothing in its
        sentence warns of it."""
        if not self.words["mechanical_triggers"]:
            return
        warnings = [s for s, _ in note.cues("warning")]
        for _, end in note.cues("past"):
            if starts_with(note.doc, end - 1, self.words["mechanical_triggers"], self._longest) is None:
                continue
            sent = note.sents.of(end - 1)
            if any(sent.start <= w < sent.end for w in warnings):
                continue
            for _, span, _, e in note.mentions(SYMPTOM, without=_NOT_PLAIN_OR_PAST):
                if sent.start <= span.start and span.end < end and end - 1 - span.end <= DURATION_REACH:
                    e.add("explained")

    # ------------------------------------------------------------------ round 13v-b: low mood and grief
    def mood_cause(self, note: NoteMentions) -> None:
        """A symptom that low mood or grief gives (``mood_explains``: weight lost) told with one of them later in its
        clause ("down 4 kg since her partner died, grieving and off her food"): explained, when nothing in its
        sentence warns of it and the mood is not denied ("no low mood"). Only those symptoms: a low mood named beside
        bone pain is another problem, not its cause."""
        if not self._weight_causes or not self.mood_explains:
            return
        doc = note.doc
        denied = [m.scope_span for m in doc._.context_graph.modifiers if note.categories.get(m.category) == "negated"]
        warnings = [s for s, _ in note.cues("warning")]
        for _, span, d, e in note.mentions(SYMPTOM, without=_NOT_PLAIN_OR_PAST):
            if not any(f.field == "symptoms" and f.value in self.mood_explains for f in d["findings"]):
                continue
            sent = note.sents.of(span.start)
            if any(sent.start <= w < sent.end for w in warnings):
                continue
            if span.start > sent.start and doc[span.start - 1].lower_ in self._purposes:
                e.add("explained")  # round 22a: the word of purpose right before the loss ("deliberately lost 3 kg")
                continue
            for j in range(span.end, min(sent.end, span.end + CLAUSE_REACH)):
                if doc[j].text in CLAUSE_BREAKS:
                    break
                cause = starts_with(doc, j, self._weight_causes, self._mood_longest) is not None  # 45w: not denied
                if cause and not any(a <= j < b for a, b in denied) and not habit_denied(doc, j, span.end, self.words):
                    e.add("explained")
                    break

    # ------------------------------------------------------------------ round 16b: an assessment's acute cause
    def _assessed(self, note: NoteMentions) -> list[tuple[int, str, int | None, bool]]:
        """(first token, symptom code, told, final) of each acute benign cause an assessment sentence names,
        undoubted; ``told`` is the first token of a conclusion told without a colon (round 19b), else None; ``final``
        whether the heading names the diagnoses of the whole admission (round 23f: ``final_heads``, read before the
        history too)."""
        doc = note.doc
        doubted = {s for eff in ("negated", "purpose", "question") for s, _ in note.cues(eff)}
        hedged = {s for s, _ in note.cues("uncertain")}
        out: list[tuple[int, str, int | None, bool]] = []
        finals = self.words.get("final_heads", frozenset())
        spans = list(note.sents.spans)
        # round 18b: the symptoms the note names and does not explain away, by code or rule (round 39a) (token, code)
        standing = [(span.start, c) for _, span, d, _ in note.mentions(SYMPTOM, without=_NOT_EXPLAINED_AWAY)
                    for f in d["findings"] if f.field == "symptoms" for c in (f.value, d["rule"])]  # fmt: skip
        for i, sent in enumerate(spans):
            k = sent.start
            while k < sent.end and (doc[k].is_space or doc[k].text in ("-", "*", "•")):
                k += 1
            told: int | None = None
            head = starts_with(doc, k, self.words["assessment_heads"], self._assessed_longest)
            final = head is not None and words_at(doc, k, head) in finals
            if head is None or head >= sent.end or doc[head].text not in (":", "-", "–", "—"):
                # round 19b: a conclusion told without a colon ("Told likely viral URI; fluids, rest")
                head = starts_with(doc, k, self.words["told_assessment_heads"], self._told_longest)
                if head is None or head >= sent.end:
                    continue
                told, head = k, head - 1
            start, stop = head + 1, sent.end
            if all(doc[t].is_space for t in range(start, stop)):
                # round 17b: a heading alone on its line ("A/P:") is read in its first item, past a bare list number
                # ("1." / "#1" / "1)"): the principal problem; never the items after it (other problems)
                nxt = next((s for s in spans[i + 1 :] if not _bare_marker(doc, s)), None)
                if nxt is None:
                    continue
                start, stop = nxt.start, nxt.end
                while start < stop and (doc[start].is_space or _marker_token(doc[start].text)):
                    start += 1
            for j in range(start, stop):
                if doc[j].text in (";", ".", "?") or j in doubted:
                    break
                if told is not None and j - start > TOLD_REACH:
                    break  # round 19b: "Likely metastatic disease rather than flu" names no cause
                if doc[j].lower_ in ("vs", "vs.", "versus"):
                    break
                for code, names in self.assessed_causes.items():
                    # round 18b: never when the assessment leaves a symptom of that kind open ("Dx: Costochondritis;
                    # L hip pain, unexplained")
                    if any(start <= at < stop and named == code for at, named in standing):
                        continue
                    end = starts_with(doc, j, names, self._cause_longest)
                    # round 23f: never past the cause's own clause ("caffeine withdrawal; no imaging needed")
                    tail = next((k for k in range(end, min(end + AFTER_CAUSE, stop)) if doc[k].text in (";", ".")),
                                min(end + AFTER_CAUSE, stop)) if end is not None else stop  # fmt: skip
                    if end is not None and not any(  # doubted after it: "gastroenteritis?", "... unlikely", "vs"
                        k in doubted or k in hedged or doc[k].lower_ in ("vs", "vs.", "versus", "?")
                        for k in range(end, tail)
                    ):
                        out.append((j, code, told, final))
        return out

    def assessed_cause(self, note: NoteMentions) -> None:
        """A symptom that an assessment after it puts down to an acute benign illness giving that symptom
        (``assessed_causes``: "Assessment: likely foodborne gastroenteritis" for abdominal pain): explained, when
        nothing in its sentence warns of it."""
        if not self.assessed_causes:
            return
        found: list[tuple[int, str]] | None = None
        course = {s: words_at(note.doc, s, t) for s, t in note.cues("warning")}  # round 31b: each warning's words
        warnings = list(course)
        for _, span, d, e in note.mentions(SYMPTOM, without=_NOT_PLAIN_OR_PAST - {"warning"}):
            codes = {*(f.value for f in d["findings"] if f.field == "symptoms"), d["rule"]} & set(self.assessed_causes)
            sent = note.sents.of(span.start)
            # round 31b: warned only by what the acute illness itself gives ("constant" RUQ pain of a cholecystitis)
            warned = [course[w] for w in warnings if sent.start <= w < sent.end]
            codes = {c for c in codes if all(w in self.acute_course.get(c, ()) for w in warned)}
            if not codes or ("warning" in e and not warned):
                continue
            if found is None:
                found = self._assessed(note)
            if any(
                (s >= sent.end or (final and s < sent.start))
                and code in codes
                and (told is None or (not warned and self._unwarned(note, sent.start, told, warnings)))
                for s, code, told, final in found
            ):
                e.discard("warning")
                e.add("explained")

    def _unwarned(self, note: NoteMentions, start: int, stop: int, warnings: list[int]) -> bool:
        """Round 19b: nothing from token ``start`` to ``stop`` warns: no warning cue, no long duration ("x 4 weeks",
        ``long_durations``) and no warning companion not denied (``told_warning_words``: blood, breathlessness)."""
        if any(start <= w < stop for w in warnings):
            return False
        doc = note.doc
        denied = [m.scope_span for m in doc._.context_graph.modifiers if note.categories.get(m.category) == "negated"]
        longest = max((len(p.split()) for p in self.words["told_warning_words"]), default=1)
        for j in range(start, stop):
            if starts_with(doc, j, self.words["told_warning_words"], longest) is not None and not any(
                a <= j < b for a, b in denied
            ):
                return False
        for j in range(start, stop - 1):
            least = self.long_durations.get(doc[j + 1].lower_)
            if least is None:
                continue
            number = doc[j].lower_
            value = _WORD_NUMBERS.get(number) if not number.isdigit() else int(number)
            if (value is not None and value >= least) or (value is None and number in _SOME):
                return False  # "4 weeks"; "several weeks", "a few months": long enough
        return True

    # ------------------------------------------------------------------ what the negation denies
    def negated_activity(self, note: NoteMentions) -> None:
        """A cause's lead (round 47m: ``attributions``) right after a negated activity ("from not eating because of
        the stress") explains a symptom whose clause does not warn of it ("no preceding URI" explains nothing)."""
        if not self.activity_endings:
            return
        doc = note.doc
        negated_ends = {t for _, t in note.cues("negated")}
        explaining = [s for s, _ in note.cues("explained")]
        warnings = [s for s, _ in note.cues("warning")]
        for _, span, _, e in note.mentions(SYMPTOM, without={"explained", "warning", "negated"}):
            stop = min(note.sents.of(span.start).end, span.end + CLAUSE_REACH)
            if any(span.end <= w < stop for w in warnings):
                continue
            for s in explaining:
                if span.end + 1 < s < stop and s - 1 in negated_ends and s not in negated_ends:
                    between, lead = doc[s - 1], starts_with(doc, s, self.words["attributions"], self._longest)
                    if between.is_alpha and between.lower_.endswith(self.activity_endings) and lead is not None:
                        e.add("explained")
                        break

    # ------------------------------------------------------------------ round 11a: after a mechanical event
    def trigger_before(self, note: NoteMentions) -> None:
        """A symptom told after a mechanical trigger earlier in its sentence, neither explained (an onset word such as
        "now" ends the trigger's scope: "slipped on the step last night, landed on her side, now hip pain") nor
        warned of: uncertain, so the answer waits for it to be confirmed (the safe reading)."""
        if not self.words["mechanical_triggers"] or not self.words["trigger_cuts"]:
            return
        for span, e, sent, triggers in self._unwarned_beside_triggers(note, _NOT_PLAIN_OR_PAST):
            if any(sent.start <= t < span.start and self._cut_between(note.doc, t, span.start) for t in triggers):
                e.add("uncertain")

    def _cut_between(self, doc: Doc, start: int, end: int) -> bool:
        """Whether an onset word ending an explanation's scope ("now") stands between tokens ``start`` and ``end``."""
        return any(
            starts_with(doc, j, self.words["trigger_cuts"], self._longest) is not None for j in range(start + 1, end)
        )

    # ------------------------------------------------------------------ round 11a: the reason of a past study
    def past_study_reason(self, note: NoteMentions) -> None:
        """A symptom given as the reason of a study already done ("had a CT chest in 2023 for a persistent cough"):
        that study's old indication, which says nothing sure of today. Neither stated nor dropped: uncertain."""
        if not self.words["study_reasons"]:
            return
        studies = [span for _, span, _, e in note.mentions(_PROCEDURE) if e & {"past", "performed"}]
        if not studies:
            return
        for _, span, _, e in note.mentions(SYMPTOM, without=_NOT_STATED_AS_HERS_NOW):
            sent = note.sents.of(span.start)
            for study in studies:
                if not (sent.start <= study.start and study.end <= span.start):
                    continue
                if self._reason_between(note.doc, study.end, span.start):
                    e.add("uncertain")
                    break

    def _reason_between(self, doc: Doc, after_study: int, symptom: int) -> bool:
        """A reason word ("for") a few words after the study and a few before the symptom, no clause break between."""
        if symptom - after_study > REASON_AFTER_STUDY + SYMPTOM_AFTER_REASON or any(
            t.text in CLAUSE_BREAKS for t in doc[after_study:symptom]
        ):
            return False
        for j in range(after_study, min(after_study + REASON_AFTER_STUDY + 1, symptom)):
            end = starts_with(doc, j, self.words["study_reasons"], self._longest)
            if end is not None and symptom - end <= SYMPTOM_AFTER_REASON:
                return True
        return False
