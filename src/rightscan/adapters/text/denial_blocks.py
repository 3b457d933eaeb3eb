"""Round 49n: a denial's heading over a vertical list the other list readers leave line by line.

ConText reads a sentence at a time and a line break ends a cue's reach, so a list written down the page under its
heading is read across only when a reader joins it (spacing.unwrap: a heading ending in a colon over bulleted or
indented items; headed_lists: the same heading over plain items). Two common template shapes fell outside both, and
every item below the denial was raised as a red flag:

- a denial heading without a colon, led by a review's label or a subject ("ROS - denies", "Review of systems --
  negative for", "Pt denies", "She denies") over bulleted or indented items ("  - bone pain\\n  - headaches");
- a negative heading over lines each led by a review-of-systems label (the review template of Epic and others:
  "Negative for:\\n  Constitutional: fever, chills\\n  GI: abdominal pain, jaundice\\nPositive for:\\n  Neuro: ...").

Every item of such a list is denied, up to the list's end: a blank line, an unindented line that is no labelled
line, a line that is no item (a sentence, a long or numbered line, an answered item "- bone pain: yes", a box or a
table's padding), or the next heading ("Positive for:", whose items keep their reading). Each line break inside
the list becomes a space (the first) or a comma, and a bullet a blank, the same length, so the heading's denial
reaches each item as it does across; an item that opens with a qualifier ("new back pain") or a statement still ends
the denial as it does on one line. A list whose next line goes on in lower case is left as written (the sentence
splitter would read that line on with the list and give it the heading's cue).

The words are the layout's (context.yaml ``layout``): ``negative_headings``, ``denial_block_labels`` (the labels or
subjects that may lead a heading without a colon), ``review_system_labels`` (a review's system labels),
``vertical_list_stops`` and ``inline_positive_headings`` (an item answered yes on its own line is no denied item).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

_MAX_LINES = 24
_ITEM_CHARS = 40  # a bulleted or indented item's characters
_ITEM_WORDS = 6
_LINE_CHARS = 120  # the items of a labelled line
_BULLET = r"\-*•·▪◦‣–"  # (escaped: a character class)
# a plain item: bulleted or indented, its text without a colon, a box, a table's padding or a sentence's end inside
_PLAIN = re.compile(rf"^(?P<lead>[ \t]*[{_BULLET}][ \t]*|[ \t]+)(?P<item>[^\s\d:{_BULLET}][^\n:]*?)[ \t]*$")
_NOT_ITEM = re.compile(r"[\[\]☐☒☑✓✔■□○●|=?]|[.!;](?=\s*\S)|\S(?: {2,}|\t)\S")


@dataclass(frozen=True)
class DenialBlocks:
    heading: re.Pattern[str]  # a denial heading alone on its line, its colon optional
    system: re.Pattern[str] | None  # a line led by a review's system label ("  Respiratory: cough, dyspnea")
    answered: re.Pattern[str]  # an answer on the item's line ("bone pain: yes", "cough +"): no denied item
    stops: frozenset[str]  # first words that open a statement or an item of its own


def _alternatives(words: Iterable[str]) -> str:
    kept = sorted({" ".join(w.lower().split()) for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"[ \t]++") for w in kept)


def compile_denial_blocks(spec: Mapping[str, Any], qualifiers: Iterable[str]) -> DenialBlocks | None:
    """The layout's words (``spec``, context.yaml ``layout``) compiled; ``qualifiers``: the denial-ending qualifiers."""
    return _compile(
        spec.get("negative_headings", ()),
        spec.get("denial_block_labels", ()),
        spec.get("review_system_labels", ()),
        spec.get("inline_positive_headings", ()),
        [*spec.get("vertical_list_stops", ()), *qualifiers],
    )


