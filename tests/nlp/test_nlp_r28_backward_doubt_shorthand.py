"""Round 28: a backward doubt whose reach a slashed shorthand used up.

A working diagnosis held "until proven otherwise" is a doubt told after the finding (a backward cue with a reach of a
few tokens). The tokenizer splits "w/", "s/p" and "c/w" into pieces, so "spinal mets w/ epidural cord compression until
proven otherwise" left "mets" one token out of reach and read as proven distant disease (M1: an unsafe answer; v27
blind note ha-001). Such a doubt now reaches as far back as the shorthand pieces inside it took, as forward doubts
already did (round 16b). A negation is never extended.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes, symptoms_to_confirm, tumor

HEADER = "67F, L breast IDC 2019, mastectomy, anastrozole.\n"


@pytest.mark.parametrize(
    "line",
    [
        "A/P: back pain -> spinal mets w/ epidural cord compression until proven otherwise",
        "Imp: hepatic mets w/ early biliary obstruction until proven otherwise.",
        "# liver lesions c/w mets w/ capsular involvement until proven otherwise; MRI liver",
        "Working dx: vertebral mets w/ pathologic collapse of T11 until proven otherwise",
    ],
)
def test_distant_disease_held_until_proven_otherwise_past_a_shorthand_is_not_m1(line: str) -> None:
    assert tumor(HEADER + line).get("m") != "M1"


def test_the_same_finding_without_the_doubt_is_still_read() -> None:
    # the control: the mention is there to be read, so the test above fails if the doubt does not reach it
    assert tumor(HEADER + "MRI 11/2: spinal mets w/ epidural cord compression at T10.").get("m") == "M1"


@pytest.mark.parametrize(
    ("line", "code"),
    [
        (
            "Hip pain after fall, lytic lesion on XR w/ cortical breach: path fx until proven otherwise",
            "pathologic_fracture",
        ),
        ("L leg weakness s/p fall last wk, cord compression until proven otherwise", "neurologic_deficit"),
    ],
)
def test_a_symptom_held_until_proven_otherwise_goes_to_confirmation_not_away(line: str, code: str) -> None:
    text = HEADER + line
    assert code in symptoms_to_confirm(text) | symptom_codes(text)


def test_a_backward_negation_is_not_extended_past_a_shorthand() -> None:
    # "ruled out" is a backward negation; its reach is ConText's own, never stretched by the shorthand
    text = HEADER + "New back pain w/ bilateral leg weakness and urinary retention x2d, cord compression ruled out"
    assert "back_pain" in symptom_codes(text)
