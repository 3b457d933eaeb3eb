"""A study booked for a later date is considered now, not done in the past.

A year next to a study usually dates a study already done ("PET/CT 2019: NED"), so the cue reader marks it past.
A plan line, though, dates the study still to come: "Next bilateral diagnostic mammogram 04/2027 - order placed",
"I have requested her annual mammogram for January 2027". When the study is proposed in its sentence, nothing says
it was done, a word there looks forward, and its year is later than every other year the note gives (the note's
own dates, the history), the year is the booking's: the study is the one considered (annotation guide 2, order).
Without another year in the note nothing can be compared, and the study stays as read. Plain text work.
"""

from __future__ import annotations

import re

from rightscan.adapters.text.candidates import Candidate
from rightscan.adapters.text.model import Mention

# a year written in full ("2027", "04/2027") or as a date's last part ("4/21/26")
_YEAR = re.compile(r"(?<![\d.])(19[5-9]\d|20[0-4]\d)(?!\d)|(?<![\d/])\d{1,2}[/.]\d{1,2}[/.](\d{2})(?![\d/])")
# words that look forward to a study's date ("next", "due", "for", "order placed", "requested ... for")
# round 18g: or a plan line's own heading opening the sentence ("P: - R breast diagnostic mammo Dec 2025")
# round 43o: or "ordered" ("- bilateral diagnostic mammogram 5/2027 ordered"), the year still later than every other
_FORWARD = re.compile(
    r"(?<![a-z])(?:next|due|upcoming|annual|yearly|for|order placed|orders placed|ordered|requested|booked|scheduled)"
    r"(?![a-z])"
    r"|^\s*(?:p|plan|a\s*/\s*p|rec|recs)\s*:",
    re.IGNORECASE,
)
_DONE = frozenset({"performed", "negated", "declined", "hypothetical", "historical"})


def _years(text: str) -> list[int]:
    out: list[int] = []
    for m in _YEAR.finditer(text):
        out.append(int(m.group(1)) if m.group(1) else 2000 + int(m.group(2)))
    return out


def future_studies(cands: list[Candidate], mentions: list[Mention]) -> None:
    """Order candidates set aside as done in the past only because of a later year are the study considered."""
    waiting = [
        c
        for c in cands
        if c.field == "order"
        and not c.used
        and "past" in c.mention.effects
        and "proposed" in c.mention.effects
        and not c.mention.effects & _DONE
        and _FORWARD.search(c.mention.sentence)
    ]
    if not waiting:
        return
    for c in waiting:
        own = _years(c.mention.sentence)
        others = [y for m in mentions if m.sentence != c.mention.sentence for y in _years(m.sentence)]
        if own and others and min(own) > max(others):
            c.used, c.reason = True, None
