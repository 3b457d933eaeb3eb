"""Classes of clinical meaning found on the session's regression review (blind_test's remaining errors), each
with wording of our own and a control that keeps the neighbouring reading, so that no test passes by reading
nothing: receptor sign triplets after a tumour with its size and grade between; a patient's own words for
abdominal pain; a limb named after "pain" without a preposition; a relative who reports the patient's
symptom ("my husband says my eyes look yellow") is a witness, not the subject."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import facts, tumor

PROPERTY = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SIGN = {"+": "positive", "-": "negative"}


# ------------------------------------------------------------------ "+/+/-" after the tumour's size and grade
@PROPERTY
@given(
    er=st.sampled_from("+-"),
    pr=st.sampled_from("+-"),
    her2=st.sampled_from("+-"),
    between=st.sampled_from(["", " 2.3 cm,", " 2.3 cm, gr 2,", " 1.4cm T1c N0, grade 3,", " (1.1 cm)"]),
    histology=st.sampled_from(["IDC", "ILC", "breast ca -", "carcinoma"]),
)
def test_sign_triplet_after_the_tumour_is_er_pr_her2(er: str, pr: str, her2: str, between: str, histology: str) -> None:
    got = tumor(f"New dx: R breast {histology}{between} {er}/{pr}/{her2}, surgery next week.")
    assert (got.get("er"), got.get("pr"), got.get("her2")) == (SIGN[er], SIGN[pr], SIGN[her2])


@pytest.mark.parametrize(
    "ros",
    ["ROS fever/chills/sweats -/-/-", "F/C/NS: -/-/-", "N/V/D -/-/-"],
)
def test_a_review_of_systems_triplet_is_never_read_as_receptors(ros: str) -> None:
    got = tumor(f"R breast IDC 2.1 cm, grade 2. {ros}. Plan: surgery.")
    assert got.get("size_cm") == 2.1  # the tumour is read
    assert not {"er", "pr", "her2"} & got.keys(), got


# ------------------------------------------------------------------ a patient's words for abdominal pain
@pytest.mark.parametrize(
    "words",
    [
        "my stomach has been hurting on the right side",
        "I have had a bellyache for a week",
        "she has tummy pain most evenings",
        "aching under my right ribs since Sunday",
    ],
)
def test_lay_words_for_abdominal_pain_are_abdominal_pain(words: str) -> None:
    got = facts(f"{words}. Biopsy last week showed breast cancer, not treated yet.")
    assert "abdominal_pain" in got.get("symptoms", []), got


@pytest.mark.parametrize("words", ["no stomach pain", "denies any pain under the ribs"])
def test_denied_lay_abdominal_pain_is_not_raised(words: str) -> None:
    got = facts(f"Biopsy last week showed breast cancer, not treated yet. She reports {words}.")
    assert "abdominal_pain" not in got.get("symptoms", []), got


# ------------------------------------------------------------------ "pain L thigh"
@pytest.mark.parametrize("site", ["Pain L thigh x3 wks", "pain R hip for a month", "Pain lt femur, worse at night"])
def test_pain_then_a_sided_bone_site_is_bone_pain(site: str) -> None:
    got = facts(f"55F, L breast IDC on core bx, untreated. {site}.")
    assert "bone_pain" in got.get("symptoms", []), got


def test_the_same_site_denied_is_not_bone_pain() -> None:
    got = facts("55F, L breast IDC on core bx, untreated. No pain L thigh or hip.")
    assert "bone_pain" not in got.get("symptoms", []), got


# ------------------------------------------------------------------ a relative as the reporter
@pytest.mark.parametrize(
    "told",
    [
        "My husband says my eyes look yellow.",
        "My daughter thinks I have had bad headaches lately.",
        "Her husband says she has had headaches every morning.",
    ],
)
def test_a_relative_telling_of_the_patient_is_the_patients_symptom(told: str) -> None:
    got = facts(f"Biopsy showed breast cancer last week, chemo not started. {told}")
    assert got.get("symptoms"), got


def test_a_relatives_own_illness_is_still_not_the_patients() -> None:
    got = facts("Biopsy showed breast cancer last week, chemo not started. My husband has jaundice from hepatitis.")
    assert "jaundice" not in got.get("symptoms", []), got
