"""Round 39s (v39 blind ap-002, ap-036, ap-006): a note written on a cycle of systemic treatment after the first is
none of the staging settings, in other wordings.

1. An adjuvant or neoadjuvant cycle given now ("C2D8 paclitaxel", "cycle 4 of 6", "T-DM1 cycle 9/14") after the
   operation, with no new finding: the cancer is under treatment, not in follow-up; the setting stays open (not
   surveillance), even where grade 1 liver tests are raised as the treatment's toxicity (not a distant recurrence).
2. A metastatic cancer on a cycle of its treatment ("C4D1 ... for MBC") with a new symptom: a restaging question, not a
   new diagnosis and not a suspected recurrence; the red flag itself is still read.
Controls: a first cycle's first day still to come ("C1D1 target 3/12") leaves a new diagnosis; a cycle of the past
("neuropathy since C4D1 in 2019") in a routine follow-up leaves surveillance; a new red-flag symptom during adjuvant
treatment after the operation stays a suspected distant recurrence; a treated patient with new bone pain and a raised
ALP stays a suspected distant recurrence; a routine annual follow-up stays surveillance.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts, symptom_codes


def _setting(note: str) -> str | None:
    return facts(note).get("setting")


# ------------------------------------------------------------------ 1. a cycle given now after the operation
@pytest.mark.parametrize(
    "note",
    [
        "Chemo unit RN note. 47F s/p R mastectomy + ALND 12/2025 for IDC. Here for C2D8 weekly paclitaxel. Plt 201, "
        "ANC 2.0. No fever, no SOB. Proceed.",
        "Tx visit: adjuvant TC cycle 4 of 6. 61 yo woman, L lumpectomy + SLNB 10/2025, pT2 pN1a. Mild fatigue. "
        "Labs ok.",
        "Infusion checklist: trastuzumab cycle 9/14 (adjuvant). 55F, hx R lumpectomy 2025 for HER2+ IDC. LVEF 60%. "
        "Give.",
        "MO review C3D1 ddAC. 44F, L WLE/SLNB 1/2026 (IDC G3, ER-). AST 52 (10-40) G1, ALT 60 (7-35) G1 on chemo. "
        "No bone pain, no abd pain. OK to treat.",
    ],
)
def test_a_cycle_given_now_after_the_operation_leaves_the_setting_open(note: str) -> None:
    out = facts(note)
    assert out.get("prior_surgery") in ("bct", "mastectomy")
    assert out.get("setting") is None  # not surveillance, not a suspected recurrence


# ------------------------------------------------------------------ 2. a metastatic cancer on a cycle of its treatment
@pytest.mark.parametrize(
    "note",
    [
        "Treatment day C4D1 palbociclib + letrozole. 63F, MBC with biopsy-proven liver mets 2025. New headache x 1 wk, "
        "worse in the mornings. Hold, MRI brain ordered.",
        "C6D1 capecitabine for stage IV breast ca (bone mets). 58F. New back pain x 10 d, no trauma. Plan MRI spine.",
        "Trial visit C3D15 (study drug). 52F metastatic breast cancer to lung, biopsy-proven 2024. Cough new x 2 wks. "
        "CT chest ordered.",
    ],
)
def test_a_metastatic_cancer_on_a_cycle_is_no_new_diagnosis_nor_a_recurrence(note: str) -> None:
    out = facts(note)
    assert out.get("setting") not in ("new_diagnosis", "suspected_distant_recurrence", "surveillance")
    assert symptom_codes(note)  # the red flag is still read


# ------------------------------------------------------------------ controls
def test_control_a_first_cycle_still_to_come_stays_a_new_diagnosis() -> None:
    note = (
        "Navigator call. 49F newly diagnosed R breast IDC, core bx 2/2026, cT2 cN0, ER+ HER2+. Neoadjuvant TCHP "
        "planned, C1D1 target 3/12. Port placement 3/6."
    )
    assert _setting(note) == "new_diagnosis"


def test_control_a_past_cycle_in_routine_follow_up_stays_surveillance() -> None:
    note = (
        "Annual survivorship visit. 62F, L lumpectomy 2019 for IDC, adjuvant TC x4, neuropathy since C4D1 in 2019, "
        "stable. On anastrozole. No new complaints. Mammogram 8/2025 benign. NED."
    )
    assert _setting(note) == "surveillance"


def test_control_a_new_red_flag_during_adjuvant_treatment_stays_a_suspected_distant_recurrence() -> None:
    note = (
        "PRE-INFUSION ASSESSMENT T-DM1 cycle 8/14. 46F s/p L mastectomy 2024 after neoadj TCHP, residual disease. "
        "New severe headache x 2 wks, worse on waking, with vomiting. MRI brain w/wo contrast to r/o brain mets."
    )
    out = facts(note)
    assert "headache" in symptom_codes(note)
    assert out.get("setting") == "suspected_distant_recurrence"


def test_control_treated_patient_with_new_bone_pain_and_raised_alp_stays_distant() -> None:
    note = (
        "Onc f/u. 66F s/p R lumpectomy 2017 for IDC, completed letrozole 2022. New L hip pain x 4 wks, worse at "
        "night. ALP 240 (40-130). Bone scan ordered."
    )
    assert _setting(note) == "suspected_distant_recurrence"


def test_control_routine_annual_follow_up_stays_surveillance() -> None:
    note = "Annual f/u 5 yrs after L mastectomy for IDC (2020). Well, no complaints. Exam NED. Mammo R breast benign."
    assert _setting(note) == "surveillance"


def test_a_metastatic_cancer_on_a_cycle_with_a_study_ordered_is_no_new_diagnosis() -> None:
    note = (
        "INFUSION VISIT - C3D1 (fulvestrant + study drug). 61F, HR+ MBC, liver-only mets (biopsy-proven 2023). "
        "New RUQ ache x 1 wk. CT abdomen ordered as unscheduled assessment."
    )
    assert _setting(note) not in ("new_diagnosis", "suspected_distant_recurrence", "surveillance")
