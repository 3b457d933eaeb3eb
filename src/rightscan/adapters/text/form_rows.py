"""Form rows whose marking the layout could not read: their symptoms are confirmed, never raised.

A review-of-systems table comes in more layouts than the layout reader knows: a Markdown table with an X in
its "No" column, "Present / Absent" columns with the X under one of them, a cross or a tick after the item
("Bone pain ✗"). Read as words, "Bone pain | | X" states bone pain, and a red flag raised from a row the form
answers "no" is the unsafe answer the brief names first. So a row that looks like a form's answer (a lone mark
in a cell of its own, or a tick or cross glyph ending the row), that has no box of the kinds the layout reads,
and that the layout gave no answer gets the effect ``unread_mark``: a symptom on it goes to ``to_confirm``
(the answer waits, naming it) instead of being raised or dropped. Other facts on the row are unaffected (the
effect means nothing to them in ``context.yaml``), so "Grade 2" in a synoptic table reads as before.

A grid row whose answer cell is empty or holds no answer the grid reader knows ("| Bone pain |   |",
"Bone pain ..........", "Headache ...... X") gets the same effect from ``grid_rows``, which knows its cells.

Rows with boxes (``read_forms``). The layout reads a box by where it stands: a ticked box chooses the words
after it ("[x] Bone scan") or, with none after it, the words before it ("Chills   [x]"); an unticked box blanks
them. Forms put boxes in more ways than that, and these are read here, after the layout:

- a box followed by an answer word ("Bone pain [ ] no   Joint stiffness [x] yes", "SOB      [ ] no"): the word
  answers the label before the box (a negative word negates it whether the box is ticked or not, a yes
  stands only with its box ticked, an unticked yes or an unsure word leaves it uncertain);
- a question in quotes answered after a dash or colon ('"Any bone pain?" - no.'): the answer closes the
  question, as "Bone pain - no" does;
- a question answered by a row of boxed options on the line below it ("Lost weight without trying?" then "[x] No
  (0)   [ ] Unsure (2)   [ ] Yes"; round 30a, ``options_below``);
- an unticked box leading its line labels the whole line, not only its first clause ("[ ] Headaches that
  persist, vision changes": the layout's label ends at the comma);
- a heading of what to report should it happen ("SYMPTOMS TO REPORT (call us if you develop):", "CALL US AT
  555-0100 IF YOU HAVE:") covers the list below it (``hypothetical_lists``): ConText's scope ends at the line
  break, the heading's meaning does not;
- before all these, a negation that speech recognition wrote as other words is rewritten as said ("she the nights
  headache": "she denies headache"; ``dictation``);
- the guard: a row with boxes that the layout did not answer (no mark, no Yes/No pair, no column of its
  header), on which a label still stands that no ticked box beside it chooses ("Bone pain   [ ]  [X]" under
  a header the layout does not know; "SOB [ ] mild") gets ``unread_mark``: its symptom is confirmed, never
  raised.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rightscan.adapters.text.blank_prompts import blank_prompts, compile_blanks
from rightscan.adapters.text.dictation import Misheard, compile_misheard, hear
from rightscan.adapters.text.firstchars import guard_fields
from rightscan.adapters.text.hypothetical_lists import Headings, compile_headings, hypothetical_lists
from rightscan.adapters.text.options_below import options_below
from rightscan.adapters.text.rules import Rules
from rightscan.adapters.text.scale_rows import Scales, compile_scales, read_scales
from rightscan.adapters.text.spoken import Spoken, compile_spoken, speak

Mark = tuple[int, int, str]
EFFECT = "unread_mark"
# round 20c: a form's printed question answered yes ("New cough   [x]Yes [ ]No", "New cough: Yes - had a cold"): its
# words are the form's, so a warning qualifier printed in it ("New", "Worsening") is not the writer's and explains
# nothing away (pipeline.py drops such a cue's warning; the answer's own words keep theirs)
FORM_WORDING = "form_wording"
_CELL_GAP = re.compile(r"[ \t]*\|[ \t]*|[ \t]{2,}|\t")
_BOXES = re.compile(r"[\[(☐☑☒■□]")
_LONE_MARK = re.compile(r"[xX✗✘✓✔•●01]")
# a column of ticks alone stays to confirm ("Denies:\nheadache ✓\nbone pain ✓": ticked as denied); a tick beside
# crosses or signs is the yes, answered by trailing_signs.py (round 50g)
_GLYPH_AT_END = re.compile(r"[A-Za-z)][ \t]+(?:[✗✘☓✓✔•●]|[xX])[ \t]*$")


def unread_rows(
    original: str, marks: Sequence[Mark], boxes: Sequence[tuple[int, int, bool]] = (), current: str | None = None
) -> list[Mark]:
    """(start, end, ``unread_mark``) for each form-like row of ``original`` to which the layout gave no label in
    ``marks``: a row without boxes that looks answered by a lone mark or a glyph; a row with ``boxes`` (start, end,
    ticked) on which a label stands in ``current`` (the layout's text) that no ticked box beside it chooses."""
    out: list[Mark] = []
    taken = spans(marks)
    starts = [b[0] for b in boxes]
    pos = 0
    for line in original.splitlines(keepends=True):
        start, end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        body = original[start:end]
        if not body.strip():
            continue
        if _BOXES.search(body):
            on_row = boxes[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
            if on_row and current is not None:
                out += _unread_box_labels(original, current, start, end, on_row, taken)
            continue  # a row of boxes: read above, by the layout or named uncertain
        if overlaps(taken, start, end):
            continue  # a row the layout answered
        cells = [c for c in _CELL_GAP.split(body.strip()) if c]
        lone = len(cells) >= 2 and any(ch.isalpha() for ch in cells[0])
        if (lone and any(_LONE_MARK.fullmatch(c) for c in cells[1:])) or _GLYPH_AT_END.search(body):
            out.append((start, end, EFFECT))
    return out


_Spans = tuple[list[int], list[int]]


def spans(marks: Sequence[tuple[int, int, str]]) -> _Spans:
    """The marks' starts, sorted, and the furthest end reached by the marks up to each (for ``overlaps``: a
    note's rows are checked against its marks in one pass each, not every row against every mark)."""
    ordered = sorted((s, e) for s, e, _ in marks)
    reach, furthest = [], -1
    for _, e in ordered:
        furthest = max(furthest, e)
        reach.append(furthest)
    return [s for s, _ in ordered], reach


def overlaps(taken: _Spans, start: int, end: int) -> bool:
    """Does a mark of ``spans`` overlap [start, end)?"""
    starts, reach = taken
    k = bisect.bisect_left(starts, end)
    return k > 0 and reach[k - 1] > start


# --- Rows with boxes (read_forms) ---------------------------------------------------------------------------

_CELL = re.compile(r"[^\s|✓✔](?:[^\s|✓✔]|[ ](?=[^\s|✓✔]))*")  # a run of words on a row, single spaces inside
_WORDED = re.compile(r"[A-Za-z]{2}")
_BLANK = re.compile(r"[\s✓✔]*")


def _unread_box_labels(
    original: str, current: str, start: int, end: int, boxes: Sequence[tuple[int, int, bool]], taken: _Spans
) -> list[Mark]:
    """The labels still standing on a row with boxes that no ticked box beside them chooses: next to an unticked
    box only (its answer was read by nothing), or next to boxes standing side by side (the columns of a header
    the layout does not know: which of them says yes cannot be told)."""
    row = list(current[start:end])
    for a, b, _ in boxes:  # the boxes themselves are no words, whatever the layout left of them
        row[a - start : b - start] = [" "] * (b - a)
    line = "".join(row)
    out: list[Mark] = []
    ends, box_starts = [e for _, e, _ in boxes], [s for s, _, _ in boxes]
    for cell in _CELL.finditer(line):
        a, b = start + cell.start(), start + cell.end()
        if not _WORDED.search(cell.group(0)) or cell.group(0).endswith(":") or overlaps(taken, a, b):
            continue  # no words, a prompt ("Sex:"), or a label the layout answered
        # the nearest box either side, with only blanks between (round 22s: only the nearest can be, since the
        # boxes read as blanks; testing every box of the row made a row of boxes quadratic)
        k = bisect.bisect_right(ends, a) - 1
        left = [k] if k >= 0 and _BLANK.fullmatch(line, ends[k] - start, a - start) else []
        k = bisect.bisect_left(box_starts, b)
        right = [k] if k < len(boxes) and _BLANK.fullmatch(line, b - start, box_starts[k] - start) else []
        beside = [*left, *right]
        if not beside:
            continue  # prose on the row, set apart from its boxes
        side_by_side = any(_together(original, boxes, k) for k in beside)
        if side_by_side or not any(boxes[k][2] for k in beside):
            out.append((a, b, EFFECT))
    return out


def _together(original: str, boxes: Sequence[tuple[int, int, bool]], k: int) -> bool:
    """Does box ``k`` stand beside another with nothing but blanks between them ("[ ]  [X]")?"""
    before = k > 0 and not original[boxes[k - 1][1] : boxes[k][0]].strip()
    after = k + 1 < len(boxes) and not original[boxes[k][1] : boxes[k + 1][0]].strip()
    return before or after


@dataclass(frozen=True, slots=True)
class Forms:
    answer: re.Pattern[str]  # answer words after a box or a quoted question ("[ ] no", '"Cough?" - no')
    yes: frozenset[str]
    no: frozenset[str]
    headings: Headings | None  # the headings of hypothetical lists ("call us if you develop:"; hypothetical_lists.py)
    misheard: Misheard | None = None  # negations misheard by speech recognition ("she the nights"; dictation.py)
    scales: Scales | None = None  # round 10b: a questionnaire answered on a scale's columns (scale_rows.py)
    spoken: Spoken | None = None  # round 22e: a dictation's spoken forms ("forty seven year old"; spoken.py)
    blanks: re.Pattern[str] | None = None  # round 23e: a template's blank after an item ("Cough: [select]")


# the line's end, a separator, a comment, a gap (not a decimal point: "[ ] 0.5 cm" is no answer)
_ANSWER_END = r"(?=[ \t]*(?:$|[,;|(]|\.(?!\d)|[-–—>][ \t])|[ \t]{2,}\S)"


def compile_forms(rules: Rules) -> Forms:
    """The form reader for the ``layout`` words of ``context.yaml``."""
    spec = rules.layout
    yes = [*spec["yes"]]
    no = [*spec["no"], *spec["negative_answers"]]
    words = sorted({*yes, *no, *spec["unsure_answers"]}, key=len, reverse=True)
    one = "(?:" + "|".join(re.escape(w) for w in words) + r")(?![A-Za-z0-9])"
    # a grid's heading that says what an unticked box means ("negative if not checked:") heads no hypothetical list
    grids = "|".join(r"\s*".join(re.escape(w) for w in h.split()) for h in spec["negative_unless_checked"]) or "(?!)"
    forms = Forms(
        answer=re.compile(rf"(?P<answers>{one}(?:[ \t]*/[ \t]*{one})*){_ANSWER_END}", re.IGNORECASE | re.MULTILINE),
        yes=frozenset(w.lower() for w in yes),
        no=frozenset(w.lower() for w in no),
        headings=compile_headings(spec, re.compile(grids, re.IGNORECASE)),
        misheard=compile_misheard(spec.get("misheard_negations", ())),
        scales=compile_scales(spec),
        spoken=compile_spoken(spec),
        blanks=compile_blanks(spec.get("template_blanks", ())),
    )
    return guard_fields(forms, ("answer",))  # the same matches, found faster


def _effect(forms: Forms, answers: str, ticked: bool = True) -> str | None:
    """negated when every answer is negative, None (the item stands) when every one is yes and its box ticked,
    uncertain otherwise."""
    said = [w.strip().lower() for w in answers.split("/")]
    if all(w in forms.no for w in said):
        return "negated"
    if ticked and all(w in forms.yes for w in said):
        return None
    return "uncertain"


_SEPARATOR = re.compile(r"[ \t]{2,}|\t|[:|;]")
_QUOTED = re.compile(r"[\"“'‘](?P<q>[^\"“”\n]{2,80}?)[\"”'’][ \t]*(?:[-–—:=]|->)[ \t]*")
_LEADS_LINE = re.compile(r"[ \t]*(?:[-*•][ \t]*)?$")
# where an unticked line's label ends: past its commas ("[ ] Bone pain, headaches"), not past a sentence's end, a
# table's gap or a comment after an arrow or a dash ("[ ] Node positive   -> US: no nodes")
_LABEL_END = re.compile(r"[.;!?](?=\s|$)|[|\n\t]|[ \t]{2,}|->|--|[ \t][-–—][ \t]")


def read_forms(
    forms: Forms,
    box: re.Pattern[str],
    checked: frozenset[str],
    original: str,
    chars: list[str],
    marks: Sequence[Mark],
) -> list[Mark]:
    """Read the rows with boxes, quoted questions and hypothetical headings of ``original`` (see the module's
    text), after the layout (``chars``: its text, rewritten here where a label is blanked; ``marks``: the
    labels it answered and the rows it read, "answered"). Returns the new marks, the guard's included."""
    out: list[Mark] = []
    if forms.misheard is not None:
        hear(forms.misheard, original, chars)  # "she the nights headache": "she denies headache"
    if forms.spoken is not None:
        speak(forms.spoken, original, chars)  # "a forty seven year old", "E R positive": "a 47 year old", "ER positive"
    found = [(m.start(), m.end(), _ticked(m, checked)) for m in box.finditer(original)]
    taken = spans(marks)
    for k, (a, b, ticked) in enumerate(found):
        if overlaps(taken, a, b):
            continue  # a box the layout read as a Yes/No pair or a column
        nxt = found[k + 1][0] if k + 1 < len(found) else len(original)
        out += _answer_after_box(forms, original, chars, found[k - 1][1] if k else 0, a, b, ticked, nxt)
        line_start = original.rfind("\n", 0, a) + 1
        if not ticked and _LEADS_LINE.fullmatch(original, line_start, a):
            stop = _LABEL_END.search(original, b)
            stop_at = min(nxt, stop.start() if stop else len(original))
            chars[b:stop_at] = [" "] * (stop_at - b)  # "[ ] Headaches that persist, vision changes": all of it
    # round 30a: a question answered by a row of boxed options on the line below it (options_below.py)
    unread = [f for f in found if not overlaps(taken, f[0], f[1])]
    out += options_below(forms.answer, lambda said, t: _effect(forms, said, t), original, unread)
    if '"' in original or "“" in original or "'" in original:
        out += _quoted_answers(forms, original)
    if forms.headings is not None:
        out += hypothetical_lists(forms.headings, original, [a for a, _, t in found if t])
    out += blank_prompts(original, forms.blanks)  # round 14: "Bone pain: ______" left blank (blank_prompts.py)
    answered = [m for m in marks if m[2] == "answered"]
    rows = spans(answered)
    free = [(a, b, t) for a, b, t in found if not overlaps(rows, a, b)]
    read: list[Mark] = []  # round 10b: rows of a questionnaire answered on a scale (scale_rows.py)
    if forms.scales is not None:
        scored, read = read_scales(forms.scales, original, chars)
        out += scored
    return out + unread_rows(original, [*marks, *out, *read], free, "".join(chars))


def _ticked(m: re.Match[str], checked: frozenset[str]) -> bool:
    mark = next((g for g in m.groups() if g), "")
    return mark.strip().lower() in checked


def _answer_after_box(
    forms: Forms, original: str, chars: list[str], prev_end: int, a: int, b: int, ticked: bool, nxt: int
) -> list[Mark]:
    """A box followed by an answer word answers the label before the box ("Bone pain [ ] no")."""
    m = forms.answer.match(original, b + len(original[b:nxt]) - len(original[b:nxt].lstrip(" \t")))
    if m is None or m.end() > nxt or (nxt < len(original) and not original[m.end() : nxt].strip()):
        return []  # no answer word, or options each with its box ("[ ] yes [x] no")
    line_start = original.rfind("\n", 0, a) + 1
    lo = max(line_start, prev_end)
    before = original[lo:a].rstrip()
    cuts = [c.end() for c in _SEPARATOR.finditer(before)]  # the label starts after a colon, a bar, a wide gap
    if not cuts and lo > line_start:
        return []  # the words right after the box before are its label ("[ ] Neuro sx  [x] None", "[ ]pos [x]neg")
    begin = lo + (cuts[-1] if cuts else 0)
    begin += len(original[begin : lo + len(before)]) - len(original[begin : lo + len(before)].lstrip())
    label = (begin, lo + len(before))
    if label[0] >= label[1] or not re.search("[A-Za-z]", original[label[0] : label[1]]):
        return []  # no label before the box: the box labels the word after it
    effect = _effect(forms, m.group("answers"), ticked)
    if effect is None:
        return []
    s, e = m.span("answers")
    chars[s:e] = [" "] * (e - s - 1) + ["|"]  # the answer word acts on nothing else
    return [(*label, effect)]


def _quoted_answers(forms: Forms, original: str) -> list[Mark]:
    """A question in quotes answered after a dash or colon ('"Any bone pain?" - no.'): the question is answered."""
    out: list[Mark] = []
    for q in _QUOTED.finditer(original):
        m = forms.answer.match(original, q.end())
        if m is None:
            continue
        effect = _effect(forms, m.group("answers"))
        if effect is not None:
            out.append((*q.span("q"), effect))
    return out
