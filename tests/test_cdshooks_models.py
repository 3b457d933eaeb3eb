"""The CDS Hooks 2.0 response/feedback/request rules, one test per rule (cds-resp, cds-fb, cds-r)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from rightscan.adapters.cdshooks.models import (
    Action,
    Card,
    Coding,
    FeedbackEntry,
    HookRequest,
    HookResponse,
    Link,
    Source,
    Suggestion,
)

SRC = Source(label="RightScan")


def card(**kw: Any) -> Card:
    return Card(**{"summary": "PET/CT: Usually Not Appropriate", "indicator": "warning", "source": SRC, **kw})


def test_summary_must_be_shorter_than_140_characters() -> None:
    card(summary="x" * 139)
    with pytest.raises(ValidationError):
        card(summary="x" * 140)


def test_indicator_is_info_warning_or_critical_only() -> None:
    for ok in ("info", "warning", "critical"):
        card(indicator=ok)
    with pytest.raises(ValidationError):
        card(indicator="success")


def test_suggestions_require_selection_behavior_cds_resp_6() -> None:
    with pytest.raises(ValidationError, match="cds-resp-6"):
        card(suggestions=[Suggestion(label="Cancel")])
    card(suggestions=[Suggestion(label="Cancel")], selectionBehavior="any")


def test_at_most_one_allows_one_recommended_suggestion_cds_resp_1() -> None:
    two = [Suggestion(label="A", isRecommended=True), Suggestion(label="B", isRecommended=True)]
    with pytest.raises(ValidationError, match="cds-resp-1"):
        card(suggestions=two, selectionBehavior="at-most-one")
    card(suggestions=two, selectionBehavior="any")


def test_delete_names_resource_id_and_carries_no_resource_cds_resp_2() -> None:
    Action(type="delete", description="Remove", resourceId="ServiceRequest/1")
    with pytest.raises(ValidationError, match="cds-resp-2"):
        Action(type="delete", description="Remove", resource={"resourceType": "ServiceRequest"})
    with pytest.raises(ValidationError):
        Action(type="update", description="Rate")  # update needs the full resource


def test_app_context_only_on_smart_links_cds_resp_3() -> None:
    Link(label="app", url="https://app.example.org/launch", type="smart", appContext="h-1")
    with pytest.raises(ValidationError, match="cds-resp-3"):
        Link(label="why", url="https://x.example.org", type="absolute", appContext="h-1")


def test_override_reasons_need_display_cds_resp_4() -> None:
    with pytest.raises(ValidationError, match="cds-resp-4"):
        card(
            overrideReasons=[
                Coding(
                    system="http://terminology.hl7.org/CodeSystem/non-adherence-reason-codes", code="patient-refuses"
                )
            ]
        )


def test_action_needs_description_cds_resp_5() -> None:
    with pytest.raises(ValidationError):
        Action(type="delete", description="", resourceId="ServiceRequest/1")


def test_feedback_rules_cds_fb() -> None:
    ts = "2026-11-25T10:00:00.52Z"
    with pytest.raises(ValidationError):
        FeedbackEntry(card="c", outcome="ignored", outcomeTimestamp=ts)  # cds-fb-1
    with pytest.raises(ValidationError, match="cds-fb-2"):
        FeedbackEntry(card="c", outcome="accepted", outcomeTimestamp=ts)
    with pytest.raises(ValidationError, match="cds-fb-3"):
        FeedbackEntry(card="c", outcome="overridden", overrideReason={}, outcomeTimestamp=ts)
    with pytest.raises(ValidationError):
        FeedbackEntry(card="c", outcome="overridden", outcomeTimestamp="yesterday")
    FeedbackEntry(card="c", outcome="accepted", acceptedSuggestions=[{"id": "s"}], outcomeTimestamp=ts)


def _request(**kw: Any) -> dict[str, Any]:
    return {
        "hook": "order-sign",
        "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
        "context": {
            "userId": "Practitioner/123",
            "patientId": "1288992",
            "draftOrders": {"resourceType": "Bundle", "entry": []},
        },
        **kw,
    }


def test_fhir_authorization_requires_fhir_server_cds_r_1() -> None:
    auth = {
        "access_token": "t",
        "token_type": "Bearer",
        "expires_in": 300,
        "scope": "patient/*.read",
        "subject": "rightscan",
    }
    with pytest.raises(ValidationError, match="cds-r-1"):
        HookRequest.model_validate(_request(fhirAuthorization=auth))
    HookRequest.model_validate(_request(fhirAuthorization=auth, fhirServer="https://fhir.example.org"))


def test_request_shapes() -> None:
    HookRequest.model_validate(_request())  # a Bundle without `type` is accepted
    with pytest.raises(ValidationError, match="ord-1"):
        HookRequest.model_validate(_request() | {"context": _request()["context"] | {"userId": "bob smith"}})
    with pytest.raises(ValidationError):
        HookRequest.model_validate(_request(hook="patient-view"))
    with pytest.raises(ValidationError, match="selections"):
        HookRequest.model_validate(_request(hook="order-select"))


def test_optional_fields_are_omitted_not_null() -> None:
    body = HookResponse(cards=[card()]).dump()
    assert body == {
        "cards": [
            {"summary": "PET/CT: Usually Not Appropriate", "indicator": "warning", "source": {"label": "RightScan"}}
        ]
    }
    assert HookResponse(cards=[]).dump() == {"cards": []}
