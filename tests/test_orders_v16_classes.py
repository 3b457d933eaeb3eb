"""Order-name classes found by the v16 blind order list (tests/fixtures/orders/PROVENANCE.md), in our own words.

Latin-American names carried into English ("tomography", "mastography", "gammagraphy", "teleradiography",
"mammary gland", "simple" for an unenhanced CT or MRI, "simple and contrasted" for both series); the skull as the
field of a head CT or MRI; the torso; the long name of PET/CT; a second study the patient declines is not the one
ordered; "followed by" joins the two series of one study even after a comma; a "no" before a contrast noun
negates it and answers no form question; a screening mammogram code with the tomosynthesis add-on code.
"""

from __future__ import annotations

import pytest

from order_helpers import case, study
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain.orders import interpret

KB = load_knowledge()


@case(
    [
        ("tomography of the chest with contrast", "ct_chest_contrast"),
        ("simple tomography of abdomen and pelvis", "ct_abdomen_pelvis_wo"),
        ("brain tomography", "ct_head"),
        ("unilateral left diagnostic mastography", "mammo_diagnostic"),
        ("screening mastography", "mammo_screening"),
        ("whole-body bone gammagraphy (Tc-99m MDP)", "bone_scan"),
        ("chest teleradiography", "xray_chest"),
        ("ultrasound of the left mammary gland", "us_breast"),
        ("resonance of the lumbar spine simple", None),  # "resonance" alone is no modality word
        ("MRI simple cervical spine", "mri_spine_wo"),
        ("simple and contrasted MRI of the brain", "mri_head_wwo"),
        ("skull CT", "ct_head"),
        ("MRI of the skull and brain w/wo", "mri_head_wwo"),
        ("XR skull 2 views", "xray_bone"),  # a radiograph of the skull is a bone radiograph
        ("CT torso with IV contrast", "ct_cap_contrast"),
        ("positron emission tomography/computed tomography, FDG, restaging", "pet_ct"),
        ("FDG PET-CT, onc, initial tx strategy", "pet_ct"),
        ("CT C/A/P with contrast; patient refuses PET", "ct_cap_contrast"),
        ("bone scan - declined MRI (pacemaker)", "bone_scan"),
        ("MRI cervical spine w/o contrast, followed by contrast", "mri_spine_wwo"),
        ("MRI liver: unenhanced, then with gadolinium", "mri_abdomen_wwo"),
        ("MRI brain non contrast - no gad, prior allergic reaction", "mri_head_wo"),
        ("77067 + 77063 bilateral screening with tomo", "dbt_screening"),
    ]
)
def test_v16_shapes_name_the_study_a_clinician_means(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "Pt declines MRI",  # declined with nothing else ordered: the order itself is declined
        "US breast simple cyst",  # "simple" alone is a cyst's word, not a contrast statement
        "CT chest w/o, with contrast",  # a comma with no "followed by": two statements, which one?
        "CT chest (Contrast: [ ] Yes [ ] No)",  # no box ticked (round 31o: a ticked one is read, "No" is "w/o")
        "tomography",  # a modality alone names no study
    ],
)
def test_v16_what_stays_a_question(text: str) -> None:
    assert interpret(KB, text).status != "resolved", interpret(KB, text)


def test_a_declined_study_beside_the_order_leaves_the_order_proposed() -> None:
    assert interpret(KB, "CT CAP w contrast - claustrophobic, declines MRI").order_status == "proposed"
    assert interpret(KB, "Pt declines MRI").order_status == "declined"


@pytest.mark.parametrize(
    "text",
    [
        # v17 list: "with and/or without" offers either timing; it had been read as the study without contrast
        "CT chest/abdomen/pelvis w and/or w/o IV contrast",
        "MRI brain with and/or without gadolinium - ?mets",
        "CT C/A/P with or without contrast per protocol",
    ],
)
def test_either_contrast_timing_is_a_question(text: str) -> None:
    assert interpret(KB, text).status != "resolved", interpret(KB, text)
