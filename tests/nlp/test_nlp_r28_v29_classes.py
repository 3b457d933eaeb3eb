"""Round 28, after the first reading of the v29 blind notes: a study called unremarkable or clear for metastases
("Recent chest CT already available and unremarkable for mets" had read as M1), and a radicular or cauda-equina
picture told in a patient's words (tingling running down a leg, trouble starting to pass urine).
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes, tumor

NEW_DX = "66F new dx L breast IDC 1.5 cm, cN0, ER+/PR+/HER2-, grade 1.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Outside CT chest last month, unremarkable for metastases.",
        "PET/CT 10/2 clear of mets.",
        "Bone scan clean for metastatic disease per report.",
    ],
)
def test_a_study_unremarkable_or_clear_for_metastases_is_not_m1(line: str) -> None:
    assert tumor(NEW_DX + line).get("m") != "M1"


def test_margins_clear_of_the_cancer_do_not_deny_the_cancer() -> None:
    assert tumor(NEW_DX + "Margins clear of invasive carcinoma (closest 4 mm).").get("histology") == "IDC"


@pytest.mark.parametrize(
    "line",
    [
        "Since Monday tingling down her right leg.",
        "Back pain for 3 weeks, now with trouble passing urine.",
        "Pt reports difficulty starting her urine since yesterday.",
    ],
)
def test_tingling_down_a_limb_or_trouble_passing_urine_is_a_deficit(line: str) -> None:
    assert "neurologic_deficit" in symptom_codes(NEW_DX + line)


@pytest.mark.parametrize(
    "line",
    [
        "No tingling down the legs and no trouble passing urine.",
        "Unable to pass a stool for 3 days.",
        "Could not start the car this morning.",
    ],
)
def test_a_denied_deficit_or_another_thing_not_passed_is_not_a_deficit(line: str) -> None:
    assert "neurologic_deficit" not in symptom_codes(NEW_DX + line)


def test_a_sign_found_as_recorded_before_is_explained_but_not_through_a_study() -> None:
    from nlp_helpers import symptoms_to_confirm

    same = NEW_DX + "Exam: liver edge palpable 2 cm below costal margin, smooth - same as recorded 2023 (fatty liver)."
    assert "hepatomegaly" not in symptom_codes(same)
    through_a_study = NEW_DX + "Hip pain for 3 weeks, bone scan same as before."
    assert "bone_pain" in symptom_codes(through_a_study) | symptoms_to_confirm(through_a_study)


@pytest.mark.parametrize(
    "line",
    [
        "Low back pain x 2 wk - began after lifting grandson, but now tingling down L leg.",
        "Sore back from holding my grandson all weekend, and now my right leg feels weak.",
        "Hurt her back picking up the baby; new L leg weakness this morning.",
    ],
)
def test_a_relative_she_lifted_starts_no_family_scope(line: str) -> None:
    assert "neurologic_deficit" in symptom_codes(NEW_DX + line)


@pytest.mark.parametrize(
    "line",
    [
        "Her grandson has leg weakness from a sports injury.",
        "Back pain after lifting her husband, who has leg weakness since his stroke.",
    ],
)
def test_a_relatives_own_symptom_stays_the_relatives(line: str) -> None:
    assert "neurologic_deficit" not in symptom_codes(NEW_DX + line)
