"""Round 48o: the study a note considers when it names several (blind v48, annotation guide 2, order).

The reader had picked none where the note chooses one study and sets the others aside: "X rather than / preferred for
stage III over Y + Z", a study a payer refused beside the one ordered, a study the patient asks about and the note
judges not needed, a study right under "Staging:", a proposal's heading after a sentence on its line, a study done
"this month: <finding>" beside the one planned; and it had picked one where the note offers two ("MRI today vs urgent
CT", an x-ray written "XR" beside a bone scan). New wordings; the controls keep their reading.
"""

from __future__ import annotations

import pytest

from nlp_helpers import order_of

HX = "58F, R breast IDC 2.4 cm, cN1, grade 3, ER+/PR-/HER2-, biopsy-proven.\n"
TREATED = "66F, L breast IDC 2018 s/p lumpectomy + RT, on letrozole.\n"


@pytest.mark.parametrize(
    ("note", "study"),
    [
        (HX + "Tumour board: staging by FDG PET/CT instead of CT chest/abd/pelvis and bone scan.", "pet_ct"),
        (HX + "Agreed: PET/CT in place of a separate CT C/A/P plus bone scan.", "pet_ct"),
        (HX + "Systemic staging: PET/CT (favoured in node-positive disease over CT + bone scan) - booked.", "pet_ct"),
        (TREATED + "New rib pain. We would favour a bone scan in her case over an FDG PET/CT.", "bone_scan"),
        (HX + "MDT: prefer PET/CT to CT CAP plus bone scan for this patient.", "pet_ct"),
    ],
)
def test_the_study_chosen_over_others_is_the_order(note: str, study: str) -> None:
    assert order_of(note) == study, note


@pytest.mark.parametrize(
    ("note", "study"),
    [
        (
            "CT C/A/P WITH IV CONTRAST - staging before neoadjuvant chemo. 49F, R IDC cT3 cN1. "
            "Insurance denied the PET/CT last week.",
            "ct_cap_contrast",
        ),
        (
            "NM BONE SCAN WHOLE BODY - new hip pain, hx breast ca 2017. PET/CT not approved by insurance.",
            "bone_scan",
        ),
    ],
)
def test_a_study_refused_by_the_payer_gives_way_to_the_one_asked_for(note: str, study: str) -> None:
    assert order_of(note) == study, note


def test_a_study_refused_by_the_payer_alone_is_still_considered() -> None:
    assert order_of(HX + "Insurance denied the PET/CT; peer-to-peer requested.") == "pet_ct"


@pytest.mark.parametrize(
    "note",
    [
        TREATED + 'Her sister "had a PET scan" after her diagnosis; she wonders whether she needs a PET/CT too. '
        "Exam normal.\nA/P: NED. PET/CT not needed in routine surveillance - reassured.",
        TREATED + "A friend had a bone scan and pt asked if she should have one. Assessment: bone scan not "
        "indicated, pain mechanical.",
    ],
)
def test_a_study_asked_about_then_judged_not_needed_is_still_the_study_considered(note: str) -> None:
    assert order_of(note) in ("pet_ct", "bone_scan"), note


@pytest.mark.parametrize(
    "note",
    [
        # a relative's study nobody asks about is not the order, judged or not
        TREATED + "Her brother had a bone scan last month. Plan: continue letrozole.",
        TREATED + "Her brother had a bone scan last month. A/P: bone scan not indicated.",
        # a study the patient declined
        TREATED + "Offered a bone scan for the new rib ache; she declined the bone scan. Continue letrozole.",
    ],
)
def test_no_study_considered_stays_none(note: str) -> None:
    assert order_of(note) is None, note


@pytest.mark.parametrize(
    ("note", "study"),
    [
        (HX + "Staging: CT chest/abd/pelvis without IV contrast - severe contrast allergy, premedication declined.",
         "ct_cap_wo"),
        (HX + "Staging work-up: bone scan\nRTC after results.", "bone_scan"),
    ],
)  # fmt: skip
def test_a_study_under_a_staging_heading_is_the_staging_to_be_done(note: str, study: str) -> None:
    assert order_of(note) == study, note


@pytest.mark.parametrize(
    "note",
    [
        HX + "Staging: PET/CT - no distant disease.",
        HX + "Staging: CT chest/abd/pelvis with contrast 3/2025 negative.",
        HX + "Staging: PET/CT: no FDG-avid distant disease.",
        HX + "Staging: CT CAP with contrast and bone scan.",  # two studies planned
    ],
)
def test_a_staging_report_or_two_staging_studies_give_no_order(note: str) -> None:
    assert order_of(note) is None, note


@pytest.mark.parametrize(
    ("note", "study"),
    [
        # a study done, with its result, beside the one planned
        (TREATED + "Mammo last week: new 7 mm cluster of calcs at the scar, BI-RADS 4C. Stereo bx: DCIS.\n"
         "Plan: bilateral breast MRI w/wo contrast before surgical planning.", "mri_breast_wwo"),
        (TREATED + "CT CAP 3/2025 negative. Plan: bone scan for the new rib pain.", "bone_scan"),
        # a proposal's heading after a sentence on its line
        (TREATED + "Discussion: CA 15-3 rising, CT equivocal. Proposal: FES PET/CT to clarify.", "fes_pet"),
        # the abdominal ultrasound written "US"
        (TREATED + "New jaundice. Plan: abdominal US today to look for biliary dilatation.", "us_abdomen"),
    ],
)  # fmt: skip
def test_the_planned_study_beside_one_done(note: str, study: str) -> None:
    assert order_of(note) == study, note


@pytest.mark.parametrize(
    "note",
    [
        TREATED + "New R groin pain at night.\nPlan:\n- R hip/pelvis XR today\n- bone scan\n- continue letrozole",
        TREATED + "New R thigh pain.\nPlan: R femur XR and a bone scan.",
        TREATED + "Icteric, ALP 400. Requesting MRI abdomen w/wo this afternoon versus a CT - please advise.",
        TREATED + "New rib pain. Plan: bone scan or CT?",
        TREATED + "Plan: CT CAP and bone scan.",
    ],
)
def test_two_studies_considered_give_no_order(note: str) -> None:
    assert order_of(note) is None, note


def test_an_x_ray_written_xr_is_the_order_alone() -> None:
    assert order_of(TREATED + "New L thigh pain at night, no injury. Plan: L femur XR today.") == "xray_bone"
