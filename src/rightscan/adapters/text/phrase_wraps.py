"""Sixteenth security pass F3: a red-flag phrase broken over a line is read as one phrase.

``spacing.unwrap`` reads a line break as a space only on a long, punctuated line of prose whose next line goes on in
lower case, and ``spacing.soft_hyphens`` joins a word split by a hyphen only on a long line. Any other wrap (a short
line in a narrow EHR column, prose without a comma yet, a next line that is capitalised or indented) left a line
break inside "bone\\npain", "short of\\nbreath", "weight\\nloss", "short-\\nness of breath", and the phrase matcher
missed the red flag. A reader joins such a wrap whatever the line's length: so here, a single line break whose two
sides spell a symptom's phrase together (its first words end the line, its last words open the next) is read as a
space, and a word split by a hyphen on a short line is joined when the joined word is one the rules know.

A break between two items is kept: never across a blank line, a bulleted, numbered or boxed next line, a table's row
(a bar, a tab or a wide gap in either line) or a next line that opens with a label ("Pain score: 0/10"). A next line
in capitals joins only prose: the line before has at least ``PROSE_WORDS`` words or the phrase's first part ends on a
word that ends no item ("short of\\nBreath"). Same length, same offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# the words of a line, and of the start of the next: letters, digits and the inner marks of a symptom's words
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'/-]*")
# a single line break between two words: the rest of the line before (no blank line in the break), the next line's
_BREAK = re.compile(r"(?<=[A-Za-z0-9])[ \t]*\r?\n(?=[ \t]*[A-Za-z])")
_TABLE = re.compile(r"[|\t☐☒☑✓✔■□]|\S {3,}\S|\[[ xX]?\]")
_LABEL = re.compile(r"^[ \t]*[A-Za-z][^:\n]{0,30}:")
_ITEM = re.compile(r"^[ \t]*(?:[-*•·▪◦‣–>]|\d{1,2}[.)])")
PROSE_WORDS = 5
_NO_ITEM_END = frozenset({"of", "the", "a", "an", "to", "in", "on", "at", "with", "from", "and", "or", "her", "his"})
MOST_WORDS = 6  # the longest part of a phrase read on either side of a break


class PhraseBreaks:
    """The symptom phrases (lower-case words) as the pairs of their two parts around a break."""

    def __init__(self, phrases: Iterable[str]) -> None:
        splits: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
        edges: set[tuple[str, str]] = set()
        for phrase in phrases:
            words = tuple(phrase.lower().split())
            if len(words) < 2 or len(words) > 2 * MOST_WORDS:
                continue
            for i in range(1, len(words)):
                splits.add((words[:i], words[i:]))
                edges.add((words[i - 1], words[i]))
        self.splits = frozenset(splits)
        self.edges = frozenset(edges)

    def spelled(self, before: list[str], after: list[str]) -> tuple[int, int] | None:
        """How many words of ``before`` (the line's last) and ``after`` (the next line's first) spell a phrase."""
        if not before or not after or (before[-1], after[0]) not in self.edges:
            return None
        for i in range(min(len(before), MOST_WORDS), 0, -1):
            for j in range(min(len(after), MOST_WORDS), 0, -1):
                if (tuple(before[-i:]), tuple(after[:j])) in self.splits:
                    return i, j
        return None


def join_phrase_wraps(text: str, breaks: PhraseBreaks) -> str:
    """``text`` with each single line break inside a symptom's phrase read as a space (the same length)."""
    if "\n" not in text or not breaks.splits:
        return text
    chars: list[str] | None = None
    for m in _BREAK.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        next_end = text.find("\n", m.end())
        line, nxt = text[line_start : m.start()], text[m.end() : len(text) if next_end < 0 else next_end]
        if _TABLE.search(line.strip()) or _TABLE.search(nxt.strip()) or _ITEM.match(nxt) or _LABEL.match(nxt):
            continue
        before = [w.lower() for w in _WORD.findall(line)]
        after = [w.lower() for w in _WORD.findall(nxt[:200])]
        spelled = breaks.spelled(before, after)
        if spelled is None:
            continue
        if nxt.lstrip()[:1].isupper() and len(before) < PROSE_WORDS and before[-1] not in _NO_ITEM_END:
            continue  # "Osteoarthritis lower back\nPain clinic": two items of a list, each with a capital
        chars = chars if chars is not None else list(text)
        for k in range(m.start(), m.end()):
            if chars[k] in "\r\n":
                chars[k] = " "
    return text if chars is None else "".join(chars)
