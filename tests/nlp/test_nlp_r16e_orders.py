"""Round 16e: which study a note considers now (`order`) and whether the patient herself asks for it.

Classes (annotation guide 2, order and patient_preference):
- a plan written under another heading (D/C plan, Conclusion, Upcoming) proposes its studies;
- a study reported with its result after a colon, arranged by another doctor or done in the ED, was done;
- a form's "studies done" line names studies done;
- the patient asking for a scan for her own reassurance, in her words or reported, or on an intake form's request
  line (ticked), is a request; a clinician's "from onc standpoint would like" is not.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp_helpers import facts

BASE = "62F, R breast IDC 2018 s/p mastectomy, ER+ HER2-, on anastrozole.\n"


def order(note: str) -> str | None:
    return facts(note).get("order")


def pref(note: str) -> str | None:
    return facts(note).get("patient_preference")


# ---- plans under other headings
def test_a_discharge_plan_abbreviated_proposes_its_study() -> None:
    note = BASE + "Course: pneumonia, treated.\nD/C plan: finish antibiotics. Repeat chest x-ray in 6 wks.\n"
    assert order(note) == "Radiography Chest"


def test_a_meeting_conclusion_proposes_its_study() -> None:
    note = BASE + "Discussion: liver metastases?\nConclusion:\n- CT chest/abdomen/pelvis with IV contrast.\n"
    assert order(note) == "CT chest abdomen pelvis with IV contrast"


def test_an_upcoming_list_proposes_its_study() -> None:
    note = BASE + "Upcoming:\n- Bone scan 12/9 (ordered by Dr. Hale)\n- Clinic 12/11\n"
    assert order(note) == "Bone Scan Whole Body"


# ---- done and reported
def test_a_study_another_doctor_arranged_with_its_result_is_done() -> None:
    note = BASE + (
        "Ultrasound of the liver (arranged by GP, 15/05/2026): multiple lesions.\n"
        "Plan:\n- CT chest/abdomen/pelvis with IV contrast.\n"
    )
    assert order(note) == "CT chest abdomen pelvis with IV contrast"


def test_a_study_done_in_the_ed_with_a_questioned_finding_is_done() -> None:
    note = BASE + "CT head in ED this morning: ?2 cm lesion.\nPlan: MRI brain with and without contrast today.\n"
    assert order(note) == "MRI Head Without and With IV Contrast"


def test_control_a_booked_study_ordered_by_another_doctor_stays_the_order() -> None:
    note = BASE + "Upcoming: Breast MRI w/wo contrast 12/9 (ordered by Dr. Halvorsen to evaluate extent)\n"
    assert order(note) == "MRI Breast Without and With IV Contrast"


def test_a_studies_done_line_is_not_the_order() -> None:
    note = BASE + "Staging studies done: [x] CT C/A/P (ordered by PCP, 11/20 - no distant mets)  [ ] bone scan\n"
    assert order(note) is None


# ---- a relative's question passed on to the doctor stays considered
def test_control_a_relatives_question_passed_on_stays_considered() -> None:
    note = BASE + "Daughter asked whether her mom needs a bone scan. Message routed to Dr. Amsel re: bone scan."
    assert order(note) == "Bone Scan Whole Body"


# ---- the patient's request
def test_her_own_wish_is_a_request_and_the_order() -> None:
    note = "My mom's cancer spread. I would feel so much better if I could get a PET scan this year just to be safe."
    f = facts(note)
    assert f.get("patient_preference") == "requests_imaging"
    assert f.get("order") == "FDG-PET/CT Skull Base to Mid-Thigh"


def test_asking_for_a_scan_to_be_sure_is_a_request() -> None:
    assert pref(BASE + "Patient asks if a PET-CT should be made to be sure the cancer has not spread.") == (
        "requests_imaging"
    )
    assert pref("Should I have a bone scan before the operation to be safe? I would feel better if I had one.") == (
        "requests_imaging"
    )


def test_control_the_clinicians_wish_is_not_hers() -> None:
    note = BASE + "From onc standpoint would like whole body bone scan once stable post-op, will enter order."
    assert pref(note) is None


def test_control_a_bare_question_whether_a_scan_is_needed_is_not_a_request() -> None:
    assert pref(BASE + "She asks whether she needs a scan.") is None


STUDIES = ["3D screening mammogram", "tomosynthesis screening", "breast MRI", "PET scan"]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(STUDIES), st.sampled_from(["[x]", "[X]", "", "[ ]", "[_]"]))
def test_an_intake_request_line_reads_as_its_box(study: str, box: str) -> None:
    note = "SCREENING INTAKE\nAge: 48 Sex: F\nFamily hx: sister breast ca age 44\nPt request: " + f"{box} {study}\n"
    ticked = box in ("[x]", "[X]", "")
    assert (pref(note) == "requests_imaging") is ticked
