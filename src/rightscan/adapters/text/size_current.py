"""Several imaging sizes of one tumour, settled the way the note settles them.

A work-up note often copies each study's measurement (mammogram 2.6 cm, ultrasound 2.2 cm, MRI 3.1 cm) and then
says which one it stages with: in a sentence that names it ("MRI size accepted by the MDT as clinical size", "board
agreed clinical size = 2.1 cm") or in its summary line ("Assessment: 57F with L breast IDC 1.3 cm, cT1c N0").
That size stands and the others give way, as a clinician reading the note would take it (annotation guide 2,
tumor.size_cm: the size the note presents as current). Only when the sentences that say so give one size, none of
them negated; otherwise the sizes stay a conflict and the answer waits for the size.
The words are parameters of values.yaml (``size_current_words``, ``summary_headings``). Plain data work.
"""

from __future__ import annotations

import re

from rightscan.adapters.text.candidates import Candidate
from rightscan.adapters.text.rules import Rules
from rightscan.adapters.text.stage_values import keep_the_said_value, parameter_words

_FIELD = "tumor.size_cm"
# a size compared with a threshold ("tumour <2 cm, so surgery first", "more than 5 cm"): a cut-off, never the size
_COMPARED = re.compile(
    r"(?:[<>≤≥]|\b(?:less|more|greater|smaller|larger|bigger) than|\b(?:over|under|above|below))\s*\d"
)
_HEADING_END = re.compile(r"\s*:")


def _opens_summary(rules: Rules, sentence: str) -> bool:
    """Whether a sentence opens with a summary heading and its colon ("Assessment: ...", "A/P: ...")."""
    head = sentence.lstrip().lower()
    for word in rules.parameters.get("summary_headings", ()):
        w = word.lower()
        if head.startswith(w) and _HEADING_END.match(head, len(w)):
            return True
    return False


def summary_size(rules: Rules, by_field: dict[str, list[Candidate]]) -> None:
    """The size the note names as the one it stages with, or gives in its summary line, outranks the others."""
    live = [c for c in by_field.get(_FIELD, []) if c.used]
    if len({repr(c.value) for c in live}) < 2:
        return
    words = parameter_words(rules, "size_current_words")
    said = [
        c
        for c in live
        if not c.mention.effects & {"negated", "historical", "past", "hypothetical", "family"}
        and (_opens_summary(rules, c.mention.sentence) or any(p.search(c.mention.sentence.lower()) for p in words))
        and not _COMPARED.search(c.mention.sentence.lower())
    ]
    keep_the_said_value(live, said, "the note names another size as the one it stages with")
