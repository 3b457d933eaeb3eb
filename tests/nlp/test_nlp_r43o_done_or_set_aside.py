"""Round 43o (v43 blind, bd-008, bd-033): studies a plan line names but does not consider now. A study a staging was
completed with is done ("Staging complete w/ outside PET/CT"); the studies set aside for another, with words between
"preferred" and "over" ("PET/CT (preferred here over CT + bone scan)"), are not the order, the one preferred is
(annotation guide 2, order). Other wordings than the blind notes, with controls."""

from __future__ import annotations

import pytest

from nlp_helpers import facts, order_of

RECUR = "51F, L breast IDC 2020 s/p lumpectomy + RT, on AI. Biopsy-proven L axillary nodal recurrence 9/2025.\n"
NEW_DX = "47F, newly diagnosed R breast IDC, cT3 cN1, grade 3, HER2+.\n"


@pytest.mark.parametrize(
    ("note", "study"),
    [
        (RECUR + "Plan: FDG PET/CT, favoured in this setting over CT CAP and bone scan.", "pet_ct"),
        (RECUR + "A/P: whole body bone scan - preferred for her over PET given cost.", "bone_scan"),
        (RECUR + "Restaging with CT C/A/P with contrast, chosen here over PET/CT.", "ct_cap_contrast"),
    ],
)
def test_the_study_preferred_over_others_is_the_order(note: str, study: str) -> None:
    assert order_of(note) == study


@pytest.mark.parametrize(
    "note",
    [
        NEW_DX + "Plan:\n- Workup completed with PET/CT 8/12 at outside hospital; no further imaging.\n- Start TCHP.",
        NEW_DX + "Staging is complete by CT C/A/P 3/3 - no distant disease. Surgery first.",
        NEW_DX + "A/P: imaging done with bone scan last week, negative. Proceed with neoadjuvant chemo.",
    ],
)
def test_the_study_a_staging_was_completed_with_is_done(note: str) -> None:
    assert order_of(note) is None


@pytest.mark.parametrize(
    ("note", "study"),
    [
        # controls: a study still ordered after a staging completed with another stays the order
        (NEW_DX + "Staging complete with CT C/A/P 3/3; new hip pain at night, bone scan ordered.", "bone_scan"),
        (NEW_DX + "Plan: staging PET/CT ordered.", "pet_ct"),
        (RECUR + "Plan: PET/CT preferred over CT CAP and bone scan.", "pet_ct"),
    ],
)
def test_a_study_considered_now_is_still_read(note: str, study: str) -> None:
    assert order_of(note) == study


def test_a_real_symptom_near_the_cue_is_still_read() -> None:
    note = NEW_DX + "Severe new back pain at night. Staging complete w/ CT C/A/P 3/3; MRI spine w/wo ordered."
    assert "back_pain" in facts(note).get("symptoms", [])
    assert order_of(note) == "mri_spine_wwo"
