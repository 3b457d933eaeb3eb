"""Round 54l: a relative reporting the patient's symptom, and a distant organ's metastases counted after a colon.

A relative who *tells* of the patient ("Son says his right hand went numb") reports the patient's own symptom; the
relative as the subject of the symptom ("Her son has migraines") stays a relative's. A count of metastases after an
organ and a colon ("Liver mets: 2") is distant disease; metabolic equivalents on a pre-operative form are not.
"""

from __future__ import annotations

import pytest

from nlp_helpers import order_of, symptom_codes, tumor

NEW = "71M, new right breast IDC 1.6 cm, cN0, ER+/PR+/HER2-. "
NEW_F = "63F, newly diagnosed left breast IDC 1.4 cm, cN0, ER+/HER2-. "


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Son says his right hand went numb and clumsy on Tuesday.", "neurologic_deficit"),
        ("Wife states he has been getting severe headaches every morning this month.", "headache"),
        ("Partner reports his back pain now wakes him every night.", "back_pain"),
    ],
)
def test_a_relative_telling_of_the_patient_reports_the_patients_symptom(sentence: str, code: str) -> None:
    assert code in symptom_codes(NEW + sentence), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Her son has migraines.",
        "Sister had a seizure years ago.",
        "Daughter has chronic back pain from a car accident.",
    ],
)
def test_a_relatives_own_symptom_stays_the_relatives(sentence: str) -> None:
    assert not symptom_codes(NEW_F + sentence), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Liver mets: 2 on the staging CT.",
        "Bone mets - multiple on the scan.",
        "Adrenal metastases: 1, biopsy-proven.",
    ],
)
def test_a_distant_organs_metastases_counted_after_a_colon_are_distant_disease(sentence: str) -> None:
    assert tumor(NEW_F + sentence).get("m") == "M1", sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Pre-anaesthesia: ASA 2, METs: 5, climbs two flights.",
        "Functional capacity mets >4.",
    ],
)
def test_metabolic_equivalents_on_a_form_stay_no_metastasis(sentence: str) -> None:
    assert tumor(NEW_F + sentence).get("m") != "M1", sentence


# ---- the order line a short text ends with: the study, then its views, preparation or indication


@pytest.mark.parametrize(
    ("note", "study"),
    [
        ("Hx L breast ca 2018 s/p mastectomy. Low back pain x5 wk, now waking her. MRI L-spine w/o contrast (Cr 2.1)",
         "mri_spine_wo"),
        ("R breast ca 2016. New L hip pain with weight bearing x2 wk. XR L hip 2 views - ?lytic lesion", "xray_bone"),
        ("62F new R breast IDC 1.4 cm, cN0, ER+/HER2-. US axilla +/- core biopsy.", "us_axilla"),
        ("Hx breast ca. Cough and low fever x3 wk. CXR PA and lateral - ?consolidation", "xray_chest"),
    ],
)
def test_a_short_text_ending_with_an_order_line_considers_that_study(note: str, study: str) -> None:
    assert order_of(note) == study, note


@pytest.mark.parametrize(
    "note",
    [
        # a result line at the end is a study done, not one asked for
        "Hx R breast ca 2017. Rib pain after a fall. XR R ribs 2 views: no fracture.",
        "62F new R breast IDC 1.4 cm, cN0. MRI breast showed a 2.1 cm mass and no second lesion.",
        # an order line before the end tells of what was done; the note ends with something else
        "62F new R breast IDC 1.4 cm. US axilla +/- FNA. Benign, no abnormal nodes. Seen in clinic today.",
    ],
)
def test_a_result_or_an_earlier_line_is_no_order(note: str) -> None:
    assert order_of(note) is None, note
