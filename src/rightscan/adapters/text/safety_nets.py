"""Safety nets around the assembled reading: facts too weakly stated to decide alone go to ``to_confirm``.

``read(rules, mentions, procedure_names)`` is ``assemble.assemble`` with these checks around it:

- a bare M1 (no c/p prefix; values.yaml ``tnm.m``) with no T or N category and no other statement of distant
  disease in its sentence is not made a fact: a mammogram's grade on the five-point scale ("reported as normal
  (M1)"), a list's numbering or a form code read alone would otherwise stage the cancer IV. It is listed in
  ``to_confirm`` instead, so the answer waits when M1 would change it. Never the other way: a doubt only ever
  takes an M1 away from the facts.
- a laboratory test called raised in words ("raised ALP") needs no confirmation when the note gives the
  test's value too, even when it gives two values (those are then confirmed as two values).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from rightscan.adapters.text.assemble import assemble
from rightscan.adapters.text.candidates import ACCEPTED, status_of, where
from rightscan.adapters.text.model import Extraction, Mention
from rightscan.adapters.text.rules import Rules
from rightscan.adapters.text.values import FACT, NOTE, Finding

BARE_M = "tnm.m"  # values.yaml: the M category written without its c/p prefix
# the stage fields whose statement in the same sentence makes a bare M a TNM category ("T2 N1 M1")
_STAGE_FIELDS = frozenset({"tumor.t", "tumor.n", "pathology.t", "pathology.n"})
_BARE_M_REASON = (
    "a bare M1 with no T or N category and no other statement of distant disease beside it (it may be a "
    "mammogram grade or a code): confirm distant metastasis"
)
_DIFFERENT_VALUES = "the note gives different values"


def read(rules: Rules, mentions: list[Mention], procedure_names: dict[str, str]) -> Extraction:
    """The note's reading with the safety nets of this module applied."""
    mentions, doubted = _doubt_bare_m(rules, mentions)
    extraction = assemble(rules, mentions, procedure_names)
    return _lab_values_given(_bare_m_to_confirm(extraction, doubted))


# ------------------------------------------------------------------ a bare M1
def _states(m: Mention, fields: frozenset[str]) -> bool:
    return any(f.kind == FACT and f.field in fields for f in m.findings)


def _says_m1(m: Mention) -> bool:
    return any(f.kind == FACT and f.field == "tumor.m" and f.value == "M1" for f in m.findings)


def _doubt_bare_m(rules: Rules, mentions: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """The mentions with each lone bare M1 turned into evidence only, and those M1 mentions."""
    doubted: list[Mention] = []
    out: list[Mention] = []
    for m in mentions:
        if m.rule == BARE_M and _says_m1(m) and status_of(rules, m)[0] == ACCEPTED:
            beside = [o for o in mentions if o is not m and o.sentence == m.sentence]
            if not any(_states(o, _STAGE_FIELDS) or (_says_m1(o) and o.rule != BARE_M) for o in beside):
                doubted.append(m)
                m = dataclasses.replace(m, findings=(Finding("tumor.m", "M1", NOTE, _BARE_M_REASON),))
        out.append(m)
    return out, doubted


def _bare_m_to_confirm(extraction: Extraction, doubted: list[Mention]) -> Extraction:
    if not doubted or (extraction.facts.get("tumor") or {}).get("m") == "M1":
        return extraction
    item = {"field": "tumor.m", "values": ["M1"], "reason": _BARE_M_REASON, "evidence": [where(m) for m in doubted]}
    return dataclasses.replace(extraction, to_confirm=[*extraction.to_confirm, item])


# ------------------------------------------------------------------ a test called raised, with its value given
def _valued(evidence: list[dict[str, Any]], fieldname: str) -> bool:
    return any(
        e["field"] == fieldname
        and isinstance(e.get("value"), dict)
        and "value" in e["value"]
        and (e.get("used") or e.get("reason") == "conflicting values")
        for e in evidence
    )


def _lab_values_given(extraction: Extraction) -> Extraction:
    """A test called raised in words whose value the note gives in numbers is read from the numbers: the
    'called raised without its value' confirmation goes (two different values stay to confirm as such)."""
    kept = [
        i
        for i in extraction.to_confirm
        if not (
            i["field"].startswith("labs.")
            and i["reason"] != _DIFFERENT_VALUES
            and _valued(extraction.evidence, i["field"])
        )
    ]
    if len(kept) == len(extraction.to_confirm):
        return extraction
    return dataclasses.replace(extraction, to_confirm=kept)
