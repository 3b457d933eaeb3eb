"""Order-name classes of the v48 blind order list (round 52o), in other wordings than the list's, with their controls.

1. A segment after a study that opens with a negating word, then up to two words qualifying the finding, then a finding
   the vocabulary knows as said absent ("no radiographic evidence of", "without evidence of", "no definite FDG-avid",
   "no suspicious ...") is that study's result: a study done, not one to do. A contrast statement after "no" is not
   ("no IV contrast allergy"), nor a finding to exclude said as the study's purpose.
"""

from __future__ import annotations

from order_helpers import KB, case, study
from rightscan.domain.orders import interpret


@case(
    [
        ("Bone scan 4/4/25 - no radiographic evidence of metastatic disease", None),
        ("PET/CT 1/9: no definite FDG-avid nodes", None),
        ("CT CAP 2/2: without evidence of distant disease", None),
        ("MRI brain 7/1: no convincing evidence of new metastases", None),
        ("Bone scan 8/8 - no suspicious osseous lesions", None),
        ("PET/CT 6/6: no abnormal FDG uptake", None),
        ("Bone scan - r/o metastatic disease", "bone_scan"),  # control: the reason, not a result
        ("CT CAP w contrast - no IV contrast allergy", "ct_cap_contrast"),  # control: a contrast word after "no"
        ("Bone scan to confirm no bone mets before surgery", "bone_scan"),  # control: a finding to exclude
    ]
)
def test_a_negated_finding_after_a_study_is_its_result(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)
