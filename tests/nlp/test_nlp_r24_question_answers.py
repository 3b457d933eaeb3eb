"""A screening question answered on its own line by a word of no ("Back pain? absent", "Fever? denies").

Found by the property test of templated answers (test_nlp_unsafe_classes_v4): "Back pain? absent" on the last line of
a red-flag screen raised the back pain, a red flag from a denied mention. "N" and "no" were read after a question
mark; the other words of no (absent, denies, none, nil, negative) were not.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts

HEADER = "61F, R breast IDC 1.4 cm, grade 2, ER+ PR+ HER2-, cN0, newly diagnosed.\n"


def _symptoms(note: str) -> set[str]:
    return set(facts(note).get("symptoms", []))


@pytest.mark.parametrize("answer", ["absent", "denies", "none", "nil", "negative", "Absent.", "NONE"])
def test_a_question_answered_no_by_any_word_of_no_denies_its_item(answer: str) -> None:
    note = HEADER + f"Red flags:\nAny bone pain? {answer}\nNew headache? {answer}\n"
    assert _symptoms(note) == set()


def test_each_line_keeps_its_own_answer() -> None:
    note = HEADER + "Screen:\nBack pain? absent\nHeadache? yes, worse in the mornings\nJaundice? denies\n"
    assert _symptoms(note) == {"headache"}


def test_answers_in_cells_of_one_line() -> None:
    note = HEADER + "Bone pain? nil  |  Weight loss? yes  |  Cough? negative\n"
    assert _symptoms(note) == {"weight_loss"}


def test_a_word_of_no_that_goes_on_is_not_the_answer() -> None:
    # "none that she can recall" is not a one-word answer: the line reads as prose (the pain is not denied here)
    note = HEADER + "Bone pain? yes - new right hip pain for 3 weeks, none before.\n"
    assert "bone_pain" in _symptoms(note)


def test_an_aside_answered_no_does_not_strike_the_study_it_sits_in() -> None:
    # "(lobular features? no - ordered for dense breasts)" answers a question about the tumour, not the MRI
    note = HEADER + "Plan:\n [x] MRI breast bilateral w/wo contrast (lobular features? no - for dense breasts)\n"
    assert facts(note).get("order")
