"""Observation -> laboratory values with their upper limit of normal (the first reference range's high,
in the same unit as the value); the latest result is judged only after resolution (``lab_value``)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from rightscan.adapters.fhir.gathered import Cand, Gathered
from rightscan.adapters.fhir.prefetch import Res
from rightscan.adapters.input_json import MAX_LAB_RATIO


def read_lab(g: Gathered, res: Res, name: str, when: datetime | None, verified: bool) -> None:
    g.candidate(f"labs.{name}", Cand(res, when, res.ref, verified))


def lab_value(g: Gathered, cand: Cand) -> dict[str, float] | None:
    """The resolved lab result as ``{"value", "uln"}``, or None (reported)."""
    res: Res = cand.value
    data = res.data
    coding = g.first_coding(data.get("code"))
    quantity = data.get("valueQuantity")
    if not isinstance(quantity, dict) or not isinstance(quantity.get("value"), int | float):
        g.ignore(res.ref, coding, "no numeric value")
        return None
    ranges = data.get("referenceRange") or []
    high = ranges[0].get("high") if ranges and isinstance(ranges[0], dict) else None
    if not isinstance(high, dict) or not isinstance(high.get("value"), int | float):
        g.ignore(res.ref, coding, "no reference range")
        return None
    if _unit(quantity) is None or _unit(quantity) != _unit(high):
        g.ignore(res.ref, coding, "value and reference range not in the same unit")
        return None
    value, uln = float(quantity["value"]), float(high["value"])
    comparator = quantity.get("comparator")
    if comparator is not None and not (comparator in ("<", "<=") and value <= uln):
        g.ignore(res.ref, coding, "value given only as a bound")
        return None
    if uln <= 0 or value < 0 or value > MAX_LAB_RATIO * uln:
        g.ignore(res.ref, coding, "implausible value")
        return None
    return {"value": value, "uln": uln}


def lab_key(res: Res) -> str:
    """What must be equal for two results of one lab at the same time to agree: value and reference range."""
    ranges = res.data.get("referenceRange") or [{}]
    return repr((res.data.get("valueQuantity"), ranges[0].get("high")))


def _unit(quantity: Mapping[str, Any]) -> tuple[str, str] | None:
    """(system, code) when coded, else ('', unit text)."""
    code, unit = quantity.get("code"), quantity.get("unit")
    if isinstance(code, str) and code.strip():
        return (str(quantity.get("system") or ""), code.strip())
    if isinstance(unit, str) and unit.strip():
        return ("", unit.strip())
    return None
