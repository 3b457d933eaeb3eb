"""A tumour marker raised beyond the marginal while a body scan is considered, for the setting (round 21e).

After a treated cancer, a tumour marker above its upper limit that is the only new finding, while a body study is
considered, leaves it unsaid whether the note is routine follow-up or a suspected distant recurrence: ``note_setting``
leaves the setting open then. A marker at most ``marker_marginal_max_x_uln`` times its limit (values.yaml parameters)
is marginal and changes nothing.
"""

from __future__ import annotations

from typing import Any

from rightscan.adapters.text.candidates import Candidate
from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.rules import Rules


def above_uln(value: Any) -> bool:
    """A lab or marker value given with its upper limit, above it."""
    return (
        isinstance(value, dict)
        and isinstance(value.get("value"), float | int)
        and isinstance(value.get("uln"), float | int)
        and value["value"] > value["uln"]
    )


def marker_scanned(rules: Rules, cands: list[Candidate]) -> list[Mention]:
    """The tumour markers read above the marginal multiple of their upper limit (values.yaml parameters), with the
    body study considered (procedures.yaml ``purpose: distant``); empty unless both are there (round 21e)."""

    limit = rules.parameters.get("marker_marginal_max_x_uln", 1.15)
    raised = [
        c.mention
        for c in cands
        if c.used
        and c.field.startswith("tumor_markers.")
        and above_uln(c.value)
        and c.value["value"] > c.value["uln"] * limit
    ]
    scans = body_scans(cands)
    return raised[:1] + scans[:1] if raised and scans else []


def body_scans(cands: list[Candidate]) -> list[Mention]:
    """The body studies considered (procedures.yaml ``purpose: distant``), read as the note's order."""
    from rightscan.adapters.knowledge_files import load_knowledge

    procedures = load_knowledge().procedures
    return [
        c.mention
        for c in cands
        if c.field == "order" and c.used and getattr(procedures.get(c.value), "purpose", None) == "distant"
    ]
