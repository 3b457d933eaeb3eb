"""Layout before meaning: templated notes rewritten into plain wording, at the same character offsets.

Check boxes, review-of-systems lists marked (+)/(-), "pertinent negatives:" headings and "item: N" answers carry
their meaning in layout, which ConText (a reader of words) cannot see. ``normalise`` returns a text of exactly the
same length in which

- an unticked box and its label are blanked ("[ ] PET/CT" is not an order, "[ ] M1" not a category);
- a ticked box becomes a tick and its label is kept ("[x] Bone scan" -> "✓   Bone scan"; a "chosen" cue);
- a Yes/No pair negates its label when No is ticked or nothing is ("Bone pain [ ] Y [x] N", "[ ] Y [x] N
  cough": the label is marked, see below; "absent" or "no" is written only where no label is found), and
  disappears when Yes is ticked;
  the option may stand before its box ("Bone pain  Y [ ]  N [x]"), or on one of the two options only
  ("Bone pain  Y / N(X)", "Cough  Y(X) / N": round 29a), or once, in a table's header line
  ("Symptoms now?   Y   N", or as signs: "ROS:   +   -"), for rows of two boxes below it; a pair that opens
  its row answers the label after it, past a table's gap ("Y ☐ N ☒  Cough / SOB", round 29a), not the row above;
- an answer in brackets leading its item, several items a line ("[N] chest pain   [N] cough   [Y] anxiety"),
  answers that item alone ("[?]" leaves it uncertain);
- "(-) cough" becomes "no cough", "cough (-)" "cough neg", "(+) back pain" "c/o back pain";
- a "pertinent negatives:" heading becomes "denies", a "pertinent positives:" heading "reports";
- "Headache: N" / "Cough: no" at the end of an item negates the item (marked; "∅", a backward negation
  cue, is written only where no item is found), and so does an answer letter written after the item in a
  review-of-systems line or a symptom table ("fever N, chills N", "Dyspnea      N     -"); a receptor's
  own status ("PR: negative") is left as written;
- a grid row, an item set apart from its answer by leaders, bars, a tab, a wide gap or a colon ("Fever ...... N",
  "| MSK | Bone pain | N |", "Cough/SOB: no / no", "Back pain .... Y (chronic)"), is read by ``grid_rows``;
- a section heading dictated in capitals without its colon ("FAMILY HISTORY her mother ...") gets the colon
  (written over the space after it), so that the section's effects reach its text.

``normalise_marked`` also returns the labels the layout answers (a row whose No box is ticked, an item followed by
N: "negated"; a row with both Yes and No ticked: "uncertain"): every mention inside such a label takes that effect,
however far the label runs from the answer (ConText's scopes count the blank padding of a table as words).

The words used (box marks, yes/no options, headings) are data in ``context.yaml`` (``layout``); the
replacement words are ordinary ConText cues of the same file, so the usual negation scopes apply.
Evidence offsets stay those of the original note; only the words the pipeline reads change.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from rightscan.adapters.text import category_boxes
from rightscan.adapters.text.aligned_answers import aligned_answers
from rightscan.adapters.text.box_answers import LABEL_WORD as _LABEL_WORD
from rightscan.adapters.text.box_answers import (
    absent_options,
    answer_cell,
    column_rows,
    comment_end,
    option_words,
    over_list,
)
from rightscan.adapters.text.column_marks import marks_under_columns, relatives_box_rows, relatives_heading
from rightscan.adapters.text.dictated_headings import dictated_headings
from rightscan.adapters.text.firstchars import guard_fields
from rightscan.adapters.text.form_rows import FORM_WORDING, Forms, compile_forms, read_forms
from rightscan.adapters.text.graded_rows import Grades, compile_grades, read_grades
from rightscan.adapters.text.grid_rows import Grid, after_answered, blank_leaders, compile_grid, read_rows
from rightscan.adapters.text.inline_headings import InlineHeadings, compile_inline, inline_denials
from rightscan.adapters.text.led_signs import signed_items
from rightscan.adapters.text.negative_heading_boxes import boxes_under_a_negative_heading
from rightscan.adapters.text.options_below import boxes_lead_options, unsure_follows
from rightscan.adapters.text.receptor_boxes import receptor_signs
from rightscan.adapters.text.rules import Rules
from rightscan.adapters.text.runs import MAX_RUN_CHARS as MAX_RUN_CHARS
from rightscan.adapters.text.runs import break_runs as break_runs
from rightscan.adapters.text.self_family_columns import family_column_rows
from rightscan.adapters.text.sign_lines import signs_follow_items
from rightscan.adapters.text.slash_answers import compile_slash_answer, slash_answers
from rightscan.adapters.text.trailing_signs import compile_trailing_sign, trailing_signs
from rightscan.adapters.text.unticked_grid import unticked_in_grid


@dataclass(frozen=True, slots=True)
class Layout:
    box: re.Pattern[str]
    pair: re.Pattern[str]
    pair_after: re.Pattern[str]
    columns: re.Pattern[str]
    row: re.Pattern[str]
    sign: re.Pattern[str]
    heading: re.Pattern[str]
    answer_no: re.Pattern[str]
    checked: frozenset[str]
    yes: frozenset[str]
    headings: dict[str, str]
    no: frozenset[str]
    grid: Grid  # rows of an item, a filler and its answer (grid_rows.py)
    # a receptor's name right before a sign ("ER (+) PR (-)"): the sign is its status, not a list item's
    receptor_before: re.Pattern[str] | None = None
    # a section title dictated in capitals at the start of a line, without its colon
    heading_no_colon: re.Pattern[str] | None = None
    # a grid's heading that makes every item negative unless ticked ("ROS (all negative unless checked)")
    unless_checked: re.Pattern[str] | None = None
    forms: Forms | None = None  # rows with boxes, quoted questions, hypothetical headings (form_rows.py)
    # round 19a: a bare sign right after its item in a list ("fevers-/wt loss-/cough+/SOB-")
    trailing_sign: re.Pattern[str] | None = None
    # round 20c: a symptom graded on a scale, boxed or written after it ("Cough  [x]0 [ ]1", "Cough: grade 0")
    grades: Grades | None = None
    # round 22m: a T, N or M field's categories, each with its box ("cN: [ ] 0 [x] 1", "N stage: 0( ) 1(X)")
    categories: tuple[tuple[re.Pattern[str], bool], ...] | None = None
    slash_answer: re.Pattern[str] | None = None  # round 22a: "Chest pain N / SOB N / Cough Y" (slash_answers.py)
    # round 31s: a column table's title naming a family history ("FAMILY HISTORY   Yes   No"): its rows are relatives'
    relatives: re.Pattern[str] | None = None
    # round 29a: a Y/N pair whose mark is on one option only, in brackets after it ("Bone pain  Y / N(X)")
    half_pair: re.Pattern[str] | None = None
    # round 29a: a one-line review's negative list under its inline heading ("Yes: cough | No: fever, bone pain")
    inline: InlineHeadings | None = None


Marks = tuple[tuple[int, int, str], ...]  # (start, end, effect): a label the layout answers


_SEGMENT_END = re.compile(r"\s{2,}|[|;,]|\n|--|\.(?:\s|$)")


# patterns a match of which starts with one of few characters: tried only there (firstchars.guarded, same matches)
_GUARDED = (
    "box",
    "pair",
    "pair_after",
    "half_pair",
    "row",
    "sign",
    "heading",
    "answer_no",
    "receptor_before",
    "unless_checked",
)


def compile_layout(rules: Rules) -> Layout:
    return guard_fields(_compile_layout(rules), _GUARDED)


def _compile_layout(rules: Rules) -> Layout:
    spec = rules.layout
    marks = "|".join(re.escape(m) for m in sorted({*spec["checked"], *spec["unchecked"]}, key=len, reverse=True))
    # a round box ("( ) fever  (x) fatigue"): blank inside, or one of the few marks that never stand alone in
    # parentheses in prose (not "(v)", a list's fifth item); an empty "()" is no box
    round_marks = "|".join(re.escape(m) for m in sorted(spec["round_checked"], key=len, reverse=True)) or "(?!)"
    # a box drawn with underscores ("___ fever  _X_ fatigue"): a blank line of two or more, or a mark between two
    line_marks = "|".join(re.escape(m) for m in sorted(spec["underscore_checked"], key=len, reverse=True)) or "(?!)"
    # (fifteenth pass: the blanks inside a square box are possessive; an unclosed "[" before a long run split it
    # between its two "\s*" from each blank, quadratic: "Yes [" + 16,000 blanks + "No [x]" held the reader 3 s)
    box = (rf"\[\s*+(?P<mark>{marks})?\s*+\]|(?P<glyph>[☐☑☒■□✓✔])"
           rf"|\((?:[ \t]+|[ \t]*(?P<rmark>{round_marks})[ \t]*)\)"
           # only where an item starts (a line's start, after a heading's colon or a table's wide gap): "Ms. ___ is
           # a 52-year-old woman" is a name left out, not a box
           rf"|(?:\A|(?<=\n)|(?<=\n[ \t])|(?<=[ \t]{{2}})|(?<=\t)|(?<=:)|(?<=:[ \t]))"
           rf"(?:_{{2,}}|_+(?P<umark>{line_marks})_+)(?![A-Za-z0-9_])")  # fmt: skip
    yes = "|".join(re.escape(w) for w in spec["yes"])
    no = "|".join(re.escape(w) for w in spec["no"])
    opts = option_words(spec["yes"], spec["no"], absent_options(spec))  # "[ ] yes [x] none documented" (box_answers)
    inner = re.sub(r"\?P<(?:mark|glyph|rmark|umark)>", "?:", box)
    pair = rf"(?P<b1>{inner})\s*(?P<o1>{opts})\b\s*(?:/\s*)?(?P<b2>{inner})\s*(?P<o2>{opts})\b"
    # the option written before its box ("Bone pain  Y [ ]  N [x]")
    # (fifteenth pass F6: the first box may be broken by OCR, a lone bracket, "Yes [  No [x]", "Yes ]  No [x]"; the
    # pair is then read only when its second box is ticked: _boxes_signs_headings)
    pair_after = (rf"(?<![A-Za-z])(?P<o1>{opts})\s*(?P<b1>{inner}|[\[\]](?=[ \t]))\s*(?:/\s*)?(?P<o2>{opts})\s*"
                  rf"(?P<b2>{inner})")  # fmt: skip
    # round 29a (v30 ma-050): the box after one option only, the two options joined by a slash on one line ("Bone pain
    # Y / N(X)", "Cough  Y(X) / N"); the option without a box is the one left unmarked (the reader keeps a pair with
    # exactly one box: both are pair_after's, none is no answer)
    # its blanks are possessive: a box never starts with a blank, so no blank is given back, and a long run of blanks
    # after an option with no "/" is read once, not once from each of its blanks (quadratic before)
    half_pair = (rf"(?<![A-Za-z])(?P<o1>{opts})[ \t]*+(?P<b1>{inner})?[ \t]*+/[ \t]*+(?P<o2>{opts})"
                 rf"(?:[ \t]*+(?P<b2>{inner})|(?![A-Za-z0-9]))")  # fmt: skip
    # a table whose header line names the two options ("Symptoms now?   Y   N"), perhaps followed by the titles
    # of further columns ("REVIEW OF SYSTEMS   Y   N   Comment"), its rows with two boxes
    # ... or as signs ("ROS:    +   -"): both options signs, each standing alone
    sign_yes = "|".join(re.escape(w) for w in spec["column_yes_signs"]) or "(?!)"
    sign_no = "|".join(re.escape(w) for w in spec["column_no_signs"]) or "(?!)"
    columns = (rf"^[^\n\[\]]*?(?:(?<![A-Za-z])(?P<o1>{yes}|{no})[ \t]+(?:/[ \t]*)?(?P<o2>{yes}|{no})"
               rf"|(?<=[ \t])(?P<s1>{sign_yes}|{sign_no})[ \t]+(?P<s2>{sign_yes}|{sign_no}))"
               rf"(?:[ \t]{{2,}}[A-Za-z][^\n\[\]]{{0,40}}?)?[ \t]*$")  # fmt: skip
    row = rf"(?P<b1>{inner})[ \t]*(?P<b2>{inner})"
    neg = "|".join(re.escape(w) for w in spec["negative_signs"])
    pos = "|".join(re.escape(w) for w in spec["positive_signs"])
    headings = {h.lower(): cue for cue, hs in (("denies", spec["negative_headings"]),
                                               ("reports", spec["positive_headings"])) for h in hs}  # fmt: skip
    heading = "|".join(re.escape(h) for h in sorted(headings, key=len, reverse=True))
    receptors = [rules.name_patterns[n].pattern for n in ("ER", "PR", "HER2", "HR") if n in rules.name_patterns]
    names = "|".join(receptors) if len(receptors) == 4 else None  # a receptor's row states its status
    grid = compile_grid(spec, names)
    # round 19a (trailing_signs.py); round 22n: the answer words written as a sign ("cough -ve", "back pain ✗")
    trailing_sign = compile_trailing_sign(sign_no, sign_yes, spec["trailing_no_words"], spec["trailing_yes_words"])
    return Layout(
        box=re.compile(box, re.IGNORECASE),
        pair=re.compile(pair, re.IGNORECASE),
        pair_after=re.compile(pair_after, re.IGNORECASE),
        half_pair=re.compile(half_pair, re.IGNORECASE),
        inline=compile_inline(
            spec["inline_negative_headings"],
            spec["inline_positive_headings"],
            [*spec["vertical_list_stops"], *rules.denial_ending_qualifiers],
        ),
        columns=re.compile(columns, re.IGNORECASE | re.MULTILINE),
        relatives=relatives_heading(spec.get("family_headings", ())),
        row=re.compile(row),
        sign=re.compile(rf"(?P<neg>{neg})|(?P<pos>{pos})", re.IGNORECASE),
        heading=re.compile(rf"\b(?:{heading})\s*:", re.IGNORECASE),
        answer_no=re.compile(
            # "Cough: no", "Cough = N", "Cough - no", "Cough? N", "- Headache: denies"
            rf"(?<=[A-Za-z)?])(?:\s*[:=]|[ \t]*(?:{grid.arrows})|[ \t]+[-–—])\s*"  # "Numbness? -> no": an arrow
            rf"(?:{no}|{grid.negative_words})(?![A-Za-z0-9])"
            # ... then the line's end, a separator, a table's gap, or a comment after a dash ("Bone pain: N - old ache")
            rf"(?=[ \t]*(?:$|[|;,\n]|\.(?!\d))|[ \t]{{2,}}\S|[ \t]+[-–—][ \t])"  # "Size: 0.9 cm": no answer
            # a question answered on its line by a word of no other than "N" ("Back pain? absent", "Fever? denies");
            # the answer then ends its line or cell (the tenth session: "Back pain? absent" was raised)
            # (no comment after a dash here: "(lobular features? no - ordered for dense breasts)" answers an aside)
            rf"|(?<=[A-Za-z)]\?)[ \t]+(?:{no}|{grid.negative_words})(?![A-Za-z0-9])"
            rf"(?=[ \t]*(?:$|[|;,\n]|\.(?!\d))|[ \t]{{2,}}\S)"
            # the answer letter after the item, without a colon ("fever N, chills N"; "Dyspnea    N    -"); "no"
            # ending a line is not an answer (a wrapped sentence: "... there is no\nback pain")
            rf"|(?<=[A-Za-z)?])[ \t]+(?:n(?=[ \t]*(?:$|[|;,])|[ \t]{{2,}}\S)|no(?=[ \t]*[|;,]|[ \t]{{2,}}[^\sA-Za-z]))"
            # the answer in brackets after the item ("bone pain [N]  cough [N]  fatigue [Y]")
            rf"|(?<=[A-Za-z)?])[ \t]*[\[(](?:{no})[\])](?=[ \t]*(?:$|[|;,.\n])|[ \t]{{2,}}\S)"
            # a dash for the answer, after a colon or in a column ("Bone pain: -   Headache: +", "Cough        -")
            rf"|(?<=[A-Za-z)?])(?:[ \t]*:[ \t]*|[ \t]{{2,}})[-−–](?=[ \t]*(?:$|[|;,])|[ \t]{{2,}}\S)",
            re.IGNORECASE | re.MULTILINE,
        ),
        checked=frozenset(m.lower() for m in spec["checked"]) | frozenset("☑☒■✓✔"),
        yes=frozenset(w.lower() for w in (*spec["yes"], *spec["column_yes_signs"])),
        headings=headings,
        no=frozenset(w.lower() for w in spec["no"]),
        grid=grid,
        receptor_before=re.compile(f"(?:{names})\\s*$", re.IGNORECASE) if names else None,
        heading_no_colon=dictated_headings(rules),
        forms=compile_forms(rules),
        trailing_sign=trailing_sign,
        slash_answer=compile_slash_answer(spec["yes"], spec["no"]),
        grades=compile_grades(spec, inner),
        categories=category_boxes.compile_rows(inner),
        unless_checked=re.compile(
            r"(?<![^\W_])(?:"
            + "|".join(r"\s*".join(re.escape(w) for w in h.split()) for h in spec["negative_unless_checked"])
            + r")(?![^\W_])",
            re.IGNORECASE,
        )
        if spec["negative_unless_checked"]
        else None,
    )


def _third_option(layout: Layout, text: str, m: re.Match[str], after: bool = False) -> bool:
    """Fifteenth pass F9: a Yes/No pair that is part of a row of three boxed options ("[ ] Yes  [ ] No  [x] Unsure")
    is the row's (``options_below``), not a pair of its own (options_below.py)."""
    if layout.forms is None:
        return False
    if after:
        return boxes_lead_options(layout.box, layout.forms.answer, text, *m.span())
    return unsure_follows(layout.box, layout.forms.answer, layout.forms.yes | layout.forms.no, text, m.end())


