"""A blow to the head beside a headache. A headache after a head injury has a benign mechanical cause (the annotation
guide: explicitly attributed, nothing worrying), but one told as starting "now" after the injury is left to confirm
(the safe reading: the note neither states it as a cancer red flag nor plainly explains it). Weakness, confusion or
vomiting are never explained by a head injury, a warning qualifier keeps the red flag, and a denied or long-past
injury explains nothing. Found on heldout2 (held2-008, an unsafe red flag); positives and controls in our words."""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note

BASE = "64F, newly diagnosed left breast IDC 1.4 cm, grade 1, ER+ PR+ HER2-, clinically node negative. "


def _read(note: str) -> tuple[list[str], list[str]]:
    from rightscan.adapters.text import extract

    x = extract(note)
    return x.facts.get("symptoms") or [], [c["field"] for c in x.to_confirm]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tripped on the garden step and banged her head, now has a headache.",
        "Knocked his head getting out of the car, now headache.",
        "She bumped her head on a shelf, now with a mild headache.",
    ],
)
def test_a_headache_now_after_a_blow_to_the_head_is_left_to_confirm(sentence: str) -> None:
    symptoms, confirm = _read(BASE + sentence)
    assert "headache" not in symptoms and "symptoms" in confirm, sentence
    assert decide_note(BASE + sentence)["systemic_imaging"] == "undetermined", sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Struck her head on a cupboard door on Sunday; headache since then, settling.",
        "Minor head injury playing with the grandchildren, slight headache since.",
    ],
)
def test_a_headache_dated_back_to_a_head_injury_is_explained(sentence: str) -> None:
    symptoms, confirm = _read(BASE + sentence)
    assert "headache" not in symptoms and "symptoms" not in confirm, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "No head injury. New headaches for two weeks, worse in the mornings.",  # a denied injury explains nothing
        "Headache every morning for a month. Denies head trauma.",
        "Concussion in 2009. Now daily headaches for a month, worse lying down.",  # long past, and a warning
        "Hit her head last week; since then the headache is worsening with vomiting.",  # warnings keep it
    ],
)
def test_a_denied_past_or_warned_head_injury_never_drops_the_headache(sentence: str) -> None:
    symptoms, confirm = _read(BASE + sentence)
    assert "headache" in symptoms or "symptoms" in confirm, sentence


def test_a_head_injury_never_explains_weakness() -> None:
    symptoms, confirm = _read(BASE + "Banged her head on Friday, since then new weakness of the left arm.")
    assert "neurologic_deficit" in symptoms or "symptoms" in confirm
