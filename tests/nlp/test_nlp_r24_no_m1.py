"""Round 24 (v25 blind): three ways a note named metastases without stating distant disease ("M1 without distant
disease" is an unsafe answer), each in other wordings: a metastasis named as a low suspicion, a pathology report's node
count "with metastases", and what patients in general have.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts

HEADER = "61F, R breast IDC, mastectomy 2022.\n"


@pytest.mark.parametrize(
    "sentence",
    ["Radiology: low suspicion of metastases, likely haemangioma.",
     "Axillary dissection: 3 of 17 positive for metastatic carcinoma, largest 6 mm.",
     "Sentinel nodes: 1/2 with metastases, no extranodal extension.",
     "In inflammatory cancer a third of patients have distant metastases at diagnosis, hence PET/CT.",
     "Women with 4+ positive nodes may develop distant mets in 30 %."],
)  # fmt: skip
def test_no_m1_from_metastases_named_without_distant_disease(sentence: str) -> None:
    assert facts(HEADER + sentence).get("tumor", {}).get("m") != "M1"


@pytest.mark.parametrize(
    "sentence", ["PET/CT: multiple liver metastases, biopsy-proven.", "Known metastatic disease to bone since 2024."]
)
def test_distant_disease_stated_is_still_m1(sentence: str) -> None:
    assert facts(HEADER + sentence).get("tumor", {}).get("m") == "M1"


def test_a_differential_listed_under_its_heading_states_no_metastasis() -> None:
    note = (HEADER + "Back pain x 5 weeks, progressive, wakes her at night.\nDifferential diagnosis:\n"
            " 1. Vertebral metastasis - must exclude\n 2. Osteoporotic fracture on AI\n"
            "Plan: MRI spine w/wo contrast.")  # fmt: skip
    got = facts(note)
    assert got.get("tumor", {}).get("m") != "M1"
    assert "back_pain" in got.get("symptoms", [])
    assert got.get("setting") == "suspected_distant_recurrence"
