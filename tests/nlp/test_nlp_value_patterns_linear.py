"""Ninth security pass: every value pattern reads a run of blanks, line breaks or marks in linear time.

Each value rule of values.yaml is one regular expression: one call into C that holds the interpreter's lock, so the
reader's CPU budget cannot stop it and the whole service waits. The seventh and eighth passes found such patterns
by hand and through whole notes; the ninth found two more that those shapes missed: an ISH line's ``\\s*`` ran across
every line start of a run of line breaks (20,000 line breaks froze the service for 30-76 s), and a labelled N
category's two ``\\s*`` around an optional word split a run of blanks after "N" every way (19 s).

So here every rule is run alone (the way components.ValueMatcher runs it: ``finditer`` over the text it reads, the
layout made plain and blanks squeezed, which since this pass also reads a run of blank lines as one) on short runs
of each unit after each head; a rule that takes more than a few milliseconds is run again on a run twice as long,
and fails if its time grows faster than linearly. New rules are covered as they are added. Times are this thread's
CPU time (a regular expression's search is pure CPU in one thread), so other work on a loaded machine does not read as
growth.
"""

from __future__ import annotations

import functools
import time

import pytest

from rightscan.adapters.text import _engine, extract
from rightscan.adapters.text.spacing import squeeze
from rightscan.adapters.text.visible import visible

HEADS = ("", "N", "cN", "pN", "T", "M", "HER2", "ISH", "ER", "Ki-67", "ALP", "AST", "bili", "CEA", "grade", "size",
         "Staging:", ":", "(", "-", "1", "2.5 cm", "Y  N", "x")  # fmt: skip
UNITS = (" ", "\n", "\t", "\r\n", "\n ", " \n", "\n\t", "\u00a0", "\n\u00a0", "[ ] ", ". ", ", ", "- ", "|", "1 ", "; ",
         ": ", "/ ", "( ", "x ", "\r", "\f", "\v", "\u2028", "\r\r\n")  # fmt: skip
TAIL = "bone pain"
TINY = 12  # characters of a run: a pattern whose work doubles with each unit more shows it already at 2x this
SHORT = 1_500
SUSPECT = 0.01  # seconds at SHORT characters: a linear rule takes a small fraction of this


def _rules() -> list:
    extract("warm up: the pipeline is built once")
    matcher = next(c for _, c in _engine().analyser.nlp.pipeline if type(c).__name__ == "ValueMatcher")
    return list(matcher.rules.values)


RULES = _rules()


ANALYSER = _engine().analyser


@functools.cache
def _text(head: str, unit: str, chars: int) -> str:
    # the text the rules read: the layout made plain, blanks between words and runs of blank lines squeezed
    # (made once per shape: the rewrite costs more than most rules' search)
    # (the line breaks of other kinds made line feeds first, as the reader does: visible.py, tenth pass)
    return squeeze(ANALYSER.rewrite(visible("a " + head + unit * (chars // len(unit)) + TAIL)))[0]


def _cost(regex, head: str, unit: str, chars: int) -> float:
    text = _text(head, unit, chars)
    began = time.thread_time()
    for _ in regex.finditer(text):
        pass
    return time.thread_time() - began


def test_the_rules_are_read_from_the_value_file() -> None:
    ids = {rule.id for rule in RULES}
    assert {"tnm.n_labelled", "receptor.ish_line"} <= ids
    assert len(RULES) > 100


@pytest.mark.parametrize("chunk", range(4))
def test_no_value_rule_doubles_its_work_with_each_unit_of_a_short_run(chunk: int) -> None:
    # the tenth pass: a pattern whose blanks could be split between two neighbouring words ('ALP' and ', , , ...')
    # tried every split: 40 characters took 1.3 s, 80 would take days, so such a rule never reaches the long runs
    # below. At 12 and 24 characters it costs micro- and milliseconds, and its growth shows (linear is 2x).
    slow = [(rule.id, head, unit) for rule in RULES[chunk::4] for head in HEADS for unit in UNITS
            if _doubles(rule.regex, head, unit)]  # fmt: skip
    assert not slow


def _doubles(regex, head: str, unit: str) -> bool:
    if _cost(regex, head, unit, 2 * TINY) < 0.0005:
        return False
    small = min(_cost(regex, head, unit, TINY) for _ in range(3))
    large = min(_cost(regex, head, unit, 2 * TINY) for _ in range(3))
    return large > 0.0005 and large > 6 * max(small, 0.00002)


@pytest.mark.parametrize("chunk", range(4))
def test_no_value_rule_reads_a_run_in_more_than_linear_time(chunk: int) -> None:
    slow = []
    for rule in RULES[chunk::4]:
        for head in HEADS:
            for unit in UNITS:
                if _doubles(rule.regex, head, unit):  # never run at 1,500 characters: it would not return
                    slow.append((rule.id, head, unit, "exponential"))
                    continue
                if _cost(rule.regex, head, unit, SHORT) < SUSPECT:
                    continue
                # confirm on a quiet second look: once at the short length, once at four times it
                short = min(_cost(rule.regex, head, unit, SHORT) for _ in range(2))
                long = _cost(rule.regex, head, unit, 4 * SHORT)
                if long > 0.05 and long > 8 * max(short, 0.001):  # linear growth is 4x; quadratic 16x
                    slow.append((rule.id, head, unit, round(short, 3), round(long, 3)))
    assert not slow


# fourteenth pass (F1b): a value at a line's end, then a line led by a long run of blanks. The squeeze makes blanks
# between two words one space, but a line's indentation stays, and "ALP 410" + a line break + blanks reached two or
# three "\\s*" in a row (a size's "\\s*-?\\s*", a lab's unit, flag and range): 2,000 blanks took 97 s.
INDENTED_HEADS = ("ALP 410", "AST 95 U/L", "bili 2.1 (", "CEA 12 ref", "CA 15-3 41 (3/24) ->", "2.5", "1.2 x",
                  "N1", "ER 90%", "HER2 2+", "grade 2", "Ki-67 30", "T2", "Bone pain", "ALP 410 H",
                  "ALP 50 normal")  # fmt: skip


@pytest.mark.parametrize("chunk", range(4))
def test_no_value_rule_reads_an_indented_line_after_a_value_in_more_than_linear_time(chunk: int) -> None:
    slow = []
    for rule in RULES[chunk::4]:
        for head in INDENTED_HEADS:
            if _doubles(rule.regex, head + "\n", " "):
                slow.append((rule.id, head, "exponential"))
                continue
            if _cost(rule.regex, head + "\n", " ", SHORT) < SUSPECT / 4:
                continue
            short = min(_cost(rule.regex, head + "\n", " ", SHORT) for _ in range(2))
            long = _cost(rule.regex, head + "\n", " ", 4 * SHORT)
            if long > 0.02 and long > 8 * max(short, 0.0005):
                slow.append((rule.id, head, round(short, 4), round(long, 4)))
    assert not slow


def test_the_short_run_check_finds_a_pattern_that_splits_its_blanks_every_way() -> None:
    # the check is not blind: the lab words' shape before this pass ('(?:\\s*(?:word|,)\\s*)*') is caught
    import re

    old = re.compile(r"(?i)\bALP(?:\s*(?:is|was|,|:)\s*)*\s*(?P<v>\d+)")
    small = min(_cost(old, "ALP", ", ", TINY) for _ in range(3))
    large = min(_cost(old, "ALP", ", ", 2 * TINY) for _ in range(3))
    assert large > 6 * max(small, 0.00002)
