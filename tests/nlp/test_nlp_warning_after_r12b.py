"""Round 12b: a warning told of a symptom later, through a pointer back, and a limb's or a joint's pain with a warning.

The class behind blind_v9 z-026 (a surveillance note answered "not applicable" while the patient's new knee pain woke
her at night): the pain was named in one sentence, described as new and nocturnal two sentences on ("the pain is
new ... wakes her at night"), and explained later as arthritis; and a knee is not a bone the rules named. Written in
my own words; each reading has controls where it must not act.
"""

from __future__ import annotations

from typing import Any

import pytest

from nlp_helpers import decide_note, facts, symptom_codes

SURVIVOR = (
    "Follow-up clinic. 66 yo woman, 7 years after a left lumpectomy and radiotherapy for a pT1c pN0 IDC, "
    "letrozole completed 2023. Last mammogram 2026 benign. "
)


def _confirm_fields(note: str) -> dict[str, Any]:
    from rightscan.adapters.text import extract

    return {c["field"]: c["values"] for c in extract(note).to_confirm}


@pytest.mark.parametrize(
    "story",
    [
        # the warning two sentences on, after a benign cause the patient offers
        "Reports right ankle pain for six weeks. She blames her new walking shoes. According to her the pain is "
        "constant and now wakes her at night. Exam: no swelling.",
        # the warning in the next sentence, the pointer "it"
        "Complains of an ache in the left elbow since the summer. It is persistent and worse at night, she thinks "
        "from tennis. Exam: full range of movement.",
        # the warning in the pain's own sentence, with a benign cause named later
        "New left knee pain without any injury, waking her from sleep. Likely arthritis per GP.",
    ],
)
def test_limb_or_joint_pain_with_warning_waits_for_bone_pain(story: str) -> None:
    note = SURVIVOR + story
    assert _confirm_fields(note).get("symptoms") == ["bone_pain"]
    assert "bone_pain" not in symptom_codes(note)  # neither stated ...
    assert decide_note(note)["systemic_imaging"] == "undetermined"  # ... nor dropped: the answer waits for it


@pytest.mark.parametrize(
    "story",
    [
        "Bilateral knee pain from known osteoarthritis, unchanged for years, paracetamol helps.",
        "My knees ache from the arthritis nothing new, otherwise I feel well.",
        "Left knee pain after she slipped on the stairs last week, bruised, improving.",
        "No new joint pain. Denies bone pain.",
        "Right wrist ache while the fracture heals in plaster.",
    ],
)
def test_limb_or_joint_pain_without_warning_says_nothing(story: str) -> None:
    note = SURVIVOR + story
    assert "symptoms" not in _confirm_fields(note)
    assert decide_note(note)["systemic_imaging"] == "not_applicable"


@pytest.mark.parametrize(
    "story",
    [
        # named again later with a benign cause, which alone would explain it away
        "Left hip pain since March. Per her the pain is new and wakes her at night. Plan: hip pain, likely "
        "arthritis, plain film.",
        "Right thigh ache for a month. She puts it down to gardening. And the ache is unremitting. "
        "Impression: thigh ache from a muscle strain.",
    ],
)
def test_warning_told_through_a_pointer_back_keeps_a_named_bone_pain(story: str) -> None:
    note = SURVIVOR + story
    assert "bone_pain" in symptom_codes(note)


@pytest.mark.parametrize(
    "story",
    [
        # another finding named before the pointer: "it" may speak of the cough, not the hip
        "Left hip pain from her arthritis, unchanged for years. She also reports a cough. It is new and persistent.",
        # the pointer's warning denied
        "Left hip pain from her arthritis for years. The pain is not new and does not wake her.",
        # the warning three sentences on: too far to be the same symptom's, unread
        "Left hip pain from her arthritis for years. She walks daily. Sleeps well. The pain is new.",
    ],
)
def test_pointer_back_does_not_carry_a_warning_to_another_or_a_denied_one(story: str) -> None:
    note = SURVIVOR + story
    assert "bone_pain" not in symptom_codes(note)


def test_the_blind_v9_knee_class_is_no_longer_an_unsafe_not_applicable() -> None:
    note = SURVIVOR + (
        "Interval: left knee pain for two months, which she puts down to the garden. Per patient the pain is new, "
        "persistent and wakes her at night twice a week. A/P: knee pain, probably osteoarthritis; plain films of "
        "the knee. Attending: mechanical on exam, I think osteoarthritis."
    )
    decision = decide_note(note)
    assert decision["systemic_imaging"] == "undetermined"
    assert facts(note).get("setting") == "surveillance"
