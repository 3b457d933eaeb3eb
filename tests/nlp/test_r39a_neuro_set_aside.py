"""Round 39a (blind v39 ap-006, ap-042, ar-001, ar-015, ar-016, ar-021): a neurologic deficit the note sets aside.

Four classes, each in other wordings than the blind notes, with controls a clinician would check:

1. a review-of-systems answer after a leader of two characters ("Weakness/numbness .. no") answers its item, as a
   longer leader does; a sentence ending in ".." or a ".." before prose is no answer;
2. a symmetric numbness or paraesthesia tied to a named neurotoxic treatment by a bracket, an approximate dose or a
   week ("(taxane)", "from about dose 4 of paclitaxel") is the treatment's neuropathy; a focal or cord sign stays;
   a numbness explained later never explains a weakness told before it;
3. an assessment that names a nerve entrapment or a treatment neuropathy explains a sensory change told before it;
   never a doubted one, never a warned symptom, never a weakness or a one-sided facial numbness;
4. a safety-netting list ("warning signs discussed - ...", "red flags
   reviewed w/ pt (...)") is hypothetical, every item; a patient sent to the ED with a symptom keeps it.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, symptoms_to_confirm

HEAD = "54F with L breast IDC, cT2N1, s/p L mastectomy 2021, on letrozole.\n"
NEURO = "neurologic_deficit"


def _raised(line: str) -> bool:
    return NEURO in symptom_codes(HEAD + line + "\n")


def _not_dropped(line: str) -> bool:
    note = HEAD + line + "\n"
    return NEURO in symptom_codes(note) | symptoms_to_confirm(note)


# --- 1. two-character leaders --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "rows",
    [
        "Symptom review:\n Limb weakness -- no\n Bone pain ........ no",
        "Symptom review:\n Focal weakness .. none\n Bone pain ........ no",
        "Toxicity check:\n Numbness .. denies",
        "Screen:\n Numbness __ N\n Headache ......... no",
    ],
)
def test_a_short_leader_before_a_negative_answer_denies_the_item(rows: str) -> None:
    assert not _raised(rows)


@pytest.mark.parametrize(
    "rows",
    [
        "Symptom review:\n Weakness .. yes\n Bone pain ........ no",  # answered yes: stated
        "Pt describes new L arm weakness..\nBone pain ........ no",  # a sentence ending in "..": no answer
        "Weakness .. no better since Monday",  # prose after the dots, not an answer
    ],
)
def test_a_short_leader_without_a_negative_answer_keeps_the_item(rows: str) -> None:
    assert _raised(rows)


def test_the_blind_grid_row_is_read_as_denied() -> None:
    note = (
        "INFUSION DAY ASSESSMENT\nSymptom screen:\n Headache ........... YES - daily x10 d, worse on waking\n"
        " Vision change ...... no\n Weakness/numbness .. no\n Bone pain .......... no\n"
    )
    assert NEURO not in symptom_codes(note)


# --- 2. a neurotoxic treatment's neuropathy ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "line",
    [
        "Paresthesias of toes and fingertips, grade 1 (docetaxel).",
        "From roughly cycle 3 of docetaxel, numbness in both feet.",
        "Neuro: [x] paresthesia both feet (paclitaxel)   [ ] seizure",
        "Since week 5 (nab-paclitaxel) numbness of the toes, G1.",
        "Sx checklist: pain no | numbness yes fingertips grade 1 (paclitaxel) | nausea G1",
    ],
)
def test_a_treatment_neuropathy_named_in_shorthand_is_no_red_flag(line: str) -> None:
    assert not _not_dropped(line)


@pytest.mark.parametrize(
    "line",
    [
        "Numbness feet from paclitaxel, now also new weakness L leg.",
        "L arm weakness x 3 days. Also numbness in fingertips from paclitaxel.",
        "Weakness of the right leg since Sunday. Numbness of toes, chemo-induced peripheral neuropathy.",
        "Numbness of the right arm and face (paclitaxel).",
        "Numbness both feet (paclitaxel), now progressive, with a sensory level at T10.",
        "Hx of paclitaxel 2019, now numbness both legs with back pain.",
    ],
)
def test_a_weakness_or_a_focal_sign_beside_a_treatment_neuropathy_stays(line: str) -> None:
    assert _raised(line)


def test_a_relatives_weakness_is_the_relatives() -> None:
    assert not _raised("Her mother has leg weakness from MS. Numbness of toes (paclitaxel).")


# --- 3. the assessment's benign diagnosis -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "lines",
    [
        "C/o numbness R thumb and index finger, shakes hand for relief.\nExam: Tinel + R wrist.\n"
        "Assessment: carpal tunnel syndrome, confirmed on NCS.",
        "Paresthesia both feet for 2 months.\nImpression: chemotherapy-induced peripheral neuropathy, grade 1.",
        "Numbness in the hands.\nA/P: bilateral carpal tunnel syndrome - night splints.",
    ],
)
def test_an_assessment_naming_the_benign_cause_explains_the_sensory_change(lines: str) -> None:
    assert not _not_dropped(lines)


@pytest.mark.parametrize(
    "lines",
    [
        "Numbness in the hands.\nImpression: ?carpal tunnel syndrome vs cervical radiculopathy.",  # doubted
        "New numbness in both hands since last week.\nAssessment: carpal tunnel syndrome.",  # warned
        "L leg weakness for 5 days.\nAssessment: carpal tunnel syndrome R.",  # another finding
        "Numbness R face and arm since Tuesday.\nImp: CIPN.",  # a one-sided facial numbness
    ],
)
def test_an_assessment_never_explains_a_doubted_warned_or_other_finding(lines: str) -> None:
    assert _raised(lines)


def test_new_arm_weakness_in_the_hpi_stays_a_red_flag() -> None:
    note = HEAD + "HPI: new L arm weakness since yesterday.\nImpression: carpal tunnel syndrome.\n"
    assert NEURO in symptom_codes(note)
    assert decide_note(note)["systemic_imaging"] != "not_recommended"


# --- 4. safety-netting lists ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "line",
    [
        "Warning signs discussed - new weakness, numbness in legs, bladder change -> ED",
        "Return precautions reviewed with pt: new leg weakness, saddle numbness, urinary retention.",
        "Red flag sx gone over w/ pt and husband (new arm weakness, slurred speech -> ED).",
        "A/P:\n- MRI L-spine\n- red flags reviewed w/ pt (new leg weakness, urinary retention -> ED)",
    ],
)
def test_a_safety_netting_list_is_hypothetical(line: str) -> None:
    assert not _not_dropped(line)


@pytest.mark.parametrize(
    "line",
    [
        "Seizure precautions reviewed, no driving. New R arm weakness since Monday.",
        "Pt c/o new leg weakness -> sent to ED.",
        "Reviewed red flag symptoms: she has new leg weakness.",
        "New L leg weakness since yesterday -> ED.",
    ],
)
def test_a_symptom_she_has_stays_beside_the_ed(line: str) -> None:
    assert _raised(line)
