"""Order-name classes of the v44 blind order list (round 47q), in other wordings than the list's, with their controls.

1. A name cut short by an ellipsis right after a contrast timing, or after its first letters ("W...", "wit..."), says
   neither with, without nor with-and-without: the order asks. A statement closed before the cut keeps its reading.
2. A booked study the patient did not come to ("no-show", "did not attend") and that is not rebooked is no study to do
   now, like a cancelled one; rebooked or rescheduled, it is the study again.
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


@case(
    [
        ("US L axilla - pt did not attend, not rebooked", None),
        ("CT CAP w contrast: no-show x2, will not be rescheduled", None),
        ("MRI brain w/wo - patient failed to attend", None),  # not rebooked: not to be done now
        ("Bone scan - DNA'd", None),
        ("NM bone scan whole body - no show 2/11, rebooked 2/18", "bone_scan"),  # rebooked: the study again
        ("Diagnostic mammo R - missed appointment, rescheduled to next Tues", "mammo_diagnostic"),
        ("CT chest w/o - pt no-show, please reschedule", "ct_chest_wo"),
        ("Bone scan rescheduled to Friday", "bone_scan"),  # a study moved, nothing missed: as before
        ("PET/CT - pt wants to move it to next week", "pet_ct"),
    ]
)
def test_a_missed_study_not_rebooked_is_not_ordered(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


def test_a_missed_study_is_offered_with_its_status() -> None:
    reading = interpret(KB, "Bone scan - pt did not attend, not rescheduled")
    assert reading.status == "ambiguous" and reading.order_status == "declined"
    assert [p.id for p in reading.choices] == ["bone_scan"]
