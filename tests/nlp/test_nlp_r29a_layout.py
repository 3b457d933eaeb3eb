"""Round 29a: layout and machine-made text (blind notes v30).

1. A Yes/No pair with one box only, in brackets after the option it marks ("Bone pain  Y / N(X)", "Cough  Y(X) / N"):
   the marked option answers the row's label; No (or nothing) ticked negates it (v30 ma-050 raised three red flags
   from a form that answered No).
2. A Yes/No pair that opens its row answers the label after it, past the table's gap, as a whole ("Y ☐ N ☒  Cough /
   SOB"): the pairs with the option before the box had answered the row above, and the last row was left unread
   (v30 mc-040 raised cough and dyspnea from a row answered No).
3. A review answered on one line, "Yes: ... | No: ...": a negative heading after a bar or a semicolon, or after a
   positive heading on its line, denies its list up to the line's end, the next heading, a bar, a sentence's end or a
   word that opens a statement ("but"); the positive list stands (v30 mc-025 raised four denied red flags).
4. A word split over two lines by a hyphen (OCR, "Denies bone pain, cough, ab-\ndominal pain, wt loss") is one word:
   the denial reaches past the break, and the split is no trailing "-" answer (v30 mc-035 raised weight loss).
5. (Coverage) OCR's letter-for-digit swaps in a faxed lab sheet are undone only where unambiguous ("40-1l5",
   "1O-40", "ALK PH0SPHATASE", "BlLlRUBIN"), and "AST (SGOT)" names AST (v30 mc-011 read no liver test).
6. (Coverage) A lab table drawn with bars ("| ALP | 310 | 35-105 U/L |") is read as one with blanks (v30 mb-021).
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts, symptom_codes, symptoms_to_confirm, tumor
from rightscan.adapters.text import extract

HEADER = "68F, L breast IDC 2018, lumpectomy + RT, on letrozole, routine surveillance visit.\n"


# ---------------------------------------------------------------- 1. one box for a Y/N pair
@pytest.mark.parametrize(
    "row",
    [
        "Symptoms today:\n  Bone pain  Y / N(X)     Headache  Y / N(X)     Cough  Y / N(X)",
        "Back pain   Yes / No (x)      Weight loss   Yes / No (x)",
        "ROS: Bone pain Y/N[X]   Dyspnea Y/N[X]   Headache Y/N[X]",
        "Headache: Y / N(x)  Cough: Y / N(x)  Bone pain: Y / N(x)",
    ],
)
def test_one_box_on_the_no_option_negates_each_row(row: str) -> None:
    text = HEADER + row
    assert not symptom_codes(text) & {"bone_pain", "headache", "cough", "back_pain", "weight_loss", "dyspnea"}
    assert not symptoms_to_confirm(text)


@pytest.mark.parametrize(
    ("row", "code"),
    [
        ("Bone pain  Y(X) / N     Headache  Y / N(X)", "bone_pain"),
        ("Headache  Y / N(X)     Persistent cough  Yes (x) / No", "cough"),
        ("Wt loss Y[x]/N   Bone pain Y/N[x]", "weight_loss"),
    ],
)
def test_one_box_on_the_yes_option_keeps_its_row_and_only_it(row: str, code: str) -> None:
    assert symptom_codes(HEADER + row) == {code}


def test_two_boxes_after_their_options_still_read_as_before() -> None:
    # the control: the pair with both boxes (pair_after) is not taken over by the one-box reading
    text = HEADER + "Bone pain Y( ) N(x)   Cough Y( ) N(x)   Headache Y(x) N( )"
    assert symptom_codes(text) == {"headache"}


def test_a_slash_between_two_items_without_a_box_is_no_answer() -> None:
    # "Y/N" with no box at all is a form's unanswered prompt, not a No: the mention of the patient's words stands
    text = HEADER + "Bone pain Y/N - pt says new ache in L hip x 3 wks, worse at night"
    assert "bone_pain" in symptom_codes(text) | symptoms_to_confirm(text)


# ---------------------------------------------------------------- 2. a pair that opens its row, the label after it
@pytest.mark.parametrize(
    "rows",
    [
        "Review of systems:\n[ ] Y [x] N    Cough & SOB\n[ ] Y [x] N    Bone / joint pain\n[x] Y [ ] N    Fatigue",
        "ROS\n Y ☐ N ☒  Headache + vomiting\n Y ☐ N ☒  Cough and dyspnea\n Y ☒ N ☐  Hot flashes",
        "1. Yes [ ] No [x]   Bone pain / back pain\n2. Yes [ ] No [x]   Wt loss & night sweats",
        "Symptoms:\n  Y / N(X)   Bone pain or back pain\n  Y / N(X)   Cough / SOB",
    ],
)
def test_a_pair_opening_its_row_answers_the_whole_label_after_it(rows: str) -> None:
    text = HEADER + rows
    assert symptom_codes(text) == set()
    assert not symptoms_to_confirm(text)


def test_the_rows_answer_their_own_labels_not_the_row_above() -> None:
    # the last row was left unread and each answer given to the row above it (v30 mc-040): Yes on the last row only
    text = HEADER + "Symptom review (Y / N):\n Y ☐ N ☒  Headache\n Y ☐ N ☒  Bone pain\n Y ☒ N ☐  Cough / SOB"
    assert symptom_codes(text) == {"cough", "dyspnea"}
    text = HEADER + "Symptom review (Y / N):\n Y ☒ N ☐  Headache\n Y ☐ N ☒  Bone pain\n Y ☐ N ☒  Cough / SOB"
    assert symptom_codes(text) == {"headache"}


def test_a_row_answered_yes_keeps_its_explanation_and_a_relative_stays_a_relative() -> None:
    # controls: an explained Yes (chronic, with its cause) raises nothing; a relative's illness in a No row neither
    text = HEADER + " Y ☐ N ☒  Headache\n Y ☒ N ☐  Back pain / stiffness -- chronic, OA of spine, unchanged 10 yrs"
    assert symptom_codes(text) == set()
    text = HEADER + " Y ☐ N ☒  Headache\n Y ☐ N ☒  Cough / SOB -- mother had lung mets"
    assert symptom_codes(text) == set()


# ---------------------------------------------------------------- 3. a one-line review: "Yes: ... | No: ..."
@pytest.mark.parametrize(
    ("line", "stated"),
    [
        ("ROS -- Yes: cough x 6 wks, fatigue | No: fever, night sweats, bone pain, headache, dyspnea", {"cough"}),
        ("Systems reviewed. Yes: hot flashes | No: chills, back pain, headache, SOB, jaundice, abdominal pain", set()),
        ("ROS: Pos: fatigue; Neg: bone pain, headache, cough, SOB, abd pain", set()),
        ("ROS Yes: joint stiffness   No: bone pain, headache, dyspnea, abdominal pain", set()),
        ("Sx: hot flashes, insomnia; Denies: bone pain, cough, headache, abd pain", set()),
    ],
)
def test_an_inline_negative_heading_denies_its_list_and_the_positive_list_stands(line: str, stated: set[str]) -> None:
    text = HEADER + line
    assert symptom_codes(text) == stated
    assert not symptoms_to_confirm(text) - stated


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("ROS -- Yes: fatigue | No: fever, bone pain | Yes: new headache x 3 wks, worse mornings", "headache"),
        ("ROS -- Yes: fatigue | No: fever, chills, but has new bone pain in L hip x 4 wks", "bone_pain"),
        ("ROS -- Yes: fatigue | No: fever, chills. Pt reports bone pain in L hip x 4 wks.", "bone_pain"),
        ("Smoking: No | Headache: yes, new, daily x 3 wks", "headache"),
    ],
)
def test_the_denied_list_ends_at_the_next_yes_a_but_a_sentence_or_an_answer(line: str, code: str) -> None:
    assert code in symptom_codes(HEADER + line)


def test_a_relatives_illness_after_an_inline_denial_stays_a_relatives() -> None:
    # control: the family row is neither stated for the patient nor denied into something else
    text = HEADER + "ROS -- Yes: fatigue | No: fever | Family hx: sister with bone mets"
    assert symptom_codes(text) == set()
    assert facts(text).get("tumor", {}).get("m") != "M1"


# ---------------------------------------------------------------- 4. a word split over two lines by a hyphen
@pytest.mark.parametrize(
    "text",
    [
        "Seen today for routine follow up. Denies headache, cough, bone pain, ab-\ndominal pain or weight loss. Well.",
        "ROS negative for fever, chills, shortness of breath, sweats, head-\naches, bone pain, jaundice, wt loss.",
        "Patient reports no new symptoms: no bone pain, no persistent dry cough, no ab-\ndominal pain, no weight loss.",
        "Today: no complaints. Denies bone pain, cough, short-\nness of breath, wt loss. Chronic L knee OA.",
    ],
)
def test_a_denial_reaches_across_a_word_split_over_two_lines(text: str) -> None:
    assert symptom_codes(HEADER + text) == set()
    assert not symptoms_to_confirm(HEADER + text)


def test_the_split_word_is_read_as_one_word_with_its_evidence_on_the_note() -> None:
    text = HEADER + "Pt presents with new low back pain x 6 weeks, worse at night, and ab-\ndominal pain since May."
    assert {"abdominal_pain", "back_pain"} <= symptom_codes(text)
    found = extract(text).to_dict()
    spans = [text[e["start"] : e["end"]] for e in found["evidence"] if e["value"] == "abdominal_pain"]
    assert spans == ["ab-\ndominal pain"]


def test_a_split_metastatic_is_read_and_a_relative_stays_a_relative() -> None:
    text = HEADER + "CT chest 2/2025 for new cough: multiple new lung nodules, suspicious for metas-\ntatic disease.\n"
    assert tumor(text).get("m") != "M0"
    # controls: a relative's story split over lines stays hers; a compound's hyphen keeps its words apart
    text = HEADER + "Her mother was diagnosed with metastatic breast cancer and had ab-\ndominal pain and bone pain."
    assert symptom_codes(text) == set()
    text = HEADER + "Pathology 2018: grade 2, well-\ndifferentiated areas; margins clear. No bone pain, no headache."
    assert symptom_codes(text) == set()


# ---------------------------------------------------------------- 5. OCR's letter-for-digit swaps in a lab sheet
def _labs(text: str) -> dict[str, dict[str, float]]:
    return facts(HEADER + text).get("labs", {})


@pytest.mark.parametrize(
    ("row", "code", "value", "uln"),
    [
        ("ALK PH0SPHATASE      2l4      H      40-1l5        U/L", "alkaline_phosphatase", 214.0, 115.0),
        ("AST (SG0T)           1O8      H      1O-40         U/L", "ast", 108.0, 40.0),
        ("ALT (SGPT)           l02      H      7-45          U/L", "alt", None, None),
        ("ALT (SGPT)           9l       H      7-45          U/L", "alt", None, None),
        ("BlLlRUBIN, TOTAL     2.3      H      0.2-1.2       mg/dL", "bilirubin", 2.3, 1.2),
    ],
)
def test_an_ocr_lab_row_is_read_where_the_swap_is_unambiguous(
    row: str, code: str, value: float | None, uln: float | None
) -> None:
    labs = _labs("LAB0RATORY (scanned)\nCHEMISTRY            Result   Flag   Reference     Units\n" + row + "\n")
    if value is None:  # "l02", "9l": a letter not between two digits may be a 1 or nothing; no value is read
        assert code not in labs
    else:
        assert labs.get(code) == {"value": value, "uln": uln}


def test_a_tnm_run_and_gene_names_keep_their_digits() -> None:
    # controls: the swaps never touch a TNM run, a gene's name or a receptor's 0
    text = (
        HEADER.replace("68F, L breast IDC 2018", "68F, new L breast IDC") + "Stage: cT2N0M0. BRCA1 neg. ER 0%, PR 0%."
    )
    found = facts(text).get("tumor", {})
    assert found.get("n") == "N0" and found.get("er") == "negative"


# ---------------------------------------------------------------- 6. a lab table drawn with bars
@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            " | test | result | ref range |\n | ALP  | 287    | 35-104 U/L |\n | AST  | 61     | 0-32 U/L |",
            {"alkaline_phosphatase": {"value": 287.0, "uln": 104.0}, "ast": {"value": 61.0, "uln": 32.0}},
        ),
        (
            "|Alk phos|142|40-129|\n|Total bilirubin|0.6|0.1-1.2|",
            {"alkaline_phosphatase": {"value": 142.0, "uln": 129.0}, "bilirubin": {"value": 0.6, "uln": 1.2}},
        ),
        ("| ALT (U/L) | 19 | 7-35 |", {"alt": {"value": 19.0, "uln": 35.0}}),
    ],
)
def test_a_lab_row_with_bars_between_its_cells_is_read(rows: str, expected: dict[str, dict[str, float]]) -> None:
    labs = _labs("Labs 11/02:\n" + rows + "\n")
    assert {k: labs.get(k) for k in expected} == expected
