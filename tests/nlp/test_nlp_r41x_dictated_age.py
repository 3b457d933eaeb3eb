"""Round 41x (v41 blind: speech-recognition letters): the patient's age on a dictated letter's "re" line, all in lower
case ("re mrs ann o'neill 58 years dear doctor"), in other words than the blind note (v41 ax-039), with controls.

Controls: a time after the names ("10 years ago", "on tamoxifen 10 years"), a sentence's words between the title and
the number ("who is 70 years", "breast cancer 12 years"), a written header with capitals, "years old" as before.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts


@pytest.mark.parametrize(
    ("note", "age"),
    [
        ("dictated 3 nov re mrs aoife ni bhriain 58 years dear colleague she had a lumpectomy in 2016", 58),
        ("re: ms joan de souza 71 yrs thank you for seeing this lady with a new breast lump", 71),
        ("re mr patrick doyle 66 years dear dr ward this gentleman has a left breast mass", 66),
    ],
)
def test_lower_case_re_line_age(note: str, age: int) -> None:
    assert facts(note).get("age") == age


@pytest.mark.parametrize(
    "note",
    [
        "re mrs walsh treated 12 years ago for breast cancer, now new back pain",
        "re mrs walsh on letrozole 14 years now, well",
        "re mrs walsh who is 70 years into her retirement has a lump",
        "re mrs walsh breast cancer 12 years ago, surveillance",
    ],
)
def test_no_age_from_a_time_or_a_sentence(note: str) -> None:
    assert facts(note).get("age") is None


@pytest.mark.parametrize(
    ("note", "age"),
    [
        ("Re: Mrs Bernadette Kelly, 56    MRN 0093341\nWell at follow-up.", 56),
        ("re mrs kelly 63 years old, hx L breast IDC, new bone pain", 63),
    ],
)
def test_written_ages_unchanged(note: str, age: int) -> None:
    assert facts(note).get("age") == age


def test_symptom_still_read_in_the_dictated_letter() -> None:
    f = facts("re mrs aoife walsh 58 years dear doctor she had a mastectomy in 2018 and now has new back pain at night")
    assert f.get("age") == 58
    assert "back_pain" in f["symptoms"]
