"""Evaluate structured facts: the use case every channel shares.

Nothing here decides anything clinical: it validates input, calls ``decide``, and says when an explicit
order replaced the one given.
"""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

import orjson

from rightscan.adapters.input_json import load_facts
from rightscan.domain.decision import decide
from rightscan.domain.knowledge import Knowledge
from rightscan.domain.model import Decision, Facts


def digest(payload: Any) -> str:
    """sha256 of the canonical JSON of the coded input (sorted keys): identical input, identical digest."""
    return hashlib.sha256(orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)).hexdigest()


def new_id() -> str:
    return str(uuid.uuid4())


def decide_facts(kb: Knowledge, facts: Facts) -> Decision:
    """Decide from domain facts (the fastest path: no parsing, no validation of JSON types)."""
    return decide(kb, facts)


def decide_payload(kb: Knowledge, payload: Any, order: str | None = None) -> dict[str, Any]:
    """Input contract (decoded JSON) -> output contract. ``order`` replaces the payload's order.
    Raises ``InputError`` naming the field."""
    if isinstance(payload, dict) and "topic" in payload:  # a topic served from a folder of knowledge
        from rightscan.adapters.topic_files import decide_payload as decide_topic_payload

        return decide_topic_payload(kb, payload, order).to_dict()
    return decide(kb, load_facts(kb, payload, order)).to_dict()


def order_override(
    payload: object, order: str | None, by: str = "--order", given_in: str = "the input"
) -> dict[str, str] | None:
    """An explicit order (``--order``, or the ``order`` of a request: ``by`` names which) replaces an order
    stated in ``payload`` (the input, or the facts read from a note: ``given_in`` names which), and the
    purpose given for it. The stated order is removed from ``payload``; the returned note says what was
    replaced (None when nothing was: no explicit order, none stated, or the same text)."""
    if order is None or not isinstance(payload, dict):
        return None
    given = payload.get("order")
    if not isinstance(given, str) or given.strip() == order.strip():
        return None
    del payload["order"]
    note = {"input_order": given, "used": order.strip()}
    purpose = payload.pop("purpose", None)
    if isinstance(purpose, str):
        note["input_purpose"] = purpose
    note["note"] = f"{by} replaced the order {given_in}" + (" and its purpose" if purpose else "")
    return note


def with_override(override: dict[str, str] | None, decision: dict[str, Any]) -> dict[str, Any]:
    """The answer, led by the override note when an explicit order replaced a stated one."""
    return {"order_override": override, **decision} if override else decision


def evaluate_facts(kb: Knowledge, payload: Any, order: str | None = None) -> dict[str, Any]:
    """Use case *evaluate facts*: the input contract (decoded JSON) and an optional explicit order -> the
    output contract, led by ``order_override`` when ``order`` replaced the input's own. Raises ``InputError``."""
    if order is not None and isinstance(payload, dict):
        payload = dict(payload)
    override = order_override(payload, order, given_in="given in the input")
    return with_override(override, decide_payload(kb, payload, order))
