"""Order-name classes of the v46 blind order list (round 50q), in other wordings than the list's, with their controls.

1. A name cut at its field's width: a RIS description in capitals that ends in a lone "W" may have lost "/O" or "/WO":
   the contrast asks, offering both studies; "W CONTRAST", "W/", "W IV", "W WO", "W/O" and the Playbook's mixed-case
   short name ("CT Chest w") read as before. A last capital word that is the first letters of a study word ("WHOLE BO",
   "W CO", "ABD/PEL") is the rest of a word the width cut: set aside ("BRAIN WI", a cut timing, asks).
"""

from __future__ import annotations

from order_helpers import KB, case, study
from rightscan.domain.orders import interpret


@case(
    [
        ("MRI BRAIN W", None),
        ("CT ABD/PELVIS W", None),
        ("MRI L SPINE W", None),
        ("ACC 77120 MR LIVER W", None),
        ("CT ABD/PELVIS W CONTRAST", "ct_abdomen_pelvis_contrast"),  # controls: the statement closed
        ("MRI BRAIN W/", "mri_head_wwo"),
        ("CT ABD/PELVIS W IV", "ct_abdomen_pelvis_contrast"),
        ("MRI BRAIN W WO", "mri_head_wwo"),
        ("MRI BRAIN W/O", "mri_head_wo"),
        ("MRI BRAIN WO/W", "mri_head_wwo"),
        ("MR Head w", "mri_head_wwo"),  # the Playbook's short name, mixed case
        ("ctcap w", "ct_cap_contrast"),
        ("CT C/A/P W CONTRAST", "ct_cap_contrast"),
    ]
)
def test_a_lone_capital_w_that_ends_the_name_asks(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


def test_a_cut_w_offers_both_contrast_choices() -> None:
    reading = interpret(KB, "CT ABD/PELVIS W")
    assert reading.status == "ambiguous" and "contrast" in reading.missing
    assert {p.id for p in reading.choices} == {"ct_abdomen_pelvis_contrast", "ct_abdomen_pelvis_wo"}


@case(
    [
        ("BONE SCAN WHOLE BOD", "bone_scan"),
        ("MRI LUMBAR SPINE W/WO CONT", "mri_spine_wwo"),
        ("MRI BRAIN WO CON", "mri_head_wo"),
        ("MRI LIVER W AND WO CONTR", "mri_abdomen_wwo"),
        ("CT CHEST W CONTRA", "ct_chest_contrast"),
        ("MRI BRAIN WI", None),  # the first letters of a timing: the contrast asks
        ("CT CHEST ABD", None),  # what the width cut may have been another region: no guess
        ("MRI BRAIN lump", None),  # a word of its own, not a cut one
    ]
)
def test_a_last_word_cut_at_the_width_is_set_aside(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)
