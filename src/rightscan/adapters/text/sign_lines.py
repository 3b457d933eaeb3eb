"""Tenth security pass: which way the (+)/(-) signs of a review-of-systems line point.

A sign followed at once by a word may lead that word's item ("(-) cough (-) fever") or answer the item before it
("bone pain (+) headache (-)"). Read as leading, that second line gave the headache the "(+)" and let the headache's
"(-)" reach back over the bone pain, which was lost. The line decides: one that ends with a sign and starts with
none answers each item with the sign after it.
"""

from __future__ import annotations

import re


def signs_follow_items(sign: re.Pattern[str], text: str, at: int) -> bool:
    """Whether the signs of the line of ``text`` holding ``at`` answer the items before them: the line ends with a
    sign (``sign``, the layout's pattern of signs) and does not start with one."""
    begin = text.rfind("\n", 0, at) + 1
    stop = text.find("\n", at)
    line = text[begin : len(text) if stop < 0 else stop].strip()
    if sign.match(line) is not None:
        return False
    return any(found.end() == len(line) for found in sign.finditer(line))
