"""Round 44g (v44 bf-031): a heading that denies the list below it makes its ticked boxes denied.

"Pt denies all of the following:" over a grid of several boxes a line, each ticked: the tick marks what is denied,
as a plain item under that heading would be. A heading that states positives, or a grid with no heading, keeps its
ticks as stated symptoms.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes

SURV = "61F, L breast IDC 2018 s/p lumpectomy + RT, ER+/PR+/HER2-, on letrozole. Annual f/u.\n"
RED = {"bone_pain", "back_pain", "headache", "dyspnea", "cough", "weight_loss", "abdominal_pain", "jaundice"}


@pytest.mark.parametrize(
    "grid",
    [
        "ROS (RN): Patient denies any of the following:\n  [x] bone pain   [x] headache\n  [x] cough  [x] jaundice\n",
        "Review: negative for all of the following:\n  [X] back pain   [X] weight loss   [X] shortness of breath\n",
        "Screen - she has none of the following:\n  [x] bone pain  [x] abdominal pain\n  [x] headaches\n",
        "Checklist: denies all the following:\n  ☒ bone pain   ☒ back pain   ☒ cough\n",
    ],
)
def test_ticked_boxes_under_a_denying_heading_are_denied(grid: str) -> None:
    assert not symptom_codes(SURV + grid) & RED


@pytest.mark.parametrize(
    ("grid", "code"),
    [
        ("Pt reports the following:\n  [x] bone pain   [ ] back pain   [ ] headache\n", "bone_pain"),
        ("Symptom screen:\n  [x] headache   [ ] cough\n", "headache"),
        ("Positive for:\n  [x] back pain   [ ] cough\n", "back_pain"),
        ("Does the patient have any of the following?\n  [x] bone pain   [ ] cough\n", "bone_pain"),
    ],
)
def test_a_heading_that_asks_or_states_positives_keeps_its_ticks(grid: str, code: str) -> None:
    assert code in symptom_codes(SURV + grid)


def test_a_line_of_its_own_after_the_grid_still_counts() -> None:
    text = SURV + "Pt denies all of the following:\n  [x] bone pain   [x] cough\n\nNew L hip pain at night x 3 wks.\n"
    assert "bone_pain" in symptom_codes(text)
