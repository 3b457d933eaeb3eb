"""Unsafe classes found on the eighth blind set, written here in our own words as classes of clinical meaning, each
next to a control where the rule must not fire: an M1 that stands alone (a grade, a code) or names a protocol, return
precautions in other words, a patient's usual complaint in her own (misspelt) words, pain in the pelvis that may be
gynaecological, a patient's lay words for right upper quadrant pain and yellowing, and a test called raised whose
value the note gives."""

from __future__ import annotations

from nlp_helpers import decide_note as _decide
from nlp_helpers import facts, tumor
from nlp_helpers import symptom_codes as _codes
from rightscan.adapters.text import extract

NEW_DX = "58F, newly diagnosed L breast IDC 1.6 cm, grade 2, ER+ PR+ HER2-, cN0."
TREATED = "61F, R breast IDC 2019, s/p lumpectomy + radiotherapy, on anastrozole. Review today."


def _to_confirm(note: str, field: str) -> list[dict]:
    return [i for i in extract(note).to_confirm if i["field"] == field]


# ------------------------------------------------------------------ a bare M1 alone in its sentence
def test_a_lone_bare_m1_is_not_distant_disease_but_is_left_to_confirm() -> None:
    for note in (
        f"{TREATED} Her latest breast imaging, done at the county hospital in spring and discussed with her at "
        "length today, came back as M1, no change.",
        f"{TREATED} Outside form completed by the referring unit: category M1.",
    ):
        assert tumor(note).get("m") != "M1"
        assert _to_confirm(note, "tumor.m"), note
    # a new cancer whose stage it would make IV: the answer waits for it
    note = f"{NEW_DX} Outside form completed by the referring unit: category M1."
    assert tumor(note).get("m") != "M1"
    assert _decide(note)["systemic_imaging"] == "undetermined"


def test_a_mammogram_grade_written_with_its_meaning_is_no_m_category() -> None:
    note = f"{TREATED} Imaging from the breast screening service last week graded M2 - benign; M1 normal on the left."
    assert "m" not in tumor(note)
    assert not _to_confirm(note, "tumor.m")


def test_an_m1_with_its_t_or_n_or_its_prefix_or_stage_iv_stands() -> None:
    # control: the staging written out keeps its M1
    for note in (
        "63F, L breast IDC. Staging after CT: T2, N1, M1 (liver).",
        "63F, L breast IDC, cT2 cN1 cM1, liver lesions on CT.",
        "63F, L breast IDC, pM1 on liver biopsy.",
        "63F, L breast IDC, stage IV, M1 on CT.",
    ):
        assert tumor(note).get("m") == "M1", note


# ------------------------------------------------------------------ a metastasis named as a protocol or an aim
def test_a_metastasis_named_as_a_protocol_or_a_work_up_is_no_finding() -> None:
    for note in (
        f"{NEW_DX} MRI liver booked; radiology will use the hepatic metastases protocol with diffusion.",
        f"{NEW_DX} CT chest/abdomen/pelvis requested as part of the metastasis work-up.",
    ):
        assert tumor(note).get("m") != "M1", note


def test_a_metastasis_under_a_question_label_is_asked_not_found() -> None:
    for note in (
        f"{NEW_DX} Request to radiology. Clinical question: lung metastases.",
        f"{NEW_DX} Query - bone mets, please image the spine.",
    ):
        assert tumor(note).get("m") != "M1", note


def test_a_metastasis_found_is_still_read() -> None:
    # control: the finding itself
    note = f"{NEW_DX} CT abdomen today shows multiple liver metastases."
    assert tumor(note).get("m") == "M1"
    later = f"{NEW_DX} CT abdomen today shows multiple liver metastases. Question: is a liver biopsy needed?"
    assert tumor(later).get("m") == "M1"


# ------------------------------------------------------------------ return precautions in other words
def test_red_flags_reviewed_to_call_about_are_hypothetical() -> None:
    for note in (
        f"{TREATED} Went over red flag symptoms to phone us about: new back pain, a cough that lingers, headaches.",
        f"{TREATED} Discussed when to call - bone pain that does not settle, shortness of breath.",
        f"{TREATED} Warning signs reviewed with her and her partner: back pain, breathlessness.",
    ):
        assert not _codes(note) & {"back_pain", "cough", "headache", "bone_pain", "dyspnea"}, note


