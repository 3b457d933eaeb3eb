"""Round 11b: the classes behind the blind v11 set's unsafe answers that missed a red flag or assumed M1.

Each class has differently worded positives and a control where it must not fire, in our own words:

- a mother named the British or Irish way ("mum", "mam") is a relative: her metastases are not the patient's M1;
- the pain named as the cause of something else ("can't sleep due to the pain") does not explain the pain away;
- weakness or numbness of a limb told with a verb or a comparison ("legs are getting weaker", "my hands go numb",
  "grip is weaker") is a neurologic deficit;
- a negation that reaches a symptom described with its own warning across a clause is not trusted: the symptom is
  left to confirm and the answer is undetermined, never "not applicable" or "not recommended".
"""

from __future__ import annotations

from nlp_helpers import decide_note, facts, symptom_codes

# --- a relative called mum or mam ---------------------------------------------------------------------------------


def test_a_mums_metastases_are_not_the_patients() -> None:
    note = "Newly diagnosed left breast IDC. Her mum passed away with liver metastases and awful bone pain in 2012."
    read = facts(note)
    assert read.get("tumor", {}).get("m") != "M1"
    assert "bone_pain" not in read.get("symptoms", [])


def test_a_mams_spinal_mets_are_not_the_patients() -> None:
    note = "Anxious about scans because her mam had breast cancer that spread to the spine."
    assert facts(note).get("tumor", {}).get("m") != "M1"


def test_control_the_patients_own_symptom_after_talk_of_her_mum_stays() -> None:
    note = "Her mum had breast cancer at sixty. She herself has had new back pain for three weeks, worse at night."
    assert "back_pain" in symptom_codes(note)


def test_control_a_call_about_mum_is_about_the_patient() -> None:
    note = "Son calling about mum: she has had new pain in her lower back since last week, worse at night."
    assert "back_pain" in symptom_codes(note)


# --- the pain as the cause of something else ----------------------------------------------------------------------


def test_pain_that_keeps_her_awake_is_not_explained_by_itself() -> None:
    note = "For six weeks she has had pain in her upper back, she wakes up at night due to the pain."
    assert "back_pain" in symptom_codes(note)


def test_pain_that_makes_her_limp_is_still_a_red_flag() -> None:
    note = "Bone pain in the right thigh for a month, she now walks with a stick because of her pain."
    assert "bone_pain" in symptom_codes(note)


def test_control_a_benign_cause_still_explains_back_pain() -> None:
    note = "Lower back pain due to a muscle strain from lifting boxes, settling with rest."
    assert "back_pain" not in symptom_codes(note)


# --- a limb's weakness or numbness in lay words -------------------------------------------------------------------


def test_legs_getting_weak_on_stairs_is_a_deficit() -> None:
    assert "neurologic_deficit" in symptom_codes("Over the last few days her legs are getting weaker on the stairs.")


def test_a_weaker_grip_is_a_deficit() -> None:
    assert "neurologic_deficit" in symptom_codes("I drop my keys a lot now, my grip has become weaker on the right.")


def test_hands_going_numb_is_a_deficit() -> None:
    assert "neurologic_deficit" in symptom_codes("Since Sunday both my hands go numb when I wake up.")


def test_control_denied_numb_hands_are_not_a_deficit() -> None:
    assert "neurologic_deficit" not in symptom_codes("She denies that her hands go numb or that her grip is weaker.")


def test_control_a_numb_chest_wall_after_surgery_is_not_a_deficit() -> None:
    assert "neurologic_deficit" not in symptom_codes("The skin of my chest wall is still numb since the mastectomy.")


def test_a_treated_patient_with_a_weakening_hand_gets_targeted_imaging() -> None:
    note = "I completed radiotherapy for breast cancer in March. My left fingers tingle and my grip is getting weaker."
    assert decide_note(note)["systemic_imaging"] == "targeted"


# --- a negation across a clause -----------------------------------------------------------------------------------


def test_a_presentation_after_denied_history_is_left_to_confirm() -> None:
    note = (
        "58F, has never had a mammogram before, came to clinic with a month of lower back pain, constant, worse at "
        "night. Core biopsy L breast: IDC grade 3, ER negative, PR negative, HER2 negative, 3.1 cm, axilla clinically "
        "negative."
    )
    decision = decide_note(note)
    assert "back_pain" not in symptom_codes(note)  # not stated as a fact either
    assert decision["systemic_imaging"] == "undetermined"
    assert any(item.startswith("symptoms") for item in decision["insufficient_data"])


def test_a_second_wording_of_a_presentation_after_a_denial() -> None:
    note = (
        "No known cancer, has never had a bone density scan, referred with two months of pain in her left hip, getting "
        "worse, keeping her up at night. US-guided biopsy R breast 2.4 cm: invasive ductal carcinoma, grade 2, ER "
        "positive, PR positive, HER2 negative; axillary ultrasound normal."
    )
    decision = decide_note(note)
    assert decision["systemic_imaging"] == "undetermined"
    assert any(item.startswith("symptoms") for item in decision["insufficient_data"])


def test_control_a_symptom_denied_next_to_its_qualifier_stays_denied() -> None:
    note = "Denies headaches worse in the morning. Stage I IDC, 1.1 cm, node negative, ER positive, HER2 negative."
    assert "headache" not in symptom_codes(note)
    assert decide_note(note)["systemic_imaging"] != "undetermined"


def test_control_a_list_of_denials_stays_denied() -> None:
    note = "Denies fever, chills, night sweats, unintentional weight loss, new bone pain, headaches."
    assert symptom_codes(note) == set()
    assert facts(note).get("symptoms") is None
