"""Round 19a: review-of-systems items marked with a bare sign after them ("fevers-/wt loss-/cough+/SOB-").

Split from layout.py, which applies what this finds: a minus negates its item alone (back to the list's separator
before it), a plus leaves it stated; either sign becomes a cell bar, so that no answer reaches a neighbouring item.
A sign after a space at the line's end answers only in a list of such signs, on its line or the next ("Imp:
recurrence -" is a dash). A receptor's sign ("ER+/PR+/HER2-") is its status.
"""

from __future__ import annotations

import bisect
import re

_ITEM_START = re.compile(r"[/,|;:\n]")
_ITEM_MAX_WORDS = 4  # "wt loss", "abd pain", "new bone pain": a list's item is a few words


def compile_trailing_sign(sign_no: str, sign_yes: str) -> re.Pattern[str]:
    """A bare sign written right after its item (perhaps after one space) and closing it: a list's separator ("/",
    ",", "|", ";") or the line's end follows. "back pain - worse at night", "T-spine", "x-ray" go on."""
    return re.compile(
        rf"(?<=[A-Za-z)])(?P<space>[ \t]?)(?:(?P<neg>{sign_no})|(?P<pos>{sign_yes}))(?=[ \t]*(?:[/,|;]|$))",
        re.MULTILINE,
    )


def trailing_signs(
    pattern: re.Pattern[str], receptor: re.Pattern[str] | None, text: str
) -> tuple[list[tuple[int, int]], list[tuple[int, int, str]]]:
    """(the signs to turn into cell bars, the items a minus negates as (start, end, "negated")) in ``text``."""
    found = [m for m in pattern.finditer(text)
             if receptor is None or not receptor.search(text[max(0, m.start() - 16) : m.start()])]  # fmt: skip
    breaks = [k for k, ch in enumerate(text) if ch == "\n"] if found else []
    lines: dict[int, int] = {}
    minus: dict[int, int] = {}
    for m in found:
        line = bisect.bisect_left(breaks, m.start())
        lines[line] = lines.get(line, 0) + 1
        minus[line] = minus.get(line, 0) + (1 if m.group("neg") else 0)
    bars: list[tuple[int, int]] = []
    negated: list[tuple[int, int, str]] = []
    for m in found:
        start, end = m.start(), m.end()
        line = bisect.bisect_left(breaks, start)
        near = (line - 1, line, line + 1)
        if m.group("space") and sum(lines.get(k, 0) for k in near) < 2:
            continue  # a lone spaced dash: punctuation, not a list's answer (one item a line: "Headache -\nCough -")
        if m.group("pos") and not any(minus.get(k, 0) for k in near):
            continue  # a plus outside a signed list states its item as written ("axillary LN FNA +, ER+")
        sep = [s.end() for s in _ITEM_START.finditer(text, max(0, start - 60), start)]
        begin = sep[-1] if sep else max(0, start - 60)
        label = text[begin:start]
        if not label.strip() or len(label.split()) > _ITEM_MAX_WORDS:
            continue  # a sentence's dash, not a list's item
        if m.group("neg"):
            lead = len(label) - len(label.lstrip())
            negated.append((begin + lead, start, "negated"))
        bars.append((m.start("neg") if m.group("neg") else m.start("pos"), end))
    return bars, negated
