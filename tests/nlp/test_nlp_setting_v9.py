"""Round 9c: the setting classes behind blind_v9's misses, in our own words, each with a control where the rule must
not fire. Whose setting a word names (another cancer, another team, material handed out), the cancer told as it was at
diagnosis, dates of the current episode, treatment before the operation, a distant lesion found by chance after a
treated cancer, and a metastasis named only as the aim of an evaluation (never an M1)."""

from __future__ import annotations

from typing import Any

import pytest

from nlp_helpers import decide_note, facts


def _setting(text: str) -> Any:
    return facts(text).get("setting")


def _m(text: str) -> Any:
    return facts(text).get("tumor", {}).get("m")


# ------------------------------------------------------------------ another cancer's or another team's follow-up
NEW_WITH_THYROID_HX = (
    "Breast surgery consult. 61-year-old woman with a newly diagnosed right breast cancer: US-guided core biopsy "
    "showed invasive ductal carcinoma, grade 2, ER 90%, PR 40%, HER2 negative, 1.5 cm, axilla negative on ultrasound. "
    "Past history: papillary thyroid cancer 2011, thyroidectomy and radioiodine, NED on annual surveillance ultrasound "
    "with endocrinology. Plan: right lumpectomy and sentinel node biopsy."
)
NEW_WITH_HEME_FOLLOWUP = (
    "Oncology new patient visit. 70 y/o F. Core biopsy of the L breast 10 o'clock mass: invasive lobular carcinoma, "
    "ER+, PR+, HER2-, 2.2 cm on US, no suspicious axillary nodes. She has CLL, watch and wait, seen every 6 months in "
    "heme surveillance clinic. Referred to surgery for lumpectomy; we will discuss adjuvant options after pathology."
)
# the same layout, the follow-up said of the breast cancer: it stays surveillance
BREAST_SURVEILLANCE_WITH_MELANOMA_HX = (
    "Heme/onc surveillance visit. Left breast IDC 2017, lumpectomy and radiation, completed tamoxifen in 2022. "
    "Also a history of melanoma of the shin, excised 2009. Annual mammogram in March was benign. Feels well, no new "
    "complaints."
)


def test_another_cancers_surveillance_does_not_set_the_setting() -> None:
    assert _setting(NEW_WITH_THYROID_HX) == "new_diagnosis"


def test_another_teams_surveillance_does_not_set_the_setting() -> None:
    assert _setting(NEW_WITH_HEME_FOLLOWUP) == "new_diagnosis"


def test_control_breast_cancer_surveillance_stays() -> None:
    assert _setting(BREAST_SURVEILLANCE_WITH_MELANOMA_HX) == "surveillance"


def test_another_sites_excision_is_no_breast_operation() -> None:
    note = (
        "New consult: recently diagnosed R breast invasive ductal carcinoma on core biopsy, ER positive, HER2 "
        "negative, 1.2 cm. PSH: WLE L forearm 2014, appendectomy. Plan lumpectomy + SLNB."
    )
    assert "prior_surgery" not in facts(note)
    assert _setting(note) == "new_diagnosis"
    # control: the breast excised earlier is a prior breast operation
    control = "PSH: wide local excision of the left breast 2014 for IDC, then radiotherapy. Routine annual visit."
    assert facts(control).get("prior_surgery") == "bct"


# ------------------------------------------------------------------ survivorship material handed out
def test_survivorship_material_is_not_the_setting() -> None:
    note = (
        "Breast clinic, first visit. Diagnosis: L breast IDC 8 mm on ultrasound, grade 1, ER/PR positive, HER2 0; "
        "axilla clinically negative. Lumpectomy with sentinel node booked for next month. Education: survivorship "
        "booklet provided, breast nurse contact details given."
    )
    assert _setting(note) != "surveillance"
    assert decide_note(note)["systemic_imaging"] == "not_recommended"


def test_control_survivorship_visit_stays_surveillance() -> None:
    note = "Survivorship clinic. Six years after R lumpectomy and whole-breast RT for IDC; on letrozole. Well."
    assert _setting(note) == "surveillance"


# ------------------------------------------------------------------ the cancer told as it was at diagnosis
POST_OP_DISCHARGE = (
    "Discharge summary. Admitted 03/02/2026 for L mastectomy and axillary dissection, done 03/02/2026.\n"
    "Pre-op: L breast 2 o'clock mass, cT2 N1 (core-proven axillary node, mobile). Core: IDC grade 2, ER 80%, HER2 "
    "negative.\n"
    "Post-op course: uncomplicated, drain out day 3.\n"
    "Pathology: 31 mm IDC, 5/14 nodes positive, pT2 pN2a.\n"
    "Plan: staging CT chest, abdomen and pelvis requested given pN2a, then oncology review."
)


