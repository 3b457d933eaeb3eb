"""A results table with several dated columns: the value of the latest date (round 37l).

A flowsheet prints one row per test and one column per draw ("                Ref   08/2023  02/2024  10/2024" then
"Alk phos (U/L)  40-120  104  131 H  246 H"; or "LABS  03/10/25  09/09/24  Ref" then "AST  88 H  24  10-40 U/L"). The
latest column may stand first or last, and the reference range before or after the results: a column is never picked
by its place. The row's cells (``values.yaml`` rules ``lab.*_columns``, group ``cells``) are paired one to one with the
dates of the table's header row (the nearest line above the row, in the same block, that holds dates and nothing else
but header words), and the value under the latest date is read with the row's range. A header may name its columns
in words instead ("Result ... Prior (11/2024)", "Current  Previous"): the one current column is the latest when every
other is named prior.

The dates are read in every format their shape allows (month/year, month/day/year, day/month/year, ISO, a month's
name; a two-part date without a year, "03/12", as month/day and day/month as well). The latest column is the one every
reading agrees on; a reading without the year orders the columns only when there are three or more, in order (two
yearless dates may straddle a new year). When the readings disagree, when the header has no dates or not one for each
cell, or when the latest cell is empty, nothing is guessed: the test is asked, tested with its highest column. A row
with a single result is read as the single-column rules read it.

Fix of round 37l: a column may be empty for some rows (the blanks squeezed, the row has fewer cells than the header
has columns), and a header may have no dates ("Test  Jan  Mar") or name only some columns ("prior  now  ref"). Such a
row keeps the reading of the results-table rules, the value beside the range (the row's rightmost result, under the
latest column when the header runs oldest first), unless the header says that value is an older date's (its latest
date is not its last column) or has dates that do not order: then it is asked. A value those rules read is never
dropped unless it is clearly an older date's.

Only the matched text becomes findings here; the words (date shapes, header words, cells) are ``values.yaml``
fragments.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from rightscan.adapters.text.note_dates import MONTH_ABBREVIATIONS
from rightscan.adapters.text.value_findings import UNPARSED, Finding, measured

if TYPE_CHECKING:
    from rightscan.adapters.text.rules import Rules, ValueRule

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# round 56n: a line of results in columns below (a name, then two results or more to its end, each perhaps flagged)
_ROW_BELOW = re.compile(r"^[ \t]*[A-Za-z][^\n]*?(?:[ \t]+[<>]?\d+(?:\.\d+)?[ \t]*(?:[HL*]|\(?[HL]\))?){2,}[ \t]*$")
_PARTS = re.compile(r"\d+|[A-Za-z]+")
_MONTHS = MONTH_ABBREVIATIONS
_HEADER_LINES_MAX = 40  # rows of one table between its header and a row
_SEPARATOR = re.compile(r"[-=_|+:\s]*")
_SPACED_DASH = re.compile(r"(\d+(?:\.\d+)?)\s+[-–]\s+(\d+(?:\.\d+)?)")
UNORDERED = "a results table with several columns whose dates do not tell which is the latest: give the current value"
UNALIGNED = "a results table whose columns do not pair with its header's dates: give the current value and its range"
EMPTY_LATEST = "the latest column of a results table is empty for this test: give the current value and its range"
TWO_RANGES = "a results table row with two reference ranges: give the current value and its range"

Key = tuple[int, int, int]


def _fullmatch(rules: Rules, name: str, text: str) -> bool:
    return rules.name_patterns[name].fullmatch(text.strip()) is not None


def _cells(rules: Rules, text: str, at: int = 0, gaps: frozenset[int] = frozenset()) -> list[tuple[str, str]]:
    """The row's cells in order, each as (kind, text): "range", "value", "empty" or "unit" (``at``: where ``text``
    stands in the squeezed note, ``gaps``: where a wide gap was squeezed there)."""
    out: list[tuple[str, str]] = []
    for m in rules.name_patterns["COLUMN_CELL"].finditer(text):
        cell = m.group(0).strip()
        if not cell:
            continue
        dash = _SPACED_DASH.fullmatch(cell)
        if dash and any(at + m.start() + i in gaps for i in range(len(m.group(0)))):
            # "10   -   25": an empty column's dash between two results, set apart by wide gaps, is no range's dash
            out += [("value", dash.group(1)), ("empty", "-"), ("value", dash.group(2))]
        elif _fullmatch(rules, "COLUMN_RANGE", cell):
            out.append(("range", cell))
        elif _fullmatch(rules, "COLUMN_VALUE", cell):
            out.append(("value", cell))
        elif cell in ("-", "–", "—"):
            out.append(("empty", cell))
        else:
            out.append(("unit", cell))
    return out


def _uln(cell: str) -> float:
    numbers = _NUMBER.findall(cell)
    return float(numbers[0] if cell.lstrip("[( \t").startswith(("<", "≤")) else numbers[-1])


def _header_columns(rules: Rules, text: str, row_start: int) -> list[str] | None:
    """The result columns of the header row above the row at ``row_start``, each a date, a word ("Result", "Prior")
    or both (None: no header with a result column in the row's block)."""
    found = _header(rules, text, row_start)
    return found[0] if found else None


def _header_range(rules: Rules, text: str, row_start: int, row_end: int) -> str | None:
    """Round 56n (v56 cq-029): the one reference range the header row right above prints at its end, when the row is
    the table's only one (nothing but a blank line or the note's end after it): with more rows, whose range it is, is
    not said."""
    found = _header(rules, text, row_start)
    if not found or found[2] or found[1] is None:
        return None
    after = text[row_end:].split("\n", 2)
    below = after[1] if len(after) > 1 else ""
    return found[1] if not _ROW_BELOW.search(below) else None


def _header(rules: Rules, text: str, row_start: int) -> tuple[list[str], str | None, bool] | None:
    """The header's columns, the one reference range it prints (or None) and whether rows stand between it and the
    row at ``row_start``."""
    end = row_start
    between = False
    column = rules.name_patterns["HEADER_COLUMN"]
    for _ in range(_HEADER_LINES_MAX):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end - 1) + 1
        line = text[start : end - 1] if text[end - 1] == "\n" else text[start:end]
        end = start
        if not line.strip():
            return None  # a blank line ends the table
        if _SEPARATOR.fullmatch(line):
            continue
        ranges = [m.group(0) for m in rules.name_patterns["HEADER_RANGE"].finditer(line)]
        bare = rules.name_patterns["HEADER_RANGE"].sub(" ", line) if len(ranges) == 1 else line
        columns = [m.group(0) for m in column.finditer(bare)]
        if not columns:
            between = True
            continue
        rest = rules.name_patterns["HEADER_WORD"].sub(" ", column.sub(" ", bare))
        if not any(ch.isdigit() for ch in rest):
            return columns, ranges[0] if len(ranges) == 1 else None, between
        between = True
    return None


