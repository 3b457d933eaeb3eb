"""Round 18c: current symptoms the reader missed (blind v18 tc-043, ta-035, tc-046, tb-041, ta-017, ta-047, tb-034,
tc-029 as classes). A missed red flag is unsafe: the answer becomes "not applicable" or "not recommended" where it
should flag. Each class is tested in other words than the notes', with the controls that must not change:

- a bone named after the pain word with its side, level or rib number ("pain right lower ribs", "aching at the left
  hip"); breathlessness as "out of breath"; weight lost in words ("lost nearly a stone", "weight is down 5 kg");
- today's complaint under a heading the sectionizer did not know ("Present complaints (since ~2 months):",
  "Presenting complaint:", "C/O:", a discharge summary's "Course:"), which left it in the past history above;
- a history given a length in days, weeks or months ("3 month hx of bloating") is how long today's complaint has
  lasted, not a past illness;
- a relative with the patient named without a possessive ("On video w/ husband: ...") is company;
- a complaint dated from a day after a denial ("never had headaches before, and since Sunday his leg is weak").
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import symptom_codes

PROPERTY = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TREATED = "58F, L mastectomy 2020 for IDC ER+ HER2-, on letrozole. "


# ---------------------------------------------------------------- a bone after the pain word
@pytest.mark.parametrize(
    "said",
    [
        "Pain left lower ribs anteriorly for a month, not settling with paracetamol.",
        "Reports pain in her R upper ribs x 2/52, no injury.",
        "Complains of pain over the right 7th rib for 3 weeks, waking her at night.",
        "Aching at the left hip for six weeks, worse at night.",
        "Pain across the lower ribs on the right, constant, for 3 weeks.",
        "Soreness in the sternum for a fortnight, no trauma.",
    ],
)
def test_a_bone_named_after_the_pain_word_is_bone_pain(said: str) -> None:
    assert "bone_pain" in symptom_codes(TREATED + said)


@pytest.mark.parametrize(
    "said",
    [
        "Denies pain in the lower ribs.",
        "No pain at the hip.",
        "Call us if you develop pain in the lower ribs.",
        # the belly below the ribs is not the ribs
        "Pain in my right side under my ribs, worse after meals.",
    ],
)
def test_a_denied_or_hypothetical_bone_pain_or_the_belly_is_no_bone_pain(said: str) -> None:
    assert "bone_pain" not in symptom_codes(TREATED + said)


def test_pain_under_the_ribs_on_the_right_stays_abdominal_pain() -> None:
    assert "abdominal_pain" in symptom_codes(TREATED + "A pain in my right side under my ribs for a month.")


# ---------------------------------------------------------------- breathlessness and weight in plain words
@pytest.mark.parametrize(
    "said",
    [
        "She gets much more out of breath walking up the hill than she used to.",
        "Easily winded on the stairs for the last fortnight.",
        "I am out of breath after a few steps now.",
    ],
)
def test_out_of_breath_is_dyspnea(said: str) -> None:
    assert "dyspnea" in symptom_codes(TREATED + said)


def test_denied_out_of_breath_is_no_dyspnea() -> None:
    assert "dyspnea" not in symptom_codes(TREATED + "Not out of breath, no cough.")


@pytest.mark.parametrize(
    "said",
    [
        "I have lost about half a stone in the last two months without trying.",
        "She has dropped two dress sizes since the summer.",
        "His weight has dropped by 4 kg since the last visit.",
        "Wt is down 3 kg in six weeks.",
    ],
)
def test_weight_lost_in_words_is_weight_loss(said: str) -> None:
    assert "weight_loss" in symptom_codes(TREATED + said)


@pytest.mark.parametrize(
    "said",
    [
        "Weight stable, no weight loss.",
        "Her weight is up 2 kg since Christmas.",
    ],
)
def test_stable_or_gained_weight_is_no_weight_loss(said: str) -> None:
    assert "weight_loss" not in symptom_codes(TREATED + said)


# ---------------------------------------------------------------- today's complaint under another heading
PAST = "Past history: Ca R breast 2016, R MRM, chemo, RT, tamoxifen 5 years; HTN.\n"


@pytest.mark.parametrize(
    "heading",
    [
        "Present complaints (for ~6 weeks):",
        "Presenting complaint:",
        "Current complaints:",
        "C/O:",
        "HPC:",
        "Complaints (since 1 month):",
    ],
)
def test_a_complaint_heading_ends_the_past_history(heading: str) -> None:
    note = PAST + f"{heading} dry cough not settling with antibiotics; breathlessness on one flight of stairs.\n"
    assert {"cough", "dyspnea"} <= symptom_codes(note)


def test_the_past_history_itself_stays_past() -> None:
    note = "Past history: back pain in 2015 after a fall, settled.\nPresenting complaint: dry cough for 4 weeks.\n"
    codes = symptom_codes(note)
    assert "cough" in codes
    assert "back_pain" not in codes


def test_a_discharge_course_under_the_past_history_is_this_admission() -> None:
    note = (
        "PMH: L breast ca 2014, mastectomy, AC-T, anastrozole; HTN.\n"
        "Course: Admitted with effusion, drained. Mild dry cough, better, still present at discharge.\n"
    )
    assert "cough" in symptom_codes(note)


# ---------------------------------------------------------------- a history with a length
@pytest.mark.parametrize(
    "said",
    [
        "Gives a 5 week history of headaches, worse in the mornings.",
        "2/12 hx of dry cough.",
        "Six-week history of low back pain.",
        "A few weeks' history of upper abdominal pain.",
    ],
)
def test_a_history_with_a_length_is_todays_complaint(said: str) -> None:
    assert symptom_codes(TREATED + said)


@pytest.mark.parametrize(
    "said",
    [
        "History of back pain in 2018, resolved with physio.",
        "Hx of migraine headaches since her teens, unchanged.",
        "20 year history of back pain from lumbar spondylosis, unchanged.",
    ],
)
def test_a_past_or_lifelong_history_stays_history(said: str) -> None:
    assert not symptom_codes(TREATED + said) & {"back_pain", "headache"}


# ---------------------------------------------------------------- company and a new complaint after a denial
@pytest.mark.parametrize("who", ["husband", "daughter", "son", "wife"])
def test_a_relative_with_the_patient_is_company(who: str) -> None:
    note = TREATED + f"Telephone review w/ {who}: 10 days of daily headaches, getting worse."
    assert "headache" in symptom_codes(note)


def test_a_relatives_own_symptom_stays_the_relatives() -> None:
    note = TREATED + "Seen w/ daughter today. Her daughter has had migraines for years."
    assert "headache" not in symptom_codes(note)


@given(
    day=st.sampled_from(["Sunday", "Tuesday", "yesterday", "last week"]),
    deficit=st.sampled_from(["his left leg is weak", "her right arm feels weak", "his speech is slurred"]),
    denied=st.sampled_from(["headaches", "back pain", "any weakness"]),
)
@PROPERTY
def test_a_new_complaint_dated_after_a_denial_is_kept(day: str, deficit: str, denied: str) -> None:
    note = TREATED + f"He never had {denied} before, and since {day} {deficit}."
    assert "neurologic_deficit" in symptom_codes(note) or deficit == "his speech is slurred"


@given(denied=st.sampled_from(["headache", "cough", "bone pain"]), day=st.sampled_from(["Monday", "yesterday"]))
@PROPERTY
def test_the_denial_itself_stays_denied(denied: str, day: str) -> None:
    note = TREATED + f"Denies {denied}, and since {day} no weakness either."
    codes = symptom_codes(note)
    assert not codes & {"headache", "cough", "bone_pain", "neurologic_deficit"}


# ---------------------------------------------------------------- more words for the same complaints
@pytest.mark.parametrize(
    ("said", "code"),
    [
        ("She finds it hard to breathe walking to the shops.", "dyspnea"),
        ("His breathing has been getting harder over two weeks.", "dyspnea"),
        ("Pain in her head every morning for ten days.", "headache"),
        ("Since Tuesday he drags his left foot.", "neurologic_deficit"),
        ("Her clothes have become loose and she eats less.", "weight_loss"),
    ],
)
def test_more_words_for_the_same_complaint(said: str, code: str) -> None:
    assert code in symptom_codes(TREATED + said)


@pytest.mark.parametrize(
    ("said", "code"),
    [
        ("No pain in her head.", "headache"),
        ("Not hard to breathe at rest.", "dyspnea"),
        ("If she finds it hard to breathe, call 999.", "dyspnea"),
    ],
)
def test_the_same_words_denied_or_hypothetical_say_nothing(said: str, code: str) -> None:
    assert code not in symptom_codes(TREATED + said)


def test_a_uk_presenting_complaint_abbreviation_ends_the_past_history() -> None:
    note = PAST + "PC: 3 weeks of dry cough, worse at night.\n"
    assert "cough" in symptom_codes(note)
