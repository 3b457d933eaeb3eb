"""Round 45w: a change of habits the note denies is no cause of a weight loss.

Round 16b lets a habit taken up on purpose ("dietary changes", "lifestyle changes") explain a weight loss told before
it. Denied right before it ("no change in diet", "without any dietary changes", "not dieting") the habit explains
nothing: the loss is unintended, a red flag. "no change" is a pseudo-negation elsewhere (a lesion stable in size), so
the denial is read from the words right before the habit, not from ConText's scopes.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes

NEW = "New pt. 58F, L breast IDC 2.1 cm on US, cN0, ER+/PR+/HER2-, grade 2.\n"


@pytest.mark.parametrize(
    "story",
    [
        "She has lost 4 kg over 2 months without trying, no change in diet.",
        "Weight down 9 lb since August, no dietary changes.",
        "Lost 5 kg in 3 months without any change in diet or activity.",
        "Reports 6 kg weight loss; denies lifestyle changes.",
        "Wt loss 4 kg over 6 wks, has not made any dietary changes.",
    ],
)
def test_a_denied_habit_leaves_the_loss_a_red_flag(story: str) -> None:
    assert "weight_loss" in symptom_codes(NEW + story + "\n")


@pytest.mark.parametrize(
    "story",
    [
        "She has lost 4 kg over 2 months with dietary changes, pleased.",
        "Weight down 3 kg since lifestyle changes in spring.",
        "Lost 3 kg since she went on a diabetic diet.",
    ],
)
def test_a_habit_taken_up_still_explains_the_loss(story: str) -> None:
    assert "weight_loss" not in symptom_codes(NEW + story + "\n")
