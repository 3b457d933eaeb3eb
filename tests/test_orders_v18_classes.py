"""Order-name classes found by the v18 blind order list (tests/fixtures/orders/PROVENANCE.md), in our own words.

Abbreviations spelled letter by letter with full stops and spaces; contrast phrases and other order words as
speech recognition mishears them; names used by Dutch, German and Scandinavian clinicians writing English
(Latin anatomy, cMRT, Rtg, "echo" for ultrasound, MR mammography); a diagnostic mammogram code with the
tomosynthesis add-on; the unenhanced phase named as a step of the study; to-do and preference lists where one
study is ordered now and the others are done, declined, results or unticked boxes; a study named after
"after" is the earlier one; a SPECT added to a whole-body bone scan.
"""

from __future__ import annotations

import pytest

from order_helpers import case, study
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain.orders import interpret

KB = load_knowledge()


@case(
    [
        # letters with full stops, spaced or not, are one abbreviation
        ("F. E. S. PET/CT restaging", "fes_pet"),
        ("M. R. I. of the brain with and without gad", "mri_head_wwo"),
        ("P. E. T. C. T. vertex to toes", "pet_ct_whole_body"),
        ("C. T. head non contrast", "ct_head"),
    ]
)
def test_dotted_letters_spell_the_abbreviation(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        # "with and without" as dictation writes it: never read as the "without" it ends with
        ("MR head with in without gadolinium", "mri_head_wwo"),
        ("CT chest/abd/pelvis with an without IV contrast", "ct_cap_wwo"),
        ("MRI cervical spine within without contrast", "mri_spine_wwo"),
        ("MRI thoracic spine pre end post contrast", "mri_spine_wwo"),
        # other sound-alikes
        ("MRI breasts bile laterally w and wo contrast", "mri_breast_wwo"),
        ("screening tomb o synthesis bilateral", "dbt_screening"),
        ("US of the right axe hilla", "us_axilla"),
        ("PET/CT from skull bass to mid thigh", "pet_ct"),
        ("MR abdomen with and without evo vist", "mri_abdomen_wwo"),
        ("CT had with contrast", "ct_head"),
        ("MRI lumbar spine within withoutcontrast", "mri_spine_wwo"),  # run together, then heard
    ]
)
def test_dictation_mishearings_are_read_as_heard(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "MRI brain within 2 weeks",  # "within" stays a time word: no contrast stated, the order asks
        "CT had shown liver lesions, bone scan now",  # "had" before no contrast phrase is not the head
        "CMR with and without gadolinium",  # cardiac MRI, never fixed to "cMRI" (a head MRI)
    ],
)
def test_mishearing_controls_still_ask(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


@case(
    [
        ("CT thorax-abdomen-pelvis with contrast medium", "ct_cap_contrast"),
        ("Rtg thorax PA", "xray_chest"),
        ("MR caput with and without contrast", "mri_head_wwo"),
        ("cMRT with and without gadolinium", "mri_head_wwo"),
        ("MRI columna thoracalis with and without contrast", "mri_spine_wwo"),
        ("MR columna vertebralis totalis w/wo", "mri_spine_wwo"),
        ("echo mamma right, palpable mass", "us_breast"),
        ("echo of the right breast", "us_breast"),
        ("MRM bilateral with gadolinium", "mri_breast_wwo"),
        ("MR-mammography both breasts with contrast", "mri_breast_wwo"),
    ]
)
def test_european_names_name_the_study(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "MR caput",  # the head named, the contrast not: the order asks
        "MR mammography",  # the breast MRI, contrast not stated
        "echo baseline before trastuzumab",  # "echo" alone is still the heart's, not in the catalogue
        "MR caput femoris left",  # the femoral head, not the head
    ],
)
def test_european_name_controls_still_ask(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


@case(
    [
        ("77065 + G0279 diagnostic tomo left", "dbt_diagnostic"),
        ("77066+G0279", "dbt_diagnostic"),
        ("CT CAP w/ contrast (no-contrast phase is not needed)", None),  # no phase step named: asks
        ("CT C/A/P with and without contrast (unenhanced phase first)", "ct_cap_wwo"),
        ("CT chest abdomen pelvis with contrast (non-contrast phase first)", "ct_cap_wwo"),
        ("book CT C/A/P, contrast okay, creatinine 0.9", "ct_cap_contrast"),
        ("CXR pre-port insertion", "xray_chest"),
        ("CXR pre-PICC line", "xray_chest"),
        ("screening mammogram - sister dx at 45", "mammo_screening"),
        ("bilateral diagnostic mammogram, BI-RADS 4 outside", "mammo_diagnostic"),
    ]
)
def test_codes_phases_and_reasons(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "77066 screening",  # the code's study is diagnostic, the words say screening: the order asks
        "77067+77063 diagnostic",
    ],
)
def test_a_code_with_another_intent_asks(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


@case(
    [
        # one study ordered now, the others done, declined, a result or an unticked box
        ("CT CAP negative in March. Now ordering bone scan", "bone_scan"),
        ("[ ] mammo [ ] US [x] CT chest/abdomen/pelvis w contrast", "ct_cap_contrast"),
        ("[x] mammo done 1/5 [ ] MRI -> still need US L breast booked", "us_breast"),
        ("MRI brain normal; order: bone scan whole body", "bone_scan"),
        ("PET/CT declined (cost) -> CT CAP with IV contrast instead", "ct_cap_contrast"),
        # round 50q (orders_v46): the one study that is not history is the order, marked as ordered now or not; it was
        # a control that asked ("the first is not marked as ordered now") until then
        ("CT CAP with contrast; bone scan done", "ct_cap_contrast"),
        ("US R breast done; add diagnostic mammogram right", "mammo_diagnostic"),
        ("Bone scan: uptake L5 -> MRI lumbar spine w/wo", "mri_spine_wwo"),
        # a study named after "after" / "seen on" is the earlier one
        ("targeted US left breast, 3:00, following MRI", "us_breast"),
        ("2nd look ultrasound R breast for the focus seen on MRI", "us_breast"),
        # a SPECT of one field added to a whole-body bone scan
        ("whole body bone scan + SPECT/CT thoracic spine", "bone_scan"),
    ]
)
def test_the_study_ordered_now(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "[x] bone scan [x] CT CAP w contrast",  # two ticked: which one?
        "[ ] MRI brain w/wo [ ] bone scan",  # nothing ticked
        "CT CAP done. Now ordering bone scan; MRI brain w/wo",  # two studies left
        "Mammo normal -> MRI breast w/wo declined",  # the one after the arrow is declined
        "Bone scan negative. Order: CT chest",  # one study now, but its contrast is not stated
        "bone scan + SPECT L-spine",  # no whole-body scan named: the SPECT is a study of its own
        "bone scan with SPECT/CT",  # unchanged from round 10: the SPECT/CT study, not in the catalogue
        "CT chest",  # no body-part default: the contrast is asked
        "MRI",  # a modality alone
        "MRI brain and total spine w/wo",  # two studies
        "CT CAP done; add targetedUSL breast",  # the study ordered now is unreadable: never the done one
    ],
)
def test_list_controls_still_ask(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


def test_a_done_or_declined_study_keeps_its_status() -> None:
    assert interpret(KB, "CT CAP with contrast done 3/1").order_status == "done"
    assert interpret(KB, "CT CAP with contrast done 3/1 -> f/u clinic").order_status == "done"
    assert interpret(KB, "Pt declines MRI").order_status == "declined"
