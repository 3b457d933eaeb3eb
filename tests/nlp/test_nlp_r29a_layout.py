"""Round 29a: layout and machine-made text (blind notes v30).

1. A Yes/No pair with one box only, in brackets after the option it marks ("Bone pain  Y / N(X)", "Cough  Y(X) / N"):
   the marked option answers the row's label; No (or nothing) ticked negates it (v30 ma-050 raised three red flags
   from a form that answered No).
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes, symptoms_to_confirm

HEADER = "68F, L breast IDC 2018, lumpectomy + RT, on letrozole, routine surveillance visit.\n"


# ---------------------------------------------------------------- 1. one box for a Y/N pair
@pytest.mark.parametrize(
    "row",
    [
        "Symptoms today:\n  Bone pain  Y / N(X)     Headache  Y / N(X)     Cough  Y / N(X)",
        "Back pain   Yes / No (x)      Weight loss   Yes / No (x)",
        "ROS: Bone pain Y/N[X]   Dyspnea Y/N[X]   Headache Y/N[X]",
        "Headache: Y / N(x)  Cough: Y / N(x)  Bone pain: Y / N(x)",
    ],
)
def test_one_box_on_the_no_option_negates_each_row(row: str) -> None:
    text = HEADER + row
    assert not symptom_codes(text) & {"bone_pain", "headache", "cough", "back_pain", "weight_loss", "dyspnea"}
    assert not symptoms_to_confirm(text)


@pytest.mark.parametrize(
    ("row", "code"),
    [
        ("Bone pain  Y(X) / N     Headache  Y / N(X)", "bone_pain"),
        ("Headache  Y / N(X)     Persistent cough  Yes (x) / No", "cough"),
        ("Wt loss Y[x]/N   Bone pain Y/N[x]", "weight_loss"),
    ],
)
def test_one_box_on_the_yes_option_keeps_its_row_and_only_it(row: str, code: str) -> None:
    assert symptom_codes(HEADER + row) == {code}


def test_two_boxes_after_their_options_still_read_as_before() -> None:
    # the control: the pair with both boxes (pair_after) is not taken over by the one-box reading
    text = HEADER + "Bone pain Y( ) N(x)   Cough Y( ) N(x)   Headache Y(x) N( )"
    assert symptom_codes(text) == {"headache"}


def test_a_slash_between_two_items_without_a_box_is_no_answer() -> None:
    # "Y/N" with no box at all is a form's unanswered prompt, not a No: the mention of the patient's words stands
    text = HEADER + "Bone pain Y/N - pt says new ache in L hip x 3 wks, worse at night"
    assert "bone_pain" in symptom_codes(text) | symptoms_to_confirm(text)
