"""A denial's or a finding's heading over a plain list, one short item a line, without bullets or indentation.

"Denies:\\nfever\\nweight loss\\nheadache" means what "Denies: fever, weight loss, headache" means, but ConText reads a
sentence at a time and a line break after a colon starts a new one: the heading's cue reached nothing, and every
item below it was read as stated (a red flag raised from a denied mention). spacing.unwrap joins such lists only
when their items are bulleted or indented, so that a sentence that merely follows a heading is not drawn into it.

Here a list's heading is one of the layout's negative or positive headings (context.yaml ``layout``
``negative_headings`` / ``positive_headings``: "Denies:", "Pertinent negatives:", "Positive for:") alone on its line,
and its items are the lines right below it that look like a list's item: at most ``_MAX_WORDS`` words, no sentence
end, colon, digit, box or table padding, and no first word that opens a statement (``vertical_list_stops``: a
pronoun, a reporting verb) or a new item of its own (``sentence_breaks.denial_ending_qualifiers``: "New back
pain"). The list ends at the first line that is not such an item (a blank line, a sentence, the next heading). Its
line breaks become a space and commas, the same length, so the heading's cue reaches each item as it does across.
A list whose next line goes on in lower case is left as written: the sentence splitter would read that line on with
the list and give it the heading's cue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_MAX_WORDS = 3
_MAX_ITEMS = 20
_ITEM_CHARS = 32
_NOT_ITEM = re.compile(r"[:.!?;\d\[\]☐☒☑✓✔■□○●|=]|\S(?: {2,}|\t)\S")


@dataclass(frozen=True)
class HeadedLists:
    heading: re.Pattern[str]  # a list's heading alone on its line
    stops: frozenset[str]  # first words that open a statement or an item of its own


def compile_headed_lists(headings: Iterable[str], stops: Iterable[str]) -> HeadedLists | None:
    words = sorted({h.strip().lower() for h in headings if h.strip()}, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"[ \t]++") for w in words)
    heading = re.compile(rf"(?im)^[ \t]*+(?:{alternatives})[ \t]*+:[ \t]*+$")
    return HeadedLists(heading=heading, stops=frozenset(s.lower() for s in stops))


def join_headed_lists(lists: HeadedLists | None, text: str) -> str:
    """``text`` with each headed plain list read on its heading's line (the same length, the same offsets)."""
    if lists is None or "\n" not in text or ":" not in text:
        return text
    chars: list[str] | None = None
    for m in lists.heading.finditer(text):
        breaks = _item_breaks(lists, text, m.end())
        if not breaks or _goes_on_in_lower_case(text, breaks[-1]):
            continue
        if chars is None:
            chars = list(text)
        for k, at in enumerate(breaks):
            chars[at] = " " if k == 0 else ","
    return "".join(chars) if chars is not None else text


def _goes_on_in_lower_case(text: str, last: int) -> bool:
    """Does the line after the list's last item (its break at ``last``) start in lower case? The sentence splitter
    reads such a line on with the line before it, so it would fall inside the joined list and share its heading's
    cue ("Denies:\nfever\nworsening headache"): such a list is left as written."""
    stop = text.find("\n", last + 1)
    if stop < 0:
        return False
    follows = text[stop + 1 : stop + 3]
    return follows[:1].islower()


def _item_breaks(lists: HeadedLists, text: str, end: int) -> list[int]:
    """The line breaks before the items of the list whose heading ends at ``end`` (its line's end)."""
    breaks: list[int] = []
    at = end
    while len(breaks) < _MAX_ITEMS and at < len(text) and text[at] == "\n":
        stop = text.find("\n", at + 1)
        stop = len(text) if stop < 0 else stop
        line = text[at + 1 : stop]
        item = line.strip()
        if not item or line[:1] in " \t" or len(item) > _ITEM_CHARS or _NOT_ITEM.search(item):
            break  # an indented or bulleted line is spacing.unwrap's; a long or punctuated one is no item
        words = item.split()
        if len(words) > _MAX_WORDS or words[0].lower().strip(",") in lists.stops or not words[0][:1].isalpha():
            break
        breaks.append(at)
        at = stop
    return breaks
