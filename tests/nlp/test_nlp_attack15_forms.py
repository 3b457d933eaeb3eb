"""Fifteenth security pass, the form findings F2, F6, F7, F8 and F9 (round 31f), in other wordings than the report's.

What a clinician checks: is the symptom (or the distant disease) stated, left to confirm, or denied; never a red flag
or an M1 from a form's "No", and never a denial from an answer that is not a "No" to that item.
"""

from __future__ import annotations

from rightscan.adapters.text import extract

NEW = "58F new dx left breast IDC 1.6 cm, cN0, ER+/PR+/HER2-, grade 2.\n"


def _read(note: str, symptom: str) -> str:
    """'stated', 'to confirm' or 'absent': how the note's ``symptom`` is read."""
    found = extract(NEW + note)
    if symptom in (found.facts.get("symptoms") or []):
        return "stated"
    if any(symptom in c.get("values", ()) for c in found.to_confirm if c.get("field") == "symptoms"):
        return "to confirm"
    return "absent"


def _m(note: str) -> str | None:
    """The M category as read ('M1', 'M0', None), or 'to confirm' when the M is left to confirm."""
    found = extract(NEW + note)
    if any(c.get("field") == "tumor.m" for c in found.to_confirm):
        return "to confirm"
    return found.facts.get("tumor", {}).get("m")


# --- F8: a "negative unless checked" grid reads every line up to its blank line, not only up to its first tick ----


def test_f8_every_line_after_a_ticked_line_is_still_negative() -> None:
    grid = ("ROS (all negative unless ticked):\nGeneral: [x] night sweats  [ ] fever\nMusculoskeletal: bone pain, "
            "back pain\nNeuro: headaches  focal weakness\n\nPlan: staging.")  # fmt: skip
    for symptom in ("bone_pain", "back_pain", "headache", "neurologic_deficit"):
        assert _read(grid, symptom) == "absent", symptom


def test_f8_round_boxes_and_lines_without_a_heading() -> None:
    grid = "Systems review - negative unless checked\n(x) fatigue   ( ) fever\nBack pain   bone pain\nSeizures\n\nPlan."
    for symptom in ("bone_pain", "back_pain", "seizure"):
        assert _read(grid, symptom) == "absent", symptom


def test_f8_a_line_of_metastases_after_a_ticked_line_is_no_m1() -> None:
    assert (
        _m("ROS (negative unless marked):\nCONST: [x] tired all the time\nMETS: bone mets, liver mets\n\nPlan.") != "M1"
    )


def test_f8_control_a_ticked_item_of_a_later_line_is_still_stated() -> None:
    grid = "ROS (negative unless marked):\nCONST: [x] fatigue\nMSK: [x] bone pain   [ ] back pain\n"
    grid += "Neuro: headache\n\nPlan."
    assert _read(grid, "bone_pain") == "stated"
    assert _read(grid, "headache") == "absent"
    assert _read(grid, "back_pain") == "absent"


def test_f8_control_the_grid_ends_at_its_blank_line() -> None:
    note = (
        "ROS (negative unless checked):\nGeneral: [x] fatigue\nMSK: back pain\n\nHPI: 3 weeks of bone pain in the hips."
    )
    assert _read(note, "bone_pain") == "stated"
    assert _read(note, "back_pain") == "absent"


# --- F7: a Y/N column row whose label holds a bracketed qualifier is answered like any other row -------------------


def test_f7_a_bracketed_qualifier_marked_under_no_denies_the_row() -> None:
    assert _m("STAGING CHECKLIST           Yes    No\nDistant metastases (lung, bone)       X\n") != "M1"
    note = "Symptoms                    Yes    No\nBack pain (thoracic/lumbar)           X\n"
    note += "Headache                              X\n"
    assert _read(note, "back_pain") == "absent"
    assert _read(note, "headache") == "absent"  # the table goes on past the bracketed row
    assert (
        _read("ROS                         Y      N\nBone pain [pelvis, femur]             X\n", "bone_pain")
        == "absent"
    )
    assert (
        _read("REVIEW                      Yes    No\nHeadaches (morning, with vomiting)   X\n", "headache") == "absent"
    )


def test_f7_control_a_bracketed_row_marked_under_yes_is_stated() -> None:
    assert _read("Symptoms                    Yes    No\nBone pain (hips)           X\n", "bone_pain") == "stated"
    assert _read("REVIEW                      Yes    No\nHeadache (early morning)   X\n", "headache") == "stated"


def test_f7_control_a_box_in_the_label_is_no_qualifier() -> None:
    # "[x]" or "( )" in the label is a box, not a qualifier: the row is not read as a column row (as before)
    assert (
        _read("Symptoms                    Yes    No\nBone pain [x]                         X\n", "bone_pain")
        == "stated"
    )


# --- F2: a "No" ticked under a question answers that question only, not a complaint told before it ---------------


