"""Round 45o (v45 bh-040, bi-034, bi-043, bj-043): a study written with its result is done, not considered.

A line reporting a study by its date and a colon, or by what it showed, was read as a second study asked about when a
question mark doubted its finding ("? impending fracture", "? post-tx change vs recurrence"), and the study the plan
proposes was lost to a conflict (annotation guide 2, order: a study already done is not the order). Such a mention
is now set aside (``study_reported.py``). Controls: a study proposed in the same words, a study "to see whether it
shows", a lone doubted finding with no plan, and the symptoms and metastases of the same notes are read as before.
Wordings of our own, not the v45 notes'.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts, order_of, symptom_codes


@pytest.mark.parametrize(
    ("note", "study"),
    [
        (
            "62F, hx R breast IDC 2019 s/p lumpectomy, on letrozole. New R hip pain x 3 wks.\n"
            "XR R hip 2/11/25: 1.8 cm lucent lesion R femoral neck, ? pathologic.\n"
            "Plan: whole-body bone scan ordered.",
            "bone_scan",
        ),
        (
            "55F, hx L breast ca 2020. Diag mammo R 5/2: new asymmetry R UOQ, ? real vs summation.\n"
            "Plan: breast MRI with and without contrast ordered.",
            "mri_breast_wwo",
        ),
        (
            "70F, hx ER+ breast ca 2016. CT abdomen 11/3 (for diverticulitis) showed 2 small liver lesions,"
            " ? cysts vs mets.\nPlan: MRI abdomen with and without contrast to characterize.",
            "mri_abdomen_wwo",
        ),
        (
            "48F, hx TNBC 2022. Seen in ED with confusion; CT head non-contrast in the ED showed a 2 cm R parietal"
            " lesion ? met.\nPlan: MRI brain with and without contrast today.",
            "mri_head_wwo",
        ),
    ],
)
def test_a_study_reported_with_its_result_leaves_the_plan_its_order(note: str, study: str) -> None:
    assert order_of(note) == study


@pytest.mark.parametrize(
    ("note", "study"),
    [
        # a study still to come, in the same shape, stays the order
        (
            "58F, hx L breast ca 2018, rising CA 15-3. Will get a bone scan, which should show if there is spread.",
            "bone_scan",
        ),
        ("61F, hx R breast ca 2017. New back pain. ? bone mets - bone scan ordered.", "bone_scan"),
        ("66F, hx L breast ca 2019. Bone scan 4/2: scheduled.", "bone_scan"),
    ],
)
def test_a_study_to_come_keeps_its_reading(note: str, study: str) -> None:
    assert order_of(note) == study


def test_a_study_done_alone_is_no_order_and_its_findings_still_read() -> None:
    note = (
        "64F, hx L breast IDC 2018 s/p mastectomy. Bone pain in the lower back for 3 weeks, worse at night.\n"
        "CT C/A/P 3/9: multiple liver metastases and lytic bone metastases, ? early cord compression."
    )
    assert order_of(note) is None
    assert "bone_pain" in symptom_codes(note) or "back_pain" in symptom_codes(note)  # the red flag stays
    assert facts(note).get("setting") == "suspected_distant_recurrence"
