"""Order-name classes of the fifteenth security pass (O1, O2), in other words than the report's.

O1: an enteric contrast said to be the only one ("(oral only)"), joined to a contrast timing ("with and without
oral contrast") or given as the answer to a contrast question ("Contrast: PO") never makes the IV-contrast study: the
order asks whether IV contrast is given. An IV route stated beside it, or an oral preparation in a segment of its own
("- drink the oral contrast an hour before"), keeps the IV study.
O2: a study written with its result after a colon or a dash ("result: negative", "reported:", "2/11: no osseous
mets", "- NAD") is done: it asks with that status, never rated as a study to do. A booking's date or an indication
after the study keeps it.
"""

from __future__ import annotations

import pytest

from order_helpers import KB
from rightscan.domain.orders import interpret


@pytest.mark.parametrize(
    "text",
    [
        "CT abdomen/pelvis w/ contrast (PO only)",
        "CT chest/abd/pelvis with contrast -- rectal only",
        "CT A/P without and with oral contrast",
        "CT abd pelvis w and wo PO contrast",
        "CT C/A/P -- Contrast: PO",
        "CT abdomen pelvis, contrast: rectal",
    ],
)
def test_an_enteric_only_contrast_asks_about_iv(text: str) -> None:
    reading = interpret(KB, text)
    assert reading.status != "resolved"


@pytest.mark.parametrize(
    ("text", "gold"),
    [
        ("CT abdomen pelvis with IV and PO contrast", "ct_abdomen_pelvis_contrast"),
        ("CT C/A/P -- Contrast: IV", "ct_cap_contrast"),
        ("CT abd/pelvis w contrast - pt to drink oral contrast 60 min prior", "ct_abdomen_pelvis_contrast"),
        ("CT A/P without contrast, oral contrast only", "ct_abdomen_pelvis_wo"),
        ("CT chest abdomen pelvis with contrast", "ct_cap_contrast"),
    ],
)
def test_an_iv_route_or_a_preparation_keeps_the_study(text: str, gold: str) -> None:
    reading = interpret(KB, text)
    assert reading.status == "resolved"
    assert reading.study is not None and reading.study.id == gold


@pytest.mark.parametrize(
    "text",
    [
        "Bone scan result: no evidence of metastases",
        "PET-CT reported: no distant mets",
        "CT C/A/P 14/10: no mets",
        "bone scan (3/9) - NAD",
        "MRI brain 02/12 - unremarkable",
        "CT chest 5/5 - negative",
    ],
)
def test_a_study_with_its_result_is_done_and_asks(text: str) -> None:
    reading = interpret(KB, text)
    assert reading.status != "resolved"
    assert reading.order_status == "done"


@pytest.mark.parametrize(
    ("text", "gold"),
    [
        ("Bone scan 2/11: please book", "bone_scan"),
        ("CT C/A/P - ER negative, HER2 positive, staging", "ct_cap_contrast"),
        ("US axilla - clinically negative axilla, new dx", "us_axilla"),
        ("CT chest with contrast - contrast allergy: neg", "ct_chest_contrast"),
    ],
)
def test_a_booking_or_an_indication_after_the_study_keeps_it(text: str, gold: str) -> None:
    reading = interpret(KB, text)
    assert reading.status == "resolved"
    assert reading.study is not None and reading.study.id == gold
