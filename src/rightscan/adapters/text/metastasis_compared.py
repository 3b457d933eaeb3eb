"""Distant disease named as the less likely side of a comparison is no finding (round 22b).

"ALP more likely bone turnover on AI with low vitamin D than metastatic disease", "favour degenerative change over
metastases", "likelier a haemangioma than a metastasis": the note weighs two causes and sets the metastasis aside.
values.yaml ``clue.metastasis_less_likely`` matches the comparison up to its "than" / "over" when metastasis words
follow; an M1 read from the words right after it, in the same sentence, is kept as evidence only. Like the other
safety nets (safety_nets.py), this only ever takes an M1 away; a stated M category (pM1, cM1) is left alone.
"""

from __future__ import annotations

import dataclasses

from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.values import FACT, NOTE, Finding

LESS_LIKELY = "clue.metastasis_less_likely"  # values.yaml (round 22b)
_REACH = 40  # characters from the end of "than" / "over" to the metastasis words (a few qualifiers between)
_STATED_M = "tnm."  # values.yaml: an M category written as such is stated, not weighed
_REASON = "a metastasis named as the less likely cause of a comparison (more likely ... than metastasis): not a finding"


def _says_m1(m: Mention) -> bool:
    return any(f.kind == FACT and f.field == "tumor.m" and f.value == "M1" for f in m.findings)


def set_aside(mentions: list[Mention]) -> list[Mention]:
    """The mentions with each M1 read from the words right after a comparison's "than" made evidence only."""
    clues = [m for m in mentions if m.rule == LESS_LIKELY and not m.effects & {"negated"}]
    if not clues:
        return mentions
    out: list[Mention] = []
    for m in mentions:
        if (
            _says_m1(m)
            and not m.rule.startswith(_STATED_M)
            and any(c.sentence == m.sentence and 0 <= m.start - c.end <= _REACH for c in clues)
        ):
            m = dataclasses.replace(m, findings=(Finding("tumor.m", "M1", NOTE, _REASON),))
        out.append(m)
    return out
