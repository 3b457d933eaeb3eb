"""Library entry points: one call from a JSON payload to a decision.

Interfaces (CLI, HTTP, web) call these; none of them re-implements a rule.
"""

from __future__ import annotations

from typing import Any

from rightscan import application
from rightscan.adapters.input_json import parse_json
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain.knowledge import Knowledge
from rightscan.domain.model import Decision, Facts, InputError

__all__ = ["InputError", "decide_facts", "evaluate", "evaluate_json", "load_knowledge", "procedure_catalogue"]


def decide_facts(facts: Facts, kb: Knowledge | None = None) -> Decision:
    """Decide from domain facts (the fastest path: no parsing, no validation of JSON types)."""
    return application.decide_facts(kb or load_knowledge(), facts)


def evaluate(payload: dict[str, Any], order: str | None = None, kb: Knowledge | None = None) -> dict[str, Any]:
    """Input contract (a decoded JSON object) -> output contract (a dict). Raises ``InputError``.
    ``order`` replaces the payload's order (the answer is the decision alone, without the CLI's note)."""
    return application.decide_payload(kb or load_knowledge(), payload, order)


def evaluate_json(text: str | bytes, order: str | None = None, kb: Knowledge | None = None) -> dict[str, Any]:
    """Like ``evaluate`` but from JSON text."""
    return evaluate(parse_json(text), order, kb)


def procedure_catalogue(kb: Knowledge | None = None) -> list[dict[str, Any]]:
    """Every study an order may name (see ``rightscan.application.procedure_catalogue``)."""
    return application.procedure_catalogue(kb or load_knowledge())
