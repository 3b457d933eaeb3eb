"""Order-name classes of the fourteenth security pass (F2-F6, round 29o), in other words than the report's.

F2: a study "taken", "checked" or "confirmed" in the study's own words is done, with its result: it asks with its
status, as "done" and "showed" do; a leaflet's "pictures will be taken", "sugar checked on arrival", "reply C to
confirm" and a booking's "- appointment confirmed" stay filler. F3: "remaining" alone names no organ; only the remaining
breast is the breast. F4: contrast by mouth, by the rectum or drunk is never the IV study: the order asks about IV
contrast, or is the study without it where the text says "no IV". F5: a study not indicated, not needed, no longer
needed, postponed, withdrawn, stopped or held asks with its status; "hold metformin", "metformin held" are the
preparation. F6: a study named after "if" / "unless" is another study the order waits on: it asks; a condition of no
study ("if ALP rises") leaves the study as it is, with or without "Plan:".
"""

from __future__ import annotations

import pytest

from order_helpers import KB, case, study
from rightscan.domain.order_text import parse_order_text
from rightscan.domain.orders import interpret


# ------------------------------------------------------------------ F2: a study taken, checked or confirmed is done
@pytest.mark.parametrize(
    "text",
    [
        "CT head taken in A&E - no bleed",
        "US axilla confirmed an abnormal node",
        "MRI brain checked, no mets",
        "CT chest checked 10/10 - no PE",
        "mammogram confirmed a 2 cm mass",
        "bone scan was taken last week, normal",
        "chest x-ray taken on the ward, lines in good position",
    ],
)
def test_a_study_taken_checked_or_confirmed_is_done_and_asks(text: str) -> None:
    reading = interpret(KB, text)
    assert reading.status != "resolved"
    assert reading.order_status == "done"


@case(
    [
        ("screening mammogram - pictures will be taken of both breasts", "mammo_screening"),
        ("bone scan - pictures are taken 3 hours after the injection", "bone_scan"),
        ("PET/CT, blood sugar checked on arrival", "pet_ct"),
        ("Reminder: bone scan on Mon 9:15. Reply C to confirm.", "bone_scan"),
        ("bone scan Monday 9 am - appointment confirmed", "bone_scan"),
    ]
)
def test_a_leaflets_or_a_bookings_taken_checked_confirmed_stay_filler(text: str, pid: str | None) -> None:
    reading = interpret(KB, text)
    assert study(text) == pid
    assert reading.order_status == "proposed"


# ------------------------------------------------------------------ F3: "remaining" alone names no organ
@case(
    [
        ("MRI of the remaining liver", None),
        ("US of the remaining lymph nodes in the neck", None),
        ("CT of the remaining lung", None),
        ("US remaining nodes", None),
        # controls: the remaining (or other) breast is the breast
        ("US of the remaining breast", "us_breast"),
        ("US of the other breast", "us_breast"),
        ("ultrasound of the remaining breast next month", "us_breast"),
    ]
)
def test_remaining_names_the_breast_only_as_the_remaining_breast(text: str, pid: str | None) -> None:
    assert study(text) == pid


def test_the_remaining_organ_is_never_read_as_the_breast() -> None:
    for text in ("MRI of the remaining liver", "US of the remaining lymph nodes in the neck", "US remaining nodes"):
        assert "breast" not in parse_order_text(KB.vocabulary, text).regions, text
    assert parse_order_text(KB.vocabulary, "MRI of the remaining breast").regions == {"breast"}


# ------------------------------------------------------------------ F4: enteric contrast is not IV contrast
@pytest.mark.parametrize(
    "text",
    [
        "CT abdomen and pelvis with oral dye",
        "CT chest abdomen pelvis, PO dye only",
        "CT A/P with contrast by mouth",
        "CT abdomen pelvis with enteric contrast",
        "CT A/P w rectal dye",
        "CT abdomen pelvis - pt to drink contrast",
        "CT CAP with oral contrast",
    ],
)
def test_contrast_by_mouth_or_rectum_asks_about_iv_contrast(text: str) -> None:
    reading = interpret(KB, text)
    assert reading.status != "resolved"
    assert "contrast" in reading.missing
    assert any(not p.id.endswith("_contrast") for p in reading.choices)


@case(
    [
        ("CT CAP with oral and IV contrast", "ct_cap_contrast"),
        ("CT CAP with IV + oral contrast", "ct_cap_contrast"),
        ("CT abdomen pelvis w IV contrast and oral dye", "ct_abdomen_pelvis_contrast"),
        ("CT abdomen pelvis, oral contrast only, no IV", "ct_abdomen_pelvis_wo"),
        ("CT abdomen pelvis, oral dye only, no IV contrast", "ct_abdomen_pelvis_wo"),
    ]
)
def test_a_stated_iv_contrast_or_no_iv_beside_the_enteric_one_stands(text: str, pid: str | None) -> None:
    assert study(text) == pid


# ------------------------------------------------------------------ F5: a study not to be done now
@pytest.mark.parametrize(
    "text",
    [
        "MRI brain - no longer required",
        "bone scan - postponed until after chemo",
        "PET/CT - withdrawn by oncology",
        "CT CAP w contrast - stopped",
        "MRI breast - not needed",
        "CT CAP not indicated",
        "US axilla - held per surgeon",
    ],
)
def test_a_study_not_indicated_postponed_withdrawn_stopped_or_held_asks_with_its_status(text: str) -> None:
    reading = interpret(KB, text)
    assert reading.status != "resolved"
    assert reading.order_status == "declined"


@case(
    [
        ("CT CAP", "ct_cap_contrast"),
        ("CT CAP w/ contrast | 08:15 | hold metformin", "ct_cap_contrast"),
        ("CT CAP w contrast - eGFR 55, metformin held 48h", "ct_cap_contrast"),
        ("CT CAP w contrast, tamoxifen stopped", "ct_cap_contrast"),
        ("CT CAP w/ - hold metformin 48h", "ct_cap_contrast"),
        ("CT head w/o contrast - claustrophobic, declines MRI", "ct_head"),
        ("ct hed stat confusion", "ct_head"),
    ]
)
def test_a_preparation_held_or_another_study_declined_is_not_the_orders_status(text: str, pid: str | None) -> None:
    assert study(text) == pid


# ------------------------------------------------------------------ F6: a study conditional on another study
@case(
    [
        ("MRI brain only if CT negative", None),
        ("Plan: bone scan only if PET equivocal", None),
        ("US axilla if mammogram abnormal", None),
        ("Plan: MRI breast if mammogram inconclusive", None),
        ("PET/CT unless CT shows mets", None),
        # a condition that names no study leaves the study as it is, with "Plan:" or without (as before)
        ("Plan: CT CAP if CEA rises", "ct_cap_contrast"),
        ("CT CAP if CEA rises", "ct_cap_contrast"),
        ("Plan: bone scan if bone pain", "bone_scan"),
        ("bone scan if bone pain", "bone_scan"),
    ]
)
def test_a_study_conditional_on_another_study_asks(text: str, pid: str | None) -> None:
    assert study(text) == pid
