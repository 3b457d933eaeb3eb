"""Order-name classes found by the v13 blind order list (tests/fixtures/orders/PROVENANCE.md), in our own words.

"Scint" is the nuclear-medicine abbreviation of scintigraphy; a PET/MR or PET/CT hybrid written with the
other modality first ("MR-PET", "CT/PET") or called a hybrid scan is the same study; and in what an order
is for, "correlate" points at the earlier study a finding came from, whose modality is not the one ordered.
"""

from __future__ import annotations

import pytest

from order_helpers import study
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain.orders import interpret

KB = load_knowledge()


@pytest.mark.parametrize(
    ("text", "pid"),
    [
        ("NM whole-body bone scint", "bone_scan"),
        ("bone scinti, staging", "bone_scan"),
        ("Tc99m MDP bone scint - ? spinal deposits", "bone_scan"),
        ("MR/PET hybrid scan for restaging", "pet_mri"),
        ("MR-PET", "pet_mri"),
        ("MR-PET whole body FDG", "pet_mri"),
        ("MRI/PET hybrid study", "pet_mri"),
        ("CT/PET skull base to mid thigh", "pet_ct"),
        ("US L breast 10 o'clock - correlate with MRI finding", "us_breast"),
        ("left axillary ultrasound - correlation with PET uptake", "us_axilla"),
    ],
)
def test_v13_shapes_name_the_study_a_clinician_means(text: str, pid: str) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "scint",  # a modality alone names no study
        "hybrid scan",  # nor does the word hybrid
        "MR-PET brain",  # a PET/MR of another region is not the catalogue's study
        "US breast correlate with MRI",  # two modalities in the study part itself: which one is ordered?
    ],
)
def test_v13_controls_stay_unresolved(text: str) -> None:
    assert interpret(KB, text).status != "resolved", interpret(KB, text)
