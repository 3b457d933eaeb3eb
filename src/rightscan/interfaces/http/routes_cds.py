"""CDS Hooks 2.0 service: discovery, order-select / order-sign, feedback."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from rightscan.adapters.cdshooks import cards as card_builder
from rightscan.adapters.cdshooks.models import DiscoveryResponse, FeedbackRequest, HookRequest, Service
from rightscan.adapters.store.db import DecisionRecord, FeedbackRecord
from rightscan.application import (
    confirm_uncertain,
    decide_payload,
    digest,
    fhir_facts,
    fill_from_text,
    new_id,
    text_reading,
    uncertain_gaps,
)
from rightscan.domain import orders
from rightscan.domain.model import InputError
from rightscan.interfaces.http import access
from rightscan.interfaces.http.deps import Auth, FastJsonRoute, engine_of
from rightscan.interfaces.http.errors import ApiError

router = APIRouter(tags=["cds-hooks"], route_class=FastJsonRoute)
log = logging.getLogger("rightscan.cds")

HOOKS = ("order-select", "order-sign")
DESCRIPTION = (
    "Rates draft imaging orders for breast cancer against the ACR Appropriateness Criteria (Imaging of "
    "Invasive Breast Cancer) with AJCC 8 staging computed from mCODE data; suggests the better study."
)


def _services(request: Request) -> list[Service]:
    from rightscan.adapters.fhir import PREFETCH_TEMPLATES

    service_id = request.app.state.settings.service_id
    return [
        Service(
            hook=hook,
            id=service_id,
            title="RightScan imaging appropriateness",
            description=DESCRIPTION,
            prefetch=dict(PREFETCH_TEMPLATES),
            usageRequirements="Send the breast cancer Condition, TNM, receptor and laboratory Observations.",
        )
        for hook in HOOKS
    ]


@router.get("/cds-services")
async def discovery(request: Request, _auth: Auth) -> dict[str, Any]:
    """CDS Hooks discovery: one service id registered for order-select and order-sign."""
    return DiscoveryResponse(services=_services(request)).dump()


@router.post("/cds-services/{service_id}")
async def call_service(request: Request, service_id: str, token: Auth, hook: HookRequest) -> dict[str, Any]:
    """order-select / order-sign: rate each selected (or every) imaging ServiceRequest in draftOrders."""
    settings = request.app.state.settings
    if service_id != settings.service_id:
        raise ApiError(404, "unknown CDS service id", "service_id")
    engine = engine_of(request)
    kb = engine.kb
    from rightscan.adapters import fhir

    entries = hook.context.draftOrders.get("entry")
    if isinstance(entries, list) and len(entries) > settings.max_draft_orders:
        raise ApiError(
            422,
            f"more than {settings.max_draft_orders} draft orders (RIGHTSCAN_MAX_DRAFT_ORDERS)",
            "context.draftOrders.entry",
        )
    try:
        drafts = fhir.read_draft_orders(hook.context.draftOrders, kb=kb)
    except fhir.FhirInputError as exc:
        field = exc.path if exc.path.startswith("context") else f"context.{exc.path}"
        raise ApiError(400, exc.message, field) from None
    if hook.hook == "order-select":
        wanted = set(hook.context.selections or [])
        drafts = [d for d in drafts if d.id in wanted]
    imaging = []
    unclear: list[card_builder.OrderOutcome] = []
    skipped = 0
    for draft in drafts:
        if not draft.order_text:
            skipped += 1
            continue
        reading = orders.interpret(kb, draft.order_text)
        if reading.status == "ambiguous" and draft.id:  # an imaging order that does not say which study
            choices = ", ".join(p.name for p in reading.choices[:4])
            unclear.append(
                card_builder.OrderOutcome(
                    draft.id, draft.resource, problem=f"the order does not say which study it is; choose: {choices}"
                )
            )
            continue
        if reading.status != "resolved":
            skipped += 1  # not an imaging study RightScan knows: no card, no rating
            continue
        imaging.append(draft)

    prefetch = await _complete_prefetch(request, hook) if imaging else (hook.prefetch or {})
    consult_id = new_id()
    outcomes: list[card_builder.OrderOutcome] = list(unclear)
    coded: list[dict[str, Any]] = []
    ignored_codes = 0
    for draft in imaging:
        try:
            found = fhir_facts(prefetch, draft, hook.context.patientId, kb)
        except fhir.FhirInputError as exc:
            field = exc.path if exc.path.startswith(("prefetch", "context")) else f"prefetch.{exc.path}"
            raise ApiError(400, exc.message, field) from None
        ignored_codes += len(found.ignored)
        payload = {**found.payload, "order": draft.order_text}
        # The order's reason is among the record's texts already: each distinct text is read once.
        texts = list(dict.fromkeys(t.strip() for t in (*found.texts, draft.reason_text) if t and t.strip()))
        from_text: list[str] = []
        disagree: list[str] = []
        uncertain: list[dict[str, Any]] = []
        text_skipped = bool(texts) and sum(len(t) + 1 for t in texts) > settings.max_note_chars
        if text_skipped:  # bounded work: too much text to read within the time budget; say so, read none
            texts = []
        if texts:  # the order's reason and the record's text fill what coded data leave open
            try:
                stated, uncertain = await run_in_threadpool(text_reading, "\n".join(texts))
            except InputError:
                stated, uncertain = None, []
            uncertain = uncertain_gaps(payload, uncertain)
            if stated:
                payload, from_text, disagree = fill_from_text(payload, stated)
        coded.append({"order_ref": draft.id, "facts": payload, "ignored": found.ignored, "from_text": from_text})
        try:
            decision = decide_payload(kb, payload)
            decision = confirm_uncertain(kb, decision, payload, uncertain)
        except InputError as exc:
            outcomes.append(
                card_builder.OrderOutcome(
                    draft.id, draft.resource, problem=f"the record's facts conflict ({exc.field})"
                )
            )
            continue
        decision["explanation"] = [*decision["explanation"], *_text_steps(from_text, disagree)]
        if text_skipped:
            decision["explanation"].append(
                {
                    "step": f"The order's reason and the record's free text exceed {settings.max_note_chars} "
                    "characters and were not read; only coded data were used",
                    "source": "RightScan free-text extractor",
                }
            )
        if found.ignored:
            decision["insufficient_data"] = [
                *decision["insufficient_data"],
                *(
                    f"unrecognised code ignored: {i.get('system', '?')}|{i.get('code', '?')} ({i.get('reason', '')})"
                    for i in found.ignored
                ),
            ]
        outcomes.append(card_builder.OrderOutcome(draft.id, draft.resource, decision=decision))

    tenant = (token or {}).get("tenant") if token else None
    explanation_url = access.link_for(request, access.decision_url(request, consult_id), consult_id, tenant)
    result = card_builder.build(
        kb,
        outcomes,
        consult_id=consult_id,
        explanation_url=explanation_url,
        qcdsm=settings.qcdsm_id,
        info_cards=settings.info_cards,
    )
    verdicts = {o.decision["systemic_imaging"] for o in outcomes if o.decision}
    record = DecisionRecord(
        id=consult_id,
        channel="cds-hooks",
        hook=hook.hook,
        hook_instance=hook.hookInstance,
        service_id=service_id,
        tenant=tenant,
        knowledge_version=kb.version,
        input_digest=digest(coded),
        verdict=next(iter(verdicts)) if len(verdicts) == 1 else ("mixed" if verdicts else None),
        facts={"orders": coded},
        ratings=result.ratings,
        cards=result.cards,
        output={"decisions": [{"order_ref": o.order_ref, "decision": o.decision, "note": o.problem} for o in outcomes]},
    )
    await asyncio.wrap_future(engine.store.submit_decision(record))
    log.debug(
        "consultation %s hook=%s orders=%d rated=%d skipped=%d ignored_codes=%d",
        consult_id,
        hook.hook,
        len(imaging),
        sum(1 for r in result.ratings if r.get("pama")),
        skipped,
        ignored_codes,
    )
    return result.response


def _text_steps(from_text: list[str], disagree: list[str]) -> list[dict[str, str]]:
    """Explanation steps saying which facts came from free text, and where text and coded data differ."""
    source = "RightScan free-text extractor"
    steps = []
    if from_text:
        steps.append(
            {
                "step": "Read from the order's reason and the record's free text (no coded value): "
                + ", ".join(from_text),
                "source": source,
            }
        )
    if disagree:
        steps.append(
            {"step": "Free text disagrees with coded data (coded data used): " + ", ".join(disagree), "source": source}
        )
    return steps


async def _complete_prefetch(request: Request, hook: HookRequest) -> dict[str, Any]:
    """The prefetch, with absent keys fetched from the EHR's FHIR server when it gave us access.

    Absent key = the client did not satisfy it; null = the client has no data. Required data that is
    neither prefetched nor fetchable is a 412 (CDS Hooks 2.0).
    """
    from rightscan.adapters import fhir

    prefetch = dict(hook.prefetch or {})
    absent = [key for key in fhir.PREFETCH_TEMPLATES if key not in prefetch]
    if not absent:
        return prefetch
    if not (hook.fhirServer and hook.fhirAuthorization):
        raise ApiError(
            412, f"prefetch incomplete ({', '.join(absent)}) and no FHIR server access was granted", "prefetch"
        )
    from rightscan.adapters.fhir.fetch import FetchError, fetch_prefetch

    try:
        fetched = await fetch_prefetch(
            hook.fhirServer,
            hook.fhirAuthorization.access_token,
            absent,
            hook.context.model_dump(),
            timeout=request.app.state.settings.fhir_timeout,
            allow_http=request.app.state.settings.fhir_allow_http,
            allowed_hosts=request.app.state.settings.fhir_allowed_hosts,
        )
    except FetchError as exc:
        raise ApiError(412, f"required data could not be fetched from the FHIR server: {exc}", "fhirServer") from None
    prefetch.update(fetched)
    return prefetch


@router.post("/cds-services/{service_id}/feedback")
async def feedback(request: Request, service_id: str, auth: Auth, body: FeedbackRequest) -> dict[str, Any]:
    """Store accepted / overridden outcomes, idempotently (repeats of the same event are ignored)."""
    settings = request.app.state.settings
    if service_id != settings.service_id:
        raise ApiError(404, "unknown CDS service id", "service_id")
    if len(body.feedback) > settings.max_feedback_entries:
        raise ApiError(
            422, f"more than {settings.max_feedback_entries} entries (RIGHTSCAN_MAX_FEEDBACK_ENTRIES)", "feedback"
        )
    store = engine_of(request).store
    # Feedback is about a card this service returned, to this caller's organisation: anything else is
    # refused alike (404), so nobody learns which card ids exist elsewhere.
    owners = await run_in_threadpool(store.card_tenants, sorted({entry.card for entry in body.feedback}))
    tenant = (auth or {}).get("tenant")
    for i, entry in enumerate(body.feedback):
        if entry.card not in owners or (auth is not None and owners[entry.card] != tenant):
            raise ApiError(404, "no card with this id was returned by this service", f"feedback[{i}].card")
        comment = entry.overrideReason.userComment if entry.overrideReason else None
        if comment and len(comment) > settings.max_feedback_comment_chars:
            raise ApiError(
                422,
                f"longer than the {settings.max_feedback_comment_chars}-character limit "
                "(RIGHTSCAN_MAX_FEEDBACK_COMMENT_CHARS)",
                f"feedback[{i}].overrideReason.userComment",
            )
    records = []
    for entry in body.feedback:
        reason = entry.overrideReason.reason if entry.overrideReason else None
        records.append(
            FeedbackRecord(
                card_uuid=entry.card,
                service_id=service_id,
                outcome=entry.outcome,
                outcome_timestamp=entry.outcomeTimestamp,
                accepted_suggestions=[s.model_dump() for s in entry.acceptedSuggestions or []] or None,
                override_system=reason.system if reason else None,
                override_code=reason.code if reason else None,
                override_display=reason.display if reason else None,
                user_comment=entry.overrideReason.userComment if entry.overrideReason else None,
            )
        )
    new = await asyncio.wrap_future(store.submit_feedback(records))
    log.debug("feedback service=%s entries=%d new=%d", service_id, len(records), new)
    return {"received": len(records), "new": new}
