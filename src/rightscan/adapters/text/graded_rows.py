"""Round 20c: a symptom graded on a scale, its grade 0 (none) a denial, a grade of 1 or more a statement.

Toxicity grids (CTCAE), pain scores and severity rows answer each item with a grade, not a yes or a no:
"Pneumonitis (cough / dyspnea)   [x]0 [ ]1 [ ]2 [ ]3", "Cough: grade 0", "Dyspnea G0, fatigue G1", "Bone pain
0/10", "Headache  [x] none  [ ] mild  [ ] moderate  [ ] severe". Read as words, the item stands (a ticked box
chooses its label), and a grid of symptoms graded absent raised every one of them. Here:

- a row of boxes (not under a label that is itself a grade: "Grade:  [ ] 1  [ ] 2  [x] 3" is the tumour's), each
  with its grade (the grade after the box, "[x]0", "[x] G0", "( ) 1", or before it, "0[x]"),
  after the item's label: the single ticked box's grade answers the label. Grade 0 (``grade_absent``: none,
  absent) negates it; a grade of 1 or more (``grade_present``: mild, moderate, severe) leaves it standing as
  prose; no box ticked or several leave it uncertain (to confirm). A negated row's boxes and grades are blanked (its
  end a cell bar, so that nothing reaches past it); the others are read as the layout reads boxes. The row is
  "answered" for the guard of unread form rows;
- a grade written after the item ("Cough: grade 0", "Dyspnea - CTCAE G0", "Pneumonitis (cough, dyspnea): Gr 0",
  "Bone pain 0/10", "cough (grade 0)") that ends its cell (the line's end, a comma, a semicolon, a full stop, a
  bracket, a bar, a wide gap): grade 0 negates the item back to the line's start, the previous graded item, a
  sentence end or a comma outside brackets; a further score of the same item ("Back pain 0/10, 6/10 on walking")
  makes it uncertain. A prefixed grade 0 before the item ("G0 cough", "grade 0 dyspnea") negates the item after it,
  up to a comma. A grade of 1 or more changes nothing: the words already state the item. "0/10 at rest" is read as
  words (no cell end after it).

The words are data (``context.yaml`` ``layout``: ``grade_prefixes``, ``grade_absent``, ``grade_present``); the text
keeps its length and offsets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from rightscan.adapters.text.firstchars import guard_fields

Mark = tuple[int, int, str]
MAX_SCORE = 10
# a graded item's effect is applied after the scopes' spreading (pipeline): a grade answers its own item, and its
# denial must not travel along a list to the items joined to it ("bone pain, cough 0/10")
GRADED = "graded:"
# the largest grade of a scale read here (0-10 pain scores)


@dataclass(frozen=True, slots=True)
class Grades:
    option: re.Pattern[str]  # a box and its grade on a row (either order)
    row: re.Pattern[str]  # a label, then two or more boxed grades, then the line's end or a comment
    inline: re.Pattern[str]  # a grade written after an item, ending its cell
    before: re.Pattern[str]  # a grade 0 written before its item ("G0 cough")
    more: re.Pattern[str]  # a further score right after a grade, with no item between (", 6/10")
    graded: re.Pattern[str]  # a label that is itself a grade ("Grade:", "Nottingham grade"): the tumour's, left alone
    absent: frozenset[str]
    present: frozenset[str]
    join: re.Pattern[str] | None = None  # a word joining two items ("bone pain and cough 0/10"): one grade, one item


def _alts(words: Sequence[str]) -> str:
    return "|".join(r"[ \t]+".join(re.escape(p) for p in w.split()) for w in sorted(words, key=len, reverse=True))


def compile_grades(spec: Mapping[str, Sequence[str]], box: str) -> Grades | None:
    """The graded-row reader for the ``layout`` words; ``box`` is the layout's box pattern (no named groups)."""
    prefixes = [w for w in spec.get("grade_prefixes", ()) if w.strip()]
    absent = [" ".join(w.lower().split()) for w in spec.get("grade_absent", ()) if w.strip()]
    present = [" ".join(w.lower().split()) for w in spec.get("grade_present", ()) if w.strip()]
    joins = [w for w in spec.get("grade_item_joins", ()) if w.strip()]
    if not prefixes:
        return None
    prefix = rf"(?:CTCAE[ \t]*(?:v[ \t]?\d+(?:\.\d+)?[ \t]*)?)?(?:{_alts(prefixes)})"
    number = r"(?:10|\d)(?![\d.,]\d)"
    words = _alts([*absent, *present]) or "(?!)"
    # a grade beside a box: a number (perhaps "0/10"), a prefixed number ("G0", "Gr 1", "grade 2") or a severity word
    grade = rf"(?:(?:{prefix})[ \t]?)?{number}(?:[ \t]*/[ \t]*10)?(?![A-Za-z0-9])|(?:{words})(?![A-Za-z0-9])"
    option = rf"(?:{box})[ \t]*(?P<after>{grade})|(?P<before>{grade})[ \t]*(?:{box})"
    plain = re.sub(r"\?P<(?:after|before)>", "?:", option)
    # possessive blanks and a label that ends in a letter or a sign, so that no run of blanks can be split two ways
    # (a blank run read three ways cost the cube of its length: seventh security pass)
    row = (rf"^(?P<label>[ \t]*+(?:[-*•][ \t]++)?[A-Za-z(](?:[^\n\[\]]*?[^\s\[\]])?)(?:[ \t]*+[:|][ \t]++|[ \t]++)"
           rf"(?P<options>(?:{plain})(?:[ \t]*+(?:[/|,][ \t]*+)?(?:{plain}))++)"
           r"(?P<rest>(?:[ \t]{2,}+|[ \t]*+[-–—|;][ \t])[^\n]*|[ \t]*+)$")  # fmt: skip
    # a grade written after its item: a prefixed number or a score out of ten, ending its cell
    inline = (rf"(?<![A-Za-z0-9/])(?:{prefix})[ \t]?(?P<n1>{number})(?![ \t]*/[ \t]*\d)"
              rf"|(?<![A-Za-z0-9/.])(?P<n2>{number})[ \t]*/[ \t]*10(?!\d|\.\d)")  # fmt: skip
    inline += r"(?=[ \t]*\)|[ \t]*(?:$|[,;|]|\.(?!\d)|[ \t]{2,}\S))"  # ... ending its cell
    grades = Grades(
        option=re.compile(option, re.IGNORECASE),
        row=re.compile(row, re.IGNORECASE | re.MULTILINE),
        inline=re.compile(inline, re.IGNORECASE | re.MULTILINE),
        more=re.compile(
            rf"[ \t]*[,;/&+][ \t]*(?:(?:and|but|now|then|up to|to)[ \t]+)?(?:(?:{prefix})[ \t]?)?(?P<n>{number})",
            re.IGNORECASE,
        ),
        graded=re.compile(rf"(?<![A-Za-z0-9])(?:{_alts(prefixes)})(?![A-Za-z0-9])", re.IGNORECASE),
        before=re.compile(
            rf"(?P<grade>(?<![A-Za-z0-9/])(?:{prefix})[ \t]?0(?![\d/.,]))[ \t]+(?P<item>[A-Za-z][^,;|\n.()]*)",
            re.IGNORECASE,
        ),
        absent=frozenset(absent),
        present=frozenset(present),
        join=re.compile(rf"(?<![A-Za-z0-9])(?:{_alts(joins)})(?![A-Za-z0-9])", re.IGNORECASE) if joins else None,
    )
    return guard_fields(grades, ("option", "inline", "before", "more", "graded"))  # same matches, tried faster


