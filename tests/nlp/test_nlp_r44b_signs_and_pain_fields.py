"""Round 44b: three ways forms and shorthand answer a red flag.

- The empty-set sign after an item ("Bone pain Ø  Headache Ø") answers it no; before a number it is a diameter.
- A review written as a comma list led by signs ("+ fatigue, - bone pain, - HA, + hot flashes") denies the minus
  items; a line of minus-led items alone is a list of bullets, not answers.
- A pain assessment's own line naming a bone or the back ("Pain: L hip, 6/10", "Pain assessment: site R hip") states
  that pain; a zero score, a denial or a benign chronic cause on the line does not.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes, tumor

NEW = "62F newly dx L breast IDC 1.6 cm, cN0, ER+/PR+/HER2-, grade 2. Staging CT C/A/P considered.\n"
RED = {"bone_pain", "back_pain", "headache", "jaundice", "weight_loss", "neurologic_deficit"}


@pytest.mark.parametrize(
    "line",
    [
        "ROS: Bone pain Ø  Headache Ø  Jaundice Ø  Wt loss Ø",
        "ROS: bone pain ø, headache ø, wt loss ø",
        "Back pain ∅ / headache ∅ / weakness ∅",
        "ROS: + fatigue, - bone pain, - HA, - wt loss, + hot flashes",
        "Sx review: + hot flashes, + arthralgia hands, - back pain, - headache, - jaundice",
    ],
)
def test_a_sign_after_or_before_an_item_denies_it(line: str) -> None:
    assert not symptom_codes(NEW + line) & RED


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("ROS: + fatigue, + back pain x3 wk, - headache, - jaundice", "back_pain"),
        ("ROS: bone pain +, headache ø, wt loss ø", "bone_pain"),
        ("Pain assessment: site R hip, score 6/10, aching, worse at night, since 3 weeks.", "bone_pain"),
        ("Pain: L hip, 6/10, constant, wakes her at night x 3 wks.", "bone_pain"),
        ("Pain: low back 7/10, since 2 weeks, worse lying down.", "back_pain"),
        ("Pain - location: lower back; intensity 5/10; onset 3 wks ago", "back_pain"),
    ],
)
def test_the_item_answered_yes_or_a_pain_field_naming_the_bone_counts(line: str, code: str) -> None:
    assert code in symptom_codes(NEW + line)


@pytest.mark.parametrize(
    "line",
    [
        "Pain: none. Pain score 0/10.",
        "Pain: L hip 0/10.",
        "Pain: R hip, chronic OA, unchanged for years, 2/10.",
        "Pain assessment: denies pain.",
    ],
)
def test_a_pain_field_with_no_pain_or_its_old_cause_is_no_red_flag(line: str) -> None:
    assert not symptom_codes(NEW + line) & RED


def test_a_diameter_sign_before_a_number_is_the_size() -> None:
    assert tumor("62F newly dx L breast IDC. US: irregular mass L 2:00, Ø 18 mm, no axillary nodes.")["size_cm"] == 1.8


def test_bullets_led_by_dashes_alone_are_no_answers() -> None:
    assert "back_pain" in symptom_codes(NEW + "Today:\n- back pain since 3 weeks, worse at night\n- tired")
