"""The Nottingham grade's components written like TNM (values.yaml, round 19c).

A Nottingham / Elston-Ellis / SBR grade adds three scores of 1-3: tubule formation, nuclear pleomorphism and mitotic
count. Writers shorten them to "T3 N2 M1" ("Histologic grade (Nottingham): 2 (T3 N2 M1 = 6)"): read as stage, the M1
raised a metastasis no one found (unsafe). Beside a grade's heading, in its brackets or summed to a score, these
letters give no T, N or M; a staging line keeps its categories.
"""

from __future__ import annotations

import pytest

from nlp_helpers import tumor

LEAD = "Surgical pathology. 52 yo woman, left breast invasive ductal carcinoma.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Histologic grade (Nottingham): 2 (T3 N2 M1 = 6)",
        "Histologic grade (Nottingham): 2 (T3 N2 M1)",
        "Nottingham grade 2 (T3N2M1)",
        "Grade (NHG): II (T3 N2 M1)",
        "SBR grade II (T3 N2 M1, total 6/9)",
        "Elston-Ellis grade 2: T3 N2 M1, score 6/9",
        "Histologic grade: 2 (T3 N2 M1; score 6/9)",
        "Nottingham grade: T3 N2 M1 (score 6), grade 2",
        "T3 N2 M1 = 6 (Nottingham grade 2)",
        "Mod diff (grade 2; T3 N2 M1 = 6)",
        "Grade 2 (T3 P2 M1)",
        "Grade 2 (tubules 3, nuclei 2, mitoses 1)",
    ],
)
def test_grade_components_give_no_stage(line: str) -> None:
    t = tumor(LEAD + line)
    assert (t.get("t"), t.get("n"), t.get("m")) == (None, None, None)
    assert t.get("grade") == 2


def test_components_summed_without_a_grade_word_give_the_grade_from_the_sum() -> None:
    t = tumor(LEAD + "Tumour 2.1 cm. T3 N3 M1 = 7.")
    assert (t.get("t"), t.get("m"), t.get("grade")) == (None, None, 2)
    t = tumor(LEAD + "Tumour 2.1 cm. T2N2M1 -> 5.")
    assert (t.get("t"), t.get("m"), t.get("grade")) == (None, None, 1)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("IDC grade 2. Clinical stage: cT2 N1 M0.", ("T2", "N1", "M0")),
        ("Histologic grade: 2 (score 6)\nStage: T2 N0 M0", ("T2", "N0", "M0")),
        ("Grade 2 (score 6).\ncT2 N1 M0 on staging.", ("T2", "N1", "M0")),
        ("Grade 2. cT2 N1 M1 (bone metastases on CT).", ("T2", "N1", "M1")),
        ("Grade 3 IDC, T2 N1 M1 with liver metastases.", ("T2", "N1", "M1")),
        ("Grade 2 (score 6). Staging T3 N2 M1 - biopsy-proven liver mets.", ("T3", "N2", "M1")),
    ],
)
def test_a_staging_beside_a_grade_keeps_its_categories(line: str, expected: tuple[str, str, str]) -> None:
    t = tumor(LEAD + line)
    assert (t.get("t"), t.get("n"), t.get("m")) == expected


def test_the_pathology_stage_in_the_same_report_still_stands() -> None:
    note = (
        "SURGICAL PATHOLOGY REPORT\nProcedure: L total mastectomy + axillary dissection\n48 yo woman.\n"
        "Histologic grade (Nottingham): 2 (T3 N2 M1 = 6)\nLymph nodes: 5 of 12 positive\n"
        "Pathologic stage (AJCC 8): pT2 pN2a\n"
    )
    from nlp_helpers import facts

    f = facts(note)
    assert f.get("tumor", {}).get("m") is None
    assert f.get("pathology", {}).get("t") == "pT2"
    assert f.get("pathology", {}).get("n") == "pN2a"
