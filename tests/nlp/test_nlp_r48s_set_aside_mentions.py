"""Round 48s: red flags raised from mentions the note sets aside (blind v48, hands bq, br, bs).

Six classes, each in new wordings with controls that must keep their reading:

- a symptom told as over by what it stopped doing ("stopped after ...", "hasn't recurred", "never came back."), and a
  habitual past ("she used to get ...") that is left to confirm when nothing tells it is over (v48 bq-019);
- a symptom named as an item of a differential ("TIA vs focal seizures") is weighed, not told: to confirm (bq-029);
- "no longer" right before a symptom tells it over, its qualifier ("at rest") no warning (bq-033);
- a list of symptoms tied to a named acute illness is explained item by item, for what the illness gives (bq-033,
  bs-034);
- the patient's own attribution of a headache to giving up coffee or to her sinuses (br-039);
- a nerve entrapment of the arm explains a numbness in its own territory only (bq-027).
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, symptoms_to_confirm

SURV = "Survivorship visit. 58F, L breast IDC pT1b N0 2019, lumpectomy + RT, on letrozole. NED.\n"


# --- a symptom told as over by what it stopped doing --------------------------------------------------------------
@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("The migraines she had through radiotherapy stopped once treatment finished and have not recurred.",
         "headache"),
        ("Her dry cough ceased completely after the antibiotics.", "cough"),
        ("Low back ache from the long drive stopped after a week; hasn't come back since.", "back_pain"),
        ("The breathlessness she got on hills never came back.", "dyspnea"),
    ],
)  # fmt: skip
def test_a_symptom_told_as_stopped_or_not_come_back_is_over(note: str, code: str) -> None:
    assert code not in symptom_codes(SURV + note), note
    assert code not in symptoms_to_confirm(SURV + note), note


@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("He used to have headaches as a student.", "headache"),
        ("The back pain he used to get after gardening is back this month.", "back_pain"),
    ],
)
def test_a_habitual_past_symptom_is_left_to_confirm(note: str, code: str) -> None:
    assert code not in symptom_codes(SURV + note), note
    assert code in symptoms_to_confirm(SURV + note), note


@pytest.mark.parametrize(
    ("note", "code"),
    [
        # a treatment or a person stopping is no symptom's end
        ("Constant low back pain x 3 wks. Letrozole was stopped after 2 weeks.", "back_pain"),
        ("Headaches daily for a month; she stopped after two doses of sumatriptan.", "headache"),
        ("Bone pain in the R hip since June - pain meds stopped when she ran out.", "bone_pain"),
        # the cancer, or the patient, that has not come back
        ("Persistent cough for 5 weeks although her cancer has not recurred.", "cough"),
        ("Back pain, worse at night. She never came back for the MRI.", "back_pain"),
        ("Back pain x 6 wks, has not returned to work.", "back_pain"),
        # an event that stopped still happened
        ("Witnessed generalised seizure this morning, stopped after 2 minutes.", "seizure"),
        ("Shaking of all four limbs for a minute. Stopped after the nurse arrived. Headache since.", "headache"),
        # a habit of the past with a new symptom told beside it
        ("She used to get migraines; now a new headache every morning with vomiting.", "headache"),
    ],
)
def test_controls_a_symptom_that_goes_on_stays_stated(note: str, code: str) -> None:
    assert code in symptom_codes(SURV + note), note


# --- a symptom named as an item of a differential -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("Two brief spells of L arm tingling this month. Impression: migraine aura vs partial seizures vs brain mets.",
         "seizure"),
        ("Found on the floor by her husband, confused - seizure versus syncope. MRI brain ordered.", "seizure"),
    ],
)  # fmt: skip
def test_a_symptom_weighed_in_a_differential_is_left_to_confirm(note: str, code: str) -> None:
    assert code not in symptom_codes(SURV + note), note
    assert code in symptoms_to_confirm(SURV + note), note


@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("Witnessed generalized seizure on Sunday. Ddx: brain metastasis vs primary epilepsy.", "seizure"),
        ("Headache for 3 weeks, worse in the mornings - tension vs raised ICP.", "headache"),
    ],
)
def test_controls_a_symptom_told_before_its_differential_stays_stated(note: str, code: str) -> None:
    assert code in symptom_codes(SURV + note), note


# --- "no longer" before a symptom ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("On day 3 she was no longer short of breath at rest and was weaned to room air.", "dyspnea"),
        ("Now afebrile and no longer coughing at night.", "cough"),
        ("No longer troubled by headaches since the sinusitis settled.", "headache"),
    ],
)
def test_no_longer_before_a_symptom_tells_it_over(note: str, code: str) -> None:
    assert code not in symptom_codes(SURV + note), note
    assert code not in symptoms_to_confirm(SURV + note), note


@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("No longer just a dry cough - now coughing up blood.", "cough"),
        ("No longer short of breath on stairs, but a new cough for 4 weeks.", "cough"),
        ("She is no longer able to sleep because of the back pain at night.", "back_pain"),
    ],
)
def test_controls_no_longer_does_not_reach_past_other_words(note: str, code: str) -> None:
    assert code in symptom_codes(SURV + note), note


# --- a list tied to a named acute illness --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("note", "codes"),
    [
        ("Admitted 3/4 with LLL pneumonia [rigors, wet cough, breathlessness, sats 89%], treated with IV co-amoxiclav.",
         {"cough", "dyspnea"}),
        ("Runny nose, sneezing, headache and tickly cough since Saturday - whole office has the same cold.",
         {"cough", "headache"}),
    ],
)  # fmt: skip
def test_a_list_tied_to_an_acute_illness_is_explained_item_by_item(note: str, codes: set[str]) -> None:
    assert not symptom_codes(SURV + note) & codes, note
    assert not symptoms_to_confirm(SURV + note) & codes, note


@pytest.mark.parametrize(
    ("note", "code"),
    [
        # a warning of its own keeps the item
        ("Admitted with pneumonia (fever, productive cough, dyspnoea at rest).", "dyspnea"),
        ("Sore throat, cough and a new severe headache - her kids have the same cold.", "headache"),
        # what the illness does not give
        ("Cough, bone pain in the L femur and a runny nose - caught the same cold as her grandson.", "bone_pain"),
    ],
)
def test_controls_a_list_item_the_illness_does_not_explain_stays(note: str, code: str) -> None:
    assert code in symptom_codes(SURV + note), note


# --- the patient's own attribution ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "note",
    [
        "Portal msg: headache since Sunday, I think because I gave up coffee for Lent. Better with paracetamol.",
        "Pt reports dull headache x2d since stopping her morning caffeine before the study start; easing.",
        "Bit of a headache this week, pretty sure it's from my sinuses again.",
    ],
)
def test_the_patients_own_benign_attribution_explains_a_headache(note: str) -> None:
    assert "headache" not in symptom_codes(SURV + note), note


@pytest.mark.parametrize(
    "note",
    [
        "Worst headache of my life since I quit coffee, and I threw up twice.",
        "Headache waking me at night for 2 weeks, I think it's from cutting out coffee?",
        # no withdrawal: a clumsy hand that drops the cup
        "Morning headaches for 2 weeks, and my right hand keeps dropping my coffee mug.",
    ],
)
def test_controls_an_attribution_with_a_warning_keeps_the_headache(note: str) -> None:
    assert "headache" in symptom_codes(SURV + note) | symptoms_to_confirm(SURV + note), note


# --- a nerve entrapment in its own territory -----------------------------------------------------------------------
def test_an_arm_nerve_entrapment_explains_numbness_in_its_territory() -> None:
    note = SURV + (
        "Tingling of the L 4th and 5th fingers for a year, worse with the elbow bent. NCS 3/2025: L ulnar neuropathy "
        "at the elbow, mild. Stable; no weakness."
    )
    assert "neurologic_deficit" not in symptom_codes(note)
    assert "neurologic_deficit" not in symptoms_to_confirm(note)
    assert decide_note(note)["systemic_imaging"] == "not_applicable"


@pytest.mark.parametrize(
    "note",
    [
        # outside the nerve's territory
        "Numbness in both feet for 2 months. EMG: R ulnar neuropathy at the elbow.",
        # spreading beyond it
        "Numbness R little finger, spreading up the forearm over 2 weeks. NCS: ulnar neuropathy at the elbow.",
        # a weakness is not a numbness
        "New R foot drop. EMG: R ulnar neuropathy at the elbow.",
        # a doubted cause
        "Numbness R ring and little fingers x 3 wks - ?ulnar neuropathy vs C8 radiculopathy vs brachial plexus mets.",
    ],
)
def test_controls_a_deficit_the_entrapment_does_not_explain_is_kept(note: str) -> None:
    assert "neurologic_deficit" in symptom_codes(SURV + note) | symptoms_to_confirm(SURV + note), note
