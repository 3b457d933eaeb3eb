"""Grid rows: an item, a filler, its answer and perhaps a comment, read before the words.

Review-of-systems and screening grids set each item apart from its answer by a filler ConText cannot read:
dot, underscore or dash leaders ("Fever ........ N"), a table's bars ("| MSK | Bone pain | N |"), tabs, wide
gaps or a colon ("Cough/SOB: no / no"). Read as words, "Bone pain | N" states bone pain (the "N" closes no
scope, the leader's dots end the sentence before it). Here each line is cut into cells at its fillers, and a
cell made of answers (the yes/no words of ``context.yaml`` ``layout``, its negative and unsure answers,
repeated with a slash for a slashed item: "no / no"), perhaps followed by a comment ("Y - stable, known
HFrEF"), answers the item cells before it on the line, back to the previous answer:

- every answer negative: the item is negated (a mark, as ``layout.normalise_marked`` gives its labels);
- every answer yes: the item stands, and the answer is blanked, so that the row reads as prose with its
  comment ("Back pain    (chronic, known disc)"), where the usual cues explain it or not;
- a mixed ("no / yes") or unsure ("?", "unsure") answer: the item is uncertain, its symptoms confirmed.

A negative or uncertain answer becomes a cell bar ("|", a terminator of every scope), so that its word acts on
nothing else. A leader after a short label at a line's start is blanked wherever it stands, so that a row whose
answer is free text ("Neuropathy ..... mild, from TC, stable") reads as the prose it is. The text keeps its
length: every offset stays the note's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rightscan.adapters.text.blank_prompts import blank_words
from rightscan.adapters.text.firstchars import guard_fields
from rightscan.adapters.text.form_rows import EFFECT as UNREAD
from rightscan.adapters.text.form_rows import FORM_WORDING, overlaps, spans

Mark = tuple[int, int, str]

# a comment after the answers: a dash, comma or full stop and a space, or a bracket ("Y - stable", "no (never)";
# not "0.6 mg/dL" nor "0-10")
_COMMENT = r"[ \t]*(?:[-–—,;:.](?:[ \t]|$)|\()"
_STRONG = re.compile(r"[|\t]|[^\s:]{3}")  # a filler other than a gap or a colon: a bar, a tab, a leader
_UNREAD_CELL = re.compile(r"[xX✗✘✓✔☑☒■●•*]|\+{1,3}|\d{1,2}(?:[ \t]*/[ \t]*10)?")
_EMPTY_CELL = re.compile(r"\|[ \t]*\|")
_SENTENCE_END = re.compile(r"[.;!?][ \t]+(?=[^\n]*[A-Za-z]{2})")
# round 23e: a dot that ends no sentence in a label: after a single letter ("T. bili ..... 0.6", "S. ALP") or inside a
# word or a number ("CA 27.29 .... 88 H", "T.bili ....") -- an abbreviation, not prose before an ellipsis
_LABEL_DOTS = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]\.|\.(?=[A-Za-z0-9])")
LABEL_MAX_CHARS = 48  # a leader follows a short label starting its line ("Shortness of breath on exertion ....")


@dataclass(frozen=True, slots=True)
class Grid:
    filler: re.Pattern[str]  # what sets cells apart on a line (leaders, bars, tabs, wide gaps, a colon)
    leader: re.Pattern[str]  # a leader after a short label at a line's start (blanked)
    leaders: re.Pattern[str]  # any leader run
    unsure_answer: re.Pattern[str]  # an unsure answer after its item and a colon or dash ("Bone pain: ?")
    answer: re.Pattern[str]  # a cell of answers, perhaps with a comment
    one: re.Pattern[str]  # one answer
    yes: frozenset[str]
    no: frozenset[str]  # "n", "no" and the negative answers ("none", "neg", "denies" ...)
    bar: frozenset[str]  # the answers that become a cell bar: the yes/no words and the unsure answers
    negative_words: str  # the negative answers as a regex alternation (layout's ``answer_no`` reads them too)
    arrows: str  # round 13v-b: the arrows between a question and its answer, a regex alternation ("(?!)": none)
    receptor: re.Pattern[str] | None  # a receptor's name: its row states a status, not an answer
    # round 22n: an earlier item's own yes sign and a list's separator ("ROS: cough +ve, back pain: neg"): the item an
    # answer closes starts after it (the yes answered its own item, which the later "neg" does not reach)
    answered_before: re.Pattern[str] | None = None
    # round 23e: a template's blank left in a field ("Cough: ***   Headache: [select]   Fever: no"): an answer later on
    # the line answers only the items after the last blank (the blank's item is left to confirm, blank_prompts.py)
    template_blank: re.Pattern[str] | None = None


def _words(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def compile_grid(spec: Mapping[str, Sequence[str]], receptor_names: str | None = None) -> Grid:
    """The grid reader for the ``layout`` words of ``context.yaml``; ``receptor_names`` (a regex of the receptors'
    names) keeps a receptor's row ("PR (IHC) ...... negative") for the value rules."""
    # three or more of one leader character, spaced or not ("......", ". . . .", "____"; "...... -" is a leader
    # and a dash)
    leader = "|".join(rf"(?:{re.escape(c)}[ \t]?){{3,}}" for c in spec["leader_chars"]) or "(?!)"
    yes = [*spec["yes"], *spec["column_yes_signs"]]  # "+" and "-" answer a row as they head a column
    no = [*spec["no"], *spec["column_no_signs"], *spec["negative_answers"]]
    one = rf"(?:{_words([*yes, *no, *spec['unsure_answers']])})"
    # a word answer ends at a word's end; a sign ("?") at anything but another sign
    one = rf"{one}(?![A-Za-z0-9])"
    # round 39a: a leader of two characters ("Weakness/numbness .. no") only before an answer that ends its cell (the
    # line, a comment, a bar or a wide gap): "new weakness.. no better" or a sentence ending in ".." is prose
    short = "|".join(rf"(?<!{re.escape(c)}){re.escape(c)}{{2}}(?!{re.escape(c)})" for c in spec["leader_chars"])
    ends = rf"(?:[ \t]*(?:\r?\n|$|\|)|{_COMMENT}|[ \t]{{2,}}\S)"
    if short:
        leader += rf"|(?:{short})(?=(?i:[ \t]*{one}(?:[ \t]*/[ \t]*{one})*){ends})"
    leader = rf"(?:{leader})"
    # the label starts with a word, perhaps after a bullet ("- Fever ..... N"; not a rule "---- Reply")
    label = rf"^(?P<label>[ \t]*(?:[-*•][ \t]+)?[A-Za-z0-9(][^\n|]{{0,{LABEL_MAX_CHARS}}}?)(?P<leader>{leader})"
    arrows = _words(spec.get("answer_arrows", ())) or "(?!)"  # round 13v-b: "Numbness? -> no", "Fever? => ?"
    grid = Grid(
        filler=re.compile(rf"[ \t]*(?:\||\t|:(?=[ \t]|$)|{leader})[ \t]*|[ \t]{{2,}}"),
        leader=re.compile(label, re.MULTILINE),
        leaders=re.compile(leader),
        unsure_answer=re.compile(
            rf"(?<=[A-Za-z)?])(?:[ \t]*(?:{arrows}|[:=])|[ \t]+[-–—])[ \t]*"
            rf"(?:{_words(spec['unsure_answers'])})"
            r"(?=[ \t]*(?:$|[|;,.(]|\n)|[ \t]{2,}\S)",
            re.IGNORECASE | re.MULTILINE,
        ),
        # the answers, then the cell's end or a comment ("Y - stable", "no (never)", "none, ever")
        answer=re.compile(rf"(?P<answers>{one}(?:[ \t]*/[ \t]*{one})*)(?:{_COMMENT}[^\n]*)?", re.IGNORECASE),
        one=re.compile(one, re.IGNORECASE),
        yes=frozenset(w.lower() for w in yes),
        no=frozenset(w.lower() for w in no),
        bar=frozenset(w.lower() for w in (*spec["yes"], *spec["no"], *spec["unsure_answers"])),
        negative_words=_words(spec["negative_answers"]),
        arrows=arrows,
        receptor=re.compile(receptor_names, re.IGNORECASE) if receptor_names else None,
        answered_before=_answered_before(spec),
        template_blank=re.compile(blank_words(spec.get("template_blanks", ())), re.IGNORECASE),
    )
    return guard_fields(grid, ("filler", "leaders", "unsure_answer", "answer", "one", "receptor"))  # same matches


