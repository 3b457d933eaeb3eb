"""Round 43m (v43 bc-029): the shoulder's ache is mostly the cuff's or the joint's (round 21n kept it out of bone pain),
but with a warning (worse and worse, at night, no injury) it is bone pain, even where a benign cause was once named.
Controls: without a warning, explained (a game, a cuff tear, stable for years), denied, historical or a relative's, it
is not raised; a real pathologic fracture beside it stays.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes

HX = "70F, hx R breast IDC 2016 s/p mastectomy, letrozole completed.\n"


@pytest.mark.parametrize(
    "line",
    [
        "L shoulder ache x 6 wks, now waking her at night, no injury.",
        "Aching in the right shoulder for 2 months, getting worse, worse at night.",
        "R shoulder aches since spring, put down to a frozen shoulder, but progressively worse.",
        "Left shoulder ache without trauma, new since March.",
    ],
)
def test_shoulder_ache_with_a_warning_is_bone_pain(line: str) -> None:
    assert "bone_pain" in symptom_codes(HX + line)


@pytest.mark.parametrize(
    "line",
    [
        "R shoulder ache since joining a tennis club, eases with rest; full ROM. No night pain.",
        "L shoulder ache from a known rotator cuff tear, unchanged for years.",
        "She has a mild right shoulder ache.",
        "No shoulder ache, no bone pain.",
        "Her mother has a shoulder ache that wakes her at night.",
        "Shoulder ache in 2019 after a fall, resolved.",
    ],
)
def test_control_shoulder_ache_without_warning_is_not_raised(line: str) -> None:
    assert "bone_pain" not in symptom_codes(HX + line)


def test_control_pathologic_fracture_beside_it_stays() -> None:
    note = HX + "R shoulder ache x 2 mo, worse at night. XR: lytic lesion R humerus with pathologic fracture."
    assert {"bone_pain", "pathologic_fracture"} <= symptom_codes(note)
