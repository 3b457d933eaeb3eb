"""CDS Hooks 2.0 request and response models, with the specification's invariants enforced.

Rules (CDS Hooks 2.0, and the cds-resp/cds-fb/cds-r invariants restated by the 3.0 logical models):
- optional fields without a value are omitted, never null or empty (``dump`` drops them);
- card summary shorter than 140 characters; indicator info | warning | critical;
- suggestions require selectionBehavior (at-most-one | any); at-most-one allows one isRecommended;
- delete actions name ``resourceId`` and carry no ``resource``; create/update carry ``resource``;
- override reasons are Codings with ``display``; links of type smart only may carry appContext;
- feedback: accepted requires acceptedSuggestions; overrideReason has reason or userComment;
- fhirAuthorization requires fhirServer.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, SkipValidation, model_validator

_TYPE_ID = re.compile(r"^[A-Za-z]+/[A-Za-z0-9\-.]{1,64}$")


def _storable(value: str) -> str:
    if "\x00" in value:  # PostgreSQL cannot store it in text
        raise ValueError("must not contain the NUL character (U+0000)")
    return value


StoredText = Annotated[str, AfterValidator(_storable)]  # text the decision log keeps


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def dump(self) -> dict[str, Any]:
        """JSON-ready dict without unset optional fields (CDS Hooks forbids null/empty optionals)."""
        return self.model_dump(by_alias=True, exclude_none=True)  # every field is JSON-native already


class _Open(_Model):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


# ---------------------------------------------------------------------------------- shared
class Coding(_Model):
    system: str = Field(min_length=1)
    code: str = Field(min_length=1)
    display: str | None = None


class Extension(_Open):
    """Reverse-domain keyed extension object; content is not interpreted."""


# ---------------------------------------------------------------------------------- discovery
class Service(_Model):
    hook: str
    title: str | None = None
    description: str
    id: str
    prefetch: dict[str, str] | None = None
    usageRequirements: str | None = None


class DiscoveryResponse(_Model):
    services: list[Service]


# ---------------------------------------------------------------------------------- request
class FhirAuthorization(_Model):
    access_token: str = Field(min_length=1)
    token_type: Literal["Bearer"]
    expires_in: int = Field(ge=0)
    scope: str
    subject: str
    patient: str | None = None


class OrderContext(_Open):
    """order-select / order-sign context. Extra fields are tolerated (future hook versions)."""

    userId: str = Field(min_length=1, max_length=200)
    patientId: str = Field(min_length=1, max_length=200)
    encounterId: str | None = Field(default=None, max_length=200)
    selections: list[str] | None = None
    draftOrders: dict[str, Any]

    @model_validator(mode="after")
    def _shapes(self) -> OrderContext:
        if not _TYPE_ID.match(self.userId):
            raise ValueError("userId must be a reference like Practitioner/123 (ord-1)")
        if self.draftOrders.get("resourceType") != "Bundle":
            raise ValueError("draftOrders must be a FHIR Bundle")
        if self.selections is not None:
            for sel in self.selections:
                if not _TYPE_ID.match(sel):
                    raise ValueError("selections must be references like ServiceRequest/123")
        return self


class HookRequest(_Model):
    hook: Literal["order-select", "order-sign"]
    hookInstance: StoredText = Field(min_length=1, max_length=64)  # a UUID (CDS Hooks); the decision log keeps 64
    fhirServer: str | None = Field(default=None, max_length=2000)
    fhirAuthorization: FhirAuthorization | None = None
    context: OrderContext
    prefetch: dict[str, Any] | None = None
    extension: Extension | None = None

    @model_validator(mode="after")
    def _rules(self) -> HookRequest:
        if self.fhirAuthorization is not None and not self.fhirServer:
            raise ValueError("fhirAuthorization requires fhirServer (cds-r-1)")
        if self.hook == "order-select" and self.context.selections is None:
            raise ValueError("order-select requires context.selections")
        return self


# ---------------------------------------------------------------------------------- response
class Source(_Model):
    label: str = Field(min_length=1)
    url: str | None = None
    icon: str | None = None
    topic: Coding | None = None


class Action(_Model):
    type: Literal["create", "update", "delete"]
    description: str = Field(min_length=1)
    # A FHIR resource: checked by the FHIR adapter, carried here as is (not re-walked by pydantic).
    resource: SkipValidation[dict[str, Any]] | None = None
    resourceId: str | None = None

    @model_validator(mode="after")
    def _rules(self) -> Action:
        if self.type == "delete":
            if not self.resourceId or self.resource is not None:
                raise ValueError("a delete action names resourceId and carries no resource (cds-resp-2)")
        elif self.resource is None:
            raise ValueError(f"a {self.type} action carries the full resource")
        return self


class Suggestion(_Model):
    label: str = Field(min_length=1)
    uuid: str | None = None
    isRecommended: bool | None = None
    actions: list[Action] | None = None


class Link(_Model):
    label: str = Field(min_length=1)
    url: str = Field(min_length=1)
    type: Literal["absolute", "smart"]
    appContext: str | None = None
    autolaunchable: bool | None = None

    @model_validator(mode="after")
    def _rules(self) -> Link:
        if self.type != "smart" and self.appContext is not None:
            raise ValueError("appContext is only for smart links (cds-resp-3)")
        return self


class Card(_Model):
    uuid: str | None = None
    summary: str = Field(min_length=1, max_length=139)
    detail: str | None = None
    indicator: Literal["info", "warning", "critical"]
    source: Source
    suggestions: list[Suggestion] | None = None
    selectionBehavior: Literal["at-most-one", "any"] | None = None
    overrideReasons: list[Coding] | None = None
    links: list[Link] | None = None

    @model_validator(mode="after")
    def _rules(self) -> Card:
        if self.suggestions and self.selectionBehavior is None:
            raise ValueError("suggestions require selectionBehavior (cds-resp-6)")
        recommended = sum(1 for s in self.suggestions or [] if s.isRecommended)
        if self.selectionBehavior == "at-most-one" and recommended > 1:
            raise ValueError("at-most-one allows a single recommended suggestion (cds-resp-1)")
        for reason in self.overrideReasons or []:
            if not reason.display:
                raise ValueError("every override reason needs a display (cds-resp-4)")
        return self


class HookResponse(_Model):
    cards: list[Card]
    systemActions: list[Action] | None = None
    extension: Extension | None = None


# ---------------------------------------------------------------------------------- feedback
class AcceptedSuggestion(_Model):
    id: str = Field(min_length=1)


class ReasonCoding(Coding):
    """An override reason the EHR sends back, bounded as the decision log's feedback columns are."""

    system: StoredText = Field(min_length=1, max_length=255)
    code: StoredText = Field(min_length=1, max_length=64)
    display: StoredText | None = Field(default=None, max_length=255)


class OverrideReason(_Model):
    reason: ReasonCoding | None = None
    userComment: StoredText | None = Field(default=None, max_length=4000)

    @model_validator(mode="after")
    def _rules(self) -> OverrideReason:
        if self.reason is None and not self.userComment:
            raise ValueError("overrideReason needs a reason or a userComment (cds-fb-3)")
        return self


class FeedbackEntry(_Model):
    card: StoredText = Field(min_length=1, max_length=64)
    outcome: Literal["accepted", "overridden"]
    acceptedSuggestions: list[AcceptedSuggestion] | None = None
    overrideReason: OverrideReason | None = None
    outcomeTimestamp: str = Field(
        pattern=r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", max_length=40
    )

    @model_validator(mode="after")
    def _rules(self) -> FeedbackEntry:
        if self.outcome == "accepted" and not self.acceptedSuggestions:
            raise ValueError("accepted feedback lists acceptedSuggestions (cds-fb-2)")
        return self


class FeedbackRequest(_Model):
    feedback: list[FeedbackEntry] = Field(min_length=1, max_length=100)
