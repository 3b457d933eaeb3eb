"""Round 40a: text the note marks as copied from an earlier note or visit tells of that visit, not of this one.

A follow-up note often ends (or starts) with a block pasted from an earlier note, set apart by a heading of its own:
"--- copied from note 12/08/2023 (for reference) ---" ... "--- end copied text ---" (v40 as-001), "--- Prior note
01/15/2024 (copied) ---" ... "--- end copy ---", "*** Previous visits (copied forward for continuity) ***" ... "***
end ***". What that block says is what the patient had and what was found and planned then: its symptoms are
historical (the old hip pain the interval history says is gone), and its other findings (its labs, the studies it
ordered, its new findings, the patient's requests then) are not this visit's (effect ``copied``, which the families of
``context.yaml`` that speak of this visit ignore). The cancer's own history it repeats (type, receptors, operations)
stays true and is read as before.

The block's heading is a line of its own, decorated (``=== --- *** [ ]``), ended by a colon, or with a parenthesis,
made only of the words of ``red_flag_readings`` (``copied_block_marks``: copied, carried forward, pasted ...;
``copied_block_sources``: note, visit, entry ...; ``copied_block_fillers``: from, for reference ...; the older-visit
labels of ``entry_older_labels``: prior note, last visit ...), a date and a short parenthesis; it says a copy of a
note or a visit (a copy mark with a note, a visit or a date) or names an older visit. A sentence that names the last
visit ("The hip ache from last visit is gone") is no heading. "copied from the MRI report" names no earlier visit.

The block runs to its end line (decorations and ``copied_block_ends``: "end copied text", "end of prior note", "***
end ***"), or, without one, to the first blank line, the next decorated heading, a heading of today's visit ("Today:",
``entry_current_marks``) or the next heading of a copy. A block whose heading's date is not earlier than the note's
own date (its first date outside the copies, within its first lines) is left as it was: a copy told as later than the
visit is no history. When the note's own words outside the copies say the complaint goes on without naming it
(``entry_carry_on``), the copied symptoms are left to confirm (uncertain) instead; a symptom the current text names
is read there by its own words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence

from rightscan.adapters.text.components import doc_text
from rightscan.adapters.text.hypothetical_lists import line_spans
from rightscan.adapters.text.note_dates import DATE as _DATE
from rightscan.adapters.text.note_dates import alternatives as _alternatives
from rightscan.adapters.text.note_dates import readings
from rightscan.adapters.text.rule_pass import ANY_FAMILY, ANY_SYMPTOM, NoteMentions

COPIED = "copied"  # context.yaml: a finding told in a copy of an earlier note (the families of this visit ignore it)
HEADING_MAX_CHARS = 90  # a heading line, decorations stripped
LINE_MAX_CHARS = 200  # a longer line is read as no heading nor end (every pattern then sees bounded lines)
PAREN_MAX_CHARS = 45
OWN_DATE_LINES = 3  # the note's own date: the first date in its first lines outside the copies
_DECOR = r"[=\-*#_~|>\[\]<]"
_DATED = rf"(?:{_DATE}|(?<!\d)(?:19|20)\d\d(?!\d))"
_KEPT = frozenset({"negated", "family", "hypothetical"})
_Found = tuple[int, int, str | None]  # a copied block's start, end and its heading's date


def _readings(date: str) -> list[tuple[int, int, int]]:
    """The date as (year, month, day), each way it may be read (month-first, day-first); a year alone (0, 0)."""
    nums = [int(n) for n in re.findall(r"\d+", date)]
    if len(nums) == 1 and not re.search(r"[A-Za-z]", date):
        return [(nums[0], 0, 0)]
    return [r for r in readings(date) if r is not None]


class CopiedBlocks:
    """Finds the copied blocks of a note and marks what they say as the earlier visit's."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        marks = list(words.get("copied_block_marks", ()))
        sources = list(words.get("copied_block_sources", ()))
        fillers = list(words.get("copied_block_fillers", ()))
        older = list(words.get("entry_older_labels", ()))
        ends = list(words.get("copied_block_ends", ()))
        self._ready = bool(marks and (sources or older) and ends)
        if not self._ready:
            return
        carry = _alternatives(words.get("entry_carry_on", ()))
        self._carry_on = re.compile(rf"(?i)(?<![\w])(?:{carry})(?![\w])") if carry else None
        self._mark = re.compile(rf"(?i)(?<![\w])(?:{_alternatives(marks)})(?![\w])")
        self._source = re.compile(rf"(?i)(?<![\w])(?:{_alternatives(sources or older)})(?![\w])")
        self._older = re.compile(rf"(?i)(?<![\w])(?:{_alternatives(older or sources)})(?![\w])")
        vocabulary = _alternatives([*marks, *sources, *fillers, *older])
        self._only_words = re.compile(rf"(?i)^(?:(?:{vocabulary})(?![\w])[ \t,:/&-]*+)*$")
        self._end = re.compile(rf"(?i)^(?:{_alternatives(ends)})(?![\w])[ \t]*+(?:(?:{vocabulary})(?![\w])[ \t]*+)*$")
        self._date = re.compile(rf"(?i){_DATED}")
        self._paren = re.compile(rf"\(([^()\n]{{0,{PAREN_MAX_CHARS}}})\)")
        now = _alternatives(words.get("entry_current_marks", ()))
        now_line = rf"(?i)^[ \t]*+(?:{_DECOR}[ \t]*+)*+(?:{now})(?![\w])[^\n:]{{0,30}}(?::|$)"
        self._now = re.compile(now_line) if now else None
        self._strip = re.compile(rf"^[ \t]*+(?:{_DECOR}[ \t]*+)*+|(?:[ \t]*+{_DECOR})*+[ \t]*+$")

    def blocks(self, text: str) -> list[tuple[int, int]]:
        """The (start, end) of each copied block told as earlier than the note (its heading included)."""
        if not self._ready:
            return []
        lines = line_spans(text)
        found: list[_Found] = []  # start, end, the heading's date
        k = 0
        while k < len(lines):
            start, end = lines[k]
            heading = self._heading(text[start:end])
            if heading is None:
                k += 1
                continue
            stop, k = self._block_end(text, lines, k)
            found.append((start, stop, heading or None))
        if not found:
            return []
        own = self._own_date(text, lines, found)
        return [(a, b) for a, b, date in found if date is None or own is None or _earlier(date, own)]

    def apply(self, note: NoteMentions) -> None:
        """Make the copied blocks' symptoms historical (uncertain when the note says they go on) and their other
        findings ``copied``."""
        if not self._ready:
            return
        text = doc_text(note.doc)
        blocks = self.blocks(text)
        if not blocks:
            return
        cuts = [0, *(x for block in blocks for x in block), len(text)]
        outside = "".join(text[cuts[k] : cuts[k + 1]] for k in range(0, len(cuts), 2))
        carried = self._carry_on is not None and self._carry_on.search(outside) is not None
        symptom_effect = "uncertain" if carried else "historical"
        starts = [a for a, _ in blocks]
        for t in note.mentions(ANY_FAMILY, without=_KEPT):
            at = t.span.start_char
            k = bisect_right(starts, at) - 1
            if k < 0 or at >= blocks[k][1]:
                continue
            if t.d["family"] in ANY_SYMPTOM:
                if "historical" not in t.effects:
                    t.effects.add(symptom_effect)
            else:
                t.effects.add(COPIED)

    def _heading(self, line: str) -> str | None:
        """The heading's date ("" when it has none) when ``line`` opens a copied block, else None."""
        if len(line) > LINE_MAX_CHARS:
            return None
        bare = self._strip.sub("", line)
        decorated = len(bare) < len(line.strip())
        colon = bare.endswith(":")
        bare = bare.rstrip(": \t")
        if not bare or len(bare) > HEADING_MAX_CHARS:
            return None
        parens = self._paren.findall(bare)
        words = self._paren.sub(" ", bare)
        date_m = self._date.search(words)
        words = self._date.sub(" ", words).strip()
        if not (decorated or colon or parens) or not self._only_words.match(words):
            return None
        told = " ".join([words, *parens])
        copy = self._mark.search(told) is not None
        if not ((copy and (self._source.search(told) or date_m)) or self._older.search(words)):
            return None
        return date_m.group(0) if date_m else ""

    def _is_end(self, line: str) -> bool:
        if len(line) > LINE_MAX_CHARS:
            return False
        bare = self._strip.sub("", line).rstrip(": \t.")
        return bool(bare) and self._end.match(bare) is not None and (len(bare) < len(line.strip()) or " " in bare)

    def _block_end(self, text: str, lines: list[tuple[int, int]], k: int) -> tuple[int, int]:
        """Where the block opened on line ``k`` ends, and the next line to read: its end line, else the first blank
        line, decorated heading or copy heading."""
        fallback: int | None = None
        j = k + 1
        while j < len(lines):
            a, b = lines[j]
            line = text[a:b]
            if self._is_end(line):
                return b, j + 1
            if self._heading(line) is not None:
                break
            if fallback is None and (
                not line.strip()
                or (len(line) <= LINE_MAX_CHARS and self._strip.sub("", line) != line.strip())
                or (self._now is not None and self._now.match(line))
            ):
                fallback = j
            j += 1
        stop = fallback if fallback is not None else j
        return (lines[stop][0] if stop < len(lines) else len(text)), stop

    def _own_date(self, text: str, lines: list[tuple[int, int]], found: list[_Found]) -> str | None:
        """The note's own date: the first date in its first non-empty lines outside the copied blocks."""
        seen, k = 0, 0  # the blocks are in the order of the text: one walk over both
        for a, b in lines:
            while k < len(found) and found[k][1] <= a:
                k += 1
            if (k < len(found) and found[k][0] <= a) or not text[a:b].strip():
                continue
            m = self._date.search(text, a, b)
            if m is not None:
                return m.group(0)
            seen += 1
            if seen >= OWN_DATE_LINES:
                return None
        return None


def _earlier(date: str, own: str) -> bool:
    """Whether ``date`` is before ``own`` however each is read (a year alone compares by the year)."""
    pairs = [(d, o) for d in _readings(date) for o in _readings(own)]
    if not pairs:
        return True  # unreadable: the heading's words say it is an earlier note
    for d, o in pairs:
        if 0 in (d[1], o[1]):
            if d[0] >= o[0]:
                return False
        elif d >= o:
            return False
    return True
