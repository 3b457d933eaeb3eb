"""Eleventh security pass F2 (high): a pain score after a qualified item that follows a denial grades that item and
opens no other one, so the denial ends before the item as it does without the score ("No headache, new severe bone
pain right hip x 3 weeks, 7/10" had lost the bone pain: "not recommended").
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts

HEADER = "58F, L breast IDC 1.6 cm, cN0, ER+ HER2-, new diagnosis.\n"


@pytest.mark.parametrize("tail", [", 8/10.", " (6/10).", ", (7/10).", ", severity 7/10."])
def test_a_score_after_a_new_item_keeps_it_stated(tail: str) -> None:
    got = facts(HEADER + "Denies fever, new severe low back pain for 4 weeks" + tail)
    assert "back_pain" in got.get("symptoms", [])


def test_a_plain_list_after_the_new_item_still_carries_the_denial() -> None:
    got = facts(HEADER + "No fever, new cough, weight loss or night sweats.")
    assert not {"cough", "weight_loss"} & set(got.get("symptoms", []))
