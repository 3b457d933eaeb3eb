"""Round 50a: four unsafe readings the lead found by probing, each a common clinical shape, fixed as classes and
tested in other wordings than the probes', with controls that keep their reading.

1. An illness told as over (recovered from, or dated in the past) explains no symptom told before it in a clause of
   its own (illness_over.py): "Low back ache for a month, pneumonia back in March - made a full recovery" keeps the
   back ache; a symptom the illness gives (a cough, a headache) is left to confirm. Controls: the symptoms told with
   the illness ("flu in Feb with 10 days of cough, fully recovered") and one tied to it ("cough since her flu") stay
   past; a cold given as the cause of a cough now ("probably a cold") still explains it.
2. A relative's label over what she says of the patient ("Son: mum has had ...") is an informant (informant_reports.py).
   Controls: the relative's own symptom ("Son has had a cough"), a label over his own history ("Brother: had a
   seizure in 2015"), a family-history row ("Mother: breast ca at 45, bone pain at the end").
3. A witness telling what he saw ("Wife saw him have a seizure") or a telling verb and what was told without a person
   ("Partner reports new headaches") is about the patient; the writer's own relative with a verb of now ("my husband
   has been coughing") and a word of the relative's own ("too", "himself") are left to confirm.
4. A template's field left filled after its gate answered no ("Pain: ☐ Yes ☒ No   Site: lumbar spine") is left to
   confirm, never raised (gate_answers.py). Controls: the row answered yes, an exam finding after a denied pain.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, symptoms_to_confirm

NEW = "58F, new R breast IDC 1.8 cm, cN0, ER+/HER2-. "


def _stated(line: str) -> set[str]:
    return symptom_codes(NEW + line)


def _confirm(line: str) -> set[str]:
    return symptoms_to_confirm(NEW + line)


def _any(line: str) -> set[str]:
    return _stated(line) | _confirm(line)


# ------------------------------------------------------------------ 1. an illness told as over
@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Low back ache for a month, pneumonia back in March - made a full recovery.", "back_pain"),
        ("Rib pain 4 wks; chest infection in Nov, all cleared up.", "bone_pain"),
        ("Hip pain since last month; flu in March, fully recovered.", "bone_pain"),
        ("Thoracic back pain x 5 weeks. Influenza last winter, completely better.", "back_pain"),
        ("Back pain ~3 wks; covid 3 months ago.", "back_pain"),
    ],
)
def test_a_symptom_told_before_an_illness_that_is_over_is_stated(line: str, code: str) -> None:
    assert code in _stated(line)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Headaches x 10 days; had a viral illness in May, completely recovered.", "headache"),
        ("Cough for 6 weeks - had a chest cold at Thanksgiving, all better.", "cough"),
        ("Short of breath on the stairs for 3 wks; pneumonia in the spring, fully recovered.", "dyspnea"),
    ],
)
def test_a_symptom_the_illness_gives_told_before_it_is_left_to_confirm(line: str, code: str) -> None:
    assert code in _any(line)


def test_a_back_pain_before_a_recovered_illness_is_never_not_recommended() -> None:
    note = NEW + "Mid back pain for 3 weeks; bronchitis in September, made a full recovery."
    assert decide_note(note)["systemic_imaging"] != "not_recommended"


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Flu in Feb with 10 days of cough and headaches, fully recovered.", "cough"),
        ("Flu in Feb with 10 days of cough and headaches, fully recovered.", "headache"),
        ("Cough ever since her cold in January, now completely resolved.", "cough"),
        ("Cough x 2 wks, probably a cold.", "cough"),
        ("Cough x 3 days with a cold last week, all better now.", "cough"),
        # dated in the past in its own words: one story with the illness, told whole as past (v44 bg-025's shape)
        ("She had a cough in March - viral bronchitis, completely resolved by April.", "cough"),
    ],
)
def test_the_symptoms_told_with_the_illness_stay_past_or_explained(line: str, code: str) -> None:
    assert code not in _any(line)


# ------------------------------------------------------------------ 2. a relative's label over what she says
@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Son: mum has had back pain for 6 weeks, worse lying down.", "back_pain"),
        ("Daughter - my mother has been short of breath on the stairs for a month.", "dyspnea"),
        ("Husband: she has been coughing for 4 weeks.", "cough"),
        ("Wife: the patient had a seizure on Sunday.", "seizure"),
    ],
)
def test_a_relatives_label_over_what_she_says_of_the_patient_is_the_patients(line: str, code: str) -> None:
    assert code in _stated(line)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Son has had a cough for 3 weeks.", "cough"),
        ("Brother: had a seizure in 2015.", "seizure"),
        ("Mother: breast ca at 45, bone pain at the end.", "bone_pain"),
        ("Mother had bone mets and back pain.", "back_pain"),
    ],
)
def test_a_relatives_own_symptom_or_history_stays_the_relatives(line: str, code: str) -> None:
    assert code not in _any(line)


# ------------------------------------------------------------------ 3. a witness, a telling verb, the writer's relative
@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Wife saw him have a seizure in the night.", "seizure"),
        ("Her son found her having a seizure on the kitchen floor.", "seizure"),
        ("Partner reports new headaches every morning for 2 weeks.", "headache"),
        ("Husband noticed she has lost weight, ~5 kg over 2 months.", "weight_loss"),
    ],
)
def test_a_witness_or_a_report_without_a_person_is_the_patients(line: str, code: str) -> None:
    assert code in _stated(line)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("My husband has been coughing for three weeks.", "cough"),
        ("Sister reports back pain too.", "back_pain"),
        ("Husband has noticed he is short of breath himself.", "dyspnea"),
    ],
)
def test_a_relative_who_may_be_the_subject_is_left_to_confirm(line: str, code: str) -> None:
    assert code in _confirm(line)
    assert code not in _stated(line)


# ------------------------------------------------------------------ 4. a template's field after a gate answered no
@pytest.mark.parametrize(
    "line",
    [
        "Pain: ☐ Yes ☒ No   Site: lumbar spine   Onset: 3 wks",
        "Pain present? N   Pain location: lower back",
        "Pain? [ ] Y [x] N  | Pain site: upper back",
        "Pain: (•) No ( ) Yes   Location: thoracic spine",
    ],
)
def test_a_field_filled_after_a_gate_answered_no_is_left_to_confirm(line: str) -> None:
    assert "back_pain" not in _stated(line)
    assert "back_pain" in _confirm(line)


@pytest.mark.parametrize(
    "line",
    [
        "Pain [x] yes [ ] no   location: low back",
        "Pain: [x] yes    site: lower back    score: 6/10",
        "Pain: no. Back: tender at L3 on percussion.",
        "Cough: [ ] Y [x] N   Pain location: lower back",
    ],
)
def test_a_row_answered_yes_or_another_question_keeps_its_reading(line: str) -> None:
    assert "back_pain" in _stated(line)
