"""Round 22n's shorthand negation after a symptom ("cough -ve") also after a sentence of prose: the item starts at
the sentence end, not at the last list separator (the lead found "54 year old woman. cough -ve." raising the cough:
the item ran back over the sentence, past the four words an item may have, and the answer was dropped)."""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes


@pytest.mark.parametrize(
    "text",
    [
        "54 year old woman seen today for follow-up. cough -ve.",
        "Here for her annual visit after lumpectomy in 2021. Cough: -ve",
        "Doing well on letrozole, walking daily! headache neg, back pain nil.",
    ],
)
def test_an_answer_word_after_a_sentence_denies_its_item(text: str) -> None:
    assert not {"cough", "headache", "back_pain"} & symptom_codes(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("New back pain for 2 weeks, worse at night. cough -ve, HA +ve", {"back_pain", "headache"}),
        ("She has had a dry cough for a month. headache -ve.", {"cough"}),
    ],
)
def test_the_sentence_before_keeps_its_own_symptoms(text: str, present: set[str]) -> None:
    codes = symptom_codes(text)
    assert present <= codes
    assert not ({"cough", "headache"} - present) & codes
