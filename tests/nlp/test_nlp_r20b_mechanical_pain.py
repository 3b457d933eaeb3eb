"""Round 20b: a pain with a benign mechanical, positional or traumatic cause, read as classes in our own words.

- "worse" with the activity that provokes a pain right after it, without a preposition ("worse serving", "worse
  lifting", "worse climbing stairs", "worse at work"): the manoeuvre, as "worse with" and "worse after gardening"
  (round 18b), not a worsening course; with a named soft-tissue cause (impingement, tendinitis, strain) the pain is
  explained. "Getting worse", "worsening", "progressively worse" still warn;
- a back or pelvic ache in pregnancy the same as in her earlier pregnancies: the back pain of pregnancy;
- a blow to the head told in other words than "hit her head" ("struck occiput", "banged her forehead") and a pain at
  the site of a blow just sustained ("headache at impact site", "rib pain over the bruise");
- what still counts: a pain worse lying down or on straining or sneezing (recumbent pain, cord compression), a pain
  with a limb's weakness or numbness, and that weakness itself, which no soft-tissue cause explains.

Each explained pain must not raise a red flag nor make the setting a suspected recurrence; each control keeps it.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import facts, symptom_codes

TREATED = "64F, R breast IDC 2018, lumpectomy + RT, letrozole completed, annual survivorship visit, NED. "
PROPERTY = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _flagged(text: str) -> tuple[set[str], object]:
    f = facts(text)
    return set(f.get("symptoms", ())), f.get("setting")


# ---------------------------------------------------------------------- worse with an activity, a soft-tissue cause
@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        (
            "Plays golf weekly; L shoulder pain, worse swinging, eased by rest, PT thinks rotator cuff tendinitis.",
            "bone_pain",
        ),
        ("Low back pain since moving house, worse lifting boxes, muscle strain per GP.", "back_pain"),
        ("L elbow pain, worse gripping, lateral epicondylitis.", "bone_pain"),
        ("R shoulder pain worse while reaching up to shelves; subacromial impingement on exam.", "bone_pain"),
        ("Hip pain worse during long walks, trochanteric bursitis, steroid injection helped.", "bone_pain"),
        ("Shoulder pain worse at the gym, tendonitis per physio.", "bone_pain"),
    ],
)
def test_a_pain_worse_on_an_activity_with_a_soft_tissue_cause_is_explained(sentence: str, code: str) -> None:
    symptoms, setting = _flagged(TREATED + sentence)
    assert code not in symptoms
    assert setting != "suspected_distant_recurrence"


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("L shoulder pain, getting worse lifting, rotator cuff tendinitis.", "bone_pain"),
        ("L shoulder pain, progressively worse reaching, impingement.", "bone_pain"),
        ("L shoulder pain worse swinging, worsening over a month, tendinitis.", "bone_pain"),
        ("Shoulder pain worse during the night, tendinitis.", "bone_pain"),
        ("Lower back pain worse lifting, muscle strain, no trauma.", "back_pain"),
        ("Lower back pain worse bending, muscle strain, now waking her at night.", "back_pain"),
    ],
)
def test_a_pain_growing_worse_or_warned_still_counts(sentence: str, code: str) -> None:
    assert code in symptom_codes(TREATED + sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "L thigh pain for 3 weeks, worse walking.",
        "Mid back pain for a month, worse standing.",
    ],
)
def test_a_pain_worse_on_an_activity_without_a_cause_still_counts(sentence: str) -> None:
    # the manoeuvre is no warning, and no explanation either: a bone or back pain with no benign cause still counts
    assert symptom_codes(TREATED + sentence) & {"bone_pain", "back_pain"}


# ---------------------------------------------------------------------- the back ache of pregnancy
@pytest.mark.parametrize(
    "sentence",
    [
        "Now 20 weeks pregnant. Low back ache, like in both previous pregnancies, eases lying on her side.",
        "Pregnant (16/40). Lower back pain as in her other pregnancies, worse after a shift on her feet.",
        "28 wks pregnant, sacral ache - she had the same with every pregnancy.",
    ],
)
def test_a_back_ache_as_in_earlier_pregnancies_is_explained(sentence: str) -> None:
    symptoms, setting = _flagged(TREATED + sentence)
    assert "back_pain" not in symptoms
    assert setting != "suspected_distant_recurrence"


@pytest.mark.parametrize(
    "sentence",
    [
        "Now 20 weeks pregnant. Low back ache, like in both previous pregnancies, but waking her at night.",
        "Now 20 weeks pregnant. Low back ache, same as her last pregnancy, progressively worse.",
        "Now 20 weeks pregnant. Low back ache, different from her previous pregnancies.",
        "Low back ache since her last pregnancy.",
        "Now 20 weeks pregnant. Low back ache like in her previous pregnancy, worse lying flat.",
    ],
)
def test_a_warned_or_merely_dated_pregnancy_back_ache_still_counts(sentence: str) -> None:
    assert "back_pain" in symptom_codes(TREATED + sentence)


def test_earlier_pregnancies_explain_no_headache() -> None:
    assert "headache" in symptom_codes(
        TREATED + "Now 30 weeks pregnant. Headaches, same as in her previous pregnancies."
    )


# ---------------------------------------------------------------------- a blow just sustained
@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        (
            "CT head: slipped in the shower last night, struck occiput on the tiles; occipital headache since.",
            "headache",
        ),
        ("Tripped at home, banged her forehead on the door frame; frontal headache at the site of impact.", "headache"),
        ("Fell off a step ladder, landed on the back of her head; headache at impact site. GCS 15.", "headache"),
        ("Walked into a cupboard door; L chest wall pain over the bruise.", "bone_pain"),
        ("Knocked her R shin on the car door; tender at the point of impact.", "bone_pain"),
    ],
)
def test_a_pain_at_the_site_of_a_blow_is_explained(sentence: str, code: str) -> None:
    symptoms, _ = _flagged(TREATED + sentence)
    assert code not in symptoms


@pytest.mark.parametrize(
    "sentence",
    [
        "Struck occiput on the tiles this AM; occipital headache at impact site, worsening, vomited twice.",
        "Struck occiput on the tiles this AM; headache at impact site, now with R arm weakness.",
        "Headache for 3 weeks, no trauma, worse lying down.",
        "Headache at impact site and a new headache behind her eyes for 3 weeks, different from usual.",
    ],
)
def test_a_warned_headache_after_a_blow_still_counts(sentence: str) -> None:
    assert "headache" in symptom_codes(TREATED + sentence)


def test_a_blow_explains_no_weakness() -> None:
    assert "neurologic_deficit" in symptom_codes(TREATED + "Struck occiput on the tiles this AM, L leg weakness.")


def test_pain_near_a_lump_is_no_blow() -> None:
    assert "bone_pain" in symptom_codes(TREATED + "Pain in her L ribs near the lump she found last week.")


# ---------------------------------------------------------------------- recumbent pain, straining, neurologic signs
@pytest.mark.parametrize(
    "sentence",
    [
        "Lower back pain, muscle strain, worse when lying down.",
        "Lower back pain from a strain, worse lying flat in bed.",
        "Lower back pain, muscle strain, worse on sneezing.",
        "Lower back pain, muscle strain, worse with straining at stool.",
        "Lower back pain from a muscle strain, with L leg weakness.",
        "Lower back pain from a muscle strain, with numbness in both legs.",
    ],
)
def test_a_soft_tissue_back_pain_with_a_warning_of_the_cord_still_counts(sentence: str) -> None:
    symptoms, setting = _flagged(TREATED + sentence)
    assert "back_pain" in symptoms
    assert setting == "suspected_distant_recurrence"


@pytest.mark.parametrize(
    "sentence",
    [
        "Lower back pain from a muscle strain, with leg weakness.",
        "R shoulder pain and R arm weakness, rotator cuff tendinitis per PT.",
        "Neck pain, muscle spasm and strain, R hand weakness.",
        "Shoulder impingement, L arm weakness.",
    ],
)
def test_a_soft_tissue_cause_explains_no_weakness(sentence: str) -> None:
    assert "neurologic_deficit" in symptom_codes(TREATED + sentence)


def test_a_nerve_entrapment_still_explains_numbness() -> None:
    assert "neurologic_deficit" not in symptom_codes(TREATED + "Numbness in her L hand from ulnar nerve impingement.")


# ---------------------------------------------------------------------- properties
ACTIVITIES = ["serving", "lifting", "bending", "reaching", "climbing stairs", "gardening", "typing", "twisting"]
CAUSES = ["impingement", "tendinitis", "muscle strain", "bursitis", "rotator cuff tendinopathy"]
WARNINGS = ["worse at night", "getting worse", "progressively worse", "not improving", "no trauma", "worse lying flat"]


@given(activity=st.sampled_from(ACTIVITIES), cause=st.sampled_from(CAUSES), warning=st.sampled_from(WARNINGS))
@PROPERTY
def test_an_activity_is_no_warning_and_a_warning_always_keeps_the_pain(activity: str, cause: str, warning: str) -> None:
    plain = TREATED + f"R shoulder pain, worse {activity}, {cause}."
    warned = TREATED + f"R shoulder pain, worse {activity}, {warning}, {cause}."
    assert "bone_pain" not in symptom_codes(plain)
    assert "bone_pain" in symptom_codes(warned)


@given(
    comparison=st.sampled_from(
        [
            "same as her last pregnancies",
            "like in both previous pregnancies",
            "as in her other pregnancies",
            "similar to her previous pregnancy",
            "as with every pregnancy",
        ]
    ),
    warning=st.sampled_from(["waking her at night", "progressively worse", "with leg weakness", "worse lying flat"]),
)
@PROPERTY
def test_a_pregnancy_back_ache_is_explained_only_without_a_warning(comparison: str, warning: str) -> None:
    plain = TREATED + f"Now 18 weeks pregnant. Low back ache, {comparison}."
    warned = TREATED + f"Now 18 weeks pregnant. Low back ache, {comparison}, {warning}."
    assert "back_pain" not in symptom_codes(plain)
    assert "back_pain" in symptom_codes(warned)


@pytest.mark.parametrize(
    "sentence",
    [
        "Shoulder abduction 4/5, restricted by pain from the cuff tear.",
        "Grip 4/5 on the right, pain-limited (de Quervain's).",
    ],
)
def test_power_the_note_says_pain_limits_is_no_deficit(sentence: str) -> None:
    # reduced power put down to pain in the same sentence is an examination limited by pain, not a deficit
    assert "neurologic_deficit" not in symptom_codes(TREATED + sentence)
