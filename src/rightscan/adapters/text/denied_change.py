"""Round 12v: a symptom the note describes by denying a change, or by a denial that limits it, a presenting
symptom later said to have settled, and a symptom dated to a procedure.

Four ways notes tell that a symptom is there but perhaps not a red flag, none of which states a benign cause plainly
enough to explain it away:

- **a denied warning** ("her headaches are her long-standing migraines without any new features", "back ache,
  nothing new or different about it"): a warning cue (context_rules.json, WARNING) with a denial word
  (``red_flag_readings.change_denials`` in context.yaml) a few words before it, told after the symptom on its line
  of the sentence, is reassurance, not a warning: it no longer blocks an explanation the note gives ("migraines").
  When such a denied warning is the only warning of the symptom's sentence and the denied word is one of change or
  novelty (``change_words``) and nothing else explains the symptom, it is left uncertain: the note says it has not
  changed but not why it is there, so the answer waits for it to be confirmed, neither stated nor dropped. A warning
  that is not denied anywhere in the sentence keeps everything as it was.
- **a limiting denial** ("headaches when she skips her coffee, none otherwise"; "cough with colds, nothing
  since"): a negation cue after the symptom in its clause that negates nothing named (only a word of
  ``limiting_tails`` or nothing stands before the clause ends) restricts the symptom to the circumstance told before
  it. Uncertain.
- **a presentation that settled**: a breathing symptom (``settling_symptoms``; never pain) the patient presented or
  was admitted with (a PRESENTATION cue's scope) with a warning ("10 days of progressive breathlessness"; an
  unwarned one said resolved later is already not current, ``course_explained.explained_later``), whose later mention of
  the same rule, in the same paragraph and section, is said to have resolved (a historical cue after it, no warning
  on it: "Dyspnea and cough resolved after drainage"), not "back to baseline" (a flare's end, ``chronic_baseline``'s).
  Whether it is there today is for confirmation: uncertain (never dropped: a flare's settling does not say why it
  came).
- **a symptom dated to a minor procedure** ("since the biopsy I have pain in my ribs"; "rib pain after the core
  biopsy"; never an operation, which only dates a symptom): a lead word and a procedure (``procedure_leads``,
  ``procedure_fillers``, ``procedure_names``) close to the symptom in its clause, in its sentence on its line, and no
  warning cue in that sentence: the procedure may explain it or not, which the words leave open, so it is left
  uncertain (never explained away).

Passes over one note's mentions (``rule_pass.NoteMentions``); every word is data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc

from rightscan.adapters.text.components import doc_text
from rightscan.adapters.text.pass_words import norm, word_sets
from rightscan.adapters.text.rule_pass import SYMPTOM_OR_UNSURE, NoteMentions

# how many tokens a denial word may stand before the warning cue it denies ("without any new", "nothing new or
# different": the second warning of a denied pair is denied by the same word)
DENIAL_REACH = 3
# how many tokens the limiting words may take after a bare negation before its clause ends ("none otherwise.")
LIMIT_REACH = 3
# how many characters at most between a procedure and the symptom it dates ("since the biopsy I have pain in my ribs")
PROCEDURE_REACH = 40
_GONE = frozenset({"negated", "historical", "hypothetical", "family", "explained", "uncertain"})


# words that open a new clause after the symptom's: a change denied after one of them is said of that clause's subject;
# "and" only before a determiner ("and the CT head showed nothing new", not "now and then, nothing new")
_NEW_CLAUSE = frozenset({"but", "while", "whereas", "although", "though"})
_DETERMINERS = frozenset({"the", "a", "an", "her", "his", "their", "my", "this", "that", "these", "those"})


def _opens_clause(doc: Doc, k: int, sent_end: int) -> bool:
    word = doc[k].lower_
    if word in _NEW_CLAUSE:
        return True
    return word == "and" and k + 1 < sent_end and doc[k + 1].lower_ in _DETERMINERS


class DeniedChange:
    """``red_flag_readings.change_denials``, ``change_words``, ``change_subjects`` and ``limiting_tails``
    (context.yaml), compiled once."""

    def __init__(
        self,
        words: Mapping[str, Sequence[str]],
        stable_words: Sequence[str] = (),
    ) -> None:
        self.words = word_sets(words)  # the lists read as they are, by their keys
        self.procedure = _procedure_pattern(words)
        stable = sorted(norm(stable_words), key=len, reverse=True)
        alts = "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in stable)
        self.baseline = re.compile(rf"(?<![\w/-])(?:{alts})(?![\w/-])", re.IGNORECASE) if alts else None
        self.longest_denial = max((len(w.split()) for w in self.words["change_denials"]), default=0)
        self._change_tokens = frozenset(t for w in self.words["change_words"] for t in w.split())  # round 29b

    # ------------------------------------------------------------------ denied warnings
    def _denied(self, doc: Doc, start: int, line_start: int) -> bool:
        """Whether a denial word ends within ``DENIAL_REACH`` tokens before token ``start`` (no stop between, other
        than the words of a denied pair: "nothing new or different")."""
        for k in range(start - 1, max(line_start, start - DENIAL_REACH) - 1, -1):
            tok = doc[k]
            if tok.is_punct and tok.text not in {",", "-"}:
                return False
            for n in range(1, self.longest_denial + 1):
                if k - n + 1 < line_start:
                    break
                if " ".join(t.lower_ for t in doc[k - n + 1 : k + 1]) in self.words["change_denials"]:
                    return not self._denies_activity(doc, k + 1, start)
        return False

    def _denies_activity(self, doc: Doc, after: int, start: int) -> bool:
        """Round 29b: whether the denial ending before token ``after`` denies an activity named right after it ("from
        not sleeping, worse lying down"), not the change told at ``start``: a verb in -ing that is no change word."""
        if after >= start:
            return False
        tok = doc[after]
        return tok.is_alpha and tok.lower_.endswith("ing") and tok.lower_ not in self._change_tokens

    def _of_symptom(self, doc: Doc, end: int, sent_end: int) -> bool:
        """Whether a denied warning ending at token ``end`` describes the symptom: its clause ends there, or the next
        word is one of ``change_subjects`` ("without any new features", "nothing different about them", "no new or
        worse"), never another thing ("no new meds")."""
        if end >= sent_end:
            return True
        nxt = doc[end]
        return nxt.is_punct or "\n" in nxt.text or nxt.lower_ in self.words["change_subjects"]

    def _change_denied(self, doc: Doc, after: int, first: int, sent_end: int) -> bool:
        """Whether a word of change (``change_words``: one word, "new", "worse", "different") is denied after token
        ``after`` in the sentence, describing the symptom, whether or not a warning cue was read there ("nothing
        new or different about it" may be read as one phrase that warns of nothing)."""
        change = self.words["change_words"]
        for k in range(after, sent_end):
            if "\n" in doc[k].text or _opens_clause(doc, k, sent_end):
                return False  # a new clause speaks of another thing ("... and the CT head showed nothing new")
            if doc[k].lower_ in change and self._denied(doc, k, first):
                j = k + 1
                while j < sent_end and (doc[j].lower_ in change or doc[j].lower_ in {"or", "nor", "and"}):
                    j += 1
                if self._of_symptom(doc, j, sent_end):
                    return True
        return False

    @staticmethod
    def _warnings(note: NoteMentions) -> list[tuple[int, int, str]]:
        """The warning cues: first token, the token after, their words."""
        return [(s, t, " ".join(note.doc[s:t].text.lower().split())) for s, t in note.cues("warning")]

    def reassure(self, note: NoteMentions) -> set[int]:
        """Drop ``warning`` from a symptom whose sentence's warnings (on its line) are all denied, at least one told
        after it; return the mentions whose denied warning is one of change (for ``settle``)."""
        if not self.words["change_denials"]:
            return set()
        doc = note.doc
        warnings = self._warnings(note)
        said_unchanged: set[int] = set()
        text = doc_text(doc)
        warned_by = note.cues_by_target("warning")
        for i, span, _, e in note.mentions(SYMPTOM_OR_UNSURE):
            sent = note.sents.of(span.start)
            line_start_char = text.rfind("\n", 0, span.start_char) + 1
            nl = text.find("\n", span.end_char)
            line_end_char = len(text) if nl < 0 else nl
            here = [(s, t, w) for s, t, w in warnings
                    if sent.start <= s < sent.end and line_start_char <= doc[s].idx < line_end_char]  # fmt: skip
            first = span.start
            while first > sent.start and doc[first - 1].idx >= line_start_char:
                first -= 1
            denied = [(s, t, w) for s, t, w in here if self._denied(doc, s, first)]
            if len(denied) < len(here):
                continue  # a warning the note does not deny stands
            # a denial of something else ("no new meds") says nothing of the symptom
            denied_here = [(s, w) for s, t, w in denied if s >= span.end and self._of_symptom(doc, t, sent.end)]
            if denied_here and "warning" in e:
                # only a warning that came from the denied cues is taken back (one carried from elsewhere stands)
                # (one the clause passes gave, with no edge: every warning of the whole sentence must be denied)
                sources = {s for s, _t in warned_by.get((span.start, span.end), ())} or {
                    s for s, _t, _w in warnings if sent.start <= s < sent.end
                }
                if sources <= {s for s, _w in denied_here}:
                    e.discard("warning")
            if "warning" in e:
                continue
            change = self.words["change_words"]
            if any(w in change for _s, w in denied_here) or self._change_denied(doc, span.end, first, sent.end):
                said_unchanged.add(i)
        return said_unchanged

    # ------------------------------------------------------------------ limiting denials
    def limited(self, note: NoteMentions) -> set[int]:
        """The symptoms followed in their clause by a negation that negates nothing named ("..., none otherwise.")."""
        if not self.words["limiting_tails"]:
            return set()
        doc = note.doc
        bare: list[int] = []
        for s, t in note.cues("negated"):
            k = t
            while k < len(doc) and k - t <= LIMIT_REACH and not doc[k].is_punct and not doc[k].is_sent_start:
                k += 1
            if k - t > LIMIT_REACH:
                continue
            tail = " ".join(tok.lower_ for tok in doc[t:k])
            if tail and tail not in self.words["limiting_tails"]:
                continue
            if k < len(doc) and not doc[k].is_punct and not doc[k].is_sent_start:
                continue
            bare.append(s)
        if not bare:
            return set()
        out: set[int] = set()
        starts = sorted(sp.start for sp in note.spans)
        for i, span, _, _ in note.mentions(SYMPTOM_OR_UNSURE):
            sent = note.sents.of(span.start)
            for s in bare:
                if not span.end <= s < sent.end or "\n" in doc[span.end : s].text:
                    continue
                if any(span.end <= o < s for o in starts):
                    continue  # another mention stands between: the negation may be its own
                out.add(i)
        return out

    # ------------------------------------------------------------------ a symptom dated to a procedure
    def after_procedure(self, note: NoteMentions) -> set[int]:
        """The symptoms whose sentence, on their line, dates something to a procedure (module docstring)."""
        if self.procedure is None:
            return set()
        text = doc_text(note.doc)
        out: set[int] = set()
        warned = {s for s, _t in note.cues("warning")}
        for i, span, _, _ in note.mentions(SYMPTOM_OR_UNSURE):
            sent = note.sents.of(span.start)
            if any(sent.start <= w < sent.end for w in warned):
                continue  # a warning anywhere in its sentence ("worse at night, it wakes me up") keeps the red flag
            lo = max(sent.start_char, text.rfind("\n", 0, span.start_char) + 1)
            nl = text.find("\n", span.end_char)
            hi = min(sent.end_char, len(text) if nl < 0 else nl)
            for m in self.procedure.finditer(text, lo, hi):
                a, b = (m.end(), span.start_char) if m.end() <= span.start_char else (span.end_char, m.start())
                # it dates this symptom: close by, in its clause ("after my lumpectomy. for 2 weeks headaches" does not)
                if b - a <= PROCEDURE_REACH and not re.search(r"[.;!?]", text[a:b]):
                    out.add(i)
                    break
        return out

    # ------------------------------------------------------------------ a presentation that settled
    def settled(self, note: NoteMentions) -> set[int]:
        """Symptoms presented with whose later mention in the paragraph is resolved (module docstring)."""
        doc, spans, described, effects, sections = note.doc, note.spans, note.described, note.effects, note.sections
        presented = {(t.start, t.end) for t, mod in doc._.context_graph.edges if mod.category == "PRESENTATION"}
        if not presented:
            return set()
        backward_historical = {
            (t.start, t.end) for t, mod in doc._.context_graph.edges
            if note.categories.get(mod.category) == "historical" and mod.modifier_span[0] >= t.end
        }  # fmt: skip
        text = doc_text(doc)
        out: set[int] = set()
        for i, span, d, e in note.mentions(SYMPTOM_OR_UNSURE, without=_GONE):
            if (span.start, span.end) not in presented:
                continue
            if "warning" not in e:
                continue  # an unwarned one resolved later is already not current (course_explained.explained_later)
            values = {f.value for f in d["findings"] if f.field == "symptoms"}
            if not values or not values <= self.words["settling_symptoms"]:
                continue  # never pain: new night pain settled on analgesia is still a red flag
            for j in range(len(spans)):
                later = spans[j]
                if later.start <= span.end or described[j]["rule"] != d["rule"]:
                    continue
                if re.search(r"\n[ \t]*\n", text[span.end_char : later.start_char]):
                    continue
                if sections[later.start] != sections[span.start]:
                    continue
                line_start = text.rfind("\n", 0, later.start_char) + 1
                nl = text.find("\n", later.end_char)
                if self.baseline is not None and self.baseline.search(text, line_start, len(text) if nl < 0 else nl):
                    break  # back to her baseline: a flare's end, read by chronic_baseline (its illness named or not)
                if (
                    (later.start, later.end) in backward_historical
                    and "historical" in effects[j]
                    and not (effects[j] & {"warning", "negated", "hypothetical", "family", "question"})
                ):
                    out.add(i)
                    break
        return out

    def apply_after(self, note: NoteMentions, said_unchanged: set[int]) -> None:
        """After the other passes: the symptoms said unchanged, limited by a denial, or presented and since settled,
        that nothing else has read away, are left uncertain."""
        effects = note.effects
        quiet = set(said_unchanged) | self.limited(note)
        quiet |= self.after_procedure(note)
        quiet = {i for i in quiet if "warning" not in effects[i]}  # a warning still standing keeps the symptom
        for i in quiet | self.settled(note):
            if note.described[i]["family"] in SYMPTOM_OR_UNSURE and not effects[i] & _GONE:
                effects[i].add("uncertain")


def _procedure_pattern(words: Mapping[str, Sequence[str]]) -> re.Pattern[str] | None:
    """A lead, an optional filler and a procedure, as whole words ("since the biopsy", "after my operation")."""

    def alts(key: str) -> str:
        listed = sorted(norm(words.get(key, ())), key=len, reverse=True)
        return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in listed)

    leads, fillers, names = alts("procedure_leads"), alts("procedure_fillers"), alts("procedure_names")
    if not leads or not names:
        return None
    filler = rf"(?:(?:{fillers})\s+)?" if fillers else ""
    return re.compile(rf"(?<![\w/-])(?:{leads})\s+{filler}(?:{names})(?![\w/-])", re.IGNORECASE)
