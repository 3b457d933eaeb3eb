"""Consult on draft orders (CDS Hooks order-select / order-sign); feedback on the cards is ``feedback``.

The whole flow, from a validated hook request to the stored decision, without HTTP: the interface
checks the caller, calls :func:`consult`, and sends the response it returns. Limits and the service's
options come from ``Settings``; refusals are :class:`Refused` (status, message, field).
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rightscan.adapters.security.budget import ReadingBudget
from rightscan.application.core import decide_payload, digest, new_id
from rightscan.application.engine import Engine
from rightscan.application.errors import Refused
from rightscan.application.notes import (
    confirm_uncertain,
    fill_from_text,
    remembered_text_reading,
    text_reading,
    uncertain_gaps,
)
from rightscan.domain import orders
from rightscan.domain.knowledge import Knowledge
from rightscan.domain.model import InputError

if TYPE_CHECKING:  # the service extra (pydantic-settings, FastAPI) is needed only when a consultation runs
    from rightscan.adapters.cdshooks.cards import OrderOutcome
    from rightscan.adapters.cdshooks.models import HookRequest
    from rightscan.adapters.fhir import DraftOrder
    from rightscan.application.fhir import PrefetchFacts
    from rightscan.settings import Settings

log = logging.getLogger("rightscan.cds")

HOOKS = ("order-select", "order-sign")
TEXT_SOURCE = "RightScan free-text extractor"
DESCRIPTION = (
    "Rates draft imaging orders for breast cancer against the ACR Appropriateness Criteria (Imaging of "
    "Invasive Breast Cancer) with AJCC 8 staging computed from mCODE data; suggests the better study."
)


def discovery(settings: Settings) -> dict[str, Any]:
    """The CDS Hooks discovery document: one service id registered for order-select and order-sign."""
    from rightscan.adapters.cdshooks.models import DiscoveryResponse, Service
    from rightscan.adapters.fhir import PREFETCH_TEMPLATES

    services = [
        Service(
            hook=hook,
            id=settings.service_id,
            title="RightScan imaging appropriateness",
            description=DESCRIPTION,
            prefetch=dict(PREFETCH_TEMPLATES),
            usageRequirements="Send the breast cancer Condition, TNM, receptor and laboratory Observations.",
        )
        for hook in HOOKS
    ]
    return DiscoveryResponse(services=services).dump()


def _check_service(settings: Settings, service_id: str) -> None:
    if service_id != settings.service_id:
        raise Refused(404, "unknown CDS service id", "service_id")


def _refuse_repeated_ids(drafts: list[DraftOrder], selections: list[str]) -> None:
    """Two draft ServiceRequests with one id (or one id selected twice) would get two ratings and two PAMA
    system actions on the same order, possibly contradictory, the EHR keeping whichever comes last: 400,
    naming the repeated id's field (never its value)."""
    seen: set[str] = set()
    for draft in drafts:
        if draft.id is None:
            continue
        if draft.id in seen:
            raise Refused(400, "a draft ServiceRequest id appears more than once in draftOrders", f"{draft.path}.id")
        seen.add(draft.id)
    selected: set[str] = set()
    for j, selection in enumerate(selections):
        if selection in selected:
            raise Refused(400, "a draft order is selected more than once", f"context.selections[{j}]")
        selected.add(selection)


def _imaging_drafts(
    kb: Knowledge, hook: HookRequest, settings: Settings
) -> tuple[list[DraftOrder], list[OrderOutcome], int]:
    """(the draft orders to rate, outcomes for imaging orders that do not say which study, orders skipped)."""
    from rightscan.adapters import fhir
    from rightscan.adapters.cdshooks.cards import OrderOutcome

    entries = hook.context.draftOrders.get("entry")
    if isinstance(entries, list) and len(entries) > settings.max_draft_orders:
        raise Refused(
            422,
            f"more than {settings.max_draft_orders} draft orders (RIGHTSCAN_MAX_DRAFT_ORDERS)",
            "context.draftOrders.entry",
        )
    try:
        drafts = fhir.read_draft_orders(hook.context.draftOrders, kb=kb)
    except fhir.FhirInputError as exc:
        field = exc.path if exc.path.startswith("context") else f"context.{exc.path}"
        raise Refused(400, exc.message, field) from None
    _refuse_repeated_ids(drafts, hook.context.selections or [])
    if hook.hook == "order-select":
        wanted = set(hook.context.selections or [])
        drafts = [d for d in drafts if d.id in wanted]
    imaging: list[DraftOrder] = []
    unclear: list[OrderOutcome] = []
    skipped = 0
    for draft in drafts:
        if not draft.order_text:
            skipped += 1
            continue
        reading = orders.for_patient(kb, draft.order_text)
        if reading.status == "ambiguous" and draft.id:  # an imaging order that does not say which study
            choices = ", ".join(p.name for p in reading.choices[:4])
            problem = f"the order does not say which study it is; choose: {choices}"
            unclear.append(OrderOutcome(draft.id, draft.resource, problem=problem))
            continue
        if reading.status != "resolved":
            skipped += 1  # not an imaging study RightScan knows: no card, no rating
            continue
        imaging.append(draft)
    return imaging, unclear, skipped


