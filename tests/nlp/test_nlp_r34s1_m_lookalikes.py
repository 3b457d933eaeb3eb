"""Sixteenth security pass, F1: another disease's "stage 4/IV" or an exercise capacity in METs is no M1.

Tested in other wordings than the report's, with controls: the breast cancer's own stage IV, a count of metastases and
a metastasis named with its site stay distant disease; a stage IV whose disease the words do not name is left to
confirm, never a known M1.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, tumor

# stage IIIA (cT3 cN1), due staging imaging
IIIA = "61F newly diagnosed 5.5 cm IDC right breast, ER+ PR- HER2-, cN1 (FNA-proven), no symptoms. CT CAP requested.\n"
IA = "52F newly diagnosed 1.4 cm IDC left breast, ER+ PR+ HER2-, cN0. Bone scan requested.\n"


@pytest.mark.parametrize(
    "line",
    [
        "PMHx: COPD (GOLD stage 4), on LTOT.",
        "Background: CKD stage IV - eGFR 22, under the renal team.",
        "Also has hypertensive nephropathy (stage 4) and T2DM.",
        "Neuro: Parkinson's, H&Y stage 4, uses a frame.",
        "Rheum: hip osteoarthritis - stage 4 on X-ray.",
        "Polysomnography: little stage 4 sleep.",
        "Puberty: Tanner stage IV at 13.",
    ],
)
def test_the_stage_of_another_disease_is_no_m1(line: str) -> None:
    assert tumor(IIIA + line + "\n").get("m") is None
    assert decide_note(IIIA + line + "\n")["systemic_imaging"] == "recommended"


@pytest.mark.parametrize(
    "line",
    [
        "Cardiology clearance: she can manage about 5 METs.",
        "Pre-assessment: climbs 2 flights of stairs, estimated 6 METS.",
        "Treadmill: Bruce protocol, 7.5 METs achieved.",
        "Fitness: 9 METs on the bike last month.",
    ],
)
def test_metabolic_equivalents_are_no_metastases(line: str) -> None:
    assert tumor(IIIA + line + "\n").get("m") is None
    assert decide_note(IA + line + "\n")["systemic_imaging"] == "not_recommended"


@pytest.mark.parametrize(
    "line",
    [
        "She has known stage IV breast cancer with biopsy-proven liver metastases.",
        "Metastatic breast carcinoma, stage 4, on letrozole.",
        "Stage IV (M1, bone).",
        "COPD and stage IV breast cancer.",
        "CKD stage 3. Stage IV (biopsy-proven bone mets).",
        "MRI brain: 3 mets, largest 8 mm.",
        "Exercise tolerance reduced by her bone mets.",
        "Biopsy of a liver lesion: mets from the breast primary.",
    ],
)
def test_the_breast_cancers_stage_iv_and_counted_metastases_stay_m1(line: str) -> None:
    assert tumor(IIIA + line + "\n").get("m") == "M1"


def test_a_stage_iv_whose_disease_is_not_named_is_left_to_confirm() -> None:
    note = IIIA + "Other: Enneking stage 4 lesion of the femur.\n"
    assert tumor(note).get("m") is None
    assert decide_note(note)["systemic_imaging"] == "undetermined"


@pytest.mark.parametrize(
    "line",
    [
        "Her mother had stage IV breast cancer.",  # a relative's
        "No evidence of stage IV disease.",  # denied
        "If the liver lesion is a metastasis she is stage IV.",  # hypothetical
    ],
)
def test_controls_a_relatives_denied_or_hypothetical_stage_iv_is_no_m1(line: str) -> None:
    assert tumor(IIIA + line + "\n").get("m") is None
