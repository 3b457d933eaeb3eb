"""Round 43u (v43 bb-050, v17 sc-048): early satiety alone is no abdominal pain. The annotation guide's symptom is
abdominal pain; both annotators who met a full stomach alone ("[x] Poor appetite / early satiety") left the pain out.
Controls: a real abdominal pain, a distension, a RUQ ache told beside it stay; the weight loss beside it stays.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes

HX = "66 yo F, hx L breast IDC 2017 s/p mastectomy, on exemestane.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Feels full after a few mouthfuls (early satiety) for a month.",
        "ROS: + early satiety, + fatigue.",
        "[x] Early satiety\n[ ] Abdominal pain",
        "Reports early satiety and a poor appetite since the summer.",
    ],
)
def test_early_satiety_alone_reads_no_abdominal_pain(line: str) -> None:
    assert "abdominal_pain" not in symptom_codes(HX + line)


@pytest.mark.parametrize(
    "line",
    [
        "Dull RUQ ache and early satiety for 3 weeks.",
        "Early satiety with abdominal distension for 2 weeks.",
        "Upper abdominal discomfort, early satiety.",
        "Early satiety; pain in her upper abdomen after meals.",
    ],
)
def test_control_a_real_abdominal_symptom_beside_it_stays(line: str) -> None:
    assert "abdominal_pain" in symptom_codes(HX + line)


def test_control_the_weight_loss_beside_it_stays() -> None:
    note = HX + "[x] Unintentional wt loss - 6 kg in 2 mo\n[x] Poor appetite / early satiety"
    assert "weight_loss" in symptom_codes(note)