def _named_latest(rules: Rules, columns: list[str]) -> int | bool | None:
    """Columns named by words: the one current column when every other is named prior (False: none is named)."""
    current = [bool(rules.name_patterns["HEADER_CURRENT"].search(c)) for c in columns]
    prior = [bool(rules.name_patterns["HEADER_PRIOR"].search(c)) for c in columns]
    if not any(current) and not any(prior):
        return False
    if current.count(True) == 1 and all(p for p, c in zip(prior, current, strict=True) if not c):
        return current.index(True)
    return None


def _readings(date: str) -> dict[str, Key]:
    """Each format a date's shape allows -> (year, month, day); year 0 when the format has none."""
    parts = _PARTS.findall(date)
    month_named = [p for p in parts if p.isalpha()]
    nums = [int(p) for p in parts if p.isdigit()]
    widths = [len(p) for p in parts if p.isdigit()]
    out: dict[str, Key] = {}

    def add(fmt: str, y: int, m: int, d: int) -> None:
        if 1 <= m <= 12 and 0 <= d <= 31:
            out[fmt] = (y + 2000 if 0 < y < 100 else y, m, d)

    if month_named:
        m = _MONTHS.index(month_named[0][:3].lower()) + 1 if month_named[0][:3].lower() in _MONTHS else 0
        if len(nums) == 2:
            day, year = (nums[0], nums[1]) if widths[1] >= 2 and nums[0] <= 31 else (nums[1], nums[0])
            add("named_dmy", year, m, day)
        elif len(nums) == 1 and widths[0] == 4:
            add("named_my", nums[0], m, 0)
        elif len(nums) == 1:
            add("named_my", nums[0], m, 0)
            add("named_md", 0, m, nums[0])
        return out
    if len(nums) == 3:
        a, b, c = nums
        if widths[0] == 4:
            add("ymd", a, b, c)
        else:
            add("mdy", c, a, b)
            add("dmy", c, b, a)
        return out
    if len(nums) == 2:
        a, b = nums
        if widths[0] == 4:
            add("ym", a, b, 0)
        elif widths[1] == 4:
            add("my", b, a, 0)
        else:
            add("my", b, a, 0)
            add("md", 0, a, b)
            add("dm", 0, b, a)
    return out


