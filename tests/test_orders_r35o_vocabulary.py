"""Orders, round 35o: the v32 blind list's abstentions as classes, in other words than the list's lines.

1. Spanish and Portuguese regions written as adjectives after the modality ("TC toracica", "TC abdominopelvica"), and
   the Mexican "simple" (unenhanced) after them as after the nouns; a region with no catalogue study still asks.
2. French names of the PET/CT ("PET-TDM", "PET-scanner", "TEP-scanner") and of the brain ("IRM encephalique").
3. A nuclear-medicine worklist's "BS" for the bone scan beside NM or the whole body; "BS" alone (blood sugar) is no
   study and never makes another order a bone scan.
4. A diagnosis told as biopsy-proven is what the study is for, not a biopsy ordered; a biopsy ordered stays no study.
"""

from __future__ import annotations

from order_helpers import KB, case, study
from rightscan.domain.orders import interpret


# ------------------------------------------------------------------ 1. Spanish/Portuguese region adjectives
@case(
    [
        ("RM craneal simple", "mri_head_wo"),
        ("TC cerebral simple", "ct_head"),
        ("TC torácica con contraste", "ct_chest_contrast"),
        ("Tomografía torácica simple", "ct_chest_wo"),
        ("TC abdominopélvica con contraste IV", "ct_abdomen_pelvis_contrast"),
        ("TAC abdominopélvico simple", "ct_abdomen_pelvis_wo"),
        ("TC toracoabdominopélvica simple", "ct_cap_wo"),
        # controls: a region the catalogue has no study for still asks; "simple" alone is a cyst's word
        ("TC pélvica simple", None),
        ("TC toracoabdominal con contraste", None),
        ("MRI breast - simple cyst f/u", None),
        ("TAC craneal", "ct_head"),
    ]
)
def test_spanish_region_adjectives_and_simple(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


# ------------------------------------------------------------------ 2. French PET/CT and brain names
@case(
    [
        ("PET-TDM au FDG", "pet_ct"),
        ("PET/TDM corps entier", "pet_ct_whole_body"),
        ("PET-scanner 18F-FDG", "pet_ct"),
        ("TEP-scanner au 18F-FDG", "pet_ct"),
        ("IRM encéphalique avec injection", "mri_head_wwo"),
        ("TDM de l'encéphale sans injection", "ct_head"),
        # controls: another tracer, and a contrast left unsaid where it changes the study, still ask or differ
        ("PET-TDM à la 18F-fluoroestradiol", "fes_pet"),
        ("IRM encéphalique", None),
        ("PET-TDM au PSMA", None),
    ]
)
def test_french_pet_ct_and_brain_names(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


# ------------------------------------------------------------------ 3. "BS" for the bone scan
@case(
    [
        ("NM BS WB", "bone_scan"),
        ("BS whole body - hip pain", "bone_scan"),
        ("WB BS for staging", "bone_scan"),
        # controls: "BS" alone is no study, and a blood sugar beside another order changes nothing
        ("BS", None),
        ("CT head w/o - BS 250, confused", "ct_head"),
        ("PET/CT skull base to mid thigh - BS 110 at arrival", "pet_ct"),
        ("NM BS 3 phase foot", None),
    ]
)
def test_bs_beside_nm_or_whole_body_is_the_bone_scan(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


# ------------------------------------------------------------------ 4. a biopsy-proven diagnosis
@case(
    [
        ("US right axilla - biopsy proven IDC R breast", "us_axilla"),
        ("MRI breast bilateral w/wo contrast - bx-proven ILC left, extent of disease", "mri_breast_wwo"),
        ("CT CAP with contrast, histologically confirmed breast cancer, staging", "ct_cap_contrast"),
        ("Bone scan - path proven metastatic breast ca", "bone_scan"),
        # controls: a biopsy ordered is no catalogue study; an opposite side still asks
        ("US guided core biopsy right axilla", None),
        ("US axilla left, biopsy if abnormal", "us_axilla"),
        ("US right axilla - biopsy proven IDC left breast", None),
    ]
)
def test_a_biopsy_proven_diagnosis_is_the_indication(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)
