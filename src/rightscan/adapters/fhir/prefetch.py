"""The prefetch RightScan asks for (CDS Hooks discovery) and the resources a call brings in it.

A prefetch key may be absent (the client did not satisfy it: to fetch), null (the client has no
data), a single resource, or a Bundle (a search; a ``next`` link means only the first page came).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from rightscan.adapters.fhir.codes import FhirCodes, load_fhir_codes
from rightscan.adapters.fhir.model import FhirFacts, FhirInputError
from rightscan.adapters.fhir.validation import bundle_entries, validate

PREFETCH_KEYS = ("patient", "conditions", "observations", "labs", "procedures")
READ_TYPES = ("Patient", "Condition", "Observation", "Procedure")  # what the readers read


def prefetch_templates(codes: FhirCodes | None = None) -> dict[str, str]:
    """The CDS Hooks discovery ``prefetch`` object RightScan asks for (LOINC list from fhir_codes.yaml)."""
    codes = codes or load_fhir_codes()
    return {
        "patient": "Patient/{{context.patientId}}",
        "conditions": "Condition?patient={{context.patientId}}",
        "observations": "Observation?patient={{context.patientId}}&code=" + ",".join(codes.staging_loinc),
        "labs": "Observation?patient={{context.patientId}}&category=laboratory&_sort=-date&_count=50",
        "procedures": "Procedure?patient={{context.patientId}}",
    }


PREFETCH_TEMPLATES: dict[str, str] = prefetch_templates()


class Res(NamedTuple):
    """One validated resource of the prefetch."""

    type: str
    data: dict[str, Any]
    ref: str  # "Observation/123", or the position when the resource has no id
    key: str  # prefetch key it came from


def _reference(resource: dict[str, Any], path: str) -> str:
    """How evidence and set-aside items name a resource. The Patient by its place in the prefetch, never its id
    (fourteenth pass F7: "Patient/<MRN>" reached the decision log, its export and /v1/decisions, where the patient
    is recorded only as a keyed hash); other resources by type and id, or by their place when they have none."""
    rid = resource.get("id")
    if resource["resourceType"] == "Patient":
        return path
    return f"{resource['resourceType']}/{rid}" if isinstance(rid, str) and rid else path


def collect(prefetch: Mapping[str, Any] | None, facts: FhirFacts) -> tuple[list[Res], bool]:
    """Validated resources of every prefetch key; fills missing / no_data / needs_fetch.

    Returns the resources (first copy of each id) and whether the ``procedures`` key was present.
    """
    if prefetch is not None and not isinstance(prefetch, Mapping):
        raise FhirInputError("prefetch", "must be an object")
    out: list[Res] = []
    seen: set[str] = set()
    for key in PREFETCH_KEYS:
        if prefetch is None or key not in prefetch:
            facts.missing.append(key)
            facts.needs_fetch.append(key)
            continue
        value = prefetch[key]
        path = f"prefetch.{key}"
        if value is None:
            facts.no_data.append(key)
            continue
        if not isinstance(value, dict) or not isinstance(value.get("resourceType"), str):
            raise FhirInputError(path, "must be a FHIR resource, a Bundle or null")
        if value["resourceType"] == "Bundle":
            items = [(f"{path}.entry[{i}].resource", r) for i, r in bundle_entries(value, path)]
            links = value.get("link") or []
            if any(isinstance(link, dict) and link.get("relation") == "next" for link in links):
                facts.needs_fetch.append(key)  # paginated: only the first page was sent
        else:
            items = [(path, value)]
        for where, resource in items:
            rtype = resource["resourceType"]
            if rtype == "OperationOutcome":
                issues = resource.get("issue") or []
                failed = any(isinstance(i, dict) and i.get("severity") in ("error", "fatal") for i in issues)
                if failed and key not in facts.needs_fetch:
                    facts.needs_fetch.append(key)  # the search failed at least in part
                continue
            if rtype not in READ_TYPES:
                continue
            validate(resource, where)
            ref = _reference(resource, where)
            if ref in seen:
                continue  # the same resource from two searches
            seen.add(ref)
            out.append(Res(rtype, resource, ref, key))
    procedures_known = prefetch is not None and "procedures" in prefetch and "procedures" not in facts.needs_fetch
    return out, procedures_known
