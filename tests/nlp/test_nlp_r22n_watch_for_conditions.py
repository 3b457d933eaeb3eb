"""Round 22n (class 2): a watch-for cue whose symptom is named inside its condition.

"Call if back pain becomes worse with coughing", "return if the headache changes in character", "let us know should
her hip pain worsen", "Should the headache recur, she will call": what to report should it happen, not what she has.
The cue that names whom to call before its condition ("call the office or go to the ED for") ends at the first
condition word, so that it no longer swallows the symptom told after it; "should" opening a condition before its
subject ("should her hip pain worsen", "should there be any") makes what follows hypothetical. The symptom counts
when the note also says she has it now ("She has mild back pain; call if it becomes worse"): present and watch.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes

HEAD = "64F, L breast IDC 2018, mastectomy + AI, survivorship visit. Exam unremarkable.\n"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Call if back pain becomes worse with coughing.", "back_pain"),
        ("Call if the back pain gets worse on coughing or straining.", "back_pain"),
        ("Phone us if headaches become more frequent or wake her.", "headache"),
        ("Return if the headache changes in character.", "headache"),
        ("Let us know should her hip pain worsen.", "bone_pain"),
        ("Should the headache recur, she will call.", "headache"),
        ("Should her back pain return, contact the breast care nurses.", "back_pain"),
        ("Please contact us with any back pain that wakes her at night.", "back_pain"),
        ("Tell us should the cough persist beyond 3 weeks.", "cough"),
        ("Should there be any new bone pain, she knows to ring.", "bone_pain"),
    ],
)
def test_a_symptom_named_in_a_watch_for_condition_is_hypothetical(text: str, code: str) -> None:
    assert code not in symptom_codes(HEAD + text + "\n")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("She has mild back pain; call if it becomes worse.", "back_pain"),
        ("Mild low back pain for 3 weeks. Call if the back pain becomes worse with coughing.", "back_pain"),
        ("New headaches for 2 weeks, worse in the mornings. Return if the headache changes in character.", "headache"),
        ("R hip pain since May, worse at night. Let us know should her hip pain worsen.", "bone_pain"),
        ("She should have the new back pain imaged.", "back_pain"),
        ("Back pain for 6 weeks; she called because it is worse with coughing.", "back_pain"),
    ],
)
def test_present_and_watch_still_counts(text: str, code: str) -> None:
    assert code in symptom_codes(HEAD + text + "\n")
