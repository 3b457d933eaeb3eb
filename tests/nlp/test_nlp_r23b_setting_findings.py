"""Round 23b: a treated cancer's new finding moves the setting, read by meaning, as classes.

An operation told in a patient's words with an adverb of extent or the verb's plain form is a mastectomy; skin nodules
of the chest wall or breast named after or before their place are a new local finding; a lucent lesion of a bone is a
new finding that may be distant spread (never a radiolucent breast finding). Negative cases: a planned removal is no
prior surgery, a denied nodule moves nothing, and a lucent lesion named without a bone stays no distant finding.
"""

from __future__ import annotations

import pytest

from rightscan.adapters.text import extract


def _facts(text: str) -> dict:
    return dict(extract(text).facts)


# ------------------------------------------------------------------ a mastectomy in a patient's words
@pytest.mark.parametrize(
    "told",
    [
        "I had my left breast completely removed in 2019 and then radiotherapy.",
        "My breast was totally removed back in 2018, then I had chemo.",
        "In 2017 they had to take off the whole left breast, then chemo after.",
        "She had her right breast entirely removed in 2020.",
    ],
)
def test_a_breast_removed_in_a_patients_words_is_a_mastectomy(told: str) -> None:
    assert _facts(told + " No other problems.").get("prior_surgery") == "mastectomy"


@pytest.mark.parametrize(
    "planned",
    [
        "The surgeon is planning to remove the whole breast next month.",
        "We will remove the entire left breast on the 14th.",
    ],
)
def test_a_removal_to_come_is_no_prior_surgery(planned: str) -> None:
    assert "prior_surgery" not in _facts("New L breast IDC on core biopsy. " + planned)


# ------------------------------------------------------------------ skin nodules of the chest wall: a local finding
@pytest.mark.parametrize(
    "finding",
    [
        "new R chest wall skin nodules",
        "new left chest wall dermal nodule",
        "new cutaneous nodules over the chest wall",
        "new scar subcutaneous nodule",
    ],
)
def test_new_skin_nodules_of_the_chest_wall_are_a_local_finding(finding: str) -> None:
    note = f"Hx mastectomy 2018 for breast ca, adjuvant AC-T. Today: {finding}. Punch biopsy taken."
    assert _facts(note).get("setting") == "suspected_local_recurrence"


def test_denied_skin_nodules_move_nothing() -> None:
    note = "Annual follow-up. Hx L mastectomy 2018 for breast ca. No new chest wall skin nodules. Exam NED."
    assert _facts(note).get("setting") != "suspected_local_recurrence"


# ------------------------------------------------------------------ a lucent bone lesion: may be distant spread
@pytest.mark.parametrize(
    "film",
    [
        "XR: fracture of the R 7th rib through a 1.2 cm lucent lesion.",
        "Hip film: 2 cm radiolucent lesion in the proximal femur.",
        "Lateral spine film: lucency within the T11 vertebral body.",
        "CXR: lucent area in the left 4th rib, new.",
    ],
)
def test_a_lucent_bone_lesion_after_a_treated_cancer_is_a_distant_finding(film: str) -> None:
    note = f"ED note. 64F, hx R breast ca s/p lumpectomy + RT 2019, on letrozole. {film} Bone scan ordered."
    assert _facts(note).get("setting") == "suspected_distant_recurrence"


def test_a_radiolucent_breast_mass_is_no_distant_finding() -> None:
    note = (
        "Annual follow-up. Hx R breast ca s/p lumpectomy + RT 2019, on letrozole. Mammogram: stable radiolucent "
        "mass L breast, oil cyst, BI-RADS 2. Well."
    )
    assert _facts(note).get("setting") != "suspected_distant_recurrence"
