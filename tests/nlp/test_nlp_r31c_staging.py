"""Round 31c: staging and setting facts (blind set v32, its classes in other words).

1. A clinically negative axilla in everyday words: examination and ultrasound negative together, a form's ticked
   "clinically negative" nodes, a node described benign-appearing; a suspicious or indeterminate node is never N0.
2. Surgery planned, not done: an operation booked, scheduled, planned or weighed among options is not prior surgery
   (annotation guide 2), so an untreated cancer keeps its new diagnosis and its clinical N.

Safety first: never a category the text does not give for the current tumour; the controls hold the old readings.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts

# --------------------------------------------------------------------------- 2. surgery planned vs done


@pytest.mark.parametrize(
    "note",
    [
        "PMH: L breast IDC 2.1 cm dx 2 wk ago, grade 2. Mastectomy booked for 3/14. Axilla clinically negative.",
        "History: new R breast ca (IDC, 1.1 cm), scheduled for a right WLE on Monday. Axilla: NP.",
        "PMH: R breast IDC 1.2 cm dx last month. Options discussed: lumpectomy vs mastectomy; she prefers "
        "lumpectomy. Axilla neg on US.",
        "Hx: L breast IDC 1.5 cm, grade 1, dx 2 wks ago. Discussed WLE and SLNB with her today. Axilla clinically "
        "negative.",
        "PRE-OPERATIVE QUESTIONNAIRE\nProcedure: L partial mastectomy + SLNB\nDx: L breast IDC 1.3 cm, gr 2\n"
        "No palpable axillary adenopathy.",
    ],
)
def test_an_operation_to_come_is_no_prior_surgery(note: str) -> None:
    got = facts(note)
    assert "prior_surgery" not in got
    assert got.get("setting") == "new_diagnosis"
    assert got["tumor"].get("n") == "N0"


@pytest.mark.parametrize(
    ("note", "surgery"),
    [
        ("PMH: R breast cancer 2019 s/p lumpectomy and RT, on letrozole. Now new back pain.", "bct"),
        ("PMH: L breast IDC 2019, lumpectomy 2019. Surveillance mammogram scheduled for next month.", "bct"),
        ("PMH: L breast IDC 2019 treated with mastectomy; reconstruction discussed. On tamoxifen.", "mastectomy"),
    ],
)
def test_an_operation_done_stays_prior_surgery(note: str, surgery: str) -> None:
    assert facts(note).get("prior_surgery") == surgery
