"""Order-name classes found by the v21 blind order list (payers' and claims' hands), in our own words.

An order form's questions answered inline ("<attribute>? <answer>", "<attribute>: <answer>"). Each class with the
wordings that must still ask.
"""

from __future__ import annotations

import pytest

from order_helpers import case, study
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain.orders import interpret

KB = load_knowledge()


# ------------------------------------------------------------------ an order form's questions answered inline
@case(
    [
        ("MG diagnostic L -- DBT? No", "mammo_diagnostic"),  # a technique answered no is left out
        ("Screening mammogram | 3D: yes", "dbt_screening"),  # ... answered yes, named
        ("MRI brain -- Gadolinium? Y", "mri_head_wwo"),
        ("CT chest - IV contrast: No - Oral contrast: Yes", "ct_chest_wo"),  # only the IV contrast counts
        ("CT abdomen and pelvis -- Contrast? Yes -- Sedation? N", "ct_abdomen_pelvis_contrast"),
        ("MRI lumbar spine (contrast: not requested)", "mri_spine_wo"),
        ("CT head -- Pregnant? N", "ct_head"),  # a risk denied states nothing
        ("CT thorax contrast (Y/N): N", "ct_chest_wo"),
        ("CT chest -- Non-contrast? Y", "ct_chest_wo"),  # a question that states a timing: a yes is that timing
        ("Mammo screening bilat -- Tomo: Yes", "dbt_screening"),
    ]
)
def test_an_order_form_question_answered_yes_or_no(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("CT chest -- Contrast: IV", "ct_chest_contrast"),  # an answer that is itself a contrast is read as written
        ("MRI brain -- Contrast: with and without", "mri_head_wwo"),
        ("CT chest w contrast ?lung mets", "ct_chest_contrast"),  # a query, not a form's question
        ("Breast US -- Laterality: L -- Reason: palpable mass", "us_breast"),  # a value, not a yes or a no
    ]
)
def test_an_order_form_answer_that_is_a_value(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "CT chest -- Oral contrast? Y",  # an oral contrast is no IV contrast: which study?
        "MAMMOGRAM -- Tomosynthesis? N",  # no intent
        "CT CAP contrast [ ] yes [ ] no",  # no box ticked (round 31o: a ticked box is read)
        "CT chest -- Contrast allergy? N",  # the allergy denied: the contrast is still unstated
        "CT abdomen pelvis -- Oral contrast? N",
        "MRI breast -- Contrast? Maybe",  # answered neither yes nor no: whether contrast is given is the question
        "CT chest -- Contrast: TBD",
        "CT chest -- Contrast: routine",
        "CT chest -- Non-contrast? N",  # ... a no leaves which one to ask
    ],
)
def test_an_order_form_answer_that_does_not_say_which_study_asks(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


# ------------------------------------------------------------------ a patient's own words
@case(
    [
        ("My doctor ordered a screening mammogram, can I book for Friday?", "mammo_screening"),
        ("They want me to have a CT of my tummy and pelvis with the dye", "ct_abdomen_pelvis_contrast"),
        ("my surgeon wants me to get an MRI of both breasts with the dye", "mri_breast_wwo"),
        ("Can I get an ultrasound of my belly? my liver tests are high", "us_abdomen"),
        ("I want to book the chest x-ray my oncologist ordered before chemo", "xray_chest"),
        ("my doctor wants a diagnostic mammogram, not a screening one", "mammo_diagnostic"),  # an intent negated
        ("MRI of my head with no contrast because of my kidneys", "mri_head_wo"),  # "with no": no "with"
        ("MRI brain before and after gadolinium", "mri_head_wwo"),
        ("my GP wants me to get a chest x-ray", "xray_chest"),
        ("Hello, I was told to book a CT of my chest with dye", "ct_chest_contrast"),
        ("The doctor asked for a bone scan, when is the next opening?", "bone_scan"),
    ]
)
def test_a_patients_own_words_name_the_study(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "my doctor wants me to have a scan, when can I come in?",  # which scan?
        "Can I get a mammogram this year?",  # screening or diagnostic?
        "they want a CT of my belly",  # with or without contrast, and the catalogue's CT is of abdomen and pelvis
        "I want the mammogram, not the screening one",  # the screening negated names no intent
        "my stomach hurts, can I get a scan?",
    ],
)
def test_a_patients_words_that_do_not_say_which_study_ask(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


# ------------------------------------------------------------------ claims, remittances and prior authorisations
@case(
    [
        ("Remit 77063-26 SCREENING DBT BILAT PD 12.10", "dbt_screening"),  # an HCPCS or CPT code with its modifier
        ("G0279-TC DBT DX", "dbt_diagnostic"),
        ("CLM 78306 + A9561 BONE SCAN WB", "bone_scan"),  # the tracer's supply code: oxidronate (HDP)
        ("Prior auth: 78306-TC, A9503 - approved", "bone_scan"),  # ... medronate (MDP)
        ("claim line: US BREAST LT LTD, allowed 45.00, paid", "us_breast"),
        ("PET/MRI for restaging - patient declines CT", "pet_mri"),  # the study declined is not the one ordered
    ]
)
def test_payer_lines_name_the_study(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "78815 + A9580",  # the PET code with sodium fluoride's code: not the FDG PET/CT
        "78815 PSMA PET",  # another tracer than the code's study's
        "A9580",  # a tracer alone
        "Remit CT PD 54.03",
        "Pt refuses CT",
    ],
)
def test_payer_lines_that_do_not_name_one_study_ask(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


# ------------------------------------------------------------------ fixed-width names
@case(
    [
        ("MAMMO DX BI W/SYNTH 3D", "dbt_diagnostic"),  # the synthesized 2D of a tomosynthesis: no contrast "with"
        ("DBT SCRN BI W/ C-VIEW", "dbt_screening"),
        ("NM BONE SCAN WHL BODY", "bone_scan"),
        ("PET CT SKULL BS TO MID THIGH", "pet_ct"),
        ("MRI BRST BI W WO CON", "mri_breast_wwo"),
        ("CT CHST ABD PELV ENHNCD", "ct_cap_contrast"),
        ("tomosynthisis diag R breast", "dbt_diagnostic"),  # a typo next to the new words is still fixed
    ]
)
def test_fixed_width_names(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize("text", ["MAMMO BI W/SYNTH", "MRI BRST BI", "MAMMOGRAM"])
def test_fixed_width_names_that_leave_a_choice_ask(text: str) -> None:
    assert study(text) is None, interpret(KB, text)
