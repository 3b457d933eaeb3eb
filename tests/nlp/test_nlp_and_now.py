"""A denial does not reach across "and now" into a new clause about the present: "no chest pain and now short of
breath on stairs" states breathlessness. Noticed by round 13v-c on main (the red flag was dropped); positives in
other words, and controls where the denial still covers what follows."""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note

BASE = "59F, newly diagnosed right breast IDC 1.7 cm, grade 2, ER+ PR+ HER2-, clinically node negative. "


def _symptoms(note: str) -> list[str]:
    from rightscan.adapters.text import extract

    return extract(note).facts.get("symptoms") or []


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("The painkillers are not working and now she has pain in her hip bones at night.", "bone_pain"),
        ("No cough and now breathless on one flight of stairs.", "dyspnea"),
        ("I wasn't worried before and now I have headaches every morning.", "headache"),
    ],
)
def test_a_symptom_after_and_now_is_not_denied_by_what_came_before(sentence: str, code: str) -> None:
    assert code in _symptoms(BASE + sentence), sentence
    assert decide_note(BASE + sentence)["systemic_imaging"] != "not_recommended", sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Denies bone pain and now no cough either.",  # a denial of its own after "and now"
        "She has no headache and now feels well.",
        "No shortness of breath or cough.",
    ],
)
def test_denials_on_either_side_still_deny(sentence: str) -> None:
    assert _symptoms(BASE + sentence) == [], sentence
