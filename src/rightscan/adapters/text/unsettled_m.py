"""An M1 the note does not settle: questioned, or a metastasis field not yet answered (round 31s, fifteenth pass).

An M1 without proven distant disease turns a stage I patient into stage IV and stops the staging advice; a questioned
M1 dropped in silence answers the other way. So:

- a questioned M category (F5, F10): an M1 written with a doubt touching it (values.yaml ``clue.m_category_doubted``:
  "T1cN0M1 (?)", "cT1c N0 M1 (query)", "N0, M1 suspected", "possible M1", "?M1", "M1 - to be confirmed"), or with a
  question mark after it (``tnm.m_questioned``: "cT1c cN0 cM1?", which the other M rules do not read), or read under
  an uncertainty cue, is never a known M1 and never dropped: the M1 is kept as evidence only and listed in
  ``to_confirm``, the path "?M1" alone always took (safety_nets' bare M1). The T and N of the same stage string stand.
- a metastasis awaiting its proof (F4, ``clue.metastasis_proof_awaited``: "Bone mets: awaiting biopsy", "Liver mets -
  pending histology"): suspected, not proven: the same, to confirm.
- a metastasis field answered "not yet known" (F4, ``clue.metastasis_status_pending``: "Metastases: pending", "Bone
  mets: awaiting bone scan", "Mets: TBC", "Distant mets: not yet assessed"): no statement either way, as "Mets:
  staging scans booked" is: the M1 its words would give is kept as evidence only, and nothing is asked.

Like the other safety nets, this only ever takes an M1 away from the facts; an M1 stated elsewhere in the note
("M1 (biopsy-proven liver)", "pM1") stays the fact, and then nothing is asked.
"""

from __future__ import annotations

import dataclasses

from rightscan.adapters.text.candidates import where
from rightscan.adapters.text.model import Extraction, Mention
from rightscan.adapters.text.values import FACT, NOTE, Finding

QUESTIONED = "tnm.m_questioned"  # values.yaml: "cM1?"
DOUBTED = "clue.m_category_doubted"  # values.yaml: a doubt word or a question mark touching an M1
PROOF_AWAITED = "clue.metastasis_proof_awaited"  # values.yaml: "Bone mets: awaiting biopsy"
STATUS_PENDING = "clue.metastasis_status_pending"  # values.yaml: "Metastases: pending", "Mets: TBC"
_STATED_M = "tnm."  # values.yaml: an M category written as such
_DOUBT_EFFECTS = frozenset({"uncertain"})  # context.yaml: possible, suspected, rule out read by ConText
QUESTIONED_REASON = "a questioned M1 (?, query, suspected, to be confirmed): distant metastasis not proven: confirm it"
AWAITED_REASON = "a metastasis awaiting its proof (biopsy, histology, confirmation pending): suspected, not proven"
PENDING_REASON = "a metastasis field answered not yet known (pending, awaiting staging, TBC): no statement either way"


def _says_m1(m: Mention) -> bool:
    return any(f.kind == FACT and f.field == "tumor.m" and f.value == "M1" for f in m.findings)


def _inside(m: Mention, clues: list[Mention]) -> bool:
    return any(c.start < m.end and m.start < c.end for c in clues)


def _ends_inside(m: Mention, clues: list[Mention]) -> bool:
    """The mention ends in a clue's metastasis words (the clue starts at them, its answer after)."""
    return any(c.start < m.end <= c.end for c in clues)


def _set_m_aside(m: Mention, reason: str) -> Mention:
    """The mention with its M1 made evidence only; its other findings (the T and N of a stage string) stand."""
    findings = tuple(
        Finding("tumor.m", "M1", NOTE, reason) if f.kind == FACT and f.field == "tumor.m" and f.value == "M1" else f
        for f in m.findings
    )
    return dataclasses.replace(m, findings=findings)


def set_aside(mentions: list[Mention]) -> tuple[list[Mention], list[tuple[Mention, str]]]:
    """The mentions with each unsettled M1 made evidence only, and the mentions to confirm with their reasons."""
    by_rule: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.rule in (DOUBTED, PROOF_AWAITED, STATUS_PENDING) and not m.effects & {"negated"}:
            by_rule.setdefault(m.rule, []).append(m)
    if not by_rule and not any(m.rule == QUESTIONED for m in mentions):
        return mentions, []
    doubted: list[tuple[Mention, str]] = []
    out: list[Mention] = []
    for m in mentions:
        if _says_m1(m) and not m.effects & {"negated", "family", "hypothetical"}:
            stated = m.rule.startswith(_STATED_M)
            if stated and (m.rule == QUESTIONED or m.effects & _DOUBT_EFFECTS or _inside(m, by_rule.get(DOUBTED, []))):
                m = _set_m_aside(m, QUESTIONED_REASON)
                doubted.append((m, QUESTIONED_REASON))
            elif not stated and _ends_inside(m, by_rule.get(PROOF_AWAITED, [])):
                m = _set_m_aside(m, AWAITED_REASON)
                doubted.append((m, AWAITED_REASON))
            elif not stated and _ends_inside(m, by_rule.get(STATUS_PENDING, [])):
                m = _set_m_aside(m, PENDING_REASON)
        out.append(m)
    return out, doubted


def to_confirm(extraction: Extraction, doubted: list[tuple[Mention, str]]) -> Extraction:
    """``tumor.m`` listed to confirm for the questioned M1s, unless the note states M1 elsewhere."""
    if not doubted or (extraction.facts.get("tumor") or {}).get("m") == "M1":
        return extraction
    items = list(extraction.to_confirm)
    for m, reason in doubted:
        item = next((i for i in items if i["field"] == "tumor.m" and i["reason"] == reason), None)
        if item is None:
            items.append({"field": "tumor.m", "values": ["M1"], "reason": reason, "evidence": [where(m)]})
        else:
            item["evidence"].append(where(m))
    return dataclasses.replace(extraction, to_confirm=items)
