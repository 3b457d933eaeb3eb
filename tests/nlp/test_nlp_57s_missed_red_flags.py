"""Round 57s (v57 blind, hands cr / cs / ct): red flags the reader missed - a fracture from minimal force (the
note denies any trauma, or a lesion is seen with the fracture), a long bone's ache or a mid-thoracic pain set apart
from a chronic explained one by its warnings, a deficit new beside an old stroke's, heavy legs told by a likeness, a
weight loss given as two weights with a denial of trying, early satiety with a warning and the right upper quadrant's
dragging or full feeling. New wordings, not the set's sentences, with controls that must keep their reading."""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes, symptoms_to_confirm

HX = "67F, L lumpectomy + RT 2019 for IDC, on anastrozole. "

# ---------------------------------------------------------------- a fracture with the trauma denied


@pytest.mark.parametrize(
    "text",
    [
        HX + "Felt a snap rolling over in bed last week. CXR: nondisplaced R 9th rib fracture. No fall or injury.",
        HX + "Plain film shows a fracture of the left 6th rib. She denies any trauma.",
        HX + "XR: undisplaced L femoral neck fracture; no fall, no twisting.",
    ],
)
def test_fracture_with_trauma_denied_is_pathologic(text: str) -> None:
    assert "pathologic_fracture" in symptom_codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # control: a fall explains it, and the denial names another injury
        HX + "Tripped on the stairs and fell onto her side. XR: R 8th rib fracture. No head injury.",
        # control: a car accident
        HX + "Rib fracture sustained in a car accident last month. No other injury.",
        # control: a falls screen and a fracture risk, no fracture at all
        HX + "FRAX 10-yr hip fracture risk 4%. No falls in the past year.",
        # near miss: the fracture denied
        HX + "Rib XR: no rib fracture. No fall.",
        # near miss: an old fracture, history
        HX + "Hx of L hip fracture in 2015. No falls since.",
    ],
)
def test_fracture_after_trauma_or_not_present_is_no_red_flag(text: str) -> None:
    assert "pathologic_fracture" not in symptom_codes(text)


@pytest.mark.parametrize(
    "text",
    [
        HX + "Humerus XR: lytic area in the proximal shaft with a minimally displaced fracture.",
        HX + "On the rib film there is lucency at the fracture site.",
    ],
)
def test_lesion_with_fracture_is_pathologic(text: str) -> None:
    assert "pathologic_fracture" in symptom_codes(text)


def test_no_lucency_at_fracture_site_is_no_red_flag() -> None:
    # control: the radiologist denies a lesion at a fall's fracture
    text = HX + "Fell on ice, L 5th rib fracture; no lucency at the fracture site."
    assert "pathologic_fracture" not in symptom_codes(text)


# ---------------------------------------------------------------- a long bone's ache set apart from the usual aches


@pytest.mark.parametrize(
    "text",
    [
        HX + "AI joint aches in hands, unchanged. Separately, a dull ache L femur for 5 wks, keeps her up at night.",
        HX + "Constant pain in the R mid-shin for 3 weeks, wakes her, no injury.",
    ],
)
def test_separate_long_bone_ache_with_warnings_counts(text: str) -> None:
    assert "bone_pain" in symptom_codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # control: a bruise after a fall explains it
        HX + "Dull ache R thigh since she fell off her bicycle last week, bruise fading, improving.",
        # control: the AI's aches alone
        HX + "Anastrozole aches in both knees and hands, unchanged for a year, manages with paracetamol.",
    ],
)
def test_explained_aches_stay_explained(text: str) -> None:
    assert "bone_pain" not in symptom_codes(text)


# ---------------------------------------------------------------- a new spinal pain beside a chronic low back pain


def test_new_mid_thoracic_pain_beside_chronic_lbp_counts() -> None:
    text = (HX + "Chronic mechanical LBP from lumbar spondylosis for 15 yrs, stable on physio. Since March: pain "
            "mid-thoracic, not like her usual back, worse at night.")
    assert "back_pain" in symptom_codes(text)


def test_chronic_back_pain_unchanged_stays_explained() -> None:
    text = HX + "Chronic mechanical LBP from lumbar spondylosis for 15 yrs, unchanged, stable on physio."
    assert "back_pain" not in symptom_codes(text)


# ---------------------------------------------------------------- a deficit new beside an old stroke's


@pytest.mark.parametrize(
    "text",
    [
        ("82M. L MCA stroke 2019, residual R hand weakness, stable. Since Monday he drags the R foot, which he never "
         "did before."),
        "82M. L MCA stroke 2019, residual R hand weakness, stable. Exam: R hand 4/5 (baseline). R ankle DF 3/5 - new.",
    ],
)
def test_new_deficit_beside_old_stroke_counts(text: str) -> None:
    assert "neurologic_deficit" in symptom_codes(text)


def test_old_stroke_deficit_alone_stays_explained() -> None:
    text = "82M. L MCA stroke 2019 with residual R hand weakness, stable, unchanged per neurology."
    assert "neurologic_deficit" not in symptom_codes(text)


def test_legs_like_lead_is_a_deficit() -> None:
    text = HX + "Two weeks of back pain at night; now says both legs feel like lead walking to the car."
    assert "neurologic_deficit" in symptom_codes(text)


# ---------------------------------------------------------------- weight loss from two weights, trying denied


def test_two_weights_with_trying_denied_count() -> None:
    text = HX + "Wt 61 kg (67 kg at her March visit); husband says she has not been trying to lose weight."
    assert "weight_loss" in symptom_codes(text)


def test_two_weights_with_a_diet_stay_explained() -> None:
    # control: a deliberate diet explains the same loss
    text = HX + "Wt 61 kg (67 kg at her March visit); she has been trying to lose weight with Weight Watchers."
    assert "weight_loss" not in symptom_codes(text)


# ---------------------------------------------------------------- early satiety and the RUQ's felt words


@pytest.mark.parametrize(
    "text",
    [
        HX + "New early satiety for 3 weeks, finishing only a third of her plate.",
        HX + "Progressively gets full very quickly, worse over the last month.",
        HX + "Describes a heavy sensation under the right ribs since the summer.",
    ],
)
def test_abdominal_symptom_counts(text: str) -> None:
    assert "abdominal_pain" in symptom_codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # control: denied
        HX + "No early satiety, no abdominal pain, appetite good.",
        # control: explained and stable for years
        HX + "Early satiety for years from her polycystic liver disease, unchanged per hepatology.",
        # near miss: a plain early satiety without a warning, beside a denied pain (round 43u's reading kept)
        HX + "Some early satiety; no abdominal pain.",
    ],
)
def test_abdominal_symptom_denied_or_explained_is_no_red_flag(text: str) -> None:
    assert "abdominal_pain" not in symptom_codes(text)
    assert "abdominal_pain" not in symptoms_to_confirm(text)
