"""Round 39b: weight lost with the treatment's side effects told in its sentence is explained.

The red flag is *unexplained* weight loss (red_flags.yaml; annotation guide: a symptom explicitly attributed to a benign
cause with nothing worrying about it is not counted). A note on a patient under treatment gives the loss with its cause
in the same sentence, before or after it ("Appetite poor 2/2 chemo nausea, wt down 2 kg since last visit - onc aware,
adjusting antiemetics"; "lost 3 lb this cycle with mucositis"): ConText's explaining cues reach only the words right
after them, so the loss was raised. Here a weight-loss mention that stands, carries no warning (unintentional,
despite ...) and shares its sentence with a side effect of treatment (``treatment_weight_causes`` of context.yaml), not
denied just before it (``treatment_weight_denials``: "no nausea from chemo"), is explained.

A loss told in an amount of at least ``treatment_weight_max_kg`` (pounds converted) is not explained away: a large loss
may be the disease's whatever the nausea, so it is left to confirm (the answer waits and names it), never dropped.
A pure function over the mentions.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from rightscan.adapters.text.candidates import ACCEPTED, status_of
from rightscan.adapters.text.foreign_pronouns import SYMPTOM_FAMILIES, UNCERTAIN
from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.resolved_afterwards import symptom_codes
from rightscan.adapters.text.rules import Rules

WEIGHT_LOSS = "weight_loss"
EXPLAINED = "explained"
WARNING = "warning"
_KG_PER_LB = 0.453592
_AMOUNT = re.compile(r"(\d{1,3}(?:\.\d{1,2})?)\s*(kg|kgs|kilos?|kilograms?|lb|lbs|pounds?)\b", re.IGNORECASE)
_DENIAL_REACH = 3  # words before the cause that may deny it


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _kg(text: str) -> float | None:
    found = _AMOUNT.search(text)
    if found is None:
        return None
    number = float(found.group(1))
    return number * _KG_PER_LB if found.group(2).lower().startswith(("lb", "pound")) else number


def carry(rules: Rules, mentions: list[Mention]) -> list[Mention]:
    """The mentions, with each standing, unwarned weight loss told beside a side effect of treatment explained (or left
    to confirm when its amount is large)."""
    words = rules.red_flag_readings
    causes = words.get("treatment_weight_causes", ())
    if not causes:
        return mentions
    cause = re.compile(rf"(?<![\w/])(?:{_alternatives(causes)})(?![\w/])", re.IGNORECASE)
    denials = frozenset(w.lower() for w in words.get("treatment_weight_denials", ()))
    limit = float(next(iter(words.get("treatment_weight_max_kg", ())), "inf"))
    out: list[Mention] = []
    for m in mentions:
        if (
            m.family in SYMPTOM_FAMILIES
            and WEIGHT_LOSS in symptom_codes(m)
            and WARNING not in m.effects
            and status_of(rules, m)[0] == ACCEPTED
            and _told_with_cause(m.sentence, cause, denials)
        ):
            kg = _kg(_own_text(m))
            m = dataclasses.replace(m, effects=m.effects | {UNCERTAIN if kg is not None and kg >= limit else EXPLAINED})
        out.append(m)
    return out


def _own_text(m: Mention) -> str:
    """The mention's words (its whole sentence when its place in it is not known)."""
    if m.sentence_start >= 0 and 0 <= m.start - m.sentence_start <= len(m.sentence):
        at = m.start - m.sentence_start
        return m.sentence[at : at + m.end - m.start]
    return m.sentence


def _told_with_cause(sentence: str, cause: re.Pattern[str], denials: frozenset[str]) -> bool:
    for found in cause.finditer(sentence):
        before = re.findall(r"[\w/]+", sentence[: found.start()].lower())[-_DENIAL_REACH:]
        if not denials.intersection(before):
            return True
    return False
