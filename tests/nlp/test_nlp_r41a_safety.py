"""Round 41a (v41 blind av-021, av-029, av-040, aw-019, aw-044): five unsafe answers, each as a class in other wordings.

1. Distant disease weighed after its name ("... is a consideration", "... remain a possibility", "... in the
   differential") is a doubt, never M1.
2. Distant disease as the aim of a study, named with its receptors' signs ("to evaluate for ER+ metastatic disease"),
   is the study's purpose, never M1.
3. A return precaution after a follow-up's condition, told without its verb ("F/u PCP if not improving; ED for leg
   weakness ...") is what to come back with, not a symptom.
4. A pain after a mechanical fall told with a bracket of how she fell is explained by the fall.
5. A cough "worse at night" is not warned by the night (the usual pattern of a cold, reflux or asthma); a pain is.
Each with controls that must not change.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, tumor

TREATED = "63F, R breast IDC 2021 s/p lumpectomy + SLNB, pT1c pN0, ER+ PR+ HER2-, RT done, on letrozole.\n"
SURVIVOR = "79F, L breast ca 2008 s/p lumpectomy + radiation, no recurrence, discharged from oncology follow-up.\n"


# ------------------------------------------------------------------ 1. weighed after its name
@pytest.mark.parametrize(
    "line",
    [
        "New lung nodules on CXR. Metastatic disease is a consideration; CT chest ordered.",
        "Sclerotic focus L2 on CT. Bone mets remain a possibility, bone scan to follow.",
        "Liver lesions on US: mets a concern given rising ALP.",
        "Pulmonary nodules - metastases high on the differential, also granulomas.",
    ],
)
def test_distant_disease_weighed_after_its_name_is_no_m1(line: str) -> None:
    assert tumor(TREATED + line).get("m") != "M1"


@pytest.mark.parametrize(
    "line",
    [
        "CT 5/1: liver mets, biopsy-proven. Progression is a concern.",
        "PET: multiple bone mets. Pain control is a concern.",
    ],
)
def test_controls_stated_metastases_stay_m1(line: str) -> None:
    assert tumor(TREATED + line)["m"] == "M1"


# ------------------------------------------------------------------ 2. the aim of a study, with receptor signs
@pytest.mark.parametrize(
    "line",
    [
        "Requesting FES PET to evaluate for ER+ metastatic disease.",
        "PET/CT to assess for HER2+ metastatic disease given rising CA 15-3.",
        "FES PET to evaluate for ER+/HER2- metastatic disease in bone.",
    ],
)
def test_distant_disease_sought_with_its_receptors_is_the_purpose(line: str) -> None:
    assert tumor(TREATED + line).get("m") != "M1"


def test_control_disease_the_note_calls_hers_stays_m1() -> None:
    assert tumor(TREATED + "Known ER+ metastatic disease to bone since 2024, on fulvestrant.")["m"] == "M1"


# ------------------------------------------------------------ 3. a return precaution after a follow-up's condition
@pytest.mark.parametrize(
    ("line", "code"),
    [
        (
            "F/u PCP 2 wks if not improving; ED for leg weakness/numbness or loss of bladder control.",
            "neurologic_deficit",
        ),
        ("RTC prn, ER for new headache, vomiting or confusion.", "headache"),
        ("Recheck in 1 wk if not better; ED for severe headache or a seizure.", "seizure"),
    ],
)
def test_a_return_precaution_after_a_follow_ups_condition_is_no_symptom(line: str, code: str) -> None:
    note = SURVIVOR + "Assessment: lumbar strain after lifting. Plan: ibuprofen, heat. " + line
    assert code not in symptom_codes(note)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Headache x 3 days, not improving; ED for headache yesterday, CT head neg.", "headache"),
        ("Presented to ED for L leg weakness x 2 days.", "neurologic_deficit"),
    ],
)
def test_controls_a_visit_to_the_ed_for_a_symptom_keeps_it(line: str, code: str) -> None:
    assert code in symptom_codes(SURVIVOR + line)


# ------------------------------------------------------------------ 4. a pain after a mechanical fall, with a bracket
@pytest.mark.parametrize(
    "line",
    [
        "Mechanical fall from standing (tripped over the rug in her hallway), immediate R hip pain.",
        "Mechanical fall at the bus stop (slipped on ice), L hip pain since, able to walk.",
    ],
)
def test_pain_after_a_mechanical_fall_told_with_a_bracket_is_explained(line: str) -> None:
    note = SURVIVOR + line
    assert "bone_pain" not in symptom_codes(note)
    assert decide_note(note)["systemic_imaging"] != "targeted"


def test_control_a_warning_keeps_the_pain_after_a_fall() -> None:
    note = SURVIVOR + "Mechanical fall last wk (tripped over the cat), new R hip pain, worse at night, not settling."
    assert "bone_pain" in symptom_codes(note)


# ------------------------------------------------------------------ 5. a cough worse at night
@pytest.mark.parametrize(
    "line",
    [
        "Cough x 3 wks after a cold, worse at night, improving. A/P: post-viral cough.",
        "Dry cough since her URI, worse at night when lying flat. A/P: post-nasal drip, improving.",
    ],
)
def test_a_cough_worse_at_night_after_a_cold_is_explained(line: str) -> None:
    assert "cough" not in symptom_codes(SURVIVOR + line)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Back pain x 3 wks, worse at night.", "back_pain"),
        ("Dry cough x 6 wks, getting worse, no infection.", "cough"),
        ("Hip pain since a fall, now worse at night and at rest.", "bone_pain"),
    ],
)
def test_controls_a_pain_worse_at_night_and_a_worsening_cough_still_warn(line: str, code: str) -> None:
    assert code in symptom_codes(SURVIVOR + line)


# ------------------------------------------------------------------ 6. a weight loss told as approximate
@pytest.mark.parametrize("line", ["Wt down ~7 lbs over 2 months, not trying.", "Weight down approx 4 kg since spring."])
def test_an_approximate_weight_loss_is_read(line: str) -> None:
    assert "weight_loss" in symptom_codes(TREATED + line)


def test_control_an_approximate_loss_on_a_diet_is_explained() -> None:
    assert "weight_loss" not in symptom_codes(TREATED + "Wt down ~5 lbs on purpose, dieting with her daughter.")
