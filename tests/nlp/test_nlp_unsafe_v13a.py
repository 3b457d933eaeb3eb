"""Round 13a: the classes behind six unsafe answers of the v13 blind set, in our own words, each with controls where
the reading must not change:

- a symptom that points back to its first telling ("as above", "per HPI") is read as it was read there: never counted
  a second time without the qualifiers it had (back_references.py);
- a symptom told after a relative's pronoun of the other sex than the patient's ("his wife ... - she has had back
  pain") is not surely the patient's: left to confirm (foreign_pronouns.py);
- a symptom a clinician puts down to the body's normal state ("physiological", "related to pregnancy") is explained,
  unless a warning stands beside it;
- a metastasis held "until proven otherwise" is a working diagnosis, not a proven M1;
- a metastasis named as what a study is too weak to show ("limited sensitivity for small mets") is no finding.
"""

from __future__ import annotations

from nlp_helpers import decide_note as _decide
from nlp_helpers import facts as _facts
from nlp_helpers import symptom_codes as _codes
from rightscan.adapters.text import extract

TREATED = "58F, R breast IDC 2019, s/p mastectomy and chemo, on anastrozole. Seen today."
MAN_NEW = "66M, newly diagnosed L breast IDC 2.1 cm, grade 2, ER+ PR+ HER2-, cN0."
PREGNANT = "33F, 26 weeks pregnant, newly diagnosed R breast IDC 3 cm, grade 3, ER- PR- HER2+, cN1."


def _to_confirm(note: str) -> set[str]:
    return {v for i in extract(note).to_confirm if i["field"] == "symptoms" for v in i["values"]}


def _m(note: str) -> str | None:
    return _facts(note).get("tumor", {}).get("m")


# ------------------------------------------------------------------ a pointer back to the first telling
def test_a_symptom_pointing_back_to_an_explained_telling_is_read_as_explained() -> None:
    for note, code in (
        (
            f"{TREATED} HPI: lower back pain after lifting boxes on Sunday.\nROS: back pain per HPI. No headache.",
            "back_pain",
        ),
        (
            f"{TREATED} HPI: breathless on hills because of her heart failure, same as usual.\nROS: +SOB as described "
            "above. Denies headache.",
            "dyspnea",
        ),
    ):
        assert code not in _codes(note), note
        assert _decide(note)["systemic_imaging"] != "targeted", note


def test_a_pointer_back_to_a_telling_that_stands_keeps_the_red_flag() -> None:
    note = f"{TREATED} HPI: new back pain for 4 weeks, worse at night.\nROS: back pain as above."
    assert "back_pain" in _codes(note)


def test_a_pointer_back_with_a_warning_of_its_own_keeps_the_red_flag() -> None:
    note = (
        f"{TREATED} HPI: dry cough for 3 years from her asthma, no change.\n"
        "ROS: cough as above, now waking her at night and getting worse."
    )
    assert "cough" in _codes(note)


def test_a_pointer_back_to_nothing_said_of_that_symptom_keeps_it() -> None:
    # only the breathlessness was told before: the cough is told here for the first time
    note = (
        f"{TREATED} HPI: breathless on hills because of her heart failure, same as usual.\n"
        "ROS: +SOB, cough as described above. Denies headache."
    )
    codes = _codes(note)
    assert "cough" in codes and "dyspnea" not in codes
    assert "cough" in _codes(f"{TREATED} ROS: cough as above.")


# ------------------------------------------------------------------ a relative's pronoun of the other sex
def test_a_symptom_after_the_pronoun_of_a_relative_of_the_other_sex_is_left_to_confirm() -> None:
    for note, code in (
        (
            f"{MAN_NEW} Social: his wife has MS and uses a wheelchair - she has had back pain for months; he is her "
            "carer.",
            "back_pain",
        ),
        (f"{TREATED} Social: her husband had a stroke last year; he gets headaches most days now.", "headache"),
    ):
        assert code not in _codes(note), note
        assert code in _to_confirm(note), note
        assert _decide(note)["systemic_imaging"] == "undetermined", note


def test_the_patients_own_pronoun_keeps_the_red_flag() -> None:
    for note, code in (
        # a relative of the patient's own sex: her "she" may be the patient, and is read so as before
        (f"{TREATED} Daughter came with her today; she has new back pain for 3 weeks.", "back_pain"),
        # the relative tells of the patient
        (f"{MAN_NEW} His wife says he has had new bone pain at night.", "bone_pain"),
        (f"{MAN_NEW} His wife has MS; he has new back pain at night for 3 weeks.", "back_pain"),
    ):
        assert code in _codes(note), note


def test_without_the_patients_sex_a_pronoun_decides_nothing() -> None:
    note = "Newly diagnosed L breast IDC 2 cm, ER+. Social: wife has MS - she has had back pain for months."
    assert "back_pain" in _codes(note)


# ------------------------------------------------------------------ the body's normal state
def test_a_symptom_called_physiological_is_explained() -> None:
    for note in (
        f"{PREGNANT} Symptoms: breathlessness on stairs, physiological per the obstetric team.",
        f"{PREGNANT} Shortness of breath on exertion, felt to be physiological for gestation, SpO2 99%.",
    ):
        assert "dyspnea" not in _codes(note), note


def test_a_warning_beside_a_physiological_label_keeps_the_red_flag() -> None:
    note = f"{PREGNANT} Breathlessness at rest, new and worsening over 5 days, previously put down as physiological."
    assert "dyspnea" in _codes(note)


# ------------------------------------------------------------------ a working diagnosis, a study's limits
def test_a_metastasis_held_until_proven_otherwise_is_no_m1() -> None:
    for note in (
        f"{TREATED} Impression: liver metastases until proven otherwise. Plan: CT CAP.",
        f"{TREATED} MRI: lytic L2 lesion, metastatic disease unless proven otherwise.",
    ):
        assert _m(note) != "M1", note
        assert _facts(note).get("setting") == "suspected_distant_recurrence", note


def test_a_metastasis_a_study_is_too_weak_to_show_is_no_m1() -> None:
    for note in (
        f"{TREATED} CT head without contrast: no mass; limited sensitivity for small metastases.",
        f"{TREATED} Non-contrast CT is insensitive to small brain metastases; MRI booked.",
    ):
        assert _m(note) != "M1", note


def test_a_metastasis_shown_is_still_m1() -> None:
    for note in (
        f"{TREATED} MRI: multiple liver metastases, biopsy-proven.",
        f"{TREATED} CT head: two enhancing brain metastases with oedema.",
    ):
        assert _m(note) == "M1", note
