"""An unanswered Y/N grid (round 38, found by round 37a's helper): when every row prints both options and none is
marked ("Headaches    Y  N" over "Cough    Y  N"), the first row, which the column reader takes for the grid's
header, is as unanswered as the rows below it: never a red flag the patient has. A real header's title
("Symptom   Y   N") names no finding, and a row marked under the Yes column still answers it."""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes

NEW = "62F new dx L breast IDC 1.5 cm cN0, ER+ PR+ HER2-.\nReview of systems:\n"


@pytest.mark.parametrize(
    "grid",
    [
        "Headaches    Y  N\nCough    Y  N\nBone pain    Y  N\n",
        "Bone pain     Yes   No\nHeadache      Yes   No\n",
        "Back pain    Y   N\nWeight loss  Y   N\nJaundice     Y   N\n",
        "Headaches    Y  N\nCough         N\n",
    ],
)
def test_the_first_row_of_an_unanswered_grid_is_no_red_flag(grid: str) -> None:
    note = NEW + grid
    assert not symptom_codes(note) & {"headache", "bone_pain", "back_pain", "weight_loss", "jaundice"}
    assert decide_note(note)["systemic_imaging"] not in {"recommended", "targeted"}


@pytest.mark.parametrize(
    ("grid", "code"),
    [
        ("Symptom      Y   N\nHeadaches    X\nCough            X\n", "headache"),
        ("Symptom        Yes    No\nBone pain       X\nCough                 X\n", "bone_pain"),
    ],
)
def test_controls_a_mark_under_yes_still_answers_its_row(grid: str, code: str) -> None:
    assert code in symptom_codes(NEW + grid)
    assert "cough" not in symptom_codes(NEW + grid)
