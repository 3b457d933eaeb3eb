"""Round 22m: a stage category chosen by ticking one of its boxes ("cN: [ ] 0 [x] 1 [ ] 2", "N stage: 0( ) 1(X) 2( )").

A template's T, N or M field lists its categories, each with a box, the box before the category ("cT: [ ] 1 [x] 2",
"Clinical N  ☐N0 ☒N1") or after it ("T stage: 1( ) 2(X) 3( )", "N: N0 [ ] N1 [x] N2 [ ]"). Read box by box, a row
whose boxes follow their categories gave each box the category after it (the next one), or none at all, and the
first category was left standing as if chosen ("T stage: 1( ) 2(X)" read T1); two ticked boxes left the first
category read alone. Here a whole row is read at once, in the orientation its layout shows (the first box right
after the label: boxes before their categories; a category right after the label: boxes after):

- the ticked category is kept (its box blanked), every unticked one is blanked with its box, so the field reads
  "cN:        1" for the labelled category rules of values.yaml;
- two ticked or more: the label is blanked and each ticked category is kept with its letter ("N0   N1"), so that
  the categories read alone make the conflict the note holds (to confirm); a bare T category is not read alone, so a
  T row with two ticks states nothing;
- none ticked: the row is blanked (no category is stated).

The T, N and M letters, prefixes and categories are the AJCC notation itself; the text keeps its length.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Mark = tuple[int, int, str]

# the field's label: "cN", "N", "pT", "Clinical N", "N stage", "cM category", with its colon or a gap
_LABEL = (
    r"(?<![A-Za-z0-9])(?:(?:clinical|clin|pathologic(?:al)?|path)[ \t]+)?(?:yc|yp|c|p)?(?P<letter>[TNMtnm])"
    r"(?:[ \t]*(?:stage|category|cat))?(?:[ \t]*:[ \t]*|[ \t]+)"
)
# a category written with or without its letter: "1", "N1", "2a", "T1c", "is", "X", "1mi"
_CATEGORY = r"(?:[TNMtnm])?(?:is|[Xx]|0|1mi|[1-4][abcdABCD]?)(?![A-Za-z0-9])"


def compile_rows(box: str) -> tuple[tuple[re.Pattern[str], bool], ...]:
    """The row patterns, each with whether its boxes follow their categories; ``box`` has no named groups. A row
    whose categories carry their letter ("N0( ) N1(X)", "☐M0 ☒M1") needs no label; one of bare categories does."""
    before = rf"(?:{box})[ \t]*{_CATEGORY}"
    after = rf"{_CATEGORY}[ \t]*(?:{box})"
    sep = r"[ \t]*(?:[,/|][ \t]*)?"
    end = r"(?=[ \t]*(?:$|[|;]|[ \t]{2}))"
    lettered = r"(?P=letter)(?:is|[Xx]|0|1mi|[1-4][abcdABCD]?)(?![A-Za-z0-9])"
    first = r"(?<![A-Za-z0-9])(?P<letter>(?-i:[TNM]))(?:is|[Xx]|0|1mi|[1-4][abcdABCD]?)(?![A-Za-z0-9])"
    flags = re.MULTILINE
    return (
        (re.compile(rf"{_LABEL}(?P<options>{before}(?:{sep}{before})+){end}", flags), False),
        (re.compile(rf"{_LABEL}(?P<options>{after}(?:{sep}{after})+){end}", flags), True),
        (re.compile(rf"(?P<options>(?:{box})[ \t]*{first}(?:{sep}(?:{box})[ \t]*{lettered})+){end}", flags), False),
        (re.compile(rf"(?P<options>{first}[ \t]*(?:{box})(?:{sep}{lettered}[ \t]*(?:{box}))+){end}", flags), True),
    )


def read_rows(
    rows: tuple[tuple[re.Pattern[str], bool], ...],
    box: re.Pattern[str],
    is_checked: Callable[[str], bool],
    text: str,
    chars: list[str],
) -> tuple[list[Mark], bool]:
    """Blank the unticked categories of each category row in ``chars``; the rows left to confirm, as marks, and
    whether any row was read."""
    marks: list[Mark] = []
    taken: list[tuple[int, int]] = []
    for pattern, trailing in rows:
        if not any(b in text for b in "[(☐☑☒■□✓✔_"):
            break
        for row in pattern.finditer(text):
            if any(row.start() < e and s < row.end() for s, e in taken):
                continue
            taken.append(row.span())
            start, stop = row.span("options")
            boxes = list(box.finditer(text, start, stop))
            ticked = [b for b in boxes if is_checked(b.group(0))]
            # each box's category: the text up to the next box (boxes before) or back to the box before (after)
            cells = []
            for i, b in enumerate(boxes):
                if not trailing:
                    cells.append((b, (b.end(), boxes[i + 1].start() if i + 1 < len(boxes) else stop)))
                else:
                    cells.append((b, (boxes[i - 1].end() if i else start, b.start())))
            for b, (cs, ce) in cells:
                chars[b.start() : b.end()] = " " * (b.end() - b.start())
                if b not in ticked:
                    chars[cs:ce] = [c if c in "\n" else " " for c in text[cs:ce]]
            if len(ticked) > 1:  # two categories chosen: each stands alone, with its letter, for the conflict
                chars[row.start() : start] = " " * (start - row.start())  # no labelled rule reads the first alone
                letter = row.group("letter").upper()
                for b, (cs, ce) in cells:
                    if b in ticked:
                        _with_letter(chars, text, cs, ce, letter)
    return marks, bool(taken)


def _with_letter(chars: list[str], text: str, start: int, end: int, letter: str) -> None:
    """Write the axis letter before a category written without it ("1" -> "N1"), in the blank before it."""
    cell = text[start:end]
    at = start + len(cell) - len(cell.lstrip())
    if at < end and text[at].isalnum() and text[at].upper() not in "TNM" and at > 0 and chars[at - 1] == " ":
        chars[at - 1] = letter
