"""Round 14v-a: a symptom told in a relative's story, after a pronoun that may be the relative's, is left to confirm.

A note names a relative and goes on, in the same sentence, with a pronoun of that relative's sex before a symptom
("her sister is in hospice with brain metastases - 'she had terrible headaches first'", "his brother died of lung
cancer; he lost a lot of weight before"). ConText's relative scope ends at the dash, the semicolon or the quotation
mark, and the symptom was read as the patient's. When the relative is of the patient's sex the pronoun may be either
of them: the symptom is not surely the patient's, so it is left uncertain (sent to confirmation, the answer waits and
names it), never stated and never dropped. ``foreign_pronouns`` reads the other-sex case (where the pronoun cannot be
the patient); this module reads the case where it cannot be told apart.

Nothing changes when the symptom already carries a relative's or an uncertain effect, when the sentence names the
patient after the relative ("her mother is staying with her; the patient says she has had headaches"), or when the
patient's sex is not read. The word lists are ``red_flag_readings`` in context.yaml (the same lists as
``foreign_pronouns``); a pure function over the mentions already read.
"""

from __future__ import annotations

import dataclasses
import re

from rightscan.adapters.text.candidates import ACCEPTED, status_of
from rightscan.adapters.text.foreign_pronouns import (
    FAMILY,
    SYMPTOM_FAMILIES,
    UNCERTAIN,
    _hits,
    _phrases,
    _sex,
    _symptom_at,
    _tokens,
)
from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.rules import Rules
from rightscan.adapters.text.values import FACT

# the marks that end ConText's relative scope and open a new clause: a spaced dash, a semicolon, a colon, a quotation
# mark or a bracket ("her sister ... - 'she had ...'", "his brother ...; he had ...")
_BREAK = re.compile(r"\s[-\u2013\u2014]+\s|[\u2013\u2014;:\"\u201c\u201d(]")
_NEAR_SYMPTOM = 8  # at most this many words from the pronoun to the symptom


def _codes(m: Mention) -> frozenset[object]:
    return frozenset(f.value for f in m.findings if f.kind == FACT and f.field == "symptoms")


def carry(rules: Rules, mentions: list[Mention], raised: frozenset[object]) -> list[Mention]:
    """The mentions, with each mention of a raised symptom told after a same-sex relative and that relative's pronoun
    made uncertain (a symptom the reading did not raise is left as it was)."""
    sex = _sex(rules, mentions)
    if sex not in ("female", "male") or not raised:
        return mentions
    words = rules.red_flag_readings
    relatives = _phrases(words.get(f"{sex}_relatives", ()))
    pronouns = _phrases(words.get(f"{sex}_pronouns", ()))
    patient = _phrases(words.get("patient_words", ()))
    out: list[Mention] = []
    changed = False
    for m in mentions:
        if (
            m.family in SYMPTOM_FAMILIES
            and _codes(m) & raised
            and not m.effects & {FAMILY, UNCERTAIN}
            and _hits(_tokens(m.sentence), relatives)
            and status_of(rules, m)[0] == ACCEPTED
        ):
            at = _symptom_at(rules, m)
            if at is not None and _relative_story(m.sentence[:at], relatives, pronouns, patient):
                m = dataclasses.replace(m, effects=m.effects | {UNCERTAIN})
                changed = True
        out.append(m)
    return out if changed else mentions


def _relative_story(
    before: str, relatives: list[tuple[str, ...]], pronouns: list[tuple[str, ...]], patient: list[tuple[str, ...]]
) -> bool:
    """Whether the words before a symptom name a relative, then, past a mark that opens a new clause, a pronoun of the
    relative's (and the patient's) sex a few words before the symptom, and nothing naming the patient after the
    relative."""
    pieces = [_tokens(p) for p in _BREAK.split(before)]
    tokens = [t for p in pieces for t in p]
    clause = [k for k, p in enumerate(pieces) for _ in p]  # the clause of each word
    named = _hits(tokens, relatives)
    if not named:
        return False
    told = [
        i
        for i in _hits(tokens, pronouns)
        if len(tokens) - i <= _NEAR_SYMPTOM and any(r < i and clause[r] < clause[i] for r in named)
    ]
    if not told:
        return False
    first = min(r for r in named if any(r < i and clause[r] < clause[i] for i in told))
    return not any(i > first for i in _hits(tokens, patient))
