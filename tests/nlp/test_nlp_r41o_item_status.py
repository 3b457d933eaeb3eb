"""Round 41o (v41 blind set): a plan item's status told after a dash at its end, past a long item.

A plan item names its study with its purpose, protocol or reason in brackets, or with its timing, and only then its
status after a dash ("- CT C/A/P w/ contrast 11/12 (restaging) - ordered", "- MRI abdomen w/ and w/o contrast (liver
protocol) in 2-4 wks -- ordered", "- Repeat CXR ... (former smoker, age) - order placed"). The bare "- ordered"
reaches 12 tokens back and a proposal word in the brackets ("restaging") ended it: the study was read as neither done
nor planned and the order was lost (v41 av-003, av-028, av-044). The status after a closing bracket or a double dash
is the item's own (the dashed twin of "(ordered)"), for studies only.
Controls: a metastasis in the brackets (still M1), a study done with its result, a study declined, a symptom in the
item, a single dash after a plain item.
"""

from __future__ import annotations

import pytest

from nlp_helpers import order_of, symptom_codes, tumor

_HX = "61F, L breast IDC 2020, L lumpectomy + SLNB, RT, on letrozole.\n"


@pytest.mark.parametrize(
    ("item", "study"),
    [
        ("- Bone scan whole body next week (ALP rising, r/o osseous mets) - ordered", "bone_scan"),
        ("- CT chest w/ contrast in 3 months (follow-up of 6 mm RUL nodule) -- requested", "ct_chest_contrast"),
        ("- US abdomen, RUQ, at the hospital (characterize liver lesion seen on CT) - booked", "us_abdomen"),
        ("- MRI brain w/ and w/o gadolinium within 2 weeks (headaches, r/o mets) -- order placed", "mri_head_wwo"),
        ("- PET/CT skull base to mid-thigh after cycle 3 of chemo (response assessment) -- ordered", "pet_ct"),
    ],
)
def test_dashed_status_after_a_long_item_is_the_plan(item: str, study: str) -> None:
    note = _HX + "Follow-up:\n" + item + "\n- PCP 1 wk\n"
    assert order_of(note) == study


def test_a_study_done_with_its_result_is_no_plan() -> None:
    note = _HX + "Imaging:\n- Bone scan 03/02 (for hip pain): no osseous lesions.\nPlan: RTC 6 months.\n"
    assert order_of(note) is None


def test_a_declined_study_stays_declined() -> None:
    note = _HX + "Plan:\n- PET/CT not indicated (asymptomatic, stage I) - not ordered\n- RTC 6 months\n"
    assert order_of(note) is None


def test_a_symptom_in_the_item_is_still_read() -> None:
    note = (
        _HX
        + "New low back pain x 3 wks, worse at night.\n"
        + "Follow-up:\n- MRI lumbar spine w/ and w/o contrast (back pain, night pain) -- ordered\n"
    )
    assert order_of(note) == "mri_spine_wwo"
    assert "back_pain" in symptom_codes(note)


def test_single_dash_after_a_plain_item_unchanged() -> None:
    note = _HX + "Plan:\n- Diagnostic mammogram bilateral - ordered\n"
    assert order_of(note) == "mammo_diagnostic"


def test_a_metastasis_in_the_brackets_stays_m1() -> None:
    note = (
        _HX
        + "Bone mets to T8 and L2 dx 2024, on palbociclib.\n"
        + "Follow-up:\n- PET/CT skull base to mid-thigh after cycle 3 (known bone mets, restaging) -- ordered\n"
    )
    assert order_of(note) == "pet_ct"
    assert tumor(note).get("m") == "M1"
