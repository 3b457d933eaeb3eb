"""Round 14v-b: the classes behind four unsafe answers of the v14 blind set, in our own words.

- distant disease named as what a request asks or what the writer weighed is not M1;
- "HA", an abbreviation with more than one meaning, is sent to confirmation as headache, never stated;
- a warning qualifier belongs to the symptom it qualifies, not to an explained one named before a contrast;
- a symptom explained by a benign cause and restated plainly later goes to confirmation;
- a cue cut off from its symptom by the splitter of an overlong run-on sentence never lets the symptom be stated;
- a breast cancer named only as suspected gives no new-diagnosis setting.

Each class has positives in different words and controls where the rule must not act (no real red flag dropped).
"""

from __future__ import annotations

from typing import Any

from nlp_helpers import decide_note, facts, symptom_codes


def _extract(text: str) -> Any:
    from rightscan.adapters.text import extract

    return extract(text)


def _confirm_symptoms(text: str) -> set[str]:
    return {v for c in _extract(text).to_confirm if c["field"] == "symptoms" for v in c["values"]}


def _m(text: str) -> str | None:
    return facts(text).get("tumor", {}).get("m")


# --------------------------------------------------------------------------- distant disease as the question
def test_a_request_to_assess_metastases_is_not_m1() -> None:
    note = "CT abdomen. 58F, ER+ breast cancer 2021, lumpectomy and radiotherapy. ALP rising. Assess liver metastases."
    assert _m(note) is None


def test_a_study_to_evaluate_spinal_mets_is_not_m1() -> None:
    note = "MRI whole spine: 63 yo woman s/p mastectomy 2020 for left breast IDC, new mid back pain, to evaluate mets."
    assert _m(note) is None


def test_a_diagnosis_the_writer_considered_and_set_aside_is_not_m1() -> None:
    note = (
        "51F, right breast IDC 1.4 cm found last week, surgery booked. Seen for dizziness after a viral illness. "
        "I considered cerebral metastases, but the exam is normal and the history is typical of labyrinthitis."
    )
    assert _m(note) is None


def test_control_distant_disease_proven_by_biopsy_stays_m1() -> None:
    note = "68F, breast IDC 2019. Liver biopsy 3/2 confirmed breast cancer metastases to the liver."
    assert _m(note) == "M1"


def test_control_a_study_to_evaluate_known_metastases_keeps_m1() -> None:
    note = "MRI brain to evaluate known brain metastases after radiosurgery; breast cancer 2019."
    assert _m(note) == "M1"


def test_control_metastases_the_scan_shows_stay_m1() -> None:
    note = "Restaging PET-CT in a 55 yo woman: multiple liver metastases and a lytic T9 lesion, new since June."
    assert _m(note) == "M1"


# --------------------------------------------------------------------------- "HA" for headache
def test_telegraphic_ha_after_treated_cancer_is_confirmed_not_answered_not_applicable() -> None:
    note = "MRI HEAD W WO. 49 YO F, ER+ BREAST CA 2022, S/P LUMPECTOMY + RT. SEVERE HA X 10 DAYS, WORSE LYING DOWN."
    assert "headache" not in symptom_codes(note)
    assert _confirm_symptoms(note) == {"headache"}
    decision = decide_note(note)
    assert decision["systemic_imaging"] != "not_applicable"
    assert any(item.startswith("symptoms") for item in decision["insufficient_data"])


def test_ha_with_an_associated_symptom_is_confirmed() -> None:
    note = "Phone triage: 72F on anastrozole for breast cancer treated in 2020 reports new HA with nausea since Monday."
    assert _confirm_symptoms(note) == {"headache"}


def test_control_ha_as_hyaluronic_acid_is_no_headache() -> None:
    note = "Knee osteoarthritis: HA injection given in clinic last month, some relief. Breast cancer 2018, letrozole."
    assert _confirm_symptoms(note) == set()
    assert "headache" not in symptom_codes(note)


def test_control_a_denied_ha_is_not_confirmed() -> None:
    note = "F/u 60F, breast ca 2021 s/p mastectomy. Denies new HA x 1 month or vision change. Doing well."
    assert _confirm_symptoms(note) == set()


# --------------------------------------------------------------------------- whose warning it is
def test_a_warning_of_the_next_symptom_leaves_an_explained_cough_explained() -> None:
    note = (
        "Wet cough and a blocked nose caught from her grandchildren, best explained by a viral infection. "
        "But her progressive breathlessness walking the dog is worrying."
    )
    codes = symptom_codes(note)
    assert "dyspnea" in codes
    assert "cough" not in codes


