"""Round 48u: a bare "nothing changed" word ("unchanged", "stable", "no change", "same as before") explains a symptom
only with a long span or a named benign cause (status_onset.py; ``red_flag_readings.status_*`` in context.yaml).

Annotation guide: a symptom counts when present, new or persistent and not explained by a benign cause; "knee pain from
known osteoarthritis, unchanged for years" is explained. A status word says the symptom has not changed, not why it is
there: unchanged since last week's new weakness is still a new weakness. Classes, each in new wordings:

- a recent onset told for the symptom (days or weeks, "since it started", "since last <weekday>", "began N weeks ago",
  a month of this year) with the status word: the symptom counts, as it would without the word;
- a bare status word with no cause and no span: the symptom is left to confirm (abstain), never dropped;
- a long span ("for years", "for over a decade", "since 2014", "from baseline") or a named benign cause keeps it
  explained, as before.

Controls: the guide's osteoarthritis example, a chemotherapy neuropathy, a spondylosis back pain unchanged for years,
migraines with their unchanged pattern, a study's "no change" (the symptom stays), a denied symptom beside an exam
"stable", an age in years (no span), "nothing new" (no onset), a weight said stable (a measure, not a complaint).
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, symptoms_to_confirm

# ---------------------------------------------------------------- a recent onset: the symptom counts


@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("Tingling and weakness of the left hand for 9 days, unchanged since it started.", "neurologic_deficit"),
        ("Pain in the left femur since last Friday, no change.", "bone_pain"),
        ("2-week history of upper back pain, unchanged.", "back_pain"),
        ("Morning headaches x 10 days - same as before.", "headache"),
        ("Bone pain in the sternum since it came on on Sunday, stable.", "bone_pain"),
        ("Low back ache that began about three weeks ago, stable since.", "back_pain"),
        ("Dull ache in the R upper arm bone x3wks, unchanged.", "bone_pain"),
        # the sentence after points back with only a status word
        ("Right hip pain for 12 days. It is unchanged.", "bone_pain"),
    ],
)
def test_a_recent_onset_with_a_status_word_counts(note: str, code: str) -> None:
    assert code in symptom_codes(note)


def test_the_decision_is_not_not_recommended_for_a_new_deficit_called_unchanged() -> None:
    note = (
        "48F, new R breast IDC 1.6 cm, ER+ PR+ HER2-, cN0. L leg numbness and foot drop for 8 days, unchanged since "
        "onset. Asking whether staging imaging is needed."
    )
    assert "neurologic_deficit" in symptom_codes(note)
    assert decide_note(note)["systemic_imaging"] != "not_recommended"


# ---------------------------------------------------------------- a bare status word: to confirm, never dropped


@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("Mid back pain, stable.", "back_pain"),
        ("Pt mentions numbness of R foot - no change.", "neurologic_deficit"),
        ("Headaches unchanged.", "headache"),
        ("Back pain, stable since last visit.", "back_pain"),
        # an age is no span of time
        ("71 years old woman with low back pain, unchanged.", "back_pain"),
        # a denied "new" tells no onset
        ("Thoracic back pain, stable, no new complaints.", "back_pain"),
        # a length of a plan is not how long the symptom has lasted
        ("Rib pain, stable; recheck in 2 weeks.", "bone_pain"),
        # a visit dates the comparison, not the onset
        ("Headaches, stable since her last clinic visit.", "headache"),
    ],
)
def test_a_bare_status_word_leaves_the_symptom_to_confirm(note: str, code: str) -> None:
    assert code in symptoms_to_confirm(note)
    assert code not in symptom_codes(note)


def test_a_bare_status_word_makes_the_decision_wait() -> None:
    note = "56F, new L breast IDC 1.2 cm, ER+ PR+ HER2-, cN0, planned lumpectomy. Lumbar back pain, stable."
    assert decide_note(note)["systemic_imaging"] == "undetermined"


# ---------------------------------------------------------------- controls: a long span or a named cause keeps it


@pytest.mark.parametrize(
    "note",
    [
        "Right hip pain from known osteoarthritis, unchanged for years.",  # the guide's example
        "Grade 1 numbness in fingertips, stable neuropathy from paclitaxel.",
        "LBP from lumbar spondylosis, unchanged for years.",
        "Headaches - chronic migraines, unchanged pattern.",
        "Lower back pain for over a decade, unchanged.",
        "Back ache since 2014, unchanged.",
        "Numb patch on the L thigh since her 2016 hernia repair, unchanged.",
        "Aching low back, unchanged from baseline.",
        "Known lumbar spinal stenosis. Back pain, stable.",
        "Weight down 1 kg, stable.",  # a measure said stable: the loss has stopped
        "No headache; neuro exam stable.",
    ],
)
def test_a_long_span_or_a_named_cause_keeps_it_explained(note: str) -> None:
    assert not symptom_codes(note)
    assert not symptoms_to_confirm(note)


def test_a_study_said_unchanged_leaves_the_symptom_stated() -> None:
    assert "bone_pain" in symptom_codes("L hip pain, bone scan no change from 2023.")


def test_a_recent_onset_is_not_explained_by_an_illness_named_elsewhere_with_only_a_status_word() -> None:
    note = "Known lumbar spondylosis. Back pain x 2 weeks, stable."
    assert "back_pain" in symptom_codes(note) | symptoms_to_confirm(note)


def test_a_warning_still_wins() -> None:
    assert "back_pain" in symptom_codes("New back pain, stable.")
