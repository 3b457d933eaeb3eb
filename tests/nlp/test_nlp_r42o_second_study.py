"""Round 42o (v41 blind set): a second study read where none is considered cancelled the study considered now.

Two readings of a study that is not the order made the note consider two studies, so the order was left out:
a routine study said to be current with the abbreviation "UTD" (up to date) was read as proposed on a plan line (v41
av-033), and the oestrogen-receptor PET written with a hyphen ("FES-PET") was read as the FDG PET/CT (v41 ax-042).
UTD now reads as "up to date" (done) for studies; the hyphened FES-PET is the FES PET.
Controls: a study said up to date does not become the order; a plain PET/CT stays the FDG PET/CT; a symptom near
"UTD" is read as before.
"""

from __future__ import annotations

import pytest

from nlp_helpers import order_of, symptom_codes

_HX = "63F, L breast IDC 2019, L mastectomy, RT, on anastrozole.\n"


@pytest.mark.parametrize(
    "plan",
    [
        "Plan:\n- MRI lumbar spine w/ and w/o contrast - ordered\n- Contralateral mammogram UTD (01/2026)\n",
        "A/P: new back pain, night pain.\n1. MRI L-spine with and without contrast ordered.\n2. Mammo utd.\n",
        "Plan: R diagnostic mammogram UTD per pt (2/2026). Ordering MRI lumbar spine w/wo contrast today.\n",
    ],
)
def test_a_study_up_to_date_does_not_cancel_the_order(plan: str) -> None:
    note = _HX + "New low back pain x 4 wks, worse at night.\n" + plan
    assert order_of(note) == "mri_spine_wwo"


def test_a_study_up_to_date_alone_is_no_order() -> None:
    note = _HX + "Doing well, no complaints.\nPlan: R screening mammogram UTD (3/2026). RTC 6 mo.\n"
    assert order_of(note) is None


@pytest.mark.parametrize(
    "plan",
    [
        "Plan: FES-PET to assess ER status of the bone lesions.",
        "MDT: request FES-PET/CT before starting endocrine therapy.",
        "Outcome: 18F-FES PET/CT to confirm ER-positive disease.",
        "Dr Lee to request FES-PET-CT; CNS to book dental review.",
    ],
)
def test_hyphened_fes_pet_is_the_fes_pet(plan: str) -> None:
    note = _HX + "Sclerotic bone lesions on CT, biopsy non-diagnostic.\n" + plan + "\n"
    assert order_of(note) == "fes_pet"


def test_plain_pet_ct_stays_fdg() -> None:
    note = _HX + "New rib pain, ALP rising.\nPlan: PET-CT skull base to mid-thigh - ordered.\n"
    assert order_of(note) == "pet_ct"


def test_symptom_beside_utd_still_read() -> None:
    note = _HX + "Headaches x 3 wks, worse in the morning, vomiting. Mammo UTD.\nPlan: MRI brain w/wo contrast.\n"
    assert "headache" in " ".join(symptom_codes(note))
    assert order_of(note) == "mri_head_wwo"
