"""Application services: compose adapters around the domain for the interfaces (HTTP, web).

Nothing here decides anything clinical: it validates input, calls ``decide``, and records the
consultation in the decision log. Logging carries decision ids and codes only.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import uuid
from dataclasses import dataclass
from typing import Any

import orjson

from rightscan.adapters.input_json import PatientInput, to_facts
from rightscan.adapters.store.db import DecisionRecord, DecisionStore
from rightscan.domain.decision import decide
from rightscan.domain.knowledge import Knowledge
from rightscan.domain.pama import pama_rating

log = logging.getLogger("rightscan.decisions")


def digest(payload: Any) -> str:
    """sha256 of the canonical JSON of the coded input (sorted keys): identical input, identical digest."""
    return hashlib.sha256(orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)).hexdigest()


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass(slots=True)
class Evaluation:
    decision_id: str
    decision: dict[str, Any]
    coded_input: dict[str, Any]


class Engine:
    """The knowledge base plus the decision log, shared by every interface."""

    def __init__(self, kb: Knowledge, store: DecisionStore) -> None:
        self.kb = kb
        self.store = store

    def prepare(
        self, data: PatientInput, channel: str, extra: dict[str, Any] | None = None
    ) -> tuple[Evaluation, DecisionRecord]:
        """Decide for validated input (raises ``InputError`` for contradictory facts); build its log record."""
        facts = to_facts(self.kb, data)
        decision = decide(self.kb, facts).to_dict()
        coded = data.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
        decision_id = new_id()
        rating, _ = pama_rating(self.kb.pama, decision)
        order = decision["order"]
        ratings = (
            [
                {
                    "procedure_id": order["procedure_id"],
                    "cpt": order["cpt"],
                    "category": order["category"],
                    "variant": order["variant"],
                    "pama": rating,
                }
            ]
            if order
            else []
        )
        record = DecisionRecord(
            id=decision_id,
            channel=channel,
            knowledge_version=self.kb.version,
            input_digest=digest(coded),
            verdict=decision["systemic_imaging"],
            facts=coded,
            ratings=ratings,
            output={"decisions": [{"order_ref": None, "decision": decision}], **(extra or {})},
        )
        return Evaluation(decision_id, decision, coded), record

    async def evaluate(self, data: PatientInput, channel: str, extra: dict[str, Any] | None = None) -> Evaluation:
        """Decide, and return only once the decision is committed to the log."""
        evaluation, record = self.prepare(data, channel, extra)
        await asyncio.wrap_future(self.store.submit_decision(record))
        order = evaluation.decision["order"]
        log.info(
            "decision %s channel=%s verdict=%s order=%s",
            evaluation.decision_id,
            channel,
            evaluation.decision["systemic_imaging"],
            order["procedure_id"] if order else "-",
        )
        return evaluation
