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


class PrefetchReading:
    """One prefetch, validated and read once, and the facts for each draft order over it.

    The patient's record is the same for every draft order of a consultation; only the order (its
    subject and its reason) differs. The resources are validated when this object is made (raises
    ``FhirInputError``) and read by the readers once per patient in context; :meth:`facts_for` then
    adds an order's reason and assembles the payload, giving what ``facts_from_fhir`` gives.
    """

    def __init__(
        self,
        prefetch: Mapping[str, Any] | None,
        *,
        today: date | None = None,
        patient_id: str | None = None,
        kb: Knowledge | None = None,
        codes: FhirCodes | None = None,
    ) -> None:
        self.kb = kb or load_knowledge()
        self.codes = codes or load_fhir_codes()
        self.today = today or date.today()
        self.patient_id = patient_id
        self._keys = FhirFacts(payload={})  # missing / no_data / needs_fetch of the prefetch keys
        self.resources, self.procedures_known = collect(prefetch, self._keys)
        self._records: dict[str | None, Gathered] = {}

    def _fresh(self) -> Gathered:
        keys = self._keys
        facts = FhirFacts(
            payload={}, missing=list(keys.missing), needs_fetch=list(keys.needs_fetch), no_data=list(keys.no_data)
        )
        return Gathered(self.codes, self.kb, facts, self.today)

    def _record(self, patient_id: str | None) -> Gathered:
        """The readers' state for the resources, about ``patient_id`` (read on first use)."""
        record = self._records.get(patient_id)
        if record is None:
            record = self._fresh()
            for res in self.resources:
                if not other_patient(record, res, patient_id):
                    READERS[res.type](record, res)
            self._records[patient_id] = record
        return record

    def facts_for(self, order: DraftOrder | None) -> FhirFacts:
        """The payload and its evidence for ``order`` (None: the record alone). Raises ``FhirInputError``
        when the order is for another patient than the one in context."""
        patient_id = patient_in_context(self.resources, order, self.patient_id)
        gathered = self._fresh()
        if order is not None:
            check_order_subject(order, patient_id)
            read_order_reason(gathered, order)
        gathered.follow(self._record(patient_id))
        facts = gathered.facts
        facts.payload = build(gathered, self.procedures_known)
        return facts


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
    Raises ``FhirInputError`` for malformed resources. For several orders over one prefetch, make one
    :class:`PrefetchReading` and ask it for each order.
    """
    reading = PrefetchReading(prefetch, today=today, patient_id=patient_id, kb=kb, codes=codes)
    return reading.facts_for(order)
