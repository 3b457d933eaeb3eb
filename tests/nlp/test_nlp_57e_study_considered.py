"""Round 57e (v57 blind): the study considered where the reader found none - a request told with its hearer ("asked me
directly for"), a booking asked for after the study's time ("... at 6 months post-RT - please book"), the chest wall
ultrasound after a mastectomy, a study chosen after a test judged unreliable ("would be confounded by"), and a study
asked about and then answered against by the writer. New wordings, not the set's sentences, with controls that must
keep their reading (a study only mentioned, a study cancelled or refused, two studies named together)."""

from __future__ import annotations

import pytest

from nlp_helpers import facts, order_of

# ---------------------------------------------------------------- the patient's request, its hearer between


@pytest.mark.parametrize(
    "text",
    [
        "66F, new 1.8 cm IDC, cN0. She asked us specifically for a PET/CT before her operation. Plan: lumpectomy.",
        "70 yo woman, stage I IDC. Very worried; asks me again for a PET scan. Explained it is not indicated.",
    ],
)
def test_request_with_its_hearer_is_the_study_considered(text: str) -> None:
    assert order_of(text) == "pet_ct"


def test_request_named_by_someone_else_only_mentioned_stays_no_order() -> None:
    # control: a study someone else had, nobody asks for it now
    text = "64F, new 2 cm IDC, cN0. Her sister had a PET scan last year. Plan: lumpectomy and SLNB."
    assert order_of(text) is None


# ---------------------------------------------------------------- a booking asked for after the study's time


@pytest.mark.parametrize(
    ("text", "study"),
    [
        (
            "52F, L lumpectomy + RT done in May for pT1 N0 IDC. Well.\nL diagnostic mammogram 6 months after RT - pls "
            "arrange for November.\nReturn sooner if new symptoms.",
            "mammo_diagnostic",
        ),
        (
            "59F, R WLE 2024 for IDC, on letrozole. Well.\nBilateral breast MRI at 12 months post-op - please book "
            "for March.\nSee after.",
            None,  # the breast MRI is ambiguous for contrast in prose: only that the cue reaches it is asserted below
        ),
    ],
)
def test_please_book_reaches_back_over_the_time(text: str, study: str | None) -> None:
    evidence = [e for e in __import__("rightscan.adapters.text", fromlist=["extract"]).extract(text).evidence
                if e["field"] == "order"]  # fmt: skip
    assert any("proposed" in e["context"] for e in evidence)
    if study is not None:
        assert order_of(text) == study


def test_cancelled_study_before_please_book_stays_no_order() -> None:
    # control: the study named before is cancelled; the request after is for something else
    text = "61F, s/p R lumpectomy 2023. Bone scan cancelled - please book a clinic review in 3 months."
    assert order_of(text) is None


# ---------------------------------------------------------------- the chest wall ultrasound after a mastectomy


@pytest.mark.parametrize(
    "text",
    [
        "77F, R mastectomy 2019 for IDC. New 6 mm nodule in the R mastectomy scar. Plan: ultrasound of the R chest "
        "wall, FNA if solid.",
        "68M, L mastectomy 2021. Small lump at the scar. Will arrange targeted US L chest wall.",
    ],
)
def test_chest_wall_ultrasound_is_the_breast_ultrasound(text: str) -> None:
    assert order_of(text) == "us_breast"


def test_chest_wall_ct_is_not_the_breast_ultrasound() -> None:
    # control: a chest wall finding on a CT is no ultrasound
    assert order_of("72F, L mastectomy 2018. CT chest wall lesion seen on prior imaging, stable.") != "us_breast"


# ---------------------------------------------------------------- a study chosen after a test judged unreliable


def test_study_chosen_after_a_test_judged_unreliable_is_considered() -> None:
    text = (
        "60F, new 3 cm IDC with a positive axillary node, cT2 cN1. Known Paget's disease of bone.\nPlan: staging "
        "needed; skeletal uptake could be misleading here given Paget's -> FDG PET/CT."
    )
    assert order_of(text) == "pet_ct"


def test_consequence_still_hypothetical() -> None:
    # control: a finding as a condition of a consequence stays hypothetical
    text = "63F, stage II IDC. Bone pain would be an indication for a bone scan; she has none."
    assert order_of(text) is None
    assert "bone_pain" not in facts(text).get("symptoms", [])


# ---------------------------------------------------------------- a study asked about, answered against by the writer


def test_study_asked_about_then_not_ordered_is_the_study_considered() -> None:
    text = (
        "Q: 61F, R lumpectomy 2020 for stage I IDC, on anastrozole, well, no symptoms. CEA slightly up. Should she "
        "have a bone scan?\nA: I would not order a bone scan at this point; repeat the marker in 2 months."
    )
    assert order_of(text) == "bone_scan"


@pytest.mark.parametrize(
    "text",
    [
        "Q: 61F, R lumpectomy 2020 for stage I IDC, well. Should she have a bone scan?\nA: The patient declined the "
        "bone scan.",
        "Q: 61F, R lumpectomy 2020 for stage I IDC, well. Should she have a bone scan?\nA: The bone scan was "
        "cancelled.",
    ],
)
def test_study_asked_about_then_refused_or_cancelled_stays_no_order(text: str) -> None:
    assert order_of(text) is None