def blank_leaders(grid: Grid, original: str, text: str, chars: list[str], marks: list[Mark]) -> None:
    """Blank the leaders of each line whose first leader follows a short label at its start ("Fever ........ N"
    -> "Fever          N"; "Fever ..... N   Chills ..... N": both). A leader ending its line leads to no answer
    ("Bone pain ..........."): the label is marked unread (its symptoms are confirmed, never raised)."""
    for m in grid.leader.finditer(text):
        if "." in _LABEL_DOTS.sub("", m.group("label").rstrip(". \t")):
            continue  # a sentence before it: an ellipsis in prose, not a leader
        nl = text.find("\n", m.end())
        line_end = len(text) if nl < 0 else nl
        rewritten = text[m.start() : line_end] != original[m.start() : line_end]
        if rewritten and not _only_blanked(original, text, m.end(), line_end):
            continue  # a line the layout rewrote (signs, bars, words): read there
        # round 40a (v40 as-030): a row whose boxes the layout read and blanked ("Back pain ..... [x] Y  [ ] N  ->
        # chronic low back, DDD, unchanged"): its leader is blanked too, so that the item and the comment after its
        # answer read as one row of prose, where the usual cues explain it or not (the dots would end the sentence)
        for run in grid.leaders.finditer(text, m.start("leader"), line_end):
            chars[run.start() : run.end()] = [" "] * (run.end() - run.start())
        if not rewritten and not text[m.end() : line_end].strip():
            marks.append((m.start("label"), m.end("label"), UNREAD))


