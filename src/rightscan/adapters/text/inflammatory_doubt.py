"""round 23c: redness and oedema of the breast whose cause the note doubts.

Annotation guide 2 (tumor.inflammatory): erythema and oedema of a third or more of the breast count as inflammatory
carcinoma only when the note attributes them to the cancer. The extent alone is read by ``values.yaml``
``inflammatory.extent``; when the same note names the inflammatory reading only as a doubt or a question
("?inflammatory-type recurrence vs late radiation change / cellulitis", "possible inflammatory breast cancer") and
nowhere states it, the extent is not attributed: its value is set aside and left to confirm (never a stated T4d).

Round 40v: the inflammatory reading weighed against another cause as one side of a differential (``values.yaml``
``clue.inflammatory_weighed``: "DDx cellulitis vs recurrent carcinoma (inflammatory pattern)") is such a doubt too,
and an inflammatory carcinoma named inside that differential is not stated either (left to confirm with the extent).
"""

from __future__ import annotations

from rightscan.adapters.text.candidates import ACCEPTED, Candidate, status_of
from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.rules import Rules

_FIELD = "tumor.inflammatory"
_EXTENT = "inflammatory.extent"
_WEIGHED = "clue.inflammatory_weighed"
_DOUBTS = frozenset({"uncertain", "question"})
REASON = "the note doubts that the breast's redness and oedema are inflammatory carcinoma"


def doubted_extent(rules: Rules, cands: list[Candidate], mentions: list[Mention]) -> list[Candidate]:
    """The extent's candidates set aside because the note only doubts the inflammatory reading (to confirm), with
    an inflammatory carcinoma named only inside a differential."""
    named = [m for m in mentions if m.family == "inflammatory" and m.rule != _EXTENT]
    weighed = [m for m in named if m.rule == _WEIGHED]

    def doubted(m: Mention) -> bool:
        return bool(m.effects & _DOUBTS) or any(w.start <= m.start and m.end <= w.end for w in weighed)

    if not any(doubted(m) for m in named):
        return []
    stated = [m for m in named if any(f.field == _FIELD and f.value is True for f in m.findings)]
    if any(not doubted(m) and status_of(rules, m)[0] == ACCEPTED for m in stated):
        return []  # stated elsewhere without doubt: the named diagnosis stands
    out = []
    for c in cands:
        if c.field == _FIELD and c.used and (c.mention.rule == _EXTENT or c.mention in stated):
            c.used, c.reason = False, REASON
            out.append(c)
    return out
