"""Round 47e: a symptom the note puts down to a named benign cause told elsewhere in its paragraph is explained.

The annotation guide does not count a symptom "explicitly attributed to a benign cause with nothing worrying about it".
Notes often name the cause in a sentence of their own, away from the symptom: the clinician's conclusion ("Timing and
character typical of ACE-inhibitor cough"; "CT chest: ... Classic grade 2 radiation pneumonitis"; "known Gilbert
syndrome since college, no change" then "Exam: faint scleral icterus"), or the treatment that gives it ("Semaglutide
titrated to 1 mg weekly since Jan. Wt 104.2 -> 92.8 kg, right on target"). ConText's explaining cues reach only the
words beside them, so these symptoms were raised. Here a symptom mention is explained when

- its paragraph (no blank line between) names, outside a question, a cause of ``named_causes`` (context.yaml
  ``red_flag_readings``) that gives that symptom, not denied, doubted or set against another cause just before it
  (``named_cause_doubts``: "no", "?", "r/o", "vs", "concern for", "risk of", "stopped" ...) nor just after it
  (``named_cause_doubts_after``: "vs", "unlikely", "ruled out");
- a cause of ``named_chronic_causes`` (a joint replaced years ago, an old stroke: what may also give a new symptom)
  explains only when the cause's sentence or the symptom's ties the symptom to it or to a documented examination
  (``named_cause_stable_words``: "has ached ever since", "identical to the neurology exam documented 6/2024"); a bare
  "unchanged" does not (unchanged since last week's new weakness);
- the mention is stated plainly (not denied, asked, hypothetical, past, a relative's or already explained), and no
  mention of that symptom in the whole note carries a warning (new, worse, at night, different from usual ...): a
  warning keeps the red flag whatever cause is named.

Only the symptoms each cause gives: Gilbert syndrome explains a jaundice, never a back pain. Plain function over one
note's mentions (``rule_pass.NoteMentions``); every word is data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from rightscan.adapters.text.components import doc_text
from rightscan.adapters.text.named_event import NamedEvent, relative_at
from rightscan.adapters.text.pass_words import norm, phrase_pattern
from rightscan.adapters.text.rule_pass import ANY_SYMPTOM, NoteMentions

_NOT_PLAIN = frozenset({"negated", "hypothetical", "family", "historical", "explained", "warning", "question"})
_NOT_THE_PATIENTS_WARNING = frozenset({"negated", "hypothetical", "family"})
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_DOUBT_REACH = 4  # words before a cause that may deny or doubt it
_AFTER_REACH = 3  # words after it
_YEAR = re.compile(r"(?:19|20)\d\d")
_ASIDE = re.compile(r"[ \t]*\((?:[^()\n]|\([^()\n]*\)){1,160}\)")  # round 55u: one bracketed aside on the line


def _keyed(rows: Sequence[str]) -> dict[str, re.Pattern[str]]:
    """``"code: word, word"`` rows (round 51p: or ``"code, code: ..."``) -> code -> the pattern of its words."""
    words: dict[str, set[str]] = {}
    for row in rows:
        codes, _, listed = row.partition(":")
        for code in codes.split(","):
            words.setdefault(code.strip(), set()).update(w.strip() for w in listed.split(","))
    return {code: p for code, ws in words.items() if (p := phrase_pattern(ws)) is not None}


class NamedCauses:
    """The policy of ``named_causes`` (module doc), compiled once per rule set."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        self.causes = _keyed(words.get("named_causes", ()))
        self.chronic = _keyed(words.get("named_chronic_causes", ()))
        self.doubts = norm(words.get("named_cause_doubts", ()))
        self.doubts_after = norm(words.get("named_cause_doubts_after", ()))
        # round 47e: only the words that tie the symptom to the cause's time or to a documented examination ("ever
        # since", "identical to"): a bare "unchanged" may be unchanged since last week's new weakness
        self.stable = phrase_pattern(words.get("named_cause_stable_words", ()))
        self.unsure = frozenset(words.get("named_cause_unsure_codes", ()))
        # round 48s: a cause that explains only in its nerve's territory, never beside a far place
        self.territories = [(p, frozenset(w.strip().lower() for w in places.split(",") if w.strip()))
                            for row in words.get("named_cause_territories", ())
                            for causes, _, places in [row.partition(":")]
                            if (p := phrase_pattern(causes.split(","))) is not None]  # fmt: skip
        self.far = norm(words.get("named_cause_far_places", ()))
        # round 51p: a line an assessment or a diagnosis heading opens names causes for the whole note
        titles = phrase_pattern(words.get("named_cause_assessment_titles", ()))
        self.assessment = None if titles is None else re.compile(rf"^[ \t]*{titles.pattern}[ \t]*:", re.I | re.M)
        # round 54e: a cause that is itself a possible serious event (a blow to the head) leaves its symptom to confirm
        self.event_causes = _keyed(words.get("named_event_causes", ()))
        self._event = NamedEvent(words, lambda _words: False)  # its test of a sentence that warns of nothing

    def apply(self, note: NoteMentions) -> None:
        if not self.causes and not self.chronic:
            return
        text = doc_text(note.doc)
        warned = _warned_codes(note)
        paragraphs = [m.end() for m in _BLANK_LINE.finditer(text)]
        for _, span, d, e in note.mentions(ANY_SYMPTOM, without=_NOT_PLAIN):
            codes = _codes(d) - warned
            if not codes:
                continue
            start, end = _paragraph(paragraphs, len(text), span.start_char)
            sentence = note.sents.of(span.start)
            own = text[sentence.start_char : sentence.end_char]
            told = {self._told(text, start, end, code, own) for code in codes}
            if "explained" not in told:  # round 51p: the note's own conclusion on an assessment line
                lines = self.assessed(text)
                told |= {self._told(text, a, b, code, own, with_chronic=False) for code in codes for a, b in lines}
            if "explained" in told:
                e.add("explained")
            elif "uncertain" in told:
                e.add("uncertain")  # review of round 47e: a weight-loss drug named, the loss not said to be meant

    def events(self, note: NoteMentions) -> None:
        """Round 54e: a symptom stated plainly whose paragraph names a possible serious event that may give it
        (``named_event_causes``: a head injury) is left to confirm (``_event_told``). Run after the passes that explain
        a symptom dated back to its event ("struck her head on Sunday; headache since then, settling": explained)."""
        if not self.event_causes:
            return
        text = doc_text(note.doc)
        warned = _warned_codes(note)
        paragraphs = [m.end() for m in _BLANK_LINE.finditer(text)]
        for _, span, d, e in note.mentions(ANY_SYMPTOM, without=_NOT_PLAIN | {"uncertain"}):
            codes = _codes(d) - warned
            start, end = _paragraph(paragraphs, len(text), span.start_char)
            if codes and self._event_told(note, text, start, end, codes, span):
                e.add("uncertain")

    def assessed(self, text: str) -> list[tuple[int, int]]:
        """Round 51p: the lines an assessment or a diagnosis heading opens ("A/P: AI-associated arthralgia ...")."""
        if self.assessment is None:
            return []
        return [(m.start(), n if (n := text.find("\n", m.end())) >= 0 else len(text))
                for m in self.assessment.finditer(text)]  # fmt: skip

    def _told(self, text: str, start: int, end: int, code: str, own: str, with_chronic: bool = True) -> str | None:
        """"explained" when the paragraph ``text[start:end]`` names, undoubted, a cause of ``code`` (a chronic one only
        with a stable word in its sentence or in the symptom's sentence ``own``); "uncertain" when a chronic cause of a
        code of ``named_cause_unsure_codes`` is named without one; else None."""
        found = self.causes.get(code)
        if found is not None and any(self.affirmed(text, m, start) and self._in_territory(m.group(0), own)
                                     for m in found.finditer(text, start, end)):  # fmt: skip
            return "explained"
        chronic = self.chronic.get(code) if with_chronic else None
        if chronic is None or self.stable is None:
            return None
        own_stable = self.stable.search(own) is not None
        named = False
        for m in chronic.finditer(text, start, end):
            if self.affirmed(text, m, start, dated=True):
                named = True
                if own_stable or self.stable.search(_sentence_at(text, m)) is not None:
                    return "explained"
        return "uncertain" if named and code in self.unsure else None

    def _event_told(self, note: NoteMentions, text: str, start: int, end: int, codes: set[str], span: Any) -> bool:
        """Round 54e: the paragraph ``text[start:end]`` names, undoubted and not a relative's, an event of
        ``named_event_causes`` for one of ``codes`` (a head injury for a headache), and nothing warns from its sentence
        to the symptom's and the one after (``named_event.py``'s quiet sentences: no warning cue, vomiting, confusion,
        another symptom). A head injury is no benign cause: it needs its own imaging judgement, so the symptom it
        may give is left to confirm, never explained (test_nlp_head_injury.py); with a warning it stays a red flag."""
        found = [p for code in codes if (p := self.event_causes.get(code)) is not None]
        if not found:
            return False
        sents = note.sents
        k = sents.index[span.start]
        quiet = self._event.quiet(note, span)
        for pattern in found:
            for m in pattern.finditer(text, start, end):
                at = note.doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if at is None or not self.affirmed(text, m, start) or relative_at(note, at.start):
                    continue
                c = sents.index[at.start]
                lo, hi = min(c, k), min(max(c, k + 1), len(sents.spans) - 1)
                if all(quiet(sents.spans[j]) for j in range(lo, hi + 1)):
                    return True
        return False

    def _in_territory(self, cause: str, own: str) -> bool:
        """Round 48s: whether a cause with a territory (``named_cause_territories``) is told beside a symptom whose own
        sentence ``own`` names a place of it and no far place; a cause without one explains anywhere."""
        places = next((ws for p, ws in self.territories if p.fullmatch(" ".join(cause.split()))), None)
        if places is None:
            return True
        words = set(re.findall(r"[a-z0-9]+", own.lower()))
        return bool(words & places) and not words & self.far

    def affirmed(
        self, text: str, m: re.Match[str], start: int, dated: bool = False, course: frozenset[str] = frozenset()
    ) -> bool:
        """Not a question, nor denied, doubted or set against another cause around it (round 51p: ``course``, the
        words after it that tell this illness's own course, "pneumonia treated with ...", doubt nothing)."""
        clause = _sentence_at(text, m)
        if clause.rstrip().endswith("?"):
            return False
        before = text[max(start, m.start() - 80) : m.start()].lower()
        # round 51p (v51 ca-012): a spaced dash ends the doubt of the item before it ("no nodules - c/w radiation
        # pneumonitis": the "no" is the nodules')
        before = re.split(r"[.;\n]| [-–—]+ ", before)[-1]
        if "?" in before[-3:]:
            return False
        words = re.findall(r"[\w/'-]+|\?", before)[-_DOUBT_REACH:]
        if _has_phrase(words, self.doubts):
            return False
        rest = text[m.end() : m.end() + 220].lower()
        # round 55u (v55 cl-047): an aside in brackets right after the cause is passed over, so the join after it
        # still sets the cause against another ("radiation pneumonitis (early for that) vs infection vs other")
        aside = _ASIDE.match(rest)
        said = re.findall(r"[\w/'-]+|\?", aside.group(0)) if aside else []
        rest = rest[aside.end() :] if aside else rest[:60]
        after = said + re.findall(r"[\w/'-]+|\?", re.split(r"[.;\n]", rest)[0])[:_AFTER_REACH]
        if not dated and any(_YEAR.fullmatch(w) for w in (*words[-2:], *after)):
            return False  # review of 47e: a dated cause is past ("gallstones on US 2015")
        return not _has_phrase(after, self.doubts_after - course)


