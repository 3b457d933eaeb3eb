"""Round 10c: the setting and M classes behind blind_v10's misses, in our own words, each with a control where the rule
must not fire.

- a note written during the cancer's first course (operated weeks before the note's latest date): none of the staging
  settings - the lump the cancer presented with is no recurrence, and a follow-up appointment is no surveillance;
- an operation dated after the note's own date is booked, not done."""

from __future__ import annotations

from typing import Any

from nlp_helpers import decide_note, facts


def _setting(text: str) -> Any:
    return facts(text).get("setting")


def _setting_reason(text: str) -> str:
    from rightscan.adapters.text import extract

    return " ".join(a["reason"] for a in extract(text).assumptions if a["field"] == "setting")


# ------------------------------------------------------------------ the first course of treatment
# a radiotherapy consult a month after the operation: the lump and the node the cancer presented with are its history
RT_CONSULT_AFTER_WLE = (
    "Radiation Oncology consultation      Date: 14/07/2025\n"
    "Thank you for seeing this 57-year-old woman after breast conserving surgery.\n"
    "History: she felt a lump in the right breast in April 2025; ultrasound 19 mm, core biopsy invasive ductal "
    "carcinoma grade 2, ER 80%, PR 20%, HER2 negative. A palpable right axillary node was sampled, FNA positive.\n"
    "Right wide local excision and axillary clearance 16/06/2025: 21 mm IDC, 2/15 nodes positive, margins clear.\n"
    "Plan: adjuvant chemotherapy with Dr Moss first, then whole breast and nodal RT. Review after chemo."
)
# a discharge summary two days after a mastectomy, histology awaited, a clinic appointment booked
DISCHARGE_AFTER_MASTECTOMY = (
    "DISCHARGE SUMMARY\nAdmitted 03/09/2025, discharged 05/09/2025.\n"
    "Diagnosis: left breast invasive lobular carcinoma on core biopsy, ER positive, HER2 negative.\n"
    "Operation 03/09/2025: left simple mastectomy and sentinel node biopsy. Drain removed day 2.\n"
    "Histology awaited. Follow-up: breast clinic 19/09/2025 to discuss results."
)
# the same layouts, the operation years before the visit: a treated cancer with a new lump is a local recurrence,
# one seen for a routine visit is in surveillance
SCAR_LUMP_YEARS_LATER = (
    "Breast clinic      Date: 14/07/2025\n"
    "61-year-old woman. Right wide local excision and sentinel node biopsy 16/06/2021 for a 14 mm IDC, then whole "
    "breast RT; on anastrozole since.\nShe noticed a firm 8 mm nodule at the lumpectomy scar three weeks ago."
)
PRE_OP_WITH_SURGERY_DATE = (
    "PRE-OPERATIVE ASSESSMENT\n"
    "Patient: 49 F   Procedure: right lumpectomy + SLNB   Date of surgery: 2025-10-21\n"
    "Indication: right breast IDC on core biopsy, 13 mm on ultrasound, ER+ PR+ HER2-, axilla negative on US.\n"
    "Fit for day surgery. Consent signed."
)


def test_lump_told_in_the_history_of_a_just_operated_cancer_is_no_recurrence() -> None:
    assert _setting(RT_CONSULT_AFTER_WLE) is None
    assert "first course" in _setting_reason(RT_CONSULT_AFTER_WLE)


def test_clinic_appointment_after_an_operation_days_ago_is_no_surveillance() -> None:
    assert _setting(DISCHARGE_AFTER_MASTECTOMY) is None


def test_first_course_answer_names_the_setting_to_confirm() -> None:
    answer = decide_note(RT_CONSULT_AFTER_WLE)
    assert answer["systemic_imaging"] == "undetermined"
    assert any(item.startswith("setting") for item in answer["insufficient_data"])


def test_control_lump_at_the_scar_years_after_the_operation_is_a_local_recurrence() -> None:
    assert _setting(SCAR_LUMP_YEARS_LATER) == "suspected_local_recurrence"


def test_control_an_operation_dated_last_in_a_pre_operative_note_is_not_done() -> None:
    assert _setting(PRE_OP_WITH_SURGERY_DATE) == "new_diagnosis"


