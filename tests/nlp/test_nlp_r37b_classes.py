"""Round 37b (v37 blind aj-037, ak-021, ak-003, al-018, al-043): four classes of unsafe answers, in other wordings.

1. A relative's story read as the patient's: a sentence led by a relative's possessive goes on with her pronoun
   ("Brother's prostate cancer spread to his bones and he has had severe bone pain"); a family-history title with a
   word on its review ("Family history updated:") heads the same section, whose items carry the relative's own
   symptoms and metastases.
2. A benign cause another clinician gives ("my OB says it's the pregnancy", "my GP says it's muscular") explains the
   symptom when nothing warns.
3. A doubt told as a noun ("suspicion for", "suspicion is high for") makes a metastasis suspected, never M1.
4. A cough called persistent before its cause was found, later attributed and getting better, is explained; a
   neoadjuvant treatment told as begun is under way (no new-diagnosis setting).
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts, symptom_codes, symptoms_to_confirm, tumor

NEW_DX = "52 y/o woman, newly diagnosed L breast IDC 1.4 cm, grade 2, ER+ PR+ HER2-, axilla negative on US.\n"


# ------------------------------------------------------------------ 1. a relative's story
@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Her mom's breast ca went to her spine and she had terrible back pain the last year.", "back_pain"),
        ("Brother's prostate cancer spread to his bones and he has had severe bone pain since spring.", "bone_pain"),
        ("Pt's sister's cancer recurred in the liver and she developed jaundice last year.", "jaundice"),
        ("Maternal aunt's ovarian ca has spread and she has been losing weight, 10 kg in 2 months.", "weight_loss"),
    ],
)
def test_a_sentence_led_by_a_relatives_possessive_goes_on_with_the_relative(line: str, code: str) -> None:
    note = NEW_DX + line + "\nPt feels well, no complaints.\n"
    assert code not in symptom_codes(note)


@pytest.mark.parametrize(
    "line",
    [
        "Sister's cancer spread to her bones and she reports new back pain x 3 wks.",  # a verb of the patient's telling
        "Brother's cancer spread to his bones and she has had severe back pain for 3 weeks.",  # the other sex: her
        "Sister's cancer spread to her bones. She has had severe back pain for 3 weeks, worse at night.",  # next one
        "Sister had breast cancer that spread to bone, but she herself has had new back pain for 3 weeks.",
    ],
)
def test_control_the_patients_own_back_pain_after_a_relatives_story_stays(line: str) -> None:
    assert "back_pain" in symptom_codes(NEW_DX + line + "\n")


@pytest.mark.parametrize(
    "line",
    [
        "Family history updated: father prostate ca @70; maternal aunt breast ca @48, died @55 - had liver mets w/ "
        "jaundice at the end.",
        "Pertinent FHx: mother breast ca 50s, d. 61 - spine mets with bad back pain; brother colon ca.",
        "FH reviewed: sister ovarian ca @60 - developed bone mets, severe bone pain; father MI.",
    ],
)
def test_a_relatives_item_under_a_reviewed_family_history_title_is_hers(line: str) -> None:
    note = "ONC INTAKE\n" + NEW_DX + line + "\nPt denies pain, cough, headaches.\n"
    assert not symptom_codes(note) & {"jaundice", "back_pain", "bone_pain"}
    assert tumor(note).get("m") != "M1"


def test_control_the_patients_symptom_after_a_reviewed_family_history_stays() -> None:
    note = "ONC INTAKE\n" + NEW_DX + "FHx reviewed: mother breast ca @52.\nPt reports new severe back pain x 3 wks.\n"
    assert "back_pain" in symptom_codes(note)


# ------------------------------------------------------------------ 2. another clinician's benign cause
PREGNANT = "34F, 24 weeks pregnant, newly diagnosed L breast IDC 1.5 cm, ER-, PR-, HER2-.\n"


@pytest.mark.parametrize(
    "line",
    [
        "My back has been sore for a couple of weeks, but my midwife thinks it's just the pregnancy.",
        "Low back ache x 3 wks - OB says this is normal in pregnancy.",
        "Lower back has been aching but my doctor said that's common during pregnancy.",
        "Back pain for a month; my physio says it's muscular.",
        "Back pain x 3 wks, GP thinks it is postural.",
    ],
)
def test_a_benign_cause_another_clinician_gives_explains_the_symptom(line: str) -> None:
    assert "back_pain" not in symptom_codes(PREGNANT + line + "\n")


@pytest.mark.parametrize(
    "line",
    [
        "My lower back has been aching but my OB thinks it's the pregnancy, though it is worse at night.",
        "My back has been sore for weeks, my OB says it's the pregnancy but now I have numbness in my legs.",
    ],
)
def test_control_a_warning_keeps_the_explained_pain(line: str) -> None:
    assert symptom_codes(PREGNANT + line + "\n") & {"back_pain", "neurologic_deficit"}


def test_control_pregnancy_explains_no_headache() -> None:
    assert "headache" in symptom_codes(PREGNANT + "Headaches for 2 weeks, my OB says it's the pregnancy.\n")


# ------------------------------------------------------------------ 3. a doubt told as a noun
RECURRENCE = "74F hx L breast ca 2016 s/p mastectomy, ER+. Now lytic lesion R femur on XR.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Onc: strong suspicion for osseous metastases, bx pending.",
        "Index of suspicion for metastatic disease is high; PET/CT to follow.",
        "Suspicion is high for metastatic breast cancer, awaiting path.",
        "There is a clinical suspicion that this is metastatic breast ca, staging to follow.",
    ],
)
def test_a_suspicion_named_as_a_noun_is_no_m1(line: str) -> None:
    assert tumor(RECURRENCE + line + "\n").get("m") != "M1"


def test_control_biopsy_proven_metastatic_disease_stays_m1() -> None:
    assert tumor(RECURRENCE + "Metastatic breast ca to bone, biopsy proven.\n").get("m") == "M1"


# ------------------------------------------------------------------ 4. a persistence answered by the course
NEOADJ = "45F R breast IDC cT2 cN1, ER+ PR- HER2-. Neoadjuvant chemotherapy commenced 5/2, cycle 3 next week.\n"


@pytest.mark.parametrize(
    "tail",
    [
        "CXR obtained for persistent cough: clear. Cough now improving, attributed to a viral URI.",
        "Ongoing cough prompted a CT chest: no infiltrate. Cough settling, felt to be post-viral.",
        "Seen for lingering cough. Flu swab positive; cough improving, due to influenza.",
    ],
)
def test_a_persistent_cough_later_attributed_and_improving_is_explained(tail: str) -> None:
    assert "cough" not in symptom_codes(NEOADJ + tail + "\n")


@pytest.mark.parametrize(
    "tail",
    [
        "CXR obtained for persistent cough: clear. Cough improving.",  # no attribution
        "CXR obtained for persistent cough: clear. Cough attributed to a viral URI.",  # no course
        "New persistent cough x 4 wks. Cough improving, attributed to a viral URI.",  # another warning
        "Persistent cough, worse at night. Cough improving, attributed to viral URI.",
    ],
)
def test_control_a_persistent_cough_without_both_stays_a_red_flag(tail: str) -> None:
    note = NEOADJ + tail + "\n"
    assert "cough" in symptom_codes(note) | symptoms_to_confirm(note)


@pytest.mark.parametrize(
    "line",
    [
        "Neoadjuvant ddAC started 6/13, weekly paclitaxel planned.",
        "Neoadjuvant TCHP commenced 3/1.",
        "Began neoadjuvant chemotherapy in May.",
    ],
)
def test_neoadjuvant_treatment_begun_is_no_new_diagnosis(line: str) -> None:
    note = "42F R breast IDC cT3 cN1, grade 3, ER+ PR- HER2-. " + line + "\nAdmitted with febrile neutropenia.\n"
    assert facts(note).get("setting") != "new_diagnosis"


def test_control_neoadjuvant_to_be_started_is_still_a_new_diagnosis() -> None:
    note = "42F newly diagnosed R breast IDC cT2 cN0, ER+ PR+ HER2-. Plan: to be started on neoadjuvant chemo.\n"
    assert facts(note).get("setting") == "new_diagnosis"
