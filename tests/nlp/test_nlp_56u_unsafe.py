"""Round 56u (v56 blind, the remaining unsafe answers): a bone pain told beside a knock against something (left to
confirm, never raised), a headache the note later says resolved through its abbreviation ("HA ... gone"), a pain placed
on the back by the words after it - new wordings, not the set's sentences, with controls that keep their reading (the
same pain with no knock, a warned pain, a headache that persists, a bare place on the back with no pain)."""

from __future__ import annotations

import pytest

from nlp_helpers import order_of, symptom_codes, symptoms_to_confirm

_DICTATED = "fifty eight year old woman with newly diagnosed left breast cancer period "

# ---------------------------------------------------------------- a bone pain beside a knock against something


@pytest.mark.parametrize(
    "said",
    [
        "she asked if her thigh pain means the cancer has spread period she says she knocked her thigh on the desk "
        "last week period",
        "she is worried about her rib pain period she mentions she banged her ribs on the bathtub edge period",
    ],
)
def test_bone_pain_beside_a_knock_is_left_to_confirm(said: str) -> None:
    text = _DICTATED + said
    assert "bone_pain" not in symptom_codes(text)
    assert "bone_pain" in symptoms_to_confirm(text)


def test_same_pain_without_a_knock_still_counts() -> None:
    # control: no knock told, the pain is raised as before
    text = (
        _DICTATED + "she asked if her thigh pain means the cancer has spread period it started three weeks ago period"
    )
    assert "bone_pain" in symptom_codes(text)


def test_warned_pain_with_a_knock_still_counts() -> None:
    # control: a warning of the pain's own keeps it a red flag
    text = "Thigh pain for 4 weeks, worse at night. She knocked her thigh on the desk in the spring."
    assert "bone_pain" in symptom_codes(text)


# ---------------------------------------------------------------- a headache resolved through its abbreviation


def test_headache_resolved_through_its_abbreviation_is_over() -> None:
    text = (
        "Admitted with 3 days of dull headache and nausea after a viral illness, Na 124.\n"
        "Course: IV fluids. HA and nausea resolved by day 2, eating well."
    )
    assert "headache" not in symptom_codes(text)


def test_headache_that_persists_still_counts() -> None:
    # control: the abbreviation tells the headache goes on: nothing is resolved
    text = "Admitted with 3 days of dull headache and nausea. HA and nausea x 5 days, still present."
    assert "headache" in symptom_codes(text) | symptoms_to_confirm(text)


def test_warned_headache_is_not_resolved_by_the_abbreviation() -> None:
    # control: a warned headache keeps its red flag whatever the later course
    text = "New severe headache x 10 days, worse each morning. HA and nausea settled by day 3."
    assert "headache" in symptom_codes(text)


# ---------------------------------------------------------------- a pain placed on the back by the words after it


def test_pain_placed_in_the_middle_of_the_back_is_a_back_pain() -> None:
    text = (
        "sixty four year old man with breast cancer status post mastectomy period over the past three weeks the "
        "ache is worse comma deeper comma in the upper part of his back comma and it wakes him at night period"
    )
    assert "back_pain" in symptom_codes(text)


def test_place_on_the_back_without_pain_is_no_back_pain() -> None:
    # near miss: a mark on the back names no pain
    text = "Small mole in the middle of her back, unchanged. No pain anywhere."
    assert "back_pain" not in symptom_codes(text) | symptoms_to_confirm(text)


def test_denied_pain_in_the_back_stays_denied() -> None:
    # control: a denial reaches the phrase as any
    assert "back_pain" not in symptom_codes("She denies that the pain is worse in the middle of her back.")


# ---------------------------------------------------------------- a study dated in a bracket, then its finding


def test_study_dated_in_a_bracket_with_its_finding_is_done_not_the_order() -> None:
    text = (
        "Hx R breast IDC 2019, mastectomy. Cough x 10 wk despite antibiotics.\n"
        "MRI thoracic spine w/o (9/14, ordered by her GP): 1.5 cm lesion T7 body.\n"
        "A/P: possible recurrence. PET/CT requested."
    )
    assert order_of(text) == "pet_ct"


def test_study_in_a_bracket_still_to_come_keeps_its_reading() -> None:
    # control: a bracket that schedules the study, or a colon that says it is pending, reports nothing done
    text = "Hx R breast IDC 2019. Cough x 10 wk. CT chest w/ contrast (12/4, ordered by PCP): pending."
    assert order_of(text) == "ct_chest_contrast"
