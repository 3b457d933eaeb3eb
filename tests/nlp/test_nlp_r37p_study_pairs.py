"""Round 37p, after the fresh-clone run: two studies named close together, each class in other wordings than the notes'.

- a mammogram and its variant are one study only when the words between them are its qualifiers (side, screening or
  diagnostic, "with"); words that choose or change ("rather than", "instead of", "replaced by", "better than") keep
  the two apart, and the study chosen is the order;
- a liver ultrasound already done, with its result, does not compete with the study proposed (the names 'Liver US' /
  'RUQ US' were withdrawn: a done study had been read as a second order);
- "workup -" has one reading: the aim of a study (a metastasis named before it is no finding), never a label that
  proposes the study after it.
"""

from __future__ import annotations

import pytest

from nlp_helpers import order_of, tumor

NEW_DX = "61F, newly diagnosed L breast IDC 3.4 cm, grade 3, ER+ PR+ HER2-, cN1 (biopsy-proven axillary node).\n"
SURV = "66F, R breast IDC 2016 s/p lumpectomy + RT, ER+ HER2-, completed letrozole 2021.\n"


# ---------------------------------------------------------------- a mammogram and its variant


@pytest.mark.parametrize(
    ("line", "study"),
    [
        ("Mammo screening bilat w/ tomo. 45F avg risk, due.", "dbt_screening"),
        ("SCREENING MAMMOGRAM BILATERAL WITH 3D TOMOSYNTHESIS ordered. 50F avg risk.", "dbt_screening"),
        ("Mammogram diagnostic right w/ DBT. 58F new R breast lump.", "dbt_diagnostic"),
    ],
)
def test_a_mammogram_with_its_qualifiers_and_its_variant_is_one_study(line: str, study: str) -> None:
    assert order_of(line + "\n") == study


@pytest.mark.parametrize(
    ("note", "study"),
    [
        (
            "58F, new palpable R breast lump, implants.\nPlan: diagnostic mammogram rather than tomosynthesis.",
            "mammo_diagnostic",
        ),
        (
            "52F, palpable L breast mass.\nPlan: diagnostic mammogram L instead of tomosynthesis (not covered).",
            "mammo_diagnostic",
        ),
        ("47F avg risk.\nPlan: screening mammogram rather than 3D tomosynthesis per insurance.", "mammo_screening"),
    ],
)
def test_a_mammogram_chosen_over_its_variant_is_the_mammogram(note: str, study: str) -> None:
    assert order_of(note) == study


def test_control_the_variant_chosen_over_the_plain_mammogram_is_the_variant() -> None:
    note = "47F avg risk.\nPlan: screening mammogram with tomosynthesis rather than a 2D study.\n"
    assert order_of(note) == "dbt_screening"


def test_control_a_change_naming_both_is_not_read_as_one_study() -> None:
    assert order_of(NEW_DX + "Order updated: screening mammogram replaced by diagnostic tomosynthesis.\n") is None


@pytest.mark.parametrize(
    "line",
    [
        "Plan: staging PET/CT (more sensitive than a bone scan for lytic lesions).",
        "Will request PET-CT instead of CT chest/abdomen/pelvis because of her contrast allergy.",
        "Plan: PET/CT ordered; favoured over a bone scan plus CT given cN2 disease.",
    ],
)
def test_a_study_compared_with_another_is_the_order(line: str) -> None:
    assert order_of(NEW_DX + line + "\n") == "pet_ct"


def test_control_the_other_study_preferred_is_the_order() -> None:
    assert (
        order_of(NEW_DX + "Plan: whole body bone scan, better than PET/CT for her sclerotic lesions.\n") == "bone_scan"
    )


# ---------------------------------------------------------------- a liver ultrasound done


@pytest.mark.parametrize(
    ("lines", "study"),
    [
        (
            "New RUQ pain. RUQ US 4/2: multiple hypoechoic liver lesions.\nPlan: CT C/A/P with contrast.",
            "ct_cap_contrast",
        ),
        (
            "New abdominal pain, ALP 310. Liver ultrasound 6/1: new liver lesions, largest 3 cm.\nPlan: PET/CT.",
            "pet_ct",
        ),
        ("Abdominal US done 5/3: liver lesions. Now ordering CT chest/abd/pelvis w contrast.", "ct_cap_contrast"),
    ],
)
def test_a_liver_ultrasound_done_does_not_compete_with_the_study_proposed(lines: str, study: str) -> None:
    assert order_of(SURV + lines + "\n") == study


def test_control_an_abdominal_ultrasound_proposed_is_the_order() -> None:
    assert order_of(SURV + "New RUQ discomfort. Plan: ultrasound of the liver.\n") == "us_abdomen"


# ---------------------------------------------------------------- "workup -": the aim of a study


@pytest.mark.parametrize(
    "line",
    [
        "Osseous metastasis workup - bone scan booked.",
        "Brain mets workup - MRI brain w/wo.",
        "Distant metastasis workup - PET/CT.",
    ],
)
def test_a_metastasis_named_as_the_workups_aim_is_no_finding(line: str) -> None:
    assert tumor(NEW_DX + line + "\n").get("m") != "M1"


def test_a_workup_title_does_not_stop_the_plan() -> None:
    assert order_of("RECURRENCE WORKUP - oncology clinic\n" + SURV + "New back pain. Plan: PET/CT.\n") == "pet_ct"


def test_control_metastases_found_before_the_workup_line_stay_m1() -> None:
    note = NEW_DX + "Bone scan 4/2: multiple osseous metastases. Metastatic workup - complete.\n"
    assert tumor(note).get("m") == "M1"
