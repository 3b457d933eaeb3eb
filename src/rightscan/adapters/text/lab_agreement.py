"""One laboratory result written twice: as a value with its range and as a multiple of the ULN.

A note often gives the result in its lab line ("ALP 212 U/L (ref 40-150)") and then restates it in the
assessment as a multiple ("ALP 1.4x ULN"). The multiple is the same result, rounded, not a second value: it
gives way to the value with its range when the two agree to the multiple's written precision. When they
do not agree, both stay and the field is a conflict as before (which result is current is not said).
Plain data work on candidates, no spaCy.
"""

from __future__ import annotations

from rightscan.adapters.text.candidates import Candidate

_SAME_RESULT = "the same result restated as a multiple of the ULN; the value with its range is used"


def _decimals(text: str) -> int:
    """Decimals written in a number's text ("1.4" -> 1, "2" -> 0)."""
    return len(text.partition(".")[2])


def _agrees(ratio: float, written: str, value: float, uln: float) -> bool:
    """Whether value / uln rounds to the multiple as written (half a unit of its last decimal either way)."""
    if uln <= 0:
        return False
    half_unit = 0.5 * 10 ** -_decimals(written) + 1e-9
    return abs(value / uln - ratio) <= half_unit


def restated_multiples(cands: list[Candidate]) -> None:
    """A lab's multiple-of-ULN candidate that agrees with a value-and-range candidate of the same lab is set
    aside (the field then has one value)."""
    by_field: dict[str, list[Candidate]] = {}
    for c in cands:
        if c.field.startswith("labs.") and c.used and isinstance(c.value, dict):
            by_field.setdefault(c.field, []).append(c)
    for group in by_field.values():
        multiples = [c for c in group if c.finding.reason and "multiple of the ULN" in c.finding.reason]
        measured = [c for c in group if c not in multiples]
        if not multiples or not measured:
            continue
        for c in multiples:
            written = f"{c.value['value']:g}"  # the multiple as read ("1.4", "2"): its precision
            if all(_agrees(c.value["value"], written, m.value["value"], m.value["uln"]) for m in measured):
                c.used, c.reason = False, _SAME_RESULT
