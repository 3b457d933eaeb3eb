"""Form rows whose marking the layout could not read: their symptoms are confirmed, never raised.

A review-of-systems table comes in more layouts than the layout reader knows: a Markdown table with an X in
its "No" column, "Present / Absent" columns with the X under one of them, a cross or a tick after the item
("Bone pain ✗"). Read as words, "Bone pain | | X" states bone pain, and a red flag raised from a row the form
answers "no" is the unsafe answer the brief names first. So a row that looks like a form's answer (a lone mark
in a cell of its own, or a tick or cross glyph ending the row), that has no box of the kinds the layout reads,
and that the layout gave no answer gets the effect ``unread_mark``: a symptom on it goes to ``to_confirm``
(the answer waits, naming it) instead of being raised or dropped. Other facts on the row are unaffected (the
effect means nothing to them in ``context.yaml``), so "Grade 2" in a synoptic table reads as before.

A grid row whose answer cell is empty or holds no answer the grid reader knows ("| Bone pain |   |",
"Bone pain ..........", "Headache ...... X") gets the same effect from ``grid_rows``, which knows its cells.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

EFFECT = "unread_mark"
_CELL_GAP = re.compile(r"[ \t]*\|[ \t]*|[ \t]{2,}|\t")
_BOXES = re.compile(r"[\[(☐☑☒■□]")
_LONE_MARK = re.compile(r"[xX✗✘✓✔•●01]")
_GLYPH_AT_END = re.compile(r"[A-Za-z)][ \t]+(?:[✗✘✓✔•●]|[xX])[ \t]*$")


def unread_rows(original: str, marks: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """(start, end, ``unread_mark``) for each form-like row of ``original`` without boxes to which the layout
    gave no label in ``marks``."""
    out: list[tuple[int, int, str]] = []
    taken = spans(marks)
    pos = 0
    for line in original.splitlines(keepends=True):
        start, end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        body = original[start:end]
        if not body.strip() or _BOXES.search(body):
            continue  # blank, or a row of boxes (the layout reads those, or names them uncertain)
        if overlaps(taken, start, end):
            continue  # a row the layout answered
        cells = [c for c in _CELL_GAP.split(body.strip()) if c]
        lone = len(cells) >= 2 and any(ch.isalpha() for ch in cells[0])
        if (lone and any(_LONE_MARK.fullmatch(c) for c in cells[1:])) or _GLYPH_AT_END.search(body):
            out.append((start, end, EFFECT))
    return out


def spans(marks: Sequence[tuple[int, int, str]]) -> tuple[list[int], list[int]]:
    """The marks' starts, sorted, and the furthest end reached by the marks up to each (for ``overlaps``: a
    note's rows are checked against its marks in one pass each, not every row against every mark)."""
    ordered = sorted((s, e) for s, e, _ in marks)
    reach, furthest = [], -1
    for _, e in ordered:
        furthest = max(furthest, e)
        reach.append(furthest)
    return [s for s, _ in ordered], reach


def overlaps(taken: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """Does a mark of ``spans`` overlap [start, end)?"""
    starts, reach = taken
    k = bisect.bisect_left(starts, end)
    return k > 0 and reach[k - 1] > start