def _put(chars: list[str], start: int, end: int, word: str, right: bool = False) -> None:
    """Write ``word`` into chars[start:end] (blank-padded, never longer than the room)."""
    room = end - start
    word = word[:room]
    filled = (" " * (room - len(word)) + word) if right else (word + " " * (room - len(word)))
    chars[start:end] = list(filled)


def _is_checked(layout: Layout, text: str) -> bool:
    m = layout.box.fullmatch(text.strip())
    if m is None:
        return False
    mark = (m.group("mark") or m.group("glyph") or m.group("rmark") or m.group("umark") or "").lower()
    return mark in layout.checked


_BOX_START = re.compile(r"\[|[☐☑☒■□✓✔]|\((?:[ \t]+|[ \t]*[xX✓✔•●][ \t]*)\)|(?<![A-Za-z0-9_])_(?:_|[xX]_)")
_WORD_AFTER = re.compile(r"\s*[A-Za-z]{2}")


def _segment_ends(text: str) -> list[int]:
    """Starts of every segment end of the text, found once (a search from each box would read the rest
    of the note again for every box). A box or a Yes/No pair never ends inside a segment end, so the
    first of these at or after a box's end is where a search from that box would stop."""
    return [m.start() for m in _SEGMENT_END.finditer(text)]


def _segment_stop(text: str, ends: list[int], end: int) -> int:
    k = bisect.bisect_left(ends, end)
    return ends[k] if k < len(ends) else len(text)


