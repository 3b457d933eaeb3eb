"""Tenth security pass: line breaks of other kinds read as line breaks.

A lone carriage return (old Mac files, some scanners and interfaces), a form feed between pages, a vertical tab, NEL
and the Unicode line and paragraph separators end a line for a person reading the note. The reader left them as
they were, so a run of them after "HER2", "ALP 200" or "T2 N1" escaped the squeezing of blank lines and cost a value
rule seconds to minutes in one C call (the attacker's 19,000 carriage returns held the service 13.6 s, one cold
process over five minutes); and a line they ended was not a line for the layout.
"""

from __future__ import annotations

import time

import pytest

from nlp_helpers import facts
from rightscan.adapters.text import extract
from rightscan.adapters.text.visible import visible

BREAKS = ["\r", "\f", "\v", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("mark", BREAKS)
def test_each_kind_becomes_a_line_feed_in_place(mark: str) -> None:
    text = f"Bone pain: N{mark}Headache: Y"
    seen = visible(text)
    assert seen == "Bone pain: N\nHeadache: Y"
    assert len(seen) == len(text)


def test_a_windows_line_end_is_left_as_it_is() -> None:
    assert visible("cough\r\nheadache") == "cough\r\nheadache"


@pytest.mark.parametrize("mark", BREAKS)
def test_a_line_ended_by_any_kind_is_its_own_row(mark: str) -> None:
    # the grid answers each row: the headache's Y must not be taken by the bone pain's N line, nor the reverse
    note = f"58F, L breast IDC 1.5 cm, ER+ PR+ HER2-, cN0.{mark}Bone pain: N{mark}Headache: Y, new, wakes her{mark}"
    assert set(facts(note).get("symptoms", [])) == {"headache"}


@pytest.mark.parametrize("head", ["HER2", "ALP 200", "Ki-67", "T2 N1", "grade 0", "ER"])
@pytest.mark.parametrize("mark", ["\r", "\f", "\u2028"])
def test_a_long_run_after_a_value_word_costs_what_a_short_note_costs(head: str, mark: str) -> None:
    extract("warm up")
    note = head + mark * 20_000 + " new bone pain right hip"
    began = time.process_time()
    found = extract(note).to_dict()["facts"].get("symptoms", [])
    spent = time.process_time() - began
    assert "bone_pain" in found
    assert spent < 2.0  # the attacker's shapes took 8-14 s, and minutes at the rule alone
