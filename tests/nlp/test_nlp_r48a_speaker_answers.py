"""Round 48a: a speaker's line right under a question answers that question (adapters/text/speaker_answers.py).

Transcripts, triage logs and telehealth chats write who speaks before what is said. The layout read "Patient: no" as a
form item called "Patient" answered no, and "Patient: yes" as one answered yes, blanking the answer; the question above
then had no answer and its symptom was left to confirm (an abstention for a plain denial). The speaker's line is now
held out of the layout's reading and read as the question's answer.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, symptoms_to_confirm

NEW_DX = "58F, new L breast IDC 1.6 cm, cN0, grade 2, ER+/PR+/HER2-. Staging CT chest/abdomen/pelvis requested.\n"


@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("RN: Have you had any headaches lately?\nPatient: no", "headache"),
        ("Triage nurse: any new back pain?\n[14:32] Pt: No.", "back_pain"),
        ("MA: Is she short of breath at all?\nDaughter (on phone): no", "dyspnea"),
        ("Dr Okafor: Any yellowing of your eyes or skin?\nPatient: nope", "jaundice"),
    ],
)
def test_a_speakers_bare_no_denies_the_question(note: str, code: str) -> None:
    assert code not in symptom_codes(note), note
    assert code not in symptoms_to_confirm(note), note


def test_a_denied_question_leaves_a_stage_i_patient_not_recommended() -> None:
    note = NEW_DX + "Telehealth:\nNP: Any bone pain, aches in your back or hips?\nPatient: no, none"
    assert not symptom_codes(note)
    assert not symptoms_to_confirm(note)
    assert decide_note(note)["systemic_imaging"] == "not_recommended"


@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("RN: Have you had any headaches lately?\nPatient: yes, most mornings for two weeks", "headache"),
        ("Triage nurse: any bone pain?\nPt: Yes - my right thigh, it wakes me up", "bone_pain"),
    ],
)
def test_a_speakers_yes_states_the_symptom(note: str, code: str) -> None:
    assert code in symptom_codes(note), note


@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("RN: Have you had any headaches lately?\nPatient: no... well, a few this week", "headache"),
        ("RN: back pain?\nPatient: not sure, maybe", "back_pain"),
    ],
)
def test_a_speakers_answer_that_goes_on_or_doubts_is_left_to_confirm(note: str, code: str) -> None:
    assert code in symptoms_to_confirm(note) | symptom_codes(note), note


def test_a_speaker_line_not_under_a_question_is_read_as_before() -> None:
    """Control: without a question above, a "Patient:" line is the note's own text, read as before."""
    assert "bone_pain" in symptom_codes("Patient: reports bone pain in the left hip for 3 weeks")
    assert "headache" not in symptom_codes("Chief complaint: follow-up.\nPatient: no headaches, no vision change")


def test_a_relatives_answer_about_the_patient_is_read_for_the_patient() -> None:
    """A relative answering for the patient is an informant: her yes states the patient's symptom."""
    note = "Nurse: Has she had any trouble with her balance or weakness?\nHusband: yes, her left leg gives way"
    assert "neurologic_deficit" in symptom_codes(note) or symptoms_to_confirm(note)


@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("Q: Any of the following?\nPatient: Bone pain [ ] Y [x] N", "bone_pain"),
        ("RN: review of systems?\nPt: headache: no", "headache"),
    ],
)
def test_a_speakers_answer_with_boxes_or_fields_is_still_read_by_the_layout(note: str, code: str) -> None:
    """Control: boxes and fields on the speaker's line are the layout's to read; a ticked N never raises the flag."""
    assert code not in symptom_codes(note), note
