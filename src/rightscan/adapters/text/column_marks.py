"""The row of a table whose header names two options ("Symptom     Yes    No") and whose rows carry a bare mark
under one of them ("Bone pain          X"), read in a time linear in the row (``layout._marks_under_columns``)."""

from __future__ import annotations

import re

_MARK_CHARS = "xX✓✔*"


def column_mark_row(text: str, pos: int, end: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """A row of a label and bare marks, each after two or more blanks ("Bone pain       X"): the label's and the
    marks' spans, or None. The marks are peeled from the row's end, so the cost is the row's length (a regular
    expression with a lazy label cost its square on a long row of marks: seventh security pass)."""
    stop = end
    while stop > pos and text[stop - 1] in " \t":
        stop -= 1
    lead = pos
    while lead < stop and text[lead] in " \t":
        lead += 1
    k = stop
    while k > lead and text[k - 1] in _MARK_CHARS:
        b = k - 1
        while b > lead and text[b - 1] in " \t":
            b -= 1
        if k - 1 - b < 2 or b <= lead:
            break
        k = b
    if k == stop or k <= lead or text[lead] in "[]()" or any(c in "[]()\n" for c in text[lead:k]):
        return None
    return (lead, k), (k, stop)


# round 21a: under a header naming a further column ("INCLUSION   Y   N   Source / comment"), a row's label may hold a
# bracketed word ("Inflammatory breast ca (cT4d)") and its mark may be followed by that column's text ("X   H&P 4/24")
_COMMENTED_ROW = re.compile(
    r"[ \t]*(?P<label>[^\s\[\]()](?:[^\n\[\]()]|\([^\n()]{2,}\))*?)(?P<marks>(?:[ \t]{2,}[xX✓✔*](?![^ \t]))+)"
    r"(?:[ \t]{2,}[^ \t\n][^\n]*)?[ \t]*$"
)
# a table's row is short; the pattern above costs the square of a row's length, so a longer line is no such row
COMMENTED_ROW_MAX = 240


def commented_mark_row(text: str, pos: int, end: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """A row of a table with a comment column: the label's and the marks' spans, or None."""
    if end - pos > COMMENTED_ROW_MAX:
        return None
    row = _COMMENTED_ROW.fullmatch(text, pos, end)
    if row is None:
        return None
    return (row.start("label"), row.end("label")), (row.start("marks"), row.end("marks"))