def test_findings_told_at_diagnosis_are_no_new_finding() -> None:
    assert _setting(POST_OP_DISCHARGE) not in ("suspected_local_recurrence", "suspected_distant_recurrence")


def test_findings_at_dx_in_words_are_no_new_finding() -> None:
    note = (
        "Path report, mastectomy specimen 14/09/2025. Clinical history: R breast cancer, palpable 3 cm mass with an "
        "enlarged axillary node at diagnosis (07/2025). Invasive ductal carcinoma 28 mm, 2/12 nodes, pT2 pN1a."
    )
    assert _setting(note) not in ("suspected_local_recurrence", "suspected_distant_recurrence")


def test_control_a_new_node_after_treatment_is_a_recurrence() -> None:
    note = (
        "Follow-up clinic. L breast IDC treated in 2016 with lumpectomy and radiotherapy, then anastrozole. She now "
        "reports a new palpable left axillary lump for three weeks."
    )
    assert _setting(note) == "suspected_local_recurrence"


# ------------------------------------------------------------------ a full date of the current episode
def test_biopsy_dated_this_year_is_not_an_earlier_cancer() -> None:
    note = (
        "Breast one-stop clinic letter, seen 02/03/2026 after GP referral. She found a lump in the right breast a "
        "month ago. US 16 mm irregular mass, axilla normal; core biopsy taken.\n"
        "Histology (reported 09/03/2026): invasive carcinoma of no special type, grade 2, ER 8/8, HER2 1+.\n"
        "We discussed wide local excision and sentinel node biopsy; she wishes to proceed."
    )
    assert _setting(note) == "new_diagnosis"


def test_control_a_type_of_an_earlier_year_is_a_treated_cancer() -> None:
    note = (
        "Breast clinic letter, seen 02/03/2026. Histology (reported 09/03/2019): invasive carcinoma of no special "
        "type, treated with wide local excision and radiotherapy. She found a new lump near the scar a month ago."
    )
    assert _setting(note) == "suspected_local_recurrence"


# ------------------------------------------------------------------ treatment before the operation
def test_specimen_after_neoadjuvant_treatment_leaves_the_setting_open() -> None:
    note = (
        "Surgical pathology, R breast segmental excision + SLNB, 11/03/2026. Clinical: R IDC cT2 cN1 (05/2026), "
        "s/p neoadjuvant-style TCHP x6. Residual invasive carcinoma 0.8 cm, 0/3 nodes. ypT1b ypN0. RCB-I."
    )
    assert _setting(note) is None


def test_neoadjuvant_review_mid_treatment_leaves_the_setting_open() -> None:
    note = (
        "Tumour board - neoadjuvant mid-treatment review. L breast IDC, triple negative, cT2 N1 at diagnosis. "
        "Twelve weeks of carboplatin/paclitaxel completed, now on AC cycle 3. MRI: good response. Surgery after AC."
    )
    assert _setting(note) is None


def test_control_old_post_neoadjuvant_surgery_in_follow_up_is_surveillance() -> None:
    note = (
        "Annual survivorship review. R breast cancer 2015: neoadjuvant chemo then mastectomy, ypT1a ypN0, then "
        "radiotherapy. Nine years on, well, no complaints; examination normal."
    )
    assert _setting(note) == "surveillance"


def test_primary_endocrine_therapy_decided_leaves_the_setting_open_but_a_plan_does_not() -> None:
    given = (
        "CNS phone call. 88F, L breast IDC on core, ER strongly positive, HER2 negative, 3 cm. MDT outcome: primary "
        "endocrine therapy with letrozole, surgery not advised given frailty. Letrozole started last week. MDT also "
        "suggested staging CT."
    )
    assert _setting(given) is None
    planned = (
        "MDT. 88F, L breast IDC on core biopsy, ER strongly positive, HER2 negative, 3 cm. Declines surgery; plan "
        "primary endocrine therapy with letrozole. Staging CT offered."
    )
    assert _setting(planned) == "new_diagnosis"


# ------------------------------------------------------------------ an explicit new breast cancer wins
def test_explicit_new_cancer_wins_over_a_type_in_the_hospital_course() -> None:
    note = (
        "Discharge summary, medicine.\n"
        "PMH: follicular lymphoma 2009, R-CHOP, in remission.\n"
        "Hospital course: admitted with a red, swollen left breast not settling on antibiotics. Skin punch biopsy: "
        "dermal lymphatic emboli. Core biopsy: invasive ductal carcinoma, grade 3, ER negative, PR negative, HER2 0. "
        "Ultrasound: matted left axillary nodes.\n"
        "Assessment: new triple-negative inflammatory breast cancer, cT4d N2.\n"
        "Plan: PET/CT for staging before neoadjuvant chemotherapy."
    )
    assert _setting(note) == "new_diagnosis"
    assert decide_note(note)["systemic_imaging"] == "recommended"


