"""Round 10a: the answer words a pair of boxes may carry, and the label a pair answers when it closes a list.

A Yes/No pair is not always written with "Yes" and "No": an abstraction form or a templated review of systems
answers "[ ] yes [x] none documented", "[ ] present [x] nil", "[ ] Y [x] neg". Any negative answer word of a grid
row (``layout.negative_answers`` in context.yaml, the words "Item: none" is read with) is also the No option of a
pair; the numbers of that list ("0", "0/10": a scale's score) are no option of a box.

A pair that closes a question naming several symptoms ("Symptoms at staging (bone pain, abnormal LFTs, neuro
sx): [ ] yes [x] none documented"; "Bone pain, headache or cough? [ ] Y [x] N") answers the whole question, not
only the last item after the last comma: a label that asks (ending with a colon or a question mark) reaches back
over the commas of its line, up to the line's start or the previous box (whose own answer ends what it labels).
Without the colon or question mark the pair answers its own item only ("c/o back pain since May, fever [ ] Y [x]
N": the back pain is not denied).

Plain functions over the note's text; the words are data (context.yaml), as layout.py reads them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence

Label = tuple[int, int]
QUESTION_ENDS = (":", "?")  # a label that asks ("... (bone pain, headache):", "bone pain or cough?") before its pair
LABEL_WORD = re.compile(r"\w|[+\-−]")  # a character a label may start with (a word, or a sign: "+ve", "-")


def absent_options(spec: Mapping[str, Sequence[str]]) -> list[str]:
    """The negative answer words that may stand as a box's option: those of ``negative_answers`` without a digit."""
    return [w for w in spec.get("negative_answers", ()) if not any(c.isdigit() for c in w)]


def option_words(yes: Sequence[str], no: Sequence[str], absent: Sequence[str]) -> str:
    """A regex alternation of a pair's option words, the longest first ("none documented" before "none", "no")."""
    return "|".join(re.escape(w) for w in sorted({*yes, *no, *absent}, key=len, reverse=True))


def over_list(text: str, start: int, before: Callable[[int], Label | None], box: re.Pattern[str]) -> Label | None:
    """The label a pair starting at ``start`` answers, widened back over the commas of a list on its line: while
    the label starts right after a comma, the segment before the comma joins it, unless a box stands in that
    segment (the item before has an answer of its own) or the line starts there. ``before(pos)`` is the label
    that ends at ``pos`` (layout's segment reader)."""
    label = before(start)
    if label is None:
        return None
    begin, stop = label
    if not text[begin:stop].rstrip().endswith(QUESTION_ENDS):
        return label  # "c/o back pain since May, fever [ ] Y [x] N": the pair answers its own item only
    while begin > 0 and text[begin - 1] == ",":
        prev = before(begin - 1)
        if prev is None or "\n" in text[prev[0] : begin] or box.search(text, prev[0], begin - 1):
            break
        begin = prev[0]
    return begin, stop


_COMMA_NEXT = re.compile(r"[ \t]*,")


def answer_cell(text: str, end: int) -> str:
    """What a pair answering the label before it becomes: a cell bar when a comma follows it ("Bone pain [x] Y [ ] N,
    headache [ ] Y [x] N"; "Headache [ ] Y [x] N, bone pain [x] Y [ ] N": one item's answer must not reach the next
    over a list), else nothing (a comment after it, "-> tension type", still speaks of its item)."""
    return "|" if _COMMA_NEXT.match(text, end) else ""


# moved from layout.py (round 20c, its size): a two-column Yes/No table's header and rows
def options_of(head: re.Match[str]) -> tuple[str, str] | None:
    """A column header's two options, words ("Y   N") or signs ("+   -"); two signs alike answer nothing."""
    if head.group("o1") is not None:
        return head.group("o1"), head.group("o2")
    o1, o2 = head.group("s1"), head.group("s2")
    return None if o1 == o2 else (o1, o2)


def option_span(head: re.Match[str], k: int) -> tuple[int, int]:
    name = f"o{k}" if head.group("o1") is not None else f"s{k}"
    return head.span(name)


def lines_below(text: str, pos: int) -> Iterator[tuple[int, int]]:
    """The start and end of each line from ``pos`` on (the rows under a table's header; the caller stops at the
    first line that is no row)."""
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        yield pos, end
        pos = end + 1


def column_rows(
    columns: re.Pattern[str], row: re.Pattern[str], text: str
) -> list[tuple[tuple[int, int], str, str, str, str]]:
    """The rows of a two-column Yes/No table: after a header line ending with the two options, each
    following line whose first two boxes stand side by side answers in the header's order; the table
    ends at the first line without them."""
    found = []
    for head in columns.finditer(text):
        options = options_of(head)
        if options is None:
            continue
        for pos, line_end in lines_below(text, head.end() + 1):
            m = row.search(text, pos, line_end)
            if m is None:
                break
            found.append((m.span(), *options, m.group("b1"), m.group("b2")))
    return found


_COMMENT_OPEN = re.compile(r"[ \t]*\(")


def comment_end(text: str, end: int) -> int:
    """Round 26 (v26 blind): the end of a bracketed comment that opens right at ``end`` and closes on its line (an
    answer's comment: "[x] No (denies; abdo soft, non-tender)"), or ``end`` itself."""
    opened = _COMMENT_OPEN.match(text, end)
    if opened:
        line_end = text.find("\n", end)
        close = text.find(")", opened.end(), len(text) if line_end < 0 else line_end)
        if close >= 0:
            return close + 1
    return end
