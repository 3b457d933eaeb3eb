"""Round 47b: answers in transcripts (chat logs, interviews, triage calls) open with a time and a speaker, and questions
list other items before a red flag (blind v47 bp-008, bp-011, bp-027).

"[09:06] Patient: no", "Pt: None. I run 5Ks.", "A (husband): no" answer the question above them; "Q: Fever, chills, back
pain?" asks about the back pain as "Q: Back pain?" does. Controls: a yes after a speaker; an answer that goes on after
"No..."; a clinician's own statement that ends with a question mark is not a question to answer.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes, symptoms_to_confirm


@pytest.mark.parametrize(
    "note",
    [
        "Interviewer: Any back pain, weakness or numbness in the legs?\nPatient: Nope. Just tired from work.",
        "[14:22] Nurse Ada: headaches or blurred vision lately?\n[14:23] Daughter (for pt): none",
    ],
)
def test_a_denial_after_a_speaker_answers_the_question(note: str) -> None:
    assert not symptom_codes(note) & {"back_pain", "neurologic_deficit", "headache", "jaundice"}, note
    assert not symptoms_to_confirm(note) & {"back_pain", "neurologic_deficit", "headache", "jaundice"}, note


@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("Dr: Any back pain?\nPt: Uh, no... well, at night it does ache a bit.", "back_pain"),
        ("Q: Fever, chills, cough?\nA (wife): he's been coughing for six weeks", "cough"),
    ],
)
def test_an_answer_that_goes_on_is_not_a_denial(note: str, code: str) -> None:
    # read either stated (the answer's own mention) or to confirm, never denied
    assert code in symptoms_to_confirm(note) | symptom_codes(note), note


def test_a_statement_ending_in_a_question_mark_still_counts() -> None:
    assert "back_pain" in symptom_codes("Her back pain is worse at night, is that normal?")


@pytest.mark.parametrize(
    ("note", "code", "stated"),
    [
        ("Q: Any bone pain?\nPatient: Yes - my left hip, for a month, wakes me up.", "bone_pain", True),
        ("Q: Nausea, itching, yellow eyes?\nA (pt): no", "jaundice", False),
        ("Q: Any headaches?\nCaller (husband): yes, every morning", "headache", True),
    ],
)
def test_a_speakers_answer_is_read_as_the_questions_answer(note: str, code: str, stated: bool) -> None:
    """Round 48a: the layout no longer takes "Patient: Yes" or "A (pt): no" under a question as a label's answer
    (speaker_answers.py), so the answer decides: a yes states the symptom, a bare no denies it."""
    assert (code in symptom_codes(note)) is stated, note
    assert code not in symptoms_to_confirm(note), note
