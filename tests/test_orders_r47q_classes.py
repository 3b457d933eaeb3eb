"""Order-name classes of the v44 blind order list (round 47q), in other wordings than the list's, with their controls.

1. A name cut short by an ellipsis right after a contrast timing, or after its first letters ("W...", "wit..."), says
   neither with, without nor with-and-without: the order asks. A statement closed before the cut keeps its reading.
"""

from __future__ import annotations

from order_helpers import KB, case, study
from rightscan.domain.orders import interpret


@case(
    [
        ("MRI BRAIN W...", None),
        ("CT ABD/PELVIS WO...", None),
        ("CT C/A/P WITH\u2026", None),  # a routine contrast is never assumed behind a cut
        ("CT THORAX W/O...", None),  # "w/o" may go on "& w contrast"
        ("MRI L-SPINE W/ AND...", None),
        ("CT NECK WIT...", None),
        ("MR BREAST BILAT WITHO... (staging)", None),
        ("MRI BRAIN W/ & W/O...", "mri_head_wwo"),  # both phases stated before the cut
        ("CT CHEST W CONTRAST...", "ct_chest_contrast"),  # the noun closes the statement
        ("CT HEAD NON-CON...", "ct_head"),
        ("CT CHEST W CONTRAST", "ct_chest_contrast"),  # controls without a cut: as before
        ("CT Chest w", "ct_chest_contrast"),  # the Playbook's short name
        ("US BREAST LEFT...", "us_breast"),  # a cut after another word changes nothing
    ]
)
def test_a_cut_after_a_contrast_word_is_no_contrast_choice(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


def test_the_cut_contrast_asks_between_the_contrast_studies() -> None:
    reading = interpret(KB, "CT CHEST W...")
    assert reading.status == "ambiguous" and reading.missing == ("contrast",)
    assert {p.id for p in reading.choices} == {"ct_chest_contrast", "ct_chest_wo"}
