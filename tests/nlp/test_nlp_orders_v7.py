"""Round 7 (issue 8): which study a note considers now, and the order-name classes behind the v7 misses.

Each class has two differently worded positives and a control where the rule must not fire. The sentences are
written for these tests (none is a blind-set note or order line).
"""

from __future__ import annotations

import pytest

from nlp_helpers import order_of, symptom_codes
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain.orders import interpret

KB = load_knowledge()


def study(text: str) -> str | None:
    """The study an order name resolves to, or None when the resolver abstains."""
    reading = interpret(KB, text)
    return reading.study.id if reading.status == "resolved" and reading.study else None


# ------------------------------------------------------------------ order names
@pytest.mark.parametrize(
    "text", ["CT abdomen and pelvis - contrast at radiologist discretion", "MRI liver (contrast per protocol)"]
)
def test_contrast_left_to_the_radiologist_states_no_contrast(text: str) -> None:
    reading = interpret(KB, text)
    assert reading.status == "ambiguous" and "contrast" in reading.missing


def test_contrast_stated_before_the_radiologist_is_named_still_counts() -> None:
    assert study("CT chest w/o contrast, per radiologist") == "ct_chest_wo"
    assert study("CT chest with contrast") == "ct_chest_contrast"


@pytest.mark.parametrize("text", ["PET/CT half-body", "limited whole body FDG PET"])
def test_a_half_body_pet_is_the_skull_base_to_mid_thigh_study(text: str) -> None:
    assert study(text) == "pet_ct"


def test_a_whole_body_pet_stays_the_whole_body_study() -> None:
    assert study("PET/CT whole body") == "pet_ct_whole_body"


@pytest.mark.parametrize(
    ("text", "expected"), [("an ultrasound of your left breast", "us_breast"), ("X-ray of my left femur", "xray_bone")]
)
def test_patient_facing_possessives_are_not_study_words(text: str, expected: str) -> None:
    assert study(text) == expected


def test_a_possessive_does_not_make_a_study_of_no_study() -> None:
    assert study("scan of your body") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("screening mammogram - pt overdue", "mammo_screening"), ("bone scan, pt anxious", "bone_scan")],
)
def test_the_patient_after_the_study_is_not_a_pet(text: str, expected: str) -> None:
    assert study(text) == expected


def test_a_pet_named_after_another_study_is_still_a_second_study() -> None:
    assert study("CT chest, PET/CT") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US left breast - f/u MRI enhancement", "us_breast"),
        ("diagnostic mammogram left - for US finding", "mammo_diagnostic"),
    ],
)
def test_the_study_a_reason_follows_up_is_not_a_second_study(text: str, expected: str) -> None:
    assert study(text) == expected


def test_two_studies_listed_without_a_reason_stay_unresolved() -> None:
    assert study("US left breast, mammogram") is None


# ------------------------------------------------------------------ notes: booking and appointments
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("58F, new L breast IDC. Appointments:\n- bone scan 12/02 0915 at Central Nuclear Med, prior auth approved",
         "bone_scan"),
        ("61F, metastatic IDC. Brain MRI w/wo contrast rescheduled to 3/4 at 08:00 per Dr Lee.", "mri_head_wwo"),
        ("Dispo: pending MRI thoracic spine w/wo.", "mri_spine_wwo"),
        ("Oncology agrees with MRI lumbar spine without and with contrast tonight.", "mri_spine_wwo"),
    ],
)  # fmt: skip
def test_a_booked_authorised_or_awaited_study_is_the_order(note: str, expected: str) -> None:
    assert order_of(note) == expected


@pytest.mark.parametrize(
    "note",
    [
        "61F IDC. Bone scan was done on 11/2 and showed no metastases, auth approved.",
        "MRI lumbar spine w/wo was done last week, results pending.",
        "61F IDC, cT2N1. PET/CT 6/14 0700 at Riverside - cancelled.",
    ],
)
def test_a_study_done_or_cancelled_is_not_the_order_whatever_its_booking(note: str) -> None:
    assert order_of(note) is None


# ------------------------------------------------------------------ notes: a study written as a phrase
@pytest.mark.parametrize(
    "note",
    [
        "She asked for a CT scan of her chest, abdomen and pelvis.",
        "We will request a CT of the chest, abdomen, and pelvis.",
    ],
)
def test_a_ct_of_the_chest_abdomen_and_pelvis_written_out_is_the_staging_ct(note: str) -> None:
    assert order_of(note) == "ct_cap_contrast"


