"""CDS Hooks ``context.draftOrders`` -> the draft orders RightScan may rate.

The Bundle often has no ``type``; every ``ServiceRequest`` entry is validated and becomes a
``DraftOrder``; other resources (MedicationRequest, NutritionOrder, ...) are skipped.
"""

from __future__ import annotations

import time
from typing import Any

from rightscan.adapters.fhir.model import Coding, DraftOrder, FhirInputError
from rightscan.adapters.fhir.validation import bundle_entries, validate
from rightscan.adapters.fhir.values import codings
from rightscan.adapters.json_copy import copy_json
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain import orders
from rightscan.domain.knowledge import Knowledge, Procedure
from rightscan.domain.order_wrappers import CPT_SYSTEMS, ORDER_CODE_SYSTEMS

CPT_SYSTEM = "http://www.ama-assn.org/go/cpt"


MAX_ORDER_TEXT = 200
MAX_ORDER_CANDIDATES = 8
# The texts one call may ask the order resolver to read, over all its draft orders (seventh security pass: 50 drafts
# of 8 unreadable 200-character names each took 11-29 s of one call). A real order names its study in its first code
# or text; past this many, a draft's first candidate is reported as it stands (unknown or ambiguous, never guessed).
MAX_ORDER_READINGS = 64
MAX_ORDER_READING_SECONDS = 0.25  # and the CPU time those readings may take, in all


def _order_text(code: Any, cpts: tuple[str, ...], kb: Knowledge, budget: list[float]) -> str | None:
    """What the order resolver reads for a draft order: the first of its codes or texts that names a study.

    Codes first (all CPT codes together, so that a combined CPT order is one study; then each CPT, LOINC
    or HCPCS code), then ``code.text``, then each coding's display. The resolver
    (``rightscan.domain.orders.interpret``) decides; when nothing names a single study, the first
    candidate is returned so that the order is reported as unknown or ambiguous, never guessed. A code's
    study is compared with the draft's own texts as an order's text compares a code with its words: a text
    that names another study, modality or region is read with the code, and the order asks (round 24p).
    """
    candidates: list[str] = []
    if len(cpts) > 1:  # spelled as the catalogue spells the combination ("71260+74177")
        combined = {frozenset(c.split("+")): c for p in kb.procedures.values() for c in p.cpt if "+" in c}
        candidates.append(combined.get(frozenset(cpts), "+".join(cpts)))
    candidates.extend(cpts)
    for c in codings(code):
        value = c.get("code")
        system = c.get("system")
        if system in ORDER_CODE_SYSTEMS and system not in CPT_SYSTEMS and isinstance(value, str) and value.strip():
            candidates.append(value.strip())
    n_codes = len(candidates)
    if isinstance(code, dict):
        text = code.get("text")
        if isinstance(text, str) and text.strip():
            candidates.append(text.strip())
        for c in codings(code):
            display = c.get("display")
            if isinstance(display, str) and display.strip():
                candidates.append(display.strip())
    # A study's name is short (the JSON input allows 200 characters) and an order names it in a few codes:
    # longer texts and further codes are not read, since the resolver's work grows with the text and a
    # CDS call may carry megabytes of it.
    kept = [(i, c) for i, c in enumerate(candidates) if len(c) <= MAX_ORDER_TEXT][:MAX_ORDER_CANDIDATES]
    texts = [c for i, c in kept if i >= n_codes]
    candidates = [c for _, c in kept]
    for candidate in candidates:
        if not _spend(budget):
            break  # the call's readings are spent (MAX_ORDER_READINGS, MAX_ORDER_READING_SECONDS)
        reading = orders.for_patient(kb, candidate)
        if reading.status == "resolved" and reading.study is not None:
            if candidate in texts:
                return candidate
            return _with_disagreeing_text(kb, candidate, reading.study, texts, budget)
    return candidates[0] if candidates else None


def _spend(budget: list[float]) -> bool:
    if budget[0] <= 0 or time.thread_time() > budget[1]:
        return False
    budget[0] -= 1
    return True


def _with_disagreeing_text(kb: Knowledge, code: str, study: Procedure, texts: list[str], budget: list[float]) -> str:
    """The code, or the code with the first of the draft's own texts (``code.text``, the displays) that names another
    study or a modality or region the code's study is not (round 24p): read together, as an order's text with a code
    is, the order asks, listing both ("78815" with the display "MRI brain"), never the code's study alone. Texts
    past the call's budget are not compared."""
    for text in texts:
        if not _spend(budget):
            break
        if orders.disagrees(kb, study, text):
            return f"{code} {text}"
    return code


def read_draft_orders(draft_orders: Any, *, kb: Knowledge | None = None) -> list[DraftOrder]:
    """``context.draftOrders`` -> its ServiceRequests, in Bundle order. Raises ``FhirInputError``."""
    base = "context.draftOrders"
    if not isinstance(draft_orders, dict) or draft_orders.get("resourceType") != "Bundle":
        raise FhirInputError(base, "must be a FHIR Bundle")
    kb = kb or load_knowledge()
    drafts = []
    budget = [MAX_ORDER_READINGS, time.thread_time() + MAX_ORDER_READING_SECONDS]  # what this call may spend
    for i, resource in bundle_entries(draft_orders, base):
        if resource["resourceType"] != "ServiceRequest":
            continue  # MedicationRequest, NutritionOrder, ...: not ours
        path = f"{base}.entry[{i}].resource"
        validate(resource, path)
        code = resource.get("code")
        cpts = tuple(
            dict.fromkeys(
                c["code"].strip()
                for c in codings(code)
                if c.get("system") in CPT_SYSTEMS and isinstance(c.get("code"), str) and c["code"].strip()
            )
        )
        reasons: list[Coding] = []
        texts: list[str] = []
        for concept in resource.get("reasonCode") or []:
            reasons.extend(Coding(c.get("system"), c.get("code"), c.get("display")) for c in codings(concept))
            if isinstance(concept.get("text"), str) and concept["text"].strip():
                texts.append(concept["text"].strip())
        texts.extend(n["text"].strip() for n in resource.get("note") or [] if (n.get("text") or "").strip())
        rid = resource.get("id")
        drafts.append(
            DraftOrder(
                id=f"ServiceRequest/{rid}" if rid else None,
                resource=copy_json(resource),
                order_text=_order_text(code, cpts, kb, budget),
                cpt_codes=cpts,
                reason_codes=tuple(reasons),
                reason_text="\n".join(texts) or None,
                status=resource.get("status"),
                intent=resource.get("intent"),
                subject=(resource.get("subject") or {}).get("reference"),
                path=path,
            )
        )
    return drafts
