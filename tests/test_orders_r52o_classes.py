"""Order-name classes of the v48 blind order list (round 52o), in other wordings than the list's, with their controls.

1. A segment after a study that opens with a negating word, then up to two words qualifying the finding, then a finding
   the vocabulary knows as said absent ("no radiographic evidence of", "without evidence of", "no definite FDG-avid",
   "no suspicious ...") is that study's result: a study done, not one to do. A contrast statement after "no" is not
   ("no IV contrast allergy"), nor a finding to exclude said as the study's purpose.
2. System names with stray ids and codes: an order's number after "ORD#" joined to the name by a hyphen is no code and
   no word; the PET field's shorthand "SB-MT", "SKULL BS-MIDTHIGH"; a field's last word cut at the width ("MID-TH") is
   written in full where one form of the vocabulary ends in it; "fez" is FES heard as a word.
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


@case(
    [
        ("ORD#40017-MRI BRAIN W/WO CONTRAST", "mri_head_wwo"),
        ("Ord #5521-NM BONE SCAN WHOLE BODY", "bone_scan"),
        ("ORD#40017-MRI BRAIN", None),  # control: the contrast still unstated
        ("PET/CT SB-MT restaging", "pet_ct"),
        ("PET CT SB TO MT", "pet_ct"),
        ("#B7 PET/CT 78815 SKULL BS TO MIDTHIGH", "pet_ct"),
        ("NM PET/CT SKULL BASE-MID TH", "pet_ct"),
        ("PET/CT WHOLE BO", "pet_ct_whole_body"),  # control (round 50q): a cut word set aside
        ("MRI BRAIN W", None),  # control (round 50q): a cut contrast statement asks
        ("fez PET/CT for ER+ disease", "fes_pet"),
        ("CT CAP w contrast", "ct_cap_contrast"),  # control
    ]
)
def test_system_names_with_ids_codes_and_cuts(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)

