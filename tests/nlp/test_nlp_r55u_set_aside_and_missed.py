"""Round 55u: red flags raised from mentions the note sets aside, and red flags missed (v55 blind), in new wordings.

1. A symptom named as what it can mean for anyone ('I read that back pain can mean ...'): hypothetical
   (feared_mentions.py). Controls: her own symptom with a possessive or a qualifier, or told as hers before the
   general statement, keeps its reading.
2. A guideline's own list of triggers ('the policy lists the following indications (...)'): a criterion, in general.
   Control: a symptom the patient has, told outside the list, counts.
3. A usual complaint said to be 'not different than usual' / 'no worse than her usual': explained, no warning.
   Controls: 'different than usual' keeps its warning; no cause named keeps a symptom counting.
4. A cause set against another past a bracketed aside ('pneumonitis (early for that) vs infection'): explains nothing.
   Control: a cause with an aside and no join still explains.
5. An errand she cannot do without stopping for breath: breathlessness present. Control: 'walks a mile without
   stopping for breath' stays denied.
6. A leg or arm that 'does not listen' / 'does not obey', the back between the shoulder blades that 'hurts': stated.
   Control: denied, it stays denied.
7. An ACE inhibitor's cough restated with its cause at a sentence's end ('Cough c/w ACE-i.'): explained.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, symptoms_to_confirm

SURV = "Follow-up. 66F, L lumpectomy + RT 2020 for IDC, on letrozole, NED.\n"
NEW = "52F, new L breast IDC 1.1 cm, cN0, grade 1, ER+/PR+/HER2-.\n"


# ------------------------------------------------------------------ 1. what a symptom can mean for anyone
@pytest.mark.parametrize(
    ("text", "code"),
    [
        (NEW + "She heard that headaches can be an early sign of brain spread, so she is anxious.", "headache"),
        (NEW + "Pt read that a cough can sometimes mean lung metastases; she has not had any cough.", "cough"),
        (NEW + "Her daughter says bone pain can often signal that cancer has spread.", "bone_pain"),
    ],
)
def test_general_meaning_of_a_symptom_is_no_symptom(text: str, code: str) -> None:
    assert code not in symptom_codes(text)
    assert code not in symptoms_to_confirm(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (NEW + "Her new back pain can be a sign of spread, so a bone scan is planned.", "back_pain"),
        (NEW + "Reports headaches for 3 weeks; she knows that headaches can mean brain mets.", "headache"),
        (NEW + "She has had hip pain for a month, which can be a sign of bone metastasis.", "bone_pain"),
    ],
)
def test_her_own_symptom_beside_a_general_meaning_counts(text: str, code: str) -> None:
    assert code in symptom_codes(text) | symptoms_to_confirm(text)


# ------------------------------------------------------------------ 2. a guideline's own list of triggers
@pytest.mark.parametrize(
    "text",
    [
        NEW + "Reviewer note: the policy lists the following indications (localized bone pain, raised ALP); "
        "the member meets none of them.",
        NEW + "NCCN also names specific triggers (bone pain, abdominal symptoms, pulmonary symptoms) - none present.",
    ],
)
def test_symptoms_of_a_guideline_list_are_no_symptoms(text: str) -> None:
    assert not {"bone_pain", "abdominal_pain"} & symptom_codes(text)


def test_a_symptom_she_has_beside_a_guideline_list_counts() -> None:
    text = NEW + "The guideline lists triggers (localized bone pain). She reports R hip pain for 5 wks, worse at night."
    assert "bone_pain" in symptom_codes(text) | symptoms_to_confirm(text)


# ------------------------------------------------------------------ 3. a usual complaint no different from usual
@pytest.mark.parametrize(
    ("text", "code"),
    [
        (SURV + "Asthma since childhood; wheezy cough for years, not any different from before.", "cough"),
        (SURV + "Known lumbar spondylosis. Her back ache is no worse than her usual, she says.", "back_pain"),
    ],
)
def test_complaint_no_different_from_usual_is_explained(text: str, code: str) -> None:
    assert code not in symptom_codes(text)
    assert code not in symptoms_to_confirm(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (SURV + "Asthma since childhood, but this cough is different than usual and keeps her up.", "cough"),
        (SURV + "Back ache for 4 weeks, worse lying down.", "back_pain"),
    ],
)
def test_complaint_different_from_usual_or_without_cause_counts(text: str, code: str) -> None:
    assert code in symptom_codes(text) | symptoms_to_confirm(text)


# ------------------------------------------------------------------ 4. a cause set against another past an aside
def test_cause_weighed_against_another_past_an_aside_explains_nothing() -> None:
    text = SURV + "Dry cough for 4 weeks. Impression: radiation pneumonitis (late for that) vs atypical infection."
    assert "cough" in symptom_codes(text) | symptoms_to_confirm(text)


def test_cause_with_an_aside_and_no_alternative_still_explains() -> None:
    text = SURV + "Dry cough for 4 weeks. CT chest: classic radiation pneumonitis (grade 1) in the RT field."
    assert "cough" not in symptom_codes(text)


# ------------------------------------------------------------------ 5. an errand she cannot do without stopping
@pytest.mark.parametrize(
    "text",
    [
        SURV + "Daughter reports she cannot get up one flight without stopping for breath since last week.",
        SURV + "Pt says she is not able to hang the washing without pausing to catch her breath.",
    ],
)
def test_cannot_without_stopping_for_breath_is_breathlessness(text: str) -> None:
    assert "dyspnea" in symptom_codes(text) | symptoms_to_confirm(text)


def test_walks_without_stopping_for_breath_stays_denied() -> None:
    text = SURV + "Walks her dog two miles daily without stopping for breath."
    assert "dyspnea" not in symptom_codes(text)


# ------------------------------------------------------------------ 6. a limb that does not listen, a back that hurts
@pytest.mark.parametrize(
    ("text", "code"),
    [
        (SURV + "Since 10 days her right arm does not obey her when she combs the hair.", "neurologic_deficit"),
        (SURV + "She writes: the back between my shoulder blades aches, already 3 weeks.", "back_pain"),
    ],
)
def test_second_language_wordings_are_read(text: str, code: str) -> None:
    assert code in symptom_codes(text) | symptoms_to_confirm(text)


def test_denied_limb_that_does_not_obey_stays_denied() -> None:
    text = SURV + "She denies that her left leg does not listen to her; gait normal."
    assert "neurologic_deficit" not in symptom_codes(text)


def test_second_language_red_flags_decide_a_surveillance_note() -> None:
    text = (
        SURV + "Patient message: since 3 weeks the left leg does not listen to me, and the back between the shoulder "
        "blades hurts, in the night I wake up from it."
    )
    assert decide_note(text)["systemic_imaging"] != "not_applicable"


# ------------------------------------------------------------------ 7. an ACE inhibitor's cough restated
def test_ace_inhibitor_cough_restated_with_its_cause_is_explained() -> None:
    text = SURV + "S: dry cough since lisinopril was started in March.\nA: NED. Cough c/w ACE-i."
    assert "cough" not in symptom_codes(text)
    assert "cough" not in symptoms_to_confirm(text)
