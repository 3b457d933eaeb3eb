"""Round 44m (v44 be-001): the Nottingham components written with P for pleomorphism ("T3 P2 M1 = 6").

The M there is the mitotic score, no metastasis: never M1, never a doubt about M. A real staging "T2 N1 M1" keeps M1.
"""

from __future__ import annotations

import pytest

from nlp_helpers import tumor
from rightscan.adapters.text import extract

NEW = "59F new dx L breast IDC on core bx, 1.6 cm, ER+ PR+ HER2-, axillary US normal. "


@pytest.mark.parametrize(
    ("line", "grade"),
    [
        ("Grade 2 (T3 P2 M1 = 6).", 2),
        ("Histologic grade 3 (T3 P3 M2).", 3),
        ("Nottingham: T2 P2 M1, total 5 -> grade 1.", 1),
        ("Nottingham grade 2; components T2/P3/M1.", 2),
    ],
)
def test_components_with_p_give_no_m(line: str, grade: int) -> None:
    r = extract(NEW + line + " Staging CT asked about.")
    assert r.facts.get("tumor", {}).get("m") is None
    assert "tumor.m" not in {c["field"] for c in r.to_confirm}
    assert r.facts.get("tumor", {}).get("grade") == grade


@pytest.mark.parametrize(
    "line",
    [
        "Stage IV: T2 N1 M1 with biopsy-proven liver metastases.",
        "cT2 N1 M1 (bone mets on PET, biopsy-proven).",
    ],
)
def test_a_real_staging_keeps_m1(line: str) -> None:
    assert tumor(NEW + line).get("m") == "M1"
