"""Round 20e: the setting by clinical meaning, read as classes in our own words.

- a recurrence the work-up still has to exclude ("must be ruled out", "needs to be excluded") is asked, not denied;
- a nodule in a mastectomy skin flap, a change of the skin beside the scar, a suspicious study compared with an earlier
  year's ("not seen 2023") are new findings in the treated breast: a suspected local recurrence;
- a new cancer in the other breast stays a new primary when one sentence tells both cancers;
- surveillance words in a note that names no treated breast cancer (a carrier who denies any cancer, a call that names
  no breast) set no setting; a new breast cancer proven by biopsy after another cancer's surveillance is new;
- neoadjuvant cycles given, a finding of a reconstruction worked up for implant lymphoma, a same-day visit for another
  problem: the setting is left open;
- time counted "from my surgery" is a treated cancer (a new red-flag symptom then suggests distant spread).
Controls keep what must still count.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import facts

TREATED_MX = "58F, 6 yrs s/p R mastectomy + SLNB for IDC (pT1c pN0, ER+), finished 5 yrs anastrozole last year. "
TREATED_BCT = "61F, L breast IDC 2020, s/p L lumpectomy + RT, on letrozole. "
PROPERTY = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _setting(text: str) -> object:
    return facts(text).get("setting")


@given(
    subject=st.sampled_from(["local recurrence", "chest wall recurrence", "recurrence at the mastectomy scar"]),
    verb=st.sampled_from(
        ["has to be excluded", "must be excluded", "needs to be ruled out", "should first be excluded"]
    ),
)
@PROPERTY
def test_a_recurrence_still_to_be_excluded_is_asked(subject: str, verb: str) -> None:
    note = TREATED_MX + f"Firm area in the R chest wall. Could be fat necrosis but {subject} {verb}. Plan: US."
    assert _setting(note) == "suspected_local_recurrence"


def test_a_recurrence_excluded_by_a_study_is_still_denied() -> None:
    note = TREATED_MX + "Seen in routine follow-up. Local recurrence was excluded on the biopsy last year. Doing well."
    assert _setting(note) != "suspected_local_recurrence"


@pytest.mark.parametrize(
    "finding",
    [
        "On exam a 6 mm firm nodule in the R mastectomy skin flap, lateral pole, not there last year.",
        "There is a small hard lump within the skin flap of her reconstructed breast.",
        "She has a red, thickened patch of skin just beside her mastectomy scar for 2 weeks.",
        "Area of redness and induration around the scar, new since last month.",
    ],
)
def test_a_new_finding_of_the_treated_skin_is_a_suspected_local_recurrence(finding: str) -> None:
    assert _setting(TREATED_MX + finding + " Plan: ultrasound.") == "suspected_local_recurrence"


@pytest.mark.parametrize(
    "finding",
    [
        "Skin flaps healthy, no nodules. Scar well healed, no redness.",
        "Mild redness along the scar, stable for years, unchanged.",
        "Denies any lump or skin change near the scar.",
    ],
)
def test_a_healed_or_denied_skin_finding_is_no_new_finding(finding: str) -> None:
    assert _setting(TREATED_MX + "Routine follow-up. " + finding) == "surveillance"


@pytest.mark.parametrize(
    "comparison", ["not present 2023", "not seen on the 2023 mammogram", "new since 2022", "compared with 2023"]
)
def test_a_suspicious_study_compared_with_an_earlier_year_is_a_new_finding(comparison: str) -> None:
    note = TREATED_BCT + f"Mammogram: new pleomorphic calcifications at the lumpectomy site, BI-RADS 4; {comparison}."
    assert _setting(note) == "suspected_local_recurrence"


def test_the_suspicious_study_that_found_the_treated_cancer_is_history() -> None:
    note = "61F. L breast IDC found on mammogram 2020, BI-RADS 5; s/p L lumpectomy + RT 2020, on letrozole. F/u."
    assert _setting(note) == "surveillance"


def test_a_new_cancer_of_the_other_breast_told_with_the_treated_one_is_a_new_diagnosis() -> None:
    note = (
        "70 yo woman with remote L breast cancer (2012: IDC, L mastectomy, tamoxifen x 5 yrs) now with a new R breast "
        "cancer found on screening. R mammo: BI-RADS 5 mass. Core bx R breast: invasive ductal carcinoma, grade 2, "
        "ER 90%, HER2 negative. L mastectomy flap well healed. Assessment: new R breast IDC, cT1c cN0. Plan: R "
        "lumpectomy + SLNB."
    )
    assert _setting(note) == "new_diagnosis"


@pytest.mark.parametrize(
    "note",
    [
        "HIGH-RISK CLINIC\n31F, BRCA1 carrier. Personal hx of cancer: [ ] yes [x] no.\nSurveillance: annual breast MRI "
        "ordered, mammogram from 30.",
        "32 yo F, PALB2 carrier, no personal history of breast cancer. Enrolled in high-risk surveillance; MRI due.",
        "Nav note: returned call. Bone scan negative per radiology. Hip pain settled after injection. Reminded of "
        "survivorship f/u in March.",
    ],
)
def test_surveillance_words_without_a_treated_breast_cancer_set_no_setting(note: str) -> None:
    assert _setting(note) is None


def test_surveillance_of_a_treated_breast_cancer_stands() -> None:
    note = "Personal history of breast cancer: yes, R lumpectomy 2016. Annual surveillance mammogram due, NED."
    assert _setting(note) == "surveillance"


def test_a_new_breast_cancer_after_another_cancers_surveillance_is_a_new_diagnosis() -> None:
    note = (
        "55 yo F. Hx colon ca 2018, resected, on surveillance CT, no evidence of disease.\n"
        "New: L breast mass. Core bx: IDC, grade 2, ER 80%, PR 40%, HER2 1+. Plan: lumpectomy + SLNB."
    )
    assert _setting(note) == "new_diagnosis"


@pytest.mark.parametrize(
    "course",
    ["completed 6 cycles neoadjuvant TCHP", "s/p 4 cycles of neoadjuvant ddAC", "after six cycles of preoperative TC"],
)
def test_neoadjuvant_cycles_given_leave_the_setting_open(course: str) -> None:
    note = f"48F, L breast IDC cT2 N1 with clipped biopsy-proven L axillary node; {course}. US of the clipped node."
    assert _setting(note) is None


def test_a_reconstruction_worked_up_for_implant_lymphoma_leaves_the_setting_open() -> None:
    note = TREATED_MX + (
        "Textured implant 2018. 4 wks of swelling of the R reconstructed breast, fluctuant. Recurrent cancer unlikely; "
        "BIA-ALCL must be excluded. Plan: US-guided aspiration, CD30."
    )
    assert _setting(note) is None


def test_a_same_day_visit_for_a_cold_leaves_the_setting_open() -> None:
    note = (
        "Same-day visit\n62F, breast ca survivor (L lumpectomy/RT 2019, on anastrozole). 4 days of sore throat and "
        "runny nose. Dx: viral URI. Supportive care."
    )
    assert _setting(note) is None


def test_a_routine_follow_up_visit_stays_surveillance() -> None:
    note = "Oncology follow-up\n62F, L lumpectomy/RT 2019, on anastrozole. Doing well, no complaints. NED."
    assert _setting(note) == "surveillance"


def test_time_counted_from_my_surgery_is_a_treated_cancer() -> None:
    note = (
        "I'm 3 years out from my surgery and radiation. For two weeks I have had headaches every morning, not like my "
        "usual ones, and I vomited twice. Can I have a scan?"
    )
    assert _setting(note) == "suspected_distant_recurrence"


def test_a_neoadjuvant_progress_note_dated_this_year_leaves_the_setting_open() -> None:
    note = (
        "MED ONC PROGRESS NOTE - neoadjuvant ddAC, C2D1          03/04/2026\n"
        "52F, R breast IDC grade 3, cT2 cN1 M0 (staging CT + bone scan 01/2026 negative). Tolerating well."
    )
    assert _setting(note) is None
