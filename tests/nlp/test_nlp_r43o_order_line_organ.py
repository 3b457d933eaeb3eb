"""Round 43o (v43 blind, bb-031): a study alone on its order line with the organ it is aimed at in brackets ("MRI
ABDOMEN (LIVER) W/WO CONTRAST") still stands alone: it is the study considered (annotation guide 2, order). Only an
organ's name in the brackets counts; other words there (a date, "done") leave the line as read."""

from __future__ import annotations

import pytest

from nlp_helpers import order_of

TREATED = "Reason for exam: 61F hx R breast IDC s/p mastectomy 2018. New RUQ pain, ALP 210 (40-150). r/o mets.\n"


@pytest.mark.parametrize(
    ("note", "study"),
    [
        (TREATED + "MRI abdomen (hepatic) with and without contrast", "mri_abdomen_wwo"),
        (TREATED + "US ABDOMEN (LIVER)", "us_abdomen"),
    ],
)
def test_a_study_with_its_organ_in_brackets_is_the_order(note: str, study: str) -> None:
    assert order_of(note) == study


@pytest.mark.parametrize(
    "note",
    [
        TREATED + "MRI ABDOMEN (done 2019) W/WO CONTRAST",
        TREATED + "MRI ABDOMEN (LIVER) W/WO CONTRAST - done 2019, negative",
    ],
)
def test_other_words_in_brackets_or_after_leave_the_line_as_read(note: str) -> None:
    assert order_of(note) is None
