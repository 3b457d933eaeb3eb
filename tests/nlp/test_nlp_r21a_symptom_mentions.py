"""Round 21a: mentions of a symptom that are no finding of today, and present symptoms that were missed, as classes.

A medication's indication on its prescription line, bone pain after each dose of a growth factor, a cough with
seasonal allergies, and a relative's row the patient is named on only as the one who told it are no red flags; a
warning qualifier still keeps each symptom. A past history heading gives way to a symptom its own words call new or
progressive, "nothing like" a benign cause is a warning, a questionnaire's "never" is no, a hip ache is bone pain,
and a Y/N table with a comment column is read row by row.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rightscan.adapters.text import extract

HEAD = "ONCOLOGY FOLLOW-UP\n61 yo F, R breast IDC 2019 s/p lumpectomy + RT, on anastrozole.\n"
PROPERTY = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(text: str) -> tuple[set[str], set[str]]:
    e = extract(HEAD + text)
    confirm = {str(v) for c in e.to_dict()["to_confirm"] if c["field"] == "symptoms" for v in c.get("values") or ()}
    return set(e.facts.get("symptoms", ())), confirm


# ------------------------------------------------------------------ a medication's indication on its prescription line
@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Meds: sumatriptan 50 mg PRN headache; lisinopril 10 mg daily.", "headache"),
        ("Medications:\n - tramadol 50 mg q6h prn - back pain (chronic, unchanged)\n - metformin", "back_pain"),
        ("Current meds: benzonatate 100 mg TID PRN cough, cetirizine 10 mg daily", "cough"),
        ("Home meds: albuterol 2 puffs PRN SOB; omeprazole 20 mg daily", "dyspnea"),
        ("Meds: acetaminophen 500 mg as needed for headaches, vit D.", "headache"),
    ],
)
def test_a_medications_indication_is_no_finding(line: str, code: str) -> None:
    assert code not in _read(line + "\nFeels well. Exam NED.")[0]


@pytest.mark.parametrize(
    "text",
    [
        "Meds: oxycodone 5 mg q4h PRN - for back pain (new, started last week by PCP).",
        "New low back pain x 3 wks, worse at night. Meds: ibuprofen 400 mg PRN back pain.",
        "She takes ibuprofen prn for the back pain she has had for 3 weeks, waking her at night.",
    ],
)
def test_a_warned_or_told_symptom_still_counts_next_to_its_medication(text: str) -> None:
    assert "back_pain" in _read(text)[0]


# ------------------------------------------------------------------ a growth factor's bone pain
@pytest.mark.parametrize(
    "text",
    [
        "Bone aches in her legs for 2 days after every Neulasta shot, gone by day 4.",
        "Achy bones starting the day after each dose of filgrastim; resolves in 3 days.",
        "Mild bone pain after each G-CSF injection, settles with loratadine.",
        "Typical filgrastim-related bone pain this cycle.",
        "Classic G-CSF bone pain in the pelvis after C2.",
    ],
)
def test_bone_pain_after_each_growth_factor_dose_is_explained(text: str) -> None:
    assert "bone_pain" not in _read(text)[0]


def test_bone_pain_with_a_warning_after_a_growth_factor_still_counts() -> None:
    text = "Bone pain after each pegfilgrastim at first, now constant for 3 weeks and waking her at night."
    assert "bone_pain" in _read(text)[0]


# ------------------------------------------------------------------ a seasonal cough
@pytest.mark.parametrize(
    "text",
    [
        "Dry cough with her pollen allergy, as every year, on loratadine.",
        "Environmental allergies with an occasional cough, controlled on fluticasone.",
        "Tickly cough each spring, same as always.",
    ],
)
def test_a_seasonal_allergy_cough_is_explained(text: str) -> None:
    assert "cough" not in _read(text)[0]


def test_a_new_cough_unlike_her_allergies_still_counts() -> None:
    text = "New persistent cough x 6 wks, not like her seasonal allergies, worse at night."
    assert "cough" in _read(text)[0]


# ------------------------------------------------------------------ the patient as the one who told a relative's story
@pytest.mark.parametrize(
    ("row", "code"),
    [
        ('- Father: lung ca dx 66, d. 70. According to the patient "he had a terrible cough at the end".', "cough"),
        ("- Sister: GBM dx 48. Per patient, terrible headaches for months before dx.", "headache"),
        ("- Mother: breast ca dx 61. As per pt, she lost a lot of weight the last year.", "weight_loss"),
    ],
)
def test_a_relatives_row_told_by_the_patient_stays_the_relatives(row: str, code: str) -> None:
    text = f"Family history (pedigree scanned):\n{row}\n- Brother: healthy.\n"
    symptoms, confirm = _read(text)
    assert code not in symptoms
    assert code not in confirm


def test_a_row_led_by_a_relative_telling_of_the_patient_is_still_confirmed() -> None:
    text = "Family hx:\n- Mother: breast ca 60.\n- Daughter: says mom has had back pain for weeks.\n"
    symptoms, confirm = _read(text)
    assert "back_pain" not in symptoms
    assert "back_pain" in confirm


def test_the_patient_after_a_family_history_still_counts() -> None:
    text = "FHx:\n- Mother: ovarian ca, per pt abdominal pain before dx.\nPt reports new back pain x 3 wks, at night."
    assert "back_pain" in _read(text)[0]


# ------------------------------------------------------------------ a past history heading and a new complaint after it
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("PMH: COPD (mild).\nPt reports a progressive cough x 4 wks, new since March.", "cough"),
        ("Past medical history: migraine.\nShe says the headache is nothing like her migraines, new, daily x 2 wks.",
         "headache"),
        ("PMH: asthma, no inhaler use.\nBreathlessness is progressive over 3 weeks, now SOB at rest.", "dyspnea"),
    ],
)  # fmt: skip
def test_a_new_complaint_below_a_past_history_heading_counts(text: str, code: str) -> None:
    assert code in _read(text)[0]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("PMH: HTN, hypothyroidism, chronic low back pain (lumbar stenosis).", "back_pain"),
        ("Past medical history: migraines since her teens, asthma as a child with cough.", "cough"),
    ],
)
def test_a_past_history_without_a_warning_stays_history(text: str, code: str) -> None:
    assert code not in _read(text)[0]


@pytest.mark.parametrize("text", ["Headache, nothing like her usual migraines.", "Cough, not at all like asthma."])
def test_nothing_like_a_benign_cause_is_a_warning(text: str) -> None:
    assert _read(text)[0] & {"headache", "cough"}


# ------------------------------------------------------------------ a questionnaire's frequency, a hip ache
@pytest.mark.parametrize("label", ["Headache", "Cough", "Shortness of breath"])
def test_a_questionnaires_never_is_no(label: str) -> None:
    symptoms, confirm = _read(f"PRO-CTCAE (past 7 days)\n {label} - frequency: NEVER\n Fatigue - severity: MILD\n")
    assert not symptoms & {"headache", "cough", "dyspnea"}
    assert not confirm & {"headache", "cough", "dyspnea"}


def test_a_questionnaires_present_answer_still_counts() -> None:
    text = "PRO-CTCAE (past 7 days)\n Cough - frequency: FREQUENTLY\n Headache - frequency: NEVER\n"
    symptoms, _ = _read(text)
    assert "cough" in symptoms
    assert "headache" not in symptoms


@pytest.mark.parametrize("text", ["New L hip ache x 3 wks, worse at night.", "Intermittent right hip aches, new."])
def test_a_hip_ache_is_bone_pain(text: str) -> None:
    assert "bone_pain" in _read(text)[0]


def test_a_denied_hip_ache_is_no_bone_pain() -> None:
    assert "bone_pain" not in _read("Denies hip ache or back pain.")[0]


# ------------------------------------------------------------------ a Y/N table with a comment column
ITEMS = [("Bone pain", "bone_pain"), ("Headache", "headache"), ("Cough", "cough"), ("Fragility fracture", None)]
COMMENTS = ["", "per pt", "H&P 4/24 (verified)", "see note", "since dx"]


@PROPERTY
@given(
    answers=st.lists(st.booleans(), min_size=len(ITEMS), max_size=len(ITEMS)),
    comments=st.lists(st.sampled_from(COMMENTS), min_size=len(ITEMS), max_size=len(ITEMS)),
    subheading=st.booleans(),
)
def test_a_yes_no_table_with_a_comment_column_is_read_row_by_row(
    answers: list[bool], comments: list[str], subheading: bool
) -> None:
    header = "SCREENING CHECKLIST" + " " * 26 + "Y   N   Source / comment"
    y_col = header.index("Y   N")
    rows = []
    for k, ((label, _), yes, comment) in enumerate(zip(ITEMS, answers, comments, strict=True)):
        if subheading and k == 2:
            rows.append("EXCLUSION")
        col = y_col if yes else y_col + 4
        row = f"{k + 1}. {label}".ljust(col) + "X"
        rows.append((row.ljust(y_col + 8) + comment).rstrip())
    symptoms, confirm = _read("\n".join([header, *rows]) + "\n")
    for (_, code), yes in zip(ITEMS, answers, strict=True):
        if code is None:
            continue
        assert (code in symptoms) == yes
        assert code not in confirm
    if not answers[3]:
        assert "pathologic_fracture" not in symptoms | confirm
