"""Round 41o (v41 blind set): a study's letters spelled apart in an unedited dictation.

Speech recognition writes the letters of a study as said: "m r i lumbar spine with and without contrast", "we will get
a p. e. t. scan to restage her", "c t of the chest". Read as written no study is named and the order was lost (v41
ax-002, ax-029). The letters are read as the study (context.yaml spoken_forms) only right before a word that goes with
a study: its region, "of", "scan", its contrast.
Controls: spelled letters before no study word ("c t depending on the result" is no study named here, initials in a
name), a symptom in the same dictation, a written "MRI" unchanged.
"""

from __future__ import annotations

import pytest

from nlp_helpers import order_of, symptom_codes

_DICT = (
    "dictation for mrs jane doe she is a 61 year old woman with a history of left breast cancer treated with "
    "lumpectomy and radiation in 2020 e r positive her to neu negative on letrozole "
)


@pytest.mark.parametrize(
    ("plan", "study"),
    [
        ("she has new low back pain for four weeks worse at night plan m r i of the lumbar spine with and without "
         "contrast", "mri_spine_wwo"),
        ("she has headaches for three weeks worse in the morning we will get an M. R. I. brain with and without "
         "contrast", "mri_head_wwo"),
        ("she has rib pain and a rising alkaline phosphatase i have ordered a P E T scan to restage her", "pet_ct"),
        ("she has a cough for six weeks i will arrange a c t of the chest with contrast", "ct_chest_contrast"),
    ],
)
def test_spelled_study_is_read(plan: str, study: str) -> None:
    assert order_of(_DICT + plan + " end of dictation") == study


def test_spelled_letters_before_no_study_word_name_no_study() -> None:
    note = _DICT + "she is well no complaints we will decide on c t depending on the tumor board end of dictation"
    assert order_of(note) is None


def test_symptom_in_the_same_dictation_still_read() -> None:
    note = _DICT + "she has new low back pain for four weeks worse at night plan m r i lumbar spine with and without"
    note += " contrast"
    assert "back_pain" in symptom_codes(note)
    assert order_of(note) == "mri_spine_wwo"


def test_written_mri_unchanged() -> None:
    note = "61F, L breast IDC 2020, lumpectomy + RT. New headaches x 3 wks, worse AM. Plan: MRI brain w/wo contrast."
    assert order_of(note) == "mri_head_wwo"
