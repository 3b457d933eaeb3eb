"""Order-name classes found by the v19 blind order list (tests/fixtures/orders/PROVENANCE.md), in our own words.

A study of the other side than the known cancer's, with the contralateral named; words a phone's autocorrect puts
for order words; short-interval follow-up and intervals written in twelfths; the treatment or staging procedure a
study comes before (pre-NACT, pre-SLNB) and the visit it is wanted before; a nuclear-medicine preparation
instruction; a RIS name that puts the department "XR" before a mammogram; an add-on code's descriptor naming the
primary codes it is billed with; a tracer's HCPCS code (A9552, FDG); "with SPECT/CT" after a whole-body bone scan.
"""

from __future__ import annotations

import pytest

from order_helpers import case, study
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain.orders import interpret

KB = load_knowledge()


@case(
    [
        # the side ordered is the other breast or axilla; the opposite side named is the known cancer's
        ("Diagnostic mammogram L breast (contralateral), known R breast cancer", "mammo_diagnostic"),
        ("US left axilla - contralat, R ILC", "us_axilla"),
        ("MRI R breast w and wo contrast - contralateral screen, L DCIS", "mri_breast_wwo"),
        ("diag tomo left (contra lateral) - right breast ca", "dbt_diagnostic"),
    ]
)
def test_the_contralateral_side_is_no_conflict(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "Diagnostic mammogram L breast, known R breast cancer",  # no contralateral named: which side?
        "US right axilla - contralateral, CT chest",  # a second study named: which one?
    ],
)
def test_sides_and_studies_still_ask(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


@case(
    [
        # autocorrect turns an order word into a near dictionary word
        ("whole body bone scab", "bone_scan"),
        ("X-tay chest PA", "xray_chest"),
        ("x tay of the chest", "xray_chest"),
        ("mammary gram diagnostic right", "mammo_diagnostic"),
    ]
)
def test_autocorrected_order_words(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        # when and what for, not which study
        ("diag mammo right, short interval follow-up 6/12", "mammo_diagnostic"),
        ("short interval f/u diagnostic mammo L in 3/12", "mammo_diagnostic"),
        ("MRI both breasts w/wo, pre-neoadjuvant chemo", "mri_breast_wwo"),
        ("US right axilla pre sentinel node biopsy", "us_axilla"),
        ("CT C/A/P with IV contrast before oncology review", "ct_cap_contrast"),
        ("bone scan whole body - 3 hours wait after injection, patient to hydrate", "bone_scan"),
    ]
)
def test_timing_and_purpose_words(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("XR MAMMOGRAPHY SCREENING BILATERAL", "mammo_screening"),
        ("XR MAMMOGRAM DIAGNOSTIC RIGHT [AB123]", "mammo_diagnostic"),
        # the add-on code before "list separately in addition to" is the study; the codes after are its primary's
        ("G0279 tomosynthesis, diagnostic (list separately in addition to 77065)", "dbt_diagnostic"),
        # a tracer's HCPCS code outside the catalogue names the tracer
        ("FDG PET/CT skull base to mid-thigh A9552", "pet_ct"),
        ("PET/CT eyes to thighs (A9552)", "pet_ct"),
        # "with SPECT/CT" after a whole-body bone scan is its add-on
        ("NM bone scan whole body with SPECT/CT thoracic spine", "bone_scan"),
    ]
)
def test_catalogue_names_and_codes(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@pytest.mark.parametrize(
    "text",
    [
        "A9552",  # a tracer alone names no study
        "PET A9552 vertex to toes or skull base to thigh",  # two fields
        "77066 in addition to 76642",  # two studies, not an add-on descriptor
        "G0279 (list separately in addition to 77067) screening",  # the add-on is diagnostic, the order screening
        "bone scan with SPECT/CT",  # no whole-body scan named: the SPECT/CT study, outside the catalogue
        "MRI lumbar spine with SPECT",  # no bone scan
        "CT chest before oncology review",  # no body-part default: the contrast is asked
        "MRI",  # a modality alone
    ],
)
def test_controls_still_ask(text: str) -> None:
    assert study(text) is None, interpret(KB, text)


def test_done_and_declined_studies_keep_their_status() -> None:
    assert interpret(KB, "bone scab whole body done last week").order_status == "done"
    assert interpret(KB, "pt declined contralateral breast MRI").order_status == "declined"
