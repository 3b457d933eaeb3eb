"""The plain JSON API for callers without an EHR integration."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from rightscan.adapters.input_json import PatientInput
from rightscan.api import procedure_catalogue
from rightscan.interfaces.http.deps import Auth, FastJsonRoute, engine_of
from rightscan.interfaces.http.errors import ApiError

router = APIRouter(route_class=FastJsonRoute)


@router.get("/healthz", tags=["service"])
async def health(request: Request) -> dict[str, Any]:
    engine = engine_of(request)
    return {"status": "ok", "knowledge_version": engine.kb.version}


@router.post("/v1/evaluate", tags=["api"])
async def evaluate(request: Request, _auth: Auth, payload: PatientInput) -> dict[str, Any]:
    """Evaluate patient facts (the core input contract) and return the decision (the core output
    contract) with its `decision_id` and a link to its explanation page. The decision is logged."""
    engine = engine_of(request)
    result = await engine.evaluate(payload, channel="api")
    return {
        "decision_id": result.decision_id,
        "links": {"explanation": str(request.url_for("decision_page", decision_id=result.decision_id))},
        **result.decision,
    }


@router.get("/v1/decisions/{decision_id}", tags=["api"])
async def decision_record(request: Request, decision_id: str, _auth: Auth) -> dict[str, Any]:
    """The logged decision: coded facts, ratings, cards returned, output and feedback received."""
    record = engine_of(request).store.get_decision(_checked_id(decision_id))
    if record is None:
        raise ApiError(404, "no decision with this id", "decision_id")
    record["created_at"] = record["created_at"].isoformat()
    for f in record["feedback"]:
        f["received_at"] = f["received_at"].isoformat()
    return record


@router.get("/v1/procedures", tags=["api"])
async def procedures(request: Request) -> list[dict[str, Any]]:
    """The procedure catalogue: names, synonyms and CPT codes an order may use."""
    return procedure_catalogue(engine_of(request).kb)


def _checked_id(decision_id: str) -> str:
    import uuid

    try:
        return str(uuid.UUID(decision_id))
    except ValueError:
        raise ApiError(404, "no decision with this id", "decision_id") from None
