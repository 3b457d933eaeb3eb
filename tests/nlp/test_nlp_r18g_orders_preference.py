"""Round 18g: the study ordered in a note, and the patient's own request for a scan, read as classes in our own words.

- A short note's one-letter plan line ("P: R diagnostic mammogram") proposes its study; the examination above it
  ("PE:", "O/E:") ends at an "A:" line. "USG" is an ultrasound; "CT abdomen + pelvis" the abdominal CT.
- The patient asks for a scan in other words: a study named, then "I'd like one too" or "can you order one?";
  "can I be put on the list for a screening mammogram?"; "her request re CT"; "she would still prefer to have the scan".
  Someone who wants her to have it ("would like you to have a CT") and the consultant discussed with ("D/w Miss X -
  wants a bone scan") ask nothing for her; a question whether a scan is needed is no request.
- Not the order: a study the patient is content to go without after the advice, another team's possible plan, a
  decision left to another visit; two studies joined past their side or article are two studies. A study chosen among
  options set out before is the order.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import facts

PROPERTY = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FOLLOW_UP = "62/F, s/p L lumpectomy + RT 2019 (IDC, ER+/PR+/HER2-), on letrozole.\n"


@pytest.mark.parametrize(
    ("plan", "study"),
    [
        ("P: L diagnostic mammogram, then biopsy depending on findings.", "Mammography Diagnostic"),
        ("P: MRI breast w/ contrast, then punch bx of skin.", "MRI Breast Without and With IV Contrast"),
        ("Plan: USG abdomen tomorrow.", "US Abdomen"),
        ("Plan: CT abdomen + pelvis with IV contrast, this week.", "CT Abdomen Pelvis With IV Contrast"),
    ],
)
def test_short_plan_line_proposes_its_study(plan: str, study: str) -> None:
    note = FOLLOW_UP + "PE: 1 cm firm nodule near scar, mobile.\nA: new nodule at scar - r/o recurrence.\n" + plan
    assert facts(note).get("order") == study


def test_exam_heading_without_plan_proposes_nothing() -> None:
    note = FOLLOW_UP + "PE: scar healthy, no mass. Mammo 2024 BIRADS 2.\nA: NED."
    assert "order" not in facts(note)


@pytest.mark.parametrize(
    "words",
    [
        "My neighbour had a PET scan after her surgery and I would like one too, please.",
        "The radiographer mentioned a bone scan. Could you order one for me before the operation?",
        "my cousin gets an MRI every year. can I also get one?",
        "Can I be put on the list for a screening mammogram?",
        "Could I be referred for a scan before my operation?",
    ],
)
def test_patient_request_in_other_words(words: str) -> None:
    got = facts("Portal message from patient, newly diagnosed L breast IDC 1.5 cm, surgery next month. " + words)
    assert got.get("patient_preference") == "requests_imaging"


@pytest.mark.parametrize(
    "words",
    [
        "Reply from RN: Dr Lee reviewed your message. She would like you to have a CT scan of the chest this week.",
        "D/w Miss Hanlon - wants an isotope bone scan before surgery, request sent.",
        "Pt asked if she needs a scan - explained not routinely needed; she is happy with this.",
        "She would prefer not to have a scan.",
    ],
)
def test_not_the_patient_asking(words: str) -> None:
    assert "patient_preference" not in facts("58F, newly dx R breast IDC 2 cm. " + words)


def test_study_she_asks_for_is_the_order_though_a_friend_had_it() -> None:
    got = facts("I'm 58, lumpectomy booked. My friend had a PET scan when she was diagnosed and I'd like one too.")
    assert got.get("order") == "FDG-PET/CT Skull Base to Mid-Thigh"
    assert got.get("patient_preference") == "requests_imaging"


def test_request_made_before_and_given_up_is_not_revived() -> None:
    got = facts("New dx L IDC 1.2 cm. Pt had earlier asked for a PET; today she is comfortable proceeding without it.")
    assert "order" not in got


@pytest.mark.parametrize(
    "sentence",
    [
        "Discussed that a bone scan is usually not needed; he is fine holding off, will revisit if symptoms develop.",
        "Explained a bone scan is not needed and she is happy to hold off.",
    ],
)
def test_content_to_go_without_declines(sentence: str) -> None:
    note = "67M, L breast IDC 2.1 cm, cN0. He asked whether he needs a bone scan before surgery. " + sentence
    assert "order" not in facts(note)


def test_hold_off_on_still_considered() -> None:
    note = "58F, R IDC 3 cm cN1. Hold off on bone scan for now, will decide when labs back."
    assert facts(note).get("order") == "Bone Scan Whole Body"


@pytest.mark.parametrize(
    "sentence",
    [
        "Med onc review next week; Dr Menon has suggested PET-CT, to be decided at that visit.",
        "Surgery saw her; per their note they may consider axillary US at clinic visit.",
    ],
)
def test_other_team_tentative_plan_is_not_the_order(sentence: str) -> None:
    assert "order" not in facts("DISCHARGE SUMMARY\n70F, new L breast IDC 2 cm.\n" + sentence)


@pytest.mark.parametrize(
    "line",
    [
        "Dx mammo bilat + L breast US.",
        "I have requested a staging CT of chest, abdomen and pelvis and an isotope bone scan.",
        "P: R dx mammo + targeted US 10:00, bx if suspicious.",
    ],
)
def test_two_studies_joined_are_no_single_order(line: str) -> None:
    assert "order" not in facts("55F, hx L lumpectomy 2020 for IDC. " + line)


def test_choice_among_options() -> None:
    note = (
        "60F L IDC cT2 cN1.\n- Staging options discussed: CT C/A/P + bone scan vs PET/CT. Given stage IIB, "
        "will order FDG PET/CT."
    )
    assert facts(note).get("order") == "FDG-PET/CT Skull Base to Mid-Thigh"


def test_options_without_choice_stay_open() -> None:
    note = "60F L IDC cT2 cN1.\n- Staging options discussed: CT C/A/P + bone scan vs PET/CT. Will decide next week."
    assert "order" not in facts(note)


def test_quoted_nurse_is_no_relative() -> None:
    got = facts(
        'New dx R IDC 1.8 cm. She asked: "Sister, can I get the PET scan, I want to be sure it has not spread."'
    )
    assert got.get("patient_preference") == "requests_imaging"
    assert got.get("order") == "FDG-PET/CT Skull Base to Mid-Thigh"


def test_sister_in_history_stays_a_relative() -> None:
    got = facts("New dx R IDC 1.8 cm. Her sister had a PET scan last year and she wants one.")
    assert got.get("order") != "FDG-PET/CT Skull Base to Mid-Thigh" or "patient_preference" not in got


@PROPERTY
@given(
    relative=st.sampled_from(["sister", "mother", "friend", "neighbour"]),
    study=st.sampled_from(["PET scan", "bone scan", "MRI"]),
)
def test_relative_study_without_her_wish_is_not_hers(relative: str, study: str) -> None:
    """A relative's or friend's study, with no wish of the patient's own, is neither her request nor the order."""
    got = facts(f"55F, L IDC 1.4 cm, surgery booked. My {relative} had a {study} when she was diagnosed.")
    assert "patient_preference" not in got
    assert "order" not in got


def test_wished_study_done_as_well_is_not_done() -> None:
    got = facts("Lumpectomy 2021, checkups fine. Should I get a chest x-ray done as well just to be safe?")
    assert got.get("order") == "Radiography Chest"


def test_done_study_is_not_the_order() -> None:
    assert "order" not in facts("Lumpectomy 2021. Chest x-ray was done as well, normal.")
