"""Round 52t: letters and timelines - the study considered now and the current tumour (v52 cc/cd/ce hands).

- the axilla called negative by its ultrasound in an adverb or with the test after the nodes, and "no axillary or
  supraclav LAD", are the clinically negative axilla, N0 (targets.yaml node rules);
- "plan R lumpectomy" under a dated entry is a planned operation, never one done (context_rules.json);
- a size a later line calls an error gives way to the others (stage_values._set_aside_errors, values.yaml
  wrong_value_words);
- the study of a letter or a board summary: the writer's first-person wish ends a negation told before it, a study
  being got, discussed, agreed on, thought sensible, asked by a named clinician, or the one staging is limited to,
  plain X-rays in the plural (context_rules.json, context.yaml, targets.yaml);
- controls: a study to be avoided or spared is declined, one denied stays denied, one done stays done.

Each in wordings of its own (not the blind set's), with controls that keep their reading.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, facts, order_of, tumor

NEW_DX = "71F, new R breast IDC 1.4 cm on US, grade 2, ER+ PR+ HER2 neg. "


# --------------------------------------------------------------------------- N0 from the axilla's ultrasound
@pytest.mark.parametrize(
    "axilla",
    [
        "Left axilla was sonographically normal.",
        "Axillary nodal ultrasound came back clear.",
        "On exam no axillary or supraclav adenopathy.",
    ],
)
def test_axilla_negative_by_ultrasound_is_n0(axilla: str) -> None:
    assert tumor(NEW_DX + axilla).get("n") == "N0"


@pytest.mark.parametrize(
    ("axilla", "n"),
    [
        ("Axilla sonographically normal but a hard supraclav node is palpable.", "N3c"),  # the higher category wins
        ("Axillary node ultrasound showed a node with loss of fatty hilum.", "N1"),  # a suspicious node
    ],
)
def test_axilla_controls(axilla: str, n: str) -> None:
    assert tumor(NEW_DX + axilla).get("n") == n


def test_negative_axilla_after_surgery_is_not_clinical_n() -> None:
    note = "Surveillance. s/p R lumpectomy 2019 for IDC. Axilla sonographically negative today."
    assert "n" not in tumor(note)


# --------------------------------------------------------------------------- a planned operation in a timeline
def test_plan_with_side_is_planned_under_a_dated_entry() -> None:
    note = NEW_DX + "Axilla clinically negative.\n04/02/26 (surgical clinic): plan L mastectomy + SLNB 04/20.\n"
    got = facts(note)
    assert "prior_surgery" not in got
    assert got["tumor"].get("n") == "N0"


def test_done_operation_named_after_a_plan_stays_done() -> None:
    note = "Follow-up. 04/02/26: plan R breast boost after her lumpectomy in 2021; mammogram due in May."
    assert facts(note).get("prior_surgery") == "bct"


# --------------------------------------------------------------------------- a size called an error
def test_size_called_an_error_gives_way() -> None:
    note = (
        "59F, L breast IDC grade 2, ER+ PR+ HER2-. US: 1.1 cm mass at 3:00. Axilla negative.\n"
        'Addendum: the intake form lists "5 cm" - that is the distance from the nipple, entered in error.\n'
    )
    got = tumor(note)
    assert got.get("size_cm") == 1.1
    assert decide_note(note)["systemic_imaging"] == "not_recommended"


def test_two_sizes_without_an_error_stay_a_conflict() -> None:
    note = "59F, L breast IDC grade 2, ER+ PR+ HER2-. US: 1.1 cm mass. MRI: 2.6 cm mass. Axilla negative."
    assert "size_cm" not in tumor(note)


# --------------------------------------------------------------------------- the study considered in letters
@pytest.mark.parametrize(
    ("sentence", "study"),
    [
        ("As her ALP is not reliable after the fracture, I would like a bone scan before surgery.", "bone_scan"),
        ("Her cough is not explained, so we are getting a CT chest with contrast next week.", "ct_chest_contrast"),
        ("We discussed PET/CT to look for nodal disease elsewhere.", "pet_ct"),
        ("The MDT agreed on a brain MRI with and without contrast.", "mri_head_wwo"),
        ("I felt it reasonable to arrange a CT chest without contrast for the nodule.", "ct_chest_wo"),
        ("Query from Dr Lund (surgery): bone scan before mastectomy given the hip ache?", "bone_scan"),
        ("No CT in pregnancy. Staging restricted to a chest x-ray.", "xray_chest"),
        ("I have booked plain x-rays of the left femur.", "xray_bone"),
    ],
)
def test_study_considered_in_a_letter(sentence: str, study: str) -> None:
    assert order_of(NEW_DX + sentence) == study


@pytest.mark.parametrize(
    "sentence",
    [
        "I would like to avoid a bone scan in her.",  # set aside
        "We'd like to spare her a CT chest with contrast.",  # set aside
        "It is not reasonable to do a bone scan at her stage.",  # denied
        "We discussed the bone scan results from last week.",  # done
        "She is not getting a PET/CT.",  # denied
    ],
)
def test_study_set_aside_denied_or_done_is_not_the_order(sentence: str) -> None:
    assert order_of(NEW_DX + sentence) is None


def test_a_symptomatic_patient_is_not_turned_not_recommended() -> None:
    note = (
        "Dear Dr Ross, 64F with L breast IDC 1.6 cm, cN0, ER+ HER2-. She reports new back pain waking her at night. "
        "I would like an MRI of the whole spine with and without contrast."
    )
    assert decide_note(note)["systemic_imaging"] != "not_recommended"


def test_correction_words_before_a_size_keep_it_current() -> None:
    note = "Msg 09:10: 63F L IDC 1.3 cm, cN0, ER+ HER2-.\nMsg 09:12: apologies, typo - 3.1 cm on MRI, not 1.3.\n"
    assert tumor(note).get("size_cm") != 1.3  # never the size the correction takes back (3.1, or left to confirm)


def test_a_symptom_that_settled_on_treatment_is_not_a_study_cue() -> None:
    note = (
        "68F, L WLE 2020 for IDC, on letrozole. Post-op day 1 after hernia repair: "
        "lower abdominal pain settled on paracetamol."
    )
    assert "abdominal_pain" not in facts(note).get("symptoms", [])
