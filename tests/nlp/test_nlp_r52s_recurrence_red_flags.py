"""Round 52s: a suspected recurrence read as surveillance because its red flag was missed (v52: five unsafe answers,
"not_applicable despite a red flag"). Each class is tested in other wordings than the set's, with controls.

1. A relative who comes upon the patient in the event ("her husband came home to find her ...") is a witness, and the
   pronoun of "her husband" named again after the verb is the patient (informant_reports.py, witness_verbs): the
   seizure is hers. Controls: the relative's own event, a word of the relative's own ("too") left to confirm.
2. A trauma denied by memory or by its verb ("can't remember any injury", "hasn't knocked or strained anything") warns
   as "no trauma" does; the denied "strain" explains nothing (context_rules.json). Control: a strain told as the cause.
3. A bone's pain placed as letters and exams tell it: the side after the bone ("hip on the right has been aching"), a
   numbered rib's focal tenderness ("tender over the left 9th rib"), the place shown ("pointed to her right hip")
   (targets.yaml). Controls: the tenderness denied; the same tenderness in the sentence after a fall, opened by
   "since then", left to confirm (fall_story.py, trigger_cuts).
4. Interscapular pain told as where the pain has moved ("aching, further up between her shoulder blades").
5. A scar nodule whose size stands in brackets before its place is a new local finding (values.yaml).
6. The setting: a surveillance visit with a new red flag is a suspected distant recurrence, never not_applicable;
   an ordinary surveillance visit, and one that denies the symptom, stay surveillance with no red flag.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, facts, symptom_codes, symptoms_to_confirm

HX = "Follow-up letter. L mastectomy and axillary clearance 2019 for ER+ IDC, on letrozole since. "


def _decision(note: str) -> str:
    return decide_note(note)["systemic_imaging"]


# ------------------------------------------------------------------ 1. a witness who comes upon the patient
@pytest.mark.parametrize(
    "line",
    [
        "Her husband came home to find her on the kitchen floor jerking all four limbs, with a bitten tongue.",
        "His wife was woken by him thrashing in bed and found him drowsy afterwards with a bitten tongue.",
        "Her daughter walked in to find her having a seizure at the dinner table.",
    ],
)
def test_witness_coming_upon_the_patient_tells_her_seizure(line: str) -> None:
    note = HX + line + " MRI brain requested."
    assert "seizure" in symptom_codes(note)
    assert facts(note).get("setting") == "suspected_distant_recurrence"
    assert _decision(note) == "targeted"


def test_relatives_own_seizure_stays_his() -> None:
    note = HX + "Her husband has epilepsy and had a seizure last month; she is his carer."
    assert "seizure" not in symptom_codes(note)


def test_relatives_own_mark_is_left_to_confirm() -> None:
    note = HX + "Her husband came home to find her with a headache as well."
    assert "headache" not in symptom_codes(note)
    assert "headache" in symptoms_to_confirm(note)


# ------------------------------------------------------------------ 2. a trauma denied by memory or by its verb
@pytest.mark.parametrize(
    "line",
    [
        "Six weeks of pain in her mid back and she cannot remember any injury or strain.",
        "Low back pain since early March; he doesn't recall a fall, strain or accident.",
        "New right hip pain for a month, although she hasn't knocked or strained anything.",
    ],
)
def test_denied_trauma_keeps_the_pain(line: str) -> None:
    note = HX + line
    assert symptom_codes(note) & {"back_pain", "bone_pain"}
    assert _decision(note) == "targeted"


def test_strain_told_as_the_cause_still_explains() -> None:
    assert "back_pain" not in symptom_codes(HX + "Back pain for four days since she strained it lifting a suitcase.")


# ------------------------------------------------------------------ 3. a bone's pain placed
@pytest.mark.parametrize(
    "line",
    [
        "She says the hip on the right has been aching for five weeks.",
        "Exam: exquisitely tender over the left 9th rib in the mid-axillary line.",
        "Today she pointed to her right hip: deep pain for 2 months, worse at night.",
        "R 6th rib tenderness on palpation, otherwise unremarkable.",
    ],
)
def test_bone_pain_placed(line: str) -> None:
    note = HX + line
    assert "bone_pain" in symptom_codes(note)
    assert facts(note).get("setting") == "suspected_distant_recurrence"


def test_numbered_rib_tenderness_denied() -> None:
    assert "bone_pain" not in symptom_codes(HX + "Chest wall: no tenderness over the left 9th rib, no swelling.")


def test_rib_tenderness_after_a_fall_is_left_to_confirm() -> None:
    note = HX + "Slipped on ice last week and landed on her right side. Since then point tender over the R 6th rib."
    assert "bone_pain" not in symptom_codes(note)
    assert "bone_pain" in symptoms_to_confirm(note)


# ------------------------------------------------------------------ 4. interscapular pain where the pain has moved
def test_pain_moved_between_the_shoulder_blades() -> None:
    note = HX + "The neck stiffness settled, but now an aching, further up between her shoulder blades, at night."
    assert "back_pain" in symptom_codes(note)
    assert _decision(note) == "targeted"


# ------------------------------------------------------------------ 5. a scar nodule with its size in brackets
def test_scar_nodule_with_bracketed_size_is_local() -> None:
    note = HX + "On review there is a firm nodule (about 5 mm) in the skin above the mastectomy scar, new since spring."
    assert facts(note).get("setting") == "suspected_local_recurrence"


def test_no_nodule_below_the_scar_stays_surveillance() -> None:
    note = HX + "No lumps (checked twice) below the scar; chest wall smooth."
    assert facts(note).get("setting") == "surveillance"


# ------------------------------------------------------------------ 6. the setting of a surveillance visit
def test_surveillance_visit_with_a_new_red_flag_is_not_not_applicable() -> None:
    note = "Survivorship review. " + HX + "Reports new pain in her left hip for 3 weeks, waking her at night."
    assert "bone_pain" in symptom_codes(note)
    assert facts(note).get("setting") == "suspected_distant_recurrence"
    assert _decision(note) != "not_applicable"


def test_ordinary_surveillance_visit_stays_surveillance() -> None:
    note = (
        "Annual survivorship review. " + HX + "Feels well, busy with grandchildren, exam unremarkable. Mammogram due."
    )
    assert facts(note).get("setting") == "surveillance"
    assert not symptom_codes(note)
    assert _decision(note) == "not_applicable"


def test_surveillance_note_denying_the_symptom_stays_surveillance() -> None:
    note = "Survivorship review. " + HX + "She has had no back pain, no bone aches and no headaches since we met."
    assert facts(note).get("setting") == "surveillance"
    assert not symptom_codes(note)
    assert _decision(note) == "not_applicable"


# ------------------------------------------------------------------ 7. surveillance read as a suspected recurrence
def test_symptom_denied_by_what_she_would_call_it() -> None:
    note = "Survivorship review. " + HX + "Aches in the knees from the AI; nothing he would describe as back pain."
    assert "back_pain" not in symptom_codes(note)
    assert facts(note).get("setting") == "surveillance"


def test_symptom_she_would_call_it_is_kept() -> None:
    note = "Survivorship review. " + HX + "She would call it bone pain: a deep ache in the left hip for 5 weeks."
    assert "bone_pain" in symptom_codes(note)


def test_statement_about_a_group_is_no_finding_of_hers() -> None:
    note = "Survivorship review. " + HX + "CA 15-3 32 (ULN 30); survivors often have a mildly raised CA 15-3."
    assert facts(note).get("setting") == "surveillance"


def test_every_symptom_feared_is_none_in_particular() -> None:
    note = HX + "Since the cancer I worry with every little headache; none this year, she says."
    assert "headache" not in symptom_codes(note)


def test_headache_every_morning_is_kept() -> None:
    note = HX + "Headache every morning for 3 weeks, worse on bending."
    assert "headache" in symptom_codes(note)


# ------------------------------------------------------------------ 8. a long bone's tenderness and deep ache
@pytest.mark.parametrize(
    "line",
    ["O/E tender distal R femur, full range at the knee.", "Pain sits deep in the lower left tibia, worse at night."],
)
def test_long_bone_tenderness_or_deep_ache(line: str) -> None:
    note = HX + line
    assert "bone_pain" in symptom_codes(note)
    assert _decision(note) == "targeted"


def test_long_bone_tenderness_denied() -> None:
    assert "bone_pain" not in symptom_codes(HX + "O/E: not tender distal R femur, knee normal.")


def test_her_own_rising_marker_is_still_a_finding() -> None:
    note = "Survivorship review. " + HX + "Rising CEA on three draws, now 9.4 (ULN 5)."
    assert facts(note).get("setting") == "suspected_distant_recurrence"