def _label_after(text: str, end: int, ends: list[int]) -> bool:
    """Does a word follow the box on its segment (the box labels what follows)? Round 26: not a bracketed comment on
    the answer ("Abdominal pain ..... [ ] Yes [x] No (denies; abdo soft)"): only words after it on its line."""
    end = comment_end(text, end)
    stop = _segment_stop(text, ends, end)
    nxt = _BOX_START.search(text, end, stop)
    if nxt:
        stop = nxt.start()
    return _LABEL_WORD.search(text, end, stop) is not None


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


def normalise(layout: Layout, text: str) -> str:
    return normalise_marked(layout, text)[0]


def _label_before(text: str, seg: tuple[list[int], list[int]], start: int) -> tuple[int, int] | None:
    """The label an answer at ``start`` closes: back from the answer (past the padding before it) to the
    end of the segment before (a line start, a comma, a wide gap ...)."""
    stop = len(text[:start].rstrip())
    starts, ends = seg
    k = bisect.bisect_right(starts, stop - 1) - 1
    while k >= 0 and ends[k] > stop:  # a segment end that reaches into the label ("\s{2,}" before it)
        k -= 1
    begin = ends[k] if k >= 0 else 0
    # round 44u (v44 be-045): a question asked inside an aside's brackets ("hip pain - she puts it down to an old fall
    # (#NOF? no, pt says bruised)") answers the aside's own item; the bracket opened before it, still open, ends the
    # label, so that the answer never reaches the symptom the sentence tells before the aside
    opened = text.rfind("(", begin, stop)
    asked = text[opened + 1 : stop].strip() if opened >= 0 else ""
    if asked.endswith("?") and sum(c.isalpha() for c in asked) >= 2 and ")" not in asked:
        begin = opened + 1
    return (begin, stop) if begin < stop else None


