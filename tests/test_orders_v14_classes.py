"""Order-name classes found by the v14 blind order list (tests/fixtures/orders/PROVENANCE.md), in our own words.

A negating word before a technique or modality says that part is not done ("no tomo" is the 2D study); a
contrast agent the patient declines is never read as "with contrast" (whether contrast is given is then the
question, unless the order states the timing); "scrn" is the screening abbreviation; and a typo fix never
drops a modality run on to the next word.
"""

from __future__ import annotations

import pytest

from order_helpers import case, study
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain.orders import interpret

KB = load_knowledge()


@case(
    [
        ("diagnostic mammogram left, 2D, without tomosynthesis", "mammo_diagnostic"),
        ("MG DIAG UNILAT RT (NOT TOMO)", "mammo_diagnostic"),
        ("screening mammo bilat - no 3D", "mammo_screening"),
        ("non-tomo screening mammogram", "mammo_screening"),
        ("whole body bone scan, no SPECT", "bone_scan"),
        ("MRI C-spine w/o gad (patient refuses contrast)", "mri_spine_wo"),
        ("SCRN MAMMO BIL W TOMO", "dbt_screening"),
        ("mg scrn bilat", "mammo_screening"),
        # regional names (v15 list): South African "sonar", Indian "skiagram", "sono-mammography" is an ultrasound
        ("sonar R breast 2 o'clock", "us_breast"),
        ("SONAR AXILLA RIGHT", "us_axilla"),
        ("skiagram chest", "xray_chest"),
        ("sonomammography left", "us_breast"),
    ]
)
def test_v14_shapes_name_the_study_a_clinician_means(text: str, pid: str) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        # the timing word written first qualifies the modality after it; it does not rule it out
        ("W/O CT CHEST - renal impairment", "ct_chest_wo"),
        ("without MRI brain", "mri_head_wo"),
        # a negating word before a contrast statement keeps its contrast reading
        ("CT abd/pelvis no contrast", "ct_abdomen_pelvis_wo"),
        ("screening mammo with tomo", "dbt_screening"),
    ]
)
def test_v14_controls_keep_their_reading(text: str, pid: str) -> None:
    assert study(text) == pid, interpret(KB, text)


def test_a_declined_order_keeps_its_contrast() -> None:
    """ "declined" with no contrast word next to it is what happened to the order, not to the agent: the study declined
    is the with-and-without one, offered and not resolved since round 26o (a study declined is no study to do now)."""
    reading = interpret(KB, "MRI breast bilateral w wo - pt declined")
    assert reading.status == "ambiguous" and reading.order_status == "declined"
    assert [p.id for p in reading.choices] == ["mri_breast_wwo"]


@pytest.mark.parametrize(
    "text",
    [
        "MRI brain (pt declines gadolinium)",  # declined: never the contrast study
        "CT chest - patient refused IV contrast",
        "CT CAP w contrast - contrast declined",  # with contrast, or the declined contrast left out?
        "mammo no 3D",  # still neither screening nor diagnostic
        # a modality run on to another word is not "corrected" away ("restaging", "oncology"): PET/MR, not PET/CT
        "PET MRIrestaging",
        "sonar",  # a modality alone names no study
        "FDG PET MRoncology protocol",
    ],
)
def test_v14_a_declined_agent_or_a_missing_attribute_asks(text: str) -> None:
    assert interpret(KB, text).status != "resolved", interpret(KB, text)
