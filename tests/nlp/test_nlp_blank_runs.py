"""Seventh security pass: runs of blanks and marks cost the note reader time in proportion to their length.

A regular expression is one call into C that holds the interpreter's lock, so the reader's CPU budget cannot stop
it and the whole service waits. Two patterns had a run of blanks read several ways: the graded-row reader's label
("bone pain a" + blanks + "(": cubic, a 4,000-character note hung the server for minutes) and the table of marks
under "Yes  No" columns (a row of "  x" not ending in a mark: quadratic, 2 s for 20,000 characters). Each shape
below is read whole, at 10,000 characters, well inside the note cap; the bound is generous (linear reading takes a
fraction of it) so that a busy machine does not fail it, while the old cost was minutes.
"""

from __future__ import annotations

import time

import pytest

from rightscan.adapters.text import extract

CHARS = 10_000
UNITS = (" ", "\t", "  x", " [x]0", " [ ]", "a ", " (", "x ", " -", " /", " ,", ": ", "[x] ", "  ")
TAILS = ("(", "[", "y", "\n", "]", "!")
HEADS = ("bone pain a", "Symptoms   Yes   No\nBone pain", "Pain score 0/10 ", "- Cough ")


@pytest.fixture(scope="module", autouse=True)
def _reader_built() -> None:
    extract("warm up: the pipeline is built once, outside the timings")


def _shapes() -> list[tuple[str, str, str]]:
    return [(head, unit, tail) for head in HEADS for unit in UNITS for tail in TAILS]


@pytest.mark.parametrize("chunk", range(4))
def test_no_run_of_blanks_or_marks_costs_more_than_linear_time(chunk: int) -> None:
    slow = []
    for k, (head, unit, tail) in enumerate(_shapes()):
        if k % 4 != chunk:
            continue
        note = head + unit * ((CHARS - len(head)) // len(unit)) + tail
        began = time.process_time()
        extract(note)
        spent = time.process_time() - began
        if spent > 4.0:
            slow.append((head, unit, tail, round(spent, 2)))
    assert not slow


def test_the_shapes_the_attack_used_read_fast() -> None:
    for note in ("bone pain a" + " " * 4000 + "(", "Symptoms   Yes   No\n" + "a" + "  x" * 3300 + "  y"):
        began = time.process_time()
        extract(note)
        assert time.process_time() - began < 3.0
