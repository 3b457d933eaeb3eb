"""Round 54r: red flags the reader missed in lay words, second-hand reports and answered questions, and the setting
that follows from them (v54 ci-047, cj-006, cj-020, cj-021, ck-026, ck-036, ck-049, ci-032, cj-037, ck-022, ck-032),
each class tested in other wordings than the notes', with controls that keep their reading.

- a field loss told by what she clips on one side of a door, and a hand's skill lost in an idiom ("writing has gone
  downhill"), are a focal neurologic deficit; "hit the left side of her head" is an injury, not a field loss;
- a bone named in lay words ("ache deep in my shin bone", "my hip is killing me", "ache in my left side ribs") is bone
  pain; denied or explained by a bruise it stays set aside;
- breathlessness told by the breath she stops to get back, loose trousers that now need a belt, a weight "down 4 kg"
  opening a sentence: the same red flags; a diet explains the weight as before;
- a cause the note says she does not take ("not on an ACE inhibitor") explains no cough; on one it still does;
- a relative's label over quoted words naming the patient ('Son: "Dad's been ...') is an informant's report;
- a question whose answer denies the same symptoms by name ("Any cough?" / "Patient: No cough.") is answered no, not
  left to confirm; an answer that names another complaint leaves it to confirm;
- a treated cancer with such a red flag is a suspected distant recurrence, not surveillance.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, facts, symptom_codes, symptoms_to_confirm

TREATED = "66F, R breast IDC 2020, R mastectomy, on letrozole, seen in follow-up.\n"


def _codes(line: str) -> set[str]:
    return symptom_codes(TREATED + line)


def _confirm(line: str) -> set[str]:
    return symptoms_to_confirm(TREATED + line)


# ------------------------------------------------------------------ lay words for a red flag
@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Her daughter says for two weeks she keeps catching the right side of the door frame with her shoulder.",
         "neurologic_deficit"),
        ("Wife reports he has been knocking the left edge of doorways all week.", "neurologic_deficit"),
        ("Husband notes her writing has gone downhill over the last fortnight.", "neurologic_deficit"),
        ("Her handwriting has deteriorated since the weekend.", "neurologic_deficit"),
        ("Low back ache 2 wks, and a numb left foot since Monday.", "neurologic_deficit"),
        ("I have a nagging ache deep in my right shin bone that wakes me up.", "bone_pain"),
        ("My left hip is killing me, worse at night, 3 weeks now.", "bone_pain"),
        ("There is a constant ache in my left side ribs for a month.", "bone_pain"),
        ("She now has to pause on the landing to catch her breath back, never a problem before.", "dyspnea"),
        ("I have to stop at the corner to get my breath, new since August.", "dyspnea"),
        ("Her skirts now need a belt; not dieting.", "weight_loss"),
        ("His trousers keep slipping down and he has not changed what he eats.", "weight_loss"),
        ("Tired. Down 5 kg since spring without trying.", "weight_loss"),
        ("Dry cough for 8 weeks; not taking lisinopril, no reflux.", "cough"),
    ],
)
def test_lay_red_flag_counts(line: str, code: str) -> None:
    assert code in _codes(line)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("She hit the left side of her head on the door frame, no other complaints.", "neurologic_deficit"),
        ("No numb left foot, no weakness.", "neurologic_deficit"),
        ("No ache in my shin bone at all.", "bone_pain"),
        ("The ache in my left side ribs is from the bruise when I fell off the bike last week, getting better.",
         "bone_pain"),
        ("Denies breathlessness; does not need to stop to get her breath.", "dyspnea"),
        ("Tired. Down 5 kg since spring, dieting on purpose.", "weight_loss"),
        ("Dry cough for 3 weeks since starting lisinopril.", "cough"),
        ("Her mother had a cough for months before she died.", "cough"),
    ],
)
def test_set_aside_mention_stays_set_aside(line: str, code: str) -> None:
    assert code not in _codes(line)


# ------------------------------------------------------------------ who tells it
def test_relative_label_over_quoted_words_naming_the_patient() -> None:
    note = TREATED + 'Daughter on the line.\nDaughter: "Mum\'s been coughing every night for 7 weeks." Pt agrees.'
    assert "cough" in symptom_codes(note) | symptoms_to_confirm(note)


def test_relative_label_over_the_relatives_own_history_stays_theirs() -> None:
    note = TREATED + 'Daughter: "I had a cough for months last year myself." Pt has no complaints.'
    assert "cough" not in symptom_codes(note)


# ------------------------------------------------------------------ a question answered by name
def test_question_denied_by_name_is_answered_no() -> None:
    note = (TREATED + "Pt wrote: new ache in my right thigh bone, waking me at night.\n"
            "Nurse reply: Any headaches or weakness in the arms?\n\nPatient: No headaches. No weakness.")
    assert not ({"headache", "neurologic_deficit"} & (symptom_codes(note) | symptoms_to_confirm(note)))
    assert "bone_pain" in symptom_codes(note)


def test_question_answered_otherwise_stays_to_confirm() -> None:
    note = (TREATED + "Pt wrote: new ache in my right thigh bone, waking me at night.\n"
            "Nurse reply: Any headaches?\n\nPatient: Only the leg, really.")
    assert "headache" in symptoms_to_confirm(note)


# ------------------------------------------------------------------ the setting that follows
def test_treated_with_lay_bone_pain_is_suspected_distant_recurrence() -> None:
    note = ("Portal msg: had my lumpectomy and radiation in 2019. For 5 weeks an ache deep in my right thigh bone, now "
            "keeping me up at night. Should I get an x-ray?")
    assert facts(note).get("setting") == "suspected_distant_recurrence"
    assert decide_note(note)["systemic_imaging"] != "not_applicable"


def test_treated_without_red_flag_stays_surveillance() -> None:
    note = ("Portal msg: had my lumpectomy and radiation in 2019. No aches or pains, my hips are fine. When is my next "
            "mammogram due?")
    assert facts(note).get("setting") != "suspected_distant_recurrence"
