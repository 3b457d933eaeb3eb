"""Round 22e: an unedited dictation's spoken forms read as the written forms, as classes.

Numbers said as words next to what they count (an age, a size, a grade), receptor letters spelled apart and their
sound-alikes right before a status, the pathology stage spelled apart, spoken punctuation and the speaker's own
corrections. "her" alone stays a pronoun, "two" alone no HER2, a number without a unit stays a word, "period" of time
stays a word, and a symptom misheard after its body part is still denied when denied.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rightscan.adapters.text import extract
from rightscan.adapters.text.pipeline import Analyser

HEAD = "ONCOLOGY CONSULT -- dictated\n"
PROPERTY = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _facts(text: str) -> dict:
    return extract(HEAD + text).facts


def _confirm(text: str) -> set[str]:
    return {c["field"] for c in extract(HEAD + text).to_dict()["to_confirm"]}


@given(st.integers(min_value=2, max_value=7), st.integers(min_value=0, max_value=9))
@PROPERTY
def test_an_age_said_in_words_is_read(tens: int, unit: int) -> None:
    said = TENS[tens - 2] + ("" if unit == 0 else " " + UNITS[unit - 1])
    text = f"Patient is a {said} year old woman with a new right breast mass period no other complaints period"
    assert _facts(text).get("age") == 10 * tens + unit


@pytest.mark.parametrize(
    ("said", "size"),
    [
        ("a one point five centimeter mass", 1.5),
        ("an irregular mass measuring three point oh centimeters", 3.0),
        ("a mass of two point three cm", 2.3),
        ("an eighteen millimeter spiculated mass", 1.8),
    ],
)
def test_a_size_said_in_words_is_read(said: str, size: float) -> None:
    text = f"sixty year old woman period ultrasound shows {said} in the left breast at two o'clock period"
    assert _facts(text)["tumor"]["size_cm"] == pytest.approx(size)


@pytest.mark.parametrize(("said", "grade"), [("grade one", 1), ("grade two", 2), ("histologic grade three", 3)])
def test_a_grade_said_in_words_is_read(said: str, grade: int) -> None:
    assert _facts(f"core biopsy invasive ductal carcinoma {said} period")["tumor"]["grade"] == grade


@pytest.mark.parametrize(
    ("said", "er", "pr", "her2"),
    [
        ("E R negative P R positive her two negative", "negative", "positive", "negative"),
        (
            "E R positive ninety five percent P R negative hurts you three plus by I H C",
            "positive",
            "negative",
            "positive",
        ),
        ("E. R. positive P. R. positive her two new not amplified", "positive", "positive", "negative"),
    ],
)
def test_receptors_spelled_apart_are_read(said: str, er: str, pr: str, her2: str) -> None:
    tumor = _facts(f"biopsy showed invasive ductal carcinoma comma {said} period")["tumor"]
    assert (tumor.get("er"), tumor.get("pr"), tumor.get("her2")) == (er, pr, her2)


@pytest.mark.parametrize(
    "line",
    [
        "I told her two options comma surgery first or chemotherapy first period",
        "she will call her to new doctor next week comma period",
        "her two daughters came with her period she is positive about the plan comma",
    ],
)
def test_her_alone_is_a_pronoun(line: str) -> None:
    assert "her2" not in _facts("invasive ductal carcinoma period " + line).get("tumor", {})


def test_the_pathology_stage_spelled_apart_is_read() -> None:
    facts = _facts("she had a lumpectomy for a P T two P N one A invasive ductal carcinoma period")
    assert facts["pathology"] == {"t": "pT2", "n": "pN1a"}


@pytest.mark.parametrize(
    "line",
    [
        "sixty two year old woman with lump for two months period seen three times comma",
        "she has two children and four grandchildren comma lives alone period",
    ],
)
def test_a_number_without_a_unit_stays_a_word(line: str) -> None:
    text = Analyser().rewrite(line)
    assert "two months" in text or "two children" in text


def test_a_time_period_stays_a_word_and_commands_need_a_dictation() -> None:
    analyser = Analyser()
    assert "period" in analyser.rewrite("Her last menstrual period was in May, comma noted, comma again period")
    assert "period" in analyser.rewrite("Follow-up in a short period. Recovery period uneventful.")
    assert "." in analyser.rewrite("she feels well period no cough comma no fever period")[14:20]


@pytest.mark.parametrize(
    ("said", "field", "value"),
    [
        ("P R positive scratch that P R negative", "pr", "negative"),
        ("grade two I mean grade three", "grade", 3),
        ("E R positive correction negative", "er", "negative"),
    ],
)
def test_a_correction_replaces_what_it_corrects(said: str, field: str, value: object) -> None:
    assert _facts(f"invasive ductal carcinoma {said} period")["tumor"][field] == value


def test_an_unclear_correction_leaves_a_disagreement_to_confirm() -> None:
    text = "fifty year old woman period the mass was four centimeters scratch that on MRI three centimeters period"
    facts = _facts(text)
    assert facts.get("tumor", {}).get("size_cm") is None or "tumor.size_cm" in _confirm(text)


def test_a_misheard_symptom_word_keeps_its_context() -> None:
    assert (
        "back_pain"
        in _facts("sixty year old woman period she reports new back pane for three weeks period")["symptoms"]
    )
    assert "bone_pain" not in _facts("sixty year old woman period she denies bone pane comma no cough period").get(
        "symptoms", []
    )


@pytest.mark.parametrize(
    ("header", "age"),
    [
        ("Patient: Ms Nadia K., 43 (F)   Consultant: Mr Reid", 43),
        ("Pt: Mrs. Joan Whitley, 81     Admitted 10/02", 81),
        ("Mr Tomas Berg, 66 - seen alone", 66),
    ],
)
def test_an_age_after_a_titled_name_is_read(header: str, age: int) -> None:
    assert extract(header + "\nNew L breast lump, for triple assessment.").facts.get("age") == age


@pytest.mark.parametrize(
    "line", ["Mrs Jones, 45 minutes late to clinic.", "Chest: 4 mm RLL nodule (se 3 im 88), nonspecific."]
)
def test_a_number_that_is_no_age_stays_no_age(line: str) -> None:
    assert extract("Breast clinic follow-up.\n" + line).facts.get("age") is None