# ------------------------------------------------------------------ an operation dated after the note
BOOKED_AFTER_THE_NOTE = (
    "Pre-admission clinic      Date: 02/10/2025\n"
    "Patient: 66 yo F\nSurgery: left mastectomy + axillary clearance, theatre list 23/10/2025.\n"
    "Diagnosis: left breast IDC grade 3, ER 10%, PR 0%, HER2 negative, 34 mm on US, FNA of a left axillary node "
    "positive."
)
# the same header, the operation dated before the note: done
DONE_BEFORE_THE_NOTE = BOOKED_AFTER_THE_NOTE.replace("theatre list 23/10/2025", "performed 18/09/2025")


def test_operation_dated_after_the_notes_own_date_is_booked() -> None:
    found = facts(BOOKED_AFTER_THE_NOTE)
    assert "prior_surgery" not in found
    assert found.get("setting") == "new_diagnosis"


def test_control_operation_dated_before_the_notes_own_date_is_done() -> None:
    assert facts(DONE_BEFORE_THE_NOTE).get("prior_surgery") == "mastectomy"


# ------------------------------------------------------------------ M: a metastasis nothing points to
def _m(text: str) -> Any:
    return facts(text).get("tumor", {}).get("m")


def test_metastasis_that_nothing_points_to_is_no_m1() -> None:
    note = (
        "Newly diagnosed R breast IDC, 3.1 cm, ER+ HER2-. Her raised bilirubin is explained by a common bile duct "
        "stone on ultrasound. Nothing here points to liver metastasis; the liver is normal on ultrasound."
    )
    assert _m(note) != "M1"


def test_metastasis_nothing_clinically_suggests_is_no_m1() -> None:
    note = (
        "Left breast ILC on core biopsy, cT2 N0. Knee pain from osteoarthritis. Nothing clinically suggests bone "
        "metastases. Plan surgery."
    )
    assert _m(note) != "M1"


def test_control_a_proven_metastasis_stays_m1_beside_another_denied() -> None:
    note = (
        "R breast IDC, ER+ HER2-. CT-guided liver biopsy: metastatic breast carcinoma, consistent with liver "
        "metastasis. Nothing suggests brain metastases; no headache."
    )
    assert _m(note) == "M1"


# ------------------------------------------------------------------ a relative calling for the patient
def test_relative_calling_for_the_patient_does_not_make_her_history_a_relatives() -> None:
    note = (
        "Phone triage 21:10 - son calling on behalf of his mother (76F, metastatic breast ca to liver, on "
        "capecitabine). Advised ED."
    )
    found = facts(note)
    assert found.get("age") == 76
    assert found.get("tumor", {}).get("m") == "M1"


def test_control_a_relatives_own_cancer_stays_hers() -> None:
    note = (
        "Phone call from the patient, 52F, about her screening mammogram recall. Her mother had metastatic breast "
        "ca to bone at 70. She has no symptoms."
    )
    assert facts(note).get("tumor", {}).get("m") != "M1"


# ------------------------------------------------------------------ staging after the operation, the story before it
def test_staging_after_the_operation_with_the_presenting_node_in_the_story_leaves_the_setting_open() -> None:
    note = (
        "Breast MDT, post-operative.\n68-year-old woman. Story: she found a lump in the left breast; ultrasound "
        "2.4 cm, an abnormal left axillary node, FNA positive.\nShe underwent left mastectomy and axillary dissection "
        "on 9/14. Final pathology: IDC grade 2, 3.0 cm, 6/18 nodes positive, pT2 pN2a, ER 90% HER2 negative.\n"
        "Discussion: pathological upstaging.\nOutcome: staging CT chest, abdomen and pelvis with contrast."
    )
    assert _setting(note) is None


def test_control_a_node_found_after_the_operation_is_still_a_new_finding() -> None:
    note = (
        "Breast clinic. 64-year-old woman who underwent left mastectomy and sentinel node biopsy for IDC, pT1c pN0.\n"
        "She now has a new hard left supraclavicular node. Staging CT chest, abdomen and pelvis requested."
    )
    assert _setting(note) == "suspected_local_recurrence"


# ------------------------------------------------------------------ metastatic disease under its treatment
def test_metastases_on_a_hyphenated_drug_are_known_disease() -> None:
    note = (
        "MRI brain w/wo. 51 yo F, HER2+ breast ca, lung mets on T-DM1 for 8 months. New vertigo and vomiting, "
        "?brain mets."
    )
    assert _setting(note) is None
    assert "already known" in _setting_reason(note)


def test_metastases_then_their_current_drugs_are_known_disease() -> None:
    note = "CT CAP restaging. 63F with bone mets from ER+ breast ca, currently on palbo + AI. ALP rising, ?progression."
    assert _setting(note) is None