def test_a_symptom_she_reports_next_to_the_advice_stands() -> None:
    # controls: the complaint before the advice; red flags reviewed and found; a symptom that should prompt a scan
    for note in (
        f"{TREATED} She reports new back pain for 3 weeks. Discussed when to call.",
        f"{TREATED} Reviewed red flag symptoms: she has had new back pain for 2 weeks.",
        f"{TREATED} Her new back pain, now 3 weeks, should prompt an MRI of the spine.",
    ):
        assert "back_pain" in _codes(note), note


# ------------------------------------------------------------------ the patient's usual complaint, in her words
def test_a_patients_usual_complaint_in_her_own_words_is_explained() -> None:
    for note in (
        f"{NEW_DX} Pt writes: I get a headache now and then but its only my usual migrains, nothing new.",
        f"{NEW_DX} Pt writes: the odd headache, just my normal ones from years back.",
        f"{NEW_DX} She has crampy pelvic pain on the first days of each period, as always, settles with ibuprofen.",
    ):
        assert not _codes(note) & {"headache", "bone_pain"}, note
        assert not _to_confirm(note, "symptoms"), note


def test_a_complaint_unlike_or_worse_than_her_usual_stands() -> None:
    # control: a comparison with the usual complaint is a warning, not an explanation
    for note in (
        f"{TREATED} Headaches for 2 weeks, worse than her usual migraines, waking her at night.",
        f"{TREATED} Pt writes: this headache isn't like my usual one, it is there every morning.",
        f"{TREATED} Headaches for 3 weeks and the CT head showed nothing new.",
    ):
        assert "headache" in _codes(note), note


# ------------------------------------------------------------------ pelvic pain: gynaecological or bony?
def test_pelvic_pain_without_its_bones_named_is_left_to_confirm_as_bone_pain() -> None:
    note = f"{TREATED} Constant pelvic pain for 4 weeks, not relieved by paracetamol."
    assert "bone_pain" not in _codes(note)
    assert any("bone_pain" in i["values"] for i in _to_confirm(note, "symptoms"))
    assert _decide(note)["systemic_imaging"] == "undetermined"


def test_pain_in_the_bones_of_the_pelvis_is_bone_pain() -> None:
    # control: the bony pelvis named
    for note in (
        f"{TREATED} Pain over the left iliac crest for 4 weeks, worse at night.",
        f"{TREATED} Pelvic bone pain for a month.",
    ):
        assert "bone_pain" in _codes(note), note


# ------------------------------------------------------------------ a patient's lay words for red flags
def test_lay_words_for_right_upper_quadrant_pain_and_yellowing_are_red_flags() -> None:
    note = (
        "Message from patient: I had a lumpectomy and radiotherapy in 2017 and was discharged as clear. "
        "For 3 weeks I have had an ache on my right side under my ribs, and my daughter says my skin looks "
        "a bit yellow. Should I come in?"
    )
    assert {"abdominal_pain", "jaundice"} <= _codes(note)
    assert facts(note).get("setting") == "suspected_distant_recurrence"
    other = f"{TREATED} The whites of her eyes look yellowish since Friday."
    assert "jaundice" in _codes(other)


def test_a_relatives_yellow_skin_is_not_the_patients() -> None:
    # control: the relative's own illness
    note = f"{TREATED} Her husband has had yellowish skin since his hepatitis last year; she is well."
    assert "jaundice" not in _codes(note)


# ------------------------------------------------------------------ a test called raised, with its value given
def test_a_test_called_raised_with_its_values_given_is_read_from_the_values() -> None:
    note = (
        f"{TREATED} GP letter mentions a raised alk phos.\n"
        "Labs:\n  02/03/26  ALP 150 U/L (30-130)\n  02/10/26  ALP 160 U/L (30-130)"
    )
    reasons = [i["reason"] for i in _to_confirm(note, "labs.alkaline_phosphatase")]
    assert not any("without its value" in r for r in reasons)


def test_a_test_called_raised_without_its_value_is_left_to_confirm() -> None:
    # control: no value anywhere
    note = f"{TREATED} GP letter mentions a raised alk phos, result not enclosed."
    reasons = [i["reason"] for i in _to_confirm(note, "labs.alkaline_phosphatase")]
    assert any("without its value" in r for r in reasons)


