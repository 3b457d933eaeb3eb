"""Round 47a: a question never states a symptom by itself; its answer does (blind v47, hand bp: questionnaires, triage
logs, interview transcripts, protocol queries).

"Q: Headaches or neuro symptoms?\\nA: None." and "Q: Leg weakness, numbness, trouble w/ bladder?  A: denies all" raised
the red flags the questions named: the answer was seen but not read, and the question's own words were taken as a
statement. Now a yes (or a box or a sign the layout reads) leaves the symptom to the answer's readers; a bare denial
denies it; anything else (a denial that goes on, an unsure answer, other words) leaves it to confirm, and a mention the
answer itself makes is read on its own.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, symptoms_to_confirm

NEW_DX = "62F, new R breast IDC 1.3 cm, cN0, grade 1, ER+/PR+/HER2-. Staging bone scan requested.\n"


@pytest.mark.parametrize(
    "note",
    [
        "Q: Any trouble with headaches or seizures?\nA: Neither.",
        "Intake: Bone pain anywhere?  Response: nope",
        'Q: Back pain or weakness in the legs?\nA: "None of that."',
        "Q: Cough, shortness of breath? A: no / no",
        "Does the patient have jaundice or abdominal pain?\nAnswer: Denies all.",
    ],
)
def test_a_bare_denial_answers_the_question(note: str) -> None:
    assert not symptom_codes(note), note
    assert not symptoms_to_confirm(note), note


@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("Q: Any headaches?\nA: No, not really... well, most mornings this week.", "headache"),
        ("Q: Any back pain?\nA: Unsure, she was too drowsy to answer.", "back_pain"),
        ("Q: Short of breath?\nA: only on the stairs lately", "dyspnea"),
    ],
)
def test_an_answer_that_is_not_a_plain_yes_or_no_leaves_the_symptom_to_confirm(note: str, code: str) -> None:
    assert code not in symptom_codes(note), note
    assert code in symptoms_to_confirm(note), note


@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("Q: Any bone pain?\nA: Yes - left hip, 4 weeks, wakes her at night.", "bone_pain"),
        ("Headaches? yes, daily since October", "headache"),
        ("Q: Cough?\nA: endorses, dry, 6 weeks", "cough"),
        ("Q: Anything else?\nA: Her back pain has been getting worse for a month.", "back_pain"),
    ],
)
def test_a_yes_or_a_complaint_in_the_answer_still_states_it(note: str, code: str) -> None:
    assert code in symptom_codes(note), note


def test_questions_answered_no_give_the_usual_answer_and_a_vague_one_waits() -> None:
    denied = decide_note(NEW_DX + "Q: Bone pain, headaches, cough?\nA: None.")
    assert denied["systemic_imaging"] == "not_recommended"
    vague = decide_note(NEW_DX + "Q: Bone pain, headaches, cough?\nA: Hard to say, she has aches everywhere.")
    assert vague["systemic_imaging"] != "not_recommended"
