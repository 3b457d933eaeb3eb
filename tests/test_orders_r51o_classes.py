"""Order-name classes of the v47 blind order list (round 51o), in other wordings than the list's, with their controls.

1. A line that reports a study's result by saying a finding is absent ("no evidence of ...", "no new ...") is the
   result of a study done, not a study to do, even when a clinical word follows ("metastatic disease"); a lab or a
   margin called normal or negative after the study is not its result.
2. A study's purpose said as a finding to exclude ("to confirm no bone mets", "to document no evidence of disease")
   is why the study is wanted: the study stays the order.
"""

from __future__ import annotations

from order_helpers import KB, case, study
from rightscan.domain.orders import interpret


@case(
    [
        ("Whole-body bone scan (6/11) - no evidence of skeletal metastatic disease", None),
        ("PET/CT 2/2026: no evidence of FDG-avid metastatic disease", None),
        ("MRI brain 9/9: no new enhancing lesions, no new metastases", None),
        ("CT C/A/P 1/5 - slight decrease in liver lesion, no new mets", None),
        ("Bone scan - negative for metastatic disease", None),
        ("Bone scan - r/o metastatic disease", "bone_scan"),  # control: the reason, not a result
        ("CT CAP w contrast - s/p mastectomy, r/o mets", "ct_cap_contrast"),  # control: history is the reason
    ]
)
def test_a_line_saying_a_finding_is_absent_is_a_result(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("Bone scan to confirm no bone mets before surgery", "bone_scan"),
        ("CT CAP w contrast to document no evidence of distant disease", "ct_cap_contrast"),
        ("Bone scan r/o mets - negative", None),  # control: the result read after the reason
    ]
)
def test_a_finding_to_exclude_is_the_study_purpose(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("MR CERVICAL SPINE WITH", None),  # "WITH" cut from "WITH AND WITHOUT" at the field's width
        ("CT ABDOMEN PELVIS WITHO", None),  # the first letters of "WITHOUT", never "with"
        ("MRI ORBITS BRAIN WIT", None),
        ("CT ABDOMEN PELVIS WITHOUT", "ct_abdomen_pelvis_wo"),  # control: the word is whole
        ("CT ABDOMEN PELVIS WITH CONTRAST", "ct_abdomen_pelvis_contrast"),  # control: the statement is closed
        ("MRI C-SPINE WITH AND WITHOUT", "mri_spine_wwo"),  # control: both phases stated
    ]
)
def test_a_capitals_name_ending_in_an_open_contrast_word_asks(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)
