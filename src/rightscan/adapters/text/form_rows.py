"""Form rows whose marking the layout could not read: their symptoms are confirmed, never raised.

A review-of-systems table comes in more layouts than the layout reader knows: a Markdown table with an X in
its "No" column, "Present / Absent" columns with the X under one of them, a cross or a tick after the item
("Bone pain ✗"). Read as words, "Bone pain | | X" states bone pain, and a red flag raised from a row the form
answers "no" is the unsafe answer the brief names first. So a row that looks like a form's answer (a lone mark
in a cell of its own, or a tick or cross glyph ending the row), that has no box of the kinds the layout reads,
and that the layout gave no answer gets the effect ``unread_mark``: a symptom on it goes to ``to_confirm``
(the answer waits, naming it) instead of being raised or dropped. Other facts on the row are unaffected (the
effect means nothing to them in ``context.yaml``), so "Grade 2" in a synoptic table reads as before.
"""

from __future__ import annotations

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
    pos = 0
    for line in original.splitlines(keepends=True):
        start, end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        body = original[start:end]
        if not body.strip() or _BOXES.search(body):
            continue  # blank, or a row of boxes (the layout reads those, or names them uncertain)
        if any(s < end and e > start for s, e, _ in marks):
            continue  # a row the layout answered
        cells = [c for c in _CELL_GAP.split(body.strip()) if c]
        lone = len(cells) >= 2 and any(ch.isalpha() for ch in cells[0])
        if (lone and any(_LONE_MARK.fullmatch(c) for c in cells[1:])) or _GLYPH_AT_END.search(body):
            out.append((start, end, EFFECT))
    return out
