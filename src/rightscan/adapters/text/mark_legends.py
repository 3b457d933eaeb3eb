"""Round 50t: a form's legend that defines its marks ("Neuro screen (✗ = absent, ✓ = present): ✗ headache  ✗ seizure").

A checklist may say what its glyphs mean: in brackets after its title ("(✔ = pt reports, ✘ = pt denies)", "(✓ yes /
✗ no)") or on a key line ("Key: + = yes, - = no", "X = present, 0 = absent"). Read as written, a cross before an item
is a tick, and the v50 blind note bx-028 raised five red flags its legend had marked absent. Here the legend is
followed: in its paragraph (up to a blank line), each defined glyph standing before its item ("✗ headache", the
line's first glyph opens its item) or after it ("jaundice ✗   HA ✗", the line's first glyph closes its item) answers
that item alone: a glyph defined as absent negates it, one defined as present leaves it stated. The legend and the
glyphs are blanked (the legend's own "absent", "no" are no cue for the items after it).

Without a legend, a glyph whose meaning no convention fixes (a cross: a tick to one hand, a "no" to another;
``legend_unread_marks``) standing before an item leaves the item uncertain, to confirm, never stated.

The meaning words are data (context.yaml ``layout``: ``legend_absent``, ``legend_present``, ``legend_unread_marks``).
Same length, same offsets; the answered items are returned as (start, end, effect) marks, as layout.py's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

_GLYPH = r"(?:[^\s\w(),;/=:]{1,2}|[A-Za-z0-9])"
_PIECE = re.compile(rf"^[ \t]*(?P<g>{_GLYPH})[ \t]*(?P<eq>=|:)?[ \t]*(?P<m>[A-Za-z][A-Za-z' ]*?)[ \t]*$")
_PAREN = re.compile(r"\(([^()\n]{3,80})\)")
# round 50g: a line of definitions alone is a key too ("✗ = present, ✓ = absent"; each piece needs its "=")
_KEY_LINE = re.compile(
    r"^[ \t]*(?:(?:key|legend|marks?)[ \t]*[:\-][ \t]*)?(?P<body>[^\n]*=[^\n]+)$", re.IGNORECASE | re.MULTILINE
)
_SPLIT = re.compile(r"[,;/]|[ \t]{2,}")
_SUBJECT = re.compile(r"^(?:pt|patient|she|he)[ \t]+", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_MAX_LINES = 12  # a legend reaches its checklist, not the note's later prose


@dataclass(frozen=True, slots=True)
class Legends:
    absent: frozenset[str]
    present: frozenset[str]
    unread: frozenset[str]


def compile_legends(spec: Mapping[str, Any]) -> Legends:
    def words(key: str) -> frozenset[str]:
        return frozenset(" ".join(str(w).lower().split()) for w in spec.get(key, ()))

    return Legends(words("legend_absent"), words("legend_present"), frozenset(spec.get("legend_unread_marks", ())))


def _meaning(legends: Legends, words: str) -> str | None:
    plain = " ".join(_SUBJECT.sub("", words.strip()).lower().split())
    if plain in legends.absent:
        return "negated"
    if plain in legends.present:
        return "stated"
    return None


def _definitions(legends: Legends, body: str, need_equals: bool) -> dict[str, str] | None:
    """The glyphs a legend's body defines ("✗ = absent, ✓ = present" -> {"✗": "negated", "✓": "stated"})."""
    out: dict[str, str] = {}
    for piece in _SPLIT.split(body):
        if not piece.strip():
            continue
        m = _PIECE.match(piece)
        if m is None or (need_equals and not m.group("eq")):
            return None
        meaning = _meaning(legends, m.group("m"))
        if meaning is None or out.get(m.group("g"), meaning) != meaning:
            return None
        out[m.group("g")] = meaning
    # a legend tells both kinds, or one kind with "=" ("X = present"): "(N)" alone is a bracketed answer
    return out if out and (len(set(out.values())) == 2 or "=" in body) else None


