"""Sixteenth security pass F6: weight loss told only as two weights, fixed as a class in other words, with controls.

The loss is read from the two numbers (the earlier weight and the current one, in any order the note writes them):
at least 5 % of the earlier weight is weight loss, 2-5 % is left to confirm, less (or a gain) says nothing; a loss the
note explains (a diet, a drug) is explained as any weight loss is.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, symptoms_to_confirm

NEW = "61F, newly diagnosed 2.1 cm IDC right breast, grade 2, ER+ PR- HER2-, cN0, M0. PET/CT requested.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Wt today 58.5 kg, previously 66 kg.",
        "Weight has gone from 180 lbs to 160 lbs since spring.",
        "Weight: 61 kg -> 54 kg in 10 weeks, unintentional.",
        "Weight 64 kg, 72 kg at diagnosis of her diabetes last year.",
        "Weight 150 lb (down from 171 lb in January).",
        "Her weight was 77 kg in March and is now 69 kg.",
    ],
)
def test_weight_loss_told_as_two_weights_is_read(line: str) -> None:
    note = NEW + line + "\n"
    assert "weight_loss" in symptom_codes(note)
    assert decide_note(note)["systemic_imaging"] != "not_recommended"


@pytest.mark.parametrize("line", ["Weight 66 kg (69 kg in May).", "Wt 100 -> 97 kg over the summer."])
def test_a_small_loss_between_two_weights_is_left_to_confirm(line: str) -> None:
    note = NEW + line + "\n"
    assert "weight_loss" not in symptom_codes(note)
    assert "weight_loss" in symptoms_to_confirm(note)
    assert decide_note(note)["systemic_imaging"] == "undetermined"


@pytest.mark.parametrize(
    "line",
    [
        "Weight 74 kg, up from 66 kg in June (steroids).",  # a gain
        "Wt 66 -> 74 kg since starting tamoxifen.",  # a gain with an arrow
        "Weight 70 kg; 70.5 kg in August.",  # a day's swing
        "Weight 68 kg, down from 80 kg on a slimming diet, intentional.",  # an intentional loss
        "Her husband's weight went from 90 kg to 75 kg after his surgery.",  # a relative's
        "Weight 63 kg, was 72 kg before her gastric sleeve in 2021.",  # explained by an operation
    ],
)
def test_controls_a_gain_a_swing_an_intended_or_a_relatives_loss_give_no_weight_loss(line: str) -> None:
    note = NEW + line + "\n"
    assert "weight_loss" not in symptom_codes(note)
    assert decide_note(note)["systemic_imaging"] == "not_recommended"
