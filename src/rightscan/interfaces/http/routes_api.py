"""The plain JSON API for callers without an EHR integration."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag
from starlette.concurrency import run_in_threadpool

from rightscan.adapters.input_json import PatientInput, validate
from rightscan.adapters.security.budget import ReadingBudget
from rightscan.application import InputError, evidence_for_log, note_facts, procedure_catalogue, with_override
from rightscan.interfaces.http import access
from rightscan.interfaces.http.deps import Auth, EngineDep, FastJsonRoute, SettingsDep, tenant_of
from rightscan.interfaces.http.problem import ApiError, errors_doc
from rightscan.interfaces.http.schemas import Evaluated, Health, LoggedDecision, Procedure, Ready

router = APIRouter(route_class=FastJsonRoute)


@router.get("/healthz", tags=["service"], response_model=Health)
@router.head("/healthz", tags=["service"], response_model=Health)
async def health(engine: EngineDep) -> JSONResponse:
    """Liveness: the process answers. Says nothing about the decision log (see /readyz). HEAD (what load
    balancers probe with) answers the same status without the body."""
    return JSONResponse({"status": "ok", "knowledge_version": engine.kb.version})


_READY_DOC: dict[str, Any] = {
    "tags": ["service"],
    "response_model": Ready,
    "responses": {503: {"description": "warming up, or decision log unavailable", **errors_doc(503)[503]}},
}


@router.get("/readyz", **_READY_DOC)
@router.head("/readyz", **_READY_DOC)
async def ready(request: Request, engine: EngineDep) -> JSONResponse:
    """Readiness: the knowledge is loaded, the note reader has been built (its warm-up after start-up takes
    a second or two) and the decision log takes a write now; 503 otherwise. HEAD answers the same status
    without the body."""
    warm = getattr(request.app.state, "warm", None)
    if warm is not None and not warm.is_set():
        raise ApiError(503, "warming up: the note reader is being built", headers={"Retry-After": "1"})
    await run_in_threadpool(engine.store.check_ready)  # StoreError -> 503 "decision log unavailable"
    return JSONResponse({"status": "ready", "knowledge_version": engine.kb.version, "decision_log": "writable"})


class NoteInput(BaseModel):
    """A clinical note or order reason, read by the free-text extractor before the decision."""

    model_config = ConfigDict(extra="forbid")
    note: str = Field(min_length=1, max_length=100_000)
    order: str | None = Field(default=None, min_length=1, max_length=200)


def _body_kind(value: Any) -> str:
    return "note" if isinstance(value, dict) and "note" in value else "facts"


EvaluateBody = Annotated[
    Annotated[PatientInput, Tag("facts")] | Annotated[NoteInput, Tag("note")],
    Discriminator(_body_kind),
]


@router.post("/v1/evaluate", tags=["api"], response_model=Evaluated, responses=errors_doc(400, 401, 413, 422, 503))
async def evaluate(
    request: Request, auth: Auth, payload: EvaluateBody, engine: EngineDep, settings: SettingsDep
) -> JSONResponse:
    """Evaluate patient facts (the core input contract), or a clinical note (`{"note": "...", "order": ...}`),
    and return the decision (the core output contract) with its `decision_id` and a link to its
    explanation page; a note also returns the `extracted` facts with their evidence. Decisions are logged.
    A note's `order` replaces a study the note names, and the answer says so in `order_override`."""
    tenant = tenant_of(auth)
    extracted = override = None
    if isinstance(payload, NoteInput):
        limit = settings.max_note_chars
        if len(payload.note) > limit:
            raise ApiError(422, f"longer than the {limit}-character limit (RIGHTSCAN_MAX_NOTE_CHARS)", "note")
        reading = ReadingBudget(settings.note_cpu_seconds)  # RIGHTSCAN_NOTE_CPU_SECONDS, 422 past it
        facts, extraction, override = await reading.read(note_facts, payload.note, payload.order)
        extracted = extraction.to_dict()
        try:
            data = validate(facts)
        except InputError as exc:
            raise ApiError(422, f"the facts read from the note are not usable: {exc.message}", exc.field) from None
        result = await engine.evaluate(
            data,
            channel="api",
            extra={"extracted": evidence_for_log(extraction)},
            tenant=tenant,
            to_confirm=extraction.to_confirm,
        )
    else:
        result = await engine.evaluate(payload, channel="api", tenant=tenant)
    link = access.link_for(request, access.decision_url(request, result.decision_id), result.decision_id, tenant)
    out = {
        "decision_id": result.decision_id,
        "links": {"explanation": link},
        **with_override(override, result.decision),
    }
    if extracted is not None:
        out["extracted"] = extracted
    return JSONResponse(out)


@router.get("/v1/decisions/{decision_id}", tags=["api"], response_model=LoggedDecision, responses=errors_doc(401, 404))
async def decision_record(decision_id: str, auth: Auth, engine: EngineDep) -> JSONResponse:
    """The logged decision: coded facts, ratings, cards returned, output and feedback received. With auth
    configured, only a token of the decision's own tenant reads it (others get the same 404 as a missing id)."""
    # The same light look-up of the owner for a known and an unknown id; the record is read only for its own
    # organisation, so the time of a 404 does not tell whether the id exists.
    key = _checked_id(decision_id)
    owner = engine.store.decision_owner(key)
    if owner is not None and auth is not None and owner.get("tenant") != tenant_of(auth):
        owner = None
    record = engine.store.get_decision(key) if owner is not None else None
    if record is None:
        raise ApiError(404, "no decision with this id", "decision_id")
    record["created_at"] = record["created_at"].isoformat()
    for f in record["feedback"]:
        f["received_at"] = f["received_at"].isoformat()
    return JSONResponse(record)


@router.get("/v1/procedures", tags=["api"], response_model=list[Procedure])
async def procedures(engine: EngineDep) -> JSONResponse:
    """The procedure catalogue: names, synonyms and CPT codes an order may use."""
    return JSONResponse(procedure_catalogue(engine.kb))


def _checked_id(decision_id: str) -> str:
    import uuid

    try:
        return str(uuid.UUID(decision_id))
    except ValueError:
        raise ApiError(404, "no decision with this id", "decision_id") from None
