"""Round 31c: staging and setting facts (blind set v32, its classes in other words).

1. A clinically negative axilla in everyday words: examination and ultrasound negative together, a form's ticked
   "clinically negative" nodes, a node described benign-appearing; a suspicious or indeterminate node is never N0.
2. Surgery planned, not done: an operation booked, scheduled, planned or weighed among options is not prior surgery
   (annotation guide 2), so an untreated cancer keeps its new diagnosis and its clinical N.

Safety first: never a category the text does not give for the current tumour; the controls hold the old readings.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts

# --------------------------------------------------------------------------- 1. a negative axilla in words

NEW = "New R breast IDC 1.6 cm, grade 2, on core.\n"


@pytest.mark.parametrize(
    "words",
    [
        "Axilla clinically and ultrasound negative.",
        "Axillae clinically / sonographically clear.",
        "Axilla clinically & on imaging negative.",
        "Lymph nodes: clinically neg",
        "Nodes: [x] clinically negative   [ ] clinically positive",
        "L axilla: two 0.6 cm nodes with preserved fatty hila - benign-appearing.",
        "Axillary US: single node, cortex 1.5 mm, hilum preserved - BI-RADS 2.",
    ],
)
def test_a_negative_axilla_in_words_is_clinical_n0(words: str) -> None:
    assert facts(NEW + words)["tumor"].get("n") == "N0"


@pytest.mark.parametrize(
    "words",
    [
        "R axilla: one 1.2 cm node with cortical thickening 4 mm - indeterminate, FNA recommended.",
        "Axillary US: 2 nodes, one benign-appearing, one with thick cortex.",
        "Axillary US: 1 node, normal fatty hilum - benign appearing, but FNA advised given size 2.1 cm.",
        "Nodes: [ ] clinically negative   [x] clinically positive",
        "Nodes: [x] clinically negative   [x] bx proven",
    ],
)
def test_control_a_doubted_or_positive_node_is_not_n0(words: str) -> None:
    assert facts(NEW + words)["tumor"].get("n") != "N0"


def test_control_a_relatives_axilla_is_not_hers() -> None:
    note = "Mother: breast cancer at 50, axilla clinically & US negative then.\nPatient here for screening."
    assert "n" not in facts(note).get("tumor", {})


def test_control_a_resections_node_count_is_not_read_by_the_form_field() -> None:
    assert "n" not in facts("SLNB pathology. Lymph nodes: negative (0/3).").get("tumor", {})


# --------------------------------------------------------------------------- 2. surgery planned vs done


@pytest.mark.parametrize(
    "note",
    [
        "PMH: L breast IDC 2.1 cm dx 2 wk ago, grade 2. Mastectomy booked for 3/14. Axilla clinically negative.",
        "History: new R breast ca (IDC, 1.1 cm), scheduled for a right WLE on Monday. Axilla: NP.",
        "PMH: R breast IDC 1.2 cm dx last month. Options discussed: lumpectomy vs mastectomy; she prefers "
        "lumpectomy. Axilla neg on US.",
        "Hx: L breast IDC 1.5 cm, grade 1, dx 2 wks ago. Discussed WLE and SLNB with her today. Axilla clinically "
        "negative.",
        "PRE-OPERATIVE QUESTIONNAIRE\nProcedure: L partial mastectomy + SLNB\nDx: L breast IDC 1.3 cm, gr 2\n"
        "No palpable axillary adenopathy.",
    ],
)
def test_an_operation_to_come_is_no_prior_surgery(note: str) -> None:
    got = facts(note)
    assert "prior_surgery" not in got
    assert got.get("setting") == "new_diagnosis"
    assert got["tumor"].get("n") == "N0"


@pytest.mark.parametrize(
    ("note", "surgery"),
    [
        ("PMH: R breast cancer 2019 s/p lumpectomy and RT, on letrozole. Now new back pain.", "bct"),
        ("PMH: L breast IDC 2019, lumpectomy 2019. Surveillance mammogram scheduled for next month.", "bct"),
        ("PMH: L breast IDC 2019 treated with mastectomy; reconstruction discussed. On tamoxifen.", "mastectomy"),
    ],
)
def test_an_operation_done_stays_prior_surgery(note: str, surgery: str) -> None:
    assert facts(note).get("prior_surgery") == surgery


# --------------------------------------------------------------------------- 3. sizes of other organs; the setting


@pytest.mark.parametrize(
    "words",
    [
        "CT A/P: appendix 11 mm, dilated, periappendiceal fat stranding. AAA 3.2 cm.",
        "Pelvic US: 4 cm fibroid, endometrial stripe 5 mm, R ovary 3 cm.",
        "RUQ US: GB wall 5 mm, CBD 4 mm, gallstones.",
        "Other breast: 8 mm area of calcification, core: DCIS.",
    ],
)
def test_another_organs_measure_is_not_the_tumour_size(words: str) -> None:
    assert facts("New L breast IDC grade 2, 1.6 cm on US.\n" + words)["tumor"].get("size_cm") == 1.6


@pytest.mark.parametrize(
    "words",
    [
        "US: 1.8 cm irregular mass and associated calcifications.",
        "Mammo: 1.8 cm spiculated mass, calcs extending anteriorly.",
    ],
)
def test_control_the_tumour_with_its_calcifications_keeps_its_size(words: str) -> None:
    assert facts("New R breast IDC on core.\n" + words)["tumor"].get("size_cm") == 1.8


@pytest.mark.parametrize(
    "treatment",
    [
        "Adjuvant radiotherapy, completed. Tamoxifen 20 mg daily since then.",
        "Letrozole 2.5 mg od for 3 years.",
        "RT - completed 2023; anastrozole 1 mg daily since.",
    ],
)
def test_a_treated_cancer_followed_while_well_is_surveillance(treatment: str) -> None:
    note = (
        "Diagnosis 2022: invasive ductal carcinoma of the right breast. Treatment: right quadrantectomy. "
        f"{treatment} Pt well, no complaints."
    )
    assert facts(note).get("setting") == "surveillance"


def test_control_a_course_planned_is_not_treatment_given() -> None:
    note = "New R breast IDC 1.4 cm on core, grade 2. Plan: lumpectomy, then radiotherapy; tamoxifen to follow."
    assert facts(note).get("setting") == "new_diagnosis"
