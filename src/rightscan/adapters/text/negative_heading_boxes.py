"""A column of boxes under a negative heading closing its line (moved out of ``layout`` whole; same reading).

``layout`` is the compiled ``layout.Layout`` (typed loosely: this module must not import it back).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any


def boxes_under_a_negative_heading(
    layout: Any, is_checked: Callable[[str], bool], text: str, marks: list[tuple[int, int, str]]
) -> None:
    """A negative heading closing its line ("Patient denies the following:") over a column of boxes, one a line,
    up to a blank line or a line without a box: a ticked item is denied (ConText's cue ends at the line break).
    An unticked one is blanked by the box reading, as anywhere. Round 44g: a line may hold several boxes, each
    ticked item denied ("Pt denies all of the following:" over "[x] bone pain   [x] headaches"): there the tick
    marks what is denied."""
    for head in layout.heading.finditer(text):
        word = re.sub(r"\s+", " ", head.group(0)[:-1].strip().lower())
        if layout.headings.get(word, "denies") != "denies":
            continue
        nl = text.find("\n", head.end())
        if nl < 0 or text[head.end() : nl].strip():
            continue  # items on the heading's own line: the cue reaches them
        pos = nl + 1
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            box = layout.box.match(text, pos + len(text[pos:end]) - len(text[pos:end].lstrip(" \t-*•")))
            if box is None or not text[pos:end].strip():
                break
            # round 44g (v44 bf-031): a grid of several boxes a line under the heading ("[x] bone pain   [x] back
            # pain   [x] headaches"): each ticked box denies its own item, up to the next box on its line
            row = [b for b in layout.box.finditer(text, box.start(), end)]
            for k, b in enumerate(row):
                if is_checked(b.group(0)):
                    marks.append((b.end(), row[k + 1].start() if k + 1 < len(row) else end, "negated"))
            pos = end + 1
