"""Round 31a (v32 dc-030): a history form with a column for the patient and one for her family ("Self   Family (who)").

A row whose box under Self is empty and whose box under Family is ticked ("Bone pain / fractures   [ ]   [x] mother")
tells a relative's illness: its words are the family's, never the patient's red flag. Before, the row's two boxes
were read by nothing and its symptom was left to confirm. Other rows (the patient's box ticked, or neither) are left
to the rest of the layout.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rightscan.adapters.text.box_answers import lines_below

_HEADER = re.compile(
    r"^[^\n\[\]]*?(?<![A-Za-z])(?:self|patient|pt|personal)[ \t]{2,}(?:family|relatives?)(?![A-Za-z])[^\n\[\]]*$",
    re.IGNORECASE | re.MULTILINE,
)
_ROW = re.compile(
    r"[ \t]*(?P<label>[A-Za-z][^\n\[\]]*?)[ \t]{2,}(?P<b1>\[[^\]\n]{0,2}\])[ \t]+(?P<b2>\[[^\]\n]{0,2}\])[^\n]*"
)


def family_column_rows(text: str, is_checked: Callable[[str], bool], marks: list[tuple[int, int, str]]) -> None:
    """Mark the label of each row under a Self / Family header whose Self box is empty and Family box ticked."""
    for head in _HEADER.finditer(text):
        for pos, end in lines_below(text, head.end() + 1):
            row = _ROW.fullmatch(text, pos, end)
            if row is None:
                break
            if not is_checked(row.group("b1")) and is_checked(row.group("b2")):
                marks.append((row.start("label"), end, "family"))
