"""FHIR R4 adapters: CDS Hooks draft orders and mCODE-style prefetch data -> RightScan input facts."""

from rightscan.adapters.fhir.mcode import (
    PREFETCH_KEYS,
    PREFETCH_TEMPLATES,
    Coding,
    DraftOrder,
    FhirFacts,
    FhirInputError,
    facts_from_fhir,
    prefetch_templates,
    read_draft_orders,
)

__all__ = [
    "PREFETCH_KEYS",
    "PREFETCH_TEMPLATES",
    "Coding",
    "DraftOrder",
    "FhirFacts",
    "FhirInputError",
    "facts_from_fhir",
    "prefetch_templates",
    "read_draft_orders",
]
