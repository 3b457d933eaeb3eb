"""Order-name classes of the v51 blind order list (round 55o), in other wordings than the list's, with their controls.

1. A scheduling worklist line's room or scanner field ("| US RM C |", "| CT2 |", "| MR 2 |") says where, not which
   study: set aside, so that "RM" or "MR1" names no second modality; "RM mama" in a field of its own stays the breast
   MRI.
2. A bone scan's delayed images ("4 HR DELAY", "with delayed images") are the usual acquisition; a three-phase scan
   stays no catalogue study, a declined or done study keeps its status.
3. Both contrast routes named together ("IV+PO", "IV/oral") say the IV contrast is given; an oral contrast alone, or an
   oral preparation, still asks.
4. Scheduler shortenings: "PLNG" (planning), "ABBREV" (abbreviated), "CORD COMP" (cord compression).
5. A DICOM worklist's fields ("MWL AE=...", "RP:", "SPS:") with "RESTAGE", "ONCO" and "SKULLBASE TO THIGH".
6. A protocol's T1-weighted MRI sequence ("3D T1 POST", "T1 post contrast") names the MRI; "T1" alone stays unread,
   "3D" alone stays the tomosynthesis.
7. A CT protocol code's portal venous phase after its regions ("CAP-PV") is the contrast study; "PV" alone is not read.
8. Payer lines: a coverage policy ("is covered", "may be covered") or a cost estimate ("your share", "estimate") naming
   one study is that study; "not covered" and two studies still ask.
9. A study done after a procedure or a treatment ("post-paracentesis", "after Xofigo cycle 3"): the procedure is the
   study's context; radium-223 named as the scan's agent stays no bone scan, and a procedure alone no study.
"""

from __future__ import annotations

from order_helpers import KB, case, study
from rightscan.domain.orders import interpret


@case(
    [
        ("US BREAST LT LTD | US RM C | 11:20", "us_breast"),
        ("MG SCREEN BIL 3D | MAM RM 4 | 08:00", "dbt_screening"),
        ("CT CHEST W CONTRAST | CT2 | 13:10", "ct_chest_contrast"),
        ("ACCESSION 5521907 | MR BRAIN W/WO | MR 2 | 16:40", "mri_head_wwo"),
        ("MG DIAG RT | MR1 | 10:15", "mammo_diagnostic"),
        ("RM mama sin contraste | sala 3", "mri_breast_wo"),  # control: the Spanish MR of a field with the study
        ("RM 3T | cerebro con y sin contraste", "mri_head_wwo"),  # control: a field strength is no room
        ("MG diag left | RM mama", None),  # control: two studies
        ("MG DIAG LT | US LT BREAST | 10:00", None),  # control: two studies
        ("CT CAP w contrast", "ct_cap_contrast"),  # control
    ]
)
def test_a_worklist_room_field_is_no_study(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


def test_a_worklist_room_keeps_the_side() -> None:
    assert interpret(KB, "MR BREAST RT W/WO BX PLNG | MR1 | 14:00").attributes["laterality"] == "right"
    assert interpret(KB, "MRI R breast").attributes["laterality"] == "right"  # control


@case(
    [
        ("NM WB BONE 4 HR DELAY", "bone_scan"),
        ("Bone scan whole body with delayed images", "bone_scan"),
        ("Three phase bone scan with delays", None),  # control: the dynamic scan is no catalogue study
        ("NM BONE WB 3HR DELAY | pt declined", None),  # control: declined
        ("bone scan 3 hr delay done 3/4", None),  # control: done
    ]
)
def test_a_bone_scans_delayed_images_are_the_bone_scan(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("CT chest IV+PO", "ct_chest_contrast"),
        ("CT A/P IV/oral | 09:30 | DRINK CONTRAST 08:30", "ct_abdomen_pelvis_contrast"),
        ("CT A/P, oral contrast only", None),  # control: no IV route
        ("CT CAP | drink oral contrast 1 hr prior", None),  # control: an oral preparation asks
        ("CT A/P oral contrast, no IV", "ct_abdomen_pelvis_wo"),  # control
        ("CT CAP IV+ORAL done 3/4", None),  # control: done
    ]
)
def test_both_contrast_routes_give_the_iv_contrast(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("MR BRST LT W/WO BX PLNG", "mri_breast_wwo"),
        ("MRI BREASTS ABBREV NON-CON", "mri_breast_wo"),
        ("MR C SPINE WO R/O CORD COMP", "mri_spine_wo"),
        ("ABBREV BREAST MRI", None),  # control: an abbreviated breast MRI with no purpose or contrast asks
    ]
)
def test_scheduler_shortenings(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("MWL AE=NMCAM2 | RP: NM BONE SCAN WB | SPS: WHOLE BODY", "bone_scan"),
        ("RP: FDG PET/CT RESTAGE | SPS: SKULLBASE TO MID THIGH", "pet_ct"),
        ("RP: PET/CT ONCO | SPS: VERTEX TO TOES", "pet_ct_whole_body"),  # control: the whole body
        ("RP: NaF PET/CT RESTAGE", None),  # control: NaF PET is no catalogue study
    ]
)
def test_a_dicom_worklists_fields(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("PROTO BRAIN W/WO - 3D T1 POST", "mri_head_wwo"),
        ("Brain tumour protocol - T1 post contrast, W/WO", "mri_head_wwo"),
        ("T1 vertebral lesion", None),  # control: "T1" alone names no MRI
        ("3D mammogram screening", "dbt_screening"),  # control: "3D" alone stays the tomosynthesis
    ]
)
def test_a_protocols_t1_sequence_names_the_mri(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("CT ONC CAP-PV PROTOCOL", "ct_cap_contrast"),
        ("CT CAP-PV", "ct_cap_contrast"),
        ("US pelvis - PV bleeding", None),  # control: "PV" alone is no contrast phase
    ]
)
def test_a_ct_protocols_portal_venous_phase(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("Cost estimate: CT chest abdomen pelvis with contrast - your share $410", "ct_cap_contrast"),
        ("Bone scan is covered when bone pain or elevated alkaline phosphatase", "bone_scan"),
        ("76882 US nonvascular extremity, right axilla", "us_axilla"),
        ("Breast MRI may be covered for high-risk screening", None),  # control: the contrast is not stated
        ("PET/CT is not covered", None),  # control: not covered asks
        ("Estimate: CT CAP and bone scan", None),  # control: two studies
    ]
)
def test_payer_lines_name_their_one_study(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("bone scan after Xofigo cycle 3", "bone_scan"),
        ("CXR post-thoracentesis", "xray_chest"),
        ("US liver post paracentesis - residual fluid?", "us_abdomen"),
        ("radium-223 cycle 4", None),  # control: a treatment, no study
        ("paracentesis", None),  # control: a procedure, no study
        ("bone scan with radium-223", None),  # control: radium-223 as the agent is no diagnostic bone scan
        ("CT to compare with the bone scan", None),  # control: the study compared with is no second study
    ]
)
def test_a_procedure_or_treatment_is_the_studys_context(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)
