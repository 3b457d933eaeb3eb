"""Round 14v-a: a raised symptom the note later says is over is left to confirm, never raised.

A note may tell a symptom as present and, in a later sentence, tell the same symptom as over: an interval history
carried forward from an earlier visit and then today's update ("C/o new L hip pain x 3 wks ... Plan PT." then "Hip
pain resolved completely after PT"). Which of the two is today's is the note's order of events, which the words alone
do not settle: the later telling may be of an older episode ("new back pain x 2 wks; the back pain of 2019 resolved
with physio"). So a symptom raised from the earlier telling is not surely the patient's present symptom: its
mentions before the resolution are left uncertain (sent to confirmation, the answer waits and names it), never stated
and never dropped. Only a symptom the reading raised is touched (a presentation already read as resolved stays as it
was), and only for a later telling that says it is over in words (context.yaml red_flag_readings.resolution_words
after the symptom in its sentence, with the historical effect): "Hx of tension headaches" or a review of systems that
denies the symptom changes nothing. A pure function over the mentions.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from rightscan.adapters.text.candidates import ACCEPTED, status_of
from rightscan.adapters.text.foreign_pronouns import FAMILY, SYMPTOM_FAMILIES, UNCERTAIN, _symptom_at
from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.rules import Rules
from rightscan.adapters.text.values import FACT

HISTORICAL = "historical"  # context.yaml categories: HISTORICAL (resolved, gone, no longer ...)
_WORD = re.compile(r"[a-z]+")
_NOT_OVER = frozenset({"negated", FAMILY, "hypothetical", "question", UNCERTAIN})


def symptom_codes(m: Mention) -> frozenset[object]:
    """The symptom codes a mention states as facts (also read by relative_story)."""
    return frozenset(f.value for f in m.findings if f.kind == FACT and f.field == "symptoms")


def _says_over(rules: Rules, m: Mention, words: Iterable[str]) -> bool:
    """Whether the words after the mention in its sentence (the whole sentence when the mention's spot in it cannot be
    told) say the symptom is over."""
    at = _symptom_at(rules, m)
    tail = " ".join(_WORD.findall(m.sentence.lower()[(at or 0) :]))
    return any(re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", tail) for w in words)


def carry(rules: Rules, mentions: list[Mention], raised: frozenset[object]) -> list[Mention]:
    """The mentions, with each mention of a raised symptom that a later sentence tells as over made uncertain."""
    words = rules.red_flag_readings.get("resolution_words", ())
    if not raised or not words:
        return mentions
    over = [
        m
        for m in mentions
        if m.family in SYMPTOM_FAMILIES
        and HISTORICAL in m.effects
        and not m.effects & _NOT_OVER
        and symptom_codes(m) & raised
        and _says_over(rules, m, words)
    ]
    if not over:
        return mentions
    out: list[Mention] = []
    changed = False
    for m in mentions:
        if (
            m.family in SYMPTOM_FAMILIES
            and UNCERTAIN not in m.effects
            and (codes := symptom_codes(m) & raised)
            and status_of(rules, m)[0] == ACCEPTED
            and any(o.start > m.end and o.sentence != m.sentence and codes & symptom_codes(o) for o in over)
        ):
            m = dataclasses.replace(m, effects=m.effects | {UNCERTAIN})
            changed = True
        out.append(m)
    return out if changed else mentions
