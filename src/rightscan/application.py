"""Application services: compose adapters around the domain for the interfaces (HTTP, web).

Nothing here decides anything clinical: it validates input, calls ``decide``, and records the
consultation in the decision log. Logging carries decision ids and codes only.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import logging
import threading
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import orjson

from rightscan.adapters.input_json import PatientInput, to_facts
from rightscan.domain import orders
from rightscan.domain.decision import decide
from rightscan.domain.knowledge import Knowledge
from rightscan.domain.model import InputError
from rightscan.domain.pama import pama_rating

if TYPE_CHECKING:  # the decision log needs the service extra; structured evaluation does not
    from rightscan.adapters.store.db import DecisionRecord, DecisionStore

log = logging.getLogger("rightscan.decisions")


def digest(payload: Any) -> str:
    """sha256 of the canonical JSON of the coded input (sorted keys): identical input, identical digest."""
    return hashlib.sha256(orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)).hexdigest()


def new_id() -> str:
    return str(uuid.uuid4())


def evidence_for_log(extraction: Any) -> list[dict[str, Any]]:
    """Extraction evidence without the note's sentences: the decision log keeps no free text."""
    keep = ("field", "value", "start", "end", "rule", "used", "context")
    return [{k: e[k] for k in keep if k in e} for e in extraction.evidence]


def note_facts(note: str, order: str | None) -> tuple[dict[str, Any], Any]:
    """A clinical note (and an optional order) -> (the core input object it states, the extraction).

    Raises ``InputError`` when the order is given twice and differently. The extraction never
    invents a missing fact; the decision reports what is missing.
    """
    from rightscan.adapters.text import extract

    extraction = extract(note)
    facts = dict(extraction.facts)
    if order is not None:
        stated = facts.get("order")
        if stated is not None and orders.normalise(stated) != orders.normalise(order):
            raise InputError("order", "the note names one study and the request another")
        facts["order"] = order
    return facts, extraction


@lru_cache(maxsize=4096)
def _text_reading_json(text: str) -> bytes:
    from rightscan.adapters.text import extract

    extraction = extract(text)
    facts = {k: v for k, v in extraction.facts.items() if k != "order"}
    return orjson.dumps({"facts": facts, "to_confirm": extraction.to_confirm})


