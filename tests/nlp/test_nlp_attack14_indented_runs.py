"""Fourteenth security pass, F1 and F1b: a line that ends a symptom or a lab value, then a line led by a long run of
blanks, froze the reader in one regular-expression call the CPU budget cannot stop.

- F1: the chronic-baseline reader's comment-line pattern (``[ \\t]*\\(?[ \\t]*`` split a blank-led line every way):
  "Bone pain" + a line break + 19,800 blanks held the service 52 s of CPU (chronic_baseline.py, now possessive).
- F1b: the value rules: "ALP 410" + a line break + 2,000 blanks took 97 s (a lab's unit, flag and range, a size's
  "\\s*-?\\s*", a grade's score: two or three "\\s*" in a row). The lab fragments are now possessive, and the value
  reader's text reads a line's indentation or trailing blanks of 16 or more as one space (spacing.squeeze).

Whole notes, as a request sends them: each shape at two lengths must cost about twice, not four or eight times, and
stay far below a second.
"""

from __future__ import annotations

import time

import pytest

from rightscan.adapters.text import extract

NEW = "58F new dx left breast IDC 1.6 cm, cN0, ER+/PR+/HER2-, grade 2.\n"
LEADS = ("Bone pain\n", "Back pain\n", "ALP 410\n", "AST 95 U/L\n", "bili 2.1\n", "CEA 12\n", "CA 15-3 41 (3/24) ->\n",
         "Headache [X] Y  -> see comment\n", "tumour 2.5\n", "grade 2\n", "T2\n", "ALP 410 H", "ALP 410 (")  # fmt: skip


def _cost(lead: str, blanks: int) -> float:
    note = NEW + lead + " " * blanks + "x"
    began = time.process_time()
    extract(note)
    return time.process_time() - began


@pytest.mark.parametrize("lead", LEADS)
def test_a_line_led_by_a_long_run_of_blanks_is_read_in_linear_time(lead: str) -> None:
    extract("warm up")
    short = min(_cost(lead, 4_000) for _ in range(2))
    long = min(_cost(lead, 16_000) for _ in range(2))
    assert long < 1.0, (lead, short, long)  # before: 8.5 s ("ALP 410"), 35 s ("Bone pain") at 16,000-19,000
    assert long < 8 * short + 0.1, (lead, short, long)  # linear is 4x; quadratic 16x


def test_the_indented_value_is_still_read() -> None:
    # the squeeze changes what the value rules see, not what the note says
    facts = extract(NEW + "Labs:\n" + " " * 40 + "ALP 410 (ref 35-105)\n").facts
    assert facts["labs"]["alkaline_phosphatase"] == {"value": 410, "uln": 105}
