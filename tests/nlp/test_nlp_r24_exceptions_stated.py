"""Tenth security pass: the exception a denial names is stated, and a heading's "negative unless stated" denies nothing
it lists.

The attacker's shapes: "No symptoms other than bone pain in the right hip" and "Symptoms (all negative unless stated):
bone pain right hip" lost the bone pain, and a PET/CT for a stage I cancer was "not recommended, no red flag".
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts

HEADER = "63F, R breast IDC 1.3 cm, grade 1, ER+ PR+ HER2-, cN0.\n"


def _symptoms(note: str) -> set[str]:
    return set(facts(HEADER + note).get("symptoms", []))


EXCEPTIONS = ["other than", "besides", "save for", "with the exception of", "except", "apart from"]


@pytest.mark.parametrize("words", EXCEPTIONS)
def test_the_exception_after_a_denial_is_stated(words: str) -> None:
    assert _symptoms(f"Denies all symptoms {words} a new pain in the lower back, worse at night.") == {"back_pain"}
    assert _symptoms(f"Nothing to report {words} headaches, new, on waking, with vomiting.") == {"headache"}


def test_a_complaint_denied_before_the_exception_stays_denied() -> None:
    assert _symptoms("No bone pain other than her usual knee arthritis.") == set()
    assert _symptoms("Other than that, she denies bone pain or headache.") == set()


@pytest.mark.parametrize(
    "heading",
    ["All negative unless stated", "ROS negative unless otherwise noted", "Neg except as listed",
     "Systems review (normal unless documented below)"],
)  # fmt: skip
def test_a_heading_that_denies_what_is_not_written_keeps_what_it_lists(heading: str) -> None:
    assert _symptoms(f"{heading}: bone pain right hip x 3 weeks.") == {"bone_pain"}
    assert _symptoms(f"{heading}:\nNo fever.\nNew headache, wakes her at night.") == {"headache"}


def test_boxes_under_negative_unless_checked_are_still_read_by_their_ticks() -> None:
    assert _symptoms("ROS negative unless checked:\n[ ] bone pain\n[x] headache\n") == {"headache"}
