"""Round 37p (v37 blind): the study considered now (`order`), as classes, each in other wordings than the notes'.

- a requisition's or a prior authorisation's field naming the study ("Study:", "Procedure requested:", "Requested
  study:") is the study asked for; a report's "Study:" title with its findings is a study done;
- a study named with its purpose ("... to find primary", "Post-op staging - CT C/A/P", "... prior to MRI-guided bx",
  a purpose written after the study's own contrast words) is proposed; with a result it is done;
- a radiology-style study stops at a result word ("US R axilla normal." is a study done, not one standing alone in its
  sentence, and no longer competes with the study proposed);
- names: the CPT codes of a CT's two parts listed with a comma, PET/CT with its
  usual extent, a screening mammogram written with "W/ TOMOSYNTHESIS" (the screening tomosynthesis), and a body part
  written as two alternatives after "targeted US".
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, order_of

NEW_DX = "61F, newly diagnosed L breast IDC 3.4 cm, grade 3, ER+ PR+ HER2-, cN1 (biopsy-proven axillary node).\n"
SURV = "66F, R breast IDC 2016 s/p lumpectomy + RT, ER+ HER2-, completed letrozole 2021.\n"


# ---------------------------------------------------------------- a requisition's field naming the study


@pytest.mark.parametrize(
    ("form", "study"),
    [
        (
            "IMAGING REQUISITION\nProcedure requested: whole body bone scan\nReason: new L hip pain, hx breast ca.\n",
            "bone_scan",
        ),
        (
            "Pre-certification form\nRequested study: MRI breast bilateral with and without contrast\nPt: 44F.\n",
            "mri_breast_wwo",
        ),
        (
            "UM REVIEW\nStudy: CT chest abdomen pelvis with IV contrast   CPT 71260 + 74177\nPt: 59 y/o F\n",
            "ct_cap_contrast",
        ),
        (
            "Outpatient order\nService requested: CT chest/abd/pelvis with contrast (71260, 74177)\nPt 70F.\n",
            "ct_cap_contrast",
        ),
    ],
)
def test_a_requisitions_study_field_is_the_study_asked_for(form: str, study: str) -> None:
    assert order_of(form + NEW_DX) == study


def test_control_a_report_titled_study_with_its_findings_was_done() -> None:
    report = (
        "STUDY: CT CHEST WITH CONTRAST\nCLINICAL HISTORY: breast cancer.\nFINDINGS: No pulmonary nodules.\n"
        "IMPRESSION: No metastatic disease.\n"
    )
    assert order_of(report) is None


def test_control_a_requisition_says_the_study_was_done() -> None:
    assert order_of("Requisition\nStudy: MRI breast bilateral w/wo contrast - completed 3/2\n" + NEW_DX) is None


# ---------------------------------------------------------------- a study named with its purpose


@pytest.mark.parametrize(
    ("line", "study"),
    [
        ("Breast MRI without and with contrast to locate the occult primary.", "mri_breast_wwo"),
        ("Bilat breast MRI w/wo to identify the primary.", "mri_breast_wwo"),
        ("Baseline staging - CT chest/abdomen/pelvis with contrast.", "ct_cap_contrast"),
        ("Restaging - whole body bone scan.", "bone_scan"),
        ("Second-look US L breast before the MRI-guided biopsy.", "us_breast"),
        ("Breast MRI with and without contrast post AC to assess response - booked.", "mri_breast_wwo"),
    ],
)
def test_a_study_named_with_its_purpose_is_proposed(line: str, study: str) -> None:
    assert order_of("48F. Mammogram and US 5/2: 2.1 cm mass. Core bx IDC. " + line + "\n") == study


@pytest.mark.parametrize(
    "line",
    [
        "Breast MRI to find the primary showed no enhancing lesion.",
        "Post-op staging - CT C/A/P 3/2024 negative for metastases.",
        "US L breast prior to biopsy showed a 9 mm hypoechoic mass.",
        "Staging: CT C/A/P 1/30 -- no evidence of distant metastatic disease.",
    ],
)
def test_control_a_study_with_its_purpose_and_a_result_was_done(line: str) -> None:
    assert order_of("48F. Core bx IDC 2.1 cm. " + line + "\n") is None


def test_control_a_relatives_scan_with_its_purpose_is_not_the_order() -> None:
    note = SURV + "Her sister had a breast MRI to find the primary last year.\n"
    assert order_of(note) is None


def test_control_a_declined_study_with_its_purpose_is_not_the_order() -> None:
    note = NEW_DX + "Breast MRI to assess extent offered - pt declines.\n"
    assert order_of(note) is None


# ---------------------------------------------------------------- a study with a result is done


@pytest.mark.parametrize(
    "done",
    ["US L axilla normal.", "US R axilla negative.", "US L breast unremarkable."],
)
def test_a_study_with_its_result_does_not_compete_with_the_study_proposed(done: str) -> None:
    note = SURV + "Now: new 1.7 cm mass L breast, core bx IDC grade 3, TNBC. " + done + "\nPlan: PET/CT for staging.\n"
    assert order_of(note) == "pet_ct"


def test_control_two_studies_proposed_still_compete() -> None:
    note = SURV + "Now: new 1.7 cm mass L breast, core bx IDC grade 3.\nPlan: US L axilla; PET/CT for staging.\n"
    assert order_of(note) is None


# ---------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("line", "study"),
    [
        ("Follow-up: PET/CT skull base to mid-thigh to be scheduled after path returns.", "pet_ct"),
        ("Plan: PET-CT (base of skull to mid thigh) to be booked.", "pet_ct"),
        ("Plan: targeted US L breast/chest wall today.", "us_breast"),
        ("Plan: CT C/A/P w contrast requested, CPT 74177 and 71260.", "ct_cap_contrast"),
    ],
)
def test_names_read_as_their_study(line: str, study: str) -> None:
    assert order_of(NEW_DX + line + "\n") == study


@pytest.mark.parametrize(
    ("title", "study"),
    [
        ("MAMMO SCREENING BILATERAL W/ TOMOSYNTHESIS.", "dbt_screening"),
        ("Screening mammogram bilateral with tomosynthesis.", "dbt_screening"),
        ("MAMMO DIAGNOSTIC LEFT W/ TOMOSYNTHESIS.", "dbt_diagnostic"),
    ],
)
def test_a_mammogram_written_with_tomosynthesis_is_the_tomosynthesis(title: str, study: str) -> None:
    assert order_of(title + " 47 y/o F, avg risk. Prior BIRADS 1.\n") == study


def test_control_a_study_preferred_over_two_others_is_still_the_order() -> None:
    assert order_of(NEW_DX + "Plan:\n- PET/CT for staging (preferred over CT+bone scan in IBC)\n") == "pet_ct"


def test_control_two_alternatives_naming_two_studies_name_none() -> None:
    assert order_of(NEW_DX + "Plan: targeted US L breast/axilla today.\n") is None


# ---------------------------------------------------------------- the decision a clinician sees


def test_the_purpose_sentence_gives_the_studys_rating() -> None:
    note = (
        "82F s/p L simple mastectomy + ALND; path ILC 5.4 cm, pT3 pN2a (5/9 LN+), ER+ HER2-. "
        "Post-op staging - CT C/A/P w contrast.\n"
    )
    decision = decide_note(note)
    assert decision["order"]["procedure_id"] == "ct_cap_contrast"  # the study rated is the one the note proposes


def test_control_a_relatives_urging_a_scan_before_surgery_is_not_the_order() -> None:
    note = NEW_DX + 'Her daughter keeps telling her to "insist on a PET scan" before surgery.\nPlan: BCS.\n'
    assert order_of(note) is None
