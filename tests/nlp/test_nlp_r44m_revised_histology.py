"""Round 44m (v44 be-025, be-007): a pathology review that revises the histology outranks the first report.

"Outside report: IDC ... REVISED DIAGNOSIS: DCIS" is DCIS; "on review the tumour is ILC, not ductal" is ILC. Controls:
invasive still wins over associated DCIS; an old DCIS "currently" treated is no revision; a response to neoadjuvant
treatment ("downstaged to DCIS after chemo") revises nothing; an upgrade to invasive is read.
"""

from __future__ import annotations

import pytest

from nlp_helpers import tumor

OUTSIDE = (
    "57F, screen-detected L breast calcs. Outside core bx report: invasive ductal carcinoma, grade 2, with DCIS.\n"
)


@pytest.mark.parametrize(
    ("line", "histology"),
    [
        ("Our pathology review: no invasion seen; revised diagnosis: DCIS, intermediate nuclear grade.", "DCIS"),
        ("Slides reviewed at MDT - amended report: ductal carcinoma in situ only.", "DCIS"),
        ("Path review: downstaged to DCIS (myoepithelial cells retained).", "DCIS"),
        ("On review the tumour is invasive lobular carcinoma, classic type.", "ILC"),
    ],
)
def test_the_revised_histology_stands(line: str, histology: str) -> None:
    assert tumor(OUTSIDE + line).get("histology") == histology


@pytest.mark.parametrize(
    "line",
    [
        "Excision: IDC 1.8 cm with associated DCIS, margins clear.",
        "History of R DCIS 2016, currently on tamoxifen.",
        "After neoadjuvant chemo, downstaged to DCIS with residual in situ disease only.",
    ],
)
def test_no_revision_keeps_the_invasive_cancer(line: str) -> None:
    assert tumor(OUTSIDE + line).get("histology") in ("IDC", None)


def test_an_upgrade_to_invasive_is_read() -> None:
    core = "60F, core bx R breast: DCIS, high grade.\n"
    line = "Excision reviewed: upstaged to invasive ductal carcinoma, 9 mm, grade 2."
    assert tumor(core + line).get("histology") == "IDC"
