"""Round 11a: red flags raised from mentions a clinician would not count, written here in our own words as classes of
meaning, each next to a control where the red flag must stand:

- "not" contracted, with or without its apostrophe, after a verb of having or noticing ("I dont have", "hasn't
  noticed", "isnt having");
- an early-return condition of a follow-up interval ("review in 6 months, sooner if ...");
- whom to call given with a number or an hour before what to call for ("ring the 24-hour line for ...");
- a caller line with a colon ("Son calling: mum has ..."), or
  a relative telling of "mum" ("the son says mum has ...");
- a symptom told after a mechanical event whose explanation an onset word cuts ("tripped on the kerb, now knee pain");
- the reason of a study already done ("an MRI done in 2021 for back pain"), left to confirm.
"""

from __future__ import annotations

from nlp_helpers import decide_note as _decide
from nlp_helpers import symptom_codes as _codes
from rightscan.adapters.text import extract

NEW_DX = "61F, newly diagnosed R breast IDC 1.4 cm, grade 1, ER+ PR+ HER2-, cN0."
TREATED = "68F, L breast IDC 2018, s/p lumpectomy + radiotherapy, on letrozole. Seen today."


def _to_confirm(note: str) -> set[str]:
    return {v for i in extract(note).to_confirm if i["field"] == "symptoms" for v in i["values"]}


# ------------------------------------------------------------------ contracted "not"
def test_a_contracted_not_after_a_verb_of_having_negates_the_symptom() -> None:
    for note in (
        f"{NEW_DX} Portal message: i dont have any aches in my bones, i just want to be sure.",
        f"{NEW_DX} Patient says she hasn't noticed any headaches since the biopsy.",
        f"{NEW_DX} She isnt having back pain or weight loss.",
        f"{NEW_DX} I don’t have a cough or breathlessness.",
    ):
        assert not _codes(note) & {"bone_pain", "headache", "back_pain", "weight_loss", "cough", "dyspnea"}, note


def test_a_contraction_that_denies_something_else_leaves_the_symptom_standing() -> None:
    # controls: inability, or not knowing, is no denial of the symptom that follows
    for note, code in (
        (f"{TREATED} I can't sleep at night because of the pain in my back.", "back_pain"),
        (f"{TREATED} She doesn't know why her hip pain keeps getting worse.", "bone_pain"),
        (f"{TREATED} I do have new headaches every morning, which I didn't have before.", "headache"),
        # what the negation denies is the relief or the sleep, not the pain
        (f"{TREATED} She doesn't have any relief from her back pain with paracetamol.", "back_pain"),
        (f"{TREATED} I haven't had a proper night's sleep because of the pain in my back.", "back_pain"),
        (f"{TREATED} She isn't getting better: the headaches are daily now.", "headache"),
    ):
        assert code in _codes(note), note


# ------------------------------------------------------------------ an early-return condition
def test_the_conditions_of_an_earlier_return_are_hypothetical() -> None:
    for note in (
        f"{TREATED} Return visit in 6 months; sooner for new bone pain or a cough that won't settle.",
        f"{TREATED} Next review in a year, sooner with persistent headaches or back pain.",
    ):
        assert not _codes(note) & {"bone_pain", "cough", "headache", "back_pain"}, note
        assert _decide(note)["systemic_imaging"] != "targeted", note


def test_a_visit_that_did_come_early_keeps_its_symptom() -> None:
    for note in (
        f"{TREATED} Her review was brought forward: she was seen sooner for new back pain that wakes her at night.",
        f"{TREATED} She booked in sooner for back pain that is getting worse.",
    ):
        assert "back_pain" in _codes(note), note


# ------------------------------------------------------------------ whom to call, with a number
def test_what_to_call_a_numbered_line_for_is_hypothetical() -> None:
    for note in (
        f"{NEW_DX} Instructions: ring the 24-hour chemo line for fever over 38, rigors or shortness of breath.",
        f"{NEW_DX} Advised to phone 555 0192 if she gets a cough, chest pain or breathlessness.",
    ):
        assert not _codes(note) & {"dyspnea", "cough"}, note


