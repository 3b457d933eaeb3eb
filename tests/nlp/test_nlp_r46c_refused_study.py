"""Round 46c: a study the patient refuses by name after it was requested (annotation guide 2, order: a study declined is
not the order), found on blind v46 (bm-020: "Onc requested staging bone scan ... pt called & cancelled - declines bone
scan"). "declines" before a study is read as a negation; the refusal of that study by name now also sets its earlier
requests aside, as a study declined does.

Controls: a study only advised against is still the study considered ("bone scan requested; bone scan not indicated");
a study requested again after the refusal stands; a symptom after "declines" stays denied; a real study stands.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts


@pytest.mark.parametrize(
    "note",
    [
        "72F new L breast IDC 3.1 cm, cN1. Staging PET/CT ordered by med onc.\nF/u call 5/2: pt refused the PET/CT, "
        "wants surgery first.",
        "Reason for exam: staging CT chest/abd/pelvis w contrast for newly dx R breast ca, cN1.\n"
        "Addendum: patient declined CT C/A/P when called for scheduling.",
        "New dx R breast IDC, cT2 cN1. Plan: bone scan for staging.\nNurse note: she is declining the bone scan, "
        "says she has had enough tests.",
    ],
)
def test_a_study_refused_by_name_is_no_order(note: str) -> None:
    assert facts(note).get("order") is None


@pytest.mark.parametrize(
    ("note", "order"),
    [
        (
            "66F new L breast IDC, cN1. Bone scan requested by the patient. Bone scan not indicated per NCCN for "
            "this stage, will discuss.",
            "Bone Scan Whole Body",
        ),
        (
            "New dx R breast IDC, cT2 cN1. Initially declined staging, now agreeable after discussion.\n"
            "Plan: PET/CT for staging next week.",
            "FDG-PET/CT Skull Base to Mid-Thigh",
        ),
        ("58F new dx L breast IDC, cN1. Staging bone scan ordered.", "Bone Scan Whole Body"),
    ],
)
def test_a_study_not_refused_stays_the_order(note: str, order: str) -> None:
    assert facts(note).get("order") == order


def test_a_symptom_after_declines_stays_denied_and_a_real_one_is_read() -> None:
    assert "bone_pain" not in (
        facts("64F hx L breast ca. She declines bone pain, cough or headache.").get("symptoms") or []
    )
    got = facts("64F hx L breast ca, new R hip pain x 6 wks, worse at night. Bone scan ordered; she declines an MRI.")
    assert "bone_pain" in (got.get("symptoms") or [])
