"""Round 31a (v32 dc-048): a grid row whose label fills its column, so that one blank only stands before its answer
("Shortness of breath No" among "Headache            No" rows).

A table of Yes/No answers sets each answer apart from its item by a wide gap, which the grid reader reads
(grid_rows.py); a long label leaves a single blank, and its row was read as prose: "Shortness of breath No" stated the
symptom, or left it in doubt. Such a row is read as its neighbours are when its answer word starts at the very column
where the answer of a row next to it (above or below, in the same block) starts after a wide gap: a No answers no, a
Yes leaves the item. A row with no such neighbour is left as it was.
"""

from __future__ import annotations

import re
from collections.abc import Collection

_ANSWER = r"(?P<answer>yes|no|y|n)"
_TIGHT = re.compile(rf"^(?P<label>[ \t]*[A-Za-z][^\n|]{{0,60}}?[A-Za-z)?])[ \t]{_ANSWER}[ \t]*$", re.I | re.M)
_WIDE = re.compile(rf"[ \t]*[A-Za-z][^\n|]{{0,60}}?[A-Za-z)?][ \t]{{2,}}{_ANSWER}[ \t]*$", re.I)


def aligned_answers(text: str, no: Collection[str], chars: list[str], marks: list[tuple[int, int, str]]) -> None:
    """Read each tight row aligned under its neighbours' answers: a No marks the label negated and becomes a cell
    bar, a Yes is blanked (the row reads as its item)."""
    for m in _TIGHT.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        column = m.start("answer") - line_start
        if not any(_aligned(text, line, column) for line in _neighbours(text, line_start, m.end())):
            continue
        a, b = m.span("answer")
        if m.group("answer").lower() in no:
            marks.append((*m.span("label"), "negated"))
            chars[a:b] = ["|"] + [" "] * (b - a - 1)
        else:
            chars[a:b] = [" "] * (b - a)


def _neighbours(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The lines right above and below the line [start, end)."""
    out = []
    if start > 0:
        above = text.rfind("\n", 0, start - 1) + 1
        out.append((above, start - 1))
    if end < len(text):
        stop = text.find("\n", end + 1)
        out.append((end + 1, len(text) if stop < 0 else stop))
    return out


def _aligned(text: str, line: tuple[int, int], column: int) -> bool:
    found = _WIDE.fullmatch(text, *line)
    return found is not None and found.start("answer") - line[0] == column
