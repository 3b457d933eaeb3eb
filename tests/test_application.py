"""The application seam without HTTP or a terminal: each use case called as a function (issue 12).

The CDS Hooks consultation runs here from a validated hook request to the record handed to the decision
log, with a store that keeps records in memory; what a clinician would check is asserted on the cards
and on the logged record.
"""

from __future__ import annotations

import asyncio
import copy
import json
import uuid
from concurrent.futures import Future
from typing import Any

import orjson
import pytest

from conftest import ROOT, patient
from rightscan import application
from rightscan.adapters.cdshooks.models import FeedbackRequest, HookRequest
from rightscan.application import Engine, InputError, Refused
from rightscan.domain.knowledge import Knowledge
from rightscan.settings import Settings

FHIR = ROOT / "tests" / "fixtures" / "fhir"
PAMA_RATING = "http://fhir.org/argonaut/Extension/pama-rating"


def _done(value: Any) -> Future[Any]:
    future: Future[Any] = Future()
    future.set_result(value)
    return future


class MemoryStore:
    """The part of the decision log the use cases call, in memory."""

    def __init__(self) -> None:
        self.decisions: list[Any] = []
        self.feedback: list[Any] = []
        self.card_owner: dict[str, str | None] = {}

    def submit_decision(self, record: Any) -> Future[None]:
        self.decisions.append(record)
        for card in record.cards:
            self.card_owner[card["uuid"]] = record.tenant
        return _done(None)

    def feedback_cards(self, uuids: list[str]) -> dict[str, dict[str, Any]]:
        return {u: {"tenant": self.card_owner[u], "card": {}, "outcomes": set()} for u in uuids if u in self.card_owner}

    def submit_feedback(self, records: list[Any]) -> Future[int]:
        self.feedback.extend(records)
        return _done(len(records))


def _hook(hook: str = "order-select", **changes: Any) -> HookRequest:
    data = json.loads((FHIR / "reference_patient.json").read_text())
    body = {
        "hook": hook,
        "hookInstance": str(uuid.uuid4()),
        "context": copy.deepcopy(data["context"]),
        "prefetch": copy.deepcopy(data["prefetch"]),
        **changes,
    }
    if hook == "order-sign":
        body["context"].pop("selections", None)
    return HookRequest.model_validate(body)


def _consult(kb: Knowledge, hook: HookRequest, settings: Settings | None = None, tenant: str | None = None) -> Any:
    store = MemoryStore()
    settings = settings or Settings(database_url="sqlite://")

    def link(consult_id: str) -> str:
        return f"https://rightscan.example/decisions/{consult_id}"

    response = asyncio.run(
        application.consult(Engine(kb, store), settings, hook, settings.service_id, tenant, link)  # type: ignore[arg-type]
    )
    return response, store


def test_consult_on_the_reference_pet_ct_warns_and_logs_the_consultation(kb: Knowledge) -> None:
    response, store = _consult(kb, _hook(), tenant="https://ehr.example|a")
    [card] = response["cards"]
    assert card["indicator"] == "warning" and "Usually Not Appropriate" in card["summary"]
    assert any("US Breast" in s["label"] for s in card["suggestions"])
    [record] = store.decisions
    assert record.channel == "cds-hooks" and record.hook == "order-select"
    assert record.tenant == "https://ehr.example|a"
    assert record.verdict == "not_recommended"
    assert card["links"][0]["url"] == f"https://rightscan.example/decisions/{record.id}"
    [rating] = record.ratings
    assert rating["pama"] == "not-appropriate"
    # the PAMA rating travels on the unchanged order, and the log keeps coded facts only
    [action] = response["systemActions"]
    assert any(e["url"] == PAMA_RATING for e in action["resource"]["extension"])
    assert "note" not in orjson.dumps(record.facts).decode().lower()


def test_consult_rates_nothing_for_orders_outside_the_catalogue(kb: Knowledge) -> None:
    hook = _hook()
    order = hook.context.draftOrders["entry"][1]["resource"]
    order["code"] = {"text": "physiotherapy referral"}
    response, store = _consult(kb, hook)
    assert response["cards"] == []
    [record] = store.decisions
    assert record.ratings == [] and record.verdict is None


def test_consult_refuses_an_unknown_service_id(kb: Knowledge) -> None:
    settings = Settings(database_url="sqlite://")
    with pytest.raises(Refused) as refused:
        asyncio.run(application.consult(Engine(kb, MemoryStore()), settings, _hook(), "other", None, str))  # type: ignore[arg-type]
    assert refused.value.status == 404 and refused.value.field == "service_id"


def test_consult_refuses_more_draft_orders_than_the_limit(kb: Knowledge) -> None:
    hook = _hook("order-sign")
    hook.context.draftOrders["entry"] = hook.context.draftOrders["entry"] * 3
    with pytest.raises(Refused) as refused:
        _consult(kb, hook, Settings(database_url="sqlite://", max_draft_orders=2))
    assert refused.value.status == 422 and refused.value.field == "context.draftOrders.entry"
    assert "RIGHTSCAN_MAX_DRAFT_ORDERS" in refused.value.message


