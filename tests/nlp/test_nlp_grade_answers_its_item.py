"""Seventh security pass: a grade answers its own item, never a red flag joined to it.

"New severe bone pain in the right hip for 3 weeks and cough 0/10" read the bone pain as denied (the grade 0 reached
back to the line's start) and the answer became "not recommended, no red flag". A grade 0 now denies the item next to
it; the items joined to it by a comma or a joining word ("and", "with", "&") are left to confirm, and the grade's
denial is applied after the list passes, so that it does not travel along the list to them.
"""

from __future__ import annotations

import pytest

from rightscan.adapters.text import extract

STAGE_IA = "58F, newly diagnosed left breast IDC 1.8 cm, cN0, grade 2, ER+ PR+ HER2-.\n"

RED_FLAGS = (
    ("New severe bone pain in the right hip for 3 weeks", "bone_pain"),
    ("worsening headaches in the mornings", "headache"),
    ("bone pain in the ribs", "bone_pain"),
)
GRADED = ("cough 0/10", "cough grade 0", "nausea G0", "fatigue Gr 0", "dyspnoea (grade 0)")
JOINS = (" and ", ", ", " & ", " with ", " plus ")


def _read(text: str) -> tuple[list[str], list[str]]:
    out = extract(STAGE_IA + text).to_dict()
    confirm = [v for t in out.get("to_confirm") or [] if t["field"] == "symptoms" for v in t["values"]]
    return list(out["facts"].get("symptoms") or []), confirm


@pytest.mark.parametrize("flag,symptom", RED_FLAGS)
@pytest.mark.parametrize("join", JOINS)
def test_a_grade_zero_after_a_joined_item_never_denies_the_red_flag(flag: str, symptom: str, join: str) -> None:
    for graded in GRADED:
        present, confirm = _read(f"{flag}{join}{graded}")
        assert symptom in present or symptom in confirm, (flag, join, graded)


@pytest.mark.parametrize("graded", GRADED)
def test_the_graded_item_itself_is_still_denied(graded: str) -> None:
    present, confirm = _read(f"Review: {graded}.")
    assert present == [] and confirm == []


def test_items_each_with_its_own_grade_zero_are_all_denied() -> None:
    assert _read("Bone pain 0/10, headache 0/10.") == ([], [])


def test_a_grade_after_a_semicolon_leaves_the_red_flag_standing() -> None:
    present, _ = _read("New bone pain in the hip; cough 0/10")
    assert "bone_pain" in present
