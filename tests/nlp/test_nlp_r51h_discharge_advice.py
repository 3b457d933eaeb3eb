"""Round 51h: a hospital discharge's return advice is no symptom the patient has (discharge_advice.py).

- in a document titled as a discharge, a bare "Return:" list (round 24's ADVICE_HEADING, left to confirm) and the
  precautions a template's clinician ticked under "Return to ED if:" (hypothetical_lists: left to confirm) are the
  advice: not counted, when nothing else in the note states the same symptom;
- a symptom the course tells as present stays present, one it leaves unsure stays to confirm;
- outside a discharge, a bare "Return:" list and ticked boxes under a list to report keep round 24's reading (to
  confirm); a nipple's discharge is no discharge document; a return-precaution list alone raises nothing.

Each in wordings of its own (not the blind set's sentences).
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes, symptoms_to_confirm

ONC = "Oncology: L breast IDC 2018 s/p mastectomy, anastrozole, NED at last visit.\n"


def _discharge(title: str, course: str, advice: str) -> str:
    return f"{title}\n66 yo F adm 4/2 - 4/5.\n{course}\n{ONC}Meds: as before.\n{advice}\nF/U: PCP 1 wk.\n"


# --------------------------------------------------------------------------- the advice of a discharge
@pytest.mark.parametrize(
    ("title", "course", "advice", "codes"),
    [
        (
            "HOSPITAL DISCHARGE SUMMARY",
            "Admitted with cellulitis of the L leg; improved on cefazolin.",
            "Return: chest pain, breathlessness on lying flat, a new severe headache.",
            {"dyspnea", "headache"},
        ),
        (
            "Discharge Summary - General Surgery",
            "Appendicectomy 4/2 for acute appendicitis; pain settled by POD1.",
            "Return: tummy pain that keeps getting worse, yellowing of the eyes, fever.",
            {"abdominal_pain", "jaundice"},
        ),
        (
            "D/C summary (medicine)",
            "Syncope from dehydration; orthostatics normal after fluids.",
            "Return: any weakness of an arm or leg, slurred speech, a cough that does not settle.",
            {"neurologic_deficit", "cough"},
        ),
    ],
)
def test_a_discharges_return_list_is_advice(title: str, course: str, advice: str, codes: set[str]) -> None:
    note = _discharge(title, course, advice)
    assert not codes & symptom_codes(note)
    assert not codes & symptoms_to_confirm(note)


@pytest.mark.parametrize(
    "boxes",
    [
        "Come back to the ED if:\n[x] trouble breathing\n[x] worst headache of your life\n[ ] rash\n",
        "Return to the emergency department if you have:\n[X] new numbness or weakness\n[X] back pain that is "
        "getting worse\n[ ] sore throat\n",
    ],
)
def test_precautions_ticked_on_a_discharge_template_are_advice(boxes: str) -> None:
    note = (
        "OBSERVATION UNIT DISCHARGE INSTRUCTIONS\n58 y.o. woman, obs for chest pain, troponins neg x2.\n" + ONC + boxes
    )
    assert not symptom_codes(note)
    assert not symptoms_to_confirm(note)


# --------------------------------------------------------------------------- controls
def test_a_symptom_the_course_tells_as_present_stays_present() -> None:
    note = _discharge(
        "DISCHARGE SUMMARY",
        "Admitted after a fall? No - she had 3 weeks of new R hip pain without any injury, pain controlled on "
        "oxycodone; XR hip no fracture; outpatient MRI pelvis to follow.",
        "Return: hip pain that gets worse, fever, numbness in the legs.",
    )
    assert "bone_pain" in symptom_codes(note)
    assert "neurologic_deficit" not in symptom_codes(note) | symptoms_to_confirm(note)


def test_a_symptom_the_course_leaves_unsure_stays_to_confirm() -> None:
    note = _discharge(
        "Discharge summary",
        "Admitted for a UTI. Possible headaches this week, to be reassessed by her PCP.",
        "Return: severe headache, vomiting, fever.",
    )
    assert "headache" in symptoms_to_confirm(note)
    assert "headache" not in symptom_codes(note)


def test_a_bare_return_list_outside_a_discharge_stays_to_confirm() -> None:
    note = "Clinic follow-up\n" + ONC + "Return: new severe pain in the L hip, worse at night.\nPlan: XR hip.\n"
    assert "bone_pain" not in symptom_codes(note)
    assert "bone_pain" in symptoms_to_confirm(note)


def test_ticked_boxes_under_a_list_to_report_outside_a_discharge_stay_to_confirm() -> None:
    note = "Survivorship visit\n" + ONC + "Call us if you notice:\n[x] new back pain\n[ ] fever\n"
    assert "back_pain" not in symptom_codes(note)
    assert "back_pain" in symptoms_to_confirm(note)


def test_a_nipple_discharge_is_no_discharge_document() -> None:
    note = "Nipple discharge, R breast - clinic note\n" + ONC + "Return: cough for weeks, breathless climbing stairs.\n"
    assert {"cough", "dyspnea"} & symptoms_to_confirm(note)


def test_a_return_precaution_list_alone_raises_nothing() -> None:
    note = "ED DISCHARGE\n" + ONC + "Return to the ED for worsening shortness of breath, new back pain or fever.\n"
    assert not symptom_codes(note)
    assert not symptoms_to_confirm(note)
