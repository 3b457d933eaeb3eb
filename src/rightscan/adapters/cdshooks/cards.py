"""Decisions -> CDS Hooks cards and the PAMA rating as system actions (Argonaut pattern).

One card per evaluated imaging order, never ``critical``:
- Usually Not Appropriate -> ``warning`` with the better alternatives as suggestions and override reasons;
- appropriate -> ``info`` (or no card when info cards are switched off; the rating still goes out);
- not ratable (missing or disputed facts) -> ``info`` naming what is missing, no system action;
- red flag not targeted by the order -> ``warning`` suggesting the targeted study.
Each rated order gets one ``update`` action echoing its ServiceRequest unchanged except for the PAMA
extensions; the same list is returned top level (CDS Hooks 2.0) and under ``extension.systemActions``
(what the reference sandbox EHR reads).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

import orjson

from rightscan.adapters.cdshooks.models import Action, Card, Coding, HookResponse, Link, Source, Suggestion
from rightscan.domain.knowledge import Knowledge
from rightscan.domain.pama import pama_rating

CPT_SYSTEM = "http://www.ama-assn.org/go/cpt"
ACR_CATEGORY_SYSTEM = "urn:rightscan:acr-appropriateness-category"
MAX_SUMMARY = 139


@dataclass(slots=True)
class OrderOutcome:
    """What happened to one draft order: its decision, or why there is none."""

    order_ref: str  # "ServiceRequest/123"
    resource: dict[str, Any]
    decision: dict[str, Any] | None = None
    problem: str | None = None  # data conflict or unreadable facts (no decision)
    missing_facts: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Consultation:
    response: dict[str, Any]
    cards: list[dict[str, Any]]  # log entries: uuid, order_ref, indicator, suggestions, override_reasons
    ratings: list[dict[str, Any]]


def _copy(resource: dict[str, Any]) -> dict[str, Any]:
    """A deep copy of a JSON resource (orjson round trip: several times faster than copy.deepcopy)."""
    return orjson.loads(orjson.dumps(resource))  # type: ignore[no-any-return]


def _fact_names(kb: Knowledge) -> dict[str, str]:
    """A missing fact's clinical name, by the words the decision states it in (guidance.yaml ``facts``: the
    label, followed by how the fact is obtained when the file says so), to keep the card's summary short."""

    def build() -> dict[str, str]:
        return {w.full_label: w.label for w in kb.fact_words.values()}

    return kb.remember(("cards", "fact names"), build)  # type: ignore[no-any-return]


def _short(text: str) -> str:
    return text if len(text) <= MAX_SUMMARY else text[: MAX_SUMMARY - 1].rstrip() + "…"


def _source(kb: Knowledge) -> Source:
    return Source(
        label=f"RightScan: ACR {kb.topic_title} + AJCC 8",
        url=kb.pama.auc_url,
        topic=Coding(system="urn:rightscan:topic", code=kb.topic_version, display=kb.topic_title),
    )


def _override_reasons(kb: Knowledge) -> list[Coding]:
    return [Coding(system=kb.pama.override_reason_system, code=c, display=d) for c, d in kb.pama.override_reasons]


def _rated_resource(
    kb: Knowledge, resource: dict[str, Any], code: str, decision: dict[str, Any], consult_id: str, qcdsm: str | None
) -> dict[str, Any]:
    """The ServiceRequest unchanged but for the PAMA extensions (earlier ones replaced)."""
    ext = kb.pama.extensions
    out = _copy(resource)
    kept = [e for e in out.get("extension", []) if e.get("url") not in set(ext.values())]
    order = decision["order"]
    concept: dict[str, Any] = {"coding": [{"system": kb.pama.rating_system, "code": code}]}
    if order and order["category"]:
        concept["coding"].append(
            {
                "system": ACR_CATEGORY_SYSTEM,
                "code": order["category"],
                "display": f"ACR variant {order['variant']}, median rating {order['median_rating']}/9",
            }
        )
    added = [{"url": ext["rating"], "valueCodeableConcept": concept}]
    if qcdsm:
        added.append({"url": ext["qcdsm_consulted"], "valueString": qcdsm})
    added.append({"url": ext["consult_id"], "valueUri": f"urn:uuid:{consult_id}"})
    added.append({"url": ext["auc_applied"], "valueUri": kb.pama.auc_url})
    out["extension"] = kept + added
    return out


