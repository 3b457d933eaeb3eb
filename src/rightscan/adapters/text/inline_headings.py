"""Round 29a: a review of systems answered on one line, its positive and negative lists each under a heading.

"ROS -- Yes: cough x 6 wks, wt loss | No: fever, night sweats, bone pain, headache" (an EHR export that flattened a
two-column table) means that every item after "No:" is denied. The heading "No:" is not a ConText cue (a bare "no"
reaches only a few words, and "| No" after an item reads as that item's answer in a grid row: the Yes list's last
item was denied and the No list stated: v30 mc-025 raised four red flags from denied mentions). So a negative heading
written inline (context.yaml ``layout.inline_negative_headings``: "No:", "Neg:", "Denies:", "Negative for:") after a
bar or a semicolon, or on the same line after a positive heading (``inline_positive_headings``: "Yes:", "Pos:",
"Positive for:"), negates the list after it, up to the line's end, the next heading, a bar, a sentence's end or a word
that opens a statement of its own ("but", "now", "new": ``vertical_list_stops`` and the denial-ending qualifiers).
The heading is blanked (same length, same offsets); the list is marked "negated" (layout's marks). The positive list
keeps its items as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class InlineHeadings:
    negative: re.Pattern[str]  # a negative heading with its colon
    positive: re.Pattern[str]  # a positive heading with its colon
    stops: frozenset[str]  # words that open a statement of their own and end the denied list


def _heading(words: Iterable[str]) -> re.Pattern[str]:
    alts = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alts})[ \t]*:", re.IGNORECASE)


def compile_inline(negative: Iterable[str], positive: Iterable[str], stops: Iterable[str]) -> InlineHeadings | None:
    negative, positive = [w for w in negative if w.strip()], [w for w in positive if w.strip()]
    if not negative or not positive:
        return None
    return InlineHeadings(_heading(negative), _heading(positive), frozenset(w.lower() for w in stops))


_LEADS = re.compile(r"[|;][ \t]*$")
_LIST_END = re.compile(r"\||\.(?=\s|$)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'/-]*")


def inline_denials(found: InlineHeadings, text: str, chars: list[str], marks: list[tuple[int, int, str]]) -> bool:
    """Mark each inline negative heading's list "negated" and blank the heading; whether any was found."""
    any_found = False
    for m in found.negative.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        before = text[line_start : m.start()]
        if not (_LEADS.search(before) or found.positive.search(before)):
            continue  # "No: 2" alone, or a heading that opens its line: not a one-line Yes/No review
        stop = line_end
        for pattern in (found.positive, found.negative, _LIST_END):
            nxt = pattern.search(text, m.end(), stop)
            if nxt:
                stop = nxt.start()
        for word in _WORD.finditer(text, m.end(), stop):
            if word.group(0).lower() in found.stops:
                stop = word.start()
                break
        end = len(text[:stop].rstrip(" \t,;"))
        if end <= m.end():
            continue
        marks.append((m.end(), end, "negated"))
        chars[m.start() : m.end()] = [" "] * (m.end() - m.start())
        any_found = True
    return any_found
