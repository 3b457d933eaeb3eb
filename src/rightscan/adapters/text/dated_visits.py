"""Round 34a: the reason of a dated past visit, told on an event or history line, is that visit's complaint.

A follow-up note or a tumour board summary tells what happened since the last review as dated events: "Event: 09/2025
ED visit for pleuritic chest pain + dyspnea after a 12-h flight. CTA chest: no PE." (v34 cc-040), "PMH: hospitalised
03/2024 with shortness of breath (pneumonia)". The symptom there is why she went to hospital on that date, not what
she has today: it is historical. Three things must hold together, or the symptom is read as before:

- the line (or the sentence) opens with an event or history label and its colon
  (``red_flag_readings.dated_visit_labels``); a presenting complaint or a discharge summary's own admission
  ("Admitted 10/02/2025 for dyspnea") is no such line;
- a visit (``dated_visit_words``: an ED visit, an admission ...) with an explicit date next to it (a day, a month and
  year, or a year, right before the visit or between it and its reason) and a reason word (``dated_visit_reasons``)
  after which the symptom comes within a few words, in the same clause;
- nothing says the complaint goes on: no warning on the symptom, and none of ``dated_visit_ongoing`` ("still",
  "persists", "now") after it in its sentence. A symptom the note names again elsewhere is read there by its own words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rightscan.adapters.text.components import doc_text
from rightscan.adapters.text.note_dates import DATE as _DATE
from rightscan.adapters.text.note_dates import alternatives as _alternatives
from rightscan.adapters.text.rule_pass import SYMPTOM, NoteMentions

REASON_REACH = 60  # characters between the reason word and the symptom (a list of reasons: "chest pain + dyspnea")
_GONE = frozenset({"negated", "hypothetical", "family", "historical", "explained", "warning"})
_YEAR = r"(?:19|20)\d\d"


class DatedVisits:
    """Makes historical the reason of a dated past visit on an event or history line."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        labels = _alternatives(words.get("dated_visit_labels", ()))
        visits = _alternatives(words.get("dated_visit_words", ()))
        reasons = _alternatives(words.get("dated_visit_reasons", ()))
        ongoing = _alternatives(words.get("dated_visit_ongoing", ()))
        self._ready = bool(labels and visits and reasons)
        if not self._ready:
            return
        date = rf"(?:{_DATE}|{_YEAR})"
        self._label = re.compile(rf"(?i)^[ \t]*+[-*•]?[ \t]*+(?:{labels})[ \t]*+:")
        # [date] visit [on|in date] reason <what follows, to the symptom>: the date right before the visit or after it
        self._visit = re.compile(
            rf"(?i)(?<![\w])(?:(?P<before>{date})[ \t]+(?:\w+[ \t]+)?)?(?:{visits})(?![\w])[ \t]*+"
            rf"(?:(?:on|in|of|dated)[ \t]+)?(?P<after>{date})?[ \t,]*+(?:{reasons})(?![\w])(?P<rest>[^\n.;:]*)$"
        )
        self._ongoing = re.compile(rf"(?i)(?<![\w])(?:{ongoing})(?![\w])") if ongoing else None

    def apply(self, note: NoteMentions) -> None:
        if not self._ready:
            return
        text = doc_text(note.doc)
        for _, span, _, e in note.mentions(SYMPTOM, without=_GONE):
            at = span.start_char
            sentence = note.sents.of(span.start)
            head = text[max(text.rfind("\n", 0, at) + 1, sentence.start_char) : at]
            label = self._label.match(head)
            if label is None:
                continue
            m = self._visit.search(head, label.end())
            if m is None or not (m.group("before") or m.group("after")) or len(m.group("rest")) > REASON_REACH:
                continue
            told = m.group("rest") + " " + text[span.end_char : sentence.end_char]
            if self._ongoing is not None and self._ongoing.search(told):
                continue  # "still", "persists", "now" between the reason and the symptom, or after it
            e.add("historical")
