"""Round 30b: clinical reading of treatment and benign causes (notes v31).

Class 1 (za-012): a CTCAE-graded neuropathy line ("Sensory neuropathy: G2 - numbness/tingling toes + fingertips")
names the treatment's neuropathy; its numbness or tingling is explained, not a neurologic red flag. The spaced
dash after the grade belongs to the label and no longer ends the explanation's reach (context_rules.json, round
30b cue "sensory neuropathy: G2 -"). A sensory change only: weakness, a new or progressive change stay red flags,
and a denied, a relative's or an ungraded numbness read as before.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes

ON_TREATMENT = (
    "52F L breast IDC cT2 cN0, G3, ER+ PR- HER2-, on neoadjuvant weekly paclitaxel (cycle 7 of 12) after AC.\n"
    "Breast MRI after wk 12 to assess response.\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "Peripheral neuropathy grade 1 - tingling and numbness in the fingertips, buttons ok.",
        "CTCAE: Neuropathy: G2 - numbness in the soles of both feet, walking fine -> reduce dose.",
        "Peripheral sensory neuropathy, grade 1: numbness of the fingertips, no functional loss.",
        "Sensory neuropathy gr 2 – numbness both feet to the ankles, trouble with buttons.",
    ],
)
def test_a_graded_neuropathy_line_explains_its_numbness(line: str) -> None:
    note = ON_TREATMENT + line + "\n"
    assert "neurologic_deficit" not in symptom_codes(note)


@pytest.mark.parametrize(
    "line",
    [
        # a warning beside the graded line: the red flag stands
        "Sensory neuropathy: G2 - numbness in the left arm and leg, new, with weakness of the left leg.",
        "Neuropathy G1 - new weakness in both legs and numbness up to the waist.",
        # no grade, no named cause: as before
        "New numbness in the right hand and foot since Sunday.",
    ],
)
def test_weakness_or_a_new_focal_change_stays_a_red_flag(line: str) -> None:
    note = ON_TREATMENT + line + "\n"
    assert "neurologic_deficit" in symptom_codes(note)
    assert decide_note(note)["systemic_imaging"] in ("targeted", "undetermined")


@pytest.mark.parametrize(
    "line",
    [
        "Neuropathy: G0. Denies numbness or tingling.",
        "Mother had numbness in her legs from a spinal tumour.",
        "Sensory neuropathy: G1 - numbness/tingling fingertips since paclitaxel.",
    ],
)
def test_controls_denied_family_and_benign_numbness_stay_set_aside(line: str) -> None:
    note = ON_TREATMENT + line + "\n"
    assert "neurologic_deficit" not in symptom_codes(note)


# Class 2 (zb-042): a headache the same as for decades, told in the patient's own words ("since my twenties",
# "since I was a teenager", "all my adult life"), is a chronic baseline; a warning of change still makes it a red flag.
SURVIVOR = "Portal message. 12 years since my lumpectomy and radiation for L breast cancer, doing well.\n"


@pytest.mark.parametrize(
    "line",
    [
        "I get the same migraines I've had since I was a teenager, a couple a month, paracetamol helps.",
        "My headaches come and go like they have since my early twenties, nothing unusual.",
        "I've had tension headaches all my adult life and had one this week after a long day.",
        "Headaches on and off since I was a kid, my GP thinks it's my neck.",
    ],
)
def test_a_headache_had_for_decades_is_a_chronic_baseline(line: str) -> None:
    note = SURVIVOR + line + "\n"
    assert "headache" not in symptom_codes(note)


@pytest.mark.parametrize(
    "line",
    [
        "I've had headaches since my twenties but they are much worse this month and wake me at night.",
        "Headaches since I was a teenager, but this one is different from my usual.",
        "Headaches since my twenties, but a new kind started two weeks ago with vomiting.",
    ],
)
def test_a_lifelong_headache_with_a_warning_of_change_stays_a_red_flag(line: str) -> None:
    note = SURVIVOR + line + "\n"
    assert "headache" in symptom_codes(note)


@pytest.mark.parametrize(
    "line",
    [
        "No headaches since my twenties.",
        "My mother has had headaches all her adult life.",
    ],
)
def test_controls_a_denied_or_a_relatives_headache(line: str) -> None:
    note = SURVIVOR + line + "\n"
    assert "headache" not in symptom_codes(note)


def test_control_a_headache_dated_to_a_recent_event_is_not_a_lifelong_one() -> None:
    # "since my" names no decades here: the headache is read as before (a red flag)
    note = SURVIVOR + "I've had headaches every morning since my last scan in May.\n"
    assert "headache" in symptom_codes(note)


# Class 3 (zb-032): a cough named as the trigger of another pain ("sore when I cough", "it hurts when I cough or
# sneeze", "tender on coughing") is not the symptom cough; a cough stated on its own still counts, and the pain it
# triggers is read as before.
@pytest.mark.parametrize(
    "line",
    [
        "My chest wall is tender on coughing since the flu last month, slowly easing.",
        "Under my arm, it hurts when I cough or laugh, since I pulled something gardening.",
        "The left side of my ribcage is sore whenever I cough or roll over.",
        "The pain started with a fit of hard coughing during my cold and is fading.",
    ],
)
def test_a_cough_that_triggers_a_pain_is_not_the_symptom_cough(line: str) -> None:
    note = SURVIVOR + line + "\n"
    assert "cough" not in symptom_codes(note)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        # a cough stated on its own, beside the trigger
        ("Dry cough for 6 weeks, not settling, and my ribs are sore when I cough.", "cough"),
        # the triggered pain keeps its own reading: a back pain that hurts on coughing, with warnings
        ("My back hurts when I cough, new for 3 weeks, worse at night.", "back_pain"),
        ("New hip pain with coughing, waking her at night.", "bone_pain"),
    ],
)
def test_a_stated_cough_and_the_triggered_pain_stay(line: str, code: str) -> None:
    note = SURVIVOR + line + "\n"
    assert code in symptom_codes(note)


@pytest.mark.parametrize(
    "line",
    ["Denies cough.", "Her husband has had a cough for months, and it is sore when he coughs."],
)
def test_controls_a_denied_or_a_relatives_cough(line: str) -> None:
    note = SURVIVOR + line + "\n"
    assert "cough" not in symptom_codes(note)
