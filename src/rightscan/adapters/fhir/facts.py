"""Prefetch data (mCODE STU3 style) and the selected draft order -> a payload for the core input
contract (``rightscan.api.evaluate``), with its evidence.

Principles: only what the data states goes into the payload (no defaults, no guesses); a code that is
not in ``fhir_codes.yaml`` is reported in ``ignored``; disagreeing values at the same time leave the
field out and are reported; free text is passed on in ``texts`` (for the note reader), never read
here. The setting is inferred by the domain's rule (``rightscan.domain.setting``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from rightscan.adapters.fhir.assemble import build
from rightscan.adapters.fhir.codes import FhirCodes, load_fhir_codes
from rightscan.adapters.fhir.gathered import Gathered
from rightscan.adapters.fhir.model import DraftOrder, FhirFacts
from rightscan.adapters.fhir.patient_match import check_order_subject, other_patient, patient_in_context
from rightscan.adapters.fhir.prefetch import Res, collect
from rightscan.adapters.fhir.readers.condition import read_condition
from rightscan.adapters.fhir.readers.observation import read_observation
from rightscan.adapters.fhir.readers.order_reason import read_order_reason
from rightscan.adapters.fhir.readers.patient import read_patient
from rightscan.adapters.fhir.readers.procedure import read_procedure
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain.knowledge import Knowledge

READERS: dict[str, Callable[[Gathered, Res], None]] = {
    "Patient": read_patient,
    "Condition": read_condition,
    "Observation": read_observation,
    "Procedure": read_procedure,
}


def facts_from_fhir(
    prefetch: Mapping[str, Any] | None,
    order: DraftOrder | None,
    *,
    today: date | None = None,
    patient_id: str | None = None,
    kb: Knowledge | None = None,
    codes: FhirCodes | None = None,
) -> FhirFacts:
    """Prefetch data + the selected draft order -> core payload with its evidence.

    ``patient_id`` (the hook's ``context.patientId``) makes resources about any other patient be
    skipped and reported; without it the Patient resource's id, then the order's subject, is used.
    Raises ``FhirInputError`` for malformed resources.
    """
    kb = kb or load_knowledge()
    codes = codes or load_fhir_codes()
    facts = FhirFacts(payload={})
    resources, procedures_known = collect(prefetch, facts)
    patient_id = patient_in_context(resources, order, patient_id)
    gathered = Gathered(codes, kb, facts, today or date.today())
    if order is not None:
        check_order_subject(order, patient_id)
        read_order_reason(gathered, order)
    for res in resources:
        if not other_patient(gathered, res, patient_id):
            READERS[res.type](gathered, res)
    facts.payload = build(gathered, procedures_known)
    return facts