def test_f2_a_complaint_told_in_a_sentence_before_the_question_stands() -> None:
    note = "INTAKE\nPain in both hips for a month, worse at night. Any falls since last visit?\n[x] No   [ ] Yes\nDone."
    assert _read(note, "bone_pain") == "stated"
    assert _read(
        "INTAKE\nHeadache every morning with nausea; do you drive?\n  [x] No (0)   [ ] Yes (1)\n", "headache"
    ) == ("stated")
    note = "INTAKE\nLow back pain waking her at night - any bladder problems?\n[x] No (0)   [ ] Yes (1)\n"
    assert _read(note, "back_pain") == "stated"


def test_f2_a_complaint_before_a_comma_is_left_to_confirm_never_denied() -> None:
    note = "INTAKE\nHeadaches on waking for 2 weeks, asked about smoking:\n[x] No (0)   [ ] Yes (1)\n"
    assert _read(note, "headache") == "to confirm"


def test_f2_controls_the_question_s_own_item_is_answered() -> None:
    assert _read("INTAKE\nAny new bone pain?\n[x] No (0)   [ ] Yes (1)\n", "bone_pain") == "absent"
    assert _read("INTAKE\nDoes the patient have new bone pain?\n[ ] No (0)   [x] Yes (1)\n", "bone_pain") == "stated"
    note = "INTAKE\nWalks daily. Any bone pain in the back or hips?\n[x] No (0)   [ ] Unsure (2)   [ ] Yes (1)\n"
    assert _read(note, "bone_pain") == "absent"


# --- F9: "Unsure" ticked after an unticked Yes/No pair leaves the item to confirm, never denied --------------------


def test_f9_an_unsure_answer_after_an_unticked_pair_is_left_to_confirm() -> None:
    assert _read("SCREEN\nAny new pain in the bones or back?\n[ ] Yes   [ ] No   [x] Unsure\nDone.", "bone_pain") == (
        "to confirm"
    )
    assert _read("SCREEN\nHeadaches worse in the morning?\n[ ] Yes  [ ] No  [x] Not sure\n", "headache") == "to confirm"
    assert _read("SCREEN\nAny weakness in the legs?\n  [ ] yes   [ ] no   [x] unknown\n", "neurologic_deficit") == (
        "to confirm"
    )


def test_f9_controls_a_ticked_yes_or_no_of_the_same_row() -> None:
    assert _read("SCREEN\nAny new bone pain?\n[ ] Yes   [x] No   [ ] Unsure\n", "bone_pain") == "absent"
    assert _read("SCREEN\nAny new bone pain?\n[x] Yes   [ ] No   [ ] Unsure\n", "bone_pain") == "stated"
    assert _read("Bone pain [ ] Yes [x] No\nHeadache  Yes [ ] No [x]\n", "bone_pain") == "absent"
    assert _read("Bone pain [ ] Yes [x] No\nHeadache  Yes [ ] No [x]\n", "headache") == "absent"


def test_f9_control_a_relative_s_row_stays_a_relative_s() -> None:
    note = "FAMILY HISTORY\nMother: bone metastases from breast cancer.\n"
    note += "Any new bone pain yourself?\n[ ] Yes [x] No [ ] Unsure\n"
    assert _m(note) != "M1"
    assert _read(note, "bone_pain") == "absent"


# --- F6: a box broken by OCR beside an intact ticked "No" still answers No -----------------------------------------


def test_f6_a_broken_yes_box_beside_a_ticked_no_denies_the_row() -> None:
    assert _m("Distant disease:  Yes [  No [x]\n") != "M1"
    assert _read("Lung pain:  Yes [  No [x]\nBack pain:  Yes ]  No [x]\n", "back_pain") == "absent"
    assert _read("Headaches   Yes [    No [X]\n", "headache") == "absent"


def test_f6_controls_intact_boxes_read_as_before() -> None:
    assert _read("Bone pain:  Yes [x]  No [ ]\n", "bone_pain") == "stated"
    assert _read("Bone pain:  Yes [ ]  No [x]\n", "bone_pain") == "absent"
    assert _read("Bone pain   Yes [ ]   No [x\n", "bone_pain") == "to confirm"  # the ticked box itself broken


def test_f6_a_metastasis_row_whose_ticked_box_is_broken_is_left_to_confirm() -> None:
    assert _m("Liver metastases   Yes [ ]   No [x\n") == "to confirm"
    assert _m("Brain mets   Y [ ]   N [x\n") == "to confirm"
    assert _m("Osseous metastases     Yes [ ]     No [X\n") == "to confirm"


def test_f6_controls_a_metastasis_row_with_intact_boxes() -> None:
    assert _m("Liver metastases   Yes [x]   No [ ]\n") == "M1"
    assert _m("Liver metastases   Yes [ ]   No [x]\n") != "M1"
    assert _m("Family history: sister with liver metastases.\n") != "M1"
