"""Round 24: an exception told before the denial it limits is stated ("Except for new right hip bone pain, ROS
negative").

The tenth attacker's high finding: a review of systems that names its positive first and denies the rest after it
lost the positive, and a staging PET/CT for a stage I cancer was "not recommended, no red flag". The denial still
holds for what it names itself, and for what a denial before it names.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes, symptoms_to_confirm

HEADER = "58F, L breast IDC 1.6 cm, grade 2, ER+ PR+ HER2-, cN0, new diagnosis.\n"


def _symptoms(note: str) -> set[str]:
    return symptom_codes(HEADER + note)


def _to_confirm(note: str) -> set[str]:
    return symptoms_to_confirm(HEADER + note)


OPENERS = ["Except for", "Apart from", "Aside from", "Other than", "Besides", "With the exception of", "Save for"]
DENIALS = ["ROS negative", "review of systems otherwise negative", "all other systems reviewed and negative",
           "she denies any other complaints", "remainder of ROS neg"]  # fmt: skip


@pytest.mark.parametrize("opener", OPENERS)
@pytest.mark.parametrize("denial", DENIALS)
def test_the_exception_told_first_is_stated(opener: str, denial: str) -> None:
    assert _symptoms(f"{opener} new right hip bone pain for 3 weeks, {denial}.") == {"bone_pain"}


@pytest.mark.parametrize("opener", OPENERS)
def test_a_lab_and_a_second_symptom_in_the_exception_are_kept(opener: str) -> None:
    got = _symptoms(f"{opener} a dry cough for 6 weeks and new morning headaches with vomiting, ROS negative.")
    assert got == {"cough", "headache"}


def test_a_symptom_denied_after_the_exception_stays_denied() -> None:
    assert _symptoms("Except for fatigue, no bone pain or headache.") == set()
    assert _symptoms("Except for fatigue, she denies bone pain.") == set()
    assert _symptoms("Except for fatigue, bone pain negative, ROS negative.") == set()
    assert _symptoms("Apart from mild fatigue; headache denied.") == set()


def test_an_exception_that_ended_before_the_symptom_does_not_reach_it() -> None:
    assert _symptoms("Other than her knee arthritis.\nBone pain: denies.") == set()


def test_an_item_after_a_comma_in_the_exception_is_neither_stated_nor_denied() -> None:
    note = "Except for new right hip bone pain, morning headaches with vomiting, ROS negative."
    assert "bone_pain" in _symptoms(note)
    assert "headache" in _symptoms(note) | _to_confirm(note)


def test_the_usual_order_still_reads_the_same() -> None:
    assert _symptoms("ROS negative except for new right hip bone pain.") == {"bone_pain"}
    assert _symptoms("ROS: negative for bone pain, headache and cough.") == set()


# ---- eleventh security pass F4: a warned item after a list whose every item carries its own denial
def test_a_warned_bare_item_after_items_each_denied_is_asked() -> None:
    note = "no fever, no cough, no shortness of breath,\nlow back pain for 5 weeks, constant, waking her at night"
    assert "back_pain" in _symptoms(note) | _to_confirm(note)


def test_a_plain_list_that_drops_its_no_stays_denied() -> None:
    note = "No bone pain, no back pain, headache, cough, SOB or weight loss."
    assert _symptoms(note) == set()
    assert _to_confirm(note) == set()
