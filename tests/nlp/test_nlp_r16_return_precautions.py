"""Round 16 (lead): a return precaution written as an instruction to go somewhere, with or without an aside before its
list ("Return to the ED (or call us) for new headache", "Go to the nearest emergency department with any new back
pain"), is a symptom to watch for, not one she has. What happened ("She came to the ED for new headache", "Pt
present to ER with severe headache", "She returned to the ED ...") still counts: only an instruction (its verb first
in the sentence, or after to / please / should / must) makes the list hypothetical.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import symptom_codes

FOLLOW = "64F, left breast IDC treated with lumpectomy and radiotherapy 2020, on anastrozole, seen for follow-up. "
PROPERTY = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize(
    "sentence",
    [
        "Return to ED (or call us) for new headache.",
        "Return to the ED for new headache.",
        "She was advised to come back to clinic sooner if new bone pain.",
        "Please go to the nearest emergency department straight away with any new back pain.",
        "Instructions: present to A&E urgently if headache, vomiting or weakness of a limb.",
    ],
)
def test_an_instruction_to_return_lists_symptoms_to_watch_for(sentence: str) -> None:
    assert symptom_codes(FOLLOW + sentence) & {"headache", "bone_pain", "back_pain", "neurologic_deficit"} == set()


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("She came to the ED for new headache.", "headache"),
        ("Pt present to ER with severe headache.", "headache"),
        ("She returned to the ED last week for new back pain.", "back_pain"),
        ("Return to clinic in 3 months. She has had new back pain for 2 weeks.", "back_pain"),
    ],
)
def test_what_happened_still_counts(sentence: str, code: str) -> None:
    assert code in symptom_codes(FOLLOW + sentence)


@PROPERTY
@given(
    verb=st.sampled_from(["Return", "Go", "Come back", "Present", "Head"]),
    place=st.sampled_from(["the ED", "ER", "A&E", "the nearest emergency department", "clinic", "your GP"]),
    aside=st.sampled_from(["", " (or call us)", " or ring the team", " straight away"]),
    joint=st.sampled_from(["for", "if", "with"]),
    symptom=st.sampled_from([("new headache", "headache"), ("bone pain", "bone_pain"), ("back pain", "back_pain")]),
)
def test_any_instruction_to_return_is_hypothetical(
    verb: str, place: str, aside: str, joint: str, symptom: tuple[str, str]
) -> None:
    words, code = symptom
    assert code not in symptom_codes(f"{FOLLOW}{verb} to {place}{aside} {joint} {words}.")
