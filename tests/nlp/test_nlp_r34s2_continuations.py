"""Sixteenth pass F2: a comma-joined statement that starts with a continuation word is not inside the denial before it.

"No fever, still has bone pain" denied the bone pain: the new clause's verb came after a word of continuation
("still"), or was one ("continues to have", "does have", "keeps getting", "remains"), and a plus sign after an item
("bone pain + R hip") was no answer. Now "still" tells the present as "now" does, those verbs open a clause of their
own (both stated), a plus sign then where or since when answers the item yes, and a qualifier that may belong to the
denied item or open a statement ("no fever, ongoing bone pain") leaves the symptom to confirm, never denied silently.
Controls: a negation after the joiner, a relative's, a hypothetical, a plus between two symptoms.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import decide_note, symptom_codes, symptoms_to_confirm

NEW = "61F, newly diagnosed 1.6 cm IDC right breast, ER+ PR+ HER2-, cN0. Staging CT requested.\n"


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Denies chest pain, still has low back pain x 4 weeks.", "back_pain"),
        ("No vomiting, and continues to have headaches on waking.", "headache"),
        ("No cough, does have shortness of breath climbing stairs.", "dyspnea"),
        ("Negative for fever, keeps getting headaches in the morning.", "headache"),
        ("No chest pain, remains short of breath walking 50 m.", "dyspnea"),
        ("No bladder problems, still numbness in her feet.", "neurologic_deficit"),
    ],
)
def test_a_continuation_after_a_denial_is_stated(line: str, code: str) -> None:
    note = NEW + line + "\n"
    assert code in symptom_codes(note)
    assert decide_note(note)["systemic_imaging"] != "not_recommended"


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("No fever, back pain + L side for 2 wks.", "back_pain"),
        ("No nausea or vomiting, headache + for 10 days.", "headache"),
        ("No cough, hip bone pain +, worse at night.", "bone_pain"),
    ],
)
def test_a_plus_sign_after_an_item_of_a_denied_list_answers_it_yes(line: str, code: str) -> None:
    assert code in symptom_codes(NEW + line + "\n")


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Denies fever, ongoing back pain.", "back_pain"),
        ("No weight loss, persistent headaches.", "headache"),
        ("No fever, lingering bone pain in the ribs.", "bone_pain"),
        ("Denies bone pain + R hip.", "bone_pain"),  # the sign says yes, the verb no
    ],
)
def test_a_qualifier_that_may_be_the_denied_items_own_is_left_to_confirm(line: str, code: str) -> None:
    note = NEW + line + "\n"
    assert code not in symptom_codes(note)
    assert code in symptoms_to_confirm(note)
    assert decide_note(note)["systemic_imaging"] != "not_recommended"


@pytest.mark.parametrize(
    "line",
    [
        "No fever, no ongoing back pain.",
        "No fever, does not have back pain.",
        "No fever, still no headache.",
        "No fever; her sister still has headaches.",
        "No fever. Call if she still has bone pain next week.",
        "No headache + vomiting.",
        "Denies fever, chills or back pain.",
    ],
)
def test_controls_stay_without_a_red_flag(line: str) -> None:
    note = NEW + line + "\n"
    assert not symptom_codes(note)
    assert decide_note(note)["systemic_imaging"] == "not_recommended"


_LEADS = [
    "still has",
    "still getting",
    "continues to have",
    "does have",
    "keeps having",
    "ongoing",
    "persisting",
    "still",
]
_SYMPTOMS = {"low back pain": "back_pain", "headaches": "headache", "shortness of breath": "dyspnea"}


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    denial=st.sampled_from(["No fever", "Denies fever", "No cough or chills", "Negative for nausea"]),
    joiner=st.sampled_from([", ", ", and ", " and "]),
    lead=st.sampled_from(_LEADS),
    symptom=st.sampled_from(sorted(_SYMPTOMS)),
)
def test_a_continued_symptom_is_never_denied_silently(denial: str, joiner: str, lead: str, symptom: str) -> None:
    """Whatever the denial and the continuation, the symptom after it is stated or left to confirm."""
    note = NEW + f"{denial}{joiner}{lead} {symptom} for 3 weeks.\n"
    code = _SYMPTOMS[symptom]
    assert code in symptom_codes(note) | symptoms_to_confirm(note)
    assert decide_note(note)["systemic_imaging"] != "not_recommended"
