"""Round 36b (blind v36 ai-017): a neurotoxic treatment's neuropathy is no neurological red flag; a focal one is.

A taxane, a platinum or a vinca alkaloid gives a symmetric distal numbness and tingling (glove-and-stocking, "CIPN"):
explained, not a neurologic deficit. The treatment's cues used to explain any numbness, so "on paclitaxel, numbness of
the right arm and face" read as explained too. Now a one-sided, facial or chin numbness is its own target
(symptom.focal_sensory_change) that those cues never reach, and a saddle numbness or a sensory level is a deficit.
A clinician checks the red flag: none for the neuropathy, one for every focal or cord sign, even on a taxane.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes, symptoms_to_confirm

HEAD = "54F with L breast IDC, cT2N1, s/p L mastectomy.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Numbness of fingertips and toes in a glove-and-stocking distribution, gradual since cycle 4.",
        "Numb fingertips and soles, stocking-glove pattern, started after cycle 3 of carboplatin/paclitaxel.",
        "Tingling in both hands and feet since starting paclitaxel.",
        "C/o numb toes and fingertips, gradual onset. Imp: CIPN.",
        "On weekly docetaxel (C6); paresthesia in the feet, glove and stocking, no weakness.",
    ],
)
def test_a_treatment_neuropathy_is_no_red_flag(line: str) -> None:
    note = HEAD + line + "\n"
    assert "neurologic_deficit" not in symptom_codes(note) | symptoms_to_confirm(note)


@pytest.mark.parametrize(
    "line",
    [
        "On paclitaxel, numbness of the right arm and face since this morning.",
        "On paclitaxel, one-sided numbness of the face.",
        "Numbness of the right arm since starting paclitaxel.",
        "Numb chin since cycle 2 of docetaxel.",
        "On paclitaxel, saddle numbness.",
        "On paclitaxel, numbness of the left foot with a foot drop.",
        "On docetaxel. New left arm weakness.",
    ],
)
def test_a_focal_or_cord_sign_stays_a_red_flag_on_a_taxane(line: str) -> None:
    assert "neurologic_deficit" in symptom_codes(HEAD + line + "\n")


@pytest.mark.parametrize(
    "line",
    [
        "On paclitaxel, numbness both legs with mid back pain, numb below the umbilicus.",
        "Glove-and-stocking numbness on weekly paclitaxel, and a sensory level at T10 on exam.",
        "Glove-and-stocking numbness on weekly paclitaxel; left-sided numbness of the face since Tuesday.",
    ],
)
def test_a_focal_sign_after_an_explained_neuropathy_is_never_dropped(line: str) -> None:
    """A cord or focal sign after an explained neuropathy is stated or left to confirm (the note restates a sensory
    change it explained: explained_elsewhere.py), never explained away."""
    note = HEAD + line + "\n"
    assert "neurologic_deficit" in symptom_codes(note) | symptoms_to_confirm(note)


@pytest.mark.parametrize(
    "line",
    [
        # controls: a denied, a relative's, a hypothetical focal numbness is no red flag
        "On paclitaxel. No numbness of the right arm or face.",
        "Her mother had right-sided numbness from a stroke.",
        "Call if you develop numbness of one side of the face or body.",
        # a nerve entrapment still explains a one-sided hand numbness
        "Right hand numbness from carpal tunnel.",
    ],
)
def test_controls_raise_no_red_flag(line: str) -> None:
    assert "neurologic_deficit" not in symptom_codes(HEAD + line + "\n")
