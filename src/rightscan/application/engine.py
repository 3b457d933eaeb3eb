"""The Engine: the knowledge base plus the decision log, shared by the HTTP and web interfaces.
A decision is returned only once it is committed to the log. Logging carries decision ids and codes only.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rightscan.adapters.input_json import PatientInput, to_facts
from rightscan.application.core import digest, new_id
from rightscan.application.notes import confirm_uncertain
from rightscan.domain.decision import decide
from rightscan.domain.knowledge import Knowledge
from rightscan.domain.pama import pama_rating

if TYPE_CHECKING:  # the decision log needs the service extra; structured evaluation does not
    from rightscan.adapters.store.db import DecisionRecord, DecisionStore

log = logging.getLogger("rightscan.decisions")


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

    def decide(self, data: PatientInput, to_confirm: list[dict[str, Any]] | None = None) -> Evaluation:
        """Decide for validated input (raises ``InputError`` for contradictory facts).
        ``to_confirm``: facts a note left uncertain; the answer abstains when one of them would change it."""
        facts = to_facts(self.kb, data)
        decision = decide(self.kb, facts).to_dict()
        coded = data.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
        if to_confirm:
            decision = confirm_uncertain(self.kb, decision, coded, to_confirm)
        return Evaluation(new_id(), decision, coded)

    def record(
        self, evaluation: Evaluation, channel: str, tenant: str | None, extra: dict[str, Any] | None
    ) -> DecisionRecord:
        """The decision log record of an evaluation: ids, codes, ratings and the answer."""
        decision = evaluation.decision
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
        from rightscan.adapters.store.db import DecisionRecord

        return DecisionRecord(
            id=evaluation.decision_id,
            channel=channel,
            tenant=tenant,
            knowledge_version=self.kb.version,
            input_digest=digest(evaluation.coded_input),
            verdict=decision["systemic_imaging"],
            facts=evaluation.coded_input,
            ratings=ratings,
            output={"decisions": [{"order_ref": None, "decision": decision}], **(extra or {})},
        )

    async def evaluate(
        self,
        data: PatientInput,
        channel: str,
        extra: dict[str, Any] | None = None,
        tenant: str | None = None,
        to_confirm: list[dict[str, Any]] | None = None,
    ) -> Evaluation:
        """Decide, and return only once the decision is committed to the log (under ``tenant``)."""
        evaluation = self.decide(data, to_confirm)
        await asyncio.wrap_future(self.store.submit_decision(self.record(evaluation, channel, tenant, extra)))
        order = evaluation.decision["order"]
        log.debug(
            "decision %s channel=%s verdict=%s order=%s",
            evaluation.decision_id,
            channel,
            evaluation.decision["systemic_imaging"],
            order["procedure_id"] if order else "-",
        )
        return evaluation
