"""Round 50t: a form's marks read as the form itself says (TEMPLATES, v50 bx hand).

- a legend that defines the glyphs is followed, glyphs before or after their items (mark_legends.py); a cross with
  no legend is to confirm, never stated;
- a bare radio button, filled for the chosen option, answers its question (circled_answers.py);
- an answer told in words after an unmarked pair ("(N circled)") chooses it (circled_answers.py);
- the one option written in capitals answers its pair ("yes/NO") (circled_answers.py);
- a pain question answered yes gives its site from the "where?" answer below it (pain_where.py);
- no symptom phrase is assembled across the answered boxes of two items on one row (item_reach.py);
- a clinician's correction of a box takes the box's statement back (corrections.py's words).

Each in wordings of its own (not the blind set's), with controls that keep their reading.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes, symptoms_to_confirm

NEW_DX = "66F, new L breast IDC 1.9 cm, cN0, grade 1, ER+/PR+/HER2-. Lumpectomy + SLNB planned.\n"


# --------------------------------------------------------------------------- legends
@pytest.mark.parametrize(
    ("form", "stated", "denied"),
    [
        (
            "Review (X = absent, ✓ = present): X low back pain  X double vision  ✓ hot flashes\n",
            set(),
            {"back_pain", "neurologic_deficit"},
        ),
        ("Key: + = yes, - = no\n+ bone pain   - cough   - jaundice\n", {"bone_pain"}, {"cough", "jaundice"}),
        ("Screen (✘ no / ✔ yes): ✘ headaches   ✘ short of breath   ✔ insomnia\n", set(), {"headache", "dyspnea"}),
        (
            "Sx (☑ = reports, ☒ = denies): jaundice ☒   cough ☑   belly pain ☒\n",
            {"cough"},
            {"jaundice", "abdominal_pain"},
        ),
        ("Symptoms (0 = absent, 1 = present):\n0 hip pain  0 seizures  1 fatigue\n", set(), {"bone_pain", "seizure"}),
    ],
)
def test_a_legend_defines_the_marks(form: str, stated: set[str], denied: set[str]) -> None:
    note = NEW_DX + form + "Plan: surgery."
    assert symptom_codes(note) == stated
    assert not (symptoms_to_confirm(note) & denied)


def test_a_cross_without_a_legend_is_to_confirm_never_stated() -> None:
    note = NEW_DX + "ROS: ✗ back pain  ✗ cough\nPlan: surgery."
    assert not symptom_codes(note) & {"back_pain", "cough"}
    assert {"back_pain", "cough"} <= symptoms_to_confirm(note)


def test_ordinary_marks_keep_their_reading() -> None:
    assert "bone_pain" in symptom_codes(NEW_DX + "ROS: [X] Bone pain  [ ] cough\n")
    assert "headache" in symptom_codes(NEW_DX + "ROS: (+) headache, (-) cough\n")
    assert "bone_pain" not in symptom_codes(NEW_DX + "Bone pain [ ] Y [X] N\n")


# --------------------------------------------------------------------------- radio buttons
@pytest.mark.parametrize(
    ("row", "code", "stated"),
    [
        ("Trouble catching your breath?   ◯ Yes   ◉ No", "dyspnea", False),
        ("Headaches that are new?  □ Y  ■ N", "headache", False),
        ("Coughing for more than 3 weeks?  ● Yes  ○ No", "cough", True),
        ("Losing weight without trying?  ● No  ○ Yes", "weight_loss", False),
    ],
)
def test_a_filled_radio_button_answers_its_question(row: str, code: str, stated: bool) -> None:
    note = NEW_DX + "Pre-visit questions\n" + row + "\nSeen in clinic."
    assert (code in symptom_codes(note)) is stated


def test_a_radio_pair_left_empty_is_unanswered() -> None:
    note = NEW_DX + "Any headaches?  ○ Yes  ○ No\n"
    assert "headache" not in symptom_codes(note)
    assert "headache" in symptoms_to_confirm(note)


def test_a_pain_question_answered_yes_gives_its_site_below() -> None:
    note = (
        "Portal check-in\nAny pain that is new?  ● Yes  ○ No\n  Where is it? 'my mid back, worst at night'\n"
        "Breast cancer 2021, lumpectomy, on letrozole."
    )
    assert "back_pain" in symptom_codes(note)


def test_a_pain_question_answered_no_gives_no_site() -> None:
    note = "Portal check-in\nAny pain that is new?  ○ Yes  ● No\n  Where is it? 'lower back'\nOn letrozole."
    assert "back_pain" not in symptom_codes(note)


# --------------------------------------------------------------------------- answers told in words, capitals
@pytest.mark.parametrize(
    ("row", "code", "stated"),
    [
        ("Aching in your bones?     yes / no   (no circled)", "bone_pain", False),
        ("Cough lasting weeks?      Y / N  - circled Y", "cough", True),
        ("New back pain?  Y/N  (answered N)", "back_pain", False),
    ],
)
def test_an_answer_told_after_its_pair_chooses_it(row: str, code: str, stated: bool) -> None:
    note = "Paper intake, typed by front desk\n" + row + "\n" + NEW_DX
    assert (code in symptom_codes(note)) is stated
    assert code not in symptoms_to_confirm(note)


def test_the_capitalised_option_answers_its_pair() -> None:
    note = NEW_DX + "Checklist (capitals = her answer):\n  back pain yes/NO   dyspnea yes/NO   jaundice YES/no\n"
    assert symptom_codes(note) == {"jaundice"}


def test_a_pair_written_alike_stays_unanswered() -> None:
    note = NEW_DX + "Checklist: cough: yes/no\n"
    assert "cough" not in symptom_codes(note)
    assert "cough" in symptoms_to_confirm(note)


# --------------------------------------------------------------------------- two items on one row
def test_no_phrase_is_assembled_across_two_answered_items() -> None:
    note = NEW_DX + "Hip pain: [ ] Y [X] N      Back pain: [ ] Y [X] N\nDyspnea:  [ ] Y [X] N\n"
    assert not symptom_codes(note) & {"back_pain", "bone_pain", "dyspnea"}


def test_each_item_of_a_row_keeps_its_own_answer() -> None:
    note = NEW_DX + "Bone pain: [X] Y [ ] N      Back pain: [ ] Y [X] N\n"
    codes = symptom_codes(note)
    assert "bone_pain" in codes
    assert "back_pain" not in codes


# --------------------------------------------------------------------------- a box corrected by the clinician
def test_a_box_the_clinician_corrects_is_never_stated() -> None:
    note = NEW_DX + "ROS: [X] cough  [ ] fevers\nAttending: cough ticked in error by the scribe, she has no cough.\n"
    assert "cough" not in symptom_codes(note)


def test_a_ticked_box_without_a_correction_stays_stated() -> None:
    note = NEW_DX + "ROS: [X] cough  [ ] fevers\nAttending: cough for 5 weeks, CXR ordered.\n"
    assert "cough" in symptom_codes(note)


# --------------------------------------------------------------------------- template fields
def test_a_pain_field_answered_yes_with_its_site_after_a_tilde() -> None:
    note = "Urgent visit\nPain: Y ~ Site: lower back ~ Score: 7/10\nBreast ca 2018, mastectomy."
    assert "back_pain" in symptom_codes(note)
    assert "back_pain" not in symptom_codes("Urgent visit\nPain: No ~ Site: lower back ~ Score: 0/10\nBreast ca 2018.")


def test_a_liver_exam_field_palpable_below_the_margin() -> None:
    assert "hepatomegaly" in symptom_codes(NEW_DX + "Abd exam - Liver: palpable 3 cm below the right costal margin\n")
    assert "hepatomegaly" not in symptom_codes(NEW_DX + "Abd exam - Liver: not palpable\n")