def text_reading(text: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Facts stated by a record's free text (order reason, notes), the order excluded, and the facts the
    text leaves uncertain (``to_confirm``: a possible red-flag symptom, a suspected metastasis).

    Extraction is a pure function of the text and the rules, and EHRs resend the same order reasons on
    every hook call, so results are remembered by text (in memory only, never logged); each caller gets
    its own copy.
    """
    reading = orjson.loads(_text_reading_json(text))
    return reading["facts"], reading["to_confirm"]


def text_facts(text: str) -> dict[str, Any]:
    """The facts of :func:`text_reading` alone."""
    return text_reading(text)[0]


def decide_payload(kb: Knowledge, payload: Any, order: str | None = None) -> dict[str, Any]:
    """The one use case every interface shares: input contract (decoded JSON) -> output contract.
    ``order`` replaces the payload's order. Raises ``InputError`` naming the field."""
    from rightscan.adapters.input_json import load_facts

    if isinstance(payload, dict) and "topic" in payload:  # a topic served from a folder of knowledge
        from rightscan.adapters.topic_files import decide_payload as decide_topic_payload

        return decide_topic_payload(kb, payload, order).to_dict()

    return decide(kb, load_facts(kb, payload, order)).to_dict()


def uncertain_gaps(coded: dict[str, Any], to_confirm: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The uncertain text facts that coded data leave open (coded data always win, so an uncertainty
    about a fact the record codes is moot)."""

    def coded_already(field_name: str) -> bool:
        head, _, tail = field_name.partition(".")
        if head == "symptoms":
            return False  # coded symptoms are united with the text's, never replaced
        return tail in (coded.get(head) or {}) if tail else head in coded

    return [item for item in to_confirm if not coded_already(item["field"])]


def confirm_uncertain(
    kb: Knowledge, decision: dict[str, Any], facts: dict[str, Any], to_confirm: list[dict[str, Any]]
) -> dict[str, Any]:
    """Safety before coverage on every channel that reads free text: when a fact the text leaves uncertain
    would change the answer, the decision becomes ``undetermined`` and names the fact to confirm
    (``rightscan.adapters.text.confirm``); otherwise the decision is returned unchanged."""
    if not to_confirm:
        return decision
    from rightscan.adapters.text import confirm
    from rightscan.adapters.text.model import Extraction

    def redo(candidate: dict[str, Any]) -> dict[str, Any]:
        return decide_payload(kb, candidate)

    return confirm.apply(decision, Extraction(facts=facts, to_confirm=to_confirm), redo, facts)


_FHIR_FACTS: OrderedDict[bytes, bytes] = OrderedDict()  # digest of (prefetch, order, patient, day) -> facts
_FHIR_FACTS_MAX = 2048
_FHIR_SEEN: OrderedDict[bytes, bool] = OrderedDict()  # digests seen once, not yet remembered
_FHIR_FACTS_LOCK = threading.Lock()


def fhir_facts(prefetch: dict[str, Any], draft: Any, patient_id: str | None, kb: Knowledge) -> Any:
    """``fhir.facts_from_fhir``, remembered by the digest of its inputs (in memory only, bounded).

    Reading mCODE resources is a pure function of the prefetch, the draft order, the patient in
    context and the day (ages), and an EHR sends the same ones on each hook call for a patient
    (order-select, each new selection, order-sign). Each caller gets its own copy of the result.
    """
    from rightscan.adapters import fhir

    key = hashlib.blake2b(
        orjson.dumps([prefetch, draft.resource, draft.path, patient_id, date.today().isoformat(), kb.version]),
        digest_size=16,
    ).digest()
    with _FHIR_FACTS_LOCK:
        cached = _FHIR_FACTS.get(key)
        if cached is not None:
            _FHIR_FACTS.move_to_end(key)
        seen_before = _FHIR_SEEN.pop(key, False)
        if cached is None and not seen_before:  # remembered from the second call on: one-off data costs
            _FHIR_SEEN[key] = True  # only the digest
            if len(_FHIR_SEEN) > _FHIR_FACTS_MAX:
                _FHIR_SEEN.popitem(last=False)
    if cached is not None:
        return fhir.FhirFacts(**orjson.loads(cached))
    found = fhir.facts_from_fhir(prefetch, draft, patient_id=patient_id, kb=kb)
    if not seen_before:
        return found
    plain = dataclasses.asdict(found)
    try:
        encoded = orjson.dumps(plain)
    except TypeError:
        return found
    if orjson.loads(encoded) != plain:  # something JSON would not give back as it was: not remembered
        return found
    with _FHIR_FACTS_LOCK:
        _FHIR_FACTS[key] = encoded
        if len(_FHIR_FACTS) > _FHIR_FACTS_MAX:
            _FHIR_FACTS.popitem(last=False)
    return fhir.FhirFacts(**orjson.loads(encoded))


TEXT_FILLABLE = ("setting", "prior_surgery", "patient_preference", "age", "sex")


def fill_from_text(coded: dict[str, Any], text: dict[str, Any]) -> tuple[dict[str, Any], list[str], list[str]]:
    """Coded facts completed by facts read from free text: text only fills gaps, coded data always wins.

    Returns (merged facts, the fields filled from text, the fields where text and coded data disagree).
    Symptoms are united; labs and tumour markers are added when the coded data lack them.
    """
    merged = {**coded, "tumor": dict(coded.get("tumor", {}))}
    filled: list[str] = []
    disagree: list[str] = []
    for key in TEXT_FILLABLE:
        if key in text:
            if key not in coded:
                merged[key] = text[key]
                filled.append(key)
            elif coded[key] != text[key]:
                disagree.append(key)
    for key, value in text.get("tumor", {}).items():
        if key not in merged["tumor"]:
            merged["tumor"][key] = value
            filled.append(f"tumor.{key}")
        elif merged["tumor"][key] != value:
            disagree.append(f"tumor.{key}")
    extra_symptoms = [s for s in text.get("symptoms", []) if s not in coded.get("symptoms", [])]
    if extra_symptoms:
        merged["symptoms"] = [*coded.get("symptoms", []), *extra_symptoms]
        filled.extend(f"symptoms.{s}" for s in extra_symptoms)
    for group in ("labs", "tumor_markers", "pathology"):
        for key, value in text.get(group, {}).items():
            if value is None:
                continue
            if key not in coded.get(group, {}) or coded[group].get(key) is None:
                merged[group] = {**merged.get(group, {}), key: value}
                filled.append(f"{group}.{key}")
    if not merged["tumor"]:
        merged.pop("tumor")
    return merged, filled, disagree


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
        self,
        data: PatientInput,
        channel: str,
        extra: dict[str, Any] | None = None,
        tenant: str | None = None,
        to_confirm: list[dict[str, Any]] | None = None,
    ) -> tuple[Evaluation, DecisionRecord]:
        """Decide for validated input (raises ``InputError`` for contradictory facts); build its log record.
        ``to_confirm``: facts a note left uncertain; the answer abstains when one of them would change it."""
        facts = to_facts(self.kb, data)
        decision = decide(self.kb, facts).to_dict()
        coded = data.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
        if to_confirm:
            decision = confirm_uncertain(self.kb, decision, coded, to_confirm)
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
        from rightscan.adapters.store.db import DecisionRecord

        record = DecisionRecord(
            id=decision_id,
            channel=channel,
            tenant=tenant,
            knowledge_version=self.kb.version,
            input_digest=digest(coded),
            verdict=decision["systemic_imaging"],
            facts=coded,
            ratings=ratings,
            output={"decisions": [{"order_ref": None, "decision": decision}], **(extra or {})},
        )
        return Evaluation(decision_id, decision, coded), record

    async def evaluate(
        self,
        data: PatientInput,
        channel: str,
        extra: dict[str, Any] | None = None,
        tenant: str | None = None,
        to_confirm: list[dict[str, Any]] | None = None,
    ) -> Evaluation:
        """Decide, and return only once the decision is committed to the log (under ``tenant``)."""
        evaluation, record = self.prepare(data, channel, extra, tenant, to_confirm)
        await asyncio.wrap_future(self.store.submit_decision(record))
        order = evaluation.decision["order"]
        log.debug(
            "decision %s channel=%s verdict=%s order=%s",
            evaluation.decision_id,
            channel,
            evaluation.decision["systemic_imaging"],
            order["procedure_id"] if order else "-",
        )
        return evaluation
