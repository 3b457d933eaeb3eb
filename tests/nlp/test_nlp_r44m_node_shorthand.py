"""Round 44m (v44 bg-014, bg-025, bg-026): the axilla in shorthand and the node asked to be sampled.

- "Ax US: neg" (the result after a colon or dash) is the sonographically negative axilla: N0.
- "abnl" is "abnormal": "no abnl nodes" is N0, an "abnl axillary LN" is a suspicious node (N1).
- "FNA/core any suspicious node" is what the radiologist should sample if found, no node found: never N1.
A suspicious or proven node stays N1.
"""

from __future__ import annotations

import pytest

from nlp_helpers import tumor

NEW = "55F new dx R breast IDC on core bx 2/1, 1.8 cm, grade 2, ER+ PR+ HER2-. "


@pytest.mark.parametrize(
    "line",
    [
        "Axill US - normal.",
        "Ax USS: NAD.",
        "Ax US: negative.",
        "US axilla: no abnl LNs.",
        "R axilla: no abn nodes on US.",
    ],
)
def test_a_negative_axilla_in_shorthand_is_n0(line: str) -> None:
    assert tumor(NEW + line).get("n") == "N0"


@pytest.mark.parametrize(
    "line",
    [
        "Please US R axilla; biopsy of any abnormal axillary node.",
        "US axilla requested - sample any suspicious LN.",
        "Pls assess R axilla and FNA any enlarged axillary nodes.",
    ],
)
def test_a_node_to_sample_if_found_is_no_n1(line: str) -> None:
    assert tumor(NEW + line).get("n") != "N1"


@pytest.mark.parametrize(
    "line",
    [
        "US: abnl R axillary LN 1.9 cm, cortex 5 mm. FNA positive.",
        "FNA of the suspicious axillary node: positive for carcinoma.",
        "Exam: palpable mobile R axillary node 1.5 cm.",
    ],
)
def test_a_suspicious_or_proven_node_stays_n1(line: str) -> None:
    assert tumor(NEW + line).get("n") == "N1"


def test_no_node_after_any_stays_n0() -> None:
    assert tumor(NEW + "Exam: without any palpable axillary adenopathy.").get("n") == "N0"