def _replacement(resource: dict[str, Any], kb: Knowledge, procedure_id: str) -> dict[str, Any] | None:
    """The same order with its code replaced by an alternative study, when the study has one CPT code."""
    proc = kb.procedures[procedure_id]
    code = proc.suggest_cpt or (proc.cpt[0] if len(proc.cpt) == 1 else None)
    if code is None or "+" in code:
        return None  # no single code to put on the order: the clinician must pick it
    out = _copy(resource)
    out["code"] = {"coding": [{"system": CPT_SYSTEM, "code": code, "display": proc.name}], "text": proc.name}
    out["extension"] = [e for e in out.get("extension", []) if "pama-rating" not in str(e.get("url", ""))]
    return out


def _detail(decision: dict[str, Any], explanation_url: str) -> str:
    lines = [f"**{decision['summary']}**", ""]
    stage = decision["stage"]
    lines.append(
        f"Stage (AJCC 8): anatomic {stage['anatomic'] or 'not assigned'}, "
        f"clinical prognostic {stage['clinical_prognostic'] or 'not assigned'}."
    )
    order = decision.get("order") or {}
    assumed = (order.get("reading") or {}).get("assumed") or []
    if assumed:  # what the order did not say and RightScan took as routine (catalogue text, never the order's words)
        lines.append(f"- Order read as {order['procedure']}; not stated, taken as: {'; '.join(assumed)}.")
    for f in decision["red_flags"]:
        lines.append(f"- Red flag **{f['finding'].replace('_', ' ')}**: {', '.join(f['suggested'])}.")
    for x in decision["insufficient_data"]:
        lines.append(f"- Insufficient data: {x}")
    for item in list(decision["considerations"])[:3]:
        lines.append(f"- {item['text']}")
    lines.append("")
    lines.append(f"[Full explanation with sources]({explanation_url})")
    return "\n".join(lines)


