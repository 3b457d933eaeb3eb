"""Round 45z (v45 bh-035, bi-038): a measured size (imaging or pathology) outranks an estimate (annotation guide 2,
tumor.size_cm: by imaging or pathology). A breast or axillary study named with its site as a line's heading ends the
examination above it, so its measured size is no size felt on examination; the upper end of an estimated range
("mass 5-6 cm") gives way to a measured size, and is never read as a numbered "mass 5" of another size. Controls: a
size felt on examination alone, a range alone and a real second focus are still read; an order titled with the study
keeps its study; a real T stage is kept.
"""

from __future__ import annotations

import pytest

from nlp_helpers import order_of, tumor

NEW_DX = "61F, R breast IDC, grade 2, ER+ PR+ HER2-, core biopsy this week, untreated.\n"


# ---------------------------------------------------------------- a study's own heading ends the examination
@pytest.mark.parametrize(
    "study",
    [
        "Breast US: R 10:00 irregular mass 2.6 x 1.9 cm, BI-RADS 5.",
        "MRI breast: single enhancing R breast mass, 2.6 cm greatest dimension.",
        "Diagnostic mammogram: spiculated R breast mass measuring 2.6 cm.",
        "Breast sonography: hypoechoic R breast lesion 26 mm.",
    ],
)
def test_measured_size_under_its_study_heading_outranks_the_felt_one(study: str) -> None:
    note = NEW_DX + "Physical examination: R breast mass about 3 cm, mobile.\n" + study + "\nA/P: cT2 cN0.\n"
    t = tumor(note)
    assert t.get("size_cm") == 2.6
    assert t.get("t") == "T2"


def test_size_felt_on_examination_alone_is_still_read() -> None:
    note = NEW_DX + "Examination: R breast mass about 3 cm, mobile, no skin change.\nA/P: cT2 cN0.\n"
    assert tumor(note).get("size_cm") == 3.0


def test_study_titled_order_keeps_its_study() -> None:
    note = (
        "MRI BREAST BILAT WO CONTRAST (abbreviated protocol)\n"
        "Hx L breast ca s/p lumpectomy + RT 2017. eGFR 24, no gadolinium. Annual surveillance, no complaints.\n"
    )
    assert order_of(note) == "mri_breast_wo"


# ---------------------------------------------------------------- a range is an estimate
@pytest.mark.parametrize(
    "estimate",
    [
        "Pt reports the lump is now mass 5-6 cm.",
        "Referral letter: lesion 5 to 6 cm on her own measurement.",
        "Per PCP, tumor 5-6 cm by palpation.",
        "She thinks the mass 5–6 cm has grown.",
    ],
)
def test_range_gives_way_to_the_measured_size(estimate: str) -> None:
    note = NEW_DX + estimate + "\nImaging: US R 12:00 5.4 cm irregular mass.\nA/P: cT3 cN0.\n"
    t = tumor(note)
    assert t.get("size_cm") == 5.4
    assert t.get("t") == "T3"


def test_range_alone_is_still_read() -> None:
    note = NEW_DX + "Imaging: mass 5-6 cm in the R breast.\n"
    assert tumor(note).get("size_cm") == 6.0


def test_numbered_second_mass_is_still_another_focus() -> None:
    note = NEW_DX + "US: mass 1: 3.1 cm at 10:00; mass 2: 1.4 cm at 11:00.\n"
    assert tumor(note).get("size_cm") == 3.1


# ---------------------------------------------------------------- integration (v43 bb-010): a date's dash is no range
@pytest.mark.parametrize("date", ["8/1 - ", "12/3 - ", "3/14 – "])
def test_a_dated_size_is_no_range_end_and_two_studies_still_conflict(date: str) -> None:
    note = (
        NEW_DX + f"Imaging: dx mammo/US {date}3.0 cm irregular mass R 2:00.\n"
        "Breast MRI 8/14: R breast non-mass enhancement 4.5 cm at 2:00.\n"
    )
    assert "size_cm" not in tumor(note)  # two imaging sizes, none said to be current: a conflict, not a choice