def _effect(grid: Grid, said: list[str]) -> str | None:
    """The effect of the answers on the item: negated when every one is negative, None when every one is yes,
    uncertain otherwise (a mix, an unsure answer)."""
    if all(a in grid.no for a in said):
        return "negated"
    if all(a in grid.yes for a in said):
        return None
    return "uncertain"


def read_rows(
    grid: Grid, original: str, text: str, chars: list[str], marks: list[Mark], asked: list[Mark] | None = None
) -> list[Mark]:
    """Answer the grid rows of ``text`` (``original`` after the layout's boxes and signs, leaders blanked):
    marks for the items a negative or uncertain answer closes are added to ``marks``, the answers rewritten in
    ``chars``. Lines the layout answered or rewrote before (a mark on them, "(-) cough" become "no  cough") are
    left alone. Returns the rows read, (start, end, "answered")."""
    answered: list[Mark] = []
    taken = spans(marks)
    pos = 0
    for line in text.splitlines(keepends=True):
        start, end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        if end - start < 3 or overlaps(taken, start, end) or _rewritten(grid, original, text, start, end):
            continue
        if _read_line(grid, original, text, chars, marks, start, end, asked):
            answered.append((start, end, "answered"))
    return answered


def _read_line(
    grid: Grid,
    original: str,
    text: str,
    chars: list[str],
    marks: list[Mark],
    start: int,
    end: int,
    asked: list[Mark] | None = None,
) -> bool:
    """Read one line's cells: each run of answer cells closes the item cells before it. Did it read a row?"""
    cells = _cells(grid, text, start, end)
    item: int | None = None  # where the item the next answer closes begins
    last = start  # the end of its last cell
    read = False
    k = 0
    while k < len(cells):
        a, b = cells[k]
        m = grid.answer.fullmatch(text, a, b) if k and item is not None else None
        if m is None:
            worded = re.search(r"[A-Za-z]{2}", text[a:b]) is not None
            # a mark, plus signs or a score set apart from the item by a bar, a tab or a leader ("| Bone pain | ✓ |",
            # "Bone pain ...... X", "Headache ..... ++"): an answer that cannot be read
            if item is not None and _UNREAD_CELL.fullmatch(text, a, b) and _STRONG.search(original, cells[k - 1][1], a):
                marks.append((item, end, UNREAD))  # the rest of the row too: its comment is no answer either
                item, read = None, True
                k += 1
                continue
            if item is None and worded and grid.answer.fullmatch(text, a, b) is None:
                item = a  # (a header's "Yes   No" is no item)
            last = b
            # an empty cell after the item ("| Bone pain |   |"): its answer cannot be read
            if item is not None and _EMPTY_CELL.search(text, b, cells[k + 1][0] if k + 1 < len(cells) else end):
                marks.append((item, end, UNREAD))
                item, read = None, True
            k += 1
            continue
        # the answers standing together ("Y   N" printed with neither chosen is no answer: uncertain)
        first, found = k, [m]
        while m.end("answers") == m.end() and k + 1 < len(cells):
            nxt = grid.answer.fullmatch(text, *cells[k + 1])
            if nxt is None:
                break
            found.append(nxt)
            m, k = nxt, k + 1
        k += 1
        if not _a_row(grid, original, text, cells, first, k, m.end("answers") < m.end()):
            item, last = None, cells[k - 1][1]
            continue  # prose written with wide blanks ("IDC.  No  new  bone  pain."): read as words
        assert item is not None
        if grid.receptor is not None and grid.receptor.search(text, item, last):
            item = None
            continue  # "ER ..... negative", "HER2 (IHC): 0": the receptor's status, read by the value rules
        said = [a.lower() for f in found for a in grid.one.findall(f.group("answers"))]
        effect = _effect(grid, said)
        # the words of a bare yes/no or unsure answer are rewritten: a yes blanked (the row reads as prose), the
        # others a cell bar (their word acts on nothing else); a word or sign that may belong to a value
        # ("negative", "0", the "-" of a lab table's empty column) stays for the value rules
        for f in found if all(x in grid.bar for x in said) else ():
            s, e = f.span("answers")
            chars[s:e] = [" "] * (e - s) if effect is None else [" "] * (e - s - 1) + ["|"]
        if effect is None and asked is not None:  # round 20c: the item is the form's question, answered yes
            asked.append((item, last, FORM_WORDING))
        if effect is not None:
            # the item starts after a sentence ending before it ("Onset: gradual. Trauma: N")
            ends = [x.end() for x in _SENTENCE_END.finditer(text, item, last)]
            begin = max(ends) if ends else item
            if grid.template_blank is not None:  # round 23e: not back past a blank ("Cough: ***   Fever: no")
                begin = max([begin, *(x.end() for x in grid.template_blank.finditer(original, begin, last))])
            marks.append((after_answered(grid, text, begin, last) if effect == "negated" else begin, last, effect))
        item, read = None, True
    return read


