"""Round 55m (v55 blind, hand cm): stage fields, age and sex written in world English and in Spanish, Portuguese,
French or German - new wordings, not the set's sentences, with controls that must keep their reading."""

from __future__ import annotations

import pytest

from nlp_helpers import facts, tumor

# ---------------------------------------------------------------- size unit "cms"


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("Ca R breast. USG: hypoechoic irregular lesion 3.1 x 2.2 cms at 10 o'clock, BIRADS 5. Trucut: IDC gr 2.", 3.1),
        ("Ca L breast. O/E: 4 cms hard lump UOQ, mobile. Trucut: IDC.", 4.0),
    ],
)
def test_plural_cms_is_centimetres(text: str, size: float) -> None:
    assert tumor(text).get("size_cm") == size


def test_node_in_cms_is_no_tumour_size() -> None:
    # control: the node's size in "cms" stays out, as a node in "cm" does
    t = tumor("Ca L breast, trucut IDC gr 3. L axillary LN 2.5 cms, mobile. Breast lump not measured.")
    assert t.get("size_cm") != 2.5


# ---------------------------------------------------------------- age and sex


@pytest.mark.parametrize(
    ("text", "age", "sex"),
    [
        ("Paciente femenina de 63 años, remitida por nódulo mamario izquierdo.", 63, "female"),
        ("Mujer, 49 años. Nódulo en mama derecha.", 49, "female"),
        ("Mulher de 55 anos com nódulo palpável na mama direita.", 55, "female"),
        ("Mme Lefèvre, 71 ans, adressée pour masse du sein gauche.", 71, "female"),
        ("Pat.: 66 J., weiblich. Mammakarzinom links.", 66, "female"),
        ("Varón de 74 años con nódulo retroareolar.", 74, "male"),
        ("Madam Tan, 58 years old, noted a right breast lump.", 58, "female"),
    ],
)
def test_world_age_and_sex(text: str, age: int, sex: str) -> None:
    f = facts(text)
    assert f.get("age") == age
    assert f.get("sex") == sex


def test_years_ago_is_no_age() -> None:
    # control: a time ago or a treatment's length in years is no age
    f = facts("Paciente operada hace 25 años de un fibroadenoma. Ahora nódulo nuevo.")
    assert f.get("age") is None
    f = facts("Patient 20 years out from lumpectomy, routine follow-up.")
    assert f.get("age") is None


def test_relative_age_stays_out() -> None:
    # control: a relative's age in the same words is not hers
    f = facts("Antecedentes: su madre, mujer de 78 años, con cáncer de mama.")
    assert f.get("age") is None


def test_salutation_and_clinician_title_name_no_sex() -> None:
    # controls: "Dear Sir/Madam" addresses the reader; "Frau Dr. X" is the doctor
    assert facts("Dear Sir/Madam, we request a bone scan for our patient.").get("sex") is None
    assert facts("Seen with Frau Dr. Keller, 45 Jahre Erfahrung.").get("age") is None


# ---------------------------------------------------------------- histology, grade, receptors, nodes


@pytest.mark.parametrize(
    ("text", "histology"),
    [
        ("Biopsia: carcinoma invasivo de tipo no especial, grado 1.", "IDC"),
        ("Biopsie: carcinome infiltrant NST.", "IDC"),
        ("Stanzbiopsie: invasives duktales Karzinom, G2.", "IDC"),
        ("Tumorectomía 2018 por CDI G1, RH+.", "IDC"),
        ("BAG: carcinoma lobulillar infiltrante clásico.", "ILC"),
        ("Microbiopsie: carcinome lobulaire infiltrant.", "ILC"),
        ("Biopsia: carcinoma ductal in situ de alto grado, sin invasión.", "DCIS"),
        ("Core: carcinoma infiltrante mixto (ductal y lobulillar).", "mixed"),
    ],
)
def test_world_histology(text: str, histology: str) -> None:
    assert tumor(text).get("histology") == histology


def test_cdi_without_tumour_word_is_no_histology() -> None:
    # control: CDI is also C. difficile infection
    t = tumor("PMH: CDI colitis 2021, treated with vancomycin. Breast lump, biopsy pending.")
    assert t.get("histology") is None


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("Carcinoma ductal infiltrante, grado histológico 3.", 3),
        ("Carcinoma invasivo NST, grau 1.", 1),
        ("Grado histológico (Nottingham): II.", 2),
    ],
)
def test_world_grade(text: str, grade: int) -> None:
    assert tumor(text).get("grade") == grade


def test_dcis_nuclear_grade_is_no_grade() -> None:
    # control: the nuclear grade of DCIS is no histologic grade
    assert tumor("Carcinoma ductal in situ, grado nuclear 3, comedonecrosis.").get("grade") is None


def test_world_receptors() -> None:
    t = tumor("Carcinoma ductal infiltrante. RE negativo, RP positivo (5 %), HER2 negativo (score 1+).")
    assert (t.get("er"), t.get("pr"), t.get("her2")) == ("negative", "positive", "negative")
    t = tumor("Receptores de estrógeno: NEGATIVO. Receptores de progesterona: NEGATIVO. HER2 3+.")
    assert (t.get("er"), t.get("pr"), t.get("her2")) == ("negative", "negative", "positive")
    t = tumor("Carcinome canalaire infiltrant, RE positif, HER2 négatif.")
    assert (t.get("er"), t.get("her2")) == ("positive", "negative")


@pytest.mark.parametrize(
    "text",
    [
        "Carcinoma ductal infiltrante 1.4 cm, mama izquierda. Exploración: axila libre.",
        "Carcinoma invasivo NST 1.2 cm. Axila ecograficamente negativa.",
        "Invasives duktales Karzinom 1,5 cm. Axilla sonographisch unauffällig.",
        "You were recently diagnosed with breast cancer; the ultrasound of the glands under your arm was clear.",
    ],
)
def test_world_clear_axilla_is_n0(text: str) -> None:
    assert tumor(text).get("n") == "N0"


def test_clear_axilla_after_surgery_is_no_clinical_n() -> None:
    # control: a clear axilla in a treated cancer's follow-up is no clinical N of a primary
    t = tumor("Mastectomía izquierda 2019 por CDI G2. Control anual: axila libre, sin hallazgos.")
    assert t.get("n") is None
