"""Order-name classes found by the v22 blind order list (a radiology department's internals), in our own words.

Identifiers joined by underscores with a site's code first (DICOM study descriptions, RIS codes), the views of a
mammogram named for the study (CC/MLO; spot compression, magnification and additional views after a recall), an
implant-integrity breast MRI, "hi res" chest CT, and a pre-operative clearance chest radiograph. Each class with
the wordings that must still ask.
"""

from __future__ import annotations

import pytest

from order_helpers import case, study
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain.orders import interpret

KB = load_knowledge()


# ------------------------------------------------------------------ a site's code before an underscore identifier
@case(
    [
        ("QX_MG_SCREENING_BILAT_2D", "mammo_screening"),
        ("KPNC_MR_BREAST_BILAT_WWO", "mri_breast_wwo"),
        ("ZZ_CT_CHEST_WO_CONTRAST", "ct_chest_wo"),
        ("UH_MG_DIAG_LT_SPOT", "mammo_diagnostic"),
        ("SITE2_US_BREAST_RT", "us_breast"),
        ("R_MG_DIAG", "mammo_diagnostic"),  # a side, not a site's code: read
        ("CE_MG_BILAT", "mammo_contrast"),  # a contrast word, not a site's code: read
    ]
)
def test_a_site_code_before_an_underscore_identifier_is_set_aside(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "QX_MG_BILAT",  # the code set aside, the mammogram still has no intent
        "QX_BREAST_SCREEN",  # the rest names no modality: the code stays unread
        "QX MG SCREENING",  # no underscore: a word outside the vocabulary, not a code
        "QX_MAMMOGRAM",
    ],
)
def test_a_site_code_never_settles_what_the_rest_leaves_open(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


# ------------------------------------------------------------------ the views of a mammogram
@case(
    [
        ("bilateral craniocaudal and mediolateral oblique views, screening", "mammo_screening"),
        ("Screening 4 views CC/MLO both breasts", "mammo_screening"),
        ("R CC + MLO - recall", "mammo_diagnostic"),
        ("Left breast spot compression magnification views", "mammo_diagnostic"),
        ("Spot mag R breast - calcifications", "mammo_diagnostic"),
        ("XCCL view left", "mammo_diagnostic"),
        ("Right breast additional views - screening callback", "mammo_diagnostic"),
        ("Further views left breast", "mammo_diagnostic"),
        ("Additional views left ankle", "xray_bone"),  # further views of another part: its radiographs
        ("US R breast - mass on spot compression", "us_breast"),  # the modality named is the study
        ("US L breast - focal asymmetry on MLO view", "us_breast"),
    ]
)
def test_the_views_of_a_mammogram_name_the_mammogram(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "MAMMOGRAM",
        "Mammogram CC and MLO views",  # the standard views: screening or diagnostic?
        "Craniocaudal and MLO views left breast",
        "CC view left",  # "CC" alone is no mammogram's (a volume, "cc: Dr X")
        "Left breast 2 views",  # a breast's radiograph is its mammogram, with no intent
        "Additional views",  # of what?
        "MRI breast - spot compression",  # another modality named: no mammogram
        "Mag 1.2",
    ],
)
def test_the_views_of_a_mammogram_leave_what_they_do_not_say_to_ask(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


# ------------------------------------------------------------------ an implant-integrity breast MRI
@case(
    [
        ("MRI breasts silicone implants integrity, non-contrast", "mri_breast_wo"),
        ("MR bilateral breast silicone implant leak without gad", "mri_breast_wo"),
        ("Bilateral breast MRI silicone implant integrity", "mri_breast_wo"),
        ("MRI breast silicone implants - rupture vs leakage", "mri_breast_wo"),
    ]
)
def test_an_implant_integrity_breast_mri_is_the_unenhanced_study(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "Breast MRI for implant integrity with and without contrast",  # the implant protocol and a contrast statement
        "Breast implant integrity",  # no modality
    ],
)
def test_an_implant_study_that_states_more_still_asks(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


# ------------------------------------------------------------------ "hi res" chest CT
@case(
    [
        ("High-res CT chest", "ct_chest_wo"),
        ("CT thorax high resolution", "ct_chest_wo"),
        ("Chest CT hi res, no contrast - ILD", "ct_chest_wo"),
        ("CT lungs HIRES", "ct_chest_wo"),
    ]
)
def test_hi_res_chest_ct_is_the_hrct(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "CT chest hi-res with contrast",  # unenhanced and with contrast, as "HRCT chest with contrast"
        "MRI brain high resolution",  # no study is both
        "MRI breast hi res",
        "US thyroid high resolution",
        "High resolution",  # no region
    ],
)
def test_high_resolution_never_makes_another_study_unenhanced(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


# ------------------------------------------------------------------ a pre-operative clearance chest radiograph
@case(
    [
        ("Chest X-ray - surgical clearance", "xray_chest"),
        ("Repeat chest radiograph for medical clearance", "xray_chest"),
        ("CXR repeat - cardiac clearance before surgery", "xray_chest"),
        ("PA and lateral chest, preop clearance", "xray_chest"),
    ]
)
def test_a_clearance_is_what_the_study_is_for(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "CT abdomen pelvis - creatinine clearance 28",  # kidney function: contrast in question
        "CT abdomen and pelvis, CrCl 25",
        "CT chest - clearance",  # the contrast still unstated
        "Pre-op clearance",  # no study
    ],
)
def test_a_clearance_never_states_a_study_or_a_contrast(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


def test_creatinine_clearance_puts_contrast_in_question() -> None:
    reading = interpret(KB, "CT CAP - CrCl 25")
    assert reading.status == "ambiguous" and reading.contrast_question, reading
