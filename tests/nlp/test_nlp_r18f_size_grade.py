"""Round 18f: the tumour's size and grade, read as classes in our own words.

- The histologic grade written with a bracketed word between its name and its value ("Grade (on core): 2",
  "Histologic grade (Nottingham): 2 (score 6)") is the tumour's grade; a nuclear or DCIS grade written so is not.
- A day and month in brackets right after a study or a visit ("MRI breast (5/9)", "core bx (7/9)") is a date, not a
  Nottingham score out of nine; a score after the tumour's own words ("IDC (7/9)") still is one.
- A mass measured while no cancer is proven in the note (a suspected-cancer referral, a biopsy planned as the
  outcome, a result awaited in any words) is no tumour to stage: its size is left out. Once anything proves the cancer
  (type, receptors, grade), the size stands.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import tumor

PROPERTY = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ---------------------------------------------------------------- grade
@pytest.mark.parametrize(
    ("note", "grade"),
    [
        ("Core biopsy L breast: invasive ductal carcinoma. Grade (on core biopsy): 3. ER positive.", 3),
        ("Histologic grade (Nottingham): 1 (score 5). Invasive lobular carcinoma.", 1),
        ("Invasive carcinoma NST. Histological grade (modified Bloom-Richardson): II.", 2),
        ("IDC, overall grade (combined): 3, ER neg.", 3),
        ("Diagnosis: invasive lobular carcinoma. Grade (provisional): 2.", 2),
    ],
)
def test_a_bracketed_word_between_grade_and_its_value_keeps_the_grade(note: str, grade: int) -> None:
    assert tumor(note).get("grade") == grade


@pytest.mark.parametrize(
    "note",
    [
        "Invasive ductal carcinoma. DCIS grade (nuclear): 3.",
        "Invasive ductal carcinoma, ER positive. Grade (nuclear): 3 DCIS component.",
    ],
)
def test_a_nuclear_grade_in_brackets_is_no_tumour_grade(note: str) -> None:
    assert "grade" not in tumor(note)


@pytest.mark.parametrize(
    "note",
    [
        "MRI breast (5/9) - L index lesion 3.3 cm. Path: core - IDC, grade 3.",
        "Mammo/USG (6/9): irregular mass. Core bx (8/9): IDC grade 3, ER neg.",
        "Seen in clinic (4/9). Core: invasive ductal carcinoma, grade 3.",
        "US L breast (7/9): 2 cm mass. Biopsy (9/9): IDC, G3.",
    ],
)
def test_a_date_after_a_study_is_no_nottingham_score(note: str) -> None:
    assert tumor(note).get("grade") == 3


@pytest.mark.parametrize(
    ("note", "grade"),
    [("Core bx: IDC (7/9), ER+ PR+ HER2-.", 2), ("IDC grade 2 (6/9), ER+.", 2), ("ILC, Nottingham 8/9.", 3)],
)
def test_a_score_out_of_nine_after_the_tumour_is_still_read(note: str, grade: int) -> None:
    assert tumor(note).get("grade") == grade


# ---------------------------------------------------------------- a mass measured before any cancer is proven
UNPROVEN = [
    "2WW referral - suspected breast cancer. 47F, firm lump L breast approx 3cm, non tender.",
    "GP letter: 55F with a 2.5 cm lump R breast UOQ; referring to exclude malignancy.",
    "MDT: 61F, 25mm mass L breast 3 o'clock on US, U4. Outcome: US guided core L breast mass.",
    "Day case: USG-guided core bx of 1.7cm L breast mass (BIRADS 5) done today. HPE awaited.",
    "had my biopsy last week, the lump is about 2cm. results in 5 days but nothing yet, do i need an mri?",
    "US: 2.2 cm irregular mass R breast, U5. Plan: for core biopsy and clinic review with results.",
    "Breast clinic: 1.9 cm lump L breast, still waiting for the histopathology report.",
]


@pytest.mark.parametrize("note", UNPROVEN)
def test_a_mass_measured_before_a_cancer_is_proven_has_no_size(note: str) -> None:
    assert "size_cm" not in tumor(note)


@pytest.mark.parametrize(
    "note",
    [
        "2WW referral result: core showed invasive ductal carcinoma, grade 2, ER+. US size 2.5 cm.",
        "MDT: 61F, 25mm mass L breast on US. Core: IDC grade 2, ER positive, HER2 negative.",
        "USG-guided core bx of 1.7cm L breast mass: invasive lobular carcinoma. HER2 FISH awaited.",
    ],
)
def test_a_proven_cancer_keeps_its_size_whatever_else_is_awaited(note: str) -> None:
    assert tumor(note).get("size_cm") in (2.5, 1.7)


@given(
    lead=st.sampled_from(
        [
            "Urgent suspected cancer referral (2WW).",
            "Referred to rule out malignancy.",
            "Histology awaited.",
            "Plan: US guided core biopsy.",
        ]
    ),
    size=st.sampled_from(["1.8 cm", "22 mm", "3cm"]),
)
@PROPERTY
def test_property_unproven_mass_sizes_are_left_out_and_proof_brings_them_back(lead: str, size: str) -> None:
    base = f"{lead} 58F, {size} mass L breast on US."
    assert "size_cm" not in tumor(base)
    assert "size_cm" in tumor(base + " Core biopsy: invasive ductal carcinoma, ER positive.")