def _is_zero(grades: Grades, grade: str) -> bool | None:
    """Does a grade say absent (True), present (False), or is it no grade (None)?"""
    said = " ".join(grade.lower().split())
    if said in grades.absent:
        return True
    if said in grades.present:
        return False
    digits = re.findall(r"\d+", said)
    if not digits or int(digits[0]) > MAX_SCORE:
        return None
    return int(digits[0]) == 0


def _graded_item(grades: Grades, text: str, start: int, end: int, status: str, last: bool = True) -> list[Mark]:
    """The marks of a graded item ``text[start:end]``. A grade answers one item: where a comma or a joining word
    ("and", "with") stands in it outside brackets, the grade answers the item next to it (the last one when the grade
    follows, ``last``; the first one when it leads) and the items before (or after) it are left to confirm, never
    denied by a grade that was not theirs ("New bone pain in the hip and cough 0/10": the bone pain to confirm)."""
    cuts = []
    for m in _separators(grades, text, start, end):
        segment = text[start : m[0]]
        if segment.count("(") - segment.count(")") <= 0:
            cuts.append(m)
    if not cuts:
        return [(start, end, GRADED + status)]
    cut = cuts[-1] if last else cuts[0]
    head, tail = (start, cut[0]), (cut[1], end)
    graded, other = (tail, head) if last else (head, tail)
    out = [(*_trimmed(text, *graded), GRADED + status)]
    if re.search(r"[A-Za-z]{2}", text[other[0] : other[1]]):
        out.append((*_trimmed(text, *other), GRADED + "uncertain"))
    return out


def _separators(grades: Grades, text: str, start: int, end: int) -> list[tuple[int, int]]:
    found = [(m.start(), m.end()) for m in _COMMA.finditer(text, start, end)]
    if grades.join is not None:
        found += [(m.start(), m.end()) for m in grades.join.finditer(text, start, end)]
    return sorted(found)


_COMMA = re.compile(r",")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    part = text[start:end]
    return start + len(part) - len(part.lstrip()), start + len(part.rstrip())