def test_a_call_that_was_made_about_a_symptom_keeps_it() -> None:
    for note in (
        f"{TREATED} She called the 24/7 line last night: she is short of breath walking to the bathroom.",
        f"{TREATED} Took a call from the patient at 07:30 with breathlessness on climbing one flight of stairs.",
    ):
        assert "dyspnea" in _codes(note), note


# ------------------------------------------------------------------ a mother in other words
def test_a_mums_history_is_the_relatives() -> None:
    for note in (
        f"{NEW_DX} Worried because her mum had breast cancer that spread to the spine with awful back pain.",
        f"{NEW_DX} Her mam died of lung cancer with a terrible cough at the end.",
    ):
        assert not _codes(note) & {"back_pain", "cough"}, note


def test_a_caller_speaking_of_mum_describes_the_patient() -> None:
    # control: the relative on the phone tells the patient's own symptom
    for note in (
        f"{TREATED} Son calling: mum has new back pain since the weekend, worse lying down.",
        f"{TREATED} Daughter phoning - mum has had headaches every morning this week.",
    ):
        assert _codes(note) & {"back_pain", "headache"}, note


def test_a_relative_telling_of_mum_describes_the_patient() -> None:
    # the teller is the informant; the relation she names is the patient (a true red flag kept)
    for note in (
        f"{TREATED} On the ward round the son says mum has had pain in her left thigh for 6 weeks, worse at night.",
        f"{TREATED} Daughter reports that mother has had a dry cough and breathlessness for a month.",
    ):
        assert _codes(note) & {"bone_pain", "cough", "dyspnea"}, note
    # controls: the patient, or her sister, telling of their mother
    for note in (
        f"{NEW_DX} She says mum died of breast cancer in the spine with terrible back pain.",
        f"{NEW_DX} Her sister says mum had breast cancer in the spine with terrible back pain.",
    ):
        assert "back_pain" not in _codes(note), note


# ------------------------------------------------------------------ after a mechanical event
def test_a_symptom_after_an_injury_cut_by_an_onset_word_waits_for_confirmation() -> None:
    for note in (
        f"{TREATED} Tripped on the kerb on Saturday, fell onto her right side, now right hip pain, uses a stick.",
        f"{TREATED} After lifting a heavy box at work yesterday, now low back pain.",
    ):
        assert not _codes(note) & {"bone_pain", "back_pain"}, note
        assert _to_confirm(note) & {"bone_pain", "back_pain"}, note
        assert _decide(note)["systemic_imaging"] == "undetermined", note


def test_a_warning_after_an_injury_keeps_the_red_flag() -> None:
    note = f"{TREATED} Tripped on the kerb last month, now right hip pain that wakes her at night and keeps worsening."
    assert "bone_pain" in _codes(note)


# ------------------------------------------------------------------ the reason of a study done before
def test_the_reason_of_a_study_done_before_is_left_to_confirm() -> None:
    for note, code in (
        (f"{NEW_DX} Chest CT was done in 2022 for a lingering cough after influenza; tiny nodule only.", "cough"),
        (f"{NEW_DX} Her GP did a chest x-ray in 2021 for a cough that lasted a month.", "cough"),
    ):
        assert code not in _codes(note), note
        assert code in _to_confirm(note), note


def test_a_symptom_she_has_now_with_a_study_named_apart_stands() -> None:
    # controls: the symptom is today's, the study is a separate statement or one still to come
    for note in (
        f"{TREATED} She has had a persistent cough for 6 weeks; a chest CT in 2022 was clear.",
        f"{TREATED} CT chest requested for a persistent cough of 6 weeks.",
    ):
        assert "cough" in _codes(note), note
