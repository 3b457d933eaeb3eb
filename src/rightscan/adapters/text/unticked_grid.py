"""A grid under a heading that says every item is negative unless ticked ("Review of systems: negative except
as checked"): each line's items are negated except the label of a ticked box. Called by ``layout``."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol

from rightscan.adapters.text.box_answers import LABEL_WORD as _LABEL_WORD


class GridLayout(Protocol):
    """The compiled layout patterns this reading uses (``layout.Layout`` has them)."""

    unless_checked: re.Pattern[str] | None
    pair: re.Pattern[str]
    pair_after: re.Pattern[str]
    half_pair: re.Pattern[str] | None
    box: re.Pattern[str]


_GRID_END = re.compile(r"\n[ \t]*\n")
_WIDE_GAP = re.compile(r"[ \t]{2,}(?=\S)")
_PROSE = re.compile(r"[a-z][.!?](?:\s|$)")
GRID_MAX_CHARS = 2000  # how far a "negative unless checked" heading reaches at most (about 25 grid lines)


def _has_pair(layout: GridLayout, line: str) -> bool:
    """A Yes/No pair on the line (round 29a: also one box for the two options, "Cough  Y / N(X)")."""
    if layout.pair.search(line) or layout.pair_after.search(line):
        return True
    half = layout.half_pair.search(line) if layout.half_pair is not None else None
    return half is not None and (half.group("b1") is None) != (half.group("b2") is None)


def unticked_in_grid(
    layout: GridLayout, is_checked: Callable[[str], bool], text: str, marks: list[tuple[int, int, str]]
) -> None:
    """Under a heading that says every item is negative unless ticked, up to the next blank line: each line of
    the grid is negated except the label of a ticked box (after it up to the next box, or before it when no word
    follows it). A line with a Yes/No pair is left to the pair's own reading, a line of prose (a full stop after
    a word) to its words."""
    assert layout.unless_checked is not None
    for head in layout.unless_checked.finditer(text):
        gap = _GRID_END.search(text, head.end(), head.end() + GRID_MAX_CHARS)
        stop = gap.start() if gap else min(len(text), head.end() + GRID_MAX_CHARS)
        pos = head.end()
        while pos < stop:
            nl = text.find("\n", pos, stop)
            line_end = stop if nl < 0 else nl
            line = text[pos:line_end]
            if line.strip() and not (_has_pair(layout, line) or _PROSE.search(line)):
                boxes = list(layout.box.finditer(text, pos, line_end))
                # the label of each ticked box: after it ("Neuro: (x) headache ( ) weakness"), or before it
                # ("fatigue (x)  cough ( )") when a label stands before the line's first box and none after its last
                before = text[pos : boxes[0].start()].strip() if boxes else ""
                after_last = _LABEL_WORD.search(text, boxes[-1].end(), line_end) if boxes else None
                labels_after = not before or before.endswith(":") or after_last is not None
                # the label ends at the next box or at a table's wide gap ("(x) fatigue   _ fever")
                kept = []
                for k, box in enumerate(boxes):
                    if not is_checked(box.group(0)):
                        continue
                    if labels_after:
                        # (fifteenth pass F8: named apart from the grid's own ``stop``, which it once overwrote, so
                        # the grid ended at the first line with a ticked box and every later line read as stated)
                        label_stop = boxes[k + 1].start() if k + 1 < len(boxes) else line_end
                        word = _LABEL_WORD.search(text, box.end(), label_stop)
                        wide = _WIDE_GAP.search(text, word.end(), label_stop) if word else None
                        kept.append((box.start(), wide.start() if wide else label_stop))
                    else:
                        begin = boxes[k - 1].end() if k else pos
                        gaps = [g.end() for g in _WIDE_GAP.finditer(text, begin, box.start()) if g.end() < box.start()]
                        kept.append((max([begin, *gaps]), box.end()))
                begin = pos
                for start, end in kept:
                    if begin < start:
                        marks.append((begin, start, "negated"))
                    begin = max(begin, end)
                if begin < line_end:
                    marks.append((begin, line_end, "negated"))
            pos = line_end + 1
