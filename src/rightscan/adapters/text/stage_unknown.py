"""round 10d: a stage field the note itself calls unknown.

A work-up note may describe the axilla in words that read as a category ("Axilla - no palpable nodes": a derived
cN0) and then say, when it weighs everything, that the nodal status is not known ("nodal status uncertain (cNx
pending repeat biopsy)": an abnormal node on ultrasound, its biopsy not back). The note's own judgement wins: the
categories derived from words give way, and the field is sent to confirmation (targets.yaml,
note.nodal_status_unknown, with the values it leaves open), so the answer waits for N when N would change it. A
category the note states as a code ("cN1") is the note's judgement too: it stands, and nothing is sent to confirm.
Plain data work on candidates.
"""

from __future__ import annotations

from typing import Any

from rightscan.adapters.text.candidates import ACCEPTED, Candidate, status_of
from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.rules import Rules
from rightscan.domain.vocabulary import TREATED_SETTINGS

NODAL_STATUS_UNKNOWN = "note.nodal_status_unknown"  # targets.yaml


def nodal_status_unknown(
    rules: Rules,
    facts: dict[str, Any],
    by_field: dict[str, list[Candidate]],
    mentions: list[Mention],
    to_confirm: list[dict[str, Any]],
) -> None:
    said = [m for m in mentions if m.rule == NODAL_STATUS_UNKNOWN and status_of(rules, m)[0] == ACCEPTED]
    if not said:
        return
    live = [c for c in by_field.get("tumor.n", []) if c.used]
    stated = [c for c in live if (c.strength or c.mention.strength) != "derived"]
    if stated or facts.get("setting") in TREATED_SETTINGS or "prior_surgery" in facts:
        # a category stated as a code, or a treated cancer's or an operated one's note: not this rule's question
        to_confirm[:] = [
            i for i in to_confirm
            if not (i["field"] == "tumor.n" and i["evidence"] and all(_is_said(e, said) for e in i["evidence"]))
        ]  # fmt: skip
        return
    for c in live:
        c.used, c.reason = False, "the note calls the nodal status unknown: the category is to confirm"


def _is_said(evidence: dict[str, Any], said: list[Mention]) -> bool:
    return any(evidence["start"] == m.start and evidence["end"] == m.end and evidence["rule"] == m.rule for m in said)
