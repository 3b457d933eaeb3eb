"""Round 28: the classes the first reading of the v28 blind notes (patients' own forms and families, the payer side,
cancer timelines) showed, each in other wordings than the notes': a denial right after a question ("Can you order
me a scan? No numbness in my legs." had lost its negation to the question's answer cue); a paper form's Y/N circled;
a PRO-CTCAE interference answered "Not at all"; a nought in a comma-separated row of scores; distant disease
suspected, told after it; distant disease a study may find ("unsuspected"); a distant organ's biopsy with a date or a
level after its name ("Liver biopsy 11/2: metastatic carcinoma" had read as nothing).
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, symptoms_to_confirm, tumor

HEADER = "63F, L breast IDC 2020, lumpectomy + RT, anastrozole, surveillance.\n"
NEW_DX = "58F new dx left breast IDC 1.6 cm, cN0, ER+/PR+/HER2-, grade 2.\n"


def _all(note: str) -> set[str]:
    return symptom_codes(HEADER + note) | symptoms_to_confirm(HEADER + note)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Could you send me for a scan? No weakness or tingling in my arms.", "neurologic_deficit"),
        ("Should I be worried? No headaches at all.", "headache"),
        ("Is that normal after surgery? No cough, no breathlessness.", "cough"),
        ("What do you think? Denies bone pain.", "bone_pain"),
    ],
)
def test_a_denial_right_after_a_question_still_denies(text: str, code: str) -> None:
    assert code not in symptom_codes(HEADER + text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Bone pain? No, but a new cough for 3 weeks.", "cough"),
        ("Any questions? None. New headaches every morning for 2 weeks.", "headache"),
    ],
)
def test_a_question_answered_no_does_not_reach_the_next_clause(text: str, code: str) -> None:
    assert code in symptom_codes(HEADER + text)


def test_a_question_answered_no_still_denies_what_it_asked() -> None:
    for text in ("Any bone pain? No.", "Headaches? none", "Cough? Denies."):
        assert not _all(text) & {"bone_pain", "headache", "cough"}, text


@pytest.mark.parametrize(
    "form",
    [
        "Please circle:\n  Cough ............ Y   (N)\n  Headaches ........ Y  (N)\n",
        "Please circle one:\n  Cough  (N) / Y\n  Headaches  Y / (N)\n",
        "Circle your answer\nCough   Yes  (No)\nHeadaches   (No)  Yes\n",
    ],
)
def test_a_form_circled_no_is_a_denial(form: str) -> None:
    assert not _all(form) & {"cough", "headache"}


def test_a_form_circled_yes_stands_and_two_circles_do_not_deny() -> None:
    assert "cough" in symptom_codes(HEADER + "Please circle:\n  Cough ............ (Y)  N\n  Fatigue ........ Y  (N)\n")
    assert "headache" in _all("Please circle:\n  Headaches ........ (Y) (N)\n")


@pytest.mark.parametrize(
    "row",
    [
        "PRO-CTCAE, past 7 days:\n  Shortness of breath - interference    Not at all\n  Fatigue - severity    Mild\n",
        "Symptom survey:\n  Pain - interference with daily activities    Not at all\n",
    ],
)
def test_a_pro_ctcae_interference_answered_not_at_all_is_absent(row: str) -> None:
    assert not _all(row) & {"dyspnea", "bone_pain", "back_pain"}


@pytest.mark.parametrize(
    ("row", "absent"),
    [
        ("ESAS-r this morning: tiredness 5, drowsiness 2, shortness of breath 0, appetite 6.", "dyspnea"),
        ("Scores today - nausea 2, headache 0, depression 3", "headache"),
    ],
)
def test_a_nought_in_a_comma_separated_row_of_scores_is_absent(row: str, absent: str) -> None:
    assert absent not in _all(row)


def test_a_score_above_nought_in_the_same_row_still_stands() -> None:
    assert "dyspnea" in _all("ESAS-r: pain 0, shortness of breath 7, appetite 6.")


@pytest.mark.parametrize(
    "line",
    [
        "Impression: new seizure; brain metastases strongly suspected.",
        "US abdomen: several hypoechoic liver lesions, metastases suspected on imaging.",
        "Bone mets are clinically suspected (rib pain); bone scan requested.",
    ],
)
def test_distant_disease_suspected_told_after_it_is_not_m1(line: str) -> None:
    assert tumor(NEW_DX + line).get("m") != "M1"
    assert decide_note(NEW_DX + line)["systemic_imaging"] != "not_recommended"


def test_distant_disease_a_study_may_find_is_not_m1() -> None:
    for line in (
        "PET/CT helps most with unsuspected distant disease in stage III.",
        "The aim is to find undetected metastases before surgery.",
    ):
        assert tumor(NEW_DX + line).get("m") != "M1", line


@pytest.mark.parametrize(
    "line",
    [
        "Liver biopsy 11/2: metastatic carcinoma, breast primary.",  # a date after the biopsy (was read as no finding)
        "Bone biopsy L2: metastatic lobular carcinoma, ER+.",  # a level after it
        "CT-guided core showed metastatic adenocarcinoma in the liver.",  # the organ after the carcinoma
    ],
)
def test_a_distant_biopsy_read_as_metastatic_carcinoma_is_m1(line: str) -> None:
    assert tumor(NEW_DX + line).get("m") == "M1"


@pytest.mark.parametrize(
    "line",
    [
        "Axillary node FNA 11/2: metastatic carcinoma.",
        "Liver biopsy 11/2: no metastatic carcinoma seen.",
        "If the bone biopsy L2 shows metastatic carcinoma, start letrozole and denosumab.",
    ],
)
def test_a_regional_negative_or_hypothetical_biopsy_is_not_m1(line: str) -> None:
    assert tumor(NEW_DX + line).get("m") != "M1"


FORM = (
    "Symptom checklist:\n"
    " Headache .............. [X] Y  [ ] N   -> see comment\n"
    " Vision change ......... [ ] Y  [X] N\n"
    " Focal weakness/numbness [ ] Y  [X] N\n"
    "Comment: {comment}\n"
)


def test_a_row_pointing_to_its_comment_is_explained_by_it() -> None:
    note = NEW_DX + FORM.format(comment="lifelong migraines, same pattern as always, sumatriptan helps.")
    assert "headache" not in symptom_codes(note)


@pytest.mark.parametrize(
    "comment",
    [
        "lifelong migraines, but these are new and worse in the mornings.",  # a warning in the comment
        "she fell last week and hit her head.",  # no illness that gives the headache, no stable word
    ],
)
def test_a_pointed_comment_with_a_warning_or_without_an_illness_leaves_the_row(comment: str) -> None:
    note = NEW_DX + FORM.format(comment=comment)
    assert "headache" in symptom_codes(note) | symptoms_to_confirm(note)


def test_without_a_pointer_a_comment_rows_below_is_not_the_rows() -> None:
    note = NEW_DX + FORM.format(comment="lifelong migraines, same pattern.").replace("   -> see comment", "")
    assert "headache" in symptom_codes(note) | symptoms_to_confirm(note)