def test_a_ct_written_out_that_was_done_is_not_the_order() -> None:
    assert order_of("A CT scan of her chest, abdomen and pelvis was done on 5/2 and showed no metastases.") is None


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("Plan: right femur X-ray today.", "xray_bone"),
        ("CECT thorax advised for lung evaluation.", "ct_chest_contrast"),
    ],
)
def test_a_bone_named_before_the_radiograph_and_an_enhanced_chest_ct(note: str, expected: str) -> None:
    assert order_of(note) == expected


def test_a_dated_old_radiograph_is_not_the_order() -> None:
    assert order_of("Right femur x-ray 2019 normal.") is None


# ------------------------------------------------------------------ notes: a reason-for-exam line in capitals
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("EVAL FOR METS. NEW DX R BREAST IDC. CT CHEST ABD PELVIS WITH CONTRAST.", "ct_cap_contrast"),
        ("HEADACHES, HX BREAST CANCER. MRI BRAIN W/WO CONTRAST.", "mri_head_wwo"),
    ],
)
def test_a_study_alone_in_its_sentence_with_its_contrast_words_is_the_order(note: str, expected: str) -> None:
    assert order_of(note) == expected


def test_a_study_heading_a_result_is_not_alone_in_its_sentence() -> None:
    assert order_of("58F IDC. CT CHEST ABD PELVIS W IV CONTRAST: NO EVIDENCE OF METASTATIC DISEASE.") is None


# ------------------------------------------------------------------ notes: a second study not ordered
@pytest.mark.parametrize(
    "note",
    ["Staging PET/CT ordered. Bone scan we are not doing given the PET.",
     "PET/CT booked for 6/3. Bone scan: no separate order."],
)  # fmt: skip
def test_a_second_study_the_note_does_not_order_leaves_the_first(note: str) -> None:
    assert order_of(note) == "pet_ct"


def test_a_study_requested_and_judged_not_indicated_is_still_the_order() -> None:
    # annotation guide 2: a study named only in the reason is still the one being considered
    assert order_of("Bone scan requested; bone scan not indicated per NCCN.") == "bone_scan"


@pytest.mark.parametrize(
    "note",
    ["Breast MRI w/wo contrast offered for extent - pt declines.",
     "PET/CT scheduled 10/17 @ Mercy Imaging - pt cancelled."],
)  # fmt: skip
def test_a_refusal_or_cancellation_after_a_dash_reaches_the_study(note: str) -> None:
    assert order_of(note) is None


def test_the_same_layout_with_consent_keeps_the_study() -> None:
    assert order_of("Breast MRI w/wo contrast offered for extent - pt agrees.") == "mri_breast_wwo"


# ------------------------------------------------------------------ notes: a status after a dash, a list of bookings
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("Staging PET-CT - booked for next Tuesday.", "pet_ct"),
        ("Restaging CT chest/abdomen/pelvis with contrast due - ordered.", "ct_cap_contrast"),
        ("CT chest/abdomen/pelvis with contrast: NOT yet done - requesting.", "ct_cap_contrast"),
        ("Scheduled: bone scan 5/5 (inj 0830), clinic 5/9.", "bone_scan"),
    ],
)
def test_a_study_booked_ordered_or_still_to_do_after_a_dash_or_under_a_heading(note: str, expected: str) -> None:
    assert order_of(note) == expected


@pytest.mark.parametrize(
    "note",
    [
        "[X] Bone scan - COMPLETED 2/14: no osseous metastases.",
        "58F. MRI breast w/wo contrast - done 3/3, BI-RADS 6.",
        "Upcoming appointments: PET/CT 4/2 0800 Main Imaging, brain MRI w/wo 4/3 1400.",
    ],
)
def test_a_study_done_after_a_dash_or_two_studies_booked_give_no_order(note: str) -> None:
    assert order_of(note) is None


def test_a_study_asked_whether_it_should_be_done_is_considered() -> None:
    note = "Radiology asked whether a breast MRI w/wo contrast should be done before surgery."
    assert order_of(note) == "mri_breast_wwo"


def test_a_study_confirmed_as_done_is_not_the_order() -> None:
    assert order_of("Pt confirms bone scan was done at the outside hospital.") is None


