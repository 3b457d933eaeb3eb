"""Round 40o (v40 blind: longitudinal notes, letters and patient messages, everyday clinic notes): the study considered
now, in other words than the blind notes, each class with controls that must not change.

Classes: a study standing alone on its order line with its side or extent around its name ("Right breast US,
focused."); a refusal of the study by the patient after it, named by a pronoun or as "the scan", or of every scan after
a semicolon, comma or dash; a study being arranged now, set for now by a word before it ("ASAP"), or to be done as an
outpatient in an abbreviation ("as an outpt").
"""

from __future__ import annotations

import pytest

from nlp_helpers import order_of

NEW_DX = "58F, newly diagnosed L breast IDC, cT2 cN1, grade 2, ER+ PR+ HER2-. "
TREATED = "66F, hx R breast IDC 2017 s/p lumpectomy + RT, on letrozole. "


# ------------------------------------------------------------------ a study alone on its line, its side around it
@pytest.mark.parametrize(
    ("note", "study"),
    [
        (TREATED + "Yearly follow-up, no complaints.\nLeft diagnostic mammogram.", "mammo_diagnostic"),
        (TREATED + "New 1 cm lump R breast 10:00 x 2 wks.\nRight breast US, focused.", "us_breast"),
        (TREATED + "Indication: new palpable R axillary node.\nR axillary US, targeted.", "us_axilla"),
    ],
)
def test_a_study_alone_with_its_side_is_the_one_considered(note: str, study: str) -> None:
    assert order_of(note) == study


@pytest.mark.parametrize(
    "note",
    [
        # a study done, its result after it: not the order
        TREATED + "Bilateral diagnostic mammogram 03/2024: BI-RADS 2.",
        # a side word before a study that is not the study's own ("Left hip" is no side of a mammogram)
        TREATED + "Left hip pain resolved. Hip xray 2023 showed mild OA.",
        # a study never had
        TREATED + "Never had a bilateral breast MRI.",
    ],
)
def test_side_controls_keep_no_order(note: str) -> None:
    assert order_of(note) is None


# ------------------------------------------------------------------ the study refused by the patient
@pytest.mark.parametrize(
    "note",
    [
        NEW_DX + "Dr. Patel advised a PET/CT for staging; she declines all imaging, wants surgery first.",
        NEW_DX + "Staging CT chest/abdomen/pelvis with contrast recommended - patient refused any further scans.",
        NEW_DX + "You mentioned a bone scan before chemo. I thought it over and I really do not want it, sorry.",
        NEW_DX + "Staging PET/CT was discussed at length. She doesn't want the scan.",
    ],
)
def test_a_study_the_patient_refuses_is_not_the_order(note: str) -> None:
    assert order_of(note) is None


@pytest.mark.parametrize(
    ("note", "study"),
    [
        # she wants the study, and nothing is refused
        (NEW_DX + "PET/CT ordered for staging; she wants it done before the port.", "pet_ct"),
        # what she does not want is something else than the scan
        (NEW_DX + "Bone scan ordered. She does not want it to delay chemo.", "bone_scan"),
        # another test declined; the study stands
        (
            NEW_DX + "CT chest/abdomen/pelvis with contrast ordered; she declines genetic counselling.",
            "ct_cap_contrast",
        ),
    ],
)
def test_refusal_controls_keep_the_order(note: str, study: str) -> None:
    assert order_of(note) == study


# ------------------------------------------------------------------ a study arranged now, set for now, as outpatient
@pytest.mark.parametrize(
    ("note", "study"),
    [
        (
            TREATED + "Two weeks of severe headaches and vomiting. We are organising an MRI brain w/wo contrast.",
            "mri_head_wwo",
        ),
        (
            TREATED + "New leg weakness and back pain, ?cord compression. ASAP MRI whole spine w/wo contrast.",
            "mri_spine_wwo",
        ),
        (
            TREATED + "Rising ALP, RUQ ache. CT abdomen/pelvis with IV contrast as an outpt next available.",
            "ct_abdomen_pelvis_contrast",
        ),
    ],
)
def test_a_study_arranged_or_set_for_now_is_the_one_considered(note: str, study: str) -> None:
    assert order_of(note) == study


@pytest.mark.parametrize(
    "note",
    [
        # done as an outpatient last year, with its result
        TREATED + "MRI brain as outpt in 2023 was normal.",
        # a study arranged and then cancelled
        TREATED + "The bone scan we were arranging has been cancelled, pain resolved.",
        # a stat dose, no study
        TREATED + "Nausea: ondansetron 4 mg stat. No imaging today.",
    ],
)
def test_arranged_controls_keep_no_order(note: str) -> None:
    assert order_of(note) is None
