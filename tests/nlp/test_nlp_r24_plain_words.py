"""Round 24: plain words for red flags that the v24 blind notes (and three older sets' notes, missed until now) used:
a clumsy hand and the cups it drops (a focal deficit), "puffed" on the stairs (breathlessness), "ache R upper
abdomen", "focal ache L mid-thigh". Each in other wordings than the notes', with what must stay unread.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts

HEADER = "57F, hx L breast IDC 2021, mastectomy + AC-T, on letrozole.\n"


def _symptoms(note: str) -> set[str]:
    return set(facts(HEADER + note).get("symptoms", []))


@pytest.mark.parametrize(
    "sentence",
    ["Her right hand has become clumsy over two days.", "Clumsy L hand since this morning, can't do buttons.",
     "Daughter says she keeps dropping her mug.", "She dropped her tea cup twice at breakfast.",
     "Fingers feel uncoordinated when typing since Monday."],
)  # fmt: skip
def test_a_clumsy_hand_is_a_focal_deficit(sentence: str) -> None:
    assert "neurologic_deficit" in _symptoms(sentence)


def test_a_denied_clumsy_hand_is_not() -> None:
    assert "neurologic_deficit" not in _symptoms("No weakness, no clumsy hand, not dropping things.")


def test_puffed_after_a_verb_is_breathlessness() -> None:
    assert "dyspnea" in _symptoms("Gets puffed walking up the hill to the shops now, new over a month.")


def test_an_abbreviated_side_before_the_upper_abdomen_is_abdominal_pain() -> None:
    assert "abdominal_pain" in _symptoms("6 weeks of dull ache L upper abdomen, worse after food.")


def test_an_ache_at_mid_thigh_is_bone_pain() -> None:
    assert "bone_pain" in _symptoms("Deep ache R mid-thigh for 4 weeks, wakes her at night.")


@pytest.mark.parametrize(
    "sentence",
    ["New redness and swelling over the R breast for 2 weeks despite antibiotics.",
     "New dimpling of the right breast noticed in the shower."],
)  # fmt: skip
def test_a_new_change_of_the_treated_breast_skin_is_a_suspected_local_recurrence(sentence: str) -> None:
    note = "66F, R breast IDC 2020, lumpectomy and RT, on anastrozole.\n" + sentence
    assert facts(note).get("setting") == "suspected_local_recurrence"


def test_a_denied_skin_change_leaves_the_follow_up_routine() -> None:
    note = "66F, R breast IDC 2020, lumpectomy and RT, routine follow-up.\nNo new redness or swelling of the breast."
    assert facts(note).get("setting") == "surveillance"


def test_a_new_skin_change_of_the_other_breast_leaves_the_setting_open() -> None:
    note = "66F, R breast IDC 2020, lumpectomy and RT.\nNew dimpling of the left breast noticed in the shower."
    assert "setting" not in facts(note)
