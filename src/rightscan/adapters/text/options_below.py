"""Round 30a (v31 zc-011): a screening tool's question on one line, its boxed answers on the line below.

A questionnaire prints its question, then a row of options each with its box, often with the option's score or a
follow-up prompt after it::

    1. Have you lost weight recently without trying?
       [x] No (0)   [ ] Unsure (2)   [ ] Yes -> how much? ____

The layout reads a Yes/No pair only when its two options stand side by side; a score between them ("No (0)") or a
third option ("Unsure") leaves the row unread, and the question's words were read as prose (a weight loss raised).
Here a row made only of boxed answer words (the layout's yes, no, negative and unsure answers; a score in brackets
and a comment after an arrow or a dash may follow an option) answers the question on the line above it, when that
line asks (it ends with a question mark or a colon) and has no box of its own. The ticked options decide: every one
negative negates the question's item, every one yes keeps it, anything else (an unsure answer, a yes and a no both
ticked, nothing ticked) leaves it to confirm.

Plain functions over the note's text; the answer words are the layout's (context.yaml), as form_rows reads them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from rightscan.adapters.text.question_clause import own_clause

Mark = tuple[int, int, str]
Box = tuple[int, int, bool]  # start, end, ticked

_LEAD = re.compile(r"[ \t]*(?:[-*•][ \t]*)?")
_SCORE = re.compile(r"[ \t]*\((?:\d{1,2}|[+-]?\d{1,2}[ \t]*(?:pts?|points?))\)")  # "No (0)", "Yes (2 pts)"
# "Yes -> how much? ____", "Yes - specify": the arrow or dash alone, the blanks before it stepped back over once
# (fifteenth pass F1: a leading "[ \t]*" searched between two boxes re-read a run of blanks from each of its
# characters, quadratic in one C call: "[x] fatigue" + 19,900 blanks + "[ ] cough" held the service 5 s)
_COMMENT = re.compile(r"->|→|=>|[ \t][-–—][ \t]")
_GAP = re.compile(r"[ \t]*")
_NUMBER = re.compile(r"[ \t]*(?:Q?\d{1,2}[.)]|[a-z][.)])[ \t]*", re.IGNORECASE)  # the question's item number
_ASKS = ("?", ":")
_ANY_BOX = re.compile(r"[\[☐☑☒■□]")  # a box the layout read on the question's line: that line is answered there


def options_below(
    answer: re.Pattern[str], effect: Callable[[str, bool], str | None], original: str, boxes: Sequence[Box]
) -> list[Mark]:
    """(start, end, effect) for each question answered by a row of boxed options on the line below it.

    ``answer`` matches answer words at a position (form_rows' ``Forms.answer``, group ``answers``); ``effect``
    turns the ticked answers ("no", "no/unsure") into the effect on the question (form_rows' ``_effect``)."""
    out: list[Mark] = []
    rows: dict[int, list[Box]] = {}
    for box in boxes:
        rows.setdefault(original.rfind("\n", 0, box[0]) + 1, []).append(box)
    for line_start, on_row in rows.items():
        ticked = _options(answer, original, line_start, on_row)
        if ticked is None or line_start == 0:
            continue
        question = _question_above(original, line_start, rows)
        if question is None:
            continue
        said = effect("/".join(ticked), True) if ticked else "uncertain"  # nothing ticked: unanswered
        if said is not None:
            out += own_clause(original, *question, said)
    return out


def _options(answer: re.Pattern[str], text: str, line_start: int, boxes: Sequence[Box]) -> list[str] | None:
    """The ticked options' words of a row made only of boxed answer words, or None when the row is anything else."""
    if len(boxes) < 2 or _LEAD.match(text, line_start).end() != boxes[0][0]:  # type: ignore[union-attr]
        return None
    line_end = text.find("\n", line_start)
    line_end = len(text) if line_end < 0 else line_end
    ticked: list[str] = []
    in_comment = False  # a blank to fill in a comment ("Yes - give details: ____") is no option
    for k, (_, b, is_ticked) in enumerate(boxes):
        stop = boxes[k + 1][0] if k + 1 < len(boxes) else line_end
        words_end = _comment_start(text, b, stop)  # the option's words end where a comment starts
        comment = words_end < stop
        pos = _GAP.match(text, b).end()  # type: ignore[union-attr]
        m = answer.match(text, pos, words_end)
        if m is None and in_comment:
            continue
        if m is None:
            return None
        in_comment = comment
        score = _SCORE.match(text, m.end(), words_end)
        if text[score.end() if score else m.end() : words_end].strip():
            return None  # other words on the row: not a row of options
        if is_ticked:
            ticked.append(m.group("answers").strip())
    return ticked


def _comment_start(text: str, begin: int, stop: int) -> int:
    """Where a comment after an option starts (its arrow or dash, with the blanks before it), or ``stop``."""
    comment = _COMMENT.search(text, begin, stop)
    if comment is None:
        return stop
    at = comment.start()
    while at > begin and text[at - 1] in " \t":
        at -= 1
    return at


def _question_above(text: str, line_start: int, rows: dict[int, list[Box]]) -> tuple[int, int] | None:
    """The question on the line above (blank lines skipped): its span past an item number, when it asks and has no
    box of its own."""
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip():
            break
        end = start - 1
    else:
        return None
    start = text.rfind("\n", 0, end) + 1
    body = text[start:end].rstrip()
    if start in rows or _ANY_BOX.search(body) or not body.endswith(_ASKS):
        return None
    begin = _NUMBER.match(text, start)
    begin_at = begin.end() if begin else start + len(text[start:end]) - len(text[start:end].lstrip())
    stop = start + len(body)
    return (begin_at, stop) if begin_at < stop else None


def _skip_blanks(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def unsure_follows(box: re.Pattern[str], answer: re.Pattern[str], yes_no: frozenset[str], text: str, end: int) -> bool:
    """Fifteenth pass F9: does a third boxed option of an unsure answer follow a Yes/No pair ending at ``end`` ("[ ]
    Yes   [ ] No   [x] Unsure")? Then the row is a row of options (read here), not a pair the layout reads: an
    unticked pair read alone denied the item."""
    b = box.match(text, _skip_blanks(text, end))
    m = answer.match(text, _skip_blanks(text, b.end())) if b else None
    return m is not None and any(w.strip().lower() not in yes_no for w in m.group("answers").split("/"))


def boxes_lead_options(box: re.Pattern[str], answer: re.Pattern[str], text: str, start: int, end: int) -> bool:
    """Is a pair read with each option before its box ("Yes [ ] No [x]", starting at ``start``) really a row whose
    boxes lead their options: a box right before its first option, an answer word right after its last box ("[ ] Yes
    [ ] No [x] Unsure": the "[x]" is Unsure's, not No's)?"""
    tail = text[max(0, start - 16) : start].rstrip(" \t")
    before = any(b.end() == len(tail) for b in box.finditer(tail))
    return before and answer.match(text, _skip_blanks(text, end)) is not None
