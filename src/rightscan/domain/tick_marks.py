"""Tick marks: whether a box drawn in text is ticked (round 31o). Pure; shared by the order reader.

The note reader (``adapters/text/layout.py``, marks in ``knowledge/nlp/context.yaml`` ``layout``) treats a square box
with "x", "v", "✓", "✔", "*", "■" or "●" inside, a round box with "x", "✓" or "✔" inside, and the glyphs "✓", "✔" as
ticked, and "[ ]", "( )", "☐" as not. Order entry screens pasted as text write the same boxes, and radio buttons too:
"(•)", "(●)", "(*)", "◉", "●" chosen, "( )", "○", "◯" not; "☑" and "☒" are the two ticked ballot boxes. These are
the marks here; ``tests/test_orders_v29_classes.py`` checks that every mark the note reader counts as ticked in a box
is ticked here too, so the two readers never disagree on a box.
"""

from __future__ import annotations

import re

# inside a box: a mark that ticks it (the note reader's "checked" marks, and the radio button's dot)
TICKS = frozenset({"x", "X", "v", "✓", "✔", "*", "■", "●", "•", "◉", "⦿"})
# a box written as one glyph: ticked or not
TICKED_GLYPHS = frozenset({"☑", "☒", "◉", "⦿", "●", "✓", "✔"})
EMPTY_GLYPHS = frozenset({"☐", "○", "◯", "❍"})
ROUND_GLYPHS = frozenset({"◉", "⦿", "●", "○", "◯", "❍"})

_INSIDE = "".join(re.escape(t) for t in sorted(TICKS))
_GLYPHS = "".join(re.escape(g) for g in sorted(TICKED_GLYPHS | EMPTY_GLYPHS))
# "( )", "(•)", "(x)"; "[ ]", "[x]", "[✓]"; a glyph standing alone before its option ("☑ Without", "○ With")
BOX = re.compile(
    rf"\((?P<round>[ \t]*(?:[{_INSIDE}][ \t]*)?)\)"
    rf"|\[(?P<square>[ \t]*(?:[{_INSIDE}][ \t]*)?)\]"
    rf"|(?<![^\s:(\[])(?P<glyph>[{_GLYPHS}])(?=[ \t])"
)


def ticked(box: re.Match[str]) -> bool:
    """Whether a box matched by ``BOX`` is ticked."""
    if box.group("glyph") is not None:
        return box.group("glyph") in TICKED_GLYPHS
    inside = (box.group("round") if box.group("round") is not None else box.group("square")).strip()
    return inside in TICKS


def radio(box: re.Match[str]) -> bool:
    """Whether a box is a radio button (round): of a group of them, one only may be chosen."""
    return box.group("round") is not None or box.group("glyph") in ROUND_GLYPHS