def _answered_before(spec: Mapping[str, Sequence[str]]) -> re.Pattern[str] | None:
    signs = [*spec.get("trailing_yes_words", ()), *spec["positive_signs"], *spec["column_yes_signs"]]
    if not signs:
        return None
    return re.compile(
        rf"(?<=[A-Za-z)])[ \t]*(?::[ \t]*)?(?:{_words(signs)})(?![A-Za-z0-9])[ \t]*[,/][ \t]*(?=[A-Za-z])",
        re.IGNORECASE,
    )


def after_answered(grid: Grid, text: str, start: int, end: int) -> int:
    """Where an item a later "no" closes begins in [start, end): after the last item answered yes before it
    ("cough +ve, back pain: neg", "SOB: pos / bone pain: nil"), else ``start``."""
    if grid.answered_before is None:
        return start
    ends = [x.end() for x in grid.answered_before.finditer(text, start, end)]
    return ends[-1] if ends else start


def _a_row(
    grid: Grid, original: str, text: str, cells: list[tuple[int, int]], first: int, after: int, comment: bool
) -> bool:
    """Do the answer cells ``first`` to ``after`` (excluded) answer the item before them as a grid row? Not when
    the item ends a sentence; and an answer set apart by a wide gap or a colon alone must end the line, or come
    before a comment, a bar, a tab or a leader, or before another item and its answer ("Cough: no  Fever: no")."""
    if text[slice(*cells[first - 1])].rstrip()[-1:] in (".", "!"):
        return False
    if comment or after >= len(cells) or _STRONG.search(original, cells[first - 1][1], cells[first][0]):
        return True
    if _STRONG.search(original, cells[after - 1][1], cells[after][0]):
        return True
    return after + 1 < len(cells) and grid.answer.fullmatch(text, *cells[after + 1]) is not None


def _cells(grid: Grid, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of each non-blank cell of a line, between its fillers."""
    cells = []
    a = start
    for f in grid.filler.finditer(text, start, end):
        if f.start() > a:
            cells.append((a, f.start()))
        a = max(a, f.end())
    if a < end and text[a:end].strip():
        cells.append((a, a + len(text[a:end].rstrip())))  # the cell holds a word: its blanks end inside it
    return cells


def _rewritten(grid: Grid, original: str, text: str, start: int, end: int) -> bool:
    """Did the layout rewrite the line before the grid reading (other than blanking its leaders)?"""
    if text[start:end] == original[start:end]:
        return False
    return grid.leaders.sub(lambda m: " " * len(m.group(0)), original[start:end]) != text[start:end]


def _only_blanked(original: str, text: str, start: int, end: int) -> bool:
    """Did the layout only blank characters of ``original[start:end]`` (a row's boxes read), writing nothing?"""
    return all(t == o or t == " " for o, t in zip(original[start:end], text[start:end], strict=True))
