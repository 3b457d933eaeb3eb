"""Round 49n: red flags raised from mentions the note sets aside, by the shape the note tells them in.

- a denial heading without a colon ("ROS - denies", "She denies") over a bulleted or indented list, and a negative
  heading over a review's system-labelled lines ("Negative for:\\n  GI: abdominal pain, jaundice"): every item is
  denied, up to the list's end (adapters/text/denial_blocks.py);
- the symptoms of an intercurrent illness told as fully recovered from are past (adapters/text/recovered_illness.py);
- a synoptic report's "0/3 sentinel nodes with metastasis" counts nodal deposits: never M1 (targets.yaml).

Each in wordings of its own (not the blind set's), with controls that keep their reading.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, symptoms_to_confirm, tumor

NEW_DX = "61F, new R breast IDC 1.4 cm, cN0, grade 2, ER+/PR+/HER2-. Lumpectomy + SLNB planned.\n"


@pytest.mark.parametrize(
    ("note", "denied"),
    [
        (
            "Systems review - negative for\n    - hip or rib pain\n    - yellow skin\n    - coughing up blood\n"
            "Plan: CT CAP.",
            {"bone_pain", "jaundice", "cough"},
        ),
        (
            "ROS: denies\n\t* low back pain\n\t* blurred vision\n\t* unintended wt loss\nExam unremarkable.",
            {"back_pain", "neurologic_deficit", "weight_loss"},
        ),
        ("She denies\n  • bone pain\n  • morning headaches\nCT C/A/P for staging.", {"bone_pain", "headache"}),
        ("R.O.S. -- pt denies\n - SOB\n - abdominal pain", {"dyspnea", "abdominal_pain"}),
    ],
)
def test_a_denial_heading_without_a_colon_denies_its_bulleted_list(note: str, denied: set[str]) -> None:
    assert not symptom_codes(note) & denied, note
    assert not symptoms_to_confirm(note) & denied, note


@pytest.mark.parametrize(
    ("note", "denied"),
    [
        (
            "Pertinent negatives:\n   Gen: weight loss, night sweats\n   Pulm: shortness of breath, hemoptysis\n"
            "   Abd: RUQ pain, jaundice\n   Neuro: headache, weakness, numbness\nPertinent positives:\n"
            "   Breast: palpable L lump x 1 mo",
            {"weight_loss", "dyspnea", "abdominal_pain", "jaundice", "headache", "neurologic_deficit"},
        ),
        (
            "ROS negative for:\nConstitutional: unexplained weight loss\nEyes: double vision\nRespiratory: cough\n"
            "Musculoskeletal: back pain, hip pain\n\nA/P: bone scan.",
            {"weight_loss", "neurologic_deficit", "cough", "back_pain", "bone_pain"},
        ),
    ],
)
def test_a_negative_heading_denies_its_system_labelled_lines(note: str, denied: set[str]) -> None:
    assert not symptom_codes(note) & denied, note
    assert not symptoms_to_confirm(note) & denied, note


def test_a_system_labelled_review_denied_leaves_a_stage_i_patient_not_recommended() -> None:
    review = "Negative for:\n  Constitutional: fatigue, weight loss\n  MSK: bone pain, back pain\n  Neuro: headaches"
    note = NEW_DX + review
    assert not symptom_codes(note)
    assert decide_note(note)["systemic_imaging"] == "not_recommended"


@pytest.mark.parametrize(
    ("note", "code"),
    [
        # the list ends at a blank line: what follows is told
        ("Denies:\n  - headaches\n  - jaundice\n\nReports new L hip pain x 4 wks, worse at night.", "bone_pain"),
        # ... or at an unindented line
        ("Review of systems - denies\n  - fever\n  - cough\nNew low back pain since June, wakes her at night.",
         "back_pain"),
        # a positive heading's items are stated
        ("Positive for:\n  Resp: cough x 6 wks, worsening\n  MSK: back pain at night", "cough"),
        ("Positive for:\n  Resp: cough x 6 wks, worsening\n  MSK: back pain at night", "back_pain"),
        # an item answered yes on its own line stays stated
        ("ROS - denies\n  - jaundice\n  - back pain: yes, since May", "back_pain"),
        # the negative block ends at the positive heading
        ("Negative for:\n  Constitutional: fever\n  GI: nausea\nPositive for:\n  Neuro: new R arm weakness x 1 wk",
         "neurologic_deficit"),
    ],
)  # fmt: skip
def test_what_follows_the_denied_list_keeps_its_reading(note: str, code: str) -> None:
    assert code in symptom_codes(note), note


def test_a_denial_block_leaves_the_jaundice_and_headache_denied_but_the_following_line_told() -> None:
    note = "She denies\n  - jaundice\n  - headache\nC/o new R rib pain x 3 wks."
    codes = symptom_codes(note)
    assert "bone_pain" in codes
    assert not codes & {"jaundice", "headache"}


@pytest.mark.parametrize(
    ("note", "past"),
    [
        (
            "Flu in Feb -> two weeks of hacking cough and breathlessness on the stairs; fully recovered by early"
            " March.",
            {"cough", "dyspnea"},
        ),
        ("Bronchitis before Christmas with cough and SOB, made a full recovery.", {"cough", "dyspnea"}),
        ("Pneumonia in the spring: cough, short of breath for a month - completely back to normal by June.",
         {"cough", "dyspnea"}),
    ],
)  # fmt: skip
def test_an_illness_told_fully_recovered_from_takes_its_symptoms_with_it(note: str, past: set[str]) -> None:
    assert not symptom_codes(note) & past, note
    assert not symptoms_to_confirm(note) & past, note


@pytest.mark.parametrize(
    ("note", "code"),
    [
        # a new symptom told after the resolution is today's
        ("The cough from her cold in May cleared up; now a new dry cough for 3 weeks.", "cough"),
        ("Had COVID in June with cough, fully recovered; now 4 wks of back pain waking her at night.", "back_pain"),
        # a symptom told before the illness is not its
        ("Worsening back pain x 6 wks. Pneumonia in Jan, fully recovered.", "back_pain"),
        # a test back to normal is no recovery of the patient's
        ("Dyspnea on exertion x 2 months, progressive. LFTs back to normal.", "dyspnea"),
    ],
)
def test_a_symptom_outside_the_recovered_illness_keeps_its_reading(note: str, code: str) -> None:
    assert code in symptom_codes(note), note


def test_a_warned_symptom_of_a_recovered_illness_is_left_to_confirm() -> None:
    note = "Pneumonia in Jan with worsening dyspnea at rest; fully recovered by March."
    assert "dyspnea" not in symptom_codes(note)
    assert "dyspnea" in symptoms_to_confirm(note)


@pytest.mark.parametrize(
    "line",
    [
        "Lymph nodes: 1 of 2 sentinel lymph nodes with metastasis (macrometastasis, 4 mm)",
        "Number of sentinel nodes with metastasis: 1",
        "Lymph nodes examined: 12; lymph nodes with metastases: 3",
        "Regional nodes: 0/4 axillary nodes with metastatic carcinoma",
    ],
)
def test_nodes_counted_with_their_metastases_are_no_distant_disease(line: str) -> None:
    note = "SURGICAL PATHOLOGY\nInvasive ductal carcinoma, 18 mm, grade 2.\n" + line + "\nER positive, HER2 negative."
    assert tumor(note).get("m") != "M1", line


@pytest.mark.parametrize(
    "note",
    [
        "Contralateral axillary nodes with metastasis on core biopsy.",
        "Axillary nodes with metastatic disease; CT shows liver metastases.",
        "Sentinel node: metastasis present, 3 mm. Also lung mets on CT.",
    ],
)
def test_distant_disease_beside_nodal_words_is_still_m1(note: str) -> None:
    assert tumor(note).get("m") == "M1", note
