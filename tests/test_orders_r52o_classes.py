"""Order-name classes of the v48 blind order list (round 52o), in other wordings than the list's, with their controls.

1. A segment after a study that opens with a negating word, then up to two words qualifying the finding, then a finding
   the vocabulary knows as said absent ("no radiographic evidence of", "without evidence of", "no definite FDG-avid",
   "no suspicious ...") is that study's result: a study done, not one to do. A contrast statement after "no" is not
   ("no IV contrast allergy"), nor a finding to exclude said as the study's purpose.
2. System names with stray ids and codes: an order's number after "ORD#" joined to the name by a hyphen is no code and
   no word; the PET field's shorthand "SB-MT", "SKULL BS-MIDTHIGH"; a field's last word cut at the width ("MID-TH") is
   written in full where one form of the vocabulary ends in it; "fez" is FES heard as a word.
3. Portal messages and phone or nurse notes: the label ("Portal:", "Phone note:", "Pre-op nurse:") and the note's
   opening ("pt called re", "pt asking") say how the message came, not which study nor what it is for ("Reminder: your
   yearly mammogram" stays the screening one); a question around the study ("when is the ...", "is the ...") asks about
   it; the patient's words for the position ("where I lie on my stomach"), the field ("from the top of my head to my
   toes") and "instead of two separate scans" name no other part or study.
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


@case(
    [
        ("Portal: when is the CT of my chest, belly and pelvis with the dye?", "ct_cap_contrast"),
        ("Portal: is the magnet scan of my brain with and without the dye still on Monday?", "mri_head_wwo"),
        ("Phone note: pt asking about her bone scan, wants a morning slot", "bone_scan"),
        ("Nurse note: pt called re PET/CT skull base to thighs, asks about fasting", "pet_ct"),
        ("Portal: the breast MRI where you lie on your stomach, with contrast, how long is it?", "mri_breast_wwo"),
        ("Pre-op nurse: CXR needed prior to port insertion", "xray_chest"),
        ("Reminder: your yearly mammogram is due", "mammo_screening"),
        ("Portal: my annual mammogram, it has been 12 months", "mammo_screening"),
        ("Portal: they talked about a PET/MRI instead of two separate scans", "pet_mri"),
        ("Portal: PET from the top of my head to my feet, why so long?", "pet_ct_whole_body"),
        # controls
        ("Portal: I already had the bone scan last week, do I need another?", None),  # a scan she already had
        ("Phone note: pt asking whether the bone scan and PET/CT are both pending", None),  # two pending studies
        ("Phone note: CT CAP cancelled", None),  # a cancelled study alone
        ("Phone note: pt asking to move her yearly mammogram, hx of breast cancer", None),  # history: not screening
        ("Portal: the CT where I drink the contrast", None),  # the drink only: IV contrast unstated
    ]
)
def test_portal_messages_and_phone_notes(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)
