"""Round 54e: round 53e's explained mentions narrowed to what the older safety tests allow, in new wordings.

1. A head injury named in the symptom's paragraph (named_causes.py, ``named_event_causes``): a possible serious event,
   no benign cause, so the headache told beside it is left to confirm, never explained (test_nlp_head_injury.py).
   Controls: a headache dated back to the blow is still explained; a relative's blow, a warning sign between (drowsy,
   vomiting), an old or a denied injury keep the headache.
2. A cough told with a cold's symptoms (round 53e's cues) outlasting a cold's course (3 weeks, months) still counts
   (test_nlp_r19b_viral_cough.py: the duration decides). Controls: a cough of days, and of two weeks, stays explained.
3. A known headache disorder told unchanged (known_pattern.py): explained everywhere only when the assessment says so;
   told only in the history, the headache restated elsewhere (a ROS) is left to confirm (test_nlp_unsafe_v14b.py).
   Controls: a warning on the headache; the assessment's disorder set against another cause.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, symptoms_to_confirm

SURV = "Follow-up. 62F, R mastectomy 2019 for IDC, on letrozole, NED.\n"
NEW = "51F, new L breast IDC 1.2 cm, cN0, grade 1, ER+/PR+/HER2-.\n"


def _stated(text: str) -> set[str]:
    return symptom_codes(text)


def _confirm(text: str) -> set[str]:
    return symptoms_to_confirm(text)


# ------------------------------------------------------------------ 1. a head injury in the paragraph
@pytest.mark.parametrize(
    "story",
    [
        "Slipped getting out of the bath last night and struck her head on the tap. Alert, no LOC. Today a dull "
        "headache, otherwise well.",
        "Urgent care: minor head injury at her pottery class.\nHPI: a shelf fell on her. Headache, 3/10. No vomiting, "
        "no confusion.",
    ],
)
def test_a_headache_beside_a_head_injury_is_left_to_confirm(story: str) -> None:
    assert "headache" not in _stated(SURV + story)
    assert "headache" in _confirm(SURV + story)
    assert decide_note(SURV + story)["systemic_imaging"] == "undetermined"


def test_control_a_headache_dated_back_to_the_blow_is_explained() -> None:
    story = SURV + "Knocked her head on a kitchen shelf on Saturday; headache since then, easing."
    assert "headache" not in _stated(story) | _confirm(story)


@pytest.mark.parametrize(
    "story",
    [
        "Her husband hit his head on the garage door last week; he is fine. She has had a headache most days.",
        "Banged her head on the cupboard on Monday. Drowsy since, per her son. Headache today.",
        "Head injury in her teens. Headaches for 3 weeks.",
    ],
)
def test_control_a_relatives_warned_or_old_injury_keeps_the_headache(story: str) -> None:
    assert "headache" in _stated(SURV + story)


def test_control_a_denied_injury_leaves_the_headache() -> None:
    story = SURV + "Denies any head injury. Headache for a week."
    assert "headache" in _stated(story) | _confirm(story)


# ------------------------------------------------------------------ 2. a cold's cough that outlasts a cold
@pytest.mark.parametrize(
    "line",
    [
        "Chesty cough x 6 wks w/ a blocked nose.",
        "Cough and sniffles for 2 months.",
        "Cough for five weeks with a sore throat.",
    ],
)
def test_a_cough_longer_than_a_cold_counts(line: str) -> None:
    assert "cough" in _stated(SURV + line)


@pytest.mark.parametrize(
    "line",
    [
        "Cough with a sore throat x 4 days.",
        "Cough for 2 weeks with a stuffy nose.",
    ],
)
def test_control_a_cough_of_a_colds_course_stays_explained(line: str) -> None:
    assert "cough" not in _stated(SURV + line) | _confirm(SURV + line)


# ------------------------------------------------------------------ 3. a known headache disorder
HISTORY = "Tension headaches since her 20s, same pattern for years.\n\nROS: + headache, fatigue.\n"


def test_a_disorder_told_in_the_history_leaves_the_restated_headache_to_confirm() -> None:
    assert "headache" not in _stated(NEW + HISTORY)
    assert "headache" in _confirm(NEW + HISTORY)


def test_a_disorder_the_assessment_calls_stable_explains_the_restated_headache() -> None:
    note = NEW + HISTORY + "\nAssessment: chronic tension-type headache, stable.\n"
    assert "headache" not in _stated(note) | _confirm(note)
    assert decide_note(note)["systemic_imaging"] == "not_recommended"


@pytest.mark.parametrize(
    "change",
    [
        ("ROS: + headache, fatigue.", "ROS: + headache, new and waking her at night."),
        ("Assessment: chronic tension-type headache, stable.", "Assessment: tension-type headache vs mass, stable."),
    ],
)
def test_control_the_headache_counts(change: tuple[str, str]) -> None:
    note = (NEW + HISTORY + "\nAssessment: chronic tension-type headache, stable.\n").replace(*change)
    assert "headache" in _stated(note) | _confirm(note)