def _codes(d: Mapping[str, Any]) -> set[str]:
    return {*(f.value for f in d["findings"] if f.field == "symptoms"), d["rule"]}


def _paragraph(breaks: Sequence[int], size: int, at: int) -> tuple[int, int]:
    start = max((b for b in breaks if b <= at), default=0)
    end = min((b for b in breaks if b > at), default=size)
    return start, end


def _sentence_at(text: str, m: re.Match[str]) -> str:
    """The words of the sentence (line, up to a full stop) holding the match."""
    left = max(text.rfind("\n", 0, m.start()), *(text.rfind(p, 0, m.start()) for p in (". ", "; ")))
    right_candidates = [i for i in (text.find("\n", m.end()), text.find(". ", m.end())) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left + 1 : right + 1]


def _has_phrase(words: Sequence[str], phrases: frozenset[str]) -> bool:
    joined = " " + " ".join(words) + " "
    return any(f" {p} " in joined for p in phrases)


def _warned_codes(note: NoteMentions) -> set[str]:
    """The symptom codes the note tells with a warning of the patient's own (a benign cause explains none of them)."""
    warned: set[str] = set()
    for _, _span, d, _e in note.mentions(ANY_SYMPTOM, having={"warning"}, without=_NOT_THE_PATIENTS_WARNING):
        warned |= _codes(d)
    return warned
