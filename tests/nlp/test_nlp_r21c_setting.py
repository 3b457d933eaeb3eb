"""Round 21c: surveillance versus a suspected distant recurrence, read as classes in our own words.

- an operation ticked on a form row that asks what treatment the patient had ("Surgery: [x] mastectomy 2019",
  "Treatment: [x] WLE [x] RT") was done: a treated cancer (a red-flag symptom then suggests distant spread); ticked on a
  plan's row, or on a row that names a plan, it is still to come;
- the specialist's part of an e-consult ("Reply (Dr ...):") is today's assessment, not the past history the referring
  question listed above it: a new organ lesion there is a new finding;
- a distant metastasis named as what the study considered now looks for ("query liver mets", "to exclude brain
  metastases") after a treated cancer is a suspected distant recurrence; denied, hoped against in a patient's own wish
  for a scan, or with no study considered, it is not;
- a mildly raised ALP alone, in a note that keeps the follow-up routine in its own words, stays surveillance; with no
  such word the setting still waits.
Controls keep what must still count.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import facts

PROPERTY = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@given(
    label=st.sampled_from(["Surgery:", "Prior breast surgery:", "Surgery you had:", "Tx:", "Treatment received:"]),
    operation=st.sampled_from([("WLE", "bct"), ("Mastectomy", "mastectomy"), ("lumpectomy + SLNB", "bct")]),
    other=st.sampled_from(["[ ] Reconstruction", "[ ] None", "[x] Radiotherapy"]),
)
@PROPERTY
def test_an_operation_ticked_on_a_history_row_was_done(label: str, operation: tuple[str, str], other: str) -> None:
    words, value = operation
    note = f"Follow-up clinic\nAge 63, female\n{label} [x] {words} (L, 2019)  {other}\nNo complaints today."
    assert facts(note).get("prior_surgery") == value


def test_a_ticked_operation_in_a_survivorship_form_without_a_year_was_done() -> None:
    note = (
        "SURVIVORSHIP CARE - video\nAge: 70  Sex: F\n"
        "Treatment: [ ] Mastectomy  [x] Partial mastectomy  [x] RT  [x] Anastrozole\nROS: all negative."
    )
    assert facts(note).get("prior_surgery") == "bct"


def test_a_new_headache_after_a_ticked_operation_suggests_distant_spread() -> None:
    note = (
        "ONCOLOGY FOLLOW-UP (template)\nPt: 52 yo female\nSurgery: [x] Lumpectomy  [ ] Mastectomy  Year: 2017\n"
        "ROS: Headache [x] Y [ ] N - new, every morning for 3 weeks, wakes her at night.\nPlan: MRI brain."
    )
    got = facts(note)
    assert got.get("prior_surgery") == "bct"
    assert got.get("setting") == "suspected_distant_recurrence"


@pytest.mark.parametrize(
    "row",
    [
        "Surgical plan: [x] Lumpectomy  [ ] Mastectomy",
        "Plan: [x] WLE + SLNB  [ ] Mastectomy",
        "Surgery: [x] lumpectomy, scheduled for 2026",
        "Surgical options discussed: [x] BCT  [x] Mastectomy",
    ],
)
def test_an_operation_ticked_on_a_plan_row_is_still_to_come(row: str) -> None:
    note = f"Breast clinic\n55F, biopsy-proven L breast IDC, grade 2, ER+.\n{row}\nReturn after MRI."
    assert facts(note).get("prior_surgery") is None


def test_the_reply_of_an_e_consult_is_not_past_history() -> None:
    note = (
        "eConsult\nReferring question (Dr A. Park):\n60F, R breast IDC, R mastectomy 2018, letrozole done 2023.\n"
        "PMH: asthma, HTN.\nSmall liver lesion on a renal US. What next?\n"
        "Specialist reply (Dr B. Osei):\nA new 1.4 cm liver lesion in a pt with prior breast ca needs an MRI liver "
        "w/wo contrast."
    )
    assert facts(note).get("setting") == "suspected_distant_recurrence"


def test_a_past_history_section_still_makes_its_items_historical() -> None:
    note = (
        "eConsult\n60F, R breast IDC, R mastectomy 2018.\nPMH: new lung nodule 2015, resected, benign.\n"
        "Specialist reply (Dr B. Osei):\nRoutine follow-up, no imaging needed."
    )
    assert facts(note).get("setting") != "suspected_distant_recurrence"


@given(
    sought=st.sampled_from(
        ["Query liver mets.", "To exclude brain metastases.", "Eval for bone mets.", "R/o pulmonary metastases."]
    ),
    study=st.sampled_from(["CT chest w contrast", "MRI brain w/wo contrast", "Bone scan"]),
)
@PROPERTY
def test_a_metastasis_the_study_looks_for_after_a_treated_cancer_is_suspected(sought: str, study: str) -> None:
    note = f"{study}\nIndication: 59F, hx R breast ca s/p R lumpectomy + RT 2017. {sought} Pls schedule."
    assert facts(note).get("setting") == "suspected_distant_recurrence"


@pytest.mark.parametrize(
    "line",
    [
        "No imaging to rule out mets is needed; continue surveillance.",
        "She would like a PET scan to rule out mets; reassured.",
    ],
)
def test_a_metastasis_sought_but_denied_or_only_wished_is_not_suspected(line: str) -> None:
    note = f"Survivorship visit\n64F, L breast IDC s/p L lumpectomy + RT 2016, NED. No complaints. {line} Mammo 1 yr."
    assert facts(note).get("setting") != "suspected_distant_recurrence"


def test_a_mild_alp_rise_the_note_keeps_routine_stays_surveillance() -> None:
    note = (
        "Survivorship clinic\n66F, L breast IDC pT1b pN0, L lumpectomy 2018 + RT; letrozole completed 2023.\n"
        "Well, no bone pain. ALP 129 U/L (40-115), AST 20 (10-35), ALT 18 (7-35).\n"
        "Assessment: slight ALP elevation, likely vitamin D related. Continue routine surveillance. Recheck 3 mo."
    )
    assert facts(note).get("setting") == "surveillance"


def test_a_mild_alp_rise_with_no_word_of_the_setting_still_waits() -> None:
    note = (
        "66F, L breast IDC pT1b pN0, L lumpectomy 2018 + RT; letrozole completed 2023.\n"
        "ALP 129 U/L (40-115), AST 20 (10-35), ALT 18 (7-35). Recheck 3 mo."
    )
    assert facts(note).get("setting") is None