def test_consult_without_prefetch_or_fhir_access_is_412_naming_the_prefetch(kb: Knowledge) -> None:
    hook = _hook(prefetch=None)
    with pytest.raises(Refused) as refused:
        _consult(kb, hook)
    assert refused.value.status == 412 and refused.value.field == "prefetch"


def test_feedback_is_recorded_for_a_returned_card_and_refused_for_another_organisation(kb: Knowledge) -> None:
    response, store = _consult(kb, _hook(), tenant="A")
    card = response["cards"][0]["uuid"]
    engine = Engine(kb, store)  # type: ignore[arg-type]
    settings = Settings(database_url="sqlite://")
    body = FeedbackRequest.model_validate(
        {
            "feedback": [
                {
                    "card": card,
                    "outcome": "overridden",
                    "overrideReason": {"userComment": "patient declined"},
                    "outcomeTimestamp": "2026-11-30T01:00:00Z",
                }
            ]
        }
    )
    receipt = asyncio.run(application.record_feedback(engine, settings, settings.service_id, body, "A", True))
    assert receipt == {"received": 1, "new": 1}
    assert store.feedback[0].card_uuid == card and store.feedback[0].outcome == "overridden"
    with pytest.raises(Refused) as refused:
        asyncio.run(application.record_feedback(engine, settings, settings.service_id, body, "B", True))
    assert refused.value.status == 404 and refused.value.field == "feedback[0].card"


# ------------------------------------------------------------------------------------------ facts and batch
def test_evaluate_facts_says_when_an_explicit_order_replaced_the_input_order(kb: Knowledge) -> None:
    payload = patient(order="PET/CT", purpose="distant")
    result = application.evaluate_facts(kb, payload, "bone scan")
    assert next(iter(result)) == "order_override"
    assert result["order_override"] == {
        "input_order": "PET/CT",
        "used": "bone scan",
        "input_purpose": "distant",
        "note": "--order replaced the order given in the input and its purpose",
    }
    assert result["order"]["procedure"] == "Bone Scan Whole Body"
    assert payload["order"] == "PET/CT"  # the caller's object is left as it was
    same = application.evaluate_facts(kb, patient(order="bone scan"), "bone scan")
    assert "order_override" not in same


def test_evaluate_batch_answers_line_by_line_and_names_the_bad_line(kb: Knowledge) -> None:
    lines = [
        orjson.dumps(patient()),
        b"",
        orjson.dumps(patient(tumor={"size_cm": 40})),
        orjson.dumps(patient(order="PET/CT")),
    ]
    results = list(application.evaluate_batch(kb, lines, order="bone scan"))
    assert [ok for ok, _ in results] == [True, False, False, True]
    assert results[1][1]["line"] == 2 and results[2][1] == {**results[2][1], "line": 3, "field": "tumor.size_cm"}
    assert results[3][1]["order_override"]["input_order"] == "PET/CT"
    assert results[3][1]["order"]["procedure"] == "Bone Scan Whole Body"
    # each good line is the same answer as the single evaluation
    assert results[0][1] == application.evaluate_facts(kb, patient(), "bone scan")


# ------------------------------------------------------------------------------------------ notes
NOTE = "58F 1.8 cm G2 IDC L breast, ER+/PR+/HER2-, no palpable axillary LAD, LFTs/ALP WNL - PET/CT for staging?\n"


def test_an_explicit_order_replaces_the_study_a_note_names_in_every_path(kb: Knowledge) -> None:
    """Issue 12 drift: the API refused a note naming another study than its order, the CLI replaced it.
    Now both replace it and say so; the note's own study is never silently dropped."""
    facts, extraction, override = application.note_facts(NOTE, "bone scan")
    stated = extraction.facts["order"]
    assert application.resolved_study(kb, stated).name.startswith("FDG-PET/CT")
    assert facts["order"] == "bone scan"
    assert override == {
        "input_order": stated,
        "used": "bone scan",
        "note": "the request's order replaced the order read in the note",
    }
    cli_answer = application.evaluate_note(kb, extraction, "bone scan")
    assert cli_answer["order_override"]["note"] == "--order replaced the order read in the note"
    assert cli_answer["order"]["procedure"] == "Bone Scan Whole Body"
    assert application.note_facts(NOTE, stated)[2] is None  # the same study: nothing replaced


def test_a_note_over_the_reader_limit_is_an_input_error_naming_the_note() -> None:
    from rightscan.adapters.text import MAX_NOTE_CHARS

    with pytest.raises(InputError) as refused:
        application.note_facts("x" * (MAX_NOTE_CHARS + 1), None)
    assert refused.value.field == "note"
