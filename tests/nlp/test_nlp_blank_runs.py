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


# Round 22s (eighth security pass): the seventh pass's shapes ended in nothing a later pass reads, and a pass that
# runs only when the note names a symptom (dated entries: a heading's blanks split several ways before its date)
# was quadratic in a run of blanks at a line's start followed by a symptom ("Staging:\n" + 3,000 blanks + "New
# severe bone pain ...": 28 s, the service frozen). Each shape below is followed by a symptom, a heading, a date or a
# box, read at 10,000 and 20,000 characters: each well under a second, the longer at most three times the shorter
# (linear growth) plus a small constant.
FOLLOWED_HEADS = ("", "Staging:\n", "bone pain a", "Visit ", "- Cough ")
FOLLOWED_UNITS = (" ", "\t", "[x] ", "  x", " [ ]", "\u2610 ", "=", "- ", ", ", ". ")
FOLLOWERS = (
    "New severe bone pain in the right hip for 3 weeks.",
    "\nHistory:\nnew bone pain",
    "03/04/2024 (today): bone pain",
    "[x] bone pain  [ ] headache",
)


def _followed() -> list[tuple[str, str, str]]:
    return [(h, u, f) for h in FOLLOWED_HEADS for u in FOLLOWED_UNITS for f in FOLLOWERS]


def _cost(head: str, unit: str, tail: str, chars: int) -> float:
    note = head + unit * ((chars - len(head) - len(tail)) // len(unit)) + tail
    began = time.process_time()
    extract(note)
    return time.process_time() - began


@pytest.mark.parametrize("chunk", range(4))
def test_a_run_followed_by_a_symptom_heading_date_or_box_reads_in_linear_time(chunk: int) -> None:
    slow = []
    for k, (head, unit, tail) in enumerate(_followed()):
        if k % 4 != chunk:
            continue
        short, long = _cost(head, unit, tail, CHARS), _cost(head, unit, tail, 2 * CHARS)
        if long > 1.0 or long > 3 * short + 0.15:  # measured again before it counts: a busy machine's pause is no cost
            short = min(short, _cost(head, unit, tail, CHARS))
            long = min(long, _cost(head, unit, tail, 2 * CHARS))
        if long > 1.0 or long > 3 * short + 0.15:
            slow.append((head, unit, tail, round(short, 2), round(long, 2)))
    assert not slow


def test_the_eighth_passs_freeze_reads_fast() -> None:
    for blanks in (" " * 3000, "\t" * 3000, "[x] " * 4750):
        began = time.process_time()
        extract("Staging:\n" + blanks + "New severe bone pain in the right hip for 3 weeks.")
        assert time.process_time() - began < 1.0


def test_the_shapes_the_attack_used_read_fast() -> None:
    for note in ("bone pain a" + " " * 4000 + "(", "Symptoms   Yes   No\n" + "a" + "  x" * 3300 + "  y"):
        began = time.process_time()
        extract(note)
        assert time.process_time() - began < 3.0
