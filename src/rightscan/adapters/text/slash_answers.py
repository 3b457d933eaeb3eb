"""Round 22a: a screen's items answered one by one on one line, each by a bare Y/N word after it.

Pre-operative checklists, triage and nursing screens write their questions as a list on one line, each item
followed by its answer and a separator: "Symptom screen: Chest pain N / SOB N / Cough N / Recent weight loss N",
"fever no, chills no, night sweats yes", "Cough Y / SOB N". Read as words, a bare "N" closes no scope and a slash
joins the items into one list, so a line's last "N" negated every item back to the line's start (a "Y" among
them too) and an "N" before a slash negated nothing. Here, on a line with at least two such answers, each answer
acts on its own item alone (back to the separator before it): a negative answer negates it, a yes leaves it
stated; either answer becomes a cell bar, so that it reaches no neighbouring item. Round 37a (v37 aj-003): the answer
may stand in square brackets, which close its item by themselves ("fever [N] chills [N] unintentional wt loss [N]
fatigue [Y]": read as words, the line's last "[Y]" had left the weight loss stated, its own "[N]" unread; and "back
pain [Y] joint pain [N]" had denied the back pain with the joint pain). Split from layout.py, which
applies what this finds, as trailing_signs.py does for "fevers-/cough+/SOB-".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

_ITEM_START = re.compile(r"[/,|;:\n]")
_BOXED_ITEM_START = re.compile(r"[|;:\n]")  # a bracketed answer's item: a slash or comma stays inside ("N/V [N]")
_ITEM_MAX_WORDS = 6  # "Recent unintentional weight loss", "new pain in the back": a screen's item is a few words
_MIN_ANSWERS = 2  # one answer a line is a grid row or prose, read elsewhere


def compile_slash_answer(yes: Iterable[str], no: Iterable[str]) -> re.Pattern[str]:
    """A yes/no word after its item and a space, closing it: a list's separator (a slash, comma, semicolon or
    bar), a full stop or the line's end follows. "N/V" (nausea and vomiting) is no answer: a slash right after
    a letter answer needs a space on one side."""
    words = sorted({w.lower() for w in (*yes, *no)}, key=len, reverse=True)
    alternation = "|".join(re.escape(w) for w in words)
    return re.compile(
        rf"(?<=[A-Za-z)])[ \t]+(?P<answer>{alternation})(?![A-Za-z0-9])"
        rf"(?=[ \t]+/|/[ \t]|[ \t]*(?:[,;|]|\.(?!\d)|$))"
        # round 37a: the answer in square brackets, closing its item by itself: the next item may follow after a
        # blank ("fever [N] chills [N] unintentional wt loss [N] fatigue [Y]")
        rf"|(?<=[A-Za-z)])[ \t]*(?P<boxed>\[[ \t]*(?:{alternation})[ \t]*\])(?=[ \t]|[,;/|.]|$)",
        re.IGNORECASE | re.MULTILINE,
    )


def slash_answers(
    pattern: re.Pattern[str], no: frozenset[str], receptor: re.Pattern[str] | None, text: str
) -> tuple[list[tuple[int, int]], list[tuple[int, int, str]]]:
    """(the answers to turn into cell bars, the items a negative answer negates as (start, end, "negated"))."""
    found: list[tuple[int, int, int, bool]] = []  # (item start, answer start, answer end, negative)
    last = 0  # where the answer before ends: a bracketed one closes its item without a separator after it
    for m in pattern.finditer(text):
        group = "answer" if m.group("answer") is not None else "boxed"
        start = m.start(group)
        if receptor is not None and receptor.search(text[max(0, start - 16) : start]):
            continue  # "PR N" is no screen's item
        starts = _ITEM_START if group == "answer" else _BOXED_ITEM_START  # "numbness/tingling [N]": one item
        sep = [s.end() for s in starts.finditer(text, max(0, start - 80), start)]
        begin = max(sep[-1] if sep else max(0, start - 80), last)
        last = m.end(group)
        label = text[begin : m.start()]
        if not label.strip() or len(label.split()) > _ITEM_MAX_WORDS:
            continue  # a sentence's word, not a list's answer
        lead = len(label) - len(label.lstrip())
        found.append((begin + lead, start, m.end(group), m.group(group).strip("[] \t").lower() in no))
    if len(found) < _MIN_ANSWERS:
        return [], []
    breaks = [k for k, ch in enumerate(text) if ch == "\n"]
    per_line: dict[int, int] = {}
    for _, start, _, _ in found:
        line = bisect.bisect_left(breaks, start)
        per_line[line] = per_line.get(line, 0) + 1
    bars: list[tuple[int, int]] = []
    negated: list[tuple[int, int, str]] = []
    for begin, start, end, negative in found:
        if per_line[bisect.bisect_left(breaks, start)] < _MIN_ANSWERS:
            continue
        bars.append((start, end))
        if negative:
            negated.append((begin, start, "negated"))
    return bars, negated
