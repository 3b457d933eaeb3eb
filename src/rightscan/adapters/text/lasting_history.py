"""Round 23a: a "history of" a complaint given a length in days, weeks or months after it is today's complaint.

"h/o R hip pain x 6 wks", "history of back pain for 3 weeks", "h/o pain R hypochondrium since 1 month", "hx of cough
for the past fortnight": the writer tells how long the present complaint has lasted, the way "6/52 h/o R hip pain" or
"3 week history of cough" does before it (those are PSEUDO cues of context_rules.json). The HISTORICAL cue "history
of" (``lasting_history_cues`` of context.yaml's ``red_flag_readings``) does not make such a symptom historical:
``LastingHistory.lasting`` tells ``pipeline.Analyser._effects`` to pass over that cue for it. Any other historical cue
(resolved, in 2015, previous) still acts. The history stays a history when a year, or a word of the past
(``lasting_past_words``: previous, prior, resolved), stands between the cue and the length, when the length is in
years (a complaint of years is a chronic one), when it is followed by "ago" or "back" (a past episode's date, not a
length), or when any mark but a comma comes first (the length belongs to another clause).

Linear: a bounded look at the few tokens after the symptom.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Span

LASTING_REACH = 8  # tokens after the symptom in which its length is looked for
_GAP = 6  # tokens between the cue and the symptom ("h/o R hip pain", "history of dull aching pain in the R loin")
_YEAR = re.compile(r"(?:19|20)\d\d")
_GLUED = re.compile(r"x\d{1,3}")  # "x6 wks"
_SLASH_UNITS = frozenset({"7", "52", "12"})  # "6/52": weeks, "3/12": months, "2/7": days


class LastingHistory:
    """The words of a complaint's length after a "history of" (module docstring), built once per rule set."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        self.cues = frozenset(words.get("lasting_history_cues", ()))
        self.leads = frozenset(words.get("lasting_leads", ()))
        self.fillers = frozenset(words.get("lasting_fillers", ()))
        self.units = frozenset(words.get("lasting_units", ()))
        self.after_units = frozenset(words.get("lasting_not_after", ()))
        self.past = frozenset(words.get("lasting_past_words", ()))

    def lasting(self, doc: Doc, span: Span, literal: str, cue: tuple[int, int], stop: int) -> bool:
        """Whether the historical cue ``literal`` at ``cue`` only tells how long the symptom ``span`` has lasted: a
        length follows the symptom before ``stop`` (its sentence's end)."""
        if literal.lower() not in self.cues or not cue[1] <= span.start <= cue[1] + _GAP:
            return False
        for i in range(cue[1], span.start):
            if doc[i].is_punct or self._past(doc[i].lower_):
                return False
        for i in range(span.end, min(stop, span.end + LASTING_REACH)):
            w = doc[i].lower_
            if self._past(w) or "\n" in doc[i].text:
                return False
            if w in self.leads or _GLUED.fullmatch(w) or doc[i].like_num:
                return self._length(doc, i, stop)
            if doc[i].is_punct and w != ",":
                return False
        return False

    def _past(self, word: str) -> bool:
        return word in self.past or bool(_YEAR.fullmatch(word))

    def _length(self, doc: Doc, i: int, stop: int) -> bool:
        """A length at token ``i``: a lead ("x", "for", "since") or a glued "x6", fillers ("the past", "about"), a
        number or a shorthand ("6/52"), then a unit of days, weeks or months, not followed by "ago"."""
        j = i + 1 if (doc[i].lower_ in self.leads or _GLUED.fullmatch(doc[i].lower_)) else i
        while j < stop and doc[j].lower_ in self.fillers:
            j += 1
        if j < stop and doc[j].like_num and not _YEAR.fullmatch(doc[j].text):
            j += 1
            if j + 1 < stop and doc[j].text == "/" and doc[j + 1].text in _SLASH_UNITS:
                return self._not_after(doc, j + 2, stop)
        if j < stop and doc[j].lower_.rstrip(".") in self.units:
            return self._not_after(doc, j + 1, stop)
        return False

    def _not_after(self, doc: Doc, j: int, stop: int) -> bool:
        return j >= stop or doc[j].lower_ not in self.after_units
