"""Round 14v-a: a symptom quoted from a relative's story, after a pronoun that may be the relative's, waits.

A note names a relative and then quotes, in the same sentence, what was said of that relative ("her sister is in
hospice with brain metastases - 'she had these terrible headaches first'", "his brother died of lung cancer: 'he had
bone pain for months'"). Inside the quote the speaker says "I" of themselves, so a pronoun of the relative's sex there
may well be the relative; ConText's relative scope ends at the dash or the quotation mark, and the symptom was read as
the patient's. When the relative is of the patient's sex the pronoun may be either of them: the symptom is not surely
the patient's, so it is left uncertain (sent to confirmation, the answer waits and names it), never stated and never
dropped. ``foreign_pronouns`` reads the other-sex case (where the pronoun cannot be the patient). Outside a quote a
same-sex pronoun after a relative is read as the patient's, as before ("Daughter came with her today; she has new
back pain").

Only a symptom the reading raised is touched. Nothing changes when the symptom already carries a relative's or an
uncertain effect, when the quote names the patient or speaks in the first person ("she said 'I have had headaches'"),
or when the patient's sex is not read. The word lists are ``red_flag_readings`` in context.yaml (the same lists as
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
from rightscan.adapters.text.resolved_afterwards import symptom_codes
from rightscan.adapters.text.rules import Rules

# the double quotation marks that open and close a quote (single ones are apostrophes too often to count)
_QUOTE = re.compile(r"[\"\u201c\u201d]")
_NEAR_SYMPTOM = 8  # at most this many words from the pronoun to the symptom


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
            and symptom_codes(m) & raised
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
    """Whether the symptom stands inside a quote opened after a relative is named, a few words after a pronoun of the
    relative's (and the patient's) sex, with nothing naming the patient (nor "I", "me", "my") inside the quote."""
    marks = [q.start() for q in _QUOTE.finditer(before)]
    if len(marks) % 2 == 0:  # the symptom is not inside a quote
        return False
    opened = marks[-1]
    if not _hits(_tokens(before[:opened]), relatives):
        return False
    quoted = _tokens(before[opened:])
    if not any(len(quoted) - i <= _NEAR_SYMPTOM for i in _hits(quoted, pronouns)):
        return False
    return not _hits(quoted, patient)
