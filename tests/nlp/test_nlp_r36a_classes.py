"""Round 36a (v36 ag-050, ai-013, ai-042, ai-032), in other words than the blind notes, each class with controls:
safety-netting told with a noun, a criterion or a policy that names symptoms in general, an indication quoted from
another clinician that the note itself denies, and a symptom named again as a study's reason after the note explained
it."""

from __future__ import annotations

from nlp_helpers import decide_note as _decide
from nlp_helpers import symptom_codes as _codes
from nlp_helpers import symptoms_to_confirm as _to_confirm

TREATED = "61F, R breast IDC 2019, s/p lumpectomy + radiotherapy, on anastrozole. Review today."
NEW_DX = "58F, newly diagnosed L breast IDC 1.6 cm, grade 2, ER+ PR+ HER2-, cN0."
RED_FLAGS = {"bone_pain", "back_pain", "cough", "dyspnea", "headache", "weight_loss", "jaundice"}


# ------------------------------------------------------------------ safety-netting told with a noun
def test_symptoms_named_by_what_they_should_prompt_are_hypothetical() -> None:
    for note in (
        f"{TREATED} Went over the symptoms that would warrant a phone call (bone pain that persists, cough, headache); "
        "she understands.",
        f"{TREATED} Symptoms that should prompt her to call: new back pain, cough lasting > 3 wks, SOB.",
        f"{TREATED} Reviewed reasons she should contact us sooner (persistent bone pain, SOB, headache).",
        f"{TREATED} Discussed which symptoms merit a call: back pain, cough.",
        f"{TREATED} Counseled on symptoms warranting earlier review - new bone pain, cough, weight loss.",
        f"{TREATED} Red-flag symptoms reviewed with pt - new bone pain, persistent cough, jaundice.",
    ):
        assert not _codes(note) & RED_FLAGS, note
        assert not _to_confirm(note) & RED_FLAGS, note
        assert _decide(note)["systemic_imaging"] != "targeted", note


def test_her_own_symptom_beside_the_safety_netting_stands() -> None:
    # controls: told as present after the education sentence; her own symptoms described by what they warrant;
    # red flags reviewed and found; a symptom that should prompt a scan
    for note, code in (
        (f"{TREATED} Reviewed symptoms that should prompt a call; she reports new back pain for 3 weeks.", "back_pain"),
        (f"{TREATED} Pt has symptoms warranting urgent review - new back pain, worse at night.", "back_pain"),
        (f"{TREATED} She has symptoms that should prompt an MRI: new back pain for 3 weeks.", "back_pain"),
        (f"{TREATED} Reviewed red flag symptoms: she has had new back pain for 2 weeks.", "back_pain"),
        (f"{TREATED} Her new back pain, now 3 weeks, should prompt an MRI of the spine.", "back_pain"),
    ):
        assert code in _codes(note), note
        assert _decide(note)["systemic_imaging"] == "targeted", note


def test_the_safety_netting_noun_keeps_negations_and_relatives() -> None:
    # controls: a denial and a relative's symptom are read as before
    note = f"{TREATED} Denies bone pain or cough. Reviewed symptoms that should prompt a call (bone pain, cough)."
    assert not _codes(note) & {"bone_pain", "cough"}
    note = f"{TREATED} Her sister has bone pain from myeloma. Reviewed symptoms that should prompt a call."
    assert "bone_pain" not in _codes(note)


# ------------------------------------------------------------------ a criterion or a policy
def test_a_criterion_names_symptoms_in_general_not_hers() -> None:
    for note in (
        f"{NEW_DX} Per plan policy, bone imaging is reserved for new or unexplained bone pain, or a raised ALP.",
        f"{NEW_DX} PET/CT is appropriate only when there is new bone pain, weight loss or rising markers.",
        f"{NEW_DX} Staging CT is recommended for patients with unexplained weight loss or abnormal LFTs.",
        f"{NEW_DX} Criteria include localized bone pain, new cough or a raised ALP; none documented.",
    ):
        assert not _codes(note) & RED_FLAGS, note
        assert _decide(note)["systemic_imaging"] == "not_recommended", note


