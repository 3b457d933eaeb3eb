"""FHIR R4 adapters: CDS Hooks draft orders and mCODE-style prefetch data -> RightScan input facts.

Both entry points are pure (no I/O, no logging): ``read_draft_orders`` (``draft_orders``) and
``facts_from_fhir`` (``facts``; ``PrefetchReading`` reads one prefetch once for many orders). Modules:
``model`` (results, error), ``validation`` (fhir.resources models, Bundles), ``prefetch`` (templates,
collection), ``patient_match`` (whose data), ``readers/`` (one per resource type), ``assemble``
(candidates -> payload), ``codes`` (fhir_codes.yaml), ``fetch`` (absent prefetch from the FHIR server: the only I/O).
"""

from rightscan.adapters.fhir.draft_orders import read_draft_orders
from rightscan.adapters.fhir.facts import PrefetchReading, facts_from_fhir
from rightscan.adapters.fhir.model import Coding, DraftOrder, FhirFacts, FhirInputError
from rightscan.adapters.fhir.prefetch import PREFETCH_KEYS, PREFETCH_TEMPLATES, prefetch_templates
from rightscan.adapters.fhir.validation import warm_up

__all__ = [
    "PREFETCH_KEYS",
    "PREFETCH_TEMPLATES",
    "Coding",
    "DraftOrder",
    "FhirFacts",
    "FhirInputError",
    "PrefetchReading",
    "facts_from_fhir",
    "prefetch_templates",
    "read_draft_orders",
    "warm_up",
]