# ------------------------------------------------------------------ a stage group 0-III against an M1 read from words
def test_a_new_cancer_staged_0_to_iii_with_metastasis_only_in_words_leaves_m1_to_confirm() -> None:
    for note in (
        "49F, newly diagnosed L breast IDC, node FNA positive; clinical stage cT3 cN1, stage IIIA. "
        "Outside CT report mentions bone metastases.",
        "49F, newly diagnosed L breast IDC, clinical stage IIB. Liver metastases on the outside CT.",
    ):
        assert tumor(note).get("m") != "M1", note
        assert _to_confirm(note, "tumor.m"), note
        assert _decide(note)["systemic_imaging"] == "undetermined"


def test_a_written_m1_or_a_stage_from_the_past_or_a_guideline_leaves_m1_standing() -> None:
    # controls: the M category written, a guideline's stage, an earlier cancer's stage
    for note in (
        "49F, newly diagnosed L breast IDC, clinical stage IIB on exam; CT: liver metastases, cM1.",
        "49F, newly diagnosed L breast IDC 3 cm, cN1. For stage IIB, NCCN suggests staging. CT: liver metastases.",
    ):
        assert tumor(note).get("m") == "M1", note


# ------------------------------------------------------------------ a test in dated rows: the latest row is current
def test_a_test_in_dated_table_rows_is_read_from_the_latest_row() -> None:
    note = f"{TREATED}\nLabs:\n  3/2/26   ALP 190 U/L (40-120)\n  3/20/26  ALP 260 U/L (40-120)"
    assert facts(note)["labs"]["alkaline_phosphatase"] == {"value": 260.0, "uln": 120.0}


def test_dates_that_order_the_rows_differently_day_first_leave_the_values_to_confirm() -> None:
    # control: 3/4 and 4/3 are read in opposite orders month-first and day-first
    note = f"{TREATED}\nLabs:\n  3/4/26  ALP 190 U/L (40-120)\n  4/3/26  ALP 260 U/L (40-120)"
    assert "alkaline_phosphatase" not in facts(note).get("labs", {})
    assert _to_confirm(note, "labs.alkaline_phosphatase")


# ------------------------------------------------------------------ more lay words and precautions (the same classes)
def test_more_lay_words_for_red_flags_in_a_treated_patient() -> None:
    pre = "Portal message: I finished treatment for breast cancer (mastectomy, chemo) in 2020."
    for words, code in (
        ("Lately her bones hurt, mostly at night.", "bone_pain"),
        ("There is a tender spot on my backbone that wakes me up.", "back_pain"),
        ("I've shed quite a bit of weight and my jeans are too loose.", "weight_loss"),
        ("My tummy has got bigger and feels tight.", "abdominal_pain"),
        ("My left leg has gone heavy and I keep dropping cups.", "neurologic_deficit"),
    ):
        assert code in _codes(f"{pre} {words}"), words


def test_a_weight_loss_on_purpose_is_explained() -> None:
    # control: the same words with a diet
    assert "weight_loss" not in _codes(f"{TREATED} She has lost weight on purpose with a diet since spring.")


def test_more_return_precautions_are_hypothetical() -> None:
    for note in (
        f"{TREATED} Criteria for calling back - bone pain that persists, breathlessness on stairs.",
        f"{TREATED} Safety netted regarding headaches and back pain.",
    ):
        assert not _codes(note) & {"back_pain", "headache", "bone_pain", "dyspnea"}, note


def test_a_complaint_called_not_typical_for_her_stands() -> None:
    # control: the negated explanation is a warning
    assert "back_pain" in _codes(f"{TREATED} Back pain for 3 weeks, not usual for her.")


def test_a_benign_cause_misspelt_explains_as_spelled() -> None:
    for note in (
        f"{TREATED} Hip pain, osteoarthritus per her GP.",
        f"{TREATED} Cough with her bronchitus.",
    ):
        assert not _codes(note) & {"bone_pain", "cough"}, note


def test_a_misspelt_cause_with_a_warning_does_not_explain() -> None:
    # control: a warning qualifier next to the misspelt cause wins
    assert "back_pain" in _codes(f"{TREATED} New back pain, worse at night, she blames her arthritus.")