def test_control_metastases_seen_on_a_study_after_a_treated_cancer_are_a_new_finding() -> None:
    note = (
        "Oncology review. L breast IDC 2018, mastectomy and adjuvant chemo, on letrozole. New liver mets on CT "
        "last week, biopsy booked."
    )
    assert _setting(note) == "suspected_distant_recurrence"


# ------------------------------------------------------------------ a visit for an injury after a treated cancer
def test_study_for_an_injury_after_a_treated_cancer_leaves_the_setting_open() -> None:
    note = (
        "XR R wrist 3 views. 74F tripped on the kerb this morning, landed on outstretched hand, ?distal radius fx. "
        "PMH R breast ca, mastectomy 2019, on anastrozole."
    )
    assert _setting(note) is None


def test_car_crash_after_a_treated_cancer_leaves_the_setting_open() -> None:
    note = (
        "CT C-spine non-con. 66 yo woman restrained driver, MVC 1 h ago, neck stiffness, no deficit. Hx L breast "
        "cancer treated with lumpectomy and RT 2020."
    )
    assert _setting(note) is None


def test_control_a_routine_visit_that_mentions_a_past_fall_stays_surveillance() -> None:
    note = (
        "Breast follow-up clinic. R breast IDC 2019, lumpectomy and RT, on letrozole, five years from surgery. She "
        "slipped on ice in January and bruised her hip, now fully settled. No new symptoms. Annual mammogram normal."
    )
    assert _setting(note) == "surveillance"


def test_control_a_denied_injury_is_no_reason() -> None:
    note = (
        "Oncology follow-up. L breast cancer, mastectomy 2018, completed tamoxifen. Routine review, well, no falls, "
        "no new complaints."
    )
    assert _setting(note) == "surveillance"


# ------------------------------------------------------------------ a follow-up plan still to be decided
def test_a_follow_up_plan_still_to_be_decided_is_not_surveillance() -> None:
    note = (
        "New primary care visit. 59F, history of breast cancer about 2018 per patient, does not know what treatment "
        "she had. Old records requested; will decide on a surveillance plan once they arrive."
    )
    assert _setting(note) is None


def test_control_a_surveillance_visit_stays_surveillance() -> None:
    note = (
        "Survivorship visit. L breast IDC 2017, lumpectomy, RT and 5 years of letrozole completed. Doing well; "
        "continue annual mammography."
    )
    assert _setting(note) == "surveillance"


# ------------------------------------------------------------------ neoadjuvant treatment under way
def test_a_neoadjuvant_cycle_written_short_is_treatment_under_way() -> None:
    note = (
        "Chemo day unit. 47F attending for C3 of TCHP (neoadjuvant) for R breast IDC, HER2 3+, cT2 N1. "
        "Bloods fine, proceed."
    )
    assert _setting(note) is None


def test_a_neoadjuvant_course_with_its_cycle_further_on_is_under_way() -> None:
    note = (
        "Febrile neutropenia pathway. 39F, neoadjuvant dose-dense doxorubicin/cyclophosphamide for L breast IDC, "
        "C2 given 9 days ago. Temp 38.4."
    )
    assert _setting(note) is None


def test_control_a_neoadjuvant_cycle_still_planned_keeps_the_new_diagnosis() -> None:
    note = (
        "Oncology consult. Newly diagnosed R breast IDC on core biopsy, ER-, PR-, HER2 3+, cT2 N1. We plan "
        "neoadjuvant THP, cycle 1 booked for next week."
    )
    assert _setting(note) == "new_diagnosis"


# ------------------------------------------------------------------ the operations put to the patient as choices
def test_operations_offered_after_discussed_are_no_prior_surgery() -> None:
    note = (
        "Breast surgery consult. 71 yo F, stereotactic core biopsy of R breast calcifications: DCIS, intermediate "
        "grade, ER positive.\nPMH: hypertension, asthma.\nDiscussed: DCIS does not need staging scans. Lumpectomy "
        "with radiotherapy, or mastectomy. She is inclined to lumpectomy."
    )
    found = facts(note)
    assert "prior_surgery" not in found
    assert found.get("setting") == "new_diagnosis"


