"""Round 22m: a metastasis named next to the word of evaluating or ruling it out is a question, never M1.

"bone mets eval", "mets r/o", "liver metastases - evaluation" ask the same question as "eval for bone mets" or
"r/o mets": the forward context cue "eval" shared its span with the backward one, so the words before it stayed a
finding. A metastasis stated (biopsy-proven, known, with a verb of its own after it) still counts.
"""

from __future__ import annotations

import pytest

from rightscan.adapters.text import extract

HEAD = "ONCOLOGY NOTE\n58 yo F with newly diagnosed L breast IDC, grade 2, ER+/PR+/HER2-.\n"


def _m(text: str) -> str | None:
    return (extract(HEAD + text).facts.get("tumor") or {}).get("m")


@pytest.mark.parametrize(
    "line",
    [
        "Reason for exam: liver mets eval",
        "Indication: osseous metastases - evaluation",
        "Bone scan ordered. Skeletal mets r/o.",
        "Plan: brain mets rule out with MRI",
        "CT CAP: metastatic disease work-up",
        "Hepatic mets? eval",
        "PET/CT for staging (distant mets screening)",
        "Dx code: lung metastases (r/o)",
        "r/o mets",
        "w/u for mets",
        "assess for metastatic disease",
        "MRI brain to evaluate for mets",
    ],
)
def test_a_metastasis_with_its_evaluation_is_a_question(line: str) -> None:
    assert _m(line) != "M1"


@pytest.mark.parametrize(
    "line",
    [
        "Biopsy-proven liver metastases. Restaging CT next month.",
        "Known bone mets - assess response to XRT on bone scan.",
        "Bone mets eval of response after 3 cycles: stable.",
        "Stage IV with brain metastases, s/p SRS.",
        "Hx: bone mets, eval by ortho for fracture risk.",
    ],
)
def test_a_stated_metastasis_still_counts(line: str) -> None:
    assert _m(line) == "M1"
