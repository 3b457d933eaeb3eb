"""Round 13a: a symptom that points back to what the note said of it before is read as it was read there.

Notes repeat a symptom with a pointer back to its first telling ("Cough as above."; "ROS: +SOB, cough, wheeze as
above"; "back pain - see HPI"): the pointer (a BACK_REFERENCE cue of context_rules.json, effect ``refers_back``) says
the symptom is the one described before, with everything said of it there. When every earlier mention of that
symptom was left out (explained, denied, a relative's, ...) or left to confirm, the pointer takes the same reading:
the earlier qualifiers are carried onto it, so it is never counted a second time without them. Nothing changes when
an earlier mention of the symptom stands, when there is none, or when the pointing mention carries a warning of its
own ("new", "worse at night": context.yaml categories WARNING), which the first telling did not weigh.

A pure function over the mentions already read; the words are in the knowledge files.
"""

from __future__ import annotations

import dataclasses

from rightscan.adapters.text.candidates import ACCEPTED, status_of
from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.rules import Rules
from rightscan.adapters.text.values import FACT

POINTER = "refers_back"  # context.yaml categories: BACK_REFERENCE
WARNING = "warning"
LATER_QUALIFIERS = frozenset({"explained", "historical"})  # told later, they take an earlier mention back


def _values(m: Mention) -> frozenset[tuple[str, object]]:
    return frozenset((f.field, _frozen(f.value)) for f in m.findings if f.kind == FACT)


def _frozen(value: object) -> object:
    """A finding's value in a hashable form: a lab's ``{"value": ..., "uln": ...}`` or a list of values compares by its
    contents (a mapping or a list here once stopped the whole note with a TypeError, blind v35)."""
    if isinstance(value, dict):
        return tuple(sorted((str(k), _frozen(v)) for k, v in value.items()))
    if isinstance(value, list | tuple | set | frozenset):
        return tuple(_frozen(v) for v in value)
    return value


def _stands(rules: Rules, o: Mention, earlier: list[Mention]) -> bool:
    """Whether an earlier mention is counted: accepted, and not explained or called resolved by a mention of the
    symptom told after it without a warning of its own (as ``assemble`` reads a symptom explained later)."""
    if status_of(rules, o)[0] != ACCEPTED:
        return False
    if WARNING in o.effects:
        return True
    return not any(p.start > o.start and p.effects & LATER_QUALIFIERS and "negated" not in p.effects for p in earlier)


def carry(rules: Rules, mentions: list[Mention]) -> list[Mention]:
    """The mentions, with each pointing-back symptom given the qualifiers of its earlier mentions when none stood."""
    if not any(POINTER in m.effects for m in mentions):
        return mentions
    out: list[Mention] = []
    for m in mentions:
        out.append(_carried(rules, m, mentions) if POINTER in m.effects else m)
    return out


def _carried(rules: Rules, m: Mention, mentions: list[Mention]) -> Mention:
    policy = rules.policies.get(m.family)
    values = _values(m)
    if policy is None or not values or WARNING in m.effects or status_of(rules, m)[0] != ACCEPTED:
        return m
    earlier = [
        o
        for o in mentions
        if o.end <= m.start and o.family == m.family and POINTER not in o.effects and _values(o) & values
    ]
    if not earlier or any(_stands(rules, o, earlier) for o in earlier):
        return m
    qualifying = frozenset(policy.ignore) | frozenset(policy.to_unparsed)
    carried = frozenset(e for o in earlier for e in o.effects if e in qualifying)
    return dataclasses.replace(m, effects=m.effects | carried) if carried else m
