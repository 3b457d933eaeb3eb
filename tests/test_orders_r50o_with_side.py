"""Round 50o (found on the first run of the blind order list v47): "with" followed by a side.

After the RIS shorthand "w" a side is the contrast's place in a capitals name ("MR BREAST W BILAT": with contrast). In
a sentence the word "with" is a preposition, and the side after it belongs to the study: "follow-up in 6 months with
bilateral diagnostic mammogram" is the diagnostic mammogram, never the contrast-enhanced one (a wrong study before this
round). A sentence that names no contrast and no study type beyond the modality still asks.
"""

from __future__ import annotations

from order_helpers import case, study


@case(
    [
        ("Return in one year with bilateral diagnostic mammography", "mammo_diagnostic"),
        ("see her back with left diagnostic mammogram and US", None),  # two studies: asks
        ("plan: recheck in 6 mo with right diagnostic mammo", "mammo_diagnostic"),
        ("annual screening with bilateral screening mammogram", "mammo_screening"),
        ("MRI breast with bilateral", None),  # no contrast said: asks
    ]
)
def test_with_then_a_side_in_a_sentence_is_the_studys_side(text: str, pid: str | None) -> None:
    assert study(text) == pid


@case(
    [
        ("MR BREAST W BILAT", "mri_breast_wwo"),
        ("MRI BREAST W WO BILAT", "mri_breast_wwo"),
        ("CT CHEST W CONTRAST", "ct_chest_contrast"),
        ("contrast-enhanced mammography, bilateral", "mammo_contrast"),
    ]
)
def test_control_shorthand_and_named_contrast_keep_their_reading(text: str, pid: str | None) -> None:
    assert study(text) == pid
