"""Round 31a (notes v32, part dc): forms and check-box answers.

1. Answers written after the symptom in a form's layout: a minus in columns of items ("wt loss -     fevers -"), a sign
   spaced inside its brackets ("bone pain ( - )"), a minus leading a short item in a line that leads items with both
   signs ("+ cough ~2 mo. - bone pain. - HA."), the option's own letter under a Y / N header with a placeholder in the
   other cell ("Cough > 3 weeks?      .    N"). A minus answers no; a plus or a Y keeps the symptom.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes, symptoms_to_confirm, tumor

NEW = "62F, newly diagnosed R breast IDC 1.6 cm, grade 2, ER+ PR+ HER2-, cN0. Staging question below.\n\n"


# --- 1a. a minus after each item, in columns set apart by wide gaps (v32 dc-011, in other words) -----------------

COLUMNS_ALL_NO = [
    "ROS:\n  weight loss -      fever -       chills -\n  headache -         cough -       dyspnea -\n  bone pain -\n",
    "Systems review (+/-)\n   bone pain -    back pain -    SOB -\n   HA -    cough -\n",
    "Symptoms:\n\tcough -\t\twt loss -\n\tbone pain -\t\tabd pain -\n",
]


@pytest.mark.parametrize("grid", COLUMNS_ALL_NO)
def test_a_minus_after_each_item_in_columns_denies_every_item(grid: str) -> None:
    note = NEW + grid + "Plan: surgery first.\n"
    assert symptom_codes(note) == set()
    assert symptoms_to_confirm(note) == set()


def test_a_plus_in_the_columns_keeps_its_item_and_the_minus_beside_it_denies_its_own() -> None:
    note = NEW + "ROS:\n  fever -      chills -     weight loss -\n  cough +      dyspnea -    chest pain -\n"
    note += "  headache -   bone pain +  back pain -\n"
    assert symptom_codes(note) == {"cough", "bone_pain"}


def test_a_minus_on_its_own_line_under_a_plus_row_with_a_denial_in_brackets_still_denies() -> None:
    # the bracket's "no" on the line above must not undo the layout's own answer on the next line
    note = NEW + "ROS (+/-):\n  wt loss -     fevers -\n  back pain +   (no bladder or bowel sx)\n  bone pain -\n"
    note += "  HA -     weakness -\n"
    assert "bone_pain" not in symptom_codes(note)
    assert "back_pain" in symptom_codes(note)


def test_control_a_dash_in_prose_between_two_wide_gaps_is_no_answer() -> None:
    note = NEW + "HPI: new bone pain -   worse at night, wakes her.\n"
    assert "bone_pain" in symptom_codes(note)


# --- 1b. a sign spaced inside its brackets (v32 dc-050) ----------------------------------------------------------


@pytest.mark.parametrize(
    "row",
    [
        "Symptoms:  back pain ( - )   dyspnea ( - )   weight loss ( - )",
        "Review: cough ( − )  |  bone pain ( – )  |  headache ( - )",
        "ROS  bone pain ( - )\n     SOB ( - )\n     wt loss ( - )",
    ],
)
def test_a_spaced_minus_in_brackets_denies_its_item(row: str) -> None:
    note = NEW + row + "\n"
    assert symptom_codes(note) == set()


def test_a_spaced_plus_in_brackets_keeps_its_item() -> None:
    note = NEW + "Symptoms:  bone pain ( + ) R hip, wakes her   cough ( - )   headache ( - )\n"
    assert symptom_codes(note) == {"bone_pain"}


# --- 1c. a minus leading a short item, in a line leading items with both signs (v32 dc-022) -----------------------


@pytest.mark.parametrize(
    ("line", "kept", "denied"),
    [
        ("ROS: + productive cough x 6 wk. - bone pain. - headache. - weight loss.", "cough", "bone_pain"),
        ("Review of systems: + new low back pain, worse at night. - SOB. - bone pain.", "back_pain", "dyspnea"),
        ("ROS: - cough; + unintentional weight loss 5 kg; - bone pain", "weight_loss", "bone_pain"),
    ],
)
def test_a_minus_leading_its_item_denies_it_and_a_plus_keeps_its_own(line: str, kept: str, denied: str) -> None:
    codes = symptom_codes(NEW + line + "\n")
    assert kept in codes
    assert denied not in codes


def test_control_dashes_as_bullets_state_their_items() -> None:
    note = NEW + "Complaints:\n- new bone pain in the left hip\n- cough for 2 months\n"
    assert {"bone_pain", "cough"} <= symptom_codes(note)


def test_control_a_line_of_minus_bullets_alone_is_not_read_as_answers() -> None:
    note = NEW + "Presenting problems: - new bone pain in L hip. - persistent cough.\n"
    assert {"bone_pain", "cough"} <= symptom_codes(note)


def test_control_a_led_minus_never_denies_a_study() -> None:
    note = NEW + "A/P: + bone pain R femur, new. - bone scan. - CT CAP.\n"
    assert "bone_pain" in symptom_codes(note)


# --- 1d. the option's letter under a Y / N header, a placeholder in the other cell (v32 dc-015) -----------------

LETTER_FORM = (
    "PRE-CLINIC CHECKLIST                      Y    N\n"
    "Losing weight without trying?              .    N\n"
    "Any bone pain?                             {bone}\n"
    "A cough that won't settle?                 .    N\n"
    "Headaches that are new?                    -    N\n"
)


def test_letters_under_their_columns_deny_the_no_rows() -> None:
    note = NEW + LETTER_FORM.format(bone=".    N")
    assert symptom_codes(note) == set()
    assert symptoms_to_confirm(note) == set()


def test_a_y_under_its_column_keeps_the_row_with_its_comment() -> None:
    note = NEW + LETTER_FORM.format(bone='Y    .    "R hip since Oct, wakes her"')
    assert symptom_codes(note) == {"bone_pain"}


def test_a_letter_under_the_wrong_column_is_not_read_as_an_answer() -> None:
    # "N" written under the Y column: the row cannot be read, and it must not be denied
    note = NEW + LETTER_FORM.format(bone="N    .")
    assert "bone_pain" not in symptom_codes(note)
    assert "bone_pain" in symptoms_to_confirm(note)
    assert "cough" not in symptom_codes(note)  # the rows after it are still read


def test_control_a_relative_row_in_a_letter_form_stays_the_relatives() -> None:
    note = NEW + "FAMILY HISTORY                   Y    N\nMother: bone pain from mets      Y    .\n"
    assert "bone_pain" not in symptom_codes(note)


# --- 2. a heading, a list's label or a screening question about metastasis is never a metastasis (dc-010, dc-047) --

CHECKLIST = (
    "STAGING CHECKLIST\nPt: 61 yo F\nHistology: IDC   Grade: 2\nER: pos   PR: pos   HER2: neg\n"
    "Size: 2.2 cm (US)   cT2   cN0\n"
)
STAGED = CHECKLIST


# each of these read M1 before round 31a
@pytest.mark.parametrize(
    "label",
    [
        "Sx of metastases:  bone pain N   HA N   SOB N\n",
        "Red flags for metastatic disease:\n   bone pain ........ ✗\n   ALP raised ....... ✗\n",
        "Features of metastasis:   bone pain N   HA N\n",
        "Features of bone mets:   bone pain ..... x\n",
    ],
)
def test_a_label_or_question_about_metastasis_is_no_m1(label: str) -> None:
    note = CHECKLIST + label + "Plan: [x] CT C/A/P\n"
    assert tumor(note).get("m") != "M1"


def test_control_proven_distant_disease_is_still_m1() -> None:
    note = STAGED + "Liver biopsy: metastatic carcinoma, consistent with breast primary.\n"
    assert tumor(note).get("m") == "M1"


def test_control_a_proven_metastasis_under_a_label_of_signs_is_still_m1() -> None:
    # the label's words end in no colon here: the proven finding after them stands
    note = STAGED + "Signs of metastasis on liver core biopsy (segment 7): metastatic carcinoma, breast primary.\n"
    assert tumor(note).get("m") == "M1"


def test_control_a_label_of_known_metastatic_sites_still_states_them() -> None:
    note = (
        STAGED.replace("cT2 cN0", "cT2 cN1")
        + "Bone biopsy T9: metastatic ductal carcinoma, ER+.\nSites of mets: bone.\n"
    )
    assert tumor(note).get("m") == "M1"


# --- 3a. a filled radio button answers its row (v32 dc-021) -----------------------------------------------------

RADIO = NEW + "PATIENT QUESTIONNAIRE\nIn the past 3 months:\n{rows}\nReviewed with the patient.\n"


@pytest.mark.parametrize(
    ("row", "code"),
    [
        ("  Persistent cough?                (•) No   ( ) Yes", "cough"),
        ("  New pain in your back?           ( ) Yes   (•) No", "back_pain"),
        ("  Headaches that are new?          (●) No   ( ) Yes", "headache"),
    ],
)
def test_a_filled_radio_button_on_no_denies_the_row(row: str, code: str) -> None:
    note = RADIO.format(rows=row)
    assert code not in symptom_codes(note)
    assert code not in symptoms_to_confirm(note)


@pytest.mark.parametrize(
    ("row", "code"),
    [
        ("  Persistent cough?                ( ) No   (•) Yes  since August, dry", "cough"),
        ("  Losing weight without trying?    (•) Yes  ( ) No   about 6 kg", "weight_loss"),
        ("  New back pain?                   ( ) No   (●) Yes", "back_pain"),
    ],
)
def test_a_filled_radio_button_on_yes_keeps_the_row(row: str, code: str) -> None:
    assert code in symptom_codes(RADIO.format(rows=row))


def test_control_a_bullet_in_prose_is_no_box() -> None:
    note = NEW + "Complaints:\n• new bone pain R hip, wakes her at night\n• no cough\n"
    assert "bone_pain" in symptom_codes(note)
    assert "cough" not in symptom_codes(note)


# --- 3b. a smart-phrase's placeholder answers nothing (v32 dc-006) ------------------------------------------------


@pytest.mark.parametrize(
    "prose",
    [
        "She reports headaches: ***. Cough: ***.",
        "Back pain: ***. Appetite good.",
        "Patient endorses bone pain: {Blank:bone pain}. Weight loss: ***.",
    ],
)
def test_a_placeholder_in_prose_neither_states_nor_denies_the_symptom(prose: str) -> None:
    note = NEW + "HPI: " + prose + "\nA/P: early-stage cancer, surgery referral.\n"
    assert symptom_codes(note) == set()
    assert symptoms_to_confirm(note)  # left to confirm: nobody answered


def test_control_a_filled_answer_after_a_placeholder_is_still_read() -> None:
    note = NEW + "HPI: Cough: ***. Bone pain: yes, L hip, new, wakes her at night.\n"
    assert "bone_pain" in symptom_codes(note)
    assert "cough" not in symptom_codes(note)


def test_control_a_denied_symptom_beside_a_placeholder_stays_denied() -> None:
    note = NEW + "HPI: Headache: ***. She denies bone pain.\n"
    assert "bone_pain" not in symptom_codes(note)
    assert "bone_pain" not in symptoms_to_confirm(note)


# --- 4. a grid row whose long label leaves one blank before its answer, aligned under its neighbours' (dc-048) ----


def _table(title: str, rows: list[tuple[str, str]]) -> str:
    """Rows whose answers start at one column: the longest label is followed by a single blank."""
    width = max(len(label) for label, _ in rows) + 1
    return title + "\n" + "".join(f"  {label.ljust(width)}{answer}\n" for label, answer in rows)


@pytest.mark.parametrize(
    "grid",
    [
        _table("ROS:", [("Fever", "No"), ("Pain in hip or spine", "No"), ("Cough", "No")]),
        _table("Screen   Y/N", [("Weight loss", "N"), ("Headaches", "N"), ("Shortness of breath", "N")]),
        _table("Review", [("Bone pain", "no"), ("Unintended wt loss", "no")]),
    ],
)
def test_an_aligned_no_after_a_single_blank_denies_the_row(grid: str) -> None:
    note = NEW + grid
    assert symptom_codes(note) == set()
    assert symptoms_to_confirm(note) == set()


def test_an_aligned_yes_after_a_single_blank_keeps_the_row() -> None:
    note = NEW + "ROS:\n  Fever               No\n  Shortness of breath Yes\n  Cough               No\n"
    assert symptom_codes(note) == {"dyspnea"}


def test_control_prose_ending_in_a_bare_no_under_a_table_is_not_a_row() -> None:
    # not aligned with the answers above: the prose line keeps its own reading (the new cough stands)
    note = NEW + "ROS:\n  Fever               No\n  Chills              No\nNew cough since May, worse at night, no\n"
    assert "cough" in symptom_codes(note) | symptoms_to_confirm(note)


# --- 5. a receptor's status as a sign in square brackets on a referral form (dc-050's abstention) ----------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Receptors:  ER [+]   PR [-]   HER2 [-]", ("positive", "negative", "negative")),
        ("ER [-]  PR [-]  HER2 [+]", ("negative", "negative", "positive")),
        ("Hormone receptors: ER [+] / PR [+]; HER2 [neg]", ("positive", "positive", "negative")),
    ],
)
def test_a_receptor_sign_in_square_brackets_is_its_status(line: str, expected: tuple[str, str, str]) -> None:
    t = tumor("REFERRAL FORM\n61 yo F, L breast IDC 1.2 cm, grade 1\n" + line + "\n")
    assert (t.get("er"), t.get("pr"), t.get("her2")) == expected


def test_control_a_bracketed_minus_after_a_symptom_is_still_a_box_answer_not_a_status() -> None:
    note = NEW + "Symptoms: [-] bone pain   [-] cough\n"
    assert "bone_pain" not in symptom_codes(note)
    assert tumor(note).get("er") == "positive"  # the note's own ER+ is unchanged


# --- 6. a history form's Self / Family columns: a row ticked for the family only is the relative's (dc-030) ---------


def _history(rows: str) -> str:
    return NEW + "HEALTH HISTORY                     Patient    Family (relation)\n" + rows + "\nSigned by patient.\n"


@pytest.mark.parametrize(
    "row",
    [
        "Back pain / disc problems          [ ]        [x] father",
        "Chronic cough                      [ ]        [X] sister (asthma)",
        "Headaches / migraine               [ ]        [✓] mother",
    ],
)
def test_a_row_ticked_for_the_family_only_is_no_symptom_of_the_patient(row: str) -> None:
    note = _history(row)
    assert symptom_codes(note) == set()
    assert symptoms_to_confirm(note) == set()


def test_control_a_row_ticked_for_the_patient_keeps_her_symptom() -> None:
    note = _history("Bone pain                          [x]        [ ]   R hip since June, wakes her")
    assert "bone_pain" in symptom_codes(note) | symptoms_to_confirm(note)


def test_control_a_row_ticked_for_both_is_not_set_aside_as_the_familys() -> None:
    note = _history("Bone pain                          [x]        [x] mother")
    assert "bone_pain" in symptom_codes(note) | symptoms_to_confirm(note)
