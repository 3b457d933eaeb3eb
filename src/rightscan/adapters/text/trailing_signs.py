"""Round 19a: review-of-systems items marked with a bare sign after them ("fevers-/wt loss-/cough+/SOB-").

Split from layout.py, which applies what this finds: a minus negates its item alone (back to the list's separator
before it), a plus leaves it stated; either sign becomes a cell bar, so that no answer reaches a neighbouring item.
A sign after a space at the line's end answers only in a list of such signs, on its line or the next ("Imp:
recurrence -" is a dash). A receptor's sign ("ER+/PR+/HER2-") is its status.

Round 22n: a shorthand answer word after its item ("cough -ve", "bone pain: -ve", "wt loss nil"; context.yaml's
layout ``trailing_no_words``, ``trailing_yes_words``) answers it as a sign does, alone too (a word is no
punctuation), after a colon too; a letter word needs a space or colon before it. A yes word ("+ve", "pos") counts
as a plus for the list around it; words stay as written (a study's "neg" is its result, for the value rules), and
a no word's mark denies a symptom only (``SYMPTOM_ONLY``). A cross ending a row
("back pain ✗", "back pain x") answers no only in a column of rows ending in marks, one of which is a tick ("Fever ✓
/ back pain x / fatigue ✓"): there the tick is the yes, the cross the no. In a column of crosses alone the cross may
be the tick itself, and the row stays to confirm (form_rows.unread_rows).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from rightscan.adapters.text.form_rows import FORM_WORDING

# round 22n: the effect of an answer word or a cross, for a symptom's mention only (pipeline.py): "axilla US neg",
# "CT CAP -ve" are a study's result, read by the value rules, not a denied item
SYMPTOM_ONLY = "symptom_only:"
# round 50g: the glyphs of a cross and of a tick written after an item ("back pain ✗", "Headache ✓"). A checked box
# ("☒", as "[x]") is a box, read by the layout; a legend's glyphs were read before (mark_legends.py)
_CROSSES, _TICKS = "✗✘☓", "✓✔☑"
_TICK_AFTER = re.compile(
    rf"(?<=[A-Za-z)])(?:[ \t]*:[ \t]*|[ \t]?)(?P<tick>[{_TICKS}])(?=[ \t]*(?:[/,|;]|$)|[ \t]{{2,}}\S)", re.MULTILINE
)
# a sentence end starts an item too ("woman. cough -ve"); round 31a: so does a table's gap ("cough +      dyspnea -")
_ITEM_START = re.compile(r"[/,|;:\n]|[.!?](?=\s)|[ \t]{2,}(?=\S)")
_SEPARATOR_AFTER = re.compile(r"[ \t]*[,/;]")  # the list's separator right after an answer word
_ITEM_MAX_WORDS = 4  # "wt loss", "abd pain", "new bone pain": a list's item is a few words


def compile_trailing_sign(
    sign_no: str, sign_yes: str, words_no: Sequence[str] = (), words_yes: Sequence[str] = ()
) -> re.Pattern[str]:
    """A bare sign written right after its item (perhaps after one space) and closing it: a list's separator ("/",
    ",", "|", ";") or the line's end follows. "back pain - worse at night", "T-spine", "x-ray" go on. An answer
    word (round 22n) may stand after a colon, or after a space when it starts with a letter ("cough nil")."""
    worded = sorted((w for w in words_no if w), key=len, reverse=True)
    yes = sorted((w for w in words_yes if w), key=len, reverse=True)
    lead = r"(?:[ \t]*:[ \t]*|[ \t]*[-–—][ \t]+|[ \t]+)"  # "cough: -ve", "HA – nil", "cough nil"
    glued = r"[ \t]?"  # "cough-ve", "back pain✗"
    words = ""
    if worded:
        words = (
            rf"|(?:{lead}|{glued}(?=[^A-Za-z]))(?:(?P<wneg>{'|'.join(re.escape(w) for w in worded)})"
            rf"|(?P<wpos>{'|'.join(re.escape(w) for w in yes) or '(?!)'}))(?![A-Za-z0-9])"
        )
    # "back pain x", "back pain ✗", "back pain✗"; round 50g: "Bone pain: ✗", "fatigue ☓"
    words += rf"|(?:[ \t]*:[ \t]*|[ \t]|(?<![ \t])(?=[{_CROSSES}]))(?P<xneg>[xX{_CROSSES}])"
    return re.compile(
        rf"(?<=[A-Za-z)])(?:(?P<space>[ \t]?)(?:(?P<neg>{sign_no})|(?P<pos>{sign_yes})){words})"
        # a word answer may also close its sentence ("cough: -ve. headache: +ve"); round 31a (v32 dc-011): a table's
        # gap of two or more blanks closes a cell too, columns of items each with its sign ("wt loss -     fevers -")
        r"(?=[ \t]*(?:[/,|;]|$)|(?<=[A-Za-z✗✘])\.(?:[ \t]|$)|[ \t]{2,}(?=[A-Za-z(]))",
        re.MULTILINE,
    )


# a row ending in a mark, after its item: a tick or a cross
_MARK_AT_END = re.compile(
    r"(?:[A-Za-z)][ \t]?(?P<tick>[✓✔])|[A-Za-z)][ \t]?[✗✘]|[A-Za-z)][ \t][xX])[ \t]*$", re.MULTILINE
)


def _tick_columns(source: str, breaks: list[int]) -> set[int]:
    """The lines of a run of rows ending in marks, one of which is a tick (the column says yes with its ticks)."""
    marked: dict[int, bool] = {}
    for m in _MARK_AT_END.finditer(source):
        marked[bisect.bisect_left(breaks, m.start())] = m.group("tick") is not None
    out: set[int] = set()
    for line in sorted(marked):
        if line - 1 in marked:
            continue  # not a run's first line
        run = [line]
        while run[-1] + 1 in marked:
            run.append(run[-1] + 1)
        if any(marked[k] for k in run):
            out.update(run)
    return out


def _before_bracket(text: str, begin: int, start: int) -> int:
    """Round 44g (v44 bf-035): an item whose label ends in a bracket that lists what it covers ("Neuro
    (weakness/numbness/confusion): Ø", "Resp (cough, SOB): nil"): the separators inside the bracket part its
    examples, not the list's items, so the item begins before the bracket's label and the answer denies them all."""
    close = text.rfind(")", max(0, start - 60), start)
    if close < 0 or text[close + 1 : start].strip() or ")" not in text[begin:start]:
        return begin
    opening = text.rfind("(", max(0, start - 60), close)
    if opening < 0 or opening >= begin or "\n" in text[opening:close]:
        return begin  # the bracket opens inside the item already, or not on its line
    sep = [s.end() for s in _ITEM_START.finditer(text, max(0, opening - 60), opening)]
    return sep[-1] if sep else begin


def trailing_signs(
    pattern: re.Pattern[str], receptor: re.Pattern[str] | None, text: str, original: str | None = None
) -> tuple[list[tuple[int, int, bool]], list[tuple[int, int, str]]]:
    """(the signs to turn into cell bars or clause ends, with the mark each becomes, the items a minus negates as
    (start, end, "negated")) in ``text`` (the layout's text so far; ``original``, at the same offsets, still holds
    the ticks it has read as boxes). An answer word is no bar: it stays for the value rules."""
    found = [m for m in pattern.finditer(text)
             if receptor is None or not receptor.search(text[max(0, m.start() - 16) : m.start()])]  # fmt: skip
    breaks = [k for k, ch in enumerate(text) if ch == "\n"] if found else []
    if any(m.group("xneg") for m in found):
        ticked = _tick_columns(original if original is not None else text, breaks)
        # round 50g: a cross glyph answers its item wherever it stands; a letter x only in a column of ticks
        found = [m for m in found if not m.group("xneg") or m.group("xneg") in _CROSSES
                 or bisect.bisect_left(breaks, m.start()) in ticked]  # fmt: skip
    lines: dict[int, int] = {}
    minus: dict[int, int] = {}
    for m in found:
        line = bisect.bisect_left(breaks, m.start())
        lines[line] = lines.get(line, 0) + 1
        minus[line] = minus.get(line, 0) + (1 if m.group("neg") or m.group("wneg") or m.group("xneg") else 0)
    bars: list[tuple[int, int, str]] = []
    negated: list[tuple[int, int, str]] = []
    for m in found:
        start, end = m.start(), m.end()
        line = bisect.bisect_left(breaks, start)
        near = (line - 1, line, line + 1)
        is_neg = bool(m.group("neg") or m.group("wneg") or m.group("xneg"))
        if m.group("space") and sum(lines.get(k, 0) for k in near) < 2:
            continue  # a lone spaced dash: punctuation, not a list's answer (one item a line: "Headache -\nCough -")
        if (m.group("pos") or m.group("wpos")) and not any(minus.get(k, 0) for k in near):
            continue  # a plus outside a signed list states its item as written ("axillary LN FNA +, ER+")
        sep = [s.end() for s in _ITEM_START.finditer(text, max(0, start - 60), start)]
        begin = sep[-1] if sep else max(0, start - 60)
        begin = _before_bracket(text, begin, start)
        label = text[begin:start]
        words = re.sub(r"\([^()\n]*\)", " () ", label).split()  # round 44g: a bracket's examples are one word
        if not label.strip() or len(words) > _ITEM_MAX_WORDS:
            continue  # a sentence's dash, not a list's item
        if is_neg:
            lead = len(label) - len(label.lstrip())
            worded = m.group("wneg") or m.group("xneg")
            # round 50g: a cross with no legend is a tick to one form and a "no" to another: to confirm, neither
            # raised nor dropped (a legend's crosses were answered before, mark_legends.py)
            effect = "uncertain" if m.group("xneg") else "negated"
            negated.append((begin + lead, start, SYMPTOM_ONLY + effect if worded else effect))
        if m.group("wneg") or m.group("wpos"):
            # a word stays for the value rules ("axilla US neg", "triple neg"): its mark answers the item. A no word
            # that is also a denial cue ("nil") would deny the next item too ("bone pain nil, cough +"): the list's
            # separator after it becomes a semicolon, which ends its reach
            after = _SEPARATOR_AFTER.match(text, end)
            if m.group("wneg") and after:
                bars.append((after.end() - 1, after.end(), ";"))  # a clause end: no table cell for the next item
            continue
        sign = next(k for k in ("neg", "pos", "xneg") if m.group(k))
        bars.append((m.start(sign), end, "|"))
    ticks, stated = _tick_bars(text, original if original is not None else text, breaks, {
        bisect.bisect_left(breaks, m.start()) for m in found})  # fmt: skip
    return bars + ticks, negated + stated


def _tick_bars(
    text: str, original: str, breaks: list[int], answered: set[int]
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """Round 50g (a headache ticked beside a crossed back pain had been dropped with it): a tick after its item
    ("Headache ✓ / back pain ✗", "Headache: ✓   Bone pain: ✗") states that item, as the layout reads it (a box after
    its label), and, in a list whose other items are answered by signs or crosses (``answered``: their lines), closes
    it: it becomes a cell bar, so that no neighbour's answer reaches it, and the item is marked answered yes (no
    unread row). A list of ticks alone keeps its heading's reach ("Denies: headache ✓, bone pain ✓" denies both) and
    a column of ticks alone stays to confirm (form_rows.py): the tick may be the "no" there."""
    bars: list[tuple[int, int, str]] = []
    stated: list[tuple[int, int, str]] = []
    if not answered:
        return bars, stated
    for m in _TICK_AFTER.finditer(original):
        line = bisect.bisect_left(breaks, m.start())
        if not answered & {line - 1, line, line + 1}:
            continue
        sep = [s.end() for s in _ITEM_START.finditer(original, max(0, m.start() - 60), m.start())]
        label = original[sep[-1] if sep else max(0, m.start() - 60) : m.start()]
        if label.strip() and len(label.split()) <= _ITEM_MAX_WORDS and text[m.start("tick")] in f" {_TICKS}":
            bars.append((m.start("tick"), m.end("tick"), "|"))
            lead = len(label) - len(label.lstrip())
            stated.append((m.start() - len(label) + lead, m.start(), FORM_WORDING))  # answered yes (form_rows.py)
    return bars, stated
