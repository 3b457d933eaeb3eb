"""Round 14 (safe14): a symptom asked and not answered, a template prompt left blank, and a symptom inside a title are
not stated: left to confirm (the answer waits, naming the symptom), unless another mention states it.

Own words throughout. Answered questions and filled boxes are controls: their answer keeps its reading.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes

LEAD = "Surveillance visit, 66F, right breast IDC, lumpectomy and RT 2019, on exemestane.\n"


def _to_confirm(text: str) -> set[str]:
    from rightscan.adapters.text import extract

    return {v for c in extract(text).to_confirm if c["field"] == "symptoms" for v in c["values"]}


def _left_open(note: str, code: str) -> None:
    assert code not in symptom_codes(note)
    assert code in _to_confirm(note)


# --------------------------------------------------------------------------- asked, not answered
@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("Any bone pain?", "bone_pain"),
        ("Headaches?", "headache"),
        ("Has she noticed any back pain or headaches?", "back_pain"),
        ("Has she noticed any back pain or headaches?", "headache"),
        ("ROS: new cough?", "cough"),
        ("Assessment: ?bone pain", "bone_pain"),
    ],
)
def test_an_unanswered_question_leaves_the_symptom_to_confirm(question: str, code: str) -> None:
    _left_open(LEAD + question + "\nExam: well.", code)


def test_an_unanswered_question_answers_undetermined_naming_the_symptom() -> None:
    answer = decide_note(LEAD + "Any bone pain?\nPlan: routine follow-up in a year.")
    assert answer["systemic_imaging"] == "undetermined"
    assert "bone_pain" in str(answer)


def test_a_template_item_not_asked_or_left_blank_is_left_to_confirm() -> None:
    _left_open(LEAD + "Bone pain - not asked\nAppetite good.", "bone_pain")
    _left_open(LEAD + "Symptom screen\nHeadache: ______\nNausea: no\n", "headache")


def test_a_denial_on_the_line_below_the_question_never_raises_it() -> None:
    note = LEAD + "Any new headaches?\nNo.\nPlan: annual mammogram."
    assert "headache" not in symptom_codes(note)


def test_a_definite_symptom_in_a_question_is_presupposed_and_stays() -> None:
    assert "bone_pain" in symptom_codes(LEAD + "Does the bone pain mean the cancer is back?")


def test_the_symptom_stated_elsewhere_still_stands() -> None:
    assert "back_pain" in symptom_codes(LEAD + "Any headaches?\nNew back pain for 3 weeks, worse at night.")
    assert "bone_pain" in symptom_codes(LEAD + "Any bone pain? Aching in the ribs, bone pain since May.")


# ---------------------------------------------------------------- controls: answered questions keep their answer
@pytest.mark.parametrize(
    "answered",
    [
        "Any bone pain? yes, right hip, worse at night",
        "Bone pain? [x] Y [ ] N",
        "Q: Any bone pain? A: yes, right hip",
        '"Any bone pain?" - yes',
        "Bone pain: yes",
    ],
)
def test_a_question_answered_yes_stays_stated(answered: str) -> None:
    assert "bone_pain" in symptom_codes(LEAD + answered + "\n")


@pytest.mark.parametrize("answered", ["Bone pain? no", "Bone pain? [ ] Y [x] N", "Any bone pain? Denies."])
def test_a_question_answered_no_stays_denied(answered: str) -> None:
    note = LEAD + answered + "\n"
    assert "bone_pain" not in symptom_codes(note)
    assert "bone_pain" not in _to_confirm(note)


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Headaches for 2 weeks, should I be worried?", "headache"),
        ("My back pain is worse, what can I take?", "back_pain"),
        ("Is the back pain from the cancer?", "back_pain"),
    ],
)
def test_a_writers_question_about_a_symptom_she_states_keeps_it(sentence: str, code: str) -> None:
    assert code in symptom_codes(LEAD + sentence)


# --------------------------------------------------------------------------- titles
@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("The 'Headache and neuro symptoms' pathway was opened for triage.", "headache"),
        ('Given the "Back pain during treatment" booklet.', "back_pain"),
        ("Handout “Living with bone pain” given to her daughter.", "bone_pain"),
        ("She was sent the back pain information sheet.", "back_pain"),
        ("Headache pathway opened by the triage line.", "headache"),
    ],
)
def test_a_symptom_named_in_a_title_is_not_stated(sentence: str, code: str) -> None:
    _left_open(LEAD + sentence, code)


def test_a_quote_of_the_patients_own_words_keeps_the_symptom() -> None:
    assert "bone_pain" in symptom_codes(LEAD + 'She says "the bone pain in my hip wakes me every night".')


def test_a_title_does_not_hide_a_symptom_stated_elsewhere() -> None:
    note = LEAD + 'New headaches for 2 weeks, worse on waking. Gave the "Headache advice" leaflet.'
    assert "headache" in symptom_codes(note)
