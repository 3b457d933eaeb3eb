"""Orders v39 (round 42r): codes and letters read out by speech recognition.

A CPT code read aloud digit by digit is written as number words ("seven eight eight one five"): a run of exactly five
spoken digits is the code, only where the catalogue lists it; any other run of number words (a count, a time) stays as
written. A spoken letter name before a word that, with the letter, names a region ("em are eye see spine": the C spine)
is that letter. "To see if", "to follow the ..." open what the study is for (not a contrast "to follow").
"""

from __future__ import annotations

from order_helpers import case, study


@case(
    [
        ("NM bone scan CPT seven eight three zero six", "bone_scan"),
        ("seven seven zero six five diagnostic mammogram left", "mammo_diagnostic"),
        ("code seven one two six zero CT chest with contrast", "ct_chest_contrast"),
        ("PET seven eight eight one five restaging", "pet_ct"),
    ]
)
def test_a_code_read_digit_by_digit_is_the_code(text: str, pid: str) -> None:
    assert study(text) == pid


@case(
    [
        ("seven seven zero six six screening", None),  # the diagnostic mammogram's code said with "screening"
        ("CPT seven seven zero six", None),  # four digits: no code
        ("seven seven zero six seven eight", None),  # six digits: no code
        ("CPT one two three four five", None),  # five digits the catalogue does not list
        ("six month follow up CT chest two views", None),  # number words that are no code
        ("seven eight eight one five and seven one two six zero", None),  # two studies' codes
    ]
)
def test_number_words_that_are_no_listed_code_stay_unsure(text: str, pid: str | None) -> None:
    assert study(text) == pid


@case(
    [
        ("em are eye tee spine without contrast", "mri_spine_wo"),
        ("em are eye el spine with and without contrast back pain", "mri_spine_wwo"),
        ("see tea chest with eye vee contrast to follow the nodule", "ct_chest_contrast"),
        ("pet see tea to see if the liver lesions are new", "pet_ct"),
        ("F E S pet to check whether the lesions are E R positive", "fes_pet"),
    ]
)
def test_letters_spelled_or_spoken(text: str, pid: str) -> None:
    assert study(text) == pid


@case(
    [
        ("em are eye see chest", None),  # "c chest" is no form: the letter stays unread
        ("CT chest, contrast to follow", None),  # a contrast to follow: with or without?
        ("em are eye see spine", None),  # the contrast is not said
        ("to see if", None),
    ]
)
def test_a_lone_letter_or_a_contrast_to_follow_still_asks(text: str, pid: str | None) -> None:
    assert study(text) == pid
