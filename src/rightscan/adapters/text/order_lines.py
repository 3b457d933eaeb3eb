"""Round 54l: a study named at the start of the note's last sentence, whose whole sentence the order resolver reads
as one proposed order, is the study asked for.

Reason-for-exam fields and short texts end with the order, written as a line with its views, preparation or
indication after the name ("MRI T-spine w/o contrast (eGFR 22)", "XR R femur 2 views - r/o lytic lesion", "US axilla
+/- FNA"). The words after the name are read by the same resolver every channel uses (domain.orders): a line it reads
as a result ("MRI breast showed a 2 cm mass"), a study done, declined or suggested by someone else, two studies, or
words it cannot read leave the mention to the other passes, as before. Only the last sentence: earlier ones in a
note tell of studies done ("Rib XR 9/28: no fracture", "Axillary US same day: no abnormal nodes"), which a result's
label and colon give away ("X: no Y" is no order line either).

Round 55n (v55 blind, payer documents): a prior authorisation, a utilisation review, a peer-to-peer call, an appeal or
a letter of medical necessity is about one study, named in its title or its first field ("PA request - URGENT. MRI
brain w/o & w/ contrast (70553).", "P2P note - UM physician reviewer ...\nStudy under review: bone scan"). That study
is the one considered, whether the payer approves it, denies it or judges it not indicated (annotation guide 2, order:
a study requested but judged not indicated is still the order). Only the first sentence of the note's head that names
a study, after the payer's words; a study told done, cancelled or withdrawn there keeps those effects, and two
studies named there stay two.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.tokens import Span

from rightscan.adapters.text.components import GROUP, PROCEDURE_PREFIX, doc_text
from rightscan.adapters.text.sentences import Sentences
from rightscan.adapters.text.study_reported import result_after
from rightscan.adapters.text.study_words import only_sides

# the head of a payer's document: its first lines, where the title and the request's field name the study
PAYER_HEAD_LINES = 3
PAYER_HEAD_SENTENCES = 3  # ... and its first sentences: a title, a field, the letter's opening sentence

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


@lru_cache(maxsize=4)
def _payer_words(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    # the blanks between words may have become a heading's colon ("CLINICAL REVIEW" read as "CLINICAL:REVIEW")
    alternatives = "|".join(r"[\s:]+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])", re.IGNORECASE)


def payer_title(rules: Any, span: Span, sents: Sentences) -> bool:
    """Round 55n: whether the mention names the study a payer's document is about: its sentence is among the
    document's first lines and sentences, after the payer's words (context.yaml study_choice.payer_documents), is the
    first sentence of the note that names a study, and does not tell the study done with its result."""
    words = _payer_words(tuple(((getattr(rules, "study_choice", None) or {}).get("payer_documents")) or ()))
    if words is None:
        return False
    doc = span.doc
    text = doc_text(doc)  # joined once per note (``Doc.text`` joins every token again on each call)
    sent = sents.of(span.start)
    head = text[: sent.start_char]
    if sum(1 for line in head.split("\n") if line.strip()) >= PAYER_HEAD_LINES:
        return False
    if sum(1 for k in range(sents.index[span.start]) if sents.spans[k].text.strip()) >= PAYER_HEAD_SENTENCES:
        return False  # a study told of further into a call's account ("a coworker told her of a PET scan")
    if not words.search(text, 0, span.start_char) or result_after(text[span.end_char : sent.end_char]):
        return False  # a study told done with its result ("CT CAP 9/14: no distant metastases") is no request
    return not any(s.label_.startswith(PROCEDURE_PREFIX) and s.start < sent.start for s in doc.spans.get(GROUP, ()))