def _found(legends: Legends, text: str) -> list[tuple[int, int, dict[str, str]]]:
    found = []
    for m in _PAREN.finditer(text):
        defs = _definitions(legends, m.group(1), need_equals=False)
        if defs:
            found.append((m.start(), m.end(), defs))
    for m in _KEY_LINE.finditer(text):
        defs = _definitions(legends, m.group("body"), need_equals=True)
        if defs and not any(s <= m.start("body") < e for s, e, _ in found):
            found.append((m.start(), m.end(), defs))
    return sorted(found)


def _scope_end(text: str, start: int) -> int:
    blank = _BLANK_LINE.search(text, start)
    end = blank.start() if blank else len(text)
    lines = text.count("\n", start, end)
    if lines > _MAX_LINES:
        end = start
        for _ in range(_MAX_LINES + 1):
            nxt = text.find("\n", end + 1)
            end = nxt if nxt >= 0 else len(text)
    return end


def _answer_line(
    line: str,
    offset: int,
    defs: Mapping[str, str],
    chars: list[str],
    marks: list[tuple[int, int, str]],
    only_before: bool = False,
) -> None:
    """Answer the items of one line of a legend's checklist (``offset``: the line's start in the note)."""
    glyphs = "|".join(re.escape(g) for g in sorted(defs, key=len, reverse=True))
    hits = list(re.finditer(rf"(?<!\S)(?:{glyphs})(?![^\s,;/|])", line))  # round 50g: "headache ✓, cough ✗"
    if not hits:
        return
    first = hits[0]
    before = line[first.end() :].startswith((" ", "\t")) and line[first.end() :].strip()[:1].isalpha()
    led = (
        not line[: first.start()].strip()
        or line[: first.start()].rstrip().endswith(":")
        or bool(re.search(r"[ \t]{2}$", line[: first.start()]))
    )
    if not (before and led):  # the line's first glyph closes its item ("RUQ discomfort ✓   jaundice ✗")
        if only_before or not re.search(r"\w[ \t]+$", line[: first.start()]):
            return
        before = False
    for k, hit in enumerate(hits):
        if before:
            start = hit.start()
            end = hits[k + 1].start() if k + 1 < len(hits) else len(line)
        else:
            left = hits[k - 1].end() if k else 0
            seg = line[left : hit.start()]
            cut = max((m.end() for m in re.finditer(r"[ \t]{2,}|[:/|,;]", seg)), default=0)
            start, end = left + cut, hit.end()
        while end > start and line[end - 1] in " \t":
            end -= 1
        chars[offset + hit.start() : offset + hit.end()] = [" "] * (hit.end() - hit.start())
        if not before:  # round 50g: a glyph closing its item becomes a cell bar, so no neighbour's answer reaches it
            chars[offset + hit.start()] = "|"
        effect = defs[hit.group()]
        if effect != "stated":
            marks.append((offset + start, offset + end, effect))


def read_legends(legends: Legends, text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """``text`` with its legends and their glyphs blanked, and the marks of the items they answer."""
    marks: list[tuple[int, int, str]] = []
    if not any(c in text for c in "=(") and not any(g in text for g in legends.unread):
        return text, marks
    chars = list(text)
    done_until = 0
    for start, end, defs in _found(legends, text) if ("(" in text or "=" in text) else []:
        chars[start:end] = [" "] * (end - start)
        stop = _scope_end(text, end)
        pos = end
        while pos < stop:
            nl = text.find("\n", pos)
            line_end = stop if nl < 0 or nl > stop else nl
            _answer_line("".join(chars[pos:line_end]), pos, defs, chars, marks)
            pos = line_end + 1
        done_until = max(done_until, stop)
    if legends.unread:
        _unread(legends, text, chars, marks, done_until)
    return "".join(chars), marks


def _unread(legends: Legends, text: str, chars: list[str], marks: list[tuple[int, int, str]], after: int) -> None:
    """A cross before an item, no legend saying what it means: the item is to confirm (uncertain)."""
    pos = after
    defs = {g: "uncertain" for g in legends.unread}
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        line = "".join(chars[pos:line_end])
        if any(g in line for g in legends.unread):
            # a cross after its item is trailing_signs.py's (a "no" in a column of ticks)
            _answer_line(line, pos, defs, chars, marks, only_before=True)
        pos = line_end + 1
