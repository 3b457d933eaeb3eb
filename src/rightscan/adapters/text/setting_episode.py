"""The time of the current episode for the setting (round 9c): what is earlier, what is the cancer at diagnosis.

Two questions ``note_setting`` asks of a sentence:

- ``Episode.earlier(sentence)``: does it date something to an earlier time (a bare year such as "lumpectomy 2019", years
  or six months and more elapsed, "remote")? A day or month written with the year of the note's latest such date
  ("Histology (reported 03/11/2025)" in a clinic letter of 29/10/2025, "cT2 cN1 at dx (04/2026), s/p TCHP x6" in a
  report of 10/28/2026) belongs to the current episode: it is no earlier treated cancer. A bare year is read as before.
  note_setting asks it of a cancer's type told in the past and of treatment before a ypT/ypN specimen; an operation is
  still dated by any year (a pre-operative note's "Date of surgery: 2025-04-08" is not read as done days ago).
- ``at_diagnosis``: the sentences a label tells as the cancer before its treatment ("Pre-operative: R breast mass, cT2
  N1 (FNA-proven node)", "cT2 cN1 at dx", "Baseline (12/2025): ..."; values.yaml ``clue.at_diagnosis``). A lump or a
  node described there is the presentation of the cancer being treated, not a new finding after treatment.
- ``own_clause(mention)`` (round 38l): the part of a mention's sentence between the full stops around it, where the
  sentence splitter kept two shorthand sentences together ("hx R BCT 2020 for IDC, pN0(sn). palpable 1.5 cm R
  axillary LN x3 wks"): the earlier sentence's year does not date the node told after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from rightscan.adapters.text.firstchars import guarded
from rightscan.adapters.text.model import Mention

AT_DIAGNOSIS = "clue.at_diagnosis"  # values.yaml (round 9c)
# years, or six months or more, elapsed; "remote": an earlier time whatever the year (as note_setting read before)
_SPAN = re.compile(
    r"\b\d+\s*(?:y|yr|yrs|years?)\b(?!\s*old)|\bremote\b|\b(?:[6-9]|[1-9]\d)\s*(?:mo|mos|months)\b(?!\s*old)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-2]\d)\b")
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# a year written as part of a date with its day or month: "03/11/2025", "04/2026", "2026-10-28", "Oct 2026"
_BEFORE_YEAR = re.compile(
    rf"(?:\b\d{{1,2}}[/.-](?:\d{{1,2}}[/.-])?|\b{_MONTHS}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?)$", re.IGNORECASE
)
_AFTER_YEAR = re.compile(r"^-\d{1,2}-\d{1,2}\b")


def _in_date(sentence: str, found: re.Match[str]) -> bool:
    return bool(_BEFORE_YEAR.search(sentence[: found.start()]) or _AFTER_YEAR.match(sentence[found.end() :]))


class Episode:
    """The note's latest year written in a full date (0 when none), read from the sentences of its mentions."""

    def __init__(self, sentences: Iterable[str]) -> None:
        years = [int(y.group()) for s in set(sentences) for y in _YEAR.finditer(s) if _in_date(s, y)]
        self.year = max(years, default=0)

    def earlier(self, sentence: str) -> bool:
        if _SPAN.search(sentence):
            return True
        return any(
            not (self.year and int(y.group()) == self.year and _in_date(sentence, y)) for y in _YEAR.finditer(sentence)
        )


def at_diagnosis(mentions: list[Mention]) -> set[str]:
    """The sentences told as the cancer at diagnosis or before its operation (not negated, not hypothetical)."""
    return {m.sentence for m in mentions if m.rule == AT_DIAGNOSIS and not m.effects & {"negated", "hypothetical"}}


# a full stop closing a shorthand sentence (a space after it), not that of an abbreviation or a single letter
_STOP = re.compile(r"(?<!\b\w)(?<!\bapprox)(?<!\bDr)(?<!\bvs)\.\s+")
_STOP = guarded(_STOP)  # tried only where its first characters stand (the same matches)


def own_clause(mention: Any) -> str:
    """The mention's sentence cut at the full stops before and after the mention (the whole sentence when its offset
    is not known)."""
    at = mention.start - mention.sentence_start
    if mention.sentence_start < 0 or not 0 <= at <= len(mention.sentence):
        return str(mention.sentence)
    before, after = mention.sentence[:at], mention.sentence[at:]
    starts = [m.end() for m in _STOP.finditer(before)]
    end = _STOP.search(after)
    return before[starts[-1] if starts else 0 :] + (after[: end.start()] if end else after)
