"""Round 14d: only the current primary invasive tumour's size becomes ``tumor.size_cm``.

Classes: a size whose clause grades the finding benign or probably benign; the extent of the in-situ component; the
size of a cancer of another organ; a resected specimen's dimensions; a staging statement that names the study (or
stands in the aside of one size) in a sentence that gives several; a clinic letter's diagnosis line before surgery.
Every note here is written for this file (none is copied from a blind set); each class has positives in different
words and a control where the rule must not act.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, tumor

NEW = "58F, new L breast IDC on core biopsy, grade 2, ER+ PR+ HER2-. "


def conflicts(note: str) -> set[str]:
    from rightscan.adapters.text import extract

    return {c["field"] for c in extract(note).conflicts}


# ------------------------------------------------------------------ a finding graded benign is not the cancer
@pytest.mark.parametrize(
    ("note", "size"),
    [
        (
            NEW
            + "MRI: 2.4 cm index mass. Also a 7 mm contralateral enhancing focus, BI-RADS 3, short-interval follow-up.",
            2.4,
        ),
        (
            NEW + "US: 1.7 cm irregular mass at 10:00. An 11 mm oval lesion at 4:00 looks probably benign, left alone.",
            1.7,
        ),
        (NEW + "Mammogram 3.1 cm spiculated mass; 9 mm circumscribed nodule R breast, benign-appearing.", 3.1),
    ],
)
def test_a_size_the_note_grades_benign_gives_way(note: str, size: float) -> None:
    assert tumor(note).get("size_cm") == size


def test_a_second_lesion_called_suspicious_still_competes() -> None:
    # control: a BI-RADS 4 finding may be more cancer; the two sizes stay a conflict, never settled
    note = NEW + "MRI: 2.4 cm index mass. Also a 1.1 cm second mass, BI-RADS 4, biopsy advised."
    assert "size_cm" not in tumor(note)
    assert "tumor.size_cm" in conflicts(note)


# ------------------------------------------------------------------ the extent of DCIS is not T
@pytest.mark.parametrize(
    ("note", "size"),
    [
        (
            "Final path, R lumpectomy: IDC grade 2, invasive size 1.2 cm; adjacent DCIS, intermediate nuclear grade "
            "with central necrosis, measured 3.4 cm. pT1c pN0.",
            1.2,
        ),
        (
            "Excision: ductal carcinoma in situ, high grade, comedo type, size 6 cm.\nMicroinvasive carcinoma, "
            "one focus of 0.6 mm.",
            0.06,
        ),
    ],
)
def test_a_size_of_the_in_situ_component_gives_way(note: str, size: float) -> None:
    assert tumor(note).get("size_cm") == size


def test_a_clause_naming_invasive_disease_keeps_its_size() -> None:
    # control: DCIS named with the invasive tumour in the same clause; the size is the invasive one's
    note = "Excision: DCIS, cribriform pattern, together with invasive ductal carcinoma measuring 2.2 cm. Grade 2, ER+."
    assert tumor(note).get("size_cm") == 2.2


# ------------------------------------------------------------------ another organ's cancer
def test_an_earlier_cancer_of_another_organ_keeps_its_size() -> None:
    note = (
        NEW + "US 1.3 cm. Past history: ovarian cancer treated in 2012 when the tumour was 8 cm across, "
        "in remission since."
    )
    assert tumor(note).get("size_cm") == 1.3
    dictated = (
        "new left breast mass on screening invasive ductal carcinoma 14 millimetres grade 1 she had a melanoma "
        "removed from her back years ago which measured 2 centimetres and needs no follow up"
    )
    assert tumor(dictated).get("size_cm") == 1.4


def test_a_breast_word_after_another_cancer_ties_the_size_back_to_the_breast() -> None:
    # control: the other cancer is named first, then the breast tumour is sized in the same sentence
    note = "PMH lung cancer 2015 resected; now a new right breast IDC 2.6 cm, grade 3, ER-, PR-, HER2 3+."
    assert tumor(note).get("size_cm") == 2.6


# ------------------------------------------------------------------ a resected specimen
@pytest.mark.parametrize(
    ("note", "size"),
    [
        ("Gross: partial mastectomy 55 x 40 x 30 mm, inked. Invasive carcinoma NST, 17 mm, grade 2. pT1c.", 1.7),
        (
            "Received: right mastectomy measuring 190 x 160 x 40 mm.\nTumour: invasive lobular carcinoma, 26 mm. pT2.",
            2.6,
        ),
    ],
)
def test_a_specimens_dimensions_are_not_the_tumours(note: str, size: float) -> None:
    assert tumor(note).get("size_cm") == size


def test_a_tumour_sized_in_three_dimensions_stands() -> None:
    # control: the three dimensions follow the tumour, not the specimen's name
    note = "Gross: lumpectomy; within it a firm tumour 21 x 15 x 12 mm. Invasive carcinoma NST, grade 2."
    assert tumor(note).get("size_cm") == 2.1


# ------------------------------------------------------------------ the study a staging statement names
@pytest.mark.parametrize(
    ("note", "size"),
    [
        (NEW + "Sizes: MRI 2.7 cm, US 2.2 cm (MRI used for staging).", 2.7),
        (NEW + "Sizes: mammo 1.9 cm, ultrasound 2.3 cm; ultrasound taken as the clinical size.", 2.3),
        (NEW + "Imaging: US 2.1 x 1.6 cm (best estimate, used for staging); MRI 2.5 cm.", 2.1),
        (NEW + "MRI: 3.3 cm enhancing mass (index; size used for clinical staging). Mammogram 2.8 cm.", 3.3),
    ],
)
def test_the_size_the_staging_statement_names_stands(note: str, size: float) -> None:
    assert tumor(note).get("size_cm") == size


def test_a_statement_that_names_no_size_leaves_the_conflict() -> None:
    # control: "used for staging" tied to neither size (no study named, in no size's aside): the answer waits
    note = NEW + "Imaging sizes differ, MRI 2.7 cm and US 1.8 cm. Which is used for staging: discuss at MDT."
    assert "size_cm" not in tumor(note)
    assert "tumor.size_cm" in conflicts(note)


# ------------------------------------------------------------------ a clinic letter's diagnosis line
def test_the_diagnosis_line_of_a_letter_before_surgery_gives_the_size() -> None:
    note = (
        "Diagnosis: Right breast invasive carcinoma NST, 23 mm on ultrasound, grade 2, ER positive, HER2 negative."
        "\n\nShe was recalled from screening with a 19 mm mass at 10 o'clock. Axilla normal on ultrasound."
    )
    assert tumor(note).get("size_cm") == 2.3


def test_the_diagnosis_line_after_surgery_does_not_settle_sizes() -> None:
    # control: after the operation the diagnosis line may repeat the imaging size; it settles nothing
    note = (
        "Diagnosis: Right breast invasive carcinoma NST, 23 mm on ultrasound, s/p wide local excision 10/2026."
        "\n\nHistology of the excision: invasive carcinoma, 2.9 cm, grade 2, margins clear."
    )
    assert tumor(note).get("size_cm") != 2.3


# ------------------------------------------------------------------ the decision
def test_a_set_aside_size_never_turns_into_a_wrong_category() -> None:
    # the benign focus would have been a conflicting size against the T2 index mass (the answer waited for it): now the
    # T2 mass is staged and the answer names no size to confirm
    note = (
        NEW + "Breast MRI 2.8 cm index mass. Separate 4 mm focus UIQ, BI-RADS 3. Axilla negative on US. "
        "cT2 cN0. Is a CT chest/abdomen/pelvis needed?"
    )
    assert tumor(note).get("size_cm") == 2.8
    answer = decide_note(note)
    assert answer["stage"]["t"] == "cT2"
    assert not any("size" in item for item in answer["insufficient_data"])
