"""Round 48s (v48 bq-029): a symptom named as an item of a differential is weighed, not told.

"Assessment: recurrent transient R hemisensory episodes - TIA vs focal seizures vs CNS metastasis": the seizure is one
of the diagnoses the writer weighs for the episodes, not a symptom the note says she has. ConText's "vs" is a question
for a metastasis only (a study or a symptom beside it kept its reading), so the seizure was raised. A symptom mention
right beside a differential's join (``differential_joins`` in context.yaml ``red_flag_readings``: "vs", "versus"),
before it ("seizure vs syncope") or after it with at most one describing word between ("vs focal seizures"), on the
same line, is left to confirm (uncertain): never stated, never dropped (an episode that may have been a seizure is
asked). A symptom told before a dash and the differential of its cause ("hip pain - OA vs mets") is not an item and
keeps its reading; so does one already denied, past, hypothetical, a relative's or explained.

Round 53m (v53 cg-019): a distant metastasis named as a differential's item with an aside in brackets between it and
the join ("irregular hepatomegaly -> hepatic metastases (late breast recurrence, or a new GI/pancreatic primary) vs
obstruction") is weighed as the item right before "vs" is: ConText's "vs" reaches five words each way, and the aside
kept it from the metastasis, which was read as M1 (M1 without distant disease). A metastasis mention followed, on its
line, by one bracketed aside (one nested bracket at most, no line break) and then a differential's join gets the
question ConText gives "liver mets vs abscess" (the metastasis family's policy: to confirm, never M1). A stated M
category is no mention of this family; a metastasis already denied, past, hypothetical, a relative's or the aim of a
test keeps its reading.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rightscan.adapters.text.components import doc_text
from rightscan.adapters.text.rule_pass import ANY_SYMPTOM, NoteMentions

_SET_ASIDE = frozenset({"negated", "historical", "hypothetical", "family", "explained"})
_METASTASIS = frozenset({"metastasis"})  # context.yaml families: words describing distant metastasis
_M_READ = frozenset({"negated", "historical", "hypothetical", "family", "purpose", "question", "uncertain"})
_ASIDE = r"\s*\((?:[^()\n]|\([^()\n]*\)){1,160}\)\s*"  # one bracketed aside on the line (one nested bracket)


class DifferentialItems:
    """Leaves a symptom named as a differential's item to confirm (module doc)."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        joins = sorted({" ".join(w.lower().split()) for w in words.get("differential_joins", ()) if w.strip()},
                       key=len, reverse=True)  # fmt: skip
        alts = "|".join(re.escape(j) for j in joins)
        # the join, then at most one describing word, right before the symptom; or the join right after it
        self._before = re.compile(rf"(?:^|[\s(/,;:])(?:{alts})\s+(?:[a-z][\w'-]*\s+)?$", re.I) if joins else None
        self._after = re.compile(rf"^\s*(?:{alts})(?=[\s(]|$)", re.I) if joins else None
        # round 53m: a metastasis, its aside in brackets, then the join
        self._after_aside = re.compile(rf"^{_ASIDE}(?:{alts})(?=[\s(]|$)", re.I) if joins else None

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
        self._weighed_metastases(note, text)

    def _weighed_metastases(self, note: NoteMentions, text: str) -> None:
        """Round 53m: a metastasis with its aside in brackets before a differential's join is a question."""
        if self._after_aside is None:
            return
        for _, span, _d, e in note.mentions(_METASTASIS, without=_M_READ):
            end = span.end_char
            nl = text.find("\n", end)
            if self._after_aside.match(text[end : len(text) if nl < 0 else nl]):
                e.add("question")