def build(
    kb: Knowledge,
    outcomes: list[OrderOutcome],
    *,
    consult_id: str,
    explanation_url: str,
    qcdsm: str | None,
    info_cards: bool,
) -> Consultation:
    cards: list[Card] = []
    log_cards: list[dict[str, Any]] = []
    actions: list[Action] = []
    ratings: list[dict[str, Any]] = []
    links = [Link(label="Why? RightScan explanation", url=explanation_url, type="absolute")]

    def add(card: Card, order_ref: str) -> None:
        cards.append(card)
        # what feedback on the card is checked against: the suggestions and override reasons it offered
        log_cards.append(
            {
                "uuid": card.uuid,
                "order_ref": order_ref,
                "indicator": card.indicator,
                "suggestions": [s.uuid for s in card.suggestions or [] if s.uuid],
                "override_reasons": [r.model_dump(exclude_none=True) for r in card.overrideReasons or []],
            }
        )

    for oc in outcomes:
        if oc.decision is None:
            add(
                Card(
                    uuid=str(uuid.uuid4()),
                    summary=_short(f"RightScan cannot rate {oc.order_ref}: {oc.problem}"),
                    detail=f"RightScan cannot rate this order: {oc.problem}.",
                    indicator="info",
                    source=_source(kb),
                    links=links,
                ),
                oc.order_ref,
            )
            ratings.append({"order_ref": oc.order_ref, "pama": None, "why": oc.problem})
            continue
        d = oc.decision
        order = d["order"]
        code, why = pama_rating(kb.pama, d)
        ratings.append(
            {
                "order_ref": oc.order_ref,
                "procedure_id": order["procedure_id"],
                "cpt": order["cpt"],
                "variant": order["variant"],
                "category": order["category"],
                "pama": code,
                "why": why,
            }
        )
        if code is not None:
            actions.append(
                Action(
                    type="update",
                    description=f"Record the appropriateness rating ({code}) on the order",
                    resource=_rated_resource(kb, oc.resource, code, d, consult_id, qcdsm),
                )
            )
        card_uuid = str(uuid.uuid4())
        proc = order["procedure"]
        detail = _detail(d, explanation_url)
        untargeted = d["red_flags"] and order["purpose"] == "distant" and not order["indicated_by_red_flags"]
        # a staging study the stage calls for stays: the red flag's study is needed as well, not instead
        both_needed = bool(untargeted) and d.get("systemic_staging") == "recommended" and code == "appropriate"
        if code == "not-appropriate" or untargeted:
            suggestions = []
            for alt in [] if both_needed else order["alternatives"][:3]:
                replacement = _replacement(oc.resource, kb, alt["procedure_id"])
                if replacement is None:
                    continue
                suggestions.append(
                    Suggestion(
                        label=_short(
                            f"Order {alt['procedure']} (CPT {replacement['code']['coding'][0]['code']}) instead"
                        ),
                        uuid=str(uuid.uuid4()),
                        actions=[
                            Action(
                                type="update",
                                description=f"Change the order to {alt['procedure']}",
                                resource=replacement,
                            )
                        ],
                    )
                )
            if not both_needed:
                suggestions.append(
                    Suggestion(
                        label="Cancel this order",
                        uuid=str(uuid.uuid4()),
                        actions=[
                            Action(
                                type="delete", description=f"Remove the draft order for {proc}", resourceId=oc.order_ref
                            )
                        ],
                    )
                )
            targets = ", ".join(dict.fromkeys(x["procedure"] for x in d.get("targeted_imaging") or []))
            summary = (
                f"{proc}: Usually Not Appropriate - {d['summary'].split(' - ', 1)[-1]}"
                if code == "not-appropriate"
                else f"{proc}: Usually Appropriate for staging; the red flag also needs {targets}"
                if both_needed
                else f"{proc} does not target the red flag: consider {order['alternatives'][0]['procedure']}"
                if order["alternatives"]
                else f"{proc} does not target the red flag"
            )
            add(
                Card(
                    uuid=card_uuid,
                    summary=_short(summary),
                    detail=detail,
                    indicator="warning",
                    source=_source(kb),
                    suggestions=suggestions or None,
                    selectionBehavior="at-most-one" if suggestions else None,
                    overrideReasons=_override_reasons(kb),
                    links=links,
                ),
                oc.order_ref,
            )
        elif code is None:
            names = _fact_names(kb)
            missing = (
                "; ".join(names.get(m["fact"], m["fact"]) for m in d.get("missing") or [])
                or "; ".join(x.split(":", 1)[0] for x in d["insufficient_data"])
                or why
            )
            add(
                Card(
                    uuid=card_uuid,
                    summary=_short(
                        f"{proc}: not rated - {why}"
                        if not d["insufficient_data"]
                        else f"{proc}: not rated - missing {missing}"
                    ),
                    detail=detail,
                    indicator="info",
                    source=_source(kb),
                    links=links,
                ),
                oc.order_ref,
            )
        elif info_cards:
            label = (
                "targeted study for the red flag (the ACR rating is for patients without symptoms)"
                if order.get("rating_context")
                else order["category"] or "no ACR criterion applies"
            )
            add(
                Card(
                    uuid=card_uuid,
                    summary=_short(f"{proc}: {label} - {d['summary'].split(' - ', 1)[0]}"),
                    detail=detail,
                    indicator="info",
                    source=_source(kb),
                    links=links,
                ),
                oc.order_ref,
            )

    action_dicts = [a.dump() for a in actions]
    response = HookResponse(cards=cards, systemActions=actions or None).dump()
    if action_dicts:
        response["extension"] = {"systemActions": action_dicts}
    return Consultation(response=response, cards=log_cards, ratings=ratings)
