"""A suspended hyphen shares the last compound's second word: "C-, T- and L-spine" names three spine segments,
so its "C-" is not the "C-" of "without contrast" (v34 blind order list, left open after round 37o)."""

from __future__ import annotations

from order_helpers import case, study


@case(
    [
        ("MRI C-, T- and L-spine w/wo gad", "mri_spine_wwo"),
        ("MR T- and L-spine without contrast - back pain", "mri_spine_wo"),
        ("MRI C- / T-spine with and without IV contrast", "mri_spine_wwo"),
        ("MRI breasts pre- and post-contrast, bilateral", "mri_breast_wwo"),
    ]
)
def test_a_hanging_first_part_takes_the_shared_word(text: str, pid: str) -> None:
    assert study(text) == pid


@case(
    [
        ("MRI C-, T- and L-spine", None),  # no contrast stated: the spine MRI's contrast is asked, never "without"
        ("CT chest C-, abdomen C+", None),  # two contrasts for two regions: not one study
    ]
)
def test_segments_alone_state_no_contrast(text: str, pid: str | None) -> None:
    assert study(text) == pid


@case([("CT chest C-", "ct_chest_wo"), ("MRI brain C- and C+", "mri_head_wwo"), ("MRI brain C-/C+", "mri_head_wwo")])
def test_a_contrast_minus_without_a_shared_word_stays_without_contrast(text: str, pid: str) -> None:
    assert study(text) == pid
