"""Order-name classes of the v50 blind order list (round 54o), in other wordings than the list's, with their controls.

1. A catalogue's PET name with its tracer (and the tracer's isotope, in brackets or not) between the PET and its CT is
   the hybrid PET/CT of that tracer ("PET F-18 FDG CT"); a comma, a region or "then" between them keeps two studies.
2. A time in the past right after the act of ordering ("ordered last week, pending") says when the order was placed:
   an order not yet done; a time after the study itself, a result or a decline keep their status.
3. Letters joined by hyphens as dictation spells them ("C-T", "M-R-I") are the abbreviation when the whole run spells
   it: its "R" is no side and its "C-" no "without contrast"; a run that spells nothing stays as written.
4. A purpose clause in everyday words ("to sort out", "to work out", "to find out") says what the study is to settle:
   a part named in it is the site of the question, not a region of the study; a study named there is no second study.
5. An order set's staging item that names the bone and no modality ("Restaging protocol - bones") is the whole-body bone
   scan, shown as an assumption (source bone_staging); a named bone, a limited scan or another region still asks.
"""

from __future__ import annotations

from order_helpers import KB, case, study
from rightscan.domain.orders import interpret


@case(
    [
        ("PET F-18 FDG CT skull base to mid-thigh", "pet_ct"),
        ("NM PET (FLUORODEOXYGLUCOSE) CT", "pet_ct"),
        ("PET 18F-FES CT", "fes_pet"),
        ("PET FLUOROESTRADIOL F-18/CT", "fes_pet"),
        ("PET FDG, CT chest", None),  # control: two studies side by side
        ("PET FDG then CT", None),  # control: a next step, two studies
        ("FES PET and CT CAP", None),  # control: two studies
        ("PET FES MR", None),  # control: no FES PET/MR in the catalogue
        ("CT CAP w contrast", "ct_cap_contrast"),  # control
    ]
)
def test_the_tracer_between_pet_and_ct_is_one_hybrid(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("PET/CT requested last week - still pending", "pet_ct"),
        ("CT CAP w contrast ordered earlier this week, awaiting scheduling", "ct_cap_contrast"),
        ("MRI brain w/wo was ordered last month, not yet done", "mri_head_wwo"),
        ("bone scan last week", None),  # control: the study itself last week: done
        ("Pt had bone scan last month", None),  # control: done
        ("bone scan ordered last week, done 3/4", None),  # control: done
        ("bone scan ordered last week - pt declined", None),  # control: declined
        ("bone scan ordered last week, negative", None),  # control: a result: done
    ]
)
def test_a_time_after_the_ordering_is_when_it_was_ordered(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("C-T head without contrast", "ct_head"),
        ("C-T chest with contrast", "ct_chest_contrast"),
        ("M-R-I lumbar spine without contrast", "mri_spine_wo"),
        ("P-E-T C-T for staging", "pet_ct"),
        ("U-S left axilla", "us_axilla"),
        ("M-R-I of the breast", None),  # control: the contrast is not stated
        ("MRI T-L spine w/wo", "mri_spine_wwo"),  # control: "T-L" spells nothing, the spine segments stay
        ("MRI brain C- r/o new confusion", "mri_head_wo"),  # control: "C-" then a space is without contrast
        ("MRI R breast w/wo", "mri_breast_wwo"),  # control: a side written apart is the study's
    ]
)
def test_letters_joined_by_hyphens_spell_the_abbreviation(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


def test_a_spelt_letter_is_no_side() -> None:
    assert interpret(KB, "M-R-I brain w/wo").attributes["laterality"] is None
    assert interpret(KB, "MRI R breast").attributes["laterality"] == "right"  # control
    assert interpret(KB, "U-S R breast").attributes["laterality"] == "right"  # control: the side after the run


@case(
    [
        ("FES PET/CT to work out whether the liver lesions are ER positive", "fes_pet"),
        ("FES PET to find out the receptor status of the bone mets", "fes_pet"),
        ("bone scan to figure out the hip pain", "bone_scan"),
        ("MRI to sort out the bone lesions", None),  # control: an MRI of no region
        ("CT to compare with the bone scan", None),  # control: the study compared with is no second study
        ("FES PET to sort out ER status, then bone scan", None),  # control: a second study after it
    ]
)
def test_a_purpose_clause_names_the_question_not_the_field(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("Restaging protocol - bones", "bone_scan"),
        ("IDC RESTAGING - SKELETON", "bone_scan"),
        ("Staging protocol: bone", "bone_scan"),
        ("BONE", None),  # control: no staging said: the bone scan or a radiograph
        ("staging - bone, limited", None),  # control: a limited bone scan is no catalogue study
        ("staging - femur", None),  # control: a named bone
        ("staging - chest", None),  # control: a CT or a radiograph
        ("staging: bone, chest", None),  # control: two regions
        ("Staging set: bone (DEXA)", None),  # control: a bone density study
    ]
)
def test_a_staging_sets_bone_item_is_the_bone_scan(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


def test_the_staging_item_is_shown_as_assumed() -> None:
    reading = interpret(KB, "Restaging protocol - bones")
    assert any("staging set's bone item" in a for a in reading.assumed)