def _segments(text: str) -> tuple[list[int], list[int]]:
    found = list(_SEGMENT_END.finditer(text))
    return [m.start() for m in found], [m.end() for m in found]


def normalise_marked(layout: Layout, text: str) -> tuple[str, Marks]:
    """The rewritten text and the (start, end, effect) labels the layout answers."""
    marks: list[tuple[int, int, str]] = []
    worded: list[tuple[int, int, str]] = []  # round 20c: the form's questions answered yes (form_rows.FORM_WORDING)
    chars = list(text)
    if "[" in text and layout.receptor_before is not None and receptor_signs(layout.receptor_before, text, chars):
        text = "".join(chars)  # round 31a (v32 dc-050): "ER [+]   HER2 [-]" is a status, as "ER (+)" is; no box
    if layout.inline is not None and ":" in text and inline_denials(layout.inline, text, chars, marks):
        text = "".join(chars)  # round 29a: "... | No: fever, bone pain": the heading blanked, its list marked
    if layout.unless_checked is not None:
        unticked_in_grid(layout, lambda b: _is_checked(layout, b), text, marks)
    if ":" in text:
        boxes_under_a_negative_heading(layout, lambda b: _is_checked(layout, b), text, marks)
    if "[" in text and "\n" in text:  # round 31a: "Bone pain   [ ]   [x] mother" under "Self   Family" (a relative's)
        family_column_rows(text, lambda b: _is_checked(layout, b), marks)
    answered = marks_under_columns(layout.columns, layout.yes, text, chars, marks, layout.relatives)
    relatives_box_rows(layout.columns, layout.row, layout.relatives, text, marks)  # round 31s: a relatives' table
    if layout.categories is not None:  # round 22m: a stage field's ticked category, before boxes are read one by one
        rows, found = category_boxes.read_rows(
            layout.categories, layout.box, lambda b: _is_checked(layout, b), text, chars
        )
        if found:  # the steps below read the row as blanked (a rare row: the text is only joined again for it)
            marks += rows
            text = "".join(chars)
    if layout.grades is not None:  # round 20c: graded rows, before their boxes are read as a ticked label
        graded, rows = read_grades(layout.grades, text, chars, lambda b: _is_checked(layout, b), layout.box)
        marks += graded
        answered += rows
    if "[" in text or "(" in text or ":" in text or any(g in text for g in "☐☑☒■□✓✔"):
        answered += _boxes_signs_headings(layout, text, chars, marks, worded)
    if "[" in text:
        _answers_before_items(layout, "".join(chars), chars, marks)
    if "\n" in text:  # round 31a: "Shortness of breath No" aligned under "Headache      No" (aligned_answers.py)
        aligned_answers(text, layout.grid.no, chars, marks)
    blank_leaders(layout.grid, text, "".join(chars), chars, marks)  # grid rows: "Fever ....... N", "| Bone pain | N |"
    answered += read_rows(layout.grid, text, "".join(chars), chars, marks, worded)
    if layout.slash_answer is not None:  # before "answer_no": a line's last "N" answers its own item alone
        bars, negated = slash_answers(layout.slash_answer, layout.no, layout.receptor_before, "".join(chars))
        marks.extend(negated)
        for start, end in bars:
            _put(chars, start, end, "|")
    current = "".join(chars)
    seg: tuple[list[int], list[int]] | None = None
    for m in layout.answer_no.finditer(current):
        before = current[max(0, m.start() - 16) : m.start()]
        if layout.receptor_before is not None and layout.receptor_before.search(before):
            continue  # "PR: negative" is the receptor's status, read by the value rules
        seg = seg or _segments(current)
        label = _label_before(current, seg, m.start())
        if label is not None and layout.grid.receptor is not None and layout.grid.receptor.search(current, *label):
            continue  # "FINAL HER2 STATUS: NEGATIVE", "HER2 (IHC): 0": a receptor's status, read by the value rules
        if label is not None:  # the label itself is negated; the answer stays (a cue would reach the item before,
            # a blank would join the two items into one list); round 22n: not over an item answered yes before it
            label = (after_answered(layout.grid, current, *label), label[1])
            marks.append((*label, "negated"))
            # a bracketed answer ("SOB [No]  abd pain [Y]") becomes a cell bar: its "no" must not reach the next item
            if m.group(0).lstrip().startswith(("[", "(")):
                _put(chars, m.start(), m.end(), "|", right=True)
        else:
            _put(chars, m.start(), m.end(), "∅", right=True)
    # an answer that does not know ("Bone pain: ?", "Bone pain - unsure, vague ache"): the item is uncertain, and the
    # answer names it to confirm rather than raise or drop it
    if ":" in text or "-" in text:
        seg = seg or _segments(current)
        for m in layout.grid.unsure_answer.finditer(current):
            label = _label_before(current, seg, m.start())
            if label is not None:
                marks.append((*label, "uncertain"))
    # a plus for the answer ("Headache     +"): the item stands, and the plus becomes a cell bar (as "+" it would join
    # the item to the next one as a list, "Headache + Cough", and share that one's negation)
    if "+" in text:
        for m in _PLUS_ANSWER.finditer(current):
            before = current[max(0, m.start() - 16) : m.start()]
            if layout.receptor_before is None or not layout.receptor_before.search(before):  # "ER    +": a status
                _put(chars, m.end() - 1, m.end(), "|")
    if "-" in text:  # round 31a: "ROS: + cough. - bone pain. - HA."; round 56s: "ROS: - N/V, - HA" (led_signs.py)
        marks.extend(signed_items(text))
    if layout.trailing_sign is not None:
        bars, negated = trailing_signs(layout.trailing_sign, layout.receptor_before, "".join(chars), text)
        marks.extend(negated)
        for start, end, mark in bars:
            _put(chars, start, end, mark)
    if layout.heading_no_colon is not None and "\n" in text:
        for m in layout.heading_no_colon.finditer(current):
            title = current[m.start() : m.start("gap")]
            if title.isupper():
                chars[m.start("gap")] = ":"
    if layout.forms is not None:
        marks += read_forms(layout.forms, layout.box, layout.checked, text, chars, [*marks, *answered])
    return "".join(chars), tuple(marks + worded)


