"""Round 14 (safe14): a template's prompt left blank ("Bone pain: ______") states nothing of the symptom it names.

A template prints each item with a blank to fill; the layout blanks the underscores as leaders ("Fever ...... N"),
which left the label alone, read as a statement: a red flag raised from an item nobody answered. The label is marked
uncertain (the symptom named is left to confirm), as "Bone pain: ?" is. A filled blank ("Bone pain: __yes__"), an
answer without underscores ("Bone pain: no") and a prompt with its answer are read as before.

Round 23e: an EHR template leaves other blanks where the answer goes ("Bone pain: ***", "Headache: [select]",
"Back pain: [ ]", "Cough: {Blank:cough}", "Pain: @PAIN@"): the words of ``context.yaml`` ``layout.template_blanks``,
a SmartText blank in braces, a placeholder between at signs. Such a blank must fill its field (the line's end or a
cell's end follows it), so "Bone pain: [ ] yes [x] no" stays the boxes' to answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# a label opening its line or following another prompt's blank (round 31a: and its full stop, or a heading's colon),
# then a colon or an equals sign and a blank to fill
# ("Bone pain: ______", "2. Headache = ____", "Bone pain: ____   Headache: ____"): the layout blanks the underscores as
# leaders, which left the label read as stated
# (round 22s: linear; round 23e: after another prompt's blank of any kind, "Cough: ***  Headache: [select]")
_LABEL = (
    r"(?:^[ \t]*+|(?<=[ \t]{2})(?![ \t])|(?<=[_*\]}@])\.?[ \t]*+|(?<=:)[ \t]++)(?:[-*•·][ \t]*+|\d{1,2}[.)][ \t]*+)?"
    r"(?P<label>[A-Za-z][A-Za-z /&'()-]{0,40}?)[ \t]*[:=][ \t]*"
)
_BLANK_PROMPT = re.compile(_LABEL + r"_{2,}", re.M)
# round 23e: a SmartText blank in braces ("{Blank:bone pain}", "{Yes/No:cough}"), a placeholder between at signs
# ("@PAIN@"); the field ends after it (the line's end, a wide gap, a bar or a separator)
_SHAPES = r"\{[A-Za-z][^{}\n]{0,60}\}|@[A-Za-z][A-Za-z0-9_]{0,30}@"
# round 31a (v32 dc-006): or the sentence's end, in a smart-phrase's prose ("Weight loss: ***. Headaches: ***.")
_FIELD_END = r"(?=[ \t]*+(?:$|[|;,]|\.(?:[ \t]|$))|[ \t]{2})"


def blank_words(words: Sequence[str]) -> str:
    """A regex of a template's blanks: ``layout.template_blanks`` and the shapes above."""
    literal = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return f"(?:{literal}|{_SHAPES})" if literal else f"(?:{_SHAPES})"


def compile_blanks(words: Sequence[str]) -> re.Pattern[str]:
    """The prompts left with a template's blank, the blank with them (the item and its blank are marked: a blank
    may name the item again, "Cough: {Blank:cough}")."""
    return re.compile(rf"{_LABEL}{blank_words(words)}{_FIELD_END}", re.M | re.IGNORECASE)


def blank_prompts(original: str, blanks: re.Pattern[str] | None = None) -> list[tuple[int, int, str]]:
    """The labels of a template's prompts left blank: uncertain (the symptom named is left to confirm)."""
    out: list[tuple[int, int, str]] = []
    if "__" in original:
        out += [(*m.span("label"), "uncertain") for m in _BLANK_PROMPT.finditer(original)]
    if blanks is not None and any(c in original for c in "*[{@"):
        out += [(m.start("label"), m.end(), "uncertain") for m in blanks.finditer(original)]
    return out
