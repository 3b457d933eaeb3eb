"""The row of a table whose header names two options ("Symptom     Yes    No") and whose rows carry a bare mark
under one of them ("Bone pain          X"), read in a time linear in the row; ``marks_under_columns`` answers
the rows (called by ``layout``)."""

from __future__ import annotations

import re
from collections.abc import Collection

from rightscan.adapters.text.box_answers import lines_below, option_span, options_of

_MARK_CHARS = "xX✓✔*"


def column_mark_row(text: str, pos: int, end: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """A row of a label and bare marks, each after two or more blanks ("Bone pain       X"): the label's and the
    marks' spans, or None. The marks are peeled from the row's end, so the cost is the row's length (a regular
    expression with a lazy label cost its square on a long row of marks: seventh security pass)."""
    stop = end
    while stop > pos and text[stop - 1] in " \t":
        stop -= 1
    lead = pos
    while lead < stop and text[lead] in " \t":
        lead += 1
    k = stop
    while k > lead and text[k - 1] in _MARK_CHARS:
        b = k - 1
        while b > lead and text[b - 1] in " \t":
            b -= 1
        if k - 1 - b < 2 or b <= lead:
            break
        k = b
    if k == stop or k <= lead or text[lead] in "[]()" or any(c in "[]()\n" for c in _QUALIFIER.sub("", text[lead:k])):
        return None
    return (lead, k), (k, stop)


# fifteenth pass F7: a bracketed qualifier of two or more characters with a letter is still the row's label
# ("Distant metastases (bone, liver)", "Bone pain [hips/back]"); a box ("[x]", "( )") is not, nor an unclosed bracket
_QUALIFIER = re.compile(
    r"\((?=[^()\[\]\n]*[A-Za-z]{2})[^()\[\]\n]{2,}\)|\[(?=[^()\[\]\n]*[A-Za-z]{2})[^()\[\]\n]{2,}\]"
)


# round 21a: under a header naming a further column ("INCLUSION   Y   N   Source / comment"), a row's label may hold a
# bracketed word ("Inflammatory breast ca (cT4d)") and its mark may be followed by that column's text ("X   H&P 4/24")
_COMMENTED_ROW = re.compile(
    r"[ \t]*(?P<label>[^\s\[\]()](?:[^\n\[\]()]|\([^\n()]{2,}\))*?)(?P<marks>(?:[ \t]{2,}[xX✓✔*](?![^ \t]))+)"
    r"(?:[ \t]{2,}[^ \t\n][^\n]*)?[ \t]*$"
)
# a table's row is short; the pattern above costs the square of a row's length, so a longer line is no such row
COMMENTED_ROW_MAX = 240


def commented_mark_row(text: str, pos: int, end: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """A row of a table with a comment column: the label's and the marks' spans, or None."""
    if end - pos > COMMENTED_ROW_MAX:
        return None
    row = _COMMENTED_ROW.fullmatch(text, pos, end)
    if row is None:
        return None
    return (row.start("label"), row.end("label")), (row.start("marks"), row.end("marks"))


def relatives_heading(words: Collection[str]) -> re.Pattern[str] | None:
    """The words of a title naming a family history, as one pattern (None without words)."""
    if not words:
        return None
    ordered = sorted(words, key=len, reverse=True)
    alternation = "|".join(r"[ \t]+".join(re.escape(w) for w in p.split()) for p in ordered)
    return re.compile(rf"(?<![A-Za-z])(?:{alternation})(?![A-Za-z])", re.IGNORECASE)


# round 31a (v32 dc-015): a row that writes the option's own letter under its column and leaves the other cell with a
# placeholder ("Back pain?        Y    .    new since Sept", "Cough > 3 weeks?     .    N"); a comment may follow
_LETTER_ROW = re.compile(
    r"[ \t]*(?P<label>[^\s\[\]()][^\n\[\]()]*?)"
    r"(?P<cells>[ \t]{2,}(?P<c1>[A-Za-z]{1,3}|[._·-])[ \t]{2,}(?P<c2>[A-Za-z]{1,3}|[._·-]))(?![^ \t\n])"
    r"(?:[ \t]{2,}[^ \t\n][^\n]*)?[ \t]*"
)
_PLACEHOLDERS = "._·-"


def letter_row(
    text: str, pos: int, end: int, options: tuple[str, str], centre: dict[str, float]
) -> tuple[tuple[int, int], tuple[int, int], bool | None] | None:
    """A row answered by writing the option's letter under its own column, the other cell a placeholder: the
    label's span, the letter's span, and whether the letter is the first option's; that last is None when the row
    has the shape but its answer cannot be told (both cells letters or both placeholders, a letter that is no
    option, or one under the other option's column): the row is then left to confirm. None: no such row."""
    if end - pos > COMMENTED_ROW_MAX:
        return None
    row = _LETTER_ROW.fullmatch(text, pos, end)
    if row is None:
        return None
    label = (row.start("label"), row.end("label"))
    cells = [k for k in ("c1", "c2") if row.group(k) not in _PLACEHOLDERS]
    if len(cells) != 1:
        return label, row.span("cells"), None
    k = cells[0]
    word = row.group(k).lower()
    chosen = [n for n, option in enumerate(options, 1) if option.lower() == word]
    at = row.start(k) - pos
    if len(chosen) != 1 or min(centre, key=lambda c: abs(at - centre[c])) != f"o{chosen[0]}":
        return label, row.span("cells"), None  # no option, or a letter under the other column: cannot be read
    return label, row.span(k), chosen[0] == 1


_COLUMN_MARK = re.compile(r"[xX✓✔*]")
_SUBHEADING = re.compile(r"[ \t]*[A-Z][A-Z /&-]{2,40}:?[ \t]*")


def marks_under_columns(
    columns: re.Pattern[str],
    yes: Collection[str],
    text: str,
    chars: list[str],
    marks: list[tuple[int, int, str]],
    relatives: re.Pattern[str] | None = None,
) -> list[tuple[int, int, str]]:
    """A table whose header names the two options ("Symptom     Yes    No") and whose rows carry a bare mark under
    one of them ("Bone pain          X"): the mark's column answers the row. A mark nearer the No column negates the
    row's label, one nearer Yes leaves it; two marks, a mark midway, or a tab in the row (its columns cannot be
    measured) leave the answer uncertain. The marks themselves are blanked. Returns the rows it answered.

    Round 31s (fifteenth security pass F3): a header whose title before the options names a family history
    (``relatives``, context.yaml ``layout.family_headings``: "FAMILY HISTORY    Yes   No", "Family hx (1st degree)
    Y  N") makes every row the relatives': a relative's metastases or seizures are never the patient's M1 or red
    flag, whichever column is marked."""
    answered: list[tuple[int, int, str]] = []
    for head in columns.finditer(text):
        line_start = text.rfind("\n", 0, head.start()) + 1
        options = options_of(head)
        if "\t" in text[line_start : head.end()] or options is None:
            continue
        spans = {f"o{k}": option_span(head, k) for k in (1, 2)}
        family = relatives is not None and relatives.search(text, line_start, spans["o1"][0]) is not None
        centre = {k: (a + b) / 2 - line_start for k, (a, b) in spans.items()}
        commented = bool(text[spans["o2"][1] : head.end()].strip())  # the header names a further column
        before = len(answered)
        for pos, end in lines_below(text, head.end() + 1):
            row = commented_mark_row(text, pos, end) if commented else column_mark_row(text, pos, end)
            if row is None and commented and _SUBHEADING.fullmatch(text, pos, end):
                continue
            lettered = letter_row(text, pos, end, options, centre) if row is None else None
            if lettered is not None:  # round 31a: the option's own letter under its column
                label, (a, b), first = lettered
                if first is None:  # its cells are blanked too: a letter left would answer the row ("Cough? N")
                    marks.append((*label, "uncertain"))
                elif options[0 if first else 1].lower() not in yes:
                    marks.append((*label, "negated"))
                answered.append((pos, end, "answered"))
                chars[a:b] = [" "] * (b - a)
                for a, b in spans.values():
                    chars[a:b] = [" "] * (b - a)
                continue
            if row is None:
                break
            label, (marks_start, marks_end) = row
            found = list(_COLUMN_MARK.finditer(text, marks_start, marks_end))
            near = {min(centre, key=lambda k: abs(m.start() - pos - centre[k])) for m in found}
            # within a character of midway: which column the mark stands under cannot be told
            tie = any(abs(abs(m.start() - pos - centre["o1"]) - abs(m.start() - pos - centre["o2"])) <= 1
                      for m in found)  # fmt: skip
            if "\t" in text[pos:end] or len(near) != 1 or tie:
                marks.append((*label, "uncertain"))
            elif options[int(near.pop()[1]) - 1].lower() not in yes:
                marks.append((*label, "negated"))
            if family:
                marks.append((*label, "family"))
            answered.append((pos, end, "answered"))
            for m in found:
                chars[m.start()] = " "
            for a, b in spans.values():  # the titles are read: their "No" must not act as a cue on the rows below
                chars[a:b] = [" "] * (b - a)
        if len(answered) > before:
            _header_unanswered(text, line_start, spans["o1"][0], marks)
    return answered


def _header_unanswered(text: str, start: int, end: int, marks: list[tuple[int, int, str]]) -> None:
    """The words before a header's options once its options are blanked: a title ("Symptom") or the grid's first
    row left unanswered ("Headaches    Y  N" over "Cough    Y  N"), never a finding the patient has (round 38,
    a first row of an unanswered grid had read as present)."""
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t:":
        end -= 1
    if any(c.isalpha() for c in text[start:end]):
        marks.append((start, end, "uncertain"))


def relatives_box_rows(
    columns: re.Pattern[str],
    row: re.Pattern[str],
    relatives: re.Pattern[str] | None,
    text: str,
    marks: list[tuple[int, int, str]],
) -> None:
    """Round 31s (F3): the rows of a two-box Yes/No table under a title naming a family history ("FAMILY HISTORY
    Yes   No" over "Bone metastases    [x]   [ ]"): each row's label, before its boxes, is the relatives'. The boxes
    are answered by ``layout`` as in any such table (box_answers.column_rows)."""
    if relatives is None:
        return
    for head in columns.finditer(text):
        line_start = text.rfind("\n", 0, head.start()) + 1
        if options_of(head) is None or relatives.search(text, line_start, option_span(head, 1)[0]) is None:
            continue
        for pos, line_end in lines_below(text, head.end() + 1):
            boxes = row.search(text, pos, line_end)
            if boxes is None:
                break
            if boxes.start() > pos:
                marks.append((pos, boxes.start(), "family"))
