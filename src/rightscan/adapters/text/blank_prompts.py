"""Round 14 (safe14): a template's prompt left blank ("Bone pain: ______") states nothing of the symptom it names.

A template prints each item with a blank to fill; the layout blanks the underscores as leaders ("Fever ...... N"),
which left the label alone, read as a statement: a red flag raised from an item nobody answered. The label is marked
uncertain (the symptom named is left to confirm), as "Bone pain: ?" is. A filled blank ("Bone pain: __yes__"), an
answer without underscores ("Bone pain: no") and a prompt with its answer are read as before.
"""

from __future__ import annotations

import re

# a label opening its line or following another prompt's blank, then a colon or an equals sign and a blank to fill
# ("Bone pain: ______", "2. Headache = ____", "Bone pain: ____   Headache: ____"): the layout blanks the underscores as
# leaders, which left the label read as stated
_BLANK_PROMPT = re.compile(
    r"(?:^[ \t]*+|(?<=[ \t]{2})(?![ \t])|(?<=_)[ \t]*+)(?:[-*•·][ \t]*+|\d{1,2}[.)][ \t]*+)?"  # round 22s: linear
    r"(?P<label>[A-Za-z][A-Za-z /&'()-]{0,40}?)[ \t]*[:=][ \t]*_{2,}",
    re.M,
)


def blank_prompts(original: str) -> list[tuple[int, int, str]]:
    """The labels of a template's prompts left blank: uncertain (the symptom named is left to confirm)."""
    if "__" not in original:
        return []
    return [(*m.span("label"), "uncertain") for m in _BLANK_PROMPT.finditer(original)]
