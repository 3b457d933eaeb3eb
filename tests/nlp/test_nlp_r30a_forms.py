"""Round 30a (notes v31): forms and negation shapes that raised a red flag from a mention the note answers No.

1. A screening tool's question on one line, its boxed answers on the next ("Have you lost weight without trying?"
   then "[x] No (0)   [ ] Unsure (2)   [ ] Yes -> how much? ____"): the ticked option answers the question's item
   (No negates it, Unsure leaves it to confirm, Yes keeps it). Before, a score after an option or a third option
   left the row unread and the question's words were read as a statement (options_below.py).
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes, symptoms_to_confirm

NEW = "58F, newly diagnosed L breast IDC 2.1 cm, grade 2, ER+ PR+ HER2-, cN0. Staging CT CAP requested.\n\n"


def _form(question: str, row: str) -> str:
    return NEW + "NURSING SCREEN\n" + question + "\n" + row + "\nScreen completed with the patient.\n"


# other wordings than v31 zc-011: other tools, scores, numbering and option orders
QUESTIONS = [
    ("2) Has she lost weight in the last 3 months without meaning to?", "weight_loss"),
    ("Q4. Any new bone pain?", "bone_pain"),
    ("c. Headaches that wake you at night:", "headache"),
    ("- Cough lasting more than three weeks?", "cough"),
]
NO_ROWS = [
    "   [x] No (0)   [ ] Unsure (2)   [ ] Yes -> how much? ____",
    "  [X] No (0)   [ ] Yes (1)",
    " [ ] Yes (2)   [ ] Not sure (1)   [x] No (0)",
    "\t[x] No   [ ] Unsure   [ ] Yes - give details: ____",
]


@pytest.mark.parametrize(("question", "code"), QUESTIONS)
@pytest.mark.parametrize("row", NO_ROWS)
def test_a_question_answered_no_on_the_line_below_raises_nothing(question: str, code: str, row: str) -> None:
    note = _form(question, row)
    assert code not in symptom_codes(note)
    assert code not in symptoms_to_confirm(note)


@pytest.mark.parametrize(("question", "code"), QUESTIONS)
@pytest.mark.parametrize(
    "row",
    [
        "   [ ] No (0)   [x] Unsure (2)   [ ] Yes -> how much? ____",
        "  [ ] Yes (2)   [x] Not sure (1)   [ ] No (0)",
        "  [x] No (0)   [x] Yes (1)",  # both ticked
        "  [ ] No (0)   [ ] Unsure (2)   [ ] Yes (3)",  # left unanswered
    ],
)
def test_an_unsure_or_unclear_answer_below_leaves_the_item_to_confirm(question: str, code: str, row: str) -> None:
    note = _form(question, row)
    assert code not in symptom_codes(note)
    assert code in symptoms_to_confirm(note)


@pytest.mark.parametrize(("question", "code"), QUESTIONS)
@pytest.mark.parametrize(
    "row",
    ["   [ ] No (0)   [ ] Unsure (2)   [x] Yes -> how much? 6 kg", "  [x] Yes (1)   [ ] No (0)"],
)
def test_a_yes_ticked_below_keeps_the_symptom(question: str, code: str, row: str) -> None:
    assert code in symptom_codes(_form(question, row))


def test_controls_a_row_below_a_statement_or_with_other_words_answers_nothing_above() -> None:
    # the line above states (no question mark, no colon): the row below is no answer to it
    stated = NEW + "New bone pain in the right hip for 4 weeks.\n  [x] No (0)   [ ] Yes (1)\n"
    assert "bone_pain" in symptom_codes(stated)
    # the row holds other words than answers (an analgesic ticked): not a row of options, never a denial
    other = NEW + "Any new bone pain?\n  [x] Ibuprofen   [ ] Paracetamol\n"
    assert "bone_pain" in symptom_codes(other) | symptoms_to_confirm(other)
    # a family line above stays a family history, whatever the answer below
    family = NEW + "Family history: mother had bone metastases and bone pain?\n  [ ] No (0)   [x] Yes (1)\n"
    assert "bone_pain" not in symptom_codes(family)
    # the same line pair answered on one line still reads as before
    inline = NEW + "Lost weight without trying?  [ ] Yes  [x] No\n"
    assert "weight_loss" not in symptom_codes(inline) | symptoms_to_confirm(inline)


# --- 2. a symptom negated by a suffix (v31 zc-034: "SOB-free") -----------------------------------------------------
# context_rules.json "- free" (NEGATED_EXISTENCE, backward, one token) with its two PSEUDO cues

SUFFIXED = [
    ("Mobilised 20 m on the ward, breathlessness-free today.", "dyspnea"),
    ("Walked the corridor twice, SOB free throughout.", "dyspnea"),
    ("Headache-free since the steroids were weaned.", "headache"),
    ("She has been cough free for a fortnight.", "cough"),
    ("Back pain-free at rest and on transfers.", "back_pain"),
    ("Seizure-free for two years on levetiracetam.", "seizure"),
]


@pytest.mark.parametrize(("line", "code"), SUFFIXED)
def test_a_symptom_followed_by_free_is_denied(line: str, code: str) -> None:
    note = NEW + line + "\n"
    assert code not in symptom_codes(note)
    assert code not in symptoms_to_confirm(note)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("She is not headache-free: wakes with headaches most mornings.", "headache"),
        ("No longer SOB-free on the stairs since last week.", "dyspnea"),
        ("Has never been back pain free since the fall in May, worse at night.", "back_pain"),
        ("Only two headache-free days a week now.", "headache"),  # the other days she has them
        ("Cough free intervals are getting shorter; coughing most of the day.", "cough"),
    ],
)
def test_not_free_or_free_days_keep_the_symptom(line: str, code: str) -> None:
    assert code in symptom_codes(NEW + line + "\n")


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("New bone pain in the left hip for 3 weeks, worse at night. Leaflet given free of charge.", "bone_pain"),
        ("New bone pain in the left hip for 3 weeks, worse at night, free text box left empty.", "bone_pain"),
        ("New headaches, worse in the morning; free parking pass given.", "headache"),
    ],
)
def test_controls_free_elsewhere_changes_nothing(line: str, code: str) -> None:
    assert code in symptom_codes(NEW + line + "\n")


def test_controls_denied_and_family_forms_read_as_before() -> None:
    assert "headache" not in symptom_codes(NEW + "Denies headache.\n")
    assert "bone_pain" not in symptom_codes(NEW + "Free of bone pain.\n")
    assert "bone_pain" not in symptom_codes(NEW + "Mother had bone pain from metastases; she was never pain-free.\n")
