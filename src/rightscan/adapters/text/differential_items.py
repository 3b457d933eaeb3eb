"""Round 48s (v48 bq-029): a symptom named as an item of a differential is weighed, not told.

"Assessment: recurrent transient R hemisensory episodes - TIA vs focal seizures vs CNS metastasis": the seizure is one
of the diagnoses the writer weighs for the episodes, not a symptom the note says she has. ConText's "vs" is a question
for a metastasis only (a study or a symptom beside it kept its reading), so the seizure was raised. A symptom mention
right beside a differential's join (``differential_joins`` in context.yaml ``red_flag_readings``: "vs", "versus"),
before it ("seizure vs syncope") or after it with at most one describing word between ("vs focal seizures"), on the
same line, is left to confirm (uncertain): never stated, never dropped (an episode that may have been a seizure is
asked). A symptom told before a dash and the differential of its cause ("hip pain - OA vs mets") is not an item and
keeps its reading; so does one already denied, past, hypothetical, a relative's or explained.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rightscan.adapters.text.components import doc_text
from rightscan.adapters.text.rule_pass import ANY_SYMPTOM, NoteMentions

_SET_ASIDE = frozenset({"negated", "historical", "hypothetical", "family", "explained"})


class DifferentialItems:
    """Leaves a symptom named as a differential's item to confirm (module doc)."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        joins = sorted({" ".join(w.lower().split()) for w in words.get("differential_joins", ()) if w.strip()},
                       key=len, reverse=True)  # fmt: skip
        alts = "|".join(re.escape(j) for j in joins)
        # the join, then at most one describing word, right before the symptom; or the join right after it
        self._before = re.compile(rf"(?:^|[\s(/,;:])(?:{alts})\s+(?:[a-z][\w'-]*\s+)?$", re.I) if joins else None
        self._after = re.compile(rf"^\s*(?:{alts})(?=[\s(]|$)", re.I) if joins else None

    def apply(self, note: NoteMentions) -> None:
        if self._before is None or self._after is None:
            return
        text = doc_text(note.doc)
        for _, span, _d, e in note.mentions(ANY_SYMPTOM, without=_SET_ASIDE):
            start, end = span.start_char, span.end_char
            line_start = text.rfind("\n", 0, start) + 1
            nl = text.find("\n", end)
            line_end = len(text) if nl < 0 else nl
            if self._before.search(text[line_start:start]) or self._after.match(text[end:line_end]):
                e.add("uncertain")
