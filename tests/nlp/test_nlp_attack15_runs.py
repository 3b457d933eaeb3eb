"""Fifteenth security pass, F1: a run of blanks in the middle of a row of boxes froze the reader in one regular-
expression call the CPU budget cannot stop.

- F1: the options-below reader searched each gap between two boxes for a comment ("Yes -> how much?", "Yes -
  specify") with a pattern led by ``[ \\t]*``: from every blank of the run it re-read the rest of the run, so
  "[x] fatigue" + 19,900 blanks + "[ ] cough" cost 5 s of CPU in one call (options_below.py: the arrow or dash is
  searched alone and the blanks before it stepped back over once).
- The same pass over the other box readers found the layout's square box (``\\[\\s*mark?\\s*\\]``) splitting a run
  after an unclosed "[" between its two ``\\s*`` from each blank ("Bone pain Yes [" + 16,000 blanks + "No [x]":
  3 s, read by six scans of the note): the box's blanks are possessive.

Whole notes, as a request sends them: the run sits between two boxes of one row, or between a label and its box,
in every reader of rows with boxes (options below a question, Yes/No pairs, "negative unless checked" grids,
column tables, box answers). Each shape at two lengths must cost about four times as much for four times the run,
not sixteen, and stay far below a second.
"""

from __future__ import annotations

import time

import pytest

from rightscan.adapters.text import extract

NEW = "58F new dx left breast IDC 1.6 cm, cN0, ER+/PR+/HER2-, grade 2.\n"
GRID = "Review of systems (negative unless checked):\n"
SHAPES = (  # (before the run, the run's unit, after it)
    ("[x] fatigue", " ", "[ ] cough\n"),  # the report's shape
    ("[x] fatigue", "\t", "[ ] cough\n"),
    ("(x) fatigue", " ", "( ) cough\n"),
    ("☒ fatigue", " ", "☐ cough\n"),
    ("Any new bone pain?\n[ ] Unsure", " ", "[x] No\n"),
    ("Any new bone pain?\n[x] No (0)", " ", "[ ] Yes (1) -> where? ____\n"),
    ("Any new bone pain?\n[ ] Yes", " \t", "[x] No - explain\n"),
    ("Bone pain Yes [", " ", "No [x]\n"),  # an unclosed box (OCR) before the run
    ("Bone pain [", " ", "x\n"),
    ("Bone pain [ ] Yes", " ", "[x] No\n"),
    ("Bone pain Y [ ]", " ", "N [x]\n"),
    ("Bone pain [x]", " ", "no\n"),
    (GRID + "[x] fatigue", " ", "\nMSK: bone pain\n"),
    (GRID + "fatigue", " ", "[x]\nNeuro: headache\n"),
    (GRID + "[ ] cough  fatigue", "\t", "[x]\n"),
    ("SYMPTOM REVIEW        Yes    No\nBone pain (hips/back)", " ", "X\n"),
    ("SYMPTOM REVIEW", " ", "Yes    No\nBone pain        X\n"),
)


def _cost(shape: tuple[str, str, str], chars: int) -> float:
    before, unit, after = shape
    note = NEW + before + unit * (chars // len(unit)) + after
    began = time.process_time()
    extract(note)
    return time.process_time() - began


@pytest.mark.parametrize("shape", SHAPES, ids=[repr(s[0][-16:] + s[1]) for s in SHAPES])
def test_a_long_run_of_blanks_on_a_row_of_boxes_is_read_in_linear_time(shape: tuple[str, str, str]) -> None:
    extract("warm up")
    short = min(_cost(shape, 4_000) for _ in range(2))
    long = min(_cost(shape, 16_000) for _ in range(2))
    assert long < 1.0, (shape, short, long)  # before: 3.1 s ("[x] fatigue"), 2.9 s ("Yes [") at 16,000
    assert long < 8 * short + 0.1, (shape, short, long)  # linear is 4x; quadratic 16x


@pytest.mark.parametrize(
    "note, said",
    [
        ("Any new bone pain?\n[x] No - explain   [ ] Yes\n", "denied"),
        ("Any new bone pain?\n[x] No (0)  ->  none   [ ] Yes (1)\n", "denied"),
        ("Any new bone pain?\n[ ] No   [x] Unsure - ask GP\n", "to confirm"),
        ("Any new bone pain?\n[x] Yes -> where? ____   [ ] No\n", "stated"),
    ],
)
def test_an_option_s_comment_still_ends_its_words(note: str, said: str) -> None:
    # the comment after an arrow or a dash is found as before (only its search changed)
    found = extract(NEW + note)
    confirm = any("bone_pain" in c.get("values", ()) for c in found.to_confirm)
    stated = "bone_pain" in (found.facts.get("symptoms") or [])
    assert {"denied": (False, False), "to confirm": (False, True), "stated": (True, False)}[said] == (stated, confirm)
