"""A symptom that labels its line ("☑ Back pain — <comment>") heads a comment about it (split from ``scopes``)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from rightscan.adapters.text.rule_pass import Described

# Round 43a (v42 ba-048: "☑ Back pain — hx L1 compression fx 01/2023 (MRI then: benign, no marrow lesion), pain
# resolved w/ kyphoplasty, none now" raised as today's back pain): a symptom that labels its line (only boxes, bullets
# or marks before it, a dash or a colon after it) heads a comment that is all about it, so a resolution at the end of
# that comment is read up to the line's end, at most this many tokens on (a long dictated line keeps IN_CLAUSE_REACH)
LABELLED_LINE_REACH = 48
LABEL_MARK = re.compile(r"\s*(?:—|–|-{1,2}|:)\s")


def _labels_its_line(text: str, span: Span, line_start: int) -> bool:
    """Round 43a: whether the symptom labels its line: nothing but boxes, bullets and marks before it on the line
    ("✓ Back pain — ...", "• Headache: ..."), and a dash or a colon right after it."""
    if any(c.isalnum() for c in text[line_start : span.start_char]):
        return False
    # round 44x: or the mark inside the symptom's own phrase, when a form's field and its site read as one ("Back pain:
    # mid back ache 2021 ...", "Pain: L hip, 6/10": targets.yaml's pain-field phrases)
    inside = LABEL_MARK.search(text, span.start_char, span.end_char) is not None
    return inside or LABEL_MARK.match(text, span.end_char) is not None


def labelled_line(
    text: str, doc: Doc, spans: list[Span], described: Described, family: str, span: Span, line_start: int
) -> bool:
    """Round 43a: whether the symptom labels its line, or is named again in the comment of a line a finding of its
    family labels ("• Back pain: mid back ache 2021 ..., settled on its own, none since")."""
    if _labels_its_line(text, span, line_start):
        return True
    return any(d["family"] == family and line_start <= sp.start_char < span.start_char
               and _labels_its_line(text, sp, line_start) for sp, d in zip(spans, described, strict=True))  # fmt: skip
