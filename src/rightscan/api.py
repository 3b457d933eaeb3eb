"""Library entry points: one call from a JSON payload to a decision.

Interfaces (CLI, HTTP, web) call these; none of them re-implements a rule.
"""

from __future__ import annotations

from typing import Any

from rightscan.adapters.input_json import parse_json
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.application import decide_payload
from rightscan.domain.decision import decide
from rightscan.domain.knowledge import Knowledge
from rightscan.domain.model import Decision, Facts, InputError

__all__ = ["InputError", "decide_facts", "evaluate", "evaluate_json", "load_knowledge"]


def decide_facts(facts: Facts, kb: Knowledge | None = None) -> Decision:
    """Decide from domain facts (the fastest path: no parsing, no validation of JSON types)."""
    return decide(kb or load_knowledge(), facts)


def evaluate(payload: dict[str, Any], order: str | None = None, kb: Knowledge | None = None) -> dict[str, Any]:
    """Input contract (a decoded JSON object) -> output contract (a dict). Raises ``InputError``."""
    return decide_payload(kb or load_knowledge(), payload, order)


def evaluate_json(text: str | bytes, order: str | None = None, kb: Knowledge | None = None) -> dict[str, Any]:
    """Like ``evaluate`` but from JSON text."""
    return evaluate(parse_json(text), order, kb)


def procedure_catalogue(kb: Knowledge | None = None) -> list[dict[str, Any]]:
    """Every study an order may name: id, ACR name, purpose, codes, synonyms, radiation level.

    ``synonyms`` are the names that resolve to the study on their own; ``ambiguous_names`` name the
    study's family but leave a choice open ("mammogram": screening or diagnostic) and are answered
    with choices.
    """
    from rightscan.domain.orders import interpret

    kb = kb or load_knowledge()
    rows = []
    for p in kb.procedures.values():
        own = [s for s in p.synonyms if interpret(kb, s).status == "resolved"]
        rows.append(
            {
                "id": p.id,
                "name": p.name,
                "purpose": p.purpose,
                "rated_by_acr_topic": p.in_topic,
                "cpt": list(p.cpt),
                "hcpcs": list(p.hcpcs),
                "loinc": list(p.loinc),
                "synonyms": own,
                "ambiguous_names": [s for s in p.synonyms if s not in own],
                "rrl": p.rrl,
                "adult_dose_msv": p.adult_dose_msv,
            }
        )
    return rows