def test_a_warning_that_names_another_symptom_after_but_leaves_a_benign_back_ache() -> None:
    note = (
        "Low back ache since lifting a suitcase on Friday, muscular. "
        "But a new headache that wakes her at night since last week."
    )
    codes = symptom_codes(note)
    assert "headache" in codes
    assert "back_pain" not in codes


def test_control_a_warning_told_of_the_explained_symptom_itself_still_raises_it() -> None:
    note = "Right hip pain, which she blames on her arthritis, but it is now waking her at night."
    assert "bone_pain" in symptom_codes(note)


# --------------------------------------------------------------------------- explained, then restated
MIGRAINE = """ED note. 47F with lifelong migraine, here with a one-sided pounding headache since this morning,
exactly like her usual migraines; she ran out of her triptan. Breast cancer found on core biopsy last week
(IDC 1.1 cm, ER+), surgery booked.
ROS: {ros}
Plan: antiemetic and triptan, home."""


def test_a_headache_explained_by_migraine_and_restated_in_the_ros_goes_to_confirmation() -> None:
    note = MIGRAINE.format(ros="+ headache, + nausea. No weakness.")
    assert "headache" not in symptom_codes(note)
    assert _confirm_symptoms(note) == {"headache"}


def test_a_pain_score_of_an_explained_headache_after_treatment_goes_to_confirmation() -> None:
    note = MIGRAINE.format(ros="nausea only.\nIn the department: headache 7/10 down to 2/10 after metoclopramide.")
    assert "headache" not in symptom_codes(note)
    assert _confirm_symptoms(note) == {"headache"}


def test_control_a_restated_headache_with_a_warning_stays_a_red_flag() -> None:
    note = MIGRAINE.format(ros="+ headache, new pattern this month, wakes her at night.")
    assert "headache" in symptom_codes(note)


def test_control_an_explained_headache_alone_is_neither_stated_nor_confirmed() -> None:
    note = MIGRAINE.format(ros="nausea, photophobia. No weakness.")
    assert "headache" not in symptom_codes(note)
    assert _confirm_symptoms(note) == set()


# --------------------------------------------------------------------------- a cut in an overlong run-on sentence
_OPENING = (
    "dictated admission note this is a seventy nine year old woman with treated breast cancer in 2015 who comes "
    "in with new low back pain that wakes her at night and is worse over six weeks "
)
_FILLER = ("she lives alone with her cat and walks with a stick " * 20).split()
_LENGTHS = range(60, 130)  # words of filler: the splitter's cut falls on every word of the tail in turn


def _run_on(tail: str, words: int) -> str:
    return _OPENING + " ".join(_FILLER[:words]) + " " + tail + " past history hypertension"


def test_a_denied_symptom_is_never_stated_wherever_the_splitter_cuts() -> None:
    tail = "she has no fever no cough no shortness of breath no abdominal pain no headache"
    for words in _LENGTHS:
        codes = symptom_codes(_run_on(tail, words))
        assert not codes & {"abdominal_pain", "headache", "cough", "dyspnea"}, words
        assert "back_pain" in codes, words


def test_control_a_complaint_in_the_same_run_on_is_never_dropped_wherever_the_cut_falls() -> None:
    tail = "she also complains of abdominal pain for two weeks and a dry cough"
    for words in _LENGTHS:
        note = _run_on(tail, words)
        assert {"abdominal_pain", "cough"} <= symptom_codes(note) | _confirm_symptoms(note), words
        assert "back_pain" in symptom_codes(note), words


# --------------------------------------------------------------------------- a cancer only suspected
def test_a_breast_cancer_only_suspected_gives_no_new_diagnosis_setting() -> None:
    note = (
        "Admission: 84F with a fungating left breast mass, probably breast cancer, never biopsied; core biopsy "
        "arranged for Monday. Back pain and a raised calcium."
    )
    result = _extract(note)
    assert result.facts.get("setting") is None
    assert any(a["field"] == "setting" and a["value"] is None for a in result.assumptions)


def test_control_a_biopsy_proven_cancer_being_worked_up_is_a_new_diagnosis() -> None:
    note = (
        "Clinic: 62F, core biopsy 11/3 showed left breast invasive ductal carcinoma, grade 2, ER+ HER2-. "
        "Staging CT ordered, surgery to follow."
    )
    assert facts(note).get("setting") == "new_diagnosis"
