"""Response models of the JSON API, for the OpenAPI document.

Routes send already-built JSON (the core's output contract, byte for byte as the CLI writes it); these
models describe it. Parts whose shape the knowledge decides (assessments, explanation steps, ...) are
described as objects; ``extra="allow"`` keeps the description honest where the contract may grow.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Health(BaseModel):
    status: str
    knowledge_version: str


class Ready(Health):
    decision_log: str


class Stage(_Open):
    edition: str | None = None
    anatomic: str | None = None
    clinical_prognostic: str | None = None


class OrderOverride(BaseModel):
    """An explicit order replaced the one given in the input or read in a note."""

    input_order: str
    used: str
    input_purpose: str | None = None
    note: str


class Decision(_Open):
    """The core's output contract (the same object as ``rightscan evaluate --format json``)."""

    order_override: OrderOverride | None = None
    knowledge_version: str
    summary: str
    stage: Stage
    systemic_imaging: str
    assessments: list[dict[str, Any]]
    order: dict[str, Any] | None
    red_flags: list[dict[str, Any]]
    insufficient_data: list[str]
    missing: list[dict[str, Any]]
    assumptions: list[dict[str, Any]]
    systemic_staging: Any
    targeted_imaging: list[Any]
    considerations: list[dict[str, Any]]
    next_steps: list[Any]
    pitfalls: list[Any]
    explanation: list[dict[str, Any]]


class Links(BaseModel):
    explanation: str


class Evaluated(Decision):
    """A logged decision: its id (also the PAMA consult id), a link to its explanation page, the decision,
    and for a note the ``extracted`` facts with their evidence."""

    decision_id: str
    links: Links
    extracted: dict[str, Any] | None = None


class LoggedDecision(_Open):
    """One decision log row: coded facts only (never names or free text), ratings, cards and feedback."""

    id: str
    created_at: str
    channel: str
    hook: str | None = None
    hook_instance: str | None = None
    service_id: str | None = None
    tenant: str | None = None
    knowledge_version: str
    input_digest: str
    verdict: str | None = None
    facts: dict[str, Any]
    ratings: list[dict[str, Any]]
    cards: list[dict[str, Any]]
    output: dict[str, Any]
    feedback: list[dict[str, Any]]


class Procedure(BaseModel):
    id: str
    name: str
    purpose: str
    rated_by_acr_topic: bool
    cpt: list[str]
    hcpcs: list[str]
    loinc: list[str]
    synonyms: list[str]
    ambiguous_names: list[str]
    rrl: str | None = None
    adult_dose_msv: str | None = None


class ProcedureMatch(BaseModel):
    id: str
    name: str
    cpt: list[str]
    synonyms: list[str]
    matched: str | None = None
    purpose: str
    rrl: str | None = None
    adult_dose_msv: str | None = None


HTML = {"content": {"text/html": {}}, "description": "An HTML page (or an htmx fragment)"}
PDF = {"content": {"application/pdf": {}}, "description": "The handout as a PDF"}
