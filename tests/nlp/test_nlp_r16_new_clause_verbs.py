"""Round 16 (lead): a denial does not reach a symptom told in a new clause that opens with a verb of having ("did not
improve and has back pain", "denies fever, reports a cough"): stated. A joiner and an article right before the symptom
("no fever, and a cough for 3 days") may open a new clause or carry the denied list on: neither reading is safe, so the
symptom is left to confirm. A negation after the joiner still negates, and "or" carries the list on.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import symptom_codes

FOLLOW = "64F, left breast IDC treated with lumpectomy and radiotherapy 2020, on anastrozole, seen for follow-up. "
PROPERTY = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("The sciatica did not improve with physio and she has back pain at rest.", "back_pain"),
        ("Denies fever, reports a dry cough for 3 weeks.", "cough"),
        ("No nausea or vomiting, and has developed headaches on waking.", "headache"),
    ],
)
def test_a_new_clause_with_a_verb_of_having_is_stated(sentence: str, code: str) -> None:
    assert code in symptom_codes(FOLLOW + sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "No fever and has not had a cough.",
        "No fever, chills or a cough.",
        "Denies fever, chills and a cough.",  # to confirm, never stated
        "No fever, and a cough for 3 days.",  # to confirm, never stated
    ],
)
def test_a_denied_list_carried_on_is_never_stated(sentence: str) -> None:
    assert "cough" not in symptom_codes(FOLLOW + sentence)


@PROPERTY
@given(
    denial=st.sampled_from(["No fever", "Denies fever", "She has not had fever", "No night sweats or chills"]),
    joiner=st.sampled_from([" and", ", and", ", but", ","]),
    verb=st.sampled_from(["has", "reports", "has developed", "complains of", "she has"]),
    symptom=st.sampled_from([("back pain", "back_pain"), ("a headache", "headache"), ("bone pain", "bone_pain")]),
)
def test_any_verb_of_having_after_a_denial_states_the_symptom(
    denial: str, joiner: str, verb: str, symptom: tuple[str, str]
) -> None:
    words, code = symptom
    assert code in symptom_codes(f"{FOLLOW}{denial}{joiner} {verb} {words} for 2 weeks.")
