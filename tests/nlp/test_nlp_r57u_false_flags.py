"""Round 57u: false red flags and false M1 (v57 cr-035, cr-038, cr-017, cr-043, cs-025, ct-033, ct-049).

Classes, each tested here in new wordings, with the controls that must keep their reading:

- a metastasis named only as the worse fit of a comparison ("fits a drug effect far better than metastases") is no
  M1 (values.yaml clue.metastasis_less_likely, round 57u alternative);
- a metastasis put under a concern / worry / query label ("Concern: metastasis ...", "Worry - liver mets") is a
  suspicion, never M1 (context_rules.json "concern: metastasis");
- a metastasis the writer is not worried about is neither M1 nor M0 (context_rules.json "not worried about");
- a breathlessness of an earlier cycle, its cause treated and the breathing said back to normal since, is over
  (context_rules.json "breathing back to normal");
- aches of pregnancy a clinician calls normal for the gestation are explained (context_rules.json "OB considers
  normal for 26 wks", "normal for 26/40");
- an ache that comes with a worn device and goes when it is taken off is explained (context_rules.json "goes away
  when I take it off");
- a headache the note tells as the patient's usual migraine, same pattern, is not raised from her own question about
  her headaches (known_pattern.py: a question no longer keeps a mention out of the note-wide reading).
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, facts, symptom_codes, symptoms_to_confirm, tumor

SURV = "66F, 6 yrs after R mastectomy for pT2 pN0 ER+ IDC, on letrozole, routine surveillance visit.\n"


# --------------------------------------------------------------------------- a metastasis argued against
@pytest.mark.parametrize(
    "line",
    [
        "Opinion: the rise in transaminases fits a drug effect much better than liver metastases; repeat in 4 weeks.",
        "The lumbar picture is explained far better by facet arthropathy than metastatic disease.",
    ],
)
def test_a_metastasis_named_as_the_worse_fit_is_no_m1(line: str) -> None:
    note = SURV + line
    assert tumor(note).get("m") != "M1"


def test_a_metastasis_confirmed_on_biopsy_stays_m1() -> None:
    note = SURV + "Liver metastases confirmed on core biopsy last week; ER+ on the metastasis."
    assert tumor(note).get("m") == "M1"


# --------------------------------------------------------------------------- a concern label
@pytest.mark.parametrize(
    "line",
    [
        "Worry: skeletal metastasis with a pending fracture of the humerus.",
        "Main concern - liver mets.",
        "Query: brain metastases given the vomiting.",
    ],
)
def test_a_metastasis_under_a_concern_label_is_suspected_not_m1(line: str) -> None:
    note = SURV + "Three weeks of arm pain, worse at night.\n" + line
    assert tumor(note).get("m") != "M1"
    assert facts(note).get("setting") == "suspected_distant_recurrence"


def test_a_symptom_under_a_concern_label_still_counts() -> None:
    note = SURV + "Concern: new back pain waking her at night."
    assert "back_pain" in symptom_codes(note)


def test_a_metastasis_named_before_a_concern_label_keeps_its_doubt() -> None:
    note = SURV + "Liver mets a concern: ALP 3x ULN."
    assert tumor(note).get("m") != "M1"


# --------------------------------------------------------------------------- not worried about metastasis
def test_a_metastasis_the_writer_is_not_worried_about_gives_no_m() -> None:
    note = SURV + "Bruised ribs after a fall, settling; I am honestly not too concerned about metastatic disease."
    assert "m" not in tumor(note)


def test_no_evidence_of_metastatic_disease_is_still_m0() -> None:
    note = SURV + "Restaging PET: no evidence of metastatic disease."
    assert tumor(note).get("m") == "M0"


# --------------------------------------------------------------------------- breathlessness explained and over
CHEMO = "52F, adjuvant TC cycle 4 today, s/p L lumpectomy + SLNB.\n"


def test_breathlessness_treated_and_back_to_normal_is_over() -> None:
    note = CHEMO + "C3: breathless on stairs, Hb 7.4, given 2 units; her breathing has been back to normal since."
    assert "dyspnea" not in symptom_codes(note)
    assert "dyspnea" not in symptoms_to_confirm(note)


def test_breathlessness_persisting_after_transfusion_still_counts() -> None:
    note = CHEMO + "C3: breathless on stairs, Hb 7.4, given 2 units; still short of breath on stairs despite it."
    assert "dyspnea" in symptom_codes(note)


# --------------------------------------------------------------------------- a pregnancy's aches
PREG = "34F, G2P1 at 31 weeks, new diagnosis of L breast IDC 2.1 cm, cN0, ER+ HER2-.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Pregnancy aches in the hips and lower back that her obstetrician feels are normal for 31 weeks.",
        "Sacral and hip aches, which the midwife deems normal for 34 weeks.",
    ],
)
def test_a_pregnancy_ache_a_clinician_calls_normal_is_explained(line: str) -> None:
    note = PREG + line
    assert not symptom_codes(note) & {"back_pain", "bone_pain"}


def test_a_new_night_back_pain_in_pregnancy_still_counts() -> None:
    note = PREG + "New back pain at night, unlike her pregnancy aches that the midwife considers normal for 31 weeks."
    assert "back_pain" in symptom_codes(note) | symptoms_to_confirm(note)
    assert decide_note(note)["systemic_imaging"] != "not_recommended"


# --------------------------------------------------------------------------- an ache that goes with a device
NEW = "45M, new dx L breast IDC 1.2 cm, cN0, triple negative, surgery next month.\n"


def test_an_ache_that_goes_when_the_device_is_taken_off_is_explained() -> None:
    note = NEW + "His chest binder makes the lower ribs ache by evening; it stops as soon as he takes the binder off."
    assert "bone_pain" not in symptom_codes(note)


def test_a_rib_ache_at_night_without_the_device_still_counts() -> None:
    note = NEW + "Rib ache that wakes him at night, even with the binder off."
    assert "bone_pain" in symptom_codes(note) | symptoms_to_confirm(note)


# --------------------------------------------------------------------------- her usual migraine asked about
MIGRAINE = (
    "61F, new R breast IDC 1.9 cm, cN0, ER+ HER2-.\nMigraine since her 20s, same pattern, nothing new. No neuro sx.\n"
)


def test_her_question_about_her_usual_headaches_raises_no_headache() -> None:
    note = MIGRAINE + "Her one question: do the headaches matter? Reassured."
    assert "headache" not in symptom_codes(note)


def test_a_headache_different_from_her_usual_migraine_still_counts() -> None:
    note = MIGRAINE + "She asks about her headaches, which are different from her usual migraines and wake her."
    assert "headache" in symptom_codes(note) | symptoms_to_confirm(note)
    assert decide_note(note)["systemic_imaging"] != "not_recommended"
