"""Round 45s (v45 bh-009): weight the patient lost on a diet she began or was put on is explained.

A diet begun, prescribed or followed for diabetes or to lose weight, told later in the loss's clause, explains the loss
(weight lost on purpose). An unintentional loss, a loss "despite" a diet, or one beside a dietitian seen for a poor
appetite still counts.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes

FU = "Surveillance visit. 66F, R mastectomy 2017 for IDC pT2 pN0, ER+, completed AI 2022.\n"


@pytest.mark.parametrize(
    "story",
    [
        "Weight down 4 kg over 3 months after her dietitian put her on a diabetes diet, pleased with this.",
        "Has lost 10 lb since going on a diet for her sugars.",
        "Lost 6 kg this year since she began a diet her GP recommended.",
        "Reports 5 kg weight loss since starting a weight loss program in spring, feels well.",
    ],
)
def test_weight_lost_on_a_diet_is_explained(story: str) -> None:
    assert "weight_loss" not in symptom_codes(FU + story + "\n")


@pytest.mark.parametrize(
    "story",
    [
        "Unintentional weight loss of 5 kg despite a diabetes diet.",
        "Weight loss of 6 kg over 2 months, seen by nutritionist for poor appetite.",
        "Lost 4 kg in 2 months without trying.",
    ],
)
def test_an_unintended_loss_still_counts(story: str) -> None:
    assert "weight_loss" in symptom_codes(FU + story + "\n")
