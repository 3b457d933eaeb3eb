"""A symptom "unlike any before" is a warning of a present symptom, not a denial (round 22n's class 7, merged by the
lead): "she has never had a headache like this" reads the headache as present; "she has never had headaches" still
denies it."""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes


@pytest.mark.parametrize(
    "text",
    [
        "She has never had a headache like this before.",
        "Pt states she has never experienced a headache like this.",
        "Never had a headache like this, worst of her life.",
        "Reports severe headache for 3 days; she has not had one like this before.",
    ],
)
def test_a_symptom_unlike_any_before_is_present(text: str) -> None:
    assert "headache" in symptom_codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "She has never had headaches.",
        "She has never had a headache.",
        "She has never had bone pain.",
        "No headache. She has never had a migraine.",
    ],
)
def test_never_without_a_comparison_still_denies(text: str) -> None:
    assert not {"headache", "bone_pain"} & set(symptom_codes(text))
