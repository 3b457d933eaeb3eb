"""CDS Hooks 2.0 service: discovery, order-select / order-sign, feedback.

Thin: FastAPI checks the caller (``Auth``) and validates the body; the use cases are the application's
(``rightscan.application.consult`` and ``record_feedback``). Answers are sent as already-encoded JSON
(orjson), so the response models below describe them in the OpenAPI document without costing a second
validation on the hot path.
"""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import APIRouter, Request, Response
from pydantic import BaseModel

from rightscan.adapters.cdshooks.models import DiscoveryResponse, FeedbackRequest, HookRequest, HookResponse
from rightscan.application import consult, discovery, record_feedback
from rightscan.interfaces.http import access
from rightscan.interfaces.http.deps import (
    Auth,
    EngineDep,
    FastJsonRoute,
    SettingsDep,
    engine_of,
    settings_of,
    tenant_of,
)
from rightscan.interfaces.http.problem import errors_doc

router = APIRouter(tags=["cds-hooks"], route_class=FastJsonRoute)


class FeedbackReceipt(BaseModel):
    received: int
    new: int


def _json(content: Any) -> Response:
    return Response(orjson.dumps(content), media_type="application/json")


@router.get("/cds-services", response_model=DiscoveryResponse, responses=errors_doc(401))
async def discovery_document(settings: SettingsDep, _auth: Auth) -> Response:
    """CDS Hooks discovery: one service id registered for order-select and order-sign."""
    return _json(discovery(settings))


@router.post(
    "/cds-services/{service_id}", response_model=HookResponse, responses=errors_doc(400, 401, 404, 412, 422, 503)
)
async def call_service(request: Request, service_id: str, auth: Auth, hook: HookRequest) -> Response:
    """order-select / order-sign: rate each selected (or every) imaging ServiceRequest in draftOrders."""
    # The hot route: the engine and settings are read from the app directly (each extra dependency costs
    # FastAPI a resolution per request); the caller's principal still comes from its dependency.
    engine, settings = engine_of(request), settings_of(request)
    tenant = tenant_of(auth)

    def explanation_url(consult_id: str) -> str:
        return access.link_for(request, access.decision_url(request, consult_id), consult_id, tenant)

    subject = access.patient_ref(request, tenant, hook.context.patientId)  # the patient, as a keyed hash
    return _json(await consult(engine, settings, hook, service_id, tenant, explanation_url, subject=subject))


@router.post(
    "/cds-services/{service_id}/feedback",
    response_model=FeedbackReceipt,
    responses=errors_doc(400, 401, 404, 409, 422, 503),
)
async def feedback(
    service_id: str, auth: Auth, body: FeedbackRequest, engine: EngineDep, settings: SettingsDep
) -> Response:
    """Store accepted / overridden outcomes, idempotently (repeats of the same event are ignored), each checked
    against its card: only suggestions and override reasons the card offered (422), one outcome per card (409)."""
    receipt = await record_feedback(engine, settings, service_id, body, tenant_of(auth), authenticated=auth is not None)
    return _json(receipt)
