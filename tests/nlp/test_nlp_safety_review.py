"""Classes found by reviewing the reader's safety outside the blind sets: a name read as a symptom, a
preposition read as a benign explanation, and "pt" (patient) read as PET in an order."""

from __future__ import annotations

import pytest

from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.adapters.text import extract
from rightscan.domain import orders

CASE = "Biopsy-proven IDC of the left breast, cT1c cN0, ER+ PR+ HER2-. "


@pytest.mark.parametrize(
    "note",
    [
        "Ms. Doe is a 58 year old woman seen today.",
        "PATIENT: JANE DOE\nDOB 01/02/1966",
        "Jane Doe, 61F, here with her daughter.",
        "Name: DOE, JANE",
    ],
)
def test_a_patient_called_doe_raises_no_breathlessness(note: str) -> None:
    assert "symptoms" not in extract(note + "\n" + CASE).facts


@pytest.mark.parametrize("note", ["ROS: (+) DOE, (-) bone pain.", "New DOE for 2 weeks.", "Reports DOE on one flight."])
def test_doe_written_as_the_abbreviation_is_breathlessness(note: str) -> None:
    assert extract(CASE + note).facts.get("symptoms") == ["dyspnea"]


@pytest.mark.parametrize(
    ("sentence", "symptom"),
    [
        ("Reports bone pain after walking.", "bone_pain"),
        ("Headache after waking every morning for 3 weeks.", "headache"),
        ("Aching bone pain from her hip down to her knee.", "bone_pain"),
        ("Breathless after one flight of stairs since October.", "dyspnea"),
    ],
)
def test_after_or_from_alone_does_not_explain_a_symptom_away(sentence: str, symptom: str) -> None:
    # "after" and "from" say when or where; only a named benign cause explains a symptom (annotation guide)
    assert symptom in extract(CASE + sentence).facts.get("symptoms", [])


@pytest.mark.parametrize(
    "sentence",
    [
        "Hip pain from OA, unchanged for years.",
        "Right shoulder pain after fall on the ice last week.",
        "Back pain after lifting boxes at the weekend.",
        "Knee pain from an old sports injury.",
    ],
)
def test_a_named_benign_cause_still_explains_it(sentence: str) -> None:
    # the control: an explicit benign cause with nothing worrying keeps its effect
    assert "symptoms" not in extract(CASE + sentence).facts


@pytest.mark.parametrize("text", ["CT in a pt", "CT in a pt with breast cancer", "CT for this pt"])
def test_pt_meaning_patient_is_not_pet(text: str) -> None:
    reading = orders.interpret(load_knowledge(), text)
    assert reading.study is None or reading.study.id not in {"pet_ct", "pet_ct_whole_body", "pet_mri"}


@pytest.mark.parametrize(
    ("text", "study"), [("PT Skull base to mid-thigh", "pet_ct"), ("PT/CT Tumor Loc Whole Body", "pet_ct_whole_body")]
)
def test_pt_as_the_playbook_modality_is_still_pet(text: str, study: str) -> None:
    reading = orders.interpret(load_knowledge(), text)
    assert reading.study is not None and reading.study.id == study


@pytest.mark.parametrize(
    ("sentence", "present"),
    [
        ("No bone pain, no headache, + cough.", {"cough"}),
        ("No bone pain, no headache, +cough.", {"cough"}),
        ("Denies bone pain; + headache.", {"headache"}),
        ("No bone pain, + headache, no cough.", {"headache"}),
    ],
)
def test_a_plus_sign_after_denied_items_is_a_present_symptom(sentence: str, present: set[str]) -> None:
    # "+" written before an item of a review-of-systems line ends the denial before it
    assert set(extract(CASE + sentence).facts.get("symptoms", [])) == present


def test_a_plus_between_two_studies_still_joins_them() -> None:
    # the control: "CT + bone scan" is two studies, not a symptom list; the PET/CT preferred to them is the order
    facts = extract(CASE + "Will get FDG PET/CT rather than CT + bone scan.").facts
    assert "symptoms" not in facts and facts.get("order", "").startswith("FDG-PET/CT")


@pytest.mark.parametrize(
    "sentence",
    [
        "Liver biopsy: metastatic breast carcinoma.",
        "Biopsy of the liver lesion confirms metastatic breast carcinoma.",
        "Iliac bone biopsy showed metastatic carcinoma.",
        "CT-guided biopsy of the right adrenal nodule: metastatic adenocarcinoma, breast primary.",
    ],
)
def test_a_distant_organ_biopsy_with_metastatic_carcinoma_is_m1(sentence: str) -> None:
    # proven distant disease: with M left out the patient was staged cM0 and early
    assert extract(CASE + sentence).facts["tumor"].get("m") == "M1"


@pytest.mark.parametrize(
    "sentence",
    [
        "If the liver biopsy shows metastatic carcinoma, systemic therapy will start.",
        "Liver biopsy planned to rule out metastatic carcinoma.",
        "Liver biopsy: no metastatic carcinoma; focal nodular hyperplasia.",
        "Axillary node FNA: metastatic carcinoma.",
        "Liver biopsy negative for metastatic carcinoma.",
    ],
)
def test_a_planned_negative_or_regional_biopsy_is_not_m1(sentence: str) -> None:
    # the controls: M1 without proven distant disease is an unsafe answer
    assert extract(CASE + sentence).facts["tumor"].get("m") != "M1"