def _blank(chars: list[str], start: int, end: int, bar: bool = False) -> None:
    chars[start:end] = [" "] * (end - start)
    if bar and end > start:
        chars[end - 1] = "|"


def read_grades(
    grades: Grades, text: str, chars: list[str], ticked: Callable[[str], bool], box: re.Pattern[str]
) -> tuple[list[Mark], list[Mark]]:
    """The labels graded rows answer (negated or uncertain) and the rows read ("answered"), reading ``text`` (the
    note) and blanking boxes and grades in ``chars``."""
    marks: list[Mark] = []
    answered: list[Mark] = []
    for row in grades.row.finditer(text) if any(c in text for c in "[(☐☑☒■□") else ():
        a, b = row.span("options")
        if grades.graded.search(row["label"]):
            continue  # "Grade:  [ ] 1  [ ] 2  [x] 3": the tumour's grade, read by the value rules
        chosen: list[bool | None] = []
        for opt in grades.option.finditer(text, a, b):
            grade = opt.group("after") or opt.group("before") or ""
            boxed = box.search(text, opt.start(), opt.end())
            if boxed is not None and ticked(boxed.group(0)):
                chosen.append(_is_zero(grades, grade))
        label = (row.start("label") + len(row["label"]) - len(row["label"].lstrip(" \t-*•")), row.end("label"))
        if len(chosen) == 1 and chosen[0] is True:
            marks += _graded_item(grades, text, *label, "negated")
            _blank(chars, row.end("label"), b, bar=True)
        elif len(chosen) != 1 or chosen[0] is None:
            marks.append((*label, GRADED + "uncertain"))
        # a grade of 1 or more: the boxes read as the layout reads them (the ticked grade stays, "Nottingham score
        # [ ] G1 [x] G2" keeps the tumour's grade), the label stands
        answered.append((row.start(), row.end(), "answered"))
    if any(c.isdigit() for c in text):
        marks += _inline(grades, text, chars, answered)
    return marks, answered


_LEAD = " \t:=|-–—(._·…"  # what may stand between an item and its grade (a leader too)
_LABEL_STOP = re.compile(r"[;|\n]|[.!?](?=[ \t])")


def _label_back(text: str, floor: int, end: int, commas: bool = True) -> int:
    """Where the item before a grade at ``end`` starts: after the last stop (a semicolon, a bar, a sentence end), or
    a comma outside brackets (``commas``), at or after ``floor``."""
    depth = 0
    k = end - 1
    while k >= floor:
        ch = text[k]
        if ch == ")":
            depth += 1
        elif ch == "(":
            depth = max(0, depth - 1)
        elif (commas and ch == "," and depth == 0) or _LABEL_STOP.match(text, k):
            return k + 1
        k -= 1
    return floor


def _inline(grades: Grades, text: str, chars: list[str], answered: list[Mark]) -> list[Mark]:
    marks: list[Mark] = []
    taken = [(s, e) for s, e, _ in answered]
    last = -1  # the end of the previous graded item on the line
    for m in grades.inline.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        start = text.rfind("\n", 0, m.start()) + 1
        stop = len(text[: m.start()].rstrip(_LEAD))  # the item ends before the colon, dash or bracket leading the grade
        begin = _label_back(text, max(start, last), stop)
        clause = _label_back(text, max(start, last), stop, commas=False)
        label = (begin + len(text[begin:stop]) - len(text[begin:stop].lstrip()), stop)
        if not re.search(r"[A-Za-z]{2}", text[label[0] : label[1]]) or grades.graded.search(text, *label):
            continue  # a second score of the item before, read with it; or a grade's own name ("Grade: G1")
        last = m.end()
        if int(m.group("n1") or m.group("n2")) != 0:
            continue  # the words already state the item
        # a further score of the same item after it ("Back pain 0/10, 6/10 on walking"): the item is uncertain
        more = _scores_after(grades, text, m.end())
        if any(more):
            marks.append((*label, GRADED + "uncertain"))
            continue
        marks += _graded_item(grades, text, *_trimmed(text, clause, stop), "negated")
        _blank(chars, *m.span(), bar=True)
    for m in grades.before.finditer(text):  # "G0 cough", "grade 0 dyspnea": the item after the grade
        if not any(s <= m.start() < e for s, e in taken):
            item = (m.start("item"), m.start("item") + len(m.group("item").rstrip()))
            marks += _graded_item(grades, text, *item, "negated", last=False)
            _blank(chars, *m.span("grade"))
    return marks


def _scores_after(grades: Grades, text: str, pos: int) -> list[int]:
    """The scores that follow a grade at ``pos`` with no item between ("0/10, 6/10 on walking": [6])."""
    out: list[int] = []
    while (m := grades.more.match(text, pos)) is not None:
        out.append(int(m.group("n")))
        pos = m.end()
    return out