def test_a_criterion_she_is_said_to_meet_gives_her_symptom_back() -> None:
    # one symptom named and met: hers; several named and met: to confirm (which of them, the words do not say)
    note = f"{TREATED} Bone imaging is supported for new localized bone pain. She has exactly that."
    assert "bone_pain" in _codes(note)
    assert _decide(note)["systemic_imaging"] == "targeted"
    note = f"{TREATED} A bone scan is reserved for new bone pain or back pain at night, which she has."
    assert {"bone_pain", "back_pain"} <= _to_confirm(note) | _codes(note)
    assert _decide(note)["systemic_imaging"] != "not_recommended"
    # a criterion she is said not to meet changes nothing
    note = f"{TREATED} Bone imaging is supported for new localized bone pain. She does not meet this."
    assert "bone_pain" not in _codes(note)


def test_a_study_supported_for_her_own_symptom_stands() -> None:
    # controls: the study supported for her symptom; a real indication written by the note's own clinician
    for note in (
        f"{TREATED} Bone scan is supported for her new hip pain, present for 4 weeks.",
        f"{TREATED} Indication: new bone pain x 3 wks, worse at night.",
        f"{TREATED} Bone scan indicated for new L hip pain x 3 wks, waking her at night.",
    ):
        assert "bone_pain" in _codes(note), note
        assert _decide(note)["systemic_imaging"] == "targeted", note


# ------------------------------------------------------------------ an indication quoted from another clinician
def test_a_quoted_indication_the_note_denies_is_left_to_confirm() -> None:
    for note, code in (
        (f"{TREATED} Ordering NP's indication: 'back pain'. Pt denies any back pain today.", "back_pain"),
        (f"{TREATED} Referring MD's rationale as submitted: headache. She has had no headaches at all.", "headache"),
        (
            f"{TREATED} Requesting provider's reason: 'bone pain'. On review: diffuse arthralgia on AI, no focal bone "
            "pain.",
            "bone_pain",
        ),
    ):
        assert code not in _codes(note), note
        assert code in _to_confirm(note), note
        assert _decide(note)["systemic_imaging"] == "undetermined", note


def test_a_quoted_indication_the_note_confirms_or_leaves_alone_stands() -> None:
    # controls: the note's own findings agree; nothing else said of it
    for note in (
        f"{TREATED} Ordering NP's indication: 'back pain'. On exam tender L3, pt reports new back pain x 4 wks.",
        f"{TREATED} Ordering NP's indication: 'back pain'.",
    ):
        assert "back_pain" in _codes(note), note
        assert _decide(note)["systemic_imaging"] == "targeted", note


# ------------------------------------------------------------------ a study's reason after the note explained it
def test_a_symptom_named_again_as_a_studys_reason_keeps_its_benign_cause() -> None:
    for note in (
        f"{NEW_DX}\nSymptoms:\nCough: yes - 5 days, with fever, clinically a chest infection, on amoxicillin\n"
        "Plan: CXR (cough, fever). No staging imaging.",
        f"{NEW_DX}\nROS: productive cough x 4 days, viral URI per PCP.\nPlan: chest x-ray for the cough.",
        f"{NEW_DX}\nHPI: cough since last week, consistent with acute bronchitis.\nOrders: CXR PA/lat (cough).",
    ):
        assert "cough" not in _codes(note), note


def test_a_studys_reason_with_a_warning_or_without_an_explanation_stands() -> None:
    # controls: a warning of its own; no earlier explanation; the earlier mention denied
    for note in (
        f"{NEW_DX}\nROS: cough x 4 days, viral URI per PCP.\nPlan: CT chest for persistent cough, now 6 weeks.",
        f"{NEW_DX}\nPlan: CXR (cough x 4 wks).",
    ):
        assert "cough" in _codes(note), note
    # a finding under a heading a request also uses ("Exam:") is no study's reason: the pain warned of stays
    note = (
        f"{TREATED}\nHere for low back pain: began after lifting a box; she assumed a strain. Now progressive, waking "
        "her at night.\nExam: tender over L3 spinous process.\nPlan: MRI L-spine."
    )
    assert "back_pain" in _codes(note)
