"""Round 50a: an illness told as over explains no symptom told before it in a clause of its own.

"Back pain x 3 wk; COVID in Aug, fully recovered." ConText's COVID cue explains the symptoms around it (a cough with
the flu is benign), and its clause reached back across the semicolon to the back pain, so a red flag of three weeks was
explained away by an illness of August the patient had recovered from. A clinician reads two things: a symptom now,
with its own time course, and an illness then, over. The illness explains only the symptoms told with it ("COVID in
Aug with 2 wks of cough and fatigue, fully recovered": recovered_illness.py reads those as past) or tied to it by a
word ("Cough since her flu in October, now resolved").

Here a symptom whose every explaining cue is an acute illness (the illness words of ``illness_list_causes``,
context.yaml ``red_flag_readings``: a cold, the flu, COVID, pneumonia ...) told after it in its sentence, when that
illness is told as over (a ``full_recovery_cues`` phrase after it in the sentence, or a past date right after it: "in
Aug", "last winter", "3 months ago"; ``illness_past_dates``) and no word ties the symptom to it (``illness_links``:
"since", "after", "from", "with" ...), is no longer explained, nor past by the recovery (a resolution told only after
the illness is the illness's). A symptom that illness gives (a cough after a cold, a headache with the flu: the rows of
``illness_list_causes``) is left to confirm: the writer may have meant it as the illness's tail. Any other symptom (back
pain after COVID) is stated.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from rightscan.adapters.text.components import doc_text
from rightscan.adapters.text.pass_words import phrase_pattern
from rightscan.adapters.text.rule_pass import ANY_SYMPTOM, NoteMentions

_SET_ASIDE = frozenset({"negated", "hypothetical", "family", "question", "uncertain"})
_CLAUSE_END = re.compile(r"[;.!?\n]")
_SINCE = re.compile(r"(?:since|for|x|over|through)\s*$", re.IGNORECASE)  # a time the symptom has lasted from
_LAST_BREAK = re.compile(r"[;,.:!?\n(]|\s[-–—]\s")  # a mark that ends a clause


def _codes(d: Mapping[str, Any]) -> set[str]:
    return {f.value for f in d["findings"] if f.field == "symptoms"}


class IllnessOver:
    """Takes an illness told as over off the symptoms told before it (module doc)."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        gives: dict[str, set[str]] = {}  # illness word -> the symptoms it gives
        for row in words.get("illness_list_causes", ()):
            code, _, listed = row.partition(":")
            for w in listed.split(","):
                if w.strip():
                    gives.setdefault(" ".join(w.lower().split()), set()).add(code.strip())
        self._gives = gives
        self._illness = phrase_pattern(gives)
        self._recovered = phrase_pattern(words.get("full_recovery_cues", ()))
        self._links = phrase_pattern(words.get("illness_links", ()))
        dates = [w for w in words.get("illness_past_dates", ()) if w.strip()]
        self._dated = re.compile(rf"\s*(?:{'|'.join(dates)})(?![\w-])", re.IGNORECASE) if dates else None

    def apply(self, note: NoteMentions) -> None:
        if self._illness is None or (self._recovered is None and self._dated is None):
            return
        text = doc_text(note.doc)
        doc = note.doc
        explaining = note.cues("explained")
        explained_by = note.cues_by_target("explained")
        past_by = note.cues_by_target("historical")
        past_cues = note.cues("historical")
        for _, span, d, e in note.mentions(ANY_SYMPTOM, without=_SET_ASIDE):
            if "warning" in e or not e & {"explained", "historical"}:
                continue
            sent = note.sents.of(span.start)
            at = self._illness.search(text, span.end_char, sent.end_char)
            if at is None:
                continue
            illness, ill_start = " ".join(at.group(0).lower().split()), at.start()
            # the words that tie the symptom to the illness stand in the illness's own clause ("cough since her flu";
            # not "hip pain since last month; flu in March")
            between = _LAST_BREAK.split(text[span.end_char : ill_start])[-1]
            if self._links is not None and self._links.search(between):
                continue  # told with the illness
            if not self._over(text, at, sent.end_char) or self._dated_itself(text[span.end_char : ill_start]):
                continue
            # every cue that explains it or puts it in the past is the illness's or told after it
            cues = set(explained_by.get((span.start, span.end), ()))
            cues |= {(s, t) for s, t in explaining if span.end <= s < sent.end}
            if any(doc[s].idx + len(doc[s:t].text) <= ill_start or not self._illness.search(doc[s:t].text)
                   for s, t in cues):  # fmt: skip
                continue  # another cause, told before the illness or in other words, explains it
            past = set(past_by.get((span.start, span.end), ())) | {(s, t) for s, t in past_cues if span.end <= s}
            if any(doc[s].idx < ill_start for s, t in past):
                continue  # put in the past by a cue of its own ("h/o back pain", "back pain, resolved; flu ...")
            e.discard("explained")
            e.discard("historical")
            if _codes(d) & self._gives.get(illness, set()):
                e.add("uncertain")

    def _dated_itself(self, between: str) -> bool:
        """Whether the symptom is dated in the past in its own words ("had a cough in January - viral URI, resolved
        fully"; v44 bg-025): one story with the illness, told whole as past; a time it has lasted since ("since last
        month") is not."""
        if self._dated is None:
            return False
        return any(not _SINCE.search(between[: m.start()]) for m in self._dated.finditer(between))

    def _over(self, text: str, named: re.Match[str], sent_end: int) -> bool:
        """Whether the illness ``named`` is told as over: recovered from later in its sentence, or dated in the past
        right after its name, within its clause."""
        if self._recovered is not None and self._recovered.search(text, named.end(), sent_end):
            return True
        if self._dated is None:
            return False
        stop = _CLAUSE_END.search(text, named.end(), sent_end)
        clause_end = stop.start() if stop else sent_end
        return any(m.start() < clause_end for m in self._dated.finditer(text, named.end(), clause_end))