# ------------------------------------------------------------------ notes: refusals, repeats and alternatives
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("Insurer denied the PET/CT requested by Dr Amos; appeal sent.", "pet_ct"),
        ("Pt asks again for a PET scan before surgery.", "pet_ct"),
        ("Team favoured PET/CT over CT CAP.", "pet_ct"),
        ("Staging with CT CAP with contrast preferred to PET per guideline.", "ct_cap_contrast"),
        ("Bone scan deferred until after cycle 3; CT chest/abdomen/pelvis with contrast ordered.", "ct_cap_contrast"),
        ("NUC MED BONE SCAN WHOLE BODY.", "bone_scan"),
    ],
)
def test_a_payer_refusal_keeps_the_study_and_the_alternative_set_aside_is_not_it(note: str, expected: str) -> None:
    assert order_of(note) == expected


@pytest.mark.parametrize(
    "note",
    [
        "Bone scan offered for staging and she declined any further imaging.",
        "Pt had a bone scan 2 months ago elsewhere and does not want a repeat.",
    ],
)
def test_a_patient_refusing_more_scans_or_a_repeat_leaves_no_order(note: str) -> None:
    assert order_of(note) is None


def test_a_refusal_cue_for_studies_never_undoes_a_denial_of_symptoms() -> None:
    # the study cues that contain 'declines' or 'denied' must leave a denied symptom list denied
    assert not symptom_codes("ROS - pt declines fever, headache, bone pain.")
    assert not symptom_codes("Insurance denied the PET/CT. She denied headache or bone pain.")


# ------------------------------------------------------------------ notes: two studies joined after contrast words
@pytest.mark.parametrize(
    "note",
    [
        "MDT recommends CT chest/abdomen/pelvis with contrast and a whole-body bone scan.",
        "Studies ordered: [x] CT chest/abdomen/pelvis w/ IV contrast [x] Tc-99m bone scan",
        "Med onc ordered CT C/A/P w/ contrast and bone scan - both scheduled 4/4.",
    ],
)
def test_two_studies_joined_after_the_first_ones_contrast_words_are_two_studies(note: str) -> None:
    assert order_of(note) is None


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("MDT recommends CT chest/abdomen/pelvis with contrast.", "ct_cap_contrast"),
        ("Studies ordered: [x] Tc-99m bone scan", "bone_scan"),
    ],
)
def test_one_study_with_its_contrast_words_or_its_box_is_the_order(note: str, expected: str) -> None:
    assert order_of(note) == expected


# ------------------------------------------- notes: a bare CT as the alternative; a PET to the toes
@pytest.mark.parametrize(
    "note",
    [
        "Could you tell us whether she needs a CT or a bone scan first?",
        "Would staging with CT or PET change management?",
    ],
)
def test_a_bare_ct_named_as_the_alternative_makes_two_studies(note: str) -> None:
    assert order_of(note) is None


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("Could you tell us whether she needs a bone scan first?", "bone_scan"),
        ("No CT or bone scan needed; PET/CT ordered.", "pet_ct"),
    ],
)
def test_one_study_asked_about_or_a_bare_ct_ruled_out_keeps_the_order(note: str, expected: str) -> None:
    assert order_of(note) == expected


@pytest.mark.parametrize(
    "note", ["PET/CT WHOLE BODY (VERTEX TO TOES). Melanoma hx.", "FDG PET/CT vertex to toes requested."]
)
def test_a_pet_to_the_toes_written_after_the_study_is_the_whole_body_study(note: str) -> None:
    assert order_of(note) == "pet_ct_whole_body"


def test_a_pet_called_whole_body_alone_stays_the_usual_study_in_a_note() -> None:
    assert order_of("PET-CT whole body advised.") == "pet_ct"


@pytest.mark.parametrize(
    "note",
    [
        "58F IDC. CT CAP 10/1 no mets, advised letrozole.",
        "58F IDC. CT CAP 10/2 negative, follow-up arranged in 3 months.",
    ],
)
def test_advice_or_an_arrangement_about_something_else_does_not_propose_a_study_done(note: str) -> None:
    assert order_of(note) is None


def test_results_awaited_after_an_order_keep_the_order() -> None:
    assert order_of("Bone scan ordered, results to be reviewed at next visit.") == "bone_scan"


def test_a_study_whose_results_are_awaited_is_done() -> None:
    assert order_of("Dispo: pending PET/CT results.") is None
    assert order_of("Awaiting MRI report; MRI brain w/wo requested for new headache.") == "mri_head_wwo"
