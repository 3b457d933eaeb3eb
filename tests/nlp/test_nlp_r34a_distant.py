"""Round 34a (v34 blind set, M and the fracture): a discharge summary's current diagnosis is no past history.

5. A discharge diagnosis line (and a post-operative course) is this admission's, so a past medical history heading
   above it no longer makes its fracture or its metastatic disease historical (cc-035); a diagnosis line that names
   metastatic breast carcinoma states distant disease, M1 (cc-018). The safety nets stay: a question, "rule out",
   a doubt, a relative's line and a regional (nodal) metastasis are never M1.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, tumor

HEAD = "DISCHARGE SUMMARY - Orthopaedics\n71 yo woman admitted after her hip gave way on the stairs.\n"
PMH = "PMH: L breast cancer 2014, lumpectomy + RT, tamoxifen x5y. HTN.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Discharge diagnosis: pathologic fracture L femoral neck due to metastatic breast cancer.",
        "Final dx: pathological fracture of the L humerus from metastatic breast cancer.",
        "Principal diagnosis: pathologic fracture T12 due to metastatic breast cancer.",
    ],
)
def test_a_discharge_diagnosis_under_a_past_history_is_current(line: str) -> None:
    note = HEAD + PMH + "Post-op course: uncomplicated.\n" + line + "\n"
    assert "pathologic_fracture" in symptom_codes(note)
    assert tumor(note).get("m") == "M1"
    assert decide_note(note)["systemic_imaging"] != "not_applicable"


@pytest.mark.parametrize(
    "line",
    [
        "Discharge dx: malignant R pleural effusion - metastatic breast carcinoma",
        "Final diagnosis: liver lesions, metastatic lobular breast carcinoma on biopsy.",
        "Discharge diagnoses: bone-only metastatic breast carcinoma, hypercalcaemia.",
    ],
)
def test_a_diagnosis_line_naming_metastatic_breast_carcinoma_is_m1(line: str) -> None:
    assert tumor(HEAD + PMH + line + "\n").get("m") == "M1"


@pytest.mark.parametrize(
    "line",
    [
        "Discharge dx: pleural effusion, ?metastatic breast carcinoma.",
        "Discharge dx: pleural effusion, r/o metastatic breast carcinoma.",
        "Discharge dx: pleural effusion, possible metastatic breast carcinoma.",
        "Final diagnosis: R axillary node, metastatic breast carcinoma.",
        "Discharge dx: metastatic breast carcinoma to the axillary nodes.",
        "Family history: sister - dx: metastatic breast carcinoma.",
        "PMH: HTN. Mother's dx: metastatic breast carcinoma.",
    ],
)
def test_controls_no_m1_from_a_doubt_a_node_or_a_relative(line: str) -> None:
    assert tumor(HEAD + PMH + line + "\n").get("m") != "M1"


def test_control_a_past_history_fracture_stays_historical() -> None:
    note = HEAD + "PMH: L breast cancer 2014, lumpectomy. Wrist fracture 2010 after a fall.\nCXR clear.\n"
    assert "pathologic_fracture" not in symptom_codes(note)
