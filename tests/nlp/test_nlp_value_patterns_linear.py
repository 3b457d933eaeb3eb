"""Ninth security pass: every value pattern reads a run of blanks, line breaks or marks in linear time.

Each value rule of values.yaml is one regular expression: one call into C that holds the interpreter's lock, so the
reader's CPU budget cannot stop it and the whole service waits. The seventh and eighth passes found such patterns
by hand and through whole notes; the ninth found two more that those shapes missed: an ISH line's ``\\s*`` ran across
every line start of a run of line breaks (20,000 line breaks froze the service for 30-76 s), and a labelled N
category's two ``\\s*`` around an optional word split a run of blanks after "N" every way (19 s).

So here every rule is run alone (the way components.ValueMatcher runs it: ``finditer`` over the text it reads, the
layout made plain and blanks squeezed, which since this pass also reads a run of blank lines as one) on short runs
of each unit after each head; a rule that takes more than a few milliseconds is run again on a run twice as long,
and fails if its time grows faster than linearly. New rules are covered as they are added.
"""

from __future__ import annotations

import time

import pytest

from rightscan.adapters.text import _engine, extract
from rightscan.adapters.text.spacing import squeeze

HEADS = ("", "N", "cN", "pN", "T", "M", "HER2", "ISH", "ER", "Ki-67", "ALP", "grade", "size", "Staging:", ":", "(",
         "-", "1", "2.5 cm", "Y  N", "x")  # fmt: skip
UNITS = (" ", "\n", "\t", "\r\n", "\n ", " \n", "\n\t", "\u00a0", "\n\u00a0", "[ ] ", ". ", ", ", "- ", "|", "1 ")
TAIL = "bone pain"
SHORT = 1_500
SUSPECT = 0.01  # seconds at SHORT characters: a linear rule takes a small fraction of this


def _rules() -> list:
    extract("warm up: the pipeline is built once")
    matcher = next(c for _, c in _engine().analyser.nlp.pipeline if type(c).__name__ == "ValueMatcher")
    return list(matcher.rules.values)


RULES = _rules()


ANALYSER = _engine().analyser


def _cost(regex, head: str, unit: str, chars: int) -> float:
    # the text the rules read: the layout made plain, blanks between words and runs of blank lines squeezed
    text = squeeze(ANALYSER.rewrite("a " + head + unit * (chars // len(unit)) + TAIL))[0]
    began = time.process_time()
    for _ in regex.finditer(text):
        pass
    return time.process_time() - began


def test_the_rules_are_read_from_the_value_file() -> None:
    ids = {rule.id for rule in RULES}
    assert {"tnm.n_labelled", "receptor.ish_line"} <= ids
    assert len(RULES) > 100


@pytest.mark.parametrize("chunk", range(4))
def test_no_value_rule_reads_a_run_in_more_than_linear_time(chunk: int) -> None:
    slow = []
    for rule in RULES[chunk::4]:
        for head in HEADS:
            for unit in UNITS:
                if _cost(rule.regex, head, unit, SHORT) < SUSPECT:
                    continue
                # confirm on a quiet second look: once at the short length, once at four times it
                short = min(_cost(rule.regex, head, unit, SHORT) for _ in range(2))
                long = _cost(rule.regex, head, unit, 4 * SHORT)
                if long > 0.05 and long > 8 * max(short, 0.001):  # linear growth is 4x; quadratic 16x
                    slow.append((rule.id, head, unit, round(short, 3), round(long, 3)))
    assert not slow
