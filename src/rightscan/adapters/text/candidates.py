"""A mention under the context policies: whether it counts, and the value it offers for a field.

``status_of`` applies a family's policy from ``context.yaml`` to a mention's effects (negated, historical,
uncertain ...); a ``Candidate`` is one value a mention offers for one field, used or set aside with a reason.
Both the settling of the fields (``assemble``) and the setting inference (``note_setting``) read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.rules import STRENGTH_RANK, Rules
from rightscan.adapters.text.values import Finding

ACCEPTED, IGNORED, UNCERTAIN, GATED = "accepted", "ignored", "uncertain", "gated"
_REASONS = {
    "negated": "negated",
    "historical": "in the past or resolved",
    "hypothetical": "hypothetical (if, should she develop ...)",
    "family": "about a relative or another person",
    "explained": "chronic or explained by another cause",
    "uncertain": "uncertain (possible, suspected, rule out ...)",
    "unread_mark": "in a form row whose marking could not be read: confirm it",
    "cut_short": "right after a cue that a cut in an overlong run-on sentence separated from it: confirm it",
    "question": "asked as a question",
    "proposed": "planned or proposed, not done",
    "performed": "a study already done",
    "past": "done in the past",
    "purpose": "the aim of a test (rule out, evaluate for), not a finding",
    "warning": "with a warning qualifier (new, progressive, at night, different from usual, no trauma)",
    "declined": "declined, cancelled or not ordered",
    "copied": "in text copied from an earlier note or visit: not this visit's",
    "palpation": "a sign the examination found, not the patient's complaint",  # round 44x: context.yaml symptom_felt
}


@dataclass(slots=True)
class Candidate:
    field: str
    value: Any
    mention: Mention
    finding: Finding
    used: bool = True
    reason: str | None = None
    strength: str | None = None  # overrides the mention's strength (a value derived for another field)

    @property
    def rank(self) -> int:
        return STRENGTH_RANK[self.strength or self.mention.strength]


def status_of(rules: Rules, m: Mention) -> tuple[str, str | None]:
    policy = rules.policies[m.family]
    effects = m.effects
    if "negated" in effects and m.negated_value is not None and effects.isdisjoint(("family", "hypothetical")):
        return ACCEPTED, "negated mention read as its negated value"
    for effect in policy.ignore:
        if effect in effects and effects.isdisjoint(policy.overridden_by.get(effect, ())):
            return IGNORED, _REASONS[effect]
    for effect in policy.to_unparsed:
        if effect in effects:
            # only a suspected finding stands for its uncertain value (a suspected metastasis after surgery is a
            # suspected recurrence); one named only in a plan ("receptors on the metastasis") is not used at all
            # (fifteenth pass F6: nor one in a form row whose marking could not be read: it is confirmed as it is)
            gated = m.uncertain_value and effect not in ("proposed", "unread_mark")
            return (GATED if gated else UNCERTAIN), _REASONS[effect]
    if policy.require_one_of and effects.isdisjoint(policy.require_one_of):
        return IGNORED, f"no cue found ({' or '.join(policy.require_one_of)})"
    return ACCEPTED, None


def where(m: Mention) -> dict[str, Any]:
    return {"start": m.start, "end": m.end, "text": m.sentence, "rule": m.rule}


def has_field(facts: dict[str, Any], fieldname: str) -> bool:
    head, _, tail = fieldname.partition(".")
    return head in facts and (not tail or tail in facts[head])
