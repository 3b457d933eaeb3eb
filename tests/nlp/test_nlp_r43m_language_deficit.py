"""Round 43m (v43 bb-004): a language deficit told as a relative sees it or as the plan names it ("keeps mixing up her
words", "couldn't think of the word for spoon", "expressive language difficulty"): a focal neurologic deficit, read
beside a headache. Controls: denied or a relative's, it is not raised; a plain "language difficulty" (an interpreter's
need) and an emotion's "can't find the right words" are no deficit; the headache beside it stays.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes

HX = "61F, hx R breast IDC 2020 s/p lumpectomy + RT, on letrozole.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Since Monday she keeps jumbling her words on the phone.",
        "Her husband says she is muddling up words and could not think of the word for spoon.",
        "Today she was struggling to come up with the word for key.",
        "Exam: receptive speech deficit, follows one-step commands only.",
        "Neuro: mild expressive dysphasia.",
    ],
)
def test_language_deficit_in_other_words_is_read(line: str) -> None:
    assert "neurologic_deficit" in symptom_codes(HX + line)


@pytest.mark.parametrize(
    "line",
    [
        "Denies mixing up words or trouble speaking.",
        "Her mother has been mixing up her words since her stroke.",
        "Language difficulty: Portuguese speaker, interpreter used.",
        "She says she can't find the right words to thank the team.",
    ],
)
def test_control_no_deficit_is_raised(line: str) -> None:
    assert "neurologic_deficit" not in symptom_codes(HX + line)


def test_control_headache_beside_it_stays() -> None:
    codes = symptom_codes(HX + "New headache x 1 wk, worse each day. Tonight she was mixing up words.")
    assert {"headache", "neurologic_deficit"} <= codes
