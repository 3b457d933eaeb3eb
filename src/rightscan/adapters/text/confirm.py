"""Safety before coverage: a fact the note leaves uncertain must not decide silently.

``apply(decision, extraction, decide)`` takes the core's answer for the extracted facts and, for
each fact in ``extraction.to_confirm``, asks the core again with each candidate value of that fact
(a "possible" bone pain present, a suspected metastasis proven, the other of two stated N
categories). When the candidates lead to different answers, the decision becomes ``undetermined``
and ``insufficient_data`` names the fact to confirm and what it would change. When they all agree,
the uncertainty does not matter and the answer stands. Nothing is ever filled in: the facts passed
on are the note's own, and the alternatives are only used to test whether the answer depends on them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rightscan.adapters.json_copy import copy_json
from rightscan.adapters.text.model import DISTANT_FINDING_RULES, Extraction
from rightscan.domain.model import InputError

Decide = Callable[[dict[str, Any]], dict[str, Any]]


def _answered_by_staging(item: dict[str, Any], baseline: tuple[Any, Any]) -> bool:
    """Round 28b: where systemic staging imaging is recommended anyway, that imaging answers a distant finding's M."""
    return (
        baseline[0] == "recommended"
        and item["field"] == "tumor.m"
        and all(e.get("rule") in DISTANT_FINDING_RULES for e in item.get("evidence") or ())
    )


def _outcome(decision: dict[str, Any]) -> tuple[Any, Any]:
    return decision.get("systemic_imaging"), (decision.get("order") or {}).get("category")


def _variant(facts: dict[str, Any], fieldname: str, value: Any) -> dict[str, Any]:
    out: dict[str, Any] = copy_json(facts)
    if fieldname == "symptoms":
        codes = list(out.get("symptoms") or [])
        if value not in codes:
            codes.append(value)
        out["symptoms"] = codes
        return out
    head, _, tail = fieldname.partition(".")
    partner = {"tumor.t": "size_cm", "tumor.size_cm": "t"}.get(fieldname)
    if partner:  # T and size are two views of one fact: a candidate of one is tested without the other
        out.get("tumor", {}).pop(partner, None)
    if tail:
        part = out.setdefault(head, {})
        if value is None:
            part.pop(tail, None)
        else:
            part[tail] = value
    elif value is None:
        out.pop(head, None)
    else:
        out[head] = value
    return out


def _try(decide: Decide, facts: dict[str, Any]) -> tuple[Any, Any] | None:
    try:
        return _outcome(decide(facts))
    except InputError:
        return None  # the candidate contradicts another fact: it cannot settle the question


def flips(item: dict[str, Any], facts: dict[str, Any], decide: Decide, baseline: tuple[Any, Any]) -> list[str]:
    """The different answers the candidate values of one uncertain fact lead to (empty: no flip)."""
    answers = {baseline}
    for value in item["values"]:
        outcome = _try(decide, _variant(facts, item["field"], value))
        if outcome is not None:
            answers.add(outcome)
    if len(answers) < 2:
        return []
    return sorted(
        {str(a[0]) for a in answers}
        | ({f"order {a[1]}" for a in answers if a[1]} if len({a[1] for a in answers}) > 1 else set())
    )


def _shown(value: Any) -> str:
    """A candidate value as a clinician reads it (a laboratory result as its value and upper limit)."""
    if isinstance(value, dict) and "value" in value and "uln" in value:
        if value["uln"] == 1:  # a result whose range is not given, tested as a multiple of it
            return f"{value['value']:g} times the upper limit of normal"
        return f"{value['value']:g} with an upper limit of {value['uln']:g}"
    return str(value)


def apply(
    decision: dict[str, Any], extraction: Extraction, decide: Decide, facts: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The decision, made ``undetermined`` when an uncertain fact of the note would change it."""
    if not extraction.to_confirm:
        return decision
    facts = extraction.facts if facts is None else facts
    baseline = _outcome(decision)
    named: list[str] = []
    for item in extraction.to_confirm:
        if _answered_by_staging(item, baseline):
            continue
        answers = flips(item, facts, decide, baseline)
        if answers:
            values = item.get("shown") or ", ".join(map(_shown, item["values"]))
            named.append(
                f"{item['field']}: {item['reason']} (would be: {values}); confirm it - "
                f"the answer depends on it ({' / '.join(answers)})"
            )
    if not named:
        return decision
    out = dict(decision)
    out["systemic_imaging"] = "undetermined"
    staging_facts = [n for n in named if not n.startswith("symptoms")]
    if staging_facts and "systemic_staging" in out:  # red flags aside, the stage itself is uncertain
        out["systemic_staging"] = "undetermined"
    if "missing" in out:  # the structured list of the output contract, next to its text form
        out["missing"] = [
            {"field": n.split(":", 1)[0], "fact": n.split(":", 1)[1].split(";", 1)[0].strip(),
             "would_change": n.split("; ", 1)[1] if "; " in n else ""}
            for n in named
        ] + list(decision.get("missing", []))  # fmt: skip
    fields = ", ".join(dict.fromkeys(n.split(":", 1)[0] for n in named))
    out["summary"] = f"Cannot decide on systemic staging imaging - confirm from the note: {fields}"
    out["insufficient_data"] = [*named, *decision.get("insufficient_data", [])]
    return out
