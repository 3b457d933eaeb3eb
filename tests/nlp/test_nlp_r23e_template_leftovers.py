"""Round 23e: template leftovers, auto-inserted lab tables and ages by a masked name.

- a results row whose label carries an abbreviation's dot ("T. bili ..... 0.6", "CA 27.29 .... 88 H") is a table row
  with a leader, not prose before an ellipsis; "Bilirubin, tot" is total bilirubin;
- an age after a title and a masked or unfilled name ("Mrs ***, 70", "Mrs *** (68)") is the patient's; a caller's
  "re Mrs X" names the patient (the relative's context ends there);
- a woman of the patient's group ("a lady in my support group") is not the patient;
- an item followed by a template's unfilled field ("Bone pain: ***", "Headache: [select]", "{Blank:...}") states
  nothing: its symptom is confirmed, never raised nor denied; a later answer on the line does not reach back past it.
Controls keep what must still count.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import facts

TREATED = "62F, hx L breast IDC 2019 s/p lumpectomy + RT, on letrozole.\n"
PROPERTY = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _confirmed(note: str) -> set[str]:
    from rightscan.adapters.text import extract

    return {v for t in extract(note).to_confirm if t["field"] == "symptoms" for v in t["values"]}


@given(
    name=st.sampled_from(["T. bili", "T.bili", "S. bilirubin", "Bili, tot", "Bilirubin tot.", "Bilirubin (tot)"]),
    leader=st.sampled_from([" ......... ", " .... ", "   ", " . . . . "]),
    rng=st.sampled_from(["(0.2-1.2)", "0.2-1.2 mg/dL", "[0.2-1.2]"]),
)
@PROPERTY
def test_a_bilirubin_row_with_an_abbreviated_label_is_read(name: str, leader: str, rng: str) -> None:
    table = f"Labs (auto-populated):\n  ALP ......... 131 U/L (40-150)\n  {name}{leader}0.7 mg/dL {rng}\n"
    if "mg/dL" in rng:
        table = f"Labs (auto-populated):\n  ALP ......... 131 U/L (40-150)\n  {name}{leader}0.7   {rng}\n"
    assert facts(TREATED + table)["labs"].get("bilirubin") == {"value": 0.7, "uln": 1.2}


@pytest.mark.parametrize("label", ["CA 27.29", "CA 27-29", "CA 15.3"])
def test_a_marker_row_with_a_dotted_name_is_read(label: str) -> None:
    note = TREATED + f"LABS:\n CEA ......... 2.1   (0.0-3.0 ng/mL)\n {label} .... 61 H  (<38 U/mL)\n"
    markers = facts(note)["tumor_markers"]
    key = "ca15_3" if "15" in label else "ca27_29"
    assert markers[key] == {"value": 61.0, "uln": 38.0}


def test_prose_before_an_ellipsis_still_is_no_grid() -> None:
    note = TREATED + "Doing well. New bone pain in the hip... no relief from rest.\n"
    assert "bone_pain" in facts(note).get("symptoms", [])


@pytest.mark.parametrize(
    ("line", "age"),
    [
        ("Mrs ***, 71, R breast IDC, ER+.", 71),
        ("Ms *** (59) attended with her sister.", 59),
        ("Mrs @NAME@, 64. L breast ILC.", 64),
        ("Mrs [Name], 52, new L breast cancer.", 52),
    ],
)
def test_an_age_after_a_masked_name_is_read(line: str, age: int) -> None:
    assert facts(line + "\nPlan: staging CT.")["age"] == age


def test_a_masked_name_with_a_house_number_is_no_age() -> None:
    assert "age" not in facts("Mrs ***, 45 High Street, Leeds.\nL breast IDC, ER+.")


@pytest.mark.parametrize("lead", ["re", "regarding", "about"])
def test_a_caller_about_a_titled_patient_names_her(lead: str) -> None:
    note = f"Phone call with son (Tom) {lead} Mrs K. L., 74, new R breast IDC on core, awaiting staging.\n"
    got = facts(note)
    assert got.get("age") == 74 and got.get("sex") == "female"


def test_a_relatives_own_history_stays_hers() -> None:
    note = "Pt 58F, L breast IDC. FHx: daughter had back pain and a bone scan, normal.\n"
    assert "back_pain" not in facts(note).get("symptoms", [])


@pytest.mark.parametrize(
    "other",
    [
        "a lady in my support group gets a PET scan every year",
        "another woman from my church had a bone scan",
        "a woman I met at chemo had a CT",
    ],
)
def test_a_woman_the_patient_knows_gives_no_sex(other: str) -> None:
    note = f"Hi Dr Lee, its been 2 years since my lumpectomy. {other}. Can I have one too? Thanks, Sam"
    assert "sex" not in facts(note)


def test_the_patient_as_a_woman_still_counts() -> None:
    assert facts("I am a woman in my 60s, 2 yrs after lumpectomy. Can I have a scan?").get("sex") == "female"


@given(
    item=st.sampled_from([("Bone pain", "bone_pain"), ("Headache", "headache"), ("Cough", "cough")]),
    blank=st.sampled_from(["***", "[select]", "[Select]", "[ ]", "{Blank:symptom}", "@SX@", "[choose one]"]),
)
@PROPERTY
def test_an_item_left_with_a_template_blank_is_confirmed(item: tuple[str, str], blank: str) -> None:
    note = TREATED + f"HPI: here for follow-up.\nROS:\n  {item[0]}: {blank}\n"
    assert item[1] not in facts(note).get("symptoms", [])
    assert item[1] in _confirmed(note)


def test_a_blank_naming_its_item_again_is_confirmed() -> None:
    note = TREATED + "Headache: {Blank:headache}\n"
    assert "headache" not in facts(note).get("symptoms", []) and "headache" in _confirmed(note)


def test_an_answer_later_on_the_line_does_not_reach_back_past_a_blank() -> None:
    note = TREATED + "Cough: ***   Headache: [select]   Fever: no\n"
    assert {"cough", "headache"} <= _confirmed(note)


@pytest.mark.parametrize(
    ("row", "stated"),
    [
        ("Bone pain: [x] yes [ ] no", True),
        ("Bone pain: [ ] yes [x] no", False),
        ("Bone pain: *** (pt reports new hip pain, wakes her at night)", True),
        ("New bone pain in the R hip x 3 wks ***", True),
    ],
)
def test_answers_and_narrative_beside_a_blank_still_count(row: str, stated: bool) -> None:
    assert ("bone_pain" in facts(TREATED + row + "\n").get("symptoms", [])) is stated


def test_the_narrative_wins_over_template_defaults() -> None:
    note = TREATED + (
        "HPI: new R hip pain x 3 wks, wakes her at night.\n"
        "ROS (defaults -- edit as needed): [x] No bone pain  [x] No back pain\n"
        "All other systems negative except as noted in HPI.\n"
        "Plan: {Blank:plan}\n"
    )
    assert "bone_pain" in facts(note)["symptoms"]
