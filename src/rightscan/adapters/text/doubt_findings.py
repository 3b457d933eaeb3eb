"""Round 36: a warning word inside a doubt, before a finding, qualifies the finding (components.SentenceGraph)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span

SYMPTOM_PREFIX = "symptom"  # a symptom target's rule id starts so (targets.yaml)


def qualifies_a_finding(m1: Any, c1: str, m2: Any, c2: str, targets: list[Span]) -> bool:
    """Round 36 (found beside v36 ag-030): a warning word ("new", "progressive") inside a doubt's scope, right before a
    finding that is no symptom, qualifies that finding and does not end the doubt: "suspicious for new hepatic
    metastases" is a suspicion of a new metastasis, never a stated one (M1 without distant disease). Before a symptom
    the warning still ends the doubt ("? gastritis, new headache": a second item, told as present)."""
    if c2 != "WARNING" or c1 != "POSSIBLE_EXISTENCE" or m1.direction.upper() not in ("FORWARD", "BIDIRECTIONAL"):
        return False
    after = m2.modifier_span[1]
    if not m1.modifier_span[1] <= m2.modifier_span[0] < m1._scope_end:
        return False
    following = [t for t in targets if t.start >= after and t.start < m1._scope_end]
    if not following:
        return False
    first = min(following, key=lambda t: t.start)
    return not first.label_.startswith(SYMPTOM_PREFIX)
