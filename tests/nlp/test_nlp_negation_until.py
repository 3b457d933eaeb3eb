"""A denial that "until" ends dates an onset: "she had never had headaches until this week" means the headaches
began this week. The symptom is never denied: where the words after "until" name a recent time (round 49m's cue,
"never ... until 3 weeks ago") it is stated, otherwise it is left to confirm; either way the decision is not "not
recommended". Found in the lead's review at the end
of round 11 (the red flag was dropped on every earlier version). Positives in different words, and controls."""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, facts, symptom_codes

BASE = "61F, newly diagnosed right breast IDC 1.6 cm, grade 2, ER+ PR+ HER2-, clinically node negative. "


def _to_confirm(note: str) -> list[str]:
    from rightscan.adapters.text import extract

    return [c["field"] for c in extract(note).to_confirm]


@pytest.mark.parametrize(
    "sentence",
    [
        "She had never had headaches until this week.",
        "Never any bone pain till a fortnight ago.",
        "No back pain until she moved house last month.",
        "Denied headache until 3 days ago.",
    ],
)
def test_a_denial_until_a_time_is_no_denial(sentence: str) -> None:
    note = BASE + sentence
    assert symptom_codes(note) or "symptoms" in _to_confirm(note), sentence
    assert decide_note(note)["systemic_imaging"] != "not_recommended", sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "She has never had headaches.",
        "No bone pain.",
        "Denies headaches, will keep an eye on things until the next visit.",  # "until" in another clause
        "No back pain; she will wait until after surgery for physio.",
    ],
)
def test_control_plain_denials_stay_denied(sentence: str) -> None:
    note = BASE + sentence
    assert not symptom_codes(note) and "symptoms" not in _to_confirm(note), sentence
    assert decide_note(note)["systemic_imaging"] == "not_recommended", sentence


def test_control_a_symptom_stated_before_until_is_kept() -> None:
    # present, not denied: "until" only matters after a denial
    note = BASE + "She has had headaches every morning until she saw us today."
    assert "headache" in symptom_codes(note) or "symptoms" in _to_confirm(note)
    assert facts(note).get("setting") != "surveillance"
