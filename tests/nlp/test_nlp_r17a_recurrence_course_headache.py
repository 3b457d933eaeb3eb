"""Round 17a: two v17 unsafe answers, read as classes in our own words.

- A recurrence placed at a distant site ("recurrent breast cancer with pleural involvement", "liver relapse", "bony
  recurrence") is a suspected distant recurrence, whatever surveillance words stand in the history above it. A
  recurrent cancer named without its site is left to confirmation (no setting chosen from it).
- A discharge summary's hospital course tells this admission: symptoms the patient presented with and still has at
  discharge count, even under a past medical history heading above it (the course heading ends that history).
- A form's headache row answered yes, with a staff clarification under it that gives her usual tension or migraine
  headache, unchanged for years, is explained; a clarification that says it is new or different leaves it counting.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import facts, symptom_codes

HISTORY = "PMH: R breast IDC 2014 s/p lumpectomy + RT, completed tamoxifen 2019, seen 3/2025 NED. HTN.\n"
PROPERTY = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize(
    "sentence",
    [
        "Plan: oncology review; worried this is recurrent breast cancer with liver metastases.",
        "Impression: likely recurrent breast ca w/ pleural involvement, cytology pending.",
        "Assessment: possible recurrent carcinoma with bone mets.",
        "A/P: suspected hepatic relapse of her breast cancer.",
        "Impression: pleural recurrence is the main concern.",
    ],
)
def test_a_recurrence_at_a_distant_site_is_a_suspected_distant_recurrence(sentence: str) -> None:
    assert facts(HISTORY + sentence).get("setting") == "suspected_distant_recurrence"


@pytest.mark.parametrize(
    "sentence",
    [
        "Routine annual review, no complaints. Discussed her risk of recurrence with endocrine therapy.",
        "Annual visit, well. She is anxious about recurrence but has no symptoms.",
    ],
)
def test_recurrence_words_that_are_no_recurrence_leave_surveillance(sentence: str) -> None:
    assert facts(HISTORY + sentence).get("setting") == "surveillance"


def test_a_recurrent_cancer_without_its_site_is_not_called_distant() -> None:
    f = facts(HISTORY + "Seen today: biopsy of the scar nodule shows recurrent breast carcinoma.")
    assert f.get("setting") != "suspected_distant_recurrence"


COURSE = (
    "DISCHARGE SUMMARY\n"
    "PMH: L breast cancer 2015 s/p mastectomy, completed letrozole 2021. Asthma.\n"
    "Hospital course: Admitted with 2 weeks of progressive dyspnoea and a dry cough. CT: R effusion, drained 1 L. "
    "Breathing better after the drain but still breathless on one flight; cough persists.\n"
    "Follow-up: oncology clinic next week.\n"
)


def test_symptoms_still_present_at_discharge_count() -> None:
    codes = symptom_codes(COURSE)
    assert {"dyspnea", "cough"} <= codes


@pytest.mark.parametrize("heading", ["Hospital course:", "Brief hospital course:", "Clinical course:"])
def test_the_course_heading_ends_the_past_history(heading: str) -> None:
    note = (
        "PMH: R breast ca 2012, lumpectomy + RT, NED since.\n"
        f"{heading} presented with new severe back pain waking her at night for 3 weeks; still present at discharge.\n"
    )
    assert "back_pain" in symptom_codes(note)


def test_a_past_history_symptom_stays_historical() -> None:
    note = (
        "PMH: pneumonia 2019 with cough, resolved. L breast ca 2016, lumpectomy.\n"
        "Hospital course: elective hernia repair.\n"
    )
    assert "cough" not in symptom_codes(note)


def test_resolved_hospital_symptom_does_not_count() -> None:
    note = (
        "PMH: L breast ca 2016 s/p lumpectomy, NED.\n"
        "Hospital course: had crampy abdominal pain on day 2 that resolved with laxatives (opioid constipation).\n"
    )
    assert "abdominal_pain" not in symptom_codes(note)


FORM = (
    "New patient questionnaire. 61 y/o F, new L breast IDC 1.4 cm, cN0, ER+ PR+ HER2-, surgery booked.\n"
    "Bone pain ........ NO\n"
    "Headaches ........ YES\n"
    "    ({lead}: {comment})\n"
    "Shortness of breath ........ NO\n"
)


@pytest.mark.parametrize("lead", ["MA clarif", "RN clarification", "Nurse note", "comment"])
@pytest.mark.parametrize(
    "comment",
    [
        "tension HAs after work for years, same as always",
        "migraines since teens, no change",
        "tension headaches for many years, unchanged, takes paracetamol",
    ],
)
def test_a_usual_headache_clarified_under_its_row_is_explained(lead: str, comment: str) -> None:
    assert "headache" not in symptom_codes(FORM.format(lead=lead, comment=comment))


@pytest.mark.parametrize(
    "comment",
    [
        "tension HAs for years but now worse and waking her at night",
        "new headaches for 3 weeks, different from her usual",
        "migraines since teens, now more frequent",
        "headaches for 2 weeks, not sure why",
    ],
)
def test_a_clarified_headache_with_a_warning_or_no_cause_still_counts(comment: str) -> None:
    assert "headache" in symptom_codes(FORM.format(lead="MA clarif", comment=comment))


@PROPERTY
@given(
    lead=st.sampled_from(["MA clarif", "RN clarif", "clarification", "nurse comment"]),
    stable=st.sampled_from(["for years", "same as always", "no change", "unchanged", "longstanding"]),
    illness=st.sampled_from(["tension HAs", "tension headaches", "migraine HA", "migraines"]),
    warning=st.sampled_from(["", "but now worse", "new pattern", "waking her from sleep"]),
)
def test_clarified_headache_property(lead: str, stable: str, illness: str, warning: str) -> None:
    comment = f"{illness} {stable}" + (f", {warning}" if warning else "")
    counted = "headache" in symptom_codes(FORM.format(lead=lead, comment=comment))
    assert counted == bool(warning)


@pytest.mark.parametrize("warning", ["new pattern", "waking her from sleep"])
def test_a_warning_after_no_change_keeps_an_abbreviated_headache(warning: str) -> None:
    comment = f"tension HAs no change, {warning}"
    assert "headache" in symptom_codes(FORM.format(lead="MA clarif", comment=comment))
