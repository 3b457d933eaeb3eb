"""Round 16d: the setting of a note whose treated or untreated cancer is told in other words.

- an operation done, told in a request's indication ("Indication: hx ... s/p L mastectomy 2019"): the request's
  heading proposes the study, not the history behind it; an operation still to come keeps its own words;
- the operation named in another language ("ablatio mammae", "Mastektomie");
- a patient's aside ("no pain anywhere, it's been 4 years since my mastectomy"): the denial ends at the new clause.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp_helpers import facts


@pytest.mark.parametrize(
    "note",
    [
        "NM BONE SCAN WHOLE BODY\nIndication: hx R breast ca s/p R mastectomy 2018, ER+. New low back pain x 5 wks, "
        "worse at night. Eval osseous mets.",
        "CT CHEST W CONTRAST\nReason for exam: hx L breast cancer status post mastectomy 2020. New cough x 8 weeks.",
        "MRI BRAIN\nClinical indication: breast ca s/p mastectomy 2017, now new morning headaches with vomiting.",
    ],
)
def test_operation_told_in_a_requests_indication_was_done(note: str) -> None:
    f = facts(note)
    assert f.get("prior_surgery") == "mastectomy"
    assert f.get("setting") == "suspected_distant_recurrence"


@pytest.mark.parametrize(
    "note",
    [
        "US BREAST\nIndication: 58F with R breast IDC 2.1 cm on core, scheduled for mastectomy next week. Pre-op.",
        "Plan: neoadjuvant TCHP, then modified radical mastectomy and post-mastectomy RT.",
    ],
)
def test_an_operation_still_to_come_is_no_prior_surgery(note: str) -> None:
    assert "prior_surgery" not in facts(note)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Known diagnosis: invasive ductal breast cancer right, 2017, ablatio mammae right, pT2 pN1a.", "mastectomy"),
        ("Diagnose 2016: Mammakarzinom links, Mastektomie links und Chemotherapie.", "mastectomy"),
        ("Status after ablatio mammae left 2019 for ILC; adjuvant radiotherapy, now letrozole.", "mastectomy"),
    ],
)
def test_operation_named_in_another_language(sentence: str, value: str) -> None:
    assert facts("Consultation. 66-year-old woman. " + sentence).get("prior_surgery") == value


def test_a_denial_ends_where_the_patient_starts_a_new_clause() -> None:
    note = (
        "hi dr, my sister was just diagnosed and im worried. i feel fine, no pain anywhere, its been 5 years since my "
        "mastectomy and i take my letrozole every day. can i get a scan?"
    )
    f = facts(note)
    assert f.get("prior_surgery") == "mastectomy"
    assert f.get("setting") == "surveillance"


def test_a_denied_operation_stays_denied() -> None:
    assert "prior_surgery" not in facts("Biopsy-proven L breast IDC 1.8 cm. No prior mastectomy or lumpectomy.")


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["no pain anywhere", "no cough", "denies bone pain"]),
    st.sampled_from(["its been", "it's been", "it has been"]),
    st.integers(min_value=2, max_value=9),
)
def test_property_the_clause_after_a_denial_is_not_denied(denial: str, been: str, years: int) -> None:
    note = f"portal message: i feel fine, {denial}, {been} {years} years since my mastectomy. do i need a scan?"
    assert facts(note).get("prior_surgery") == "mastectomy"


TREATED = "61F, R breast IDC, s/p R lumpectomy 2018 + RT, on letrozole. "


@pytest.mark.parametrize(
    "finding",
    [
        "CT chest: solitary 1.4 cm spiculated LLL nodule. PET/CT then biopsy.",
        "CT abdomen for hernia: 2 cm suspicious liver lesion; MRI liver advised.",
        "CXR: 1.5 cm RUL nodule. Ddx second primary versus metastatic disease; PET/CT.",
    ],
)
def test_a_suspicious_lesion_after_treated_cancer_is_a_suspected_distant_recurrence(finding: str) -> None:
    assert facts(TREATED + finding).get("setting") == "suspected_distant_recurrence"


@pytest.mark.parametrize(
    "finding",
    [
        "Routine visit. CT chest: stable 4 mm RUL nodule, unchanged since 2019. Mammogram benign.",
        "Routine follow-up, no complaints. Mammogram: spiculated scar at the lumpectomy site, stable, BI-RADS 2.",
    ],
)
def test_a_stable_or_benign_finding_keeps_surveillance(finding: str) -> None:
    assert facts(TREATED + finding).get("setting") != "suspected_distant_recurrence"


SPECIMEN = (
    "SURGICAL PATHOLOGY REPORT - Wide local excision and sentinel node biopsy, right\n"
    "Previous core: H26-00912 (invasive carcinoma NST, grade 2).\n"
    "Invasive tumour size: 19 mm. Grade 2. Nodes: 1 of 2 sentinel nodes with macrometastasis.\n"
    "ER positive, PR positive, HER2 negative. pTNM: pT1c pN1a(sn)\n"
    "Comment: the tumour is larger on pathology than on preoperative imaging.\n"
)


def test_the_previous_core_of_an_operated_specimen_is_no_earlier_cancer() -> None:
    # the same cancer's diagnostic core, and "preoperative imaging" names no treatment: the setting stays open
    assert facts(SPECIMEN).get("setting") not in {"surveillance", "suspected_distant_recurrence"}


def test_a_dated_earlier_core_is_still_an_earlier_cancer() -> None:
    note = "F/u visit. Prior core biopsy 2015: R breast IDC, s/p lumpectomy 2015 and RT. Mammogram benign. Routine."
    assert facts(note).get("setting") == "surveillance"


def test_on_preoperative_chemotherapy_is_still_treatment_underway() -> None:
    note = "R breast IDC cT2 N1 on core. Currently on preoperative chemotherapy, cycle 3. Staging CT?"
    assert facts(note).get("setting") != "new_diagnosis"


@pytest.mark.parametrize(
    "message",
    [
        "my biopsy report says ER 0%, PR 0%, HER2 3+. the doctor said chemo comes before the surgery. is that bad?",
        "path report in mychart: ER 90%, PR 10%, HER2 1+. the operation is next month, what do the numbers mean?",
    ],
)
def test_a_patients_proven_cancer_with_its_plan_is_a_new_diagnosis(message: str) -> None:
    assert facts(message).get("setting") == "new_diagnosis"


def test_a_lump_awaiting_biopsy_is_no_new_diagnosis() -> None:
    assert "setting" not in facts("found a lump, the biopsy is friday and the surgery is next month if its cancer.")
