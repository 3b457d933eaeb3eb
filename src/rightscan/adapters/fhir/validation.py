"""Validation of FHIR resources and Bundles against the fhir.resources (R4B) models.

R4B is wire-compatible with R4 for the resources read here. A failure becomes a ``FhirInputError``
naming the field (the path in the request), never repeating the resource's content.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

import orjson
from pydantic import ValidationError

from rightscan.adapters.fhir.model import FhirInputError
from rightscan.adapters.fhir.plain_shape import plainly_valid

_MESSAGES = {
    "missing": "required",
    "extra_forbidden": "unknown element",
    "string_type": "must be a string",
    "list_type": "must be a list",
    "dict_type": "must be an object",
    "model_type": "must be an object",
    "model_attributes_type": "must be an object",
    "bool_type": "must be true or false",
    "int_type": "must be an integer",
    "int_parsing": "must be an integer",
    "float_type": "must be a number",
    "decimal_type": "must be a number",
    "decimal_parsing": "must be a number",
    "string_pattern_mismatch": "invalid format",
    "json_invalid": "must be an object",
    "fhir-validation-wrong-resource-type": "wrong resourceType",
}


def _loc_path(loc: Iterable[Any], resource: Any = None, unknown: bool = False) -> str:
    """A pydantic location as ``.code.coding[0].system``. An element the model does not know (``unknown``:
    the last part) is a key the sender chose, which could hold a name or a record number: it is named by
    its position in its object, ``.{element 3}``, never by its text. Known elements come from the model."""
    parts = list(loc)
    out = ""
    node = resource
    for depth, part in enumerate(parts):
        if isinstance(part, int):
            out += f"[{part}]"
            node = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            continue
        if unknown and depth == len(parts) - 1:
            keys = list(node) if isinstance(node, dict) else []
            out += f".{{element {keys.index(part) + 1}}}" if part in keys else ".{element}"
            continue
        name = "resourceType" if part == "resource_type" else str(part)
        out += f".{name}"
        node = node.get(name) if isinstance(node, dict) else None
    return out


def _invalid(exc: ValidationError, base: str, resource: Any = None) -> FhirInputError:
    err = exc.errors(include_input=False, include_url=False, include_context=False)[0]
    where = _loc_path(err["loc"], resource, unknown=err["type"] == "extra_forbidden")
    return FhirInputError(base + where, _MESSAGES.get(err["type"], "invalid value"))


_MODELS: dict[str, Any] = {}


_WARM_UP_RESOURCES: tuple[dict[str, Any], ...] = (
    {"resourceType": "Patient", "id": "w", "gender": "female", "birthDate": "1970-01-01"},
    {
        "resourceType": "Condition",
        "id": "w",
        "subject": {"reference": "Patient/w"},
        "clinicalStatus": {
            "coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]
        },
        "code": {"coding": [{"system": "http://snomed.info/sct", "code": "254837009"}], "text": "w"},
        "bodySite": [{"coding": [{"system": "http://snomed.info/sct", "code": "80248007"}]}],
        "extension": [{"url": "http://example.org/w", "valueCodeableConcept": {"text": "w"}}],
        "recordedDate": "2026-01-01",
        "onsetDateTime": "2026-01-01T00:00:00Z",
    },
    {
        "resourceType": "Observation",
        "id": "w",
        "status": "final",
        "subject": {"reference": "Patient/w"},
        "category": [
            {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory"}]}
        ],
        "code": {"coding": [{"system": "http://loinc.org", "code": "6768-6"}]},
        "effectiveDateTime": "2026-01-01",
        "valueQuantity": {"value": 1, "unit": "U/L", "system": "http://unitsofmeasure.org", "code": "U/L"},
        "referenceRange": [{"low": {"value": 0}, "high": {"value": 1, "unit": "U/L"}}],
        "method": {"text": "w"},
        "component": [{"code": {"text": "w"}, "valueCodeableConcept": {"text": "w"}}],
    },
    {
        "resourceType": "Observation",
        "id": "w2",
        "status": "final",
        "code": {"text": "w"},
        "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "10828004"}]},
        "valueInteger": None,
        "focus": [{"reference": "Condition/w"}],
    },
    {
        "resourceType": "Procedure",
        "id": "w",
        "status": "completed",
        "subject": {"reference": "Patient/w"},
        "code": {"coding": [{"system": "http://snomed.info/sct", "code": "392021009"}]},
        "performedDateTime": "2026-01-01",
    },
    {
        "resourceType": "ServiceRequest",
        "id": "w",
        "status": "draft",
        "intent": "plan",
        "subject": {"reference": "Patient/w"},
        "code": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "78815"}], "text": "w"},
        "reasonCode": [{"text": "w"}],
        "note": [{"text": "w"}],
        "extension": [{"url": "http://e/w", "valueString": "w"}],
    },
)


def warm_up() -> None:
    """Import the FHIR models and let pydantic build their nested models now (~0.5 s once), not during
    the first consultations."""
    for resource in _WARM_UP_RESOURCES:
        clean = {k: v for k, v in resource.items() if v is not None}
        model_of(clean["resourceType"]).model_validate(clean)


def model_of(resource_type: str) -> Any:
    """The fhir.resources R4B model class (imported on first use: the import takes ~0.2 s)."""
    if not _MODELS:
        from fhir.resources.R4B.condition import Condition
        from fhir.resources.R4B.observation import Observation
        from fhir.resources.R4B.patient import Patient
        from fhir.resources.R4B.procedure import Procedure
        from fhir.resources.R4B.servicerequest import ServiceRequest

        for model in (Condition, Observation, Patient, Procedure, ServiceRequest):
            _MODELS[model.__name__] = model
    return _MODELS[resource_type]


_VALIDATED: OrderedDict[bytes, None] = OrderedDict()  # content digests of resources that passed validation
_VALIDATED_MAX = 50_000
_VALIDATED_LOCK = threading.Lock()


def validate(resource: dict[str, Any], path: str) -> None:
    """Validate a resource against its fhir.resources (R4B) model.

    Validation is a pure function of the resource's content, and EHRs resend the same resources on
    every hook call for a patient (order-select, again on the next selection, then order-sign), so the
    digests of resources that passed are remembered (bounded LRU); changed content is validated anew.
    A resource that :func:`plain_shape.plainly_valid` vouches for (the common case, ~15x cheaper) skips
    the model; anything it is not sure of is validated in full, so refusals and their messages are the
    model's as before.
    """
    key = hashlib.blake2b(orjson.dumps(resource, option=orjson.OPT_SORT_KEYS), digest_size=16).digest()
    with _VALIDATED_LOCK:
        if key in _VALIDATED:
            _VALIDATED.move_to_end(key)
            return
    if not plainly_valid(resource):
        try:
            model_of(resource["resourceType"]).model_validate(resource)
        except ValidationError as exc:
            raise _invalid(exc, path, resource) from None
    with _VALIDATED_LOCK:
        _VALIDATED[key] = None
        if len(_VALIDATED) > _VALIDATED_MAX:
            _VALIDATED.popitem(last=False)


def bundle_entries(bundle: Any, path: str) -> list[tuple[int, dict[str, Any]]]:
    """(index, resource) of each entry that has a resource. ``type`` is not required."""
    entries = bundle.get("entry")
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise FhirInputError(f"{path}.entry", "must be a list")
    out = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise FhirInputError(f"{path}.entry[{i}]", "must be an object")
        resource = entry.get("resource")
        if resource is None:
            continue
        if not isinstance(resource, dict) or not isinstance(resource.get("resourceType"), str):
            raise FhirInputError(f"{path}.entry[{i}].resource", "must be a FHIR resource with a resourceType")
        out.append((i, resource))
    return out
