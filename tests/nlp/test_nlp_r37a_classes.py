"""Round 37a: the classes of the v37 blind notes al-006, aj-003 and al-037, in other wordings than the notes'.

1. A Y/N answer column whose chosen option is marked (square or round brackets, a mark on both sides or one, a
   circled letter): the mark picks the answer ("Cough   Y / [N]" denies the cough); an unmarked pair, or one with
   both options marked, is unanswered (to confirm, never stated). Brackets holding a tick or a blank are a checkbox,
   never a choice mark: a checkbox pair ("[x]Y [ ]N") is the layout's (controls), and a lone ticked box glued to one
   option of a bare pair ("Y / (X)N") leaves the row to confirm.
2. Items each answered by a bracketed letter after it on one line ("fever [N] new weight loss [N] fatigue [Y]"):
   each answer answers its own item alone; a warning word inside the item does not keep it from the denial.
3. An examination sign doubted by a query mark past a word of degree ("sclerae ? faintly icteric") or hedged after
   a dash ("scleral icterus - questionable"): to confirm, never a stated red flag.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, symptoms_to_confirm

HEADER = "63F, L breast IDC 2020, lumpectomy + RT, anastrozole, surveillance.\n"


def _stated(note: str) -> set[str]:
    return symptom_codes(HEADER + note)


def _to_confirm(note: str) -> set[str]:
    return symptoms_to_confirm(HEADER + note)


# --- class 1: a marked option of a Y/N pair -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "form",
    [
        "Symptom review (patient form):\n  Headaches          Y / [N]\n  Persistent cough   Y / [N]\n",
        "Symptom review:\n  Headaches    Y [N]\n  Cough        Y [N]\n",
        "Symptom review:\n  Headaches    Yes / [No]\n  Cough        Yes / [No]\n",
        "Symptom review:\n  Headaches    Y / N*\n  Cough        Y / *N\n",
        "Symptom review:\n  Headaches    Y / __N__\n  Cough        Y / **N**\n",
        "Symptom review:\n  Headaches    Y   Ⓝ\n  Cough        Y   Ⓝ\n",
    ],
)
def test_a_marked_no_denies_the_row(form: str) -> None:
    assert not (_stated(form) | _to_confirm(form)) & {"headache", "cough"}


def test_a_marked_no_denies_a_long_row_or_one_with_two_spaces_inside() -> None:
    form = (
        "Checklist (pt-completed):\n"
        "  New or worsening headaches on waking       Y / [N]\n"
        "  Cough  lasting more than three weeks       Y / [N]\n"
        "  Shortness of breath climbing one flight    Y / [N]\n"
    )
    assert not (_stated(form) | _to_confirm(form)) & {"headache", "cough", "dyspnea"}


@pytest.mark.parametrize(
    "form",
    [
        "Symptom review:\n  Headaches          [Y] / N\n  Cough              Y / [N]\n",
        "Symptom review:\n  Headaches    Y* / N\n  Cough        Y / N*\n",
        "Symptom review:\n  Headaches    __Y__ / N\n  Cough        Y / __N__\n",
        "Symptom review:\n  Headaches    Ⓨ   N\n  Cough        Y   Ⓝ\n",
    ],
)
def test_a_marked_yes_raises_the_row_and_only_it(form: str) -> None:
    assert "headache" in _stated(form)
    assert "cough" not in _stated(form) | _to_confirm(form)


def test_a_marked_yes_on_a_long_row_is_read() -> None:
    form = "Checklist:\n  Pain in the back  waking her at night      [Y] / N\n  Cough      Y / [N]\n"
    assert "back_pain" in _stated(form)


@pytest.mark.parametrize(
    "form",
    [
        "Symptom review:\n  Headaches    Y / N\n  Cough        Y / N\n",
        "Symptom review:\n  Headaches    [Y] / [N]\n  Cough        Y* / N*\n",
    ],
)
def test_an_unmarked_or_twice_marked_pair_is_never_a_stated_symptom(form: str) -> None:
    assert not _stated(form) & {"headache", "cough"}


@pytest.mark.parametrize(
    "form",
    [
        "Symptom review:\n  Headaches    Y / (X)N\n  Cough        Y / [x]N\n",
        "Symptom review:\n  Headaches    (x)Yes / No\n  Cough        [✓]Yes / No\n",
        "Symptom review:\n  Headaches    Y / [X]No\n  Cough        Yes / (✓)No\n",
    ],
)
def test_a_lone_ticked_box_glued_to_one_option_is_no_choice_mark_and_is_to_confirm(form: str) -> None:
    # a checkbox's brackets are no choice mark; with the other option unboxed there is no checkbox pair either:
    # the row is left to confirm, never read as a stated symptom
    assert not _stated(form) & {"headache", "cough"}
    assert {"headache", "cough"} <= _to_confirm(form)


# controls: a checkbox pair ("[x]Y [ ]N"): the box's content is the mark, not its brackets; the chosen-mark reader
# leaves the pair to the layout, whatever the row holds (ticked, blank, round, a tick sign, one row or several)
@pytest.mark.parametrize(
    ("row", "ticked", "unticked"),
    [
        ("ROS: cough [X]Y [ ]N   shortness of breath [ ]Y [X]N\n", "cough", "dyspnea"),
        ("Systemic: back pain [ ]Yes [x]No   headaches [x]Yes [ ]No\n", "headache", "back_pain"),
        ("ROS: wt loss (x)Y ( )N   bone pain ( )Y (x)N\n", "weight_loss", "bone_pain"),
        ("Screen: bone pain ( )Y (x)N   cough (x)Y ( )N\n", "cough", "bone_pain"),
        ("ROS: headache [✓]Y []N   cough []Y [✓]N\n", "headache", "cough"),
        ("Checklist:\n  Cough       [ ]Y [x]N\n  Back pain   [x]Y [ ]N\n", "back_pain", "cough"),
    ],
)
def test_a_checkbox_pair_is_read_by_its_ticked_box(row: str, ticked: str, unticked: str) -> None:
    assert ticked in _stated(row)
    assert unticked not in _stated(row)


def test_a_checkbox_pair_beside_a_marked_letter_pair_keeps_each_rows_answer() -> None:
    form = "Symptom review:\n  Headaches    [x]Y [ ]N\n  Cough        Y / [N]\n  Back pain    [ ]Y [x]N\n"
    assert "headache" in _stated(form)
    assert not (_stated(form) | _to_confirm(form)) & {"cough", "back_pain"}


def test_a_marked_yes_in_a_relatives_or_hypothetical_row_raises_nothing() -> None:
    assert "headache" not in _stated("Family history:\n  Mother: headaches   [Y] / N\n")
    assert "cough" not in _stated("If a cough develops, call:   [Y] / N\n")


def test_a_checklist_marked_no_throughout_recommends_no_imaging() -> None:
    note = (
        "71F, R breast IDC pT1b pN0, ER+ PR+ HER2-, lumpectomy 2022, on anastrozole, surveillance visit.\n"
        "ROS (patient checklist):\n"
        "  Back pain            Y / [N]\n  Headaches            Y / [N]\n  Cough                Y / [N]\n"
        "  Shortness of breath  Y / [N]\n  Weight loss          Y / [N]\n"
        "Exam unremarkable. Plan: annual mammogram.\n"
    )
    assert decide_note(note)["systemic_imaging"] != "targeted"


# --- class 2: items each answered by a bracketed letter after it -----------------------------------------------------


@pytest.mark.parametrize(
    "row",
    [
        "ROS: fevers [N] night sweats [N] new weight loss [N] fatigue [Y]\n",
        "Neuro: progressive headaches [N] dizziness [Y] weakness [N]\n",
        "Resp: worsening cough [N] wheeze [Y]\nMSK: joint stiffness [Y] new back pain [N]\n",
        "General: appetite ok [Y] unexplained weight loss [no] fatigue [yes]\n",
    ],
)
def test_a_warning_word_inside_an_item_does_not_keep_it_from_its_n(row: str) -> None:
    assert not (_stated(row) | _to_confirm(row)) & {"weight_loss", "headache", "cough", "back_pain"}


@pytest.mark.parametrize(
    ("row", "code"),
    [
        ("ROS: fevers [N] weight loss [Y] fatigue [N]\n", "weight_loss"),
        ("MSK: back pain [Y] joint pain [N]\n", "back_pain"),
        ("Neuro: headaches [Y] numbness/tingling [N] weakness [N]\n", "headache"),
    ],
)
def test_an_item_answered_y_stands_beside_items_answered_n(row: str, code: str) -> None:
    assert code in _stated(row)


def test_an_item_with_a_slash_inside_is_denied_whole() -> None:
    row = "Neuro: headaches [Y] numbness/tingling [N] weakness [N]\n"
    assert "neurologic_deficit" not in _stated(row) | _to_confirm(row)


def test_a_single_bracketed_yes_still_raises_its_item() -> None:
    assert "weight_loss" in _stated("ROS: wt loss [Y]\n")


# --- class 3: an examination sign doubted --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "exam",
    [
        "O/E: sclerae ? slightly yellow-tinged, ? mildly icteric.\n",
        "Exam: scleral icterus - questionable.\n",
        "Exam: sclerae icteric -- doubtful under the window light.\n",
        "O: abdomen soft; liver edge palpable (questionable).\n",
        "PE: conjunctivae ? faintly jaundiced.\n",
    ],
)
def test_a_doubted_sign_is_to_confirm_not_a_red_flag(exam: str) -> None:
    stated = _stated(exam)
    assert not stated & {"jaundice", "hepatomegaly"}
    assert _to_confirm(exam) & {"jaundice", "hepatomegaly"}


def test_a_plain_sign_on_exam_stays_a_red_flag() -> None:
    assert "jaundice" in _stated("Exam: scleral icterus. Abdomen soft.\n")
    assert "jaundice" in _stated("O: sclerae frankly icteric, liver not palpable.\n")


def test_a_hedge_on_the_cause_leaves_the_symptom_stated() -> None:
    assert "back_pain" in _stated("New back pain for 3 weeks, waking her at night - uncertain cause.\n")
