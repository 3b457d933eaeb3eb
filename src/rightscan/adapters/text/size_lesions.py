"""round 29c: several lesions of one breast, each measured at its own place: the largest proven one is staged.

A breast imaging report measures each lesion on its own line, placed by its clock-face position ("R 11:00, 4 cm FN:
irregular mass 14 x 9 x 11 mm" then "R 9:00, 7 cm FN: second irregular mass 8 x 6 x 6 mm"; "Biopsy-proven mass at
10 o'clock, measuring 2.1 cm" then "Separate 5 mm enhancing mass at 4 o'clock"). Those sizes are not two values of
one tumour: AJCC 8 stages T by the largest invasive tumour, and a smaller lesion, proven or not, cannot change it
(annotation guide 2, tumor.size_cm: several foci, the largest invasive focus). So the smaller lesions' sizes give
way to the largest, shown as an assumption, when all of this holds:

- each size stands in a sentence that names one clock-face position, or restates a size given at one;
- every position carries one size only (the same lesion measured twice with different sizes stays a conflict);
- the sentences name one breast at most (bilateral cancers are two primaries, never merged);
- the largest lesion is tied to the proven cancer by a sentence naming its position with a proof word (values.yaml
  ``size_link_words.proven_lesion``: "carcinoma", "malignancy", "biopsy-proven", "BI-RADS 6"), and none of its
  sentences calls it doubtful (``size_link_words.doubtful_lesion``: "indeterminate", "probably benign").

Otherwise nothing changes: the sizes stay a conflict and the answer waits for the size. Plain data work.
"""

from __future__ import annotations

import re
from typing import Any

from rightscan.adapters.text.candidates import Candidate, where
from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.rules import Rules
from rightscan.adapters.text.sides import sides_of
from rightscan.adapters.text.size_links import link_words

_FIELD = "tumor.size_cm"
_NOT_CURRENT = frozenset({"negated", "historical", "past", "hypothetical", "family"})
# a clock-face position: "11:00", "9 o'clock", "10 o clock", "2 oclock" (never a time of day with minutes other than 00
# or 30, which a report does not use for a lesion)
_CLOCK = re.compile(r"(?<![\d:/.])(1[0-2]|0?[1-9])\s*(?::(?:00|30)\b|o['’]?\s?clock\b|\s+o\s+clock\b)", re.IGNORECASE)


def _clocks(sentence: str) -> set[str]:
    found = set()
    for m in _CLOCK.finditer(sentence):
        hour = int(m.group(1))
        half = ":30" in m.group(0)
        found.add(f"{hour}{':30' if half else ''}")
    return found


def largest_lesion(rules: Rules, by_field: dict[str, list[Candidate]], mentions: list[Mention]) -> list[dict[str, Any]]:
    """The smaller lesions' sizes give way to the largest proven lesion's (see the module's docstring)."""
    live = [c for c in by_field.get(_FIELD, []) if c.used and not c.mention.effects & _NOT_CURRENT]
    if len({c.value for c in live}) < 2:
        return []
    sentences = {c.mention.sentence for c in live}
    sides = set().union(*(sides_of(s) for s in sentences))
    if len(sides) > 1:
        return []
    at: dict[str, set[float]] = {}
    unplaced: list[Candidate] = []
    for c in live:
        clocks = _clocks(c.mention.sentence)
        if len(clocks) == 1:
            at.setdefault(next(iter(clocks)), set()).add(c.value)
        elif clocks:
            return []  # two positions in one sentence: which size is whose is not said here
        else:
            unplaced.append(c)
    if len(at) < 2 or any(len(values) != 1 for values in at.values()):
        return []
    placed = {next(iter(v)) for v in at.values()}
    if len(placed) != len(at) or any(c.value not in placed for c in unplaced):
        return []
    largest = max(placed)
    where_largest = next(k for k, v in at.items() if largest in v)
    proven, doubtful = link_words(rules, "proven_lesion"), link_words(rules, "doubtful_lesion")
    own = {m.sentence for m in mentions if where_largest in _clocks(m.sentence) and len(_clocks(m.sentence)) == 1}
    own |= {c.mention.sentence for c in live if c.value == largest}
    lowered = [s.lower() for s in own]
    if any(p.search(s) for p in doubtful for s in lowered) or not any(p.search(s) for p in proven for s in lowered):
        return []
    for c in live:
        if c.value < largest:
            c.used, c.reason = False, "a smaller lesion of the same breast: T is staged by the largest (AJCC 8)"
    return [{"field": _FIELD, "value": largest, "reason": "several lesions of one breast, each measured at its own "
             "position: the largest, the proven cancer, is staged (AJCC 8); inferred, not stated: override if wrong",
             "evidence": [where(c.mention) for c in live]}]  # fmt: skip
