"""Round 10b: a symptom questionnaire answered on a scale, its mark under one of several columns.

Patient-reported symptom forms (the EORTC and ESAS kind) print the answers of a scale as column titles over the
rows ("Over the past week...   not at all / a little / quite a bit / very much") and the patient's mark stands under
one of them on each row ("Short of breath                X"). Read as words, the row states the symptom, whatever
the column; the guard for unread rows (``form_rows.unread_rows``) then left every such row to confirm, and the
answer waited on symptoms the form had answered.

``read_scales`` reads them: a header line whose end holds at least three answers of a scale (``layout``
``scale_absent`` and ``scale_present`` words in context.yaml, at least one of each), set apart by slashes, bars or
wide gaps; then each row below that is a label and a single mark, up to the first line that is not. The mark's
column chooses the answer whose title stands over it (within a character of it): an absent answer ("not at all",
"never") negates the label, a present one ("a little", "very much") leaves it standing. A mark under no title, two
marks, or a tab in the row (its columns cannot be measured) leave the label uncertain (to confirm). The marks and
the titles are blanked, so that "not at all" acts on nothing as a cue.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Mark = tuple[int, int, str]
MIN_ANSWERS = 3  # a header holds at least this many answers of the scale
SLACK = 1  # characters a mark may stand beside its title's first or last letter
_LEAD_END = re.compile(r"(?:[ \t]{2,}|[:|.…][ \t]*)$")  # a title before the answers ends with a gap or a mark
_BETWEEN = re.compile(r"[ \t]*[/|,][ \t]*|[ \t]{2,}")  # between two answers: a slash, a bar, a comma or a gap


@dataclass(frozen=True, slots=True)
class Scales:
    answer: re.Pattern[str]  # an answer of the scale, as a whole word
    absent: frozenset[str]
    row: re.Pattern[str]  # a label, a wide gap and a single mark


def compile_scales(spec: Mapping[str, Sequence[str]]) -> Scales | None:
    absent = [" ".join(w.lower().split()) for w in spec.get("scale_absent", ()) if w.strip()]
    present = [" ".join(w.lower().split()) for w in spec.get("scale_present", ()) if w.strip()]
    if not absent or not present:
        return None
    words = sorted({*absent, *present}, key=len, reverse=True)
    alts = "|".join(r"[ \t]+".join(re.escape(p) for p in w.split()) for w in words)
    marks = "|".join(re.escape(m) for m in spec.get("checked", ()) if m.strip()) or "x"
    return Scales(
        answer=re.compile(rf"(?<![A-Za-z0-9])(?:{alts})(?![A-Za-z0-9])", re.IGNORECASE),
        absent=frozenset(absent),
        row=re.compile(rf"[ \t]*(?P<label>[A-Za-z][^\n\t]*?)[ \t]{{2,}}(?P<mark>{marks})[ \t]*"),
    )


def _header(scales: Scales, line: str) -> list[tuple[int, int, str]] | None:
    """The answers a header line ends with (line-relative start, end, the answer), or None."""
    found = list(scales.answer.finditer(line))
    if len(found) < MIN_ANSWERS:
        return None
    lead = line[: found[0].start()]
    if lead.strip() and not _LEAD_END.search(lead):
        return None  # the answers are not set apart from the words before them
    for a, b in itertools.pairwise(found):
        if not _BETWEEN.fullmatch(line, a.end(), b.start()):
            return None  # words, or a single space, between two answers: prose, not column titles
    if line[found[-1].end() :].strip(" \t/|"):
        return None
    answers = [(m.start(), m.end(), " ".join(m.group(0).lower().split())) for m in found]
    said = {w for _, _, w in answers}
    if not said & scales.absent or said <= scales.absent:
        return None
    return answers


def read_scales(scales: Scales, original: str, chars: list[str]) -> tuple[list[Mark], list[Mark]]:
    """The labels the scale answers (negated or uncertain) and the rows it read ("answered", for the guard only)."""
    marks: list[Mark] = []
    answered: list[Mark] = []
    pos = 0
    lines = original.split("\n")
    starts = []
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    # the answers of the whole note counted by line, in one pass (no answer spans a line break): only a line with
    # enough of them can be a header
    per_line = Counter(bisect.bisect_right(starts, m.start()) - 1 for m in scales.answer.finditer(original))
    k = 0
    while k < len(lines):
        answers = _header(scales, lines[k]) if per_line[k] >= MIN_ANSWERS else None
        if answers is None:
            k += 1
            continue
        head_start = starts[k]
        k += 1
        while k < len(lines):
            row = scales.row.fullmatch(lines[k])
            if row is None:
                break
            start = starts[k]
            label = (start + row.start("label"), start + row.end("label"))
            col = row.start("mark")
            under = [w for a, b, w in answers if a - SLACK <= col < b + SLACK]
            if "\t" in lines[k] or len(under) != 1:
                marks.append((*label, "uncertain"))
            elif under[0] in scales.absent:
                marks.append((*label, "negated"))
            answered.append((start, start + len(lines[k]), "answered"))
            chars[start + col] = " "
            k += 1
        for a, b, _ in answers:  # the titles are read: "not at all" must act on nothing as a cue
            chars[head_start + a : head_start + b] = [" "] * (b - a)
    return marks, answered
