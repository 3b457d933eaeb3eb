"""Round 54l: a study named at the start of the note's last sentence, whose whole sentence the order resolver reads
as one proposed order, is the study asked for.

Reason-for-exam fields and short texts end with the order, written as a line with its views, preparation or
indication after the name ("MRI T-spine w/o contrast (eGFR 22)", "XR R femur 2 views - r/o lytic lesion", "US axilla
+/- FNA"). The words after the name are read by the same resolver every channel uses (domain.orders): a line it reads
as a result ("MRI breast showed a 2 cm mass"), a study done, declined or suggested by someone else, two studies, or
words it cannot read leave the mention to the other passes, as before. Only the last sentence: earlier ones in a
note tell of studies done ("Rib XR 9/28: no fracture", "Axillary US same day: no abnormal nodes"), which a result's
label and colon give away ("X: no Y" is no order line either).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span

from rightscan.adapters.text.sentences import Sentences
from rightscan.adapters.text.study_words import only_sides

# an order line is short; a longer sentence is prose, read by the context rules (also bounds the resolver's work)
MAX_LINE_CHARS = 160


def order_line(kb: Any, span: Span, sents: Sentences) -> bool:
    """Whether the mention opens its sentence (after its side only) and the resolver reads the sentence from the
    mention on as one proposed order of a single study, every word read."""
    from rightscan.domain import orders

    sent = sents.of(span.start)
    doc = span.doc
    last = next((t.i for t in reversed(doc) if not (t.is_space or t.is_punct)), -1)
    if last >= sent.end or not only_sides(sent[: span.start - sent.start].text):
        return False
    line = sent[span.start - sent.start :].text.strip()
    if not line or len(line) > MAX_LINE_CHARS or ":" in line:
        return False
    reading = orders.interpret(kb, line)
    return (
        reading.status == "resolved"
        and reading.study is not None
        and reading.order_status == "proposed"
        and not reading.unread
    )
