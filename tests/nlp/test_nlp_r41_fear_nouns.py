"""Round 41: metastases named as the object of the patient's anxiety, told with a noun ("Anxiety re: metastatic
disease", "dread about liver mets"), are no finding: no M1 (an unsafe class: M1 without distant disease). The
adjective forms were round 39b's; the nouns were left out because "anxiety" is also an explaining cue. Controls:
metastases the note calls hers stay M1, and anxiety named as the cause of a symptom still explains it.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, tumor

NEW_DX = "62F, R breast IDC 1.5 cm, grade 1, ER+ PR+ HER2-, cN0 on axillary US, core biopsy last week, untreated.\n"
TREATED = "63F, R breast IDC 2021 s/p lumpectomy + SLNB, pT1c pN0, ER+ PR+ HER2-, RT done, on letrozole.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Anxiety re: metastatic disease, requests PET/CT.",
        "Significant anxiety about bone mets; wants a scan.",
        "Psych: anxiety regarding metastases, sleeping poorly.",
        "Much dread over liver mets since her friend died.",
        "Panic about metastatic spread, calls daily.",
    ],
)
def test_metastases_as_the_object_of_her_anxiety_are_no_finding(line: str) -> None:
    note = NEW_DX + line
    assert tumor(note).get("m") != "M1"
    assert decide_note(note)["systemic_imaging"] == "not_recommended"


@pytest.mark.parametrize(
    "line",
    [
        "Anxiety about her known liver mets; on capecitabine, restaging CT due.",
        "Distress over the new bone mets found on PET last week.",
        "Anxiety; PET 5/1: multiple bone mets.",
    ],
)
def test_controls_metastases_that_are_hers_stay_m1(line: str) -> None:
    assert tumor(TREATED + line)["m"] == "M1"


def test_control_anxiety_before_a_symptom_with_a_warning_leaves_it_counted() -> None:
    note = NEW_DX + "Anxiety re: new headaches, worse each morning, with vomiting."
    assert "headache" in symptom_codes(note)
    assert decide_note(note)["systemic_imaging"] != "not_recommended"
