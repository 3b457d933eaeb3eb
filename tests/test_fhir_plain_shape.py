"""The fast FHIR pre-check never accepts what the full fhir.resources validation would refuse.

``plainly_valid`` lets a resource skip the full model validation, so it must be conservative: every
resource it passes must pass ``model_validate``. The resources the tests and examples carry are
mutated element by element (removed, nulled, emptied, mistyped, padded, misdated, duplicated choice
elements, unknown elements) and each mutant the pre-check passes is validated in full.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from rightscan.adapters.fhir.plain_shape import plainly_valid
from rightscan.adapters.fhir.validation import model_of

ROOT = Path(__file__).resolve().parent.parent
TYPES = ("Patient", "Condition", "Observation", "Procedure", "ServiceRequest")
BAD_VALUES: tuple[Any, ...] = (
    None,
    "",
    " ",
    " x",
    "x ",
    "a  b",
    "\x0b",
    [],
    {},
    [None],
    0,
    -1,
    1.5,
    float("inf"),
    True,
    2**40,
    "2026-02-30",
    "2026-13",
    "2026-11-10T10:00:00",
    "2026-11-10T24:00:00Z",
    "not a date",
    "bad id!",
    "x" * 70,
    {"text": "x"},
    [{"text": "x"}],
    {"coding": [{"code": "a b"}]},
    {"reference": ""},
    {"value": "1"},
    {"value": True},
)


# Elements of the pre-check's table the fixtures do not use, so that the mutations reach them too.
EXTRA: tuple[dict[str, Any], ...] = (
    {
        "resourceType": "Patient",
        "id": "p.1",
        "meta": {"profile": ["http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-cancer-patient"]},
        "identifier": [{"use": "usual", "system": "urn:oid:1.2.3", "value": "12", "type": {"text": "MRN"}}],
        "active": True,
        "gender": "female",
        "birthDate": "1961-02",
        "deceasedBoolean": False,
        "extension": [{"url": "http://e/x", "valueCode": "a"}, {"url": "http://e/y", "valueInteger": 3}],
    },
    {
        "resourceType": "Observation",
        "id": "o-2",
        "status": "final",
        "code": {"coding": [{"system": "http://loinc.org", "code": "2857-1", "userSelected": True}]},
        "effectivePeriod": {"start": "2026-11-10T08:30:00+01:00", "end": "2026-11-10T09:00:00Z"},
        "valueQuantity": {"value": 4.25, "comparator": "<", "unit": "ng/mL", "system": "http://unitsofmeasure.org"},
        "interpretation": [{"text": "high"}],
        "note": [{"text": "repeat in a month"}],
        "referenceRange": [{"low": {"value": 0}, "high": {"value": 4}, "text": "0-4"}],
        "hasMember": [{"reference": "Observation/o-1", "display": "x"}],
        "component": [{"code": {"text": "a"}, "valueString": "b", "interpretation": [{"text": "n"}]}],
    },
    {
        "resourceType": "Condition",
        "id": "c-2",
        "subject": {"reference": "Patient/p.1"},
        "severity": {"text": "mild"},
        "onsetPeriod": {"start": "2025"},
        "recordedDate": "2026-01-02T03:04:05.678Z",
        "note": [{"text": "x"}],
        "extension": [
            {"url": "http://e/d", "valueDateTime": "2026-01-02"},
            {"url": "http://e/b", "valueBoolean": True},
        ],
    },
    {
        "resourceType": "Procedure",
        "id": "pr-1",
        "status": "completed",
        "subject": {"reference": "Patient/p.1"},
        "category": {"text": "surgery"},
        "code": {"text": "lumpectomy"},
        "performedPeriod": {"start": "2026-03-01"},
        "bodySite": [{"text": "left breast"}],
        "reasonCode": [{"text": "cancer"}],
    },
    {
        "resourceType": "ServiceRequest",
        "id": "sr-9",
        "status": "draft",
        "intent": "order",
        "priority": "routine",
        "subject": {"reference": "Patient/p.1"},
        "encounter": {"reference": "Encounter/e"},
        "requester": {"reference": "Practitioner/d"},
        "authoredOn": "2026-11-30T10:00:00-05:00",
        "occurrenceDateTime": "2026-12-01",
        "orderDetail": [{"text": "with contrast"}],
        "reasonReference": [{"reference": "Condition/c-2"}],
        "supportingInfo": [{"reference": "Observation/o-2"}],
        "extension": [{"url": "http://e/q", "valueQuantity": {"value": 1}}, {"url": "http://e/r", "valueDecimal": 0.5}],
    },
)


def _resources() -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("resourceType") in TYPES:
                found.setdefault(json.dumps(node, sort_keys=True), node)
                return
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for folder in ("tests/fixtures", "examples"):
        for path in sorted((ROOT / folder).rglob("*.json")):
            try:
                walk(json.loads(path.read_text()))
            except (ValueError, UnicodeDecodeError):
                continue
    return [*found.values(), *EXTRA]


def _paths(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*path, key)
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield (*path, i)
            yield from _paths(value, (*path, i))


def _mutants(resource: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for path in list(_paths(resource)):
        if path == ("resourceType",):
            continue
        for bad in (*BAD_VALUES, "<delete>", "<wrap>", "<unknown>"):
            mutant = copy.deepcopy(resource)
            parent = mutant
            for part in path[:-1]:
                parent = parent[part]
            last = path[-1]
            if bad == "<delete>":
                del parent[last]
            elif bad == "<wrap>":
                parent[last] = [parent[last]]
            elif bad == "<unknown>":
                if not isinstance(parent[last], dict):
                    continue
                parent[last]["surprise"] = "x"
            else:
                parent[last] = copy.deepcopy(bad)
            yield mutant
    for choice in ("valueString", "effectivePeriod", "deceasedBoolean", "onsetPeriod", "performedPeriod"):
        mutant = copy.deepcopy(resource)
        mutant[choice] = "x" if choice == "valueString" else True if choice == "deceasedBoolean" else {"start": "2026"}
        yield mutant
    yield {**resource, "resourceType": "Procedure" if resource["resourceType"] != "Procedure" else "Patient"}


def _model_accepts(resource: dict[str, Any]) -> bool:
    try:
        model_of(resource["resourceType"]).model_validate(resource)
    except (ValidationError, ValueError, TypeError, KeyError):
        return False
    return True


RESOURCES = _resources()


def test_the_fixture_resources_take_the_fast_path() -> None:
    """The resources RightScan's fixtures carry are plain: most skip the full validation (or the pre-check
    would save nothing)."""
    assert len(RESOURCES) >= 20  # the fixtures' and the extra ones above
    plain = [r for r in RESOURCES if plainly_valid(r)]
    assert len(plain) >= 0.8 * len(RESOURCES)
    assert all(_model_accepts(r) for r in plain)


@pytest.mark.parametrize("index", range(len(RESOURCES)))
def test_no_mutant_the_model_refuses_passes_the_pre_check(index: int) -> None:
    passed = refused = 0
    for mutant in _mutants(RESOURCES[index]):
        if plainly_valid(mutant):
            passed += 1
            assert _model_accepts(mutant), f"pre-check passed a resource the model refuses: {mutant}"
        elif not _model_accepts(mutant):
            refused += 1
    assert refused > 0  # the mutations do reach invalid resources, so the property is exercised


EDGE_DATES = (
    "2026-11-10T10:00:00.1Z",
    "2026-11-10T10:00:00.123456789012Z",
    "0001-01-01",
    "0001-01-01T00:00:00Z",
    "2026-11-10T10:00:00-00:00",
    "9999-12-31T23:59:59+14:00",
    "2026-11-10T10:00:00+14:01",
    "2026-02-29",
    "2024-02-29T10:00:00Z",
    "1900-02-29",
    "2026-11-10T23:59:60Z",
    "2026-11-10T10:00Z",
    "2026-11-10 10:00:00Z",
    "2026-1-10",
    "20261110",
    "2026-11-10T10:00:00",
)
EDGE_NUMBERS = (1e300, 1e-300, 123456789012345, 10**20, -0.0, 0.1 + 0.2, float("nan"), "1.0", False)


@pytest.mark.parametrize("value", EDGE_DATES)
def test_edge_dates_pass_the_pre_check_only_when_the_model_accepts_them(value: str) -> None:
    for resource in (
        {"resourceType": "Observation", "status": "final", "code": {"text": "x"}, "effectiveDateTime": value},
        {"resourceType": "Patient", "birthDate": value},
    ):
        assert not plainly_valid(resource) or _model_accepts(resource), resource


@pytest.mark.parametrize("value", EDGE_NUMBERS)
def test_edge_numbers_pass_the_pre_check_only_when_the_model_accepts_them(value: Any) -> None:
    resource = {
        "resourceType": "Observation",
        "status": "final",
        "code": {"text": "x"},
        "valueQuantity": {"value": value},
    }
    assert not plainly_valid(resource) or _model_accepts(resource), resource