def test_operations_under_treatment_options_are_no_prior_surgery() -> None:
    note = (
        "New patient. 58F, L breast IDC on core biopsy, 1.6 cm, ER+ HER2-.\nPMH: type 2 diabetes.\n"
        "Treatment options: wide local excision + SLNB, or mastectomy + SLNB; she will decide next week."
    )
    assert "prior_surgery" not in facts(note)


def test_control_an_operation_in_the_surgical_history_is_prior_surgery() -> None:
    note = (
        "Follow-up. 66F.\nPSH: R lumpectomy and SLNB 2016 for IDC, then RT.\nDiscussed: annual mammogram, bone health."
    )
    assert facts(note).get("prior_surgery") == "bct"


# ------------------------------------------------------------------ a cancer called new, with its first treatment
def test_a_new_cancer_on_its_first_endocrine_treatment_is_no_treated_cancer() -> None:
    note = (
        "Discharge summary. 88F admitted with a fractured neck of femur. Discharge diagnoses: 1. NOF fracture, "
        "hemiarthroplasty 2. New R breast carcinoma (core biopsy IDC, ER 95%, HER2 negative).\nGiven frailty, family "
        "chose endocrine therapy alone. Follow-up: oncology in 6 weeks to reassess the mass on anastrozole. She also "
        "reports new low back pain for two weeks."
    )
    assert _setting(note) == "new_diagnosis"


def test_control_a_cancer_treated_in_an_earlier_year_with_a_new_symptom_is_a_suspected_recurrence() -> None:
    note = (
        "Oncology clinic. R breast IDC 2016 treated with mastectomy, on anastrozole since 2017. She reports new low "
        "back pain for two weeks."
    )
    assert _setting(note) == "suspected_distant_recurrence"


# ------------------------------------------------------------------ an operation named with its pathological stage
def test_an_operation_named_with_its_pt_and_pn_was_done() -> None:
    note = (
        "Urgent review. 70 yo woman.\nBackground: L breast ILC 2012.\nL mastectomy and SLNB: pT2 pN1a (2/3), grade 2, "
        "ER positive.\nNow 4 weeks of thoracic back pain, worse at night."
    )
    assert facts(note).get("prior_surgery") == "mastectomy"


def test_a_wide_excision_named_with_its_pt_was_done() -> None:
    note = "Oncology history: R breast IDC 2015. R WLE + SLNB - pT1c pN0(sn). New cough for 6 weeks."
    assert facts(note).get("prior_surgery") == "bct"


def test_control_an_operation_planned_for_a_new_cancer_is_not_done() -> None:
    note = (
        "Surgical consult. 55F, newly diagnosed L breast IDC on core biopsy, 2.1 cm, cN0. Plan: L mastectomy and "
        "SLNB next month."
    )
    assert "prior_surgery" not in facts(note)


# ------------------------------------------------------------------ a relative's cancer in the patient's own words
def test_a_relatives_cancer_in_familiar_words_names_no_cancer_of_the_patient() -> None:
    note = (
        "hi doctor, I'm 42 and had a breast biopsy on Monday, no results yet. My nana had breast cancer and my "
        "auntie too. Can I get a PET scan?"
    )
    assert _setting(note) is None


def test_control_the_patients_own_cancer_in_her_words_is_hers() -> None:
    note = (
        "hi doctor, I'm 42, my biopsy showed breast cancer (invasive ductal) and I see the surgeon next week for "
        "my operation. Can I get a PET scan first?"
    )
    assert _setting(note) == "new_diagnosis"


# ------------------------------------------------------------------ an operative report
OPERATIVE_REPORT = (
    "OPERATIVE NOTE\nPatient: 63 yo F\nPre-operative diagnosis: R breast IDC, 1.2 cm, grade 2, ER+ PR+ HER2-, "
    "axilla negative on US.\nPost-operative diagnosis: same, final pathology awaited.\nProcedure: 1. R segmental "
    "mastectomy, wire-localised. 2. R sentinel node biopsy.\nFindings: mass excised with clip. EBL 15 mL."
)


def test_the_operation_of_an_operative_report_was_done() -> None:
    found = facts(OPERATIVE_REPORT)
    assert found.get("prior_surgery") == "bct"
    assert found.get("setting") is None


def test_control_a_pre_operative_note_naming_the_same_procedure_is_not_done() -> None:
    note = OPERATIVE_REPORT.replace("OPERATIVE NOTE", "PRE-ADMISSION CLINIC").replace(
        "Post-operative diagnosis: same, final pathology awaited.\n", ""
    )
    assert "prior_surgery" not in facts(note)