def _compile(
    negative: Iterable[str],
    labels: Iterable[str],
    systems: Iterable[str],
    positive_answers: Iterable[str],
    stops: Iterable[str],
) -> DenialBlocks | None:
    neg = _alternatives(negative)
    if not neg:
        return None
    lead = _alternatives(labels) or "(?!)"
    heading = re.compile(
        # a label or subject of the list ("ROS", "Pt", "Review of systems") with or without a dash or a colon
        rf"(?im)^[ \t]*+(?:(?:{lead})(?![A-Za-z])[ \t]*+(?:[-–—:,]+[ \t]*+)?)?"
        rf"(?:{neg})(?![A-Za-z])[ \t]*+:?[ \t]*+$"
    )
    sys_words = _alternatives(systems)
    system = (
        re.compile(rf"(?i)^[ \t]*+(?:[{_BULLET}][ \t]*+)?(?:{sys_words})[ \t]*+:[ \t]*+(?P<item>\S[^\n]*?)[ \t]*$")
        if sys_words
        else None
    )
    yes = _alternatives(positive_answers) or "(?!)"
    answered = re.compile(rf"(?i)(?<![A-Za-z])(?:{yes})(?![A-Za-z])|\+")
    return DenialBlocks(heading, system, answered, frozenset(s.lower() for s in stops))


def join_denial_blocks(blocks: DenialBlocks | None, text: str) -> str:
    """``text`` with each denial heading's vertical list read on the heading's line (the same length, the same
    offsets)."""
    if blocks is None or "\n" not in text:
        return text
    chars: list[str] | None = None
    for m in blocks.heading.finditer(text):
        lines = _list_lines(blocks, text, m.end())
        if not lines or _goes_on_in_lower_case(text, lines[-1][1]):
            continue
        if chars is None:
            chars = list(text)
        for k, (start, _end, bullet) in enumerate(lines):
            chars[start - 1] = " " if k == 0 else ","
            if bullet >= 0:
                chars[bullet] = " "
    return "".join(chars) if chars is not None else text


def _list_lines(blocks: DenialBlocks, text: str, end: int) -> list[tuple[int, int, int]]:
    """The lines of the list under a heading ending at ``end`` (its line's end): (start, end, the bullet's offset or
    -1) each, up to the first line that is no item of it."""
    lines: list[tuple[int, int, int]] = []
    at = end
    while len(lines) < _MAX_LINES and at < len(text) and text[at] == "\n":
        start = at + 1
        stop = text.find("\n", start)
        stop = len(text) if stop < 0 else stop
        line = text[start:stop]
        read = _item_of(blocks, line)
        if read is None:
            break
        item, bullet = read
        words = item.split()
        if not words or words[0].lower().strip(",") in blocks.stops or blocks.answered.search(item):
            break
        lines.append((start, stop, start + bullet if bullet >= 0 else -1))
        at = stop
    return lines


def _item_of(blocks: DenialBlocks, line: str) -> tuple[str, int] | None:
    """The item a list's line holds and its bullet's offset in the line (-1: none), or None when the line is none."""
    if not line.strip():
        return None
    if blocks.system is not None and (labelled := blocks.system.match(line)):
        item = labelled.group("item")
        if len(item) > _LINE_CHARS or _NOT_ITEM.search(item) or ":" in item:
            return None
        return item, _bullet_at(line)
    plain = _PLAIN.match(line)
    if plain is None:
        return None
    item = plain.group("item")
    if len(item) > _ITEM_CHARS or len(item.split()) > _ITEM_WORDS or _NOT_ITEM.search(item):
        return None
    return item, _bullet_at(line)


def _bullet_at(line: str) -> int:
    stripped = line.lstrip(" \t")
    return len(line) - len(stripped) if stripped[:1] and stripped[0] in _BULLET.replace("\\", "") else -1


def _goes_on_in_lower_case(text: str, last: int) -> bool:
    """Does the line after the list's last line (ending at ``last``) start in lower case?"""
    return text[last + 1 : last + 2].islower() if last < len(text) else False
