"""Round 31 (lead): a node the imaging describes by an abnormal feature is a suspicious node, never a negative axilla.

Round 31c found that "Axilla clinically negative but US shows a node with loss of fatty hilum" was read N0 from the
clinical words, the node's sign unread. Loss of the fatty hilum and cortical thickening are sonographic signs of nodal
metastasis (ACR BI-RADS Atlas, 5th ed.): such a node is now read as "suspicious axillary node" is (N1, derived;
targets.yaml node.abnormal_feature). A normal hilum, a thin cortex or a denied sign stays the negative axilla's.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, tumor

NEW = "61F, new R breast IDC 2.8 cm on US, grade 2, ER+ PR+ HER2-.\n"


def _n(note: str) -> str | None:
    return tumor(note).get("n")


@pytest.mark.parametrize(
    "line",
    [
        "No palpable axillary nodes. Axillary US: level I node with effaced hilum.",
        "Axilla clinically negative, but ultrasound shows one rounded node, fatty hilum absent.",
        "Nodes not palpable; US axilla: 9 mm node with eccentric cortical thickening.",
    ],
)
def test_an_abnormal_node_on_imaging_is_not_a_negative_axilla(line: str) -> None:
    note = NEW + line + "\n"
    assert _n(note) != "N0"
    # a T2 tumour with a suspicious node is stage IIB: never the early-stage "not recommended"
    assert decide_note(note)["systemic_imaging"] != "not_recommended"


@pytest.mark.parametrize(
    "line",
    [
        "Axillary US: one node, cortex 2 mm, normal fatty hilum, benign appearing.",
        "US axilla: nodes with preserved fatty hila, no cortical thickening.",
        "Axilla clinically negative; axillary ultrasound normal.",
    ],
)
def test_a_normal_node_stays_a_negative_axilla(line: str) -> None:
    assert _n(NEW + line + "\n") == "N0"