async def complete_prefetch(hook: HookRequest, settings: Settings) -> dict[str, Any]:
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
        raise Refused(
            412, f"prefetch incomplete ({', '.join(absent)}) and no FHIR server access was granted", "prefetch"
        )
    from rightscan.adapters.fhir.fetch import FetchError, fetch_prefetch

    try:
        fetched = await fetch_prefetch(
            hook.fhirServer,
            hook.fhirAuthorization.access_token,
            absent,
            hook.context.model_dump(),
            timeout=settings.fhir_timeout,
            allow_http=settings.fhir_allow_http,
            allowed_hosts=settings.fhir_allowed_hosts,
            max_bytes=settings.max_body_bytes,
        )
    except FetchError as exc:
        raise Refused(412, f"required data could not be fetched from the FHIR server: {exc}", "fhirServer") from None
    prefetch.update(fetched)
    return prefetch


def _text_steps(from_text: list[str], disagree: list[str]) -> list[dict[str, str]]:
    """Explanation steps saying which facts came from free text, and where text and coded data differ."""
    steps = []
    if from_text:
        steps.append(
            {
                "step": "Read from the order's reason and the record's free text (no coded value): "
                + ", ".join(from_text),
                "source": TEXT_SOURCE,
            }
        )
    if disagree:
        steps.append(
            {
                "step": "Free text disagrees with coded data (coded data used): " + ", ".join(disagree),
                "source": TEXT_SOURCE,
            }
        )
    return steps


_CODE_SHAPE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-_:/#|]{0,63}")


def _code_shaped(ignored: dict[str, Any]) -> dict[str, Any]:
    """A code the record uses and RightScan does not know, its ``system`` and ``code`` kept only when shaped
    like a code or a URI (no blanks, at most 64 characters): the sender chooses that text, and a name or a
    record number put there must not reach the card or the log."""
    out = dict(ignored)
    for key in ("system", "code"):
        value = ignored.get(key)
        if value is not None and not (isinstance(value, str) and _CODE_SHAPE.fullmatch(value)):
            out[key] = f"{{{key} not shown}}"
    return out


def _shown_code(ignored: dict[str, Any]) -> str:
    return f"{ignored.get('system', '?')}|{ignored.get('code', '?')}"


def _abnormal_lab() -> dict[str, float]:
    return {"value": 1000.0, "uln": 100.0}  # ten times the upper limit: abnormal on every rule


