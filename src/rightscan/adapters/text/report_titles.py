"""Round 36r: the study a radiology report is about, named in its title, was done; it is not the order.

A report opens with the study performed as its title ("BILAT DX MAMMO W TOMO", "MRI BREAST BILAT W/WO", "FDG PET/CT
SKULL BASE TO MID-THIGH") and goes on with a report's parts: its history or indication, comparison, technique,
findings, impression, a BI-RADS assessment, a radiopharmaceutical's dose. A request or a reason-for-exam note opens the
same way ("CT C/A/P W CONTRAST\\nReason for exam: ...") but has no results below: its title is the study asked for
(annotation guide 2, order: absent when the only studies named were already done). A study the report's impression
recommends ("Recommend MRI abdomen w/wo contrast") is read by its own cue, as any proposal is.

What makes a note a report is ``context.yaml`` ``reports``: at least ``parts_at_least`` distinct parts after the title,
one of them a result. A part is a heading of the section categories it names (their titles are the sections' own, in
one place), at the start of a line or of a sentence, or one of its ``signs`` from the first result on. Plain text
work: offsets in, offsets out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rightscan.adapters.text.rules import Rules

_COLON = " :"


def _heading_pattern(titles: Iterable[str]) -> re.Pattern[str] | None:
    """The titles written as a heading ("findings :" -> "FINDINGS:", "Findings :"), at the start of a line or after a
    sentence's end ("... (supplemental screening). 57F ... Findings: 12 mm cysts")."""
    words = sorted({t[: -len(_COLON)].strip() for t in titles if t.endswith(_COLON) and t[: -len(_COLON)].strip()},
                   key=len, reverse=True)  # fmt: skip
    if not words:
        return None
    alternatives = "|".join(r"[ \t]+".join(map(re.escape, w.split())) for w in words)
    # possessive blanks: a long run of marks and blanks ("[x] [x] [x] ..." once the layout has read its boxes) is
    # passed once, never split between two blank classes (the blank-runs test: linear time)
    return re.compile(rf"(?:^[ \t]*+|[.;!?][ \t]++)(?P<h>{alternatives})[ \t]*+:", re.IGNORECASE | re.MULTILINE)


class ReportTitles:
    """Whether a note is a radiology report, read after its title."""

    def __init__(self, rules: Rules) -> None:
        spec = rules.reports
        by_category: dict[str, list[str]] = {}
        for s in rules.sections:
            by_category.setdefault(s.category, []).extend(s.titles)
        self._results = _heading_pattern(t for c in spec.get("result_sections", ()) for t in by_category.get(c, ()))
        self._parts = _heading_pattern(t for c in spec.get("part_sections", ()) for t in by_category.get(c, ()))
        self._signs = tuple(re.compile(s) for s in spec.get("signs", ()))
        self._least = int(spec.get("parts_at_least", 2))

    def is_report(self, text: str, after: int) -> bool:
        """Whether ``text`` past ``after`` (the end of its title) holds a report's parts: at least ``parts_at_least``
        distinct ones, one of them a result (findings, impression)."""
        if self._results is None:
            return False
        rest = text[after:]
        found = list(self._results.finditer(rest))
        if not found:
            return False
        results = {" ".join(m.group("h").lower().split()) for m in found}
        parts = {" ".join(m.group("h").lower().split()) for m in self._parts.finditer(rest)} if self._parts else set()
        # a sign counts from the first result on: a request's reason may quote a study before ("mammo 10/3 BI-RADS 0")
        results_from = found[0].start()
        signs = sum(1 for sign in self._signs if sign.search(rest, results_from))
        return len(results) + len(parts) + signs >= self._least
