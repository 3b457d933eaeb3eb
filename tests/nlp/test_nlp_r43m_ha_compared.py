"""Round 43m (v43 bc-007): "HA" compared with her usual headaches or her migraines ("HA this wk different from her
usual", "HA unlike her typical migraines"): the comparison is said only of a headache, so the two letters are one, and
the comparison is itself a warning. Controls: denied or a relative's "HA" is not raised; a bare "HA" with no comparison
is not stated; the deficit beside it stays.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes

HX = "66F hx L breast ca HER2+ s/p mastectomy 2022, trastuzumab done.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Known migraineur; HA since Sunday unlike her typical migraines, wakes her.",
        "HA x 4 days, not like her usual ones.",
        "Reports HA worse than her baseline migraine this week.",
        "HA different from her usual ones, constant, x 1 wk.",
    ],
)
def test_ha_compared_with_her_usual_is_a_headache(line: str) -> None:
    assert "headache" in symptom_codes(HX + line)


@pytest.mark.parametrize(
    "line",
    [
        "No HA different from her usual migraines.",
        "Her sister: HA unlike her usual, seen by neurology.",
        "HA clinic letter reviewed.",
    ],
)
def test_control_no_headache_is_stated(line: str) -> None:
    assert "headache" not in symptom_codes(HX + line)


def test_control_deficit_beside_it_stays() -> None:
    codes = symptom_codes(HX + "New R arm weakness x 3 days. HA this wk different from her usual.")
    assert {"headache", "neurologic_deficit"} <= codes
