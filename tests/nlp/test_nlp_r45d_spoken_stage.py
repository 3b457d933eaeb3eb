"""Round 45d: the stage fields said in an unedited dictation or written in the word order of a writer whose first
language is Spanish or Portuguese (annotation guide 2: tumor.t, tumor.n, tumor.er/pr/her2, tumor.histology), found on
blind v45 (bh-001, bh-010, bh-019, bh-025, bh-029, bh-044, bh-048):

- the clinical T and N said as capital letters apart before their values ("T three N one M X", "T four B N three C");
- the HER2 score zero said alone after the receptor's words ("her two zero period");
- the receptors' Spanish and Portuguese letters ("RE+ RP+", "RE 90%");
- the lobular type after the noun ("carcinoma lobular infiltrating").

Controls: a lone "T four" (a vertebra) or "T two weighted" stays words; "RE:" (regarding) and "RE-excision" are no
receptor; a written TNM and English receptors stand; lobular carcinoma in situ is no invasive lobular type; a real
metastasis stated stands.
"""

from __future__ import annotations

import pytest

from nlp_helpers import tumor


@pytest.mark.parametrize(
    ("note", "t", "n"),
    [
        ("impression comma clinical T two N one left breast cancer period plan chemotherapy", "T2", "N1"),
        ("assessment cT is T one B N zero period sentinel node biopsy planned period", "T1b", "N0"),
        ("she has a locally advanced cancer T four D N two A period plan P E T C T", "T4d", "N2a"),
        ("my impression is T three N zero M zero invasive lobular carcinoma period", "T3", "N0"),
    ],
)
def test_the_clinical_t_and_n_said_apart_are_read(note: str, t: str, n: str) -> None:
    got = tumor(note)
    assert got.get("t") == t
    assert got.get("n") == n


@pytest.mark.parametrize(
    "note",
    [
        "M R I of the spine shows a compression fracture at T four period no cord compression period",
        "the T two weighted images show a bright lesion period",
    ],
)
def test_a_lone_t_said_stays_words(note: str) -> None:
    assert tumor(note).get("t") is None


def test_a_written_tnm_stands() -> None:
    got = tumor("Impression: cT2 N1 M0 left breast IDC.")
    assert (got.get("t"), got.get("n")) == ("T2", "N1")


@pytest.mark.parametrize(
    "note",
    [
        "core biopsy invasive ductal carcinoma E R positive P R positive her two zero period plan surgery",
        "receptors comma E R negative P R negative her two zero new paragraph triple negative",
    ],
)
def test_her2_zero_said_is_negative(note: str) -> None:
    assert tumor(note).get("her2") == "negative"


def test_her2_three_plus_said_stays_positive() -> None:
    assert tumor("invasive ductal carcinoma her two three plus period").get("her2") == "positive"


@pytest.mark.parametrize(
    ("note", "er", "pr"),
    [
        ("Biopsy: carcinoma ductal infiltrating G2, RE+ RP- HER2-.", "positive", "negative"),
        ("Immunohistochemistry: RE 80%, RP 5%, HER2 1+, Ki67 20%.", "positive", "positive"),
        ("Core: carcinoma ductal invasive, RE negative, RP negative, HER2 3+.", "negative", "negative"),
    ],
)
def test_the_spanish_receptor_letters_are_read(note: str, er: str, pr: str) -> None:
    got = tumor(note)
    assert (got.get("er"), got.get("pr")) == (er, pr)


def test_regarding_and_re_excision_are_no_receptor() -> None:
    got = tumor("RE: Mrs Lopez, clinic 12/03. RE-excision of margins planned. Histology IDC.")
    assert got.get("er") is None and got.get("pr") is None


@pytest.mark.parametrize(
    "note",
    [
        "Biopsy: carcinoma lobular infiltrating of left breast, grade 2.",
        "The core showed cancer lobular invasive, RE 90%.",
        "Diagnosis: carcinoma lobular infiltrante, G1.",
    ],
)
def test_the_lobular_type_after_the_noun_is_ilc(note: str) -> None:
    assert tumor(note).get("histology") == "ILC"


def test_lobular_in_situ_is_no_ilc() -> None:
    assert tumor("Excision: carcinoma lobular in situ, no invasion.").get("histology") != "ILC"


def test_a_stated_m1_said_apart_still_stands() -> None:
    got = tumor("assessment T two N one M one with liver metastases biopsy proven period")
    assert got.get("m") == "M1"


# ---------------------------------------------------------------- the plural "adenopathies" (v45 bh-029)
@pytest.mark.parametrize(
    ("note", "n"),
    [
        ("Axillary ultrasound: without adenopathies. Biopsy: IDC.", "N0"),
        ("Physical exam: breasts without nodules, axillas without lymphadenopathies.", "N0"),
        ("Ecography axillary: two adenopathies of 15 mm with cortex thickened, BI-RADS 4.", "N1"),
    ],
)
def test_adenopathies_read_as_adenopathy(note: str, n: str) -> None:
    assert tumor(note).get("n") == n
