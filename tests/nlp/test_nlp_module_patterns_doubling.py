"""Tenth pass: no module-level pattern of the note and order readers doubles its work with each mark of a run.

The value rules are checked in ``test_nlp_value_patterns_linear.py``. The modules around them (layout, answer grids,
request owners, order words, ...) compile their own patterns at import time, and several read the note before its
blanks are squeezed. A pattern whose blanks or marks can be split between two neighbouring parts in many ways
("(?:\\s*word\\s*)*") costs microseconds on a run of 12 characters and a thousand times that on 24; at a few hundred
characters one call into C would hold the service for hours. Each pattern is searched in the raw text (no squeeze)
after each head, on runs of each unit, at 12 and 24 characters.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time

import pytest

import rightscan.adapters
import rightscan.adapters.text

HEADS = ("", "N", "HER2", "ALP", "Denies:", "Y  N", "x", "(", "CT", "MRI", "Dr.", "- ", "1")
UNITS = (" ", "\n", "\t", "\u00a0", "\r\n", " \n", "[ ] ", ". ", ", ", "- ", "|", "1 ", "; ", ": ", "/ ", "( ", "x ",
         "* ", "_", "= ")  # fmt: skip
TINY = 12
TAIL = "bone pain"


def _modules() -> list:
    names = [f"rightscan.adapters.text.{m.name}" for m in pkgutil.iter_modules(rightscan.adapters.text.__path__)]
    names += [f"rightscan.adapters.{m.name}" for m in pkgutil.iter_modules(rightscan.adapters.__path__) if not m.ispkg]
    return [importlib.import_module(name) for name in sorted(names)]


def _patterns() -> list[tuple[str, re.Pattern]]:
    found = []
    for module in _modules():
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.append((f"{module.__name__}.{name}", value))
    return found


PATTERNS = _patterns()


def _cost(regex: re.Pattern, text: str) -> float:
    began = time.thread_time()
    for _ in regex.finditer(text):
        pass
    return time.thread_time() - began


def _doubles(regex: re.Pattern, head: str, unit: str) -> bool:
    small_text = "a " + head + unit * (TINY // len(unit)) + TAIL
    large_text = "a " + head + unit * (2 * TINY // len(unit)) + TAIL
    if _cost(regex, large_text) < 0.0005:
        return False
    small = min(_cost(regex, small_text) for _ in range(3))
    large = min(_cost(regex, large_text) for _ in range(3))
    return large > 0.0005 and large > 6 * max(small, 0.00002)


def test_the_module_patterns_are_found() -> None:
    names = {name for name, _ in PATTERNS}
    assert len(PATTERNS) > 100
    assert "rightscan.adapters.text.values._CLAUSE_END" in names


@pytest.mark.parametrize("chunk", range(2))
def test_no_module_pattern_doubles_its_work_with_each_unit_of_a_short_run(chunk: int) -> None:
    slow = [(name, head, unit) for name, regex in PATTERNS[chunk::2] for head in HEADS for unit in UNITS
            if _doubles(regex, head, unit)]  # fmt: skip
    assert not slow


def test_the_check_finds_a_pattern_that_splits_its_blanks_every_way() -> None:
    assert _doubles(re.compile(r"(?:\s*(?:is|was|,|:)\s*)*\s*\d"), "", ", ")
    assert not _doubles(re.compile(r"(?:\s*+(?:is|was|,|:))*\s*+\d"), "", ", ")
