"""Round 13v-c: red flags read from templates' denials and from a warning cue that opens with a negation.

Own words throughout (no sentence of the blind set). Each class has positives in different words and controls
where the rule must not act, so that no real red flag is dropped to fix a false one.
"""

from __future__ import annotations

from nlp_helpers import decide_note, symptom_codes


def _to_confirm(text: str) -> set[str]:
    from rightscan.adapters.text import extract

    return {v for c in extract(text).to_confirm if c["field"] == "symptoms" for v in c["values"]}


# --------------------------------------------------------------------------- a table's column of denials
DENIAL_TABLE = """New patient review, 66F, right breast IDC 2.1 cm, cN0.
Systems:
| Area        | Positive            | Negative                         |
|-------------|---------------------|----------------------------------|
| General     | tired               | fevers, weight loss              |
| Chest       | -                   | cough, breathlessness            |
| Neuro       | -                   | headache, seizures, limb weakness |
| Bones       | {bones_positive}    | {bones_negative}                 |
Exam unremarkable.
"""


def test_symptoms_in_a_tables_negative_column_are_denied() -> None:
    note = DENIAL_TABLE.format(bones_positive="-", bones_negative="bone pain, back pain")
    assert symptom_codes(note) == set()


def test_a_present_absent_table_denies_its_absent_column() -> None:
    note = """Clinic 3/4: 59 yo woman, left breast ILC, staging discussed.
| Symptom group | Present | Absent |
| Respiratory | | persistent cough, shortness of breath |
| Abdomen | heartburn | jaundice, abdominal pain |
Plan: surgery first.
"""
    assert symptom_codes(note) == set()


def test_a_symptom_in_the_positive_column_of_the_same_table_still_stands() -> None:
    note = DENIAL_TABLE.format(bones_positive="new back pain, wakes her at night", bones_negative="bone pain")
    assert symptom_codes(note) == {"back_pain"}


def test_a_table_without_a_denial_column_is_read_as_written() -> None:
    note = """Review 5/2: 70F, treated right breast cancer 2019.
| System | Findings |
| MSK | back pain for a month, worse at night |
"""
    assert "back_pain" in symptom_codes(note)


# --------------------------------------------------------------------------- "Chest: neg cough/SOB"
def test_a_review_of_systems_shorthand_denies_the_listed_symptoms() -> None:
    assert symptom_codes("ROS - Chest: neg cough/breathlessness. Bones: neg bone pain.") == set()
    assert symptom_codes("Systems review [Neuro: negative headache, seizures. GI: negative jaundice]") == set()


def test_a_negative_study_before_a_symptom_does_not_deny_it() -> None:
    assert "headache" in symptom_codes("Bone scan: negative, headache since May, worse in the mornings.")
    assert "cough" in symptom_codes("Staging CT neg; cough for four weeks, not settling.")


def test_a_new_symptom_after_a_shorthand_denial_still_stands() -> None:
    assert symptom_codes("Chest: neg cough, new breathlessness on one flight of stairs.") == {"dyspnea"}


# --------------------------------------------------------------------------- "no trauma/falls/coughing"
def test_an_item_listed_after_a_negation_headed_warning_is_left_to_confirm() -> None:
    note = "Left rib pain for a month, no trauma/falls/coughing bouts, keeps her awake."
    assert symptom_codes(note) == {"bone_pain"}
    assert "cough" in _to_confirm(note)
    other = "Mid back ache for three weeks, without trauma, fall or weight loss."
    assert "weight_loss" not in symptom_codes(other)
    assert "weight_loss" in _to_confirm(other)


def test_an_item_alone_in_the_list_changes_the_answer_to_undetermined_not_imaging() -> None:
    note = (
        "Follow-up 4/9: 61F, right mastectomy 2020 for ER+ IDC, on letrozole, NED. "
        "Saw GP after a stumble; no trauma/fall/weight loss noted. Exam normal."
    )
    assert decide_note(note)["systemic_imaging"] != "targeted"


def test_the_pain_the_negated_cause_qualifies_keeps_its_warning() -> None:
    assert "bone_pain" in symptom_codes("Right rib pain for two weeks, no trauma, tender over the 6th rib.")


def test_a_symptom_told_in_its_own_clause_after_such_a_cue_stands() -> None:
    assert "cough" in symptom_codes("No trauma. Coughing for six weeks, worse at night.")
    # a negation-headed warning of another symptom's course ("not getting better") opens no list
    for joint in (",", " and"):
        note = f"Dry cough for weeks, not getting better{joint} now breathless climbing stairs, which is new for her."
        assert symptom_codes(note) == {"cough", "dyspnea"}


# --------------------------------------------------------------------------- warnings told as a return condition
def test_a_warning_in_a_return_condition_does_not_undo_the_explanation() -> None:
    first = (
        "Lumbar ache since moving furniture, c/w muscle strain; return if not settling, pain at night or leg weakness."
    )
    assert "back_pain" not in symptom_codes(first)
    second = "Back pain c/w mechanical strain - expect it to settle; call sooner if worse at night."
    assert "back_pain" not in symptom_codes(second)


def test_a_warning_told_before_the_condition_still_keeps_the_red_flag() -> None:
    note = "Back pain from muscle strain, but now waking her at night; return if it spreads."
    assert "back_pain" in symptom_codes(note)
    note = "Hip pain for 2 months, worse with walking and at night; she attributed it to arthritis."
    assert "bone_pain" in symptom_codes(note)
