"""Round 44o (v44 bg-021, bg-032): a note opened by the study it asks for is about that study.

- A title that writes the study's intent and side before its name ("DIAGNOSTIC BILAT TOMOSYNTHESIS") opens the note
  with that study, as a bare study name does (pipeline ``_at_note_start``): the study considered.
- A payer's hyphenated pre-certification or pre-authorisation title ("PRE-CERTIFICATION WORKSHEET - ...") names the
  study asked for, as "Prior auth request -" does (the tokenizer splits the hyphen).
Controls: a report with findings under such a title is a study done; a study named first with its date and result was
done; a title naming no study changes nothing. Wordings of our own, not the v44 notes'.
"""

from __future__ import annotations

import pytest

from nlp_helpers import order_of


@pytest.mark.parametrize(
    ("note", "study"),
    [
        ("SCREENING 3D MAMMOGRAM\nReason for exam: annual screening, hx L breast ca 2015, 66F.", "dbt_screening"),
        ("Left diagnostic US breast\nIndication: new palpable lump L breast 2:00, 56F, hx R breast ca.", "us_breast"),
        ("Diagnostic right tomosynthesis\nReason: 47F, new R breast IDC on outside core.", "dbt_diagnostic"),
        (
            "Pre-authorization request - MRI BREAST BILAT W AND WO CONTRAST\nDx: R breast ILC, 61F, dense breasts.",
            "mri_breast_wwo",
        ),
        (
            "PRE-CERT FORM - PET/CT SKULL BASE TO MID-THIGH (78815)\n59F, R breast IDC 2021, rising CA 15-3.",
            "pet_ct",
        ),
    ],
)
def test_a_note_titled_by_its_study_considers_it(note: str, study: str) -> None:
    assert order_of(note) == study


@pytest.mark.parametrize(
    "note",
    [
        # a report under the title: the study was done
        "DIAGNOSTIC BILATERAL MAMMOGRAM\nHistory: 60F, palpable lump L.\nFindings: no suspicious mass.\n"
        "Impression: BI-RADS 1.",
        # named first with its date and result: done
        "Screening bilateral mammogram 2019 normal. 62F here for f/u, no complaints.",
        "Diagnostic left mammogram 3/2024: BI-RADS 2.\n62F on letrozole, no complaints.",
        # a pre-op heading names no payer's request
        "Pre-op assessment - 58F for L WLE + SLNB, cT1b N0. Bloods fine.",
    ],
)
def test_controls_name_no_study_considered(note: str) -> None:
    assert order_of(note) is None
