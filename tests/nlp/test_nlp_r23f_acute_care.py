"""Round 23f: emergency and acute-care notes, as classes.

An acute-care conclusion (an ED physician's decision making, a telephone triage nurse's advice, an admission's or a
discharge's principal diagnosis, which a discharge summary gives before the history) settles a symptom whose acute
benign cause it names: a headache of missed caffeine, an abdominal pain or a jaundice of a stone in the bile duct. A
warning on the symptom, a doubted cause or an obstruction without a stone keeps the symptom. A patient and a relative
telling the history together are informants, not a relative's history. A fragility or an insufficiency fracture is
named by its benign cause and is no pathologic fracture; a pathologic fracture with its side and bone between, or a
fracture through a lytic lesion, is.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rightscan.adapters.text import extract

HEAD = "58 yo F, hx L breast IDC 2018 s/p lumpectomy + RT, on letrozole.\n"
PROPERTY = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _symptoms(text: str) -> set[str]:
    return set(extract(HEAD + text).facts.get("symptoms", ()))


# ------------------------------------------------------------------ an acute-care conclusion settles the symptom
@pytest.mark.parametrize(
    "text",
    [
        "Phone call: dull bifrontal headache since noon, ran out of coffee at work.\nNo vomiting, no weakness.\n"
        "Advice given: likely caffeine withdrawal; fluids, paracetamol.",
        "ED note. Headache x 1 day, gave up coffee on Monday.\nExam: non-focal.\n"
        "MDM: caffeine withdrawal; no imaging needed.",
        "Urgent care. Pt with headache this morning, usually drinks 5 cups of coffee, none today.\n"
        "Impression: caffeine withdrawal. Discharged home.",
    ],
)
def test_a_headache_of_caffeine_withdrawal_is_explained(text: str) -> None:
    assert "headache" not in _symptoms(text)


@pytest.mark.parametrize(
    "text",
    [
        # a warning on the symptom
        "Phone call: new severe headache since noon, worst of her life.\nAdvice given: caffeine withdrawal?; to ED.",
        "ED note. Progressive headache x 2 wks, worse in the mornings.\nMDM: caffeine withdrawal.",
        # a doubted cause
        "Phone call: headache since noon.\nAdvice given: ?caffeine withdrawal vs other; see GP tomorrow.",
    ],
)
def test_a_warned_or_doubted_headache_stays(text: str) -> None:
    assert "headache" in _symptoms(text)


@pytest.mark.parametrize(
    "text",
    [
        "DISCHARGE SUMMARY\nDischarge diagnosis: common bile duct stone, removed at ERCP.\n"
        "History: 3 days of epigastric pain and yellow skin.\nCourse: antibiotics, ERCP day 2. Home day 4.",
        "DISCHARGE SUMMARY\nPrincipal diagnosis: choledocholithiasis.\n"
        "HPI: RUQ pain and scleral icterus x 2 days.\nMRCP: 8 mm CBD stone. ERCP clearance.",
        "ADMISSION H&P\nHPI: upper abdominal pain since last night, jaundiced.\nMRCP: distal CBD stone.\n"
        "Assessment: choledocholithiasis - ERCP in AM.",
    ],
)
def test_an_abdominal_pain_and_jaundice_of_a_bile_duct_stone_are_explained(text: str) -> None:
    found = _symptoms(text)
    assert "abdominal_pain" not in found
    assert "jaundice" not in found


@pytest.mark.parametrize(
    "text",
    [
        # an obstruction without a stone may be the cancer's
        "DISCHARGE SUMMARY\nDischarge diagnosis: biliary obstruction, cause to be determined.\n"
        "HPI: RUQ pain and jaundice x 1 wk.",
        # a warning on the pain
        "DISCHARGE SUMMARY\nPrincipal diagnosis: choledocholithiasis.\n"
        "HPI: progressive RUQ pain x 6 weeks with weight loss.",
    ],
)
def test_an_abdominal_pain_without_a_stone_or_with_a_warning_stays(text: str) -> None:
    assert "abdominal_pain" in _symptoms(text)


def test_a_diagnosis_that_is_no_final_heading_reads_only_after_the_symptom() -> None:
    # "Assessment" before the history concludes nothing of a pain told after it
    text = "Assessment: choledocholithiasis last year, treated.\nToday: new RUQ pain x 3 days."
    assert "abdominal_pain" in _symptoms(text)


# ------------------------------------------------------------------ a patient and a relative telling together
@PROPERTY
@given(
    lead=st.sampled_from(["Per pt and daughter", "According to patient and husband", "Per patient & son"]),
    warned=st.booleans(),
)
def test_a_patient_and_a_relative_telling_together_are_informants(lead: str, warned: bool) -> None:
    tail = ", wakes her at night." if warned else "."
    assert "back_pain" in _symptoms(f"{lead}, low back pain for 4 weeks{tail}")


def test_a_relatives_own_history_stays_a_relatives() -> None:
    assert "back_pain" not in _symptoms("Family hx: her daughter has chronic low back pain.")


# ------------------------------------------------------------------ a fracture's benign or sinister cause
@pytest.mark.parametrize(
    "text",
    [
        "Tripped on a rug. XR: L distal radius fx, no lytic lesion. Impression: fragility fracture; start vit D.",
        "MRI pelvis: sacral insufficiency fracture in the radiation field, no marrow lesion.",
        "Dx: osteoporotic fragility fx L wrist; DEXA T -2.9, start alendronate.",
    ],
)
def test_a_fragility_or_insufficiency_fracture_is_not_pathologic(text: str) -> None:
    assert "pathologic_fracture" not in _symptoms(text)


@pytest.mark.parametrize(
    "text",
    [
        "Impression: pathological left humerus fracture, presumed metastatic.",
        "XR: displaced fx through a lytic lesion of the proximal femur.",
        "A/P: pathologic R hip fx - ortho to fix.",
        "Pathologic fracture of the femur; fragility fx of the wrist in 2020.",
    ],
)
def test_a_pathologic_fracture_is_still_read(text: str) -> None:
    assert "pathologic_fracture" in _symptoms(text)
