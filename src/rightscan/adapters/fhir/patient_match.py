"""Whose data is it: the patient in context, and the resources and orders about someone else.

A resource about another patient is skipped and reported; a draft order for another patient is an
error (the EHR sent an inconsistent request).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rightscan.adapters.fhir.gathered import Gathered
from rightscan.adapters.fhir.model import DraftOrder, FhirInputError
from rightscan.adapters.fhir.prefetch import Res


def patient_id_of(reference: Any) -> str | None:
    """'Patient/123', 'https://x/fhir/Patient/123/_history/2' -> '123'; other references -> None."""
    if not isinstance(reference, str):
        return None
    parts = reference.strip().split("/")
    for i in range(len(parts) - 2, -1, -1):
        if parts[i] == "Patient" and parts[i + 1]:
            return parts[i + 1]
    return None


def patient_in_context(resources: Iterable[Res], order: DraftOrder | None, patient_id: str | None) -> str | None:
    """The hook's ``context.patientId`` when given; else the one Patient resource's id, else the order's
    subject; None when nothing says."""
    if patient_id is not None:
        return patient_id_of(patient_id) or patient_id
    patient_ids = {r.data.get("id") for r in resources if r.type == "Patient" and r.data.get("id")}
    if len(patient_ids) == 1:
        return patient_ids.pop()
    if order is not None:
        return patient_id_of(order.subject)
    return None


def check_order_subject(order: DraftOrder, patient_id: str | None) -> None:
    """Raise ``FhirInputError`` when the draft order is for another patient than the one in context."""
    if patient_id is not None and patient_id_of(order.subject) not in (None, patient_id):
        raise FhirInputError(f"{order.path}.subject", "is not the patient in context")


def other_patient(gathered: Gathered, res: Res, patient_id: str | None) -> bool:
    """True (and reported) when the resource is about another patient than the one in context."""
    if patient_id is None:
        return False
    if res.type == "Patient":
        if res.data.get("id") in (None, patient_id):
            return False
    else:
        subject = res.data.get("subject")
        if patient_id_of((subject or {}).get("reference")) == patient_id:
            return False
        if subject is None and res.type == "Observation":
            gathered.ignore(res.ref, None, "no subject: cannot tell whose result it is")
            return True
    gathered.ignore(res.ref, None, "subject is not the patient in context")
    return True
