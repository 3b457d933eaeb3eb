"""Order-name classes the v43 blind order list (and v42) abstained on (round 46q), in other wordings than the lists'.

1. "PET-CECT": the PET/CT whose CT is contrast-enhanced (CECT) is one hybrid study, not a PET and a separate CT.
2. Contrast said as the enhancement it gives ("with enhancement"); a breast MRI's non-mass enhancement stays a finding.
3. A study "to exclude" a finding is still that study, like "to rule out".
4. A conditional plan's condition ("if pain persists") is what the planned study is for.
5. A scheduling message moving a named study to another day names that study.
6. A relative passing on a doctor's wish names the study; who phoned is not the study.
7. A patient enrolled on an imaging trial: the PET/MR is still the PET/MR; an investigational tracer still asks.
8. Multicentric or multifocal disease as what a breast MRI is for: the extent of disease, the contrast-enhanced study.
9. The breast-imaging section's RIS prefix "BR" before a modality and a part of its own ("BR US AXILLA") is the
   section, not the breast; with no part of its own "BR" stays the breast.
Hard negatives (a PSMA PET, a CT colonography, a bone biopsy, scintimammography, an abdomen under "BR") never resolve.
"""

from __future__ import annotations

from order_helpers import case, study


@case(
    [
        ("PET-CECT, FDG, restaging after chemo", "pet_ct"),
        ("PET CECT for response assessment", "pet_ct"),
        ("Whole body PET CECT for recurrence", "pet_ct_whole_body"),
        ("CECT thorax for lung nodules", "ct_chest_contrast"),  # control: CECT alone stays the contrast CT
    ]
)
def test_pet_cect_is_the_pet_ct(text: str, pid: str) -> None:
    assert study(text) == pid


@case(
    [
        ("CT chest with enhancement", "ct_chest_contrast"),
        ("CT abdomen and pelvis with contrast enhancement", "ct_abdomen_pelvis_contrast"),
        ("CT chest, abdomen & pelvis w/ enhancement for restaging", "ct_cap_contrast"),
        ("MRI breast non-mass enhancement", None),  # a finding: the breast MRI still asks its contrast
        ("US L breast for non mass enhancement seen on MRI", "us_breast"),
    ]
)
def test_contrast_said_as_enhancement(text: str, pid: str | None) -> None:
    assert study(text) == pid


@case(
    [
        ("Skeletal scintigraphy to exclude bony secondaries", "bone_scan"),
        ("Bone scan for exclusion of osseous mets", "bone_scan"),
        ("Whole body bone scan - to exclude skeletal spread", "bone_scan"),
        ("Bone biopsy to exclude metastasis", None),
        ("PSMA PET to exclude nodal disease", None),
        ("Scintimammography to exclude multifocal disease", None),
        ("CT colonography to exclude polyps", None),
    ]
)
def test_a_study_to_exclude_a_finding_is_the_study(text: str, pid: str | None) -> None:
    assert study(text) == pid


@case(
    [
        ("If headache persists -> MRI brain w/wo", "mri_head_wwo"),
        ("if hip pain persisting, xray L hip", "xray_bone"),
        ("CXR if cough persistent after 3 wks", "xray_chest"),
        ("Colonography if symptoms persist", None),
    ]
)
def test_a_conditional_plan_names_its_study(text: str, pid: str | None) -> None:
    assert study(text) == pid


@case(
    [
        ("Patient rang to move her bone scan to next week", "bone_scan"),
        ("Pt called: please move her CT CAP w contrast to next Monday", "ct_cap_contrast"),
        ("Husband phoned re bone scan appointment, wants it moved to the afternoon", "bone_scan"),
        ("Tel msg from daughter: mum wants her PSMA PET moved", None),
    ]
)
def test_a_scheduling_message_names_the_study(text: str, pid: str | None) -> None:
    assert study(text) == pid


@case(
    [
        ("Her son rang: the oncologist wants a PET CT, can it be done closer to home?", "pet_ct"),
        ("Husband phoned - oncologist wants a bone scan, can it be done locally?", "bone_scan"),
        ("Message from son: his mother's surgeon wants a breast MRI with contrast", "mri_breast_wwo"),
        ("Daughter called: wants to bring forward mum's CT chest abdomen pelvis w contrast", "ct_cap_contrast"),
    ]
)
def test_a_relative_passing_on_the_wish_names_the_study(text: str, pid: str) -> None:
    assert study(text) == pid


@case(
    [
        ("PET/MRI for staging, patient enrolled in research study", "pet_mri"),
        ("PET-MR staging - trial participant", "pet_mri"),
        ("PET/MR with investigational tracer - enrolled on trial", None),
    ]
)
def test_an_imaging_trial_patient_keeps_the_study(text: str, pid: str | None) -> None:
    assert study(text) == pid


@case(
    [
        ("MRI breasts ?multifocal disease", "mri_breast_wwo"),
        ("Bilateral breast MRI to assess multicentricity", "mri_breast_wwo"),
        ("US breast ?multifocal", "us_breast"),
        ("Breast MRI without contrast ?multifocal disease", "mri_breast_wo"),  # a stated contrast keeps its own
    ]
)
def test_multicentric_disease_is_the_extent_of_disease(text: str, pid: str) -> None:
    assert study(text) == pid


@case(
    [
        ("BR US AXILLA LEFT", "us_axilla"),
        ("BR US AXILLA RT", "us_axilla"),
        ("BR MRI BREAST BILAT W WO", "mri_breast_wwo"),
        ("BR US LEFT", "us_breast"),  # no part of its own: "BR" stays the breast
        ("BR MRI BILAT", None),  # still asks the contrast
        ("BR US ABDOMEN", None),  # a part no breast study images: as before, the order asks
        ("BR BX US GUIDED LEFT", None),
    ]
)
def test_the_breast_section_prefix_is_no_part(text: str, pid: str | None) -> None:
    assert study(text) == pid
