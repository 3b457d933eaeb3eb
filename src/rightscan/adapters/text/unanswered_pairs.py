"""Round 50g: a Yes/No pair printed after an item and left unanswered ("cough Yes/No  headache YES/NO", "Headache Y/N
bone pain Y/N") leaves that item to confirm.

A form prints the pair for the patient to circle or tick; typed out without a mark, it answers nothing. Read as
words, the item before it stood as a stated symptom, and the pair's "No" negated the next item ("Yes/No  headache":
"No headache"): a cough raised and a headache dropped from a row no one had answered. Here a pair of opposite answer
words joined by a slash ("Yes/No", "Y/N", "yes / no"), written right after its item (a space or a colon between) and
closing it (the line's end, a list's separator or a wide gap after it), marks the item uncertain, and the pair is
blanked, a cell bar at its end, so that it reaches no neighbour. A pair already answered was reduced to its answer
before (circled_answers.py: "(N circled)", "yes/NO", "Y / [N]"); a pair set apart from its item by a wide gap is a
grid row's, or a column header's, the layout's own (grid_rows.py). The answer words are the layout's ("yes", "no").
Same length, same offsets.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from rightscan.adapters.text.mark_legends import compile_legends, read_legends

_ITEM_MAX_WORDS = 4
_ITEM_START = re.compile(r"[/,|;:\n]|[.!?](?=\s)|[ \t]{2,}(?=\S)")


class GlyphRows:
    """The legends of a form's marks (mark_legends.py), then its unanswered Yes/No pairs."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.legends = compile_legends(spec)
        yes = sorted({str(w) for w in spec["yes"]}, key=len, reverse=True)
        no = sorted({str(w) for w in spec["no"]}, key=len, reverse=True)
        self.no = frozenset(w.lower() for w in no)
        words = "|".join(re.escape(w) for w in sorted({*yes, *no}, key=len, reverse=True))
        self.pair = re.compile(
            rf"(?<=[A-Za-z)])(?P<lead>[ \t]?:?[ \t]?)(?P<a>{words})[ \t]*/[ \t]*(?P<b>{words})"
            r"(?=[ \t]*(?:$|[,;|])|[ \t]{2,}\S)",
            re.IGNORECASE | re.MULTILINE,
        )

    def __call__(self, text: str) -> tuple[str, list[tuple[int, int, str]]]:
        text, marks = read_legends(self.legends, text)
        if "/" not in text:
            return text, marks
        chars: list[str] | None = None
        for m in self.pair.finditer(text):
            a, b = m.group("a").lower(), m.group("b").lower()
            if (a in self.no) == (b in self.no):
                continue  # two answers of one kind: no Yes/No pair
            start = m.start()
            sep = [s.end() for s in _ITEM_START.finditer(text, max(0, start - 60), start)]
            begin = sep[-1] if sep else max(0, start - 60)
            label = text[begin:start]
            if not label.strip() or len(label.split()) > _ITEM_MAX_WORDS:
                continue  # a sentence's "yes/no", not a form's item
            chars = chars if chars is not None else list(text)
            chars[m.start("a") : m.end("b")] = [" "] * (m.end("b") - m.start("a") - 1) + ["|"]
            marks.append((begin + len(label) - len(label.lstrip()), start, "uncertain"))
        return (text if chars is None else "".join(chars)), marks
