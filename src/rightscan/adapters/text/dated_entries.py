"""Round 20a: a note made of dated entries speaks for now only in its current entry.

A progress note copied forward keeps the earlier visits' entries under their dates ("=== 06/10/2025 (today) ===" then
"=== 06/05/2024 ===", "--- 09/16/2025 (current) ---", "Visit 3/2024:", "Interval history 3/2024: ...", "Prior visit
02/25/2025", newest first or newest last). A symptom told only in an older entry was that visit's complaint: what the
patient has now is what the current entry reports ("R hip pain x 6 wks" in 2023, gone in today's entry). So the symptom
mentions of an entry that is not the current one are historical. The current entry is the one marked so ("(today)",
"(current)": ``red_flag_readings.entry_current_marks``, also as a heading of its own: "Today:") or, when none is, the
one of the newest date; a note whose dates order its entries differently read month-first and day-first, or with
two entries marked current, is left as it was (nothing is guessed).

A heading is a line of its own: decorations (``=== --- ***``), at most a label of a visit
(``red_flag_readings.entry_labels``: "visit", "progress note", "interval history", "prior visit" ...), a date, a short
parenthesis, and a colon; only a heading with a visit label may carry the entry's first words after its colon
("Interval history 3/2024: hip pain better"). A bare date line inside a form or a results table is no heading unless
the note has at least two headings. An older-visit label without a date ("Prior visit:", "Previous note (copied
below)") opens an older entry when the note has another heading.

Never dropped: when the current entry says the complaint goes on without naming it ("symptoms unchanged", "same
pain as before": ``red_flag_readings.entry_carry_on``), the older entries' symptoms are left to confirm (uncertain)
instead; a symptom the current entry names is read there by its own words, whatever the older entries say.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rightscan.adapters.text.components import doc_text
from rightscan.adapters.text.copied_blocks import CopiedBlocks
from rightscan.adapters.text.dated_visits import DatedVisits
from rightscan.adapters.text.note_dates import DATE as _DATE
from rightscan.adapters.text.note_dates import alternatives as _alternatives
from rightscan.adapters.text.note_dates import readings as _readings
from rightscan.adapters.text.rule_pass import ANY_SYMPTOM, NoteMentions

HISTORICAL, UNCERTAIN = "historical", "uncertain"
_DECOR = r"[=\-*#_~|>\[\]]*+"
_PAREN = r"\([^()\n]{0,30}\)"


@dataclass(frozen=True, slots=True)
class _Heading:
    start: int  # character where its line starts
    date: tuple[tuple[int, int, int] | None, tuple[int, int, int] | None]  # (month-first, day-first) readings
    current: bool
    older: bool


class DatedEntries:
    """The heading grammar of ``red_flag_readings`` (context.yaml), compiled once per rule set."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        labels = _alternatives(words.get("entry_labels", ()))
        older = _alternatives(words.get("entry_older_labels", ()))
        self._current_marks = _alternatives(words.get("entry_current_marks", ()))
        carry = _alternatives(words.get("entry_carry_on", ()))
        self._carry_on = re.compile(rf"(?<![\w])(?:{carry})(?![\w])", re.IGNORECASE) if carry else None
        marks = self._current_marks or "(?!)"
        # every run of blanks and decorations is possessive (round 22s, eighth security pass): one run of blanks at a
        # line's start, split several ways between adjacent ``[ \t]*``, cost time growing with its square inside one
        # call into C (the whole service waited); no decoration is a blank, so the greedy reading is the only one
        head = rf"^[ \t]*+{_DECOR}[ \t]*+"
        tail = rf"[ \t]*+{_DECOR}[ \t]*+"
        # a dated heading: an optional visit label, the date, an optional parenthesis or current mark, then either
        # nothing (decorations, a colon) or, after a label and a colon, the entry's first words
        self._dated = re.compile(
            rf"(?im){head}(?:(?P<label>{labels or '(?!)'}|{older or '(?!)'})"
            rf"[ \t]*+(?:on|of|from|dated|[-–—:])?[ \t]*+)?"
            rf"(?P<date>{_DATE})[ \t]*+(?P<paren>{_PAREN})?[ \t]*+(?:[-–—,][ \t]*+(?P<mark>{marks}))?{tail}"
            rf"(?P<colon>:)?[ \t]*+(?P<rest>[^\n]*)$"
        )
        # an undated heading: a current mark ("Today:", "Current visit") or an older-visit label ("Prior visit:")
        self._undated = re.compile(
            rf"(?im){head}(?:(?P<current>{marks})|(?P<older>{older or '(?!)'}))[ \t]*+(?:{_PAREN})?{tail}"
            rf"(?::[ \t]*+(?P<rest>[^\n]*))?$"
        )
        # round 34s1 (F8): dated complaint lines closed by today's line saying none ("2019: hip pain" ... "now: none")
        list_marks = _alternatives(words.get("entry_list_marks", ()))
        nothing = _alternatives(words.get("entry_list_none", ()))
        self._list_now = (
            re.compile(rf"(?im)^[ \t]*+(?:{list_marks})[ \t]*+:[ \t]*+(?:{nothing})[ \t.]*$")
            if list_marks and nothing
            else None
        )
        self._list_line = re.compile(
            rf"(?im)^[ \t]*+(?:[-*•][ \t]*+)?(?P<date>{_DATE}|(?:19|20)\d{{2}})[ \t]*+:[ \t]*+\S[^\n]*$"
        )
        self._older = re.compile(rf"(?i)^(?:{older})$") if older else None
        self._mark = re.compile(rf"(?i)(?<![\w])(?:{marks})(?![\w])")
        self._visits = DatedVisits(words)  # round 34a
        self._copied = CopiedBlocks(words)  # round 40a

    def apply(self, note: NoteMentions) -> None:
        """Make the symptoms of the older entries historical (or uncertain, when the current entry carries on), and
        the reason of a dated past visit on an event or history line (round 34a, ``dated_visits``), and what a block
        copied from an earlier note says (round 40a, ``copied_blocks``)."""
        self._visits.apply(note)
        self._copied.apply(note)
        text = doc_text(note.doc)
        if not any(note.mentions(ANY_SYMPTOM, without={HISTORICAL})):
            return
        headings = self._headings(text)
        if len(headings) < 2:
            return
        current = _current(headings)
        if current is None:
            return
        starts = [h.start for h in headings] + [len(text)]
        here = text[starts[current] : starts[current + 1]]
        effect = UNCERTAIN if self._carry_on is not None and self._carry_on.search(here) else HISTORICAL
        older = [(starts[k], starts[k + 1]) for k in range(len(headings)) if k != current]
        for t in note.mentions(ANY_SYMPTOM, without={HISTORICAL, "negated", "family", "hypothetical"}):
            at = t.span.start_char
            if any(a <= at < b for a, b in older):
                t.effects.add(effect)

    def _dated_list(self, text: str) -> list[_Heading]:
        """A list of dated complaint lines closed by today's line saying none (round 34s1, F8), else no headings."""
        assert self._list_now is not None
        now = self._list_now.search(text)
        if now is None:
            return []
        lines = [m for m in self._list_line.finditer(text) if m.start() < now.start()]
        return _list_headings(now, lines)

    def _headings(self, text: str) -> list[_Heading]:
        out: list[_Heading] = []
        for m in self._dated.finditer(text):
            label, rest = m.group("label"), m.group("rest").strip()
            if rest and not (label and m.group("colon")):
                continue
            paren = m.group("paren") or ""
            current = bool(m.group("mark")) or bool(self._mark.search(paren))
            older = bool(label) and self._older is not None and bool(self._older.match(" ".join(label.split())))
            out.append(_Heading(m.start(), _readings(m.group("date")), current and not older, older))
        dated = len(out)
        if not out and self._list_now is not None:
            out = self._dated_list(text)
            if out:
                return out
        for m in self._undated.finditer(text):
            if any(h.start == m.start() for h in out):
                continue
            out.append(_Heading(m.start(), (None, None), bool(m.group("current")), bool(m.group("older"))))
        if dated == 0:  # undated headings alone ("Today:" in a history) divide nothing
            return []
        return sorted(out, key=lambda h: h.start)


def _list_headings(now: re.Match[str], lines: list[re.Match[str]]) -> list[_Heading]:
    """The dated lines above today's line as older entries, today's line as the current one."""
    older = [_Heading(m.start(), (None, None), False, True) for m in lines if m.start() < now.start()]
    if not older:
        return []
    return [*older, _Heading(now.start(), (None, None), True, False)]


def _current(headings: list[_Heading]) -> int | None:
    """The index of the current entry: the one marked current, else the newest by a date reading every dated
    heading agrees on; None when unsure."""
    marked = [k for k, h in enumerate(headings) if h.current]
    if len(marked) == 1:
        return marked[0]
    if marked:
        return None
    candidates = [k for k, h in enumerate(headings) if not h.older]
    picks: set[int] = set()
    for reading in (0, 1):
        dates = {k: headings[k].date[reading] for k in candidates}
        if any(d is None for d in dates.values()):
            continue
        newest = max(dates.values())  # type: ignore[type-var]
        top = [k for k, d in dates.items() if d == newest]
        if len(top) != 1:
            return None
        picks.add(top[0])
    return picks.pop() if len(picks) == 1 else None
