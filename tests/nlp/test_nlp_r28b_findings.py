"""Round 28b: the thirteenth security pass's findings on what the note reader misses, each class in other wordings than
the report's, with controls that must not change:

- F5: distant disease named as a worry, as what she read or was given to read, or as a trial's or a group's population
  is no M1 (a worry is at most a doubt to confirm); a genomic assay's distant-recurrence risk is no recurrence;
- F2 (and F9): an imaging finding at a distant site without the word "metastasis" (a lytic or sclerotic lesion, a lung
  nodule, liver lesions, a focal uptake, a pleural effusion) leaves M to confirm at a new diagnosis, never M1 as a fact;
  after a treated cancer it is a new distant finding; benign, stable, known, denied or a relative's says nothing;
- F6: redness, warmth and swelling of the breast without their extent, or a "mastitis" that does not settle, leave
  inflammatory carcinoma to confirm, never a stated T4d;
- F7: a disturbed gait or balance and the cerebellar signs are a neurologic deficit;
- F8: spinal percussion or point tenderness at a level is back pain; groin or buttock pain with a warning is bone pain
  to confirm;
- low: a question answered "not really" denies its item, a hedge ("not much") leaves it to confirm.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, facts, symptom_codes, symptoms_to_confirm, tumor

NEW = "61F, newly diagnosed R breast IDC 1.4 cm, clinically node negative, ER+ PR+ HER2-, grade 1.\n"
TREATED = "Survivorship visit. L lumpectomy and RT 2018 for T1N0 IDC, on letrozole.\n"


def _confirm_fields(note: str) -> set[str]:
    from rightscan.adapters.text import extract

    return {c["field"] for c in extract(note).to_confirm}


def _answer(note: str) -> str:
    return decide_note(note)["systemic_imaging"]


# ---------------------------------------------------------------------------------------------------------- F5
@pytest.mark.parametrize(
    "line",
    [
        "She looked frightened and says she fears she has liver mets like her sister.",
        "Pt is anxious that she may have bone metastases.",
        "Daughter says mum is convinced that she has metastatic disease.",
    ],
)
def test_a_worry_about_distant_disease_is_at_most_a_doubt(line: str) -> None:
    note = NEW + line
    assert tumor(note).get("m") != "M1"
    assert _answer(note) != "not_applicable"  # never "distant metastasis already known"


@pytest.mark.parametrize(
    "line",
    [
        "Has been reading a lot online about metastatic breast cancer and cannot sleep.",
        "Macmillan booklet about secondary bone metastases handed over.",
        "Information sheet on liver metastases and what to look out for given.",
        "Her friend told her of a trial for patients with metastatic breast cancer; she is not eligible.",
        "A support group for women with metastatic disease was suggested by the nurse.",
    ],
)
def test_what_she_read_or_was_given_about_metastases_is_no_finding(line: str) -> None:
    note = NEW + line
    assert tumor(note).get("m") != "M1"
    assert "tumor.m" not in _confirm_fields(note)
    assert _answer(note) == "not_recommended"


@pytest.mark.parametrize(
    "line",
    [
        "MammaPrint low risk; 10-year distant recurrence rate about 5%.",
        "Oncotype DX recurrence score 21, distant recurrence risk at 9 years 12%.",
        "PREDICT: risk of distant relapse at 10 years 8%.",
    ],
)
def test_a_distant_recurrence_risk_is_no_recurrence(line: str) -> None:
    note = NEW + line
    f = facts(note)
    assert f.get("setting") == "new_diagnosis"
    assert f["tumor"].get("size_cm") == 1.4
    assert _answer(note) == "not_recommended"


@pytest.mark.parametrize(
    "line",
    [
        "Enrolled on a phase III trial for metastatic breast cancer.",  # her own trial: the disease is hers
        "Known metastatic breast cancer to bone and liver.",
        "CT: multiple liver metastases.",
    ],
)
def test_metastatic_disease_of_her_own_stays_m1(line: str) -> None:
    assert tumor(NEW + line).get("m") == "M1"


# ---------------------------------------------------------------------------------------------------------- F2 / F9
@pytest.mark.parametrize(
    "line",
    [
        "Staging CXR done by GP: 9 mm spiculated LLL nodule.",
        "Outside CT A/P: two hypodense liver lesions, indeterminate.",
        "Plain film of the pelvis: osteolytic lesion in the R acetabulum.",
        "NM bone scan: increased tracer activity at T11, indeterminate.",
        "CXR: small left pleural effusion, new since 2024.",
        "Bilateral lung nodules on the pre-op CT, largest 6 mm.",
    ],
)
def test_a_distant_imaging_finding_at_diagnosis_leaves_m_to_confirm(line: str) -> None:
    note = NEW + line
    assert tumor(note).get("m") != "M1"  # never a stated M1
    assert "tumor.m" in _confirm_fields(note)
    assert _answer(note) == "undetermined"


@pytest.mark.parametrize(
    "line",
    [
        "CT chest: no lytic or sclerotic lesions.",
        "Liver lesion on US, simple cyst.",
        "Liver lesion, benign-appearing, likely haemangioma.",
        "Known hepatic haemangioma.",
        "Calcified granuloma RUL, stable since 2019.",
        "Sclerotic focus in the L iliac bone, a bone island.",
        "Her mother had lung nodules removed.",
        "Bone scan requested to rule out lytic lesions.",
        "Incidental 4 mm RUL nodule on a 2023 CT, stable.",  # the everyday small nodule: not read
    ],
)
def test_a_benign_stable_denied_or_relatives_distant_finding_says_nothing(line: str) -> None:
    note = NEW + line
    assert "tumor.m" not in _confirm_fields(note)
    assert tumor(note).get("m") != "M1"


@pytest.mark.parametrize(
    "line",
    [
        "CXR today: new L pleural effusion.",
        "CT: new sclerotic lesion in the L2 vertebral body.",
        "Bone scan: focal uptake in the left 4th rib.",
    ],
)
def test_after_a_treated_cancer_a_distant_finding_suspects_distant_recurrence(line: str) -> None:
    note = TREATED + line
    assert facts(note).get("setting") == "suspected_distant_recurrence"
    assert tumor(note).get("m") != "M1"
    assert "tumor.m" not in _confirm_fields(note)  # the recurrence work-up answers M


# ---------------------------------------------------------------------------------------------------------- F6
@pytest.mark.parametrize(
    "line",
    [
        "R breast has been hot, red and swollen for three weeks.",
        "Entire breast erythematous and oedematous on exam.",
        "Widespread erythema with skin thickening over the R breast, came on quickly.",
        "Treated by GP for mastitis, no improvement after flucloxacillin.",
        "No response to two courses of antibiotics for suspected breast infection.",
    ],
)
def test_an_inflammatory_presentation_without_its_extent_is_to_confirm(line: str) -> None:
    note = NEW + line
    assert tumor(note).get("inflammatory") is not True  # never a stated T4d
    assert "tumor.inflammatory" in _confirm_fields(note)
    assert _answer(note) == "undetermined"


@pytest.mark.parametrize(
    "line",
    [
        "Slight redness at the core biopsy site, settling.",
        "Grade 1 radiation dermatitis of the chest wall.",
        "Cellulitis of the L leg treated with antibiotics, resolved.",
        "Breast skin normal, no erythema or oedema.",
        "Her sister had a red swollen breast from inflammatory cancer.",
    ],
)
def test_local_redness_dermatitis_or_a_denied_change_is_not_inflammatory(line: str) -> None:
    note = NEW + line
    assert "tumor.inflammatory" not in _confirm_fields(note)
    assert tumor(note).get("inflammatory") is not True


def test_the_stated_extent_still_states_inflammatory_carcinoma() -> None:
    assert tumor(NEW + "Erythema and oedema involving more than a third of the breast.").get("inflammatory") is True


# ---------------------------------------------------------------------------------------------------------- F7
@pytest.mark.parametrize(
    "line",
    [
        "Feels unsteady on her legs when she walks to the shops.",
        "Has been losing her balance this past fortnight.",
        "Exam: positive Romberg, dysdiadochokinesia on the L.",
        "Walking is unsteady, she keeps veering to the right.",
        "Balance problems for a month, new.",
    ],
)
def test_gait_or_balance_disturbance_is_a_neurologic_deficit(line: str) -> None:
    assert "neurologic_deficit" in symptom_codes(NEW + line)


@pytest.mark.parametrize(
    "line",
    [
        "Denies loss of balance or unsteadiness.",
        "No balance problems, gait normal.",
        "Unsteady on her feet since her hip replacement.",
        "Dizzy when she stands up quickly.",
        "Her father has had balance problems for years.",
    ],
)
def test_denied_explained_orthostatic_or_a_relatives_unsteadiness_is_not(line: str) -> None:
    note = NEW + line
    assert "neurologic_deficit" not in symptom_codes(note) | symptoms_to_confirm(note)


# ---------------------------------------------------------------------------------------------------------- F8
@pytest.mark.parametrize(
    "line",
    [
        "Exam: point tenderness over T11.",
        "Midline tenderness of the thoracic spine on exam.",
        "Lumbar spine tender to percussion, 3 weeks of aching.",
        "Tenderness over the L2 spinous process.",
    ],
)
def test_spinal_percussion_or_point_tenderness_is_back_pain(line: str) -> None:
    assert "back_pain" in symptom_codes(NEW + line)


@pytest.mark.parametrize(
    "line",
    [
        "L groin pain when weight-bearing for a fortnight.",
        "Aching in the right buttock, wakes her at night.",
        "Groin ache on weight bearing, no injury.",
    ],
)
def test_groin_or_buttock_pain_with_a_warning_is_bone_pain_to_confirm(line: str) -> None:
    note = NEW + line
    assert "bone_pain" in symptom_codes(note) | symptoms_to_confirm(note)
    assert _answer(note) != "not_recommended"


@pytest.mark.parametrize(
    "line",
    [
        "No spinal tenderness.",
        "Groin pain from her known inguinal hernia.",
        "Husband has buttock pain at night from sciatica.",
        "Mild groin discomfort after the sentinel node biopsy.",  # no warning
    ],
)
def test_denied_explained_or_a_relatives_groin_or_spine_finding_says_nothing(line: str) -> None:
    note = NEW + line
    assert not (symptom_codes(note) | symptoms_to_confirm(note)) & {"bone_pain", "back_pain"}


# ---------------------------------------------------------------------------------------------------------- low
@pytest.mark.parametrize("line", ["Headache? Not really.", "Back pain? Nope.", "Cough? Not at all."])
def test_a_question_answered_not_really_denies_its_item(line: str) -> None:
    note = NEW + line
    assert not symptom_codes(note) and not symptoms_to_confirm(note)


@pytest.mark.parametrize("line", ["Bone pain? Not much.", "Headache? Sometimes."])
def test_a_question_answered_by_a_hedge_is_to_confirm(line: str) -> None:
    note = NEW + line
    assert not symptom_codes(note)
    assert symptoms_to_confirm(note)


def test_a_question_answered_yes_still_states_it() -> None:
    assert "bone_pain" in symptom_codes(NEW + "Bone pain? Yes, in the L hip.")
