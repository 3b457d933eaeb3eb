"""Round 45o (orders v42): the words around a study that say who passed it on, what a repeat is for, or the complaint.

"the nurse said I need a CAT scan of my chest, belly and pelvis", "got a letter saying I need a 3D mammogram callback",
"chest x-ray in 6 weeks to recheck your lungs", "X-ray LS spine AP/Lat - backache": the study was named in full, but a
word the vocabulary did not know ("said", "saying", "recheck", "backache") left it unread and the resolver asked. Who
said so is a suggestion like "I was told" (``order_vocabulary.yaml``, source ``reported_words``); "to recheck" is what
a repeat is for and "backache" the complaint. These words name no study: a study left unnamed or ambiguous stays so.
"""

from __future__ import annotations

from order_helpers import case, study


@case(
    [
        ("my oncologist said I need a bone scan before the next visit", "bone_scan"),
        ("the surgeon says I need an ultrasound of my armpit", "us_axilla"),
        ("I got a letter saying I need a diagnostic mammogram of the left breast", "mammo_diagnostic"),
        ("the doctor said I should get a PET/CT", "pet_ct"),
        ("got a message saying I need a screening mammogram", "mammo_screening"),
    ]
)
def test_who_passed_the_study_on_names_no_study(text: str, pid: str) -> None:
    assert study(text) == pid


@case(
    [
        ("CXR in 3 months to recheck the right lower lobe", "xray_chest"),
        ("repeat CT chest w contrast in 3 months to recheck the nodule", "ct_chest_contrast"),
        ("XR lumbar spine 2 views - backache", "xray_bone"),
        ("Lumbar spine x-ray for back ache", "xray_bone"),
    ]
)
def test_what_a_repeat_is_for_and_the_complaint_name_no_study(text: str, pid: str) -> None:
    assert study(text) == pid


@case(
    [
        ("the nurse said I need a scan", None),  # which scan is not said
        ("the doctor said I need an MRI", None),  # of what is not said
        ("got a letter saying I need a CT of my chest", None),  # contrast not said: still asked
        ("recheck in 6 weeks", None),
        ("backache", None),
        ("said", None),
    ]
)
def test_a_study_left_unnamed_stays_unresolved(text: str, pid: str | None) -> None:
    assert study(text) == pid