# ------------------------------------------------------------------ a distant lesion found by chance after treatment
@pytest.mark.parametrize(
    "finding",
    [
        "Incidental 8 mm RLL nodule on a CT for kidney stones.",
        "Abdominal US for gallstones: indeterminate 1.4 cm liver lesion.",
    ],
)
def test_incidental_distant_lesion_after_treatment_is_suspected_recurrence(finding: str) -> None:
    note = f"CT chest requested. 66F, hx L breast ca 2018 (lumpectomy + RT), annual mammogram normal. {finding}"
    assert _setting(note) == "suspected_distant_recurrence"


def test_control_incidental_lesion_at_diagnosis_stays_new_diagnosis() -> None:
    note = (
        "Newly diagnosed R breast IDC on core biopsy, 2.5 cm, ER positive. Incidental 5 mm RUL nodule on the chest "
        "x-ray. Plan surgery consult."
    )
    assert _setting(note) == "new_diagnosis"


def test_control_no_incidental_lesion_stays_surveillance() -> None:
    note = "Survivorship visit. Hx L breast ca 2018 (lumpectomy + RT), on anastrozole. Routine labs fine. Well."
    assert _setting(note) == "surveillance"


# ------------------------------------------------------------------ M1 named as the aim of an evaluation
@pytest.mark.parametrize(
    "aim",
    [
        "Her raised ALP with the new hip pain warrants evaluation for skeletal metastasis before surgery.",
        "Given the rising ALP, screening for liver metastases is warranted.",
    ],
)
def test_metastasis_sought_is_no_m1(aim: str) -> None:
    note = f"Newly diagnosed L breast IDC, cT2 cN0, ER positive, HER2 negative. {aim}"
    assert _m(note) != "M1"


def test_control_proven_metastasis_stays_m1() -> None:
    note = (
        "Newly diagnosed L breast IDC, cT2 cN1. Liver biopsy: metastatic breast carcinoma. Further evaluation for "
        "brain metastasis is planned."
    )
    assert _m(note) == "M1"


def test_dated_neoadjuvant_review_title_leaves_the_setting_open() -> None:
    note = (
        "NEOADJUVANT INTERIM RESPONSE ASSESSMENT 14/04/2026\n"
        "R breast IDC, HER2 positive, grade 3 (core 01/2026), cT2 N1. THP cycle 4 given last week; tolerating it.\n"
        "MRI: partial response. Surgical plan after cycle 6: R lumpectomy + targeted axillary dissection."
    )
    assert _setting(note) is None


# ------------------------------------------------------------------ metastatic disease dated from an earlier time
def test_metastatic_since_a_year_is_known_metastatic_disease() -> None:
    note = (
        "Phone triage. 58F. Dx: metastatic R breast cancer to the liver, stage 4 since 2022, ER+ HER2-, "
        "on capecitabine. Calls with a new headache for a week, worse in the mornings. Plan: MRI brain today."
    )
    assert _setting(note) not in ("suspected_distant_recurrence", "new_diagnosis")


def test_control_treated_cancer_with_new_headache_is_suspected_recurrence() -> None:
    note = (
        "Phone triage. 58F, R breast IDC 2019, lumpectomy and radiotherapy, on letrozole. Calls with a new "
        "headache for a week, worse in the mornings, vomiting. Plan: MRI brain today."
    )
    assert _setting(note) == "suspected_distant_recurrence"


@pytest.mark.parametrize(
    "history",
    [
        "HER2-positive breast cancer, stage IV (liver) on trastuzumab deruxtecan.",
        "Metastatic HR+ breast cancer (bone only), progressed on letrozole + palbociclib last spring.",
    ],
)
def test_metastatic_disease_under_treatment_is_known(history: str) -> None:
    note = f"MRI brain with and without contrast. 63F. {history} New morning headaches with vomiting for ten days."
    assert _setting(note) not in ("suspected_distant_recurrence", "new_diagnosis")


def test_control_progression_on_adjuvant_therapy_is_a_suspected_recurrence() -> None:
    note = (
        "CT chest/abdomen/pelvis. 63F, L breast IDC 2020, lumpectomy + RT, on adjuvant tamoxifen. New 2 cm liver "
        "lesion on ultrasound for abdominal pain."
    )
    assert _setting(note) == "suspected_distant_recurrence"
