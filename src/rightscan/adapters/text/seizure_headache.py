"""Round 43u (v43 bb-049): a headache told beside a seizure keeps its red flag whatever cause the patient gave it.

"Husband called: wife had a full body shaking episode ~0500, bit her tongue, now groggy ... Husband says she's been
having headaches for a couple of weeks that she put down to stress at work." Put down to stress alone, the headache is
explained (the annotation guide's benign cause). But a headache that comes with a seizure comes "with neurologic
signs", the guide's warning qualifier: it counts even though a benign cause is mentioned. So an explained headache is
read as warned when its paragraph (no blank line between) states a seizure as the patient's, now: a seizure mention
that is not denied ("No prior seizures" denies only the past ones), asked, hypothetical, a relative's, historical,
explained or uncertain. Only a cause the patient or her family gave it in passing ("she put down to stress", "blames
on", "attributed to"): a known primary headache ("lifelong migraines, same pattern", round 16a) still explains it. A
headache denied, asked or a relative's stays as it reads, and so does one in a paragraph with no seizure stated.
"""

from __future__ import annotations

import re

from rightscan.adapters.text.components import doc_text
from rightscan.adapters.text.rule_pass import SYMPTOM, NoteMentions

_HEADACHE = "headache"
_SEIZURE = "seizure"
_NEUROLOGIC_SIGNS = frozenset({_SEIZURE, "neurologic_deficit"})  # round 48m: a stated focal deficit too
# a seizure carrying one of these is not stated as the patient's, now
_NOT_STATED = frozenset({"negated", "hypothetical", "question", "family", "historical", "explained", "uncertain"})
# an explained headache carrying one of these stays as it reads
_NOT_HERS = frozenset({"negated", "hypothetical", "question", "family", "historical"})
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# a cause given in passing: the attribution's verb in the headache's sentence
_ATTRIBUTED = re.compile(
    r"\b(?:(?:put|puts|putting)\s+(?:it\s+|them\s+|this\s+)?down\s+to|blam(?:e|es|ed|ing)|attribut(?:e|es|ed|ing)"
    r"|ascrib(?:e|es|ed|ing)|chalk(?:s|ed)?\s+(?:it\s+)?up\s+to)\b",
    re.IGNORECASE,
)


def headache_beside_seizure(note: NoteMentions) -> None:
    """An explained headache in a paragraph that states a seizure or a focal deficit: warned, no longer explained
    (module doc)."""
    text = doc_text(note.doc)
    seizures = [
        span.start_char
        for _, span, d, _ in note.mentions(SYMPTOM, without=_NOT_STATED)
        if any(f.field == "symptoms" and f.value in _NEUROLOGIC_SIGNS for f in d["findings"])
    ]
    if not seizures:
        return
    for _, span, d, e in note.mentions(SYMPTOM, having=frozenset({"explained"}), without=_NOT_HERS):
        if not any(f.field == "symptoms" and f.value == _HEADACHE for f in d["findings"]):
            continue
        if not _ATTRIBUTED.search(note.sents.of(span.start).text):
            continue
        for at in seizures:
            a, b = sorted((at, span.start_char))
            if not _BLANK_LINE.search(text[a:b]):
                e.discard("explained")
                e.add("warning")
                break
