"""Round 22d: the study considered now (`order`) and the patient's own request (`patient_preference`), as classes.

Orders:
- a side written between a study's name and its contrast words ("MRI BREAST BILATERAL WITHOUT CONTRAST") keeps the
  contrast words the study's own;
- a plan heading joined to follow-up ("Plan / follow-up:", "Plan & f/u:") proposes what it lists;
- the study chosen named by a pronoun ("prefers it over CT + bone scan"): the studies after "over" are set aside;
- a study the note says does not change management is still the one considered (as "not indicated" is).
Requests:
- the patient's negative question ("Shouldn't I have a PET scan?") asks for the scan; "should I get a scan?" stays
  a question;
- the patient asking with a word between ("asked me directly for", "asked if she could also get"); a relative or a
  clinician who asks is not her.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import facts

PROPERTY = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CLINIC = "58F, newly diagnosed R breast IDC 2.1 cm, grade 2, ER+ PR+ HER2-neg, cN0.\n"
SURV = "66F, L breast IDC 2018 s/p lumpectomy + RT, ER+ HER2-, on letrozole.\n"
MRI_BREAST = "MRI Breast Without and With IV Contrast"
MRI_BREAST_WO = "MRI Breast Without IV Contrast"
PET = "FDG-PET/CT Skull Base to Mid-Thigh"
CT_CAP = "CT chest abdomen pelvis with IV contrast"
BONE_SCAN = "Bone Scan Whole Body"


def order(note: str) -> str | None:
    return facts(note).get("order")


def asks(note: str) -> bool:
    return facts(note).get("patient_preference") == "requests_imaging"


# ---- a side between the name and the contrast words
@given(
    st.sampled_from(["BILATERAL", "bilateral", "LEFT", "right", "Bilat"]),
    st.sampled_from(["WITHOUT CONTRAST", "w/o contrast", "without IV contrast", "WO CONTRAST"]),
)
@PROPERTY
def test_side_between_name_and_no_contrast(side: str, contrast: str) -> None:
    note = f"Exam requested: MRI BREAST {side} {contrast}\n" + SURV + "Dense breasts; declines gadolinium."
    assert order(note) == MRI_BREAST_WO


@given(
    st.sampled_from(["BILATERAL", "left", "Bilat"]),
    st.sampled_from(["WITH AND WITHOUT CONTRAST", "w/wo", "w/ and w/o contrast"]),
)
@PROPERTY
def test_side_between_name_and_both_contrasts(side: str, contrast: str) -> None:
    note = f"Exam requested: MRI BREAST {side} {contrast}\n" + CLINIC + "Extent of disease."
    assert order(note) == MRI_BREAST


def test_side_without_contrast_words_is_the_breast_mri_read_for_her() -> None:
    # no contrast words after the side: the name alone, as before
    assert order("Exam requested: MRI BREAST BILATERAL\n" + CLINIC + "Extent of disease.") == MRI_BREAST


# ---- a plan heading joined to follow-up
@given(st.sampled_from(["Plan / follow-up:", "Plan/follow up:", "Plan & f/u:", "Follow-up / plan:", "F/u plan:"]))
@PROPERTY
def test_plan_follow_up_heading_proposes(heading: str) -> None:
    note = (
        "DISCHARGE SUMMARY\n77F, R breast IDC 2016 s/p lumpectomy, now malignant pleural effusion, cytology + breast.\n"
        f"{heading}\n- Onc clinic 12/3.\n- CT chest/abdomen/pelvis w/ IV contrast 12/2 for restaging.\n"
    )
    assert order(note) == CT_CAP


def test_plan_follow_up_heading_leaves_a_study_done_done() -> None:
    note = (
        "DISCHARGE SUMMARY\n77F, R breast IDC 2016 s/p lumpectomy, now malignant pleural effusion, cytology + breast.\n"
        "Plan / follow-up:\n- Onc clinic 12/3.\n- CT chest/abdomen/pelvis w/ IV contrast showed no liver lesions.\n"
    )
    assert order(note) is None


# ---- the study chosen named by a pronoun
@given(
    st.sampled_from(
        ["prefers it over", "favors it over", "favoured this over", "chose it over", "prefers it instead of"]
    ),
    st.sampled_from(["CT + bone scan", "CT CAP and bone scan", "bone scan"]),
)
@PROPERTY
def test_pronoun_preference_sets_aside_what_follows(words: str, others: str) -> None:
    note = CLINIC + f"Recommendations:\n1. FDG PET/CT for systemic staging (board {words} {others} in IBC).\n"
    assert order(note) == PET


def test_without_a_preference_two_studies_stay_two() -> None:
    note = CLINIC + "Recommendations:\n1. FDG PET/CT for systemic staging and bone scan.\n"
    assert order(note) is None


# ---- a study said not to change management stays the one considered (annotation guide 2: "not indicated" still is)
def test_requested_study_said_not_to_change_management_stays_the_order() -> None:
    note = CLINIC + (
        "A/P:\n1. Staging: pt asks for a PET scan because her sister had one. Explained that a PET/CT does not change "
        "management and is not recommended.\n"
    )
    assert order(note) == PET


# ---- her negative question
@given(
    st.sampled_from(
        [
            "Shouldn't I have a PET scan to see if it's anywhere else?",
            "shouldn't I be getting a bone scan?",
            "Should not I get a CT scan first?",
            "Shouldnt I have an MRI?",
        ]
    )
)
@PROPERTY
def test_her_negative_question_asks_for_the_scan(words: str) -> None:
    assert asks(CLINIC + f'Pt tearful on the phone, asking "{words}"')


def test_should_i_stays_a_question() -> None:
    assert not asks(CLINIC + 'Pt asked: "Should I get a CT scan?" Explained not indicated.')


def test_relative_negative_question_is_not_hers() -> None:
    assert not asks(CLINIC + 'Her daughter asks "shouldn\'t she have a PET scan?"')


# ---- she asks, a word between
@given(
    st.sampled_from(
        [
            "Mrs. K. asked me directly for a bone scan",
            "Pt asked if she could also get a PET scan",
            "She has asked repeatedly for a CT scan",
            "Patient asked us specifically for an MRI",
        ]
    )
)
@PROPERTY
def test_she_asks_with_a_word_between(words: str) -> None:
    assert asks(CLINIC + f"{words} to be sure.")


@given(
    st.sampled_from(
        [
            "Dr. Osei asked me directly for a bone scan",
            "Her husband asked me directly for a PET scan",
            "The surgeon asked us specifically for an MRI",
        ]
    )
)
@PROPERTY
def test_someone_else_asking_is_not_her(words: str) -> None:
    assert not asks(CLINIC + f"{words} to be sure.")