_ANSWER_LEADS = re.compile(
    r"(?:^|(?<=[ \t:]))\[[ \t]*(?P<answer>[A-Za-z?]{1,3})[ \t]*\](?=[ \t]?[A-Za-z])", re.MULTILINE
)


def _answers_before_items(layout: Layout, text: str, chars: list[str], marks: list[tuple[int, int, str]]) -> None:
    """An answer in brackets leading its item, several items a line ("[N] chest pain   [N] cough   [Y] anxiety"):
    No negates the item up to its segment's end or the next bracket, Yes leaves it, "?" leaves it uncertain. The
    bracket becomes a cell bar, so that no answer reaches a neighbouring item."""
    ends = _segment_ends(text)
    for m in _ANSWER_LEADS.finditer(text):
        before = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        if before.strip() and not before.rstrip().endswith(":") and not before.endswith(("  ", "\t")):
            continue  # "SOB [N]  cough [Y]": the answer closes the item before it (read with the answers after)
        answer = m.group("answer").lower()
        if answer in layout.yes:
            effect = None
        elif answer in layout.no or answer in layout.grid.no:  # "[N]", "[neg]", "[nil]"
            effect = "negated"
        elif answer == "?":
            effect = "uncertain"
        else:
            continue  # "[Dr] Smith", "[redacted]": no answer
        stop = _segment_stop(text, ends, m.end())
        nxt = text.find("[", m.end(), stop)
        stop = nxt if nxt >= 0 else stop
        if effect is not None and _LABEL_WORD.search(text, m.end(), stop):
            marks.append((m.end(), len(text[:stop].rstrip()), effect))
        _put(chars, m.start(), m.end(), "|")


