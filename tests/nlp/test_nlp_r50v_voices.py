"""Round 50v: voices other than the physician's (relatives writing for the patient, callers, patients' own words), each
class in other wordings than the v50 notes':

- in a message a relative writes for the patient, the writer's own first-person symptom is not the patient's; the
  patient's (she, her name, the relation) stays hers, and a clause naming both is left to confirm; the relation and
  "<relation or name> is NN" give her sex and age;
- a symptom told as her lifelong baseline ("had forever", "for decades", "all her life") is chronic unless it changed;
- a headache put down to tension in a word of its own is explained, unless a warning stands with it;
- weight lost with a treatment's taste change or sore mouth in the patient's words is explained (a large loss waits);
- an age in a likeness ("like I'm 90 years old") is no age;
- lay words for double vision, jumbled or wrong words, a speech change, a back "'s been killing me", a sore feeling
  under the right ribs, a rib cracked by coughing.
Controls: a relative's own symptom, a worry ("scared it's spread"), a lay denial ("not hurting anywhere"), a witness's
"I noticed", a quoted first person, a rib broken in a fall.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts, symptom_codes, symptoms_to_confirm

NEW = "61 yo F, core biopsy L breast IDC 1.6 cm, ER+ PR+ HER2-, cN0, surgery planned next month.\n"


def _codes(line: str) -> set[str]:
    return symptom_codes(NEW + line)


def _all(line: str) -> set[str]:
    return _codes(line) | symptoms_to_confirm(NEW + line)


# ------------------------------------------------------------------ a relative writes: the writer's "I"
@pytest.mark.parametrize(
    ("note", "theirs"),
    [
        # the writer's own symptom: not the patient's
        (
            "Hi, Maria here, writing on behalf of my mother Rosa who had her biopsy Tuesday (invasive ductal). "
            "She is eating fine. I have had a headache every morning this week, is it ok if I come to her visit?",
            set(),
        ),
        (
            "Sending this for my husband Len: his breast cancer biopsy came back positive and surgery is on the 4th. "
            "I've been coughing for three weeks myself - should I stay home from his appointment?",
            set(),
        ),
        # the patient's symptom told by the writer stays the patient's
        (
            "Writing for my wife Jean (biopsy-proven breast cancer, surgery planned). She's had back pain for a month "
            "and it wakes her at night.",
            {"back_pain"},
        ),
        (
            "Typing this for my dad, he doesn't do computers. Biopsy showed breast cancer, surgery in two weeks. "
            "I noticed he has been coughing for about a month.",
            {"cough"},
        ),
    ],
)
def test_the_writers_own_symptom_is_not_the_patients(note: str, theirs: set[str]) -> None:
    assert symptom_codes(note) == theirs


def test_a_clause_naming_writer_and_patient_waits() -> None:
    note = (
        "Writing for my mother, biopsy showed breast cancer and her surgery is booked. "
        "Mom and I both have had a cough for two weeks."
    )
    assert "cough" not in symptom_codes(note)
    assert "cough" in symptoms_to_confirm(note)


def test_a_quoted_first_person_stays_the_speakers() -> None:
    note = (
        "Writing on behalf of my father (breast cancer, biopsy last week, surgery planned). "
        'He keeps saying "I can\'t catch my breath on the stairs" since Sunday.'
    )
    assert "dyspnea" in symptom_codes(note) | symptoms_to_confirm(note)


def test_the_patients_own_message_keeps_her_i() -> None:
    note = "Biopsy last week showed invasive ductal carcinoma, surgery next month. I've had a cough for five weeks."
    assert "cough" in symptom_codes(note)


@pytest.mark.parametrize(
    ("note", "age", "sex"),
    [
        ("Hello, Tom writing for my wife Paula. Paula is 68. Her biopsy showed breast cancer.", 68, "female"),
        ("This is Ruth's son, I help her with MyChart. Mom is 84 and her biopsy showed lobular cancer.", 84, "female"),
    ],
)
def test_the_relation_gives_sex_and_age(note: str, age: int, sex: str) -> None:
    got = facts(note)
    assert got.get("age") == age
    assert got.get("sex") == sex


# ------------------------------------------------------------------ a lifelong baseline
@pytest.mark.parametrize(
    "line",
    [
        "A dry cough she has had forever from years of smoking, no change.",
        "Achy low back on and off for decades, same as ever.",
        "Headaches all her life, the usual kind, none this week.",
    ],
)
def test_a_lifelong_baseline_does_not_count(line: str) -> None:
    assert _codes(line) == set()


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Cough she's had forever, but worse and bloody over the last month.", "cough"),
        ("Lifelong headaches, but this one is different and wakes her at night.", "headache"),
    ],
)
def test_a_lifelong_symptom_that_changed_counts(line: str, code: str) -> None:
    assert code in _codes(line)


# ------------------------------------------------------------------ a headache put down to tension
def test_a_tension_headache_in_her_word_is_explained() -> None:
    assert "headache" not in _codes('Headache off and on since the biopsy - "tension," she says - gone with Tylenol.')


def test_a_tension_headache_with_a_warning_counts() -> None:
    line = 'Headache most days, "stress," she says, but now waking her at night and worse every morning.'
    assert "headache" in _codes(line)


# ------------------------------------------------------------------ weight lost with a treatment's side effects
def test_weight_lost_with_a_sore_mouth_from_chemo_is_explained() -> None:
    line = "On AC, wt down 2 kg since cycle 1, she says food tastes like metal and her mouth is so sore."
    assert "weight_loss" not in _all(line)


def test_weight_lost_without_a_cause_counts() -> None:
    assert "weight_loss" in _codes("Wt down 4 kg in 6 weeks without trying, appetite good.")


# ------------------------------------------------------------------ an age in a likeness
def test_an_age_in_a_likeness_is_no_age() -> None:
    note = '67 yo woman on anastrozole. Joints stiff, "I feel like I\'m 100 years old getting out of bed."'
    assert facts(note).get("age") == 67


# ------------------------------------------------------------------ lay words for red flags
@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Since Friday her daughter says the TV looks doubled to her.", "neurologic_deficit"),
        ("She has been picking the wrong words on the phone since Tuesday.", "neurologic_deficit"),
        ("Speech changed since yesterday per pt, slurring at dinner.", "neurologic_deficit"),
        ("My back's been aching for a month and wakes me at night.", "back_pain"),
        ("A tender feeling under her right ribs since Sunday.", "abdominal_pain"),
        ("Cracked a rib from coughing last week.", "pathologic_fracture"),
    ],
)
def test_lay_words_for_red_flags(line: str, code: str) -> None:
    assert code in _codes(line)


@pytest.mark.parametrize(
    "line",
    [
        "Not hurting anywhere, sleeping fine, no seeing double.",
        "I'm scared it's spread to my bones.",
        "Slipped on the ice and cracked a rib; the rib still hurts.",
        "Her husband has had a cough for a month.",
    ],
)
def test_controls_stay_silent(line: str) -> None:
    assert _codes(line) == set()
