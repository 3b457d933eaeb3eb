"""Facts from a CDS Hooks prefetch, remembered by digest (EHRs resend the same data on every hook call)."""

from __future__ import annotations

import dataclasses
import hashlib
import threading
from collections import OrderedDict
from datetime import date
from typing import Any

import orjson

from rightscan.domain.knowledge import Knowledge

_FHIR_FACTS: OrderedDict[bytes, bytes] = OrderedDict()  # digest of (prefetch, order, patient, day) -> facts
_FHIR_FACTS_MAX = 2048
_FHIR_SEEN: OrderedDict[bytes, bool] = OrderedDict()  # digests seen once, not yet remembered
_FHIR_FACTS_LOCK = threading.Lock()


class PrefetchFacts:
    """The facts of one consultation's prefetch for each of its draft orders.

    Reading mCODE resources is a pure function of the prefetch, the draft order, the patient in
    context and the day (ages), and an EHR sends the same ones on each hook call for a patient
    (order-select, each new selection, order-sign): answers are remembered by the digest of these
    inputs (in memory only, bounded). The prefetch is digested once, and validated and read at most
    once, however many draft orders the call has. Each caller gets its own copy of the result.
    """

    def __init__(self, prefetch: dict[str, Any], patient_id: str | None, kb: Knowledge) -> None:
        self._prefetch = prefetch
        self._patient_id = patient_id
        self._kb = kb
        self._digest: bytes | None = None  # of the prefetch, patient, day and knowledge (on first use)
        self._reading: Any = None  # fhir.PrefetchReading, made on the first order not remembered

    def _read(self, draft: Any) -> Any:
        from rightscan.adapters import fhir

        if self._reading is None:  # raises FhirInputError for a malformed prefetch
            self._reading = fhir.PrefetchReading(self._prefetch, patient_id=self._patient_id, kb=self._kb)
        return self._reading.facts_for(draft)

    def for_order(self, draft: Any) -> Any:
        """``fhir.facts_from_fhir`` for ``draft`` over this prefetch. Raises ``FhirInputError``."""
        from rightscan.adapters import fhir

        if self._digest is None:
            inputs = [self._prefetch, self._patient_id, date.today().isoformat(), self._kb.version]
            self._digest = hashlib.blake2b(orjson.dumps(inputs), digest_size=16).digest()
        key = hashlib.blake2b(self._digest + orjson.dumps([draft.resource, draft.path]), digest_size=16).digest()
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
        found = self._read(draft)
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


def fhir_facts(prefetch: dict[str, Any], draft: Any, patient_id: str | None, kb: Knowledge) -> Any:
    """``fhir.facts_from_fhir`` for one draft order, remembered (see :class:`PrefetchFacts`)."""
    return PrefetchFacts(prefetch, patient_id, kb).for_order(draft)