_SIGN_LEADS = re.compile(r"[ \t]?[A-Za-z]")
_PLUS_ANSWER = re.compile(
    r"(?<=[A-Za-z)?])(?:[ \t]*:[ \t]*|[ \t]{2,})\+(?=[ \t]*(?:$|[|;,])|[ \t]{2,}\S)", re.MULTILINE
)


def _boxes_signs_headings(
    layout: Layout,
    text: str,
    chars: list[str],
    marks: list[tuple[int, int, str]],
    worded: list[tuple[int, int, str]] | None = None,
) -> list[tuple[int, int, str]]:
    # 1. Yes/No pairs: box before its option, option before its box, and two-column tables
    yes_words = layout.yes
    pairs = [(m.span(), m.group("o1"), m.group("o2"), m.group("b1"), m.group("b2"), False)
             for m in layout.pair.finditer(text) if not _third_option(layout, text, m)]  # fmt: skip
    taken = [p[0] for p in pairs]
    pairs += [(m.span(), m.group("o1"), m.group("o2"), m.group("b1"), m.group("b2"), True)
              for m in layout.pair_after.finditer(text)
              if not _overlaps(m.span(), taken) and not _third_option(layout, text, m, after=True)
              and (m.group("b1") not in ("[", "]") or _is_checked(layout, m.group("b2")))]  # fmt: skip
    taken = [p[0] for p in pairs]
    if layout.half_pair is not None and "/" in text:  # round 29a: "Bone pain  Y / N(X)" (one box, after its option)
        pairs += [(m.span(), m.group("o1"), m.group("o2"), m.group("b1") or "", m.group("b2") or "", True)
                  for m in layout.half_pair.finditer(text)
                  if (m.group("b1") is None) != (m.group("b2") is None) and not _overlaps(m.span(), taken)]  # fmt: skip
        taken = [p[0] for p in pairs]
    pairs += [(*row, True) for row in column_rows(layout.columns, layout.row, text) if not _overlaps(row[0], taken)]
    text_ends = _segment_ends(text) if pairs else []
    seg: tuple[list[int], list[int]] | None = None
    for (start, end), o1, o2, b1, b2, label_first in pairs:
        # round 29a (v30 mc-040): a pair that opens its row answers the label after it ("Y ☐ N ☒  Cough / SOB"), not
        # the row above (the options read before their boxes had answered the line before, each row one up)
        # the label may stand past a table's gap after the boxes, which ends no label here
        lead, leads_row = end, False
        if _LEADS_ROW.fullmatch(text, _line_start(text, start), start):
            lead = _ROW_GAP.match(text, end).end()  # type: ignore[union-attr]
            leads_row = _label_after(text, lead, text_ends)
            label_first = label_first and not leads_row
        o1, o2 = o1.lower(), o2.lower()
        c1, c2 = _is_checked(layout, b1), _is_checked(layout, b2)
        ticked_yes = (c1 and o1 in yes_words) or (c2 and o2 in yes_words)
        ticked_no = (c1 and o1 not in yes_words) or (c2 and o2 not in yes_words)
        if ticked_yes and not ticked_no:
            _put(chars, start, end, answer_cell(text, end), right=True)
            seg = seg or _segments(text)
            asked = (lead, _label_stop(layout, text, text_ends, lead)) if leads_row else _label_before(text, seg, start)
            if worded is not None and asked is not None and "\n" not in text[asked[0] : start]:
                worded.append((*asked, FORM_WORDING))  # round 20c: the row's question is the form's wording
        elif ticked_yes and ticked_no:
            _put(chars, start, end, "?")  # both ticked: uncertain
            seg = seg or _segments(text)
            after = not label_first and _label_after(text, lead, text_ends)
            label = (lead, _label_stop(layout, text, text_ends, lead)) if after else _label_before(text, seg, start)
            if label is not None:
                marks.append((*label, "uncertain"))
        elif not label_first and _label_after(text, lead, text_ends):
            _put(chars, start, end, "")  # the label after the pair is negated as a whole (no cue to reach further)
            marks.append((lead, _label_stop(layout, text, text_ends, lead), "negated"))
        else:
            seg = seg or _segments(text)
            label = over_list(text, start, lambda p, s=seg: _label_before(text, s, p), layout.box)
            if label is not None:
                _put(chars, start, end, answer_cell(text, end), right=True)
                marks.append((*label, "negated"))
            else:  # no label found: the cue word, and ConText's scope (a compact pair has room for one character)
                _put(chars, start, end, "absent" if end - start >= len("absent") else "∅")
    current = "".join(chars)
    # 2. single boxes
    ends = _segment_ends(current)
    prev_end = 0  # end of the box before (what lies before it never reaches this box)
    for m in layout.box.finditer(current):
        start, end = m.span()
        if _is_checked(layout, m.group(0)):
            word_after = _WORD_AFTER.match(current, end) is not None
            _put(chars, start, end, "✓" if word_after else "")  # a cue: the named item is chosen
        elif _label_after(current, end, ends):
            stop = _segment_stop(current, ends, end)
            nxt = layout.box.search(current, end, stop)
            stop = nxt.start() if nxt else stop
            _put(chars, start, stop, "")
        else:
            cuts = [c.end() for c in _SEGMENT_END.finditer(current, prev_end, start)]
            colon = current.rfind(":", prev_end, start)
            begin = max([prev_end, *cuts, colon + 1 if colon >= 0 else 0])
            _put(chars, begin, end, "")
        prev_end = end
    current = "".join(chars)
    # 3. (+)/(-) signs
    signs_seg = _segments(current)
    for m in layout.sign.finditer(current):
        start, end = m.span()
        if layout.receptor_before is not None and layout.receptor_before.search(current[max(0, start - 16) : start]):
            _put(chars, start, end, "-" if m.group("neg") else "+")  # "ER (+)" reads as "ER +"
            continue
        # a sign leads its item when a word follows it at once ("(-) cough (-) fever"); one followed by a table's gap,
        # a comma or the line's end answers the item before it ("bone pain (-)  headache (+)", "back pain (+), ...")
        prefix = _SIGN_LEADS.match(current, end) is not None
        if prefix and signs_follow_items(layout.sign, current, start):
            prefix = False  # "bone pain (+) headache (-)": the line ends with a sign and starts with none
        if prefix:
            _put(chars, start, end, "no" if m.group("neg") else "c/o")
            continue
        # after its item: a minus answers that item alone ("back pain (+), joint pain (-)": "neg" would reach back
        # over the list), and either sign becomes a cell bar that keeps the items apart
        label = _label_before(current, signs_seg, start) if m.group("neg") else None
        if label is not None:  # the item after the sign before it on the line, not that one's item too
            before = [b.end() for b in layout.sign.finditer(current, label[0], start)]
            if before:
                label = (max(label[0], before[-1]), label[1])
            marks.append((*label, "negated"))
        if label is not None or not m.group("neg"):
            _put(chars, start, end, "|", right=True)
        else:
            _put(chars, start, end, "neg")
    current = "".join(chars)
    # 4. headings of negative / positive lists
    for m in layout.heading.finditer(current):
        word = m.group(0)[:-1].strip().lower()
        word = re.sub(r"\s+", " ", word)
        cue = layout.headings.get(word, "denies")
        if len(cue) > m.end() - m.start():  # a short heading ("neg:") gets the short cue
            cue = "no" if cue == "denies" else ""
        _put(chars, m.start(), m.end(), cue)
    return [(*pair[0], "answered") for pair in pairs]  # the rows its Yes/No pairs answered (form_rows' guard)


# round 29a: what may stand before a pair that opens its row: blanks, a bullet or an item's number
_LEADS_ROW = re.compile(r"[ \t]*(?:[-*•·▪◦‣–]|\d{1,2}[.)])?[ \t]*")
_ROW_GAP = re.compile(r"[ \t]*")


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _label_stop(layout: Layout, text: str, ends: list[int], end: int) -> int:
    """Where the label after a box ends: its segment's end, or the next box."""
    stop = _segment_stop(text, ends, end)
    nxt = layout.box.search(text, end, stop)
    return nxt.start() if nxt else stop
