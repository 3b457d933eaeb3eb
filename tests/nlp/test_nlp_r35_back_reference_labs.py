"""Round 35 (blind v35, a note that stopped the reader): a lab value told again with "as above" is read, never a crash.

A laboratory finding's value is a mapping (the value and its upper limit of normal). The pass that gives a pointing-back
mention ("as above", "see above", "per above") the qualifiers of its earlier mentions compared findings as a set, and
a mapping cannot go in a set: the whole note stopped with a TypeError (exit 1 from the CLI, an error from the service).
Findings now compare by their contents. A clinician checks that the note is answered and the value is read: a normal
liver test stays normal, a raised one stays a red flag.
"""

from __future__ import annotations

import pytest

from nlp_helpers import cli, decide_note, facts

HEAD = "62F, new dx L breast IDC 1.5 cm, cN0, ER+ PR+ HER2-.\n"


@pytest.mark.parametrize(
    "labs",
    [
        "Labs: ALT 22 U/L (ref 0-45). Repeat today as above: ALT 22 U/L (ref 0-45).",
        "ALT 22 (0-45).\nAssessment: labs as noted above, ALT 22 (0-45), unremarkable.",
        "AST 20 U/L (ref 0-40)\nPlan: see above - AST 20 U/L (ref 0-40).",
        "Alk phos 90 (40-129). Per above, alk phos 90 (40-129).",
    ],
)
def test_a_normal_lab_told_again_as_above_is_read(labs: str) -> None:
    note = HEAD + labs + "\n"
    read = facts(note)
    assert read.get("labs"), read
    assert decide_note(note)["systemic_imaging"] == "not_recommended"


@pytest.mark.parametrize(
    "labs",
    [
        "Labs: ALT 160 U/L (ref 0-45). Repeat today as above: ALT 160 U/L (ref 0-45).",
        "Alk phos 410 (40-129).\nImpression: as noted above, alk phos 410 (40-129), new.",
    ],
)
def test_a_raised_lab_told_again_as_above_stays_a_red_flag(labs: str) -> None:
    assert decide_note(HEAD + labs + "\n")["systemic_imaging"] != "not_recommended"


def test_the_cli_answers_the_note() -> None:
    run = cli(
        "evaluate", "--note", "-", "--format", "json", stdin=HEAD + "ALT 22 (0-45).\nLabs as above, ALT 22 (0-45).\n"
    )
    assert run.returncode == 0, run.stderr[-400:]
    assert "Traceback" not in run.stderr