def latest_column(dates: list[str]) -> int | None:
    """The index of the latest date, when every reading of the dates agrees on it; else None."""
    readings = [_readings(d) for d in dates]
    formats = set.intersection(*(set(r) for r in readings)) if readings else set()
    if not formats or len(dates) < 2:
        return None
    found: set[int] = set()
    for fmt in formats:
        keys = [r[fmt] for r in readings]
        if len(set(keys)) != len(keys):
            return None  # two columns of one date
        if keys[0][0] == 0:  # no year: in order, over three columns or more
            ascending = all(x < y for x, y in itertools.pairwise(keys))
            descending = all(x > y for x, y in itertools.pairwise(keys))
            if len(keys) < 3 or not (ascending or descending):
                return None
        found.add(keys.index(max(keys)))
    return found.pop() if len(found) == 1 else None


def lab_columns(
    rules: Rules, rule: ValueRule, match: re.Match[str], gaps: frozenset[int] = frozenset()
) -> list[Finding]:
    """A results-table row: the value under the header's latest date, with the row's range."""
    fieldname = f"labs.{rule.set['lab']}" if "lab" in rule.set else f"tumor_markers.{rule.set['marker']}"
    cells = _cells(rules, match.group("cells"), match.start("cells"), gaps)
    ranges = [c for k, c in cells if k == "range"]
    columns = [(k, c) for k, c in cells if k in ("value", "empty")]
    values = [float(_NUMBER.findall(c)[0]) for k, c in columns if k == "value"]
    if not values:
        return []
    uln = _uln(ranges[0]) if len(ranges) == 1 else None
    if not ranges and len(columns) > 1:  # round 56n: the range printed in the header of a one-row table
        shared = _header_range(rules, match.string, match.string.rfind("\n", 0, match.start()) + 1, match.end())
        uln = _uln(shared) if shared else None
    if len(ranges) > 1:
        return [_asked(fieldname, values, None, TWO_RANGES)]
    if len(columns) == 1:
        return [measured(fieldname, values[0], uln)]
    line_start = match.string.rfind("\n", 0, match.start()) + 1
    header = _header_columns(rules, match.string, line_start)
    named = _named_latest(rules, header) if header else None
    latest = (latest_column(header) if named is False else named) if header else None
    dated = header is not None and any(rules.name_patterns["HEADER_DATE"].search(c) for c in header)
    if header is not None and len(header) == len(columns):
        if latest is not None:
            kind, cell = columns[latest]
            if kind == "empty":
                return [_asked(fieldname, values, uln, EMPTY_LATEST)]
            return [measured(fieldname, float(_NUMBER.findall(cell)[0]), uln)]
        if dated:
            return [_asked(fieldname, values, uln, UNORDERED)]
    elif header is not None and ((latest is not None and latest != len(header) - 1) or (latest is None and dated)):
        # the columns do not pair with a header whose latest date is not its last (the value beside the range is an
        # older date's), or whose dates do not order: asked
        return [_asked(fieldname, values, uln, UNALIGNED)]
    beside = _beside_range(cells)
    if beside is None:
        return [_asked(fieldname, values, uln, UNALIGNED if header else UNORDERED)]
    return [measured(fieldname, beside, uln)]


def _beside_range(cells: list[tuple[str, str]]) -> float | None:
    """The single-column rules' reading of a row whose header does not tell its columns apart (none, words only, or
    not pairing with the row, a column empty for some rows): the value just before the range, the results all before
    it (no more than four), as the results-table rules read it (values.yaml TABLE). None: the row has not that shape."""
    kinds = [k for k, _ in cells if k != "unit"]
    if "range" not in kinds or kinds.index("range") != len(kinds) - 1 or len(kinds) > 5 or kinds[-2:-1] != ["value"]:
        return None
    cell = [c for k, c in cells if k != "unit"][-2]
    return float(_NUMBER.findall(cell)[0])


def _asked(fieldname: str, values: list[float], uln: float | None, why: str) -> Finding:
    """The test asked, tested with its highest column (the answer waits for the current value)."""
    if uln is None or uln <= 0:
        return Finding(fieldname, None, UNPARSED, why, number=max(values))
    return Finding(fieldname, {"value": max(values), "uln": uln}, UNPARSED, why)
