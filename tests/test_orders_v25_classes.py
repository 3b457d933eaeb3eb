"""Order-name classes found by the v25 blind order list (order names of European, Latin-American and Asian hospitals),
in our own words, never the list's lines.

The breast's signs and the mammogram's intent in Spanish, Portuguese, French, Italian and German; German side
abbreviations; "with" in German and French, and Dutch contrast phrases; both phases and contrast nouns in them;
the preposition before a contrast noun; the spine's segments, the abdomen with the pelvis, region ranges; a PET named
whole-body with the usual field beside it; the Spanish skeleton scintigraphy, chest radiograph and the Mexican "simple".
Each class with the wordings that must still ask.
"""

from __future__ import annotations

import pytest

from order_helpers import case, study
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain.orders import interpret

KB = load_knowledge()


@case(
    [
        # a sign of the breast named for certain makes the mammogram diagnostic, in any of these languages
        ("Mamografía bilateral - nódulo palpable mama izquierda", "mammo_diagnostic"),
        ("Mammografia bilaterale (nodulo palpabile QSI sinistra)", "mammo_diagnostic"),
        ("Mammographie beidseits - tastbarer Knoten links", "mammo_diagnostic"),
        ("Mamografia unilateral esquerda - secreção mamilar", "mammo_diagnostic"),
        # the German curative mammogram and the assessment of a finding are diagnostic
        ("Kurative Mammografie links", "mammo_diagnostic"),
        ("Brusttomosynthese bds., Abklärung", "dbt_diagnostic"),
        ("Tomosynthese, bilan diagnostique sein gauche", "dbt_diagnostic"),
        # screening in Portuguese (Portugal) and German, the mammogram named with it
        ("Mamografia de rastreio bilateral", "mammo_screening"),
        ("Screening-Mammografie bds.", "mammo_screening"),
        ("Mammografia di screening bilaterale", "mammo_screening"),
        # MX is the mammogram in Italian and Spanish shorthand
        ("Mx bilateral de cribado", "mammo_screening"),
    ]
)
def test_the_breasts_signs_and_the_intent_in_other_languages(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "Mamografia bilateral",  # no intent in any language
        "Mammografia bilaterale",
        "MX bilaterale",
        "Mammographie bds.",
        "Tomosintesi bilaterale",
        "Mammographie avec tomosynthèse",  # "avec" before a technique states no contrast, and no intent
        "MX",
        "Mammographie",
    ],
)
def test_a_mammogram_without_an_intent_still_asks(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


def test_mx_after_an_n_category_is_the_tnm_m_category() -> None:
    assert study("CT CAP - pT2 N0 MX") == "ct_cap_contrast"  # not a second study (a mammogram)
    assert study("CT CAP - ypT1 cN1 MX") == "ct_cap_contrast"


@case(
    [
        # "with" in German and French before a contrast noun; before a tracer or a technique a plain preposition
        ("RM mamas con gadolinio", "mri_breast_wwo"),
        ("MRT Mamma mit Kontrastmittel", "mri_breast_wwo"),
        ("PET/CT mit 18F-FDG", "pet_ct"),
        ("IRM hépatique avec injection de gadolinium", "mri_abdomen_wwo"),  # "de" is no mistyped "ce"
        # Dutch contrast phrases ("met" alone stays the metastasis of English shorthand)
        ("MRI mammae zonder en met contrast", "mri_breast_wwo"),
        ("CT thorax abdomen bekken zonder contrast", "ct_cap_wo"),
        ("CT thorax abdomen bekken met contrastmiddel", "ct_cap_contrast"),
        # both phases
        ("MRT LWS mit und ohne KM", "mri_spine_wwo"),
        ("RM mammella con e senza mdc", "mri_breast_wwo"),
        ("TDM TAP avec et sans injection", "ct_cap_wwo"),
        ("Scanner TAP sans puis avec produit de contraste", "ct_cap_wwo"),
        # contrast nouns; a liver-specific agent names the liver MRI's without-and-with study
        ("Mammographie avec produit de contraste iodé", "mammo_contrast"),
        ("MRI liver with hepatobiliary contrast", "mri_abdomen_wwo"),
        ("RM de hígado con contraste hepatoespecífico", "mri_abdomen_wwo"),
        # a contrast allergy beside a stated timing keeps the timing
        ("TC TAP con contraste (alergia al yodo)", "ct_cap_contrast"),
    ]
)
def test_contrast_in_other_languages(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "TC TAP (alergia a contrastes yodados)",  # an allergy and no timing: contrast is the question
        "MRI brain - bone met",  # "met" is still a metastasis, no contrast
        "RMN con contraste",  # no body part
        "TC total body con mdc",
    ],
)
def test_contrast_words_that_still_ask(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


@case(
    [
        # the spine's segments, the abdomen with the pelvis, a range of regions, the axilla's hollow
        ("RM columna lumbar con y sin contraste", "mri_spine_wwo"),
        ("RM coluna dorsal sem contraste", "mri_spine_wo"),
        ("TC torace addome completo senza e con mdc", "ct_cap_wwo"),
        ("TC abdomen total con contraste", "ct_abdomen_pelvis_contrast"),
        ("Ecografia addome completo", "us_abdomen"),  # the ultrasound of the whole abdomen, as "USG whole abdomen"
        ("Scanner thorax jusqu'au bassin injecté", "ct_cap_contrast"),
        ("CT chest through pelvis with contrast", "ct_cap_contrast"),
        ("Ecografía de hueco axilar derecho", "us_axilla"),
        ("Ecografia ascellare destra", "us_axilla"),
        ("Sonographie Oberbauch", "us_abdomen"),
        ("Echo mammaire bilatérale", "us_breast"),
    ]
)
def test_regions_in_other_languages(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "Echographie mammaire et creux axillaire gauche",  # two regions: the breast's or the axilla's study?
        "Echo mammaire + axillaire bilatérale",  # was read as the axilla's alone
        "Magnetresonanz Wirbelsäule",  # contrast not stated
        "Rx de columna o RM de columna si persiste el dolor",  # a choice
    ],
)
def test_regions_that_still_ask(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


@case(
    [
        # a PET named whole-body with the usual field qualifying it is the usual PET
        ("Whole body PET/CT, skull base to mid-thigh", "pet_ct"),
        ("PET-CT whole body (base of skull to mid thigh)", "pet_ct"),
        ("PET-CT whole body (vertex to toes)", "pet_ct_whole_body"),
        ("TEP-TDM du vertex aux pieds", "pet_ct_whole_body"),
        ("PET-TC FDG estadificación", "pet_ct"),
    ]
)
def test_the_field_of_a_pet(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "PT+CT Whole body and skull base to mid-thigh",  # two fields in one phrase
        "PET/CT whole body or skull base to mid thigh",
    ],
)
def test_two_fields_still_ask(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


@case(
    [
        # the skeleton's scintigraphy in Spanish, by its tracer or as an isotopic study
        ("Gammagrafía ósea con difosfonatos", "bone_scan"),
        ("Estudio isotópico óseo de cuerpo entero", "bone_scan"),
        # the chest radiograph in Spanish, Dutch and German
        ("Placa de tórax PA y lateral", "xray_chest"),
        ("Tele de tórax (prequirúrgica)", "xray_chest"),
        ("Thoraxfoto", "xray_chest"),
        ("Röntgen Thorax p.a. in 2 Ebenen", "xray_chest"),
        # the Mexican "simple" after the region is the unenhanced study
        ("TAC de tórax simple", "ct_chest_wo"),
        ("RM de columna lumbar simple", "mri_spine_wo"),
        ("US breast - simple cyst", "us_breast"),  # "simple" alone stays a cyst's word
    ]
)
def test_studies_named_in_spanish_and_german(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "Szintigraphie",  # which scintigraphy?
        "CCT nativ",  # cCT (craniale CT) is also a cardiac CT's abbreviation: not read (round 18o)
        "Ecografía",
    ],
)
def test_spanish_and_german_names_that_still_ask(text: str) -> None:
    assert study(text) is None, interpret(KB, text)
