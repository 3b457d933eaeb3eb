"""Order-name classes found by the v20 blind order list (tests/fixtures/orders/PROVENANCE.md), in our own words.

The signs of the breast that make a mammogram diagnostic, and the Dutch and Scandinavian "clinical mammography";
Latin anatomical names (mammae, the genitives, the sides); an implant's rupture named as the protocol; a booking's
times and preparation around a study, and a nuclear-medicine study's injection as its tracer's; contrast agents'
names as dictation hears them; more brand names of contrast agents; a contrast stated two ways that name one study.
Each class with the wordings that must still ask.
"""

from __future__ import annotations

import pytest

from order_helpers import case, study
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain.order_text import parse_order_text
from rightscan.domain.orders import interpret

KB = load_knowledge()


@case(
    [
        # a sign of the breast makes the mammogram (or the tomosynthesis) diagnostic
        ("Mammogram L - palpable mass 3 o'clock", "mammo_diagnostic"),
        ("bilateral mammo (nipple retraction R)", "mammo_diagnostic"),
        ("MG bilat - peau d'orange L", "mammo_diagnostic"),
        ("mammogram, abnormal CBE", "mammo_diagnostic"),
        ("3D mammo R - spontaneous nipple discharge", "dbt_diagnostic"),
        ("tomo both breasts - skin dimpling R, new lump found on self-exam", "dbt_diagnostic"),
        ("mammo R palpable mass 6 wk duration", "mammo_diagnostic"),
        # a sign denied or in the past is none: the screening stays the screening
        ("Screening mammogram no palpable lump", "mammo_screening"),
        ("screening mammogram, hx of nipple discharge 2010", "mammo_screening"),
        # the Dutch and Scandinavian clinical mammogram is the diagnostic one
        ("clinical mammogram left", "mammo_diagnostic"),
        ("Klinische mammografie links", "mammo_diagnostic"),
        ("clinical mammo bilat with tomo", "dbt_diagnostic"),
    ]
)
def test_signs_of_the_breast_and_the_clinical_mammogram(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "Mammogram bilat",  # no intent at all
        "Mammogram right breast lump",  # a bare lump: a finding or a history, not a sign for certain
        "Annual mammogram, no lumps or nipple discharge",  # denied in its clause
        "Mammogram bilateral, patient denies any lump or skin dimpling",
        "mammo bilat - hx of palpable lump",  # in the past
        "mammo - palpable lump excised 2019",  # what the clause says of the sign is not read
        "screening mammogram - new palpable lump",  # a screening order with a sign: which is it?
        "Clinical mammography bilateral screening",
    ],
)
def test_a_mammogram_without_a_sign_for_certain_still_asks(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


def test_the_signs_state_only_the_intent() -> None:
    parse = parse_order_text(KB.vocabulary, "US - new palpable lump, nipple discharge")
    assert parse.intent == {"diagnostic"} and not (parse.technique or parse.contrast_marks or parse.laterality)


@case(
    [
        # Latin names of Dutch, German and Scandinavian order lists
        ("MR mammae bilateralis w/wo", "mri_breast_wwo"),
        ("CT thoracis with contrast", "ct_chest_contrast"),  # was read as the thoracic spine
        ("MR hepar pre and post contrast", "mri_abdomen_wwo"),
        ("MR capitis with and without contrast", "mri_head_wwo"),
        ("US mamma dextra", "us_breast"),
        ("Mammographie sinistra diagnostisch", "mammo_diagnostic"),
    ]
)
def test_latin_anatomical_names(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        # an implant's rupture or leak named as the protocol is the non-contrast implant study
        ("MRI breasts - ?intracapsular rupture", "mri_breast_wo"),
        ("MRI breast for implant leak", "mri_breast_wo"),
        ("MR both breasts, silicone rupture protocol", "mri_breast_wo"),
        # a booking's times, arrival and preparation; the tracer's injection is the study's own step
        ("NM bone scan whole body - tracer injection 8:30, images at 11:30", "bone_scan"),
        ("Bone scan whole body. Injection 9:15; imaging at 12:15", "bone_scan"),
        ("bone scan inj 9 am, return 12 pm", "bone_scan"),
        ("Bone scan: appt 10:30", "bone_scan"),
        ("PET/CT FDG - NPO 6 hrs, injection 08:30, scan 09:30", "pet_ct"),
        ("FES PET - injection 9:00", "fes_pet"),
    ]
)
def test_protocol_names_and_scheduling_words(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "MRI mammae",  # the contrast left open
        "MR breast implants ? ruptured",  # the implant named, the contrast not
        "MRI breast w/wo - ?extracapsular rupture",  # an implant study (without) and a with-and-without one
        "CT chest - injection 9:00",  # outside nuclear medicine an injection is an intervention
        "US guided injection L shoulder",
        "US-guided core biopsy R breast 10:00",  # a clock position changes nothing
    ],
)
def test_implants_and_injections_that_still_ask(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


@case(
    [
        # contrast agents' names as dictation hears them
        ("MRI brain w and wo gad oh linium", "mri_head_wwo"),
        ("MRI spine with and without gad a lineum", "mri_spine_wwo"),
        ("MRI liver with prima vist", "mri_abdomen_wwo"),
        ("CT chest with iso view", "ct_chest_contrast"),
        # more brand and generic names of IV agents
        ("MRI brain with Omniscan", "mri_head_wwo"),
        ("CT chest with Iomeron", "ct_chest_contrast"),
        ("CT thorax/abdomen/pelvis Xenetix", "ct_cap_contrast"),
        ("MRI liver with gadoxetate disodium", "mri_abdomen_wwo"),
        # a contrast stated two ways that name one study (the catalogue's MRI is the "with" and the
        # "without and with" study)
        ("MRI brain with contrast (Gadovist), with and without", "mri_head_wwo"),
        ("MRI spine w gad - pre and post", "mri_spine_wwo"),
        ("74183 MRI liver with Eovist, pre and post contrast", "mri_abdomen_wwo"),
    ]
)
def test_contrast_agents_spoken_and_named(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "MRI brain with and without contrast gadda",  # half a name: unread
        "CT abdomen pelvis omni pack",  # iohexol: oral or IV
        "CT A/P w Accupaque",
        "MRI breast with contrast, without",  # two timings, two studies
        "CT chest w contrast - with and without",
        "MRI brain w/o, with and without",
        "70553 MRI brain w/o, with and without",  # with a code: a timing the code's study is not
    ],
)
def test_contrast_that_still_asks(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


def test_a_contrast_stated_two_ways_is_shown_as_an_assumption() -> None:
    reading = interpret(KB, "MRI liver with Primovist, pre and post contrast")
    assert reading.study is not None and reading.study.id == "mri_abdomen_wwo"
    assert any("contrast stated as 'with' and as 'without and with'" in a for a in reading.assumed)