def _unjudged_labs(kb: Knowledge, coded: dict[str, Any], ignored: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Laboratory tests the record holds but whose result RightScan could not judge (no reference range,
    another unit, an implausible value, not final...) and the coded facts lack: an abnormal result would
    be a red flag, so each is tested like an uncertain fact instead of deciding as if the test was never done."""
    from rightscan.adapters.fhir.codes import load_fhir_codes

    codes = load_fhir_codes()
    found: dict[str, list[str]] = {}
    for item in ignored:
        system, code = codes.system_key(item.get("system")), item.get("code")
        hit = codes.observations.get(system, code) if isinstance(code, str) else None
        lab = getattr(hit.entry, "lab", None) if hit is not None else None
        if lab in kb.lab_names and (coded.get("labs") or {}).get(lab) is None:
            found.setdefault(lab, []).append(str(item.get("reason", "")))
    return [
        {
            "field": f"labs.{lab}",
            "values": [_abnormal_lab()],
            "shown": "an abnormal result",  # the probe value is no result of the record: never quoted as one
            "reason": f"the record's result could not be judged ({'; '.join(dict.fromkeys(reasons))})",
        }
        for lab, reasons in found.items()
    ]


def _unread_text(kb: Knowledge, coded: dict[str, Any], why: str) -> list[dict[str, Any]]:
    """What free text that was not read could have stated and the decision would depend on: any red-flag
    symptom, and an abnormal value of a laboratory test the coded data lack. Tested like the uncertain facts
    of a note (``confirm_uncertain``): when one of them would change the answer, the answer is undetermined
    and names the unread text; when none would, the answer stands and its explanation says what was not read.
    """
    reason = (
        f"the order's reason and the record's free text {why} and were not read; a red flag they state would be missed"
    )
    symptoms = [code for code in kb.symptoms if code not in (coded.get("symptoms") or [])]
    out: list[dict[str, Any]] = [{"field": "symptoms", "values": symptoms, "reason": reason}] if symptoms else []
    for lab in kb.lab_names:
        if (coded.get("labs") or {}).get(lab) is None:
            out.append({"field": f"labs.{lab}", "values": [_abnormal_lab()], "reason": reason})
    return out


async def _rate_draft(
    kb: Knowledge,
    settings: Settings,
    record: PrefetchFacts,
    draft: DraftOrder,
    budget: ReadingBudget,
    tenant: str | None = None,
) -> tuple[OrderOutcome, dict[str, Any], int]:
    """(the outcome for one imaging draft order, its coded facts for the log, codes ignored)."""
    from rightscan.adapters import fhir
    from rightscan.adapters.cdshooks.cards import OrderOutcome

    try:
        found = record.for_order(draft)
    except fhir.FhirInputError as exc:
        field = exc.path if exc.path.startswith(("prefetch", "context")) else f"prefetch.{exc.path}"
        raise Refused(400, exc.message, field) from None
    payload = {**found.payload, "order": draft.order_text}
    # The order's reason is among the record's texts already: each distinct text is read once. So is the
    # indication written after the study in the order's own text ("bone scan - hip pain").
    indication = orders.interpret(kb, draft.order_text).indication if draft.order_text else ""
    texts = list(dict.fromkeys(t.strip() for t in (*found.texts, draft.reason_text, indication) if t and t.strip()))
    from_text: list[str] = []
    disagree: list[str] = []
    uncertain: list[dict[str, Any]] = []
    not_read: str | None = None  # why the texts were not read, when they were not
    if texts and sum(len(t) + 1 for t in texts) > settings.max_note_chars:
        # bounded work: too much text to read within the time budget; read none, and say so
        not_read = f"exceed {settings.max_note_chars} characters (RIGHTSCAN_MAX_NOTE_CHARS)"
        texts = []
    if texts:  # the order's reason and the record's text fill what coded data leave open
        joined = "\n".join(texts)
        try:  # a text read before is answered from memory, without the budgeted worker thread
            remembered = remembered_text_reading(joined, tenant)  # each organisation's own memory
            stated, uncertain = remembered or await budget.read(text_reading, joined, tenant)
        except InputError as exc:  # over the reading budget (RIGHTSCAN_NOTE_CPU_SECONDS), mostly: coded data only
            stated, uncertain = None, []
            not_read = f"could not be read ({exc.message})"  # a fixed phrase naming the limit, never the text
        uncertain = uncertain_gaps(payload, uncertain)
        if stated:
            payload, from_text, disagree = fill_from_text(payload, stated)
    if not_read:  # text not read must not decide by its silence: a red flag it states would change the answer
        uncertain = [*uncertain, *_unread_text(kb, payload, not_read)]
    else:  # (unread text already covers every uncoded lab)
        uncertain = [*uncertain, *_unjudged_labs(kb, payload, found.ignored)]
    ignored = [_code_shaped(i) for i in found.ignored]
    coded = {"order_ref": draft.id, "facts": payload, "ignored": ignored, "from_text": from_text}
    try:
        decision = decide_payload(kb, payload)
        decision = confirm_uncertain(kb, decision, payload, uncertain)
    except InputError as exc:
        problem = f"the record's facts conflict ({exc.field})"
        return OrderOutcome(draft.id, draft.resource, problem=problem), coded, len(found.ignored)
    decision["explanation"] = [*decision["explanation"], *_text_steps(from_text, disagree)]
    if not_read:
        decision["explanation"].append(
            {
                "step": f"The order's reason and the record's free text {not_read} and were not read; only coded "
                "data were used",
                "source": TEXT_SOURCE,
            }
        )
    if found.ignored:
        decision["insufficient_data"] = [
            *decision["insufficient_data"],
            *(f"unrecognised code ignored: {_shown_code(i)} ({i.get('reason', '')})" for i in ignored),
        ]
    return OrderOutcome(draft.id, draft.resource, decision=decision), coded, len(found.ignored)


async def consult(
    engine: Engine,
    settings: Settings,
    hook: HookRequest,
    service_id: str,
    tenant: str | None,
    explanation_url: Callable[[str], str],
    subject: str | None = None,
) -> dict[str, Any]:
    """Use case *consult on draft orders*: rate each selected (order-select) or every (order-sign) imaging
    ServiceRequest of ``hook`` from its prefetch (completed from the FHIR server when allowed), build the
    cards and the PAMA system actions, and store the consultation under ``tenant`` before returning the
    CDS Hooks response. ``explanation_url`` gives the link for a consultation id; ``subject`` is the
    patient as the decision log records it (a keyed hash, for a SMART launch). Raises ``Refused``."""
    from rightscan.adapters.cdshooks import cards as card_builder
    from rightscan.adapters.store.db import DecisionRecord
    from rightscan.application.fhir import PrefetchFacts

    _check_service(settings, service_id)
    kb = engine.kb
    imaging, outcomes, skipped = _imaging_drafts(kb, hook, settings)
    prefetch = await complete_prefetch(hook, settings) if imaging else (hook.prefetch or {})
    consult_id = new_id()
    coded: list[dict[str, Any]] = []
    ignored_codes = 0
    budget = ReadingBudget(settings.note_cpu_seconds)  # the orders' texts share one budget
    record = PrefetchFacts(prefetch, hook.context.patientId, kb)  # read once for all the orders
    for draft in imaging:
        outcome, facts, ignored = await _rate_draft(kb, settings, record, draft, budget, tenant)
        outcomes.append(outcome)
        coded.append(facts)
        ignored_codes += ignored

    result = card_builder.build(
        kb,
        outcomes,
        consult_id=consult_id,
        explanation_url=explanation_url(consult_id),
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
        subject=subject,
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
