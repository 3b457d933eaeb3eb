"""Round 27 (v27 blind): a correction the clinician adds to a note takes back what the note states of a symptom.

Notes drafted by an ambient scribe or copied forward are corrected at their end ("Correction: 'Patient reports
headaches' was transcribed from my question ('any headaches?'); she answered no."). The reader reads each sentence
for itself, so the draft's "Patient reports headaches" still stated a red flag the clinician had taken back. A
sentence holding one of ``correction_words`` (context.yaml) that names a symptom without stating it, or with a denial
word of its own outside the draft's words it quotes (``correction_denials``: "back pain was my question to her; she
denies it"), makes every statement of that symptom in the note a question: it leaves the stated facts and goes to
confirmation, naming it. Nothing is dropped on the correction's word alone; a correction that states the symptom
("the template's 'denies weight loss' is wrong; she reports 15 lb weight loss") or states it with a warning changes
nothing. Bounded: one pass over the mentions.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from rightscan.adapters.text.chronic_baseline import word_pattern
from rightscan.adapters.text.model import Mention

_NOT_STATED = frozenset({"negated", "question", "uncertain", "hypothetical", "historical"})
_QUOTED = re.compile(r"[\"“”][^\"“”\n]{0,300}[\"“”]")
REASON = "a correction in the note takes back what it stated of this symptom: confirm whether she has it"


@lru_cache(maxsize=16)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """``word_pattern`` of a word list, built once per list (the lists come from the knowledge files)."""
    return word_pattern(words)


def corrected_symptoms(
    mentions: Sequence[Mention], facts: Mapping[str, Any], words: Mapping[str, Sequence[str]]
) -> dict[str, Any] | None:
    """The to-confirm item for the stated symptoms a correction takes back (removing them from ``facts``), or None."""
    stated = facts.get("symptoms")
    pattern = _pattern(tuple(words.get("correction_words", ())))
    if not stated or pattern is None:
        return None
    denials = _pattern(tuple(words.get("correction_denials", ())))
    taken_back: set[str] = set()
    affirmed: set[str] = set()  # stated with a warning in a correction ("she reports 15 lb unintentional weight loss")
    for m in mentions:
        if not m.family.startswith("symptom") or not pattern.search(m.sentence):
            continue
        if "warning" in m.effects:
            affirmed.update(f.value for f in m.findings if f.field == "symptoms" and isinstance(f.value, str))
            continue
        own_words = _QUOTED.sub(" ", m.sentence)  # a quoted draft line is what is corrected, not the correction
        if (
            not (m.effects & _NOT_STATED)
            and not _inside_quotes(m)  # round 54x: '"bone pain" was carried over from a template' quotes the draft
            and (denials is None or not denials.search(own_words))
        ):
            continue  # "Correction: the template's 'denies weight loss' is wrong; she reports 15 lb weight loss"
        taken_back.update(f.value for f in m.findings if f.field == "symptoms" and isinstance(f.value, str))
    codes = [c for c in stated if c in taken_back - affirmed]
    if not codes:
        return None
    kept = [c for c in stated if c not in taken_back]
    if kept:
        facts["symptoms"] = kept  # type: ignore[index]
    else:
        del facts["symptoms"]  # type: ignore[attr-defined]
    return {"field": "symptoms", "values": codes, "reason": REASON}


def _inside_quotes(m: Mention) -> bool:
    """Round 54x (v54 ci-016): whether the mention lies inside a quotation of its sentence (the draft's or the
    requisition's words the correction names, '"bone pain" was carried over from a template'), not the writer's own
    telling. Needs the sentence's offset in the note (``sentence_start``); without it, False (as before)."""
    if m.sentence_start < 0:
        return False
    at, end = m.start - m.sentence_start, m.end - m.sentence_start
    return any(q.start() < at and end < q.end() for q in _QUOTED.finditer(m.sentence))