EARLY = (
    "58F with biopsy-proven IDC of the left breast, 2.0 cm on US, grade 2, ER+ PR+ HER2-, axillary US negative, "
    "no palpable nodes. No bone pain, headache or cough. Staging PET/CT requested. "
)


def _verdict(note: str) -> dict[str, object]:
    from rightscan.application.notes import evaluate_note

    return evaluate_note(load_knowledge(), extract(note), None)


def test_the_early_case_itself_is_not_recommended() -> None:
    assert _verdict(EARLY)["systemic_imaging"] == "not_recommended"


@pytest.mark.parametrize(
    "finding",
    [
        "Skin ulceration over the tumor.",
        "Chest wall invasion on MRI.",
        "The mass is fixed to the chest wall.",
        "Satellite skin nodules are present.",
        "Small area of peau d'orange near the nipple.",
    ],
)
def test_skin_or_chest_wall_involvement_never_lets_an_early_answer_stand(finding: str) -> None:
    # AJCC 8: T4a/T4b make an N0 cancer stage IIIB; the words do not give the category, so the answer waits
    # for T to be confirmed instead of "not recommended" from the size alone
    d = _verdict(EARLY + finding)
    assert d["systemic_imaging"] == "undetermined"
    assert any(str(i).startswith("tumor.t") for i in d["insufficient_data"])


@pytest.mark.parametrize(
    "finding",
    ["No skin ulceration or chest wall fixation.", "Skin intact, no ulceration, no peau d'orange.",
     "The mass is mobile, not fixed to the chest wall."],
)  # fmt: skip
def test_denied_skin_or_chest_wall_involvement_changes_nothing(finding: str) -> None:
    assert _verdict(EARLY + finding)["systemic_imaging"] == "not_recommended"


@pytest.mark.parametrize(
    "finding", ["Alk phos elevated.", "LFTs elevated on outside labs.", "Elevated liver enzymes noted by her PCP."]
)
def test_liver_tests_called_abnormal_without_values_wait_for_them(finding: str) -> None:
    # an abnormal liver test is a red flag (red_flags.yaml); without the value and range the rise cannot be
    # judged, so the answer names the test instead of "not recommended"
    d = _verdict(EARLY + finding)
    assert d["systemic_imaging"] == "undetermined"
    assert any(str(i).startswith("labs.") for i in d["insufficient_data"])


@pytest.mark.parametrize(
    ("finding", "verdict"),
    [
        ("No elevated LFTs.", "not_recommended"),
        ("LFTs normal.", "not_recommended"),
        ("If LFTs are elevated we will image the liver.", "not_recommended"),
        # the value settles it: a mild isolated rise with a normal AST stays the documented default
        ("ALP 130 (40-120), AST 22 (10-40): mildly elevated ALP.", "not_recommended"),
        ("ALP 250 (ref 40-120), elevated ALP.", "targeted"),
    ],
)
def test_liver_tests_denied_hypothetical_or_given_are_read_as_such(finding: str, verdict: str) -> None:
    assert _verdict(EARLY + finding)["systemic_imaging"] == verdict


@pytest.mark.parametrize(
    "finding",
    ["New confusion over the last week.", "Altered mental status.", "Her daughter reports she has been confused."],
)
def test_confusion_is_a_cns_symptom_to_examine_not_an_early_answer(finding: str) -> None:
    d = _verdict(EARLY + finding)
    assert d["systemic_imaging"] == "undetermined"
    assert any(str(i).startswith("symptoms") for i in d["insufficient_data"])


@pytest.mark.parametrize(
    "finding", ["I am confused about my results.", "No confusion, no weakness.", "Call if you develop confusion."]
)
def test_confusion_in_other_senses_changes_nothing(finding: str) -> None:
    assert _verdict(EARLY + finding)["systemic_imaging"] == "not_recommended"


@pytest.mark.parametrize("words", ["Having trouble catching my breath.", "I can't catch my breath on the stairs."])
def test_breathlessness_in_a_patients_words_is_dyspnoea(words: str) -> None:
    assert "dyspnea" in extract(CASE + words).facts.get("symptoms", [])


@pytest.mark.parametrize(
    "result", ["ALP 180 H.", "Alk phos 180 (H).", "Alkaline phosphatase: 180 U/L [H]", "AST 95 H, ALT 110 H."]
)
def test_a_result_flagged_high_without_its_range_waits_for_the_range(result: str) -> None:
    # the laboratory says it is high, the note does not say how high: above 2x ULN it is a red flag
    d = _verdict(EARLY + result)
    assert d["systemic_imaging"] == "undetermined"
    assert any(str(i).startswith("labs.") for i in d["insufficient_data"])


@pytest.mark.parametrize("result", ["ALP 98, AST 24, ALT 19.", "ALP 130 (40-120) H, AST 22 (10-40)."])
def test_an_unflagged_value_or_one_with_its_range_is_read_as_before(result: str) -> None:
    # the controls: no flag, no guess (the core needs the ULN, none is invented); a range settles it
    assert _verdict(EARLY + result)["systemic_imaging"] == "not_recommended"
