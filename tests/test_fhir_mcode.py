"""FHIR R4 (mCODE STU3 style) adapter: draft orders and prefetch data -> core payload."""

from __future__ import annotations

import contextlib
import copy
import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from rightscan.adapters.fhir import (
    PREFETCH_KEYS,
    PREFETCH_TEMPLATES,
    FhirInputError,
    PrefetchReading,
    facts_from_fhir,
    read_draft_orders,
)
from rightscan.adapters.fhir.codes import load_fhir_codes
from rightscan.adapters.input_json import load_facts
from rightscan.adapters.knowledge_files import KNOWLEDGE_DIR, KnowledgeError, load_knowledge
from rightscan.api import InputError, evaluate
from rightscan.domain.model import FactError

FIXTURES = ROOT / "tests" / "fixtures" / "fhir"
REFERENCE = json.loads((FIXTURES / "reference_patient.json").read_text())
TODAY = date(2026, 11, 24)
PT = "Patient/ref-58f"
SN, LN, UCUM = "http://snomed.info/sct", "http://loinc.org", "http://unitsofmeasure.org"
ICD10CM, CPT = "http://hl7.org/fhir/sid/icd-10-cm", "http://www.ama-assn.org/go/cpt"
CLIN = "http://terminology.hl7.org/CodeSystem/condition-clinical"
VER = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
HISTOLOGY_URL = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior"


# ------------------------------------------------------------------ builders
def cc(system: str, code: str, text: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"coding": [{"system": system, "code": code}]}
    if text is not None:
        out["text"] = text
    return out


def bundle(*resources: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": r} for r in resources], **extra}


def obs(id_: str, system: str, code: str, when: str | None = "2026-11-10", **value: Any) -> dict[str, Any]:
    o: dict[str, Any] = {
        "resourceType": "Observation",
        "id": id_,
        "status": "final",
        "code": cc(system, code),
        "subject": {"reference": PT},
    }
    if when is not None:
        o["effectiveDateTime"] = when
    o.update(value)
    return o


def lab(id_: str, code: str, value: float, high: float | None, when: str, unit: str = "U/L") -> dict[str, Any]:
    o = obs(id_, LN, code, when, valueQuantity={"value": value, "unit": unit, "system": UCUM, "code": unit})
    if high is not None:
        o["referenceRange"] = [{"high": {"value": high, "unit": unit, "system": UCUM, "code": unit}}]
    return o


def condition(
    id_: str,
    system: str,
    code: str,
    clinical: str | None = "active",
    verification: str | None = "confirmed",
    **extra: Any,
) -> dict[str, Any]:
    c: dict[str, Any] = {"resourceType": "Condition", "id": id_, "code": cc(system, code), "subject": {"reference": PT}}
    if clinical:
        c["clinicalStatus"] = cc(CLIN, clinical)
    if verification:
        c["verificationStatus"] = cc(VER, verification)
    c.update(extra)
    return c


def procedure(id_: str, system: str, code: str, when: str = "2020-05-01", status: str = "completed") -> dict[str, Any]:
    return {
        "resourceType": "Procedure",
        "id": id_,
        "status": status,
        "code": cc(system, code),
        "subject": {"reference": PT},
        "performedDateTime": when,
    }


def service_request(id_: str = "sr-1", *codes: str, **extra: Any) -> dict[str, Any]:
    sr: dict[str, Any] = {
        "resourceType": "ServiceRequest",
        "id": id_,
        "status": "draft",
        "intent": "plan",
        "subject": {"reference": PT},
    }
    if codes:
        sr["code"] = {"coding": [{"system": CPT, "code": c} for c in codes]}
    sr.update(extra)
    return sr


def draft(*resources: dict[str, Any]) -> dict[str, Any]:
    return {"resourceType": "Bundle", "entry": [{"resource": r} for r in resources]}  # no `type`, as EHRs send it


def reference_prefetch() -> dict[str, Any]:
    return copy.deepcopy(REFERENCE["prefetch"])


def reference_order() -> Any:
    return read_draft_orders(REFERENCE["context"]["draftOrders"])[0]


def facts(prefetch: dict[str, Any] | None, order: Any = None, **kw: Any) -> Any:
    return facts_from_fhir(prefetch, order, today=TODAY, **kw)


def with_entries(key: str, *resources: dict[str, Any]) -> dict[str, Any]:
    """The reference prefetch with resources added to one searchset."""
    p = reference_prefetch()
    p[key]["entry"] = [*p[key].get("entry", []), *({"resource": r} for r in resources)]
    return p


def without(key: str, *ids: str) -> dict[str, Any]:
    p = reference_prefetch()
    p[key]["entry"] = [e for e in p[key]["entry"] if e["resource"]["id"] not in ids]
    return p


def reasons(f: Any) -> list[str]:
    return [i["reason"] for i in f.ignored]


# ------------------------------------------------------------------ the reference patient
def test_reference_patient_bundle_set_gives_the_reference_decision() -> None:
    order = reference_order()
    f = facts(REFERENCE["prefetch"], order, patient_id=REFERENCE["context"]["patientId"])
    assert order.order_text == "78815"
    assert f.payload == {
        "age": 58,
        "sex": "female",
        "setting": "new_diagnosis",
        "tumor": {
            "histology": "IDC",
            "size_cm": 1.8,
            "t": "T1c",
            "n": "N0",
            "m": "M0",
            "grade": 2,
            "er": "positive",
            "pr": "positive",
            "her2": "negative",
        },
        "labs": {
            "alkaline_phosphatase": {"value": 95.0, "uln": 120.0},
            "ast": {"value": 22.0, "uln": 40.0},
            "alt": {"value": 19.0, "uln": 40.0},
            "bilirubin": {"value": 0.6, "uln": 1.2},
        },
    }
    decision = evaluate(f.payload | {"order": order.order_text})
    assert decision["systemic_imaging"] == "not_recommended"
    assert decision["order"]["category"] == "Usually Not Appropriate"
    assert decision["order"]["cpt"] == ["78815"]
    assert f.missing == [] and f.needs_fetch == [] and f.no_data == []


def test_reference_patient_matches_the_json_example_decision() -> None:
    example = json.loads((ROOT / "examples" / "reference_patient.json").read_text())
    f = facts(REFERENCE["prefetch"], reference_order())
    assert evaluate(f.payload | {"order": "PET/CT"})["summary"] == evaluate(example)["summary"]


def test_size_alone_stages_the_reference_patient() -> None:
    f = facts(without("observations", "obs-ct"), reference_order())
    assert "t" not in f.payload["tumor"] and f.payload["tumor"]["size_cm"] == 1.8
    decision = evaluate(f.payload | {"order": "78815"})
    assert decision["systemic_imaging"] == "not_recommended"
    assert decision["stage"]["t"] == "cT1c"


def test_evidence_names_the_source_resource_of_every_payload_fact() -> None:
    f = facts(REFERENCE["prefetch"], reference_order())
    by_field = {e["field"]: e for e in f.evidence}
    assert by_field["tumor.t"] == {"field": "tumor.t", "value": "T1c", "from": "Observation/obs-ct"}
    assert by_field["tumor.histology"]["from"] == "Condition/bc-primary"
    assert by_field["setting"]["from"] == "Condition/bc-primary"
    assert by_field["tumor.m"]["verified"] is False  # cM0 SNOMED concept: one source only (staging.md)
    stage = by_field["stage_group.clinical"]
    assert stage["used"] is False and stage["value"] == "1A"  # recorded, never fed to the core
    assert "stage" not in f.payload
    leaves = {f"{k}.{kk}" for k, v in f.payload.items() if isinstance(v, dict) for kk in v}
    leaves |= {k for k, v in f.payload.items() if not isinstance(v, dict)}
    assert leaves == set(by_field) - {"stage_group.clinical"}


def test_nothing_is_defaulted() -> None:
    f = facts(REFERENCE["prefetch"], reference_order())
    for absent in ("prior_surgery", "symptoms", "pathology", "tumor_markers", "order", "purpose"):
        assert absent not in f.payload
    assert "inflammatory" not in f.payload["tumor"]
    assert facts({}, None).payload == {}


# ------------------------------------------------------------------ draft orders
def test_draft_orders_bundle_without_type_is_read_and_other_orders_skipped() -> None:
    raw = REFERENCE["context"]["draftOrders"]
    assert "type" not in raw
    orders = read_draft_orders(raw)
    assert [o.id for o in orders] == ["ServiceRequest/pet-1"]
    order = orders[0]
    assert order.resource == raw["entry"][1]["resource"] and order.resource is not raw["entry"][1]["resource"]
    assert (order.status, order.intent, order.subject) == ("draft", "plan", PT)
    assert order.cpt_codes == ("78815",)
    assert order.reason_codes[0].code == "C50.412"
    assert order.reason_text == "staging of new left breast cancer"
    assert order.path == "context.draftOrders.entry[1].resource"
    assert "staging" not in repr(order) and "breast" not in repr(order)


def test_cds_hooks_order_select_example_shape_parses() -> None:
    request = json.loads((FIXTURES / "cds_hooks_order_select.json").read_text())
    assert read_draft_orders(request["context"]["draftOrders"]) == []  # a diet and a medication: nothing to rate
    f = facts_from_fhir(request.get("prefetch"), None)
    assert f.payload == {} and f.missing == list(PREFETCH_KEYS) and f.needs_fetch == list(PREFETCH_KEYS)


@pytest.mark.parametrize(
    ("index", "cpt", "reason", "symptoms"),
    [(0, "72133", "279039007", ["back_pain"]), (1, "75561", "13213009", None), (2, "75561", None, None)],
)
def test_argonaut_pama_connectathon_shapes_parse(index: int, cpt: str, reason: str | None, symptoms: Any) -> None:
    request = json.loads((FIXTURES / "argonaut_pama.json").read_text())["requests"][index]
    (order,) = read_draft_orders(request["context"]["draftOrders"])
    assert order.id == request["context"]["selections"][0]
    assert order.order_text == cpt and order.cpt_codes == (cpt,)
    assert [c.code for c in order.reason_codes] == ([reason] if reason else [])
    f = facts_from_fhir(None, order, patient_id=request["context"]["patientId"])
    assert f.payload == ({"symptoms": symptoms} if symptoms else {})
    if index == 1:
        assert f.ignored == [
            {"resource": order.id, "system": SN, "code": "13213009", "reason": "unknown code"},
        ]
    with pytest.raises(InputError) as info:  # not breast imaging studies: the core does not rate them
        evaluate(f.payload | {"order": order.order_text})
    assert info.value.field == "order"


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        (("71260", "74177"), "71260+74177"),
        (("74177", "71260"), "71260+74177"),
        (("71270", "74178"), "71270+74178"),
        (("71260", "74177", "78815"), "71260"),
        (("74177", "71250"), "74177"),
        (("71260", "71260"), "71260"),
    ],
)
def test_cpt_pairs_are_joined_only_when_exactly_a_known_pair(codes: tuple[str, ...], expected: str) -> None:
    (order,) = read_draft_orders(draft(service_request("sr-1", *codes)))
    assert order.order_text == expected


def test_order_text_falls_back_to_code_text_then_display() -> None:
    local = {"system": "http://hospital.example.org/orders", "code": "IMG123", "display": "PET CT skull base-thigh"}
    with_text = service_request("a", code={"coding": [local], "text": "PET/CT"})
    display_only = service_request("b", code={"coding": [local]})
    no_code = service_request("c")
    orders = read_draft_orders(draft(with_text, display_only, no_code))
    assert [o.order_text for o in orders] == ["PET/CT", "PET CT skull base-thigh", None]
    assert evaluate({"order": orders[0].order_text})["order"]["cpt"] == ["78815"]


def test_reason_text_joins_reason_and_note_text() -> None:
    sr = service_request("a", "78815", reasonCode=[{"text": "new pain"}], note=[{"text": "pt anxious"}, {"text": " "}])
    (order,) = read_draft_orders(draft(sr))
    assert order.reason_text == "new pain\npt anxious"


# ------------------------------------------------------------------ malformed input
@pytest.mark.parametrize(
    ("resource", "path", "words"),
    [
        (service_request("a", code={"coding": [{"system": 42, "code": "78815"}]}), ".code.coding[0].system", "string"),
        ({k: v for k, v in service_request("a", "78815").items() if k != "subject"}, ".subject", "required"),
        (service_request("a", "78815", reasonCode={"text": "SECRET-REASON"}), ".reasonCode", "list"),
        (service_request("a", "78815", authoredOn="SECRET-DATE"), ".authoredOn", "invalid"),
        (service_request("a", "78815", subject="Patient/1"), ".subject", "object"),
        # an element the model does not know is a key the sender chose: named by its position, not its text
        (service_request("a", "78815", SECRET_colour="red"), ".{element 7}", "unknown element"),
    ],
)
def test_malformed_service_request_raises_with_a_path_and_no_content(resource: Any, path: str, words: str) -> None:
    bundle_ = draft({"resourceType": "MedicationRequest", "id": "m"}, service_request("ok", "78815"), resource)
    with pytest.raises(FhirInputError) as info:
        read_draft_orders(bundle_)
    assert info.value.path == "context.draftOrders.entry[2].resource" + path
    assert words in info.value.message
    assert "SECRET" not in str(info.value) and "78815" not in str(info.value)
    assert isinstance(info.value, InputError)


@pytest.mark.parametrize(
    ("value", "path"),
    [
        ([], "context.draftOrders"),
        ({"resourceType": "Parameters"}, "context.draftOrders"),
        ({"resourceType": "Bundle", "entry": {"resource": {}}}, "context.draftOrders.entry"),
        ({"resourceType": "Bundle", "entry": ["x"]}, "context.draftOrders.entry[0]"),
        ({"resourceType": "Bundle", "entry": [{"resource": {"id": "x"}}]}, "context.draftOrders.entry[0].resource"),
    ],
)
def test_malformed_draft_orders_bundle(value: Any, path: str) -> None:
    with pytest.raises(FhirInputError) as info:
        read_draft_orders(value)
    assert info.value.path == path


def test_malformed_prefetch_resource_raises_with_its_path() -> None:
    bad = lab("lab-x", "6768-6", 95, 120, "2026-11-09")
    bad["valueQuantity"]["value"] = "SECRET-NINETY"
    with pytest.raises(FhirInputError) as info:
        facts(with_entries("labs", bad))
    assert info.value.path == "prefetch.labs.entry[4].resource.valueQuantity.value"
    assert "SECRET" not in str(info.value)
    with pytest.raises(FhirInputError) as info:
        facts({"labs": ["not", "a", "bundle"]})
    assert info.value.path == "prefetch.labs"
    p = reference_prefetch()
    p["patient"]["JaneDoe-MRN12345"] = True  # a key the sender chose: never repeated
    with pytest.raises(FhirInputError) as info:
        facts(p)
    assert info.value.path == f"prefetch.patient.{{element {len(p['patient'])}}}"
    assert "MRN" not in str(info.value) and info.value.message == "unknown element"


def test_order_for_another_patient_is_refused() -> None:
    (order,) = read_draft_orders(draft(service_request("a", "78815", subject={"reference": "Patient/other"})))
    with pytest.raises(FhirInputError) as info:
        facts(REFERENCE["prefetch"], order, patient_id="ref-58f")
    assert info.value.path.endswith(".subject")


def test_one_reading_of_the_prefetch_serves_every_order_as_a_fresh_reading_would(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A consultation reads its prefetch once for all its draft orders; each order's facts must be what a
    reading of the prefetch for that order alone gives, where the order and the record overlap too."""
    import dataclasses

    from rightscan.adapters.fhir import facts as facts_module

    pain_text = "bone pain in the left hip"
    pain = condition("c-pain", SN, "12584003")
    pain["code"]["text"] = pain_text
    p = with_entries("conditions", pain, condition("c-htn", ICD10CM, "I10"))
    orders = read_draft_orders(
        draft(
            service_request("same", "78815", reasonCode=[cc(SN, "12584003", pain_text)]),
            service_request("other", "78815", reasonCode=[cc(ICD10CM, "M54.5"), cc(ICD10CM, "R99", "ache")]),
            service_request("plain", "78815"),
            service_request("elsewhere", "78815", subject={"reference": "Patient/other"}),
        )
    )
    for patient_id in ("ref-58f", None):
        reading = PrefetchReading(p, today=TODAY, patient_id=patient_id)
        for order in (*orders, None):
            try:
                expected: Any = dataclasses.asdict(facts(copy.deepcopy(p), order, patient_id=patient_id))
            except FhirInputError as exc:
                expected = exc.path
            try:
                got: Any = dataclasses.asdict(reading.facts_for(order))
            except FhirInputError as exc:
                got = exc.path
            assert got == expected, (patient_id, order)
    first = PrefetchReading(p, today=TODAY, patient_id="ref-58f").facts_for(orders[0])
    assert first.texts.count(pain_text) == 1  # the order's reason, not repeated from the problem list
    assert {"field": "symptoms", "value": "bone_pain", "from": "ServiceRequest/same", "verified": False,
            "note": "order reason"} in first.evidence  # fmt: skip
    read: list[str] = []
    for kind, reader in list(facts_module.READERS.items()):
        monkeypatch.setitem(facts_module.READERS, kind, lambda g, res, r=reader: (read.append(res.ref), r(g, res)))
    reading = PrefetchReading(p, today=TODAY, patient_id="ref-58f")
    for order in orders[:3]:
        reading.facts_for(order)
    assert sorted(read) == sorted(set(read)) and "Observation/obs-ct" in read  # each resource read once


# ------------------------------------------------------------------ prefetch semantics
def test_absent_and_null_prefetch_keys_are_kept_apart() -> None:
    p = reference_prefetch()
    del p["labs"]
    p["procedures"] = None
    f = facts(p)
    assert f.missing == ["labs"] and f.needs_fetch == ["labs"]
    assert f.no_data == ["procedures"]
    assert "labs" not in f.payload
    assert f.payload["setting"] == "new_diagnosis"  # null procedures: the client has none on record


def test_absent_procedures_leave_the_setting_open() -> None:
    p = reference_prefetch()
    del p["procedures"]
    f = facts(p)
    assert "setting" not in f.payload and f.needs_fetch == ["procedures"]
    assert any("procedures not prefetched" in r for r in reasons(f))


def test_operation_outcome_entries_are_skipped() -> None:
    warning = {"resourceType": "OperationOutcome", "issue": [{"severity": "warning", "code": "incomplete"}]}
    f = facts(with_entries("observations", warning))
    assert f.payload == facts(REFERENCE["prefetch"]).payload and f.needs_fetch == []
    error = {"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "exception"}]}
    p = reference_prefetch()
    p["labs"] = error  # a failed search in place of the Bundle
    f = facts(p)
    assert "labs" not in f.payload and f.needs_fetch == ["labs"] and f.missing == []


def test_paginated_searchset_asks_for_a_fetch() -> None:
    p = reference_prefetch()
    p["labs"]["link"] = [{"relation": "next", "url": "https://ehr.example.org/fhir/Observation?page=2"}]
    assert facts(p).needs_fetch == ["labs"]


def test_single_resource_and_empty_bundles_are_accepted() -> None:
    f = facts(
        {"patient": REFERENCE["prefetch"]["patient"], "conditions": {"resourceType": "Bundle", "type": "searchset"}}
    )
    assert f.payload == {"age": 58, "sex": "female"}


def test_the_same_resource_from_two_searches_counts_once() -> None:
    p = reference_prefetch()
    p["labs"]["entry"].extend(p["observations"]["entry"])
    assert facts(p).payload == facts(REFERENCE["prefetch"]).payload


def test_resources_of_another_patient_are_skipped_and_reported() -> None:
    foreign = obs("obs-foreign", LN, "21905-5", "2026-11-20", valueCodeableConcept=cc(SN, "1228929004"))
    foreign["subject"] = {"reference": "Patient/someone-else"}
    f = facts(with_entries("observations", foreign), patient_id="ref-58f")
    assert f.payload["tumor"]["t"] == "T1c"
    assert {"resource": "Observation/obs-foreign", "system": None, "code": None,
            "reason": "subject is not the patient in context"} in f.ignored  # fmt: skip


def test_prefetch_templates() -> None:
    assert set(PREFETCH_TEMPLATES) == set(PREFETCH_KEYS)
    assert PREFETCH_TEMPLATES["patient"] == "Patient/{{context.patientId}}"
    assert PREFETCH_TEMPLATES["labs"].endswith("category=laboratory&_sort=-date&_count=50")
    codes = PREFETCH_TEMPLATES["observations"].split("&code=")[1].split(",")
    for loinc in ("21905-5", "21906-3", "21907-1", "21899-0", "21900-6", "21889-1", "16112-5", "85337-4"):
        assert loinc in codes
    for loinc in ("16113-3", "85339-0", "48676-1", "85319-2", "85318-4", "44648-4", "21908-9"):
        assert loinc in codes
    assert "6768-6" not in codes  # labs come from their own search
    assert all("{{context." in t and "draftOrders" not in t for t in PREFETCH_TEMPLATES.values())


# ------------------------------------------------------------------ unknown codes
def test_unknown_codes_are_reported_never_mapped() -> None:
    hypertension = condition("c-htn", ICD10CM, "I10")
    glucose = lab("lab-glu", "2345-7", 5.5, 7.8, "2026-11-08", unit="mmol/L")
    odd_value = {"coding": [{"system": SN, "code": "999999999", "display": "cT2"}]}
    odd_t = obs("obs-t2", LN, "21905-5", "2026-11-20", valueCodeableConcept=odd_value)
    p = with_entries("conditions", hypertension)
    p["labs"]["entry"].append({"resource": glucose})
    p["observations"]["entry"].append({"resource": odd_t})
    f = facts(p)
    assert f.payload == facts(REFERENCE["prefetch"]).payload  # the display "cT2" is not read
    assert {"resource": "Condition/c-htn", "system": ICD10CM, "code": "I10", "reason": "unknown code"} in f.ignored
    assert {"resource": "Observation/lab-glu", "system": LN, "code": "2345-7", "reason": "unknown code"} in f.ignored
    assert {"resource": "Observation/obs-t2", "system": SN, "code": "999999999", "reason": "unknown code"} in f.ignored


def test_conflicting_values_at_the_same_time_leave_the_field_out() -> None:
    other = obs("obs-ct-b", LN, "21905-5", "2026-11-10", valueCodeableConcept=cc(SN, "1228929004"))  # cT2, same day
    f = facts(with_entries("observations", other))
    assert "t" not in f.payload["tumor"]
    assert "conflicting values for tumor.t at the same time" in reasons(f)


def test_codes_and_text_of_one_value_must_agree() -> None:
    mixed = obs("obs-ct", LN, "21905-5", valueCodeableConcept=cc(SN, "1228899006", "cT2"))
    p = reference_prefetch()
    p["observations"]["entry"][0]["resource"] = mixed
    f = facts(p)
    assert "t" not in f.payload["tumor"] and "the value's codes and text disagree" in reasons(f)


# ------------------------------------------------------------------ labs
def test_the_latest_lab_wins_whatever_the_bundle_order() -> None:
    old_high = lab("lab-alp-old", "6768-6", 400, 120, "2025-01-01T08:00:00Z")
    for p in (with_entries("labs", old_high), reference_prefetch()):
        if "lab-alp-old" not in json.dumps(p):
            p["labs"]["entry"].insert(0, {"resource": old_high})
        assert facts(p).payload["labs"]["alkaline_phosphatase"] == {"value": 95.0, "uln": 120.0}
    new_high = lab("lab-alp-new", "6768-6", 400, 120, "2026-11-20T08:00:00Z")
    assert facts(with_entries("labs", new_high)).payload["labs"]["alkaline_phosphatase"]["value"] == 400.0


def test_a_lab_without_reference_range_is_not_used_and_no_older_one_replaces_it() -> None:
    newest = lab("lab-alp-new", "6768-6", 99, None, "2026-11-20T08:00:00Z")
    f = facts(with_entries("labs", newest))
    assert "alkaline_phosphatase" not in f.payload["labs"]
    assert {"resource": "Observation/lab-alp-new", "system": LN, "code": "6768-6",
            "reason": "no reference range"} in f.ignored  # fmt: skip


def test_lab_value_and_range_must_share_a_unit() -> None:
    bili = lab("lab-bili-new", "1975-2", 10, 20, "2026-11-20T08:00:00Z", unit="umol/L")
    bili["referenceRange"][0]["high"].update(unit="mg/dL", code="mg/dL")
    f = facts(with_entries("labs", bili))
    assert "bilirubin" not in f.payload["labs"]
    assert "value and reference range not in the same unit" in reasons(f)


def test_lab_status_and_implausible_values() -> None:
    prelim = lab("lab-alt-p", "1742-6", 300, 40, "2026-11-20T08:00:00Z")
    prelim["status"] = "preliminary"
    absurd = lab("lab-ast-x", "1920-8", 40000, 40, "2026-11-20T08:00:00Z")
    f = facts(with_entries("labs", prelim, absurd))
    assert f.payload["labs"]["alt"]["value"] == 19.0  # the preliminary result is not used
    assert "ast" not in f.payload["labs"] and "implausible value" in reasons(f)


# ------------------------------------------------------------------ tumour size, TNM, grade, receptors
@pytest.mark.parametrize(
    ("quantity", "size"),
    [
        ({"value": 18, "unit": "mm", "system": UCUM, "code": "mm"}, 1.8),
        ({"value": 2.5, "unit": "cm", "system": UCUM, "code": "cm"}, 2.5),
        ({"value": 7, "unit": "mm"}, 0.7),
        ({"value": 1, "unit": "in", "system": UCUM, "code": "[in_i]"}, None),
        ({"value": 400, "unit": "mm", "system": UCUM, "code": "mm"}, None),
    ],
)
def test_tumour_size_in_mm_or_cm(quantity: dict[str, Any], size: float | None) -> None:
    p = without("observations", "obs-ct", "obs-size")
    p["observations"]["entry"].append({"resource": obs("sz", LN, "21889-1", valueQuantity=quantity)})
    f = facts(p)
    assert f.payload["tumor"].get("size_cm") == size


def test_size_measured_on_a_surgical_specimen_is_not_a_clinical_size() -> None:
    p = without("observations", "obs-size")
    gross = obs("sz-path", LN, "21889-1", specimen={"reference": "Specimen/lump-1"})
    gross["component"] = [{"code": cc(LN, "33728-7"), "valueQuantity": {"value": 25, "unit": "mm", "code": "mm"}}]
    p["observations"]["entry"].append({"resource": gross})
    f = facts(p)
    assert "size_cm" not in f.payload["tumor"]
    assert any("pathological size" in r for r in reasons(f))


@pytest.mark.parametrize(
    ("code", "value", "field", "expected"),
    [
        ("21905-5", {"valueCodeableConcept": {"text": "cT2"}}, "t", "T2"),
        ("21905-5", {"valueCodeableConcept": {"text": "T1c"}}, "t", "T1c"),
        ("21905-5", {"valueCodeableConcept": cc("http://cancerstaging.org", "cT3")}, "t", "T3"),
        ("21905-5", {"valueString": "cT4d"}, "t", "T4d"),
        ("21906-3", {"valueCodeableConcept": cc(SN, "1229981009")}, "n", "N2a"),
        ("21907-1", {"valueCodeableConcept": {"text": "cM0(i+)"}}, "m", "M0(i+)"),
        ("399504009", {"valueCodeableConcept": cc(SN, "1228929004")}, "t", "T2"),
        ("21905-5", {"valueCodeableConcept": cc(SN, "1228899006", "T1c")}, "t", "T1c"),
    ],
)
def test_clinical_tnm_values(code: str, value: dict[str, Any], field: str, expected: str) -> None:
    system = SN if code.startswith("3") else LN
    p = without("observations", "obs-ct", "obs-cn", "obs-cm", "obs-size")
    p["observations"]["entry"].append({"resource": obs("tnm", system, code, **value)})
    assert facts(p).payload["tumor"][field] == expected


@pytest.mark.parametrize(
    ("code", "value", "reason"),
    [
        ("21905-5", {"valueCodeableConcept": {"text": "pT2"}}, "does not match the observation"),
        ("21905-5", {"valueCodeableConcept": {"text": "ypT2"}}, "post-neoadjuvant"),
        ("21905-5", {"valueCodeableConcept": cc(SN, "1222604002")}, "cannot be assessed"),
        ("21905-5", {"valueCodeableConcept": {"text": "N1"}}, "does not match the observation"),
        ("21906-3", {"valueCodeableConcept": {"text": "N1a"}}, "not accepted for this kind"),
        ("78873005", {"valueCodeableConcept": {"text": "T2"}}, "clinical or pathological not stated"),
        ("21905-5", {"valueCodeableConcept": {"text": "big"}}, "value text not understood"),
    ],
)
def test_tnm_values_that_are_not_used(code: str, value: dict[str, Any], reason: str) -> None:
    system = SN if code.startswith("7") else LN
    p = without("observations", "obs-ct", "obs-cn", "obs-size")
    p["observations"]["entry"].append({"resource": obs("tnm", system, code, **value)})
    f = facts(p)
    assert "t" not in f.payload["tumor"] and "n" not in f.payload["tumor"]
    assert any(reason in r for r in reasons(f)), reasons(f)


def test_pathological_t_and_n_go_to_pathology() -> None:
    pt = obs("pt", LN, "21899-0", "2026-12-01", valueCodeableConcept={"text": "pT2"})
    pn = obs("pn", LN, "21900-6", "2026-12-01", valueCodeableConcept={"text": "pN1a"})
    pn_sct = obs("pn2", SN, "371494008", "2026-11-30", valueCodeableConcept=cc(SN, "1229949000"))
    generic = obs("t-any", SN, "78873005", "2026-12-01", valueCodeableConcept=cc(SN, "1229852009"))  # pT2
    f = facts(with_entries("observations", pt, pn, pn_sct, generic))
    assert f.payload["pathology"] == {"t": "pT2", "n": "pN1a"}
    decision = evaluate(f.payload)
    assert decision["stage"]["pathological"] is not None


def test_grade_encodings() -> None:
    for value, grade in (
        ({"valueInteger": 3}, 3),
        ({"valueCodeableConcept": {"text": "G1"}}, 1),
        ({"valueCodeableConcept": {"text": "Grade 3"}}, 3),
        ({"valueCodeableConcept": {"text": "well differentiated"}}, None),  # not an AJCC grade (SEER rule)
        ({"valueInteger": 4}, None),
    ):
        p = without("observations", "obs-grade")
        p["observations"]["entry"].append({"resource": obs("g", LN, "44648-4", **value)})
        assert facts(p).payload["tumor"].get("grade") == grade, value


def test_her2_equivocal_is_kept_and_a_definitive_result_prevails() -> None:
    p = without("observations", "obs-her2")
    p["observations"]["entry"].append(
        {"resource": obs("her2-ihc", LN, "85319-2", "2026-11-20", valueCodeableConcept={"text": "Equivocal"})}
    )
    f = facts(p)
    assert f.payload["tumor"]["her2"] == "equivocal"
    assert evaluate(f.payload)["stage"]["clinical_prognostic"] == "IA"  # staged as negative (AJCC 8)
    fish = obs("her2-fish", LN, "85318-4", "2026-11-12", valueCodeableConcept=cc(SN, "10828004"))
    p["observations"]["entry"].append({"resource": fish})
    assert facts(p).payload["tumor"]["her2"] == "positive"  # ISH settles an equivocal IHC, even if older


def test_equivocal_is_not_an_er_or_pr_result() -> None:
    p = without("observations", "obs-er")
    p["observations"]["entry"].append(
        {"resource": obs("er", LN, "16112-5", valueCodeableConcept={"text": "equivocal"})}
    )
    f = facts(p)
    assert "er" not in f.payload["tumor"] and "equivocal is a HER2 result only" in reasons(f)


def test_er_from_icd10_status_code_when_no_receptor_observation() -> None:
    p = without("observations", "obs-er")
    p["conditions"]["entry"].append({"resource": condition("z17", ICD10CM, "Z17.1")})
    assert facts(p).payload["tumor"]["er"] == "negative"
    p["observations"]["entry"].append({"resource": obs("er", LN, "16112-5", valueCodeableConcept=cc(SN, "10828004"))})
    assert facts(p).payload["tumor"]["er"] == "positive"  # the receptor test wins over the status code


# ------------------------------------------------------------------ conditions: cancer, histology, setting
def cancer(code: str = "C50.412", clinical: str = "active", morphology: str | None = None, **kw: Any) -> dict[str, Any]:
    c = condition("bc", ICD10CM, code, clinical, **kw)
    if morphology:
        c["extension"] = [
            {
                "url": HISTOLOGY_URL,
                "valueCodeableConcept": cc("http://terminology.hl7.org/CodeSystem/icd-o-3", morphology),
            }
        ]
    return c


def only_conditions(*conditions: dict[str, Any], procedures: Any = "empty") -> dict[str, Any]:
    p: dict[str, Any] = {"conditions": bundle(*conditions)}
    if procedures == "empty":
        p["procedures"] = bundle()
    elif procedures is not None:
        p["procedures"] = procedures
    return p


@pytest.mark.parametrize(
    ("morphology", "histology", "inflammatory"),
    [
        ("8500/3", "IDC", None),
        ("8520/3", "ILC", None),
        ("8522/3", "mixed", None),
        ("85303", "IDC", True),
        ("8480/3", "other", None),  # mucinous: an unlisted invasive carcinoma
        ("9680/3", None, None),  # a lymphoma is not staged as breast carcinoma
        ("8520/2", None, None),  # LCIS morphology
    ],
)
def test_histology_from_the_mcode_extension(morphology: str, histology: str | None, inflammatory: Any) -> None:
    payload = facts(only_conditions(cancer(morphology=morphology))).payload
    assert payload.get("tumor", {}).get("histology") == histology
    assert payload.get("tumor", {}).get("inflammatory") == inflammatory


def test_in_situ_codes() -> None:
    assert facts(only_conditions(cancer("D05.12"))).payload["tumor"]["histology"] == "DCIS"
    both = facts(only_conditions(cancer("D05.12"), cancer("C50.912", morphology="8500/3") | {"id": "bc2"}))
    assert both.payload["tumor"]["histology"] == "IDC"  # staged by the invasive cancer
    invasive_unknown = facts(only_conditions(cancer("D05.12"), cancer("C50.912") | {"id": "bc2"}))
    assert "tumor" not in invasive_unknown.payload  # never DCIS when an invasive cancer is active
    lcis = facts(only_conditions(cancer("D05.02")))
    assert lcis.payload == {} and any("lobular carcinoma in situ" in r for r in reasons(lcis))


def test_snomed_malignant_neoplasm_with_breast_topography_is_a_breast_primary() -> None:
    site = {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/icd-o-3", "code": "C50.4"}]}
    c = condition("bc", SN, "363346000", bodySite=[site])
    assert facts(only_conditions(c)).payload["setting"] == "new_diagnosis"
    no_site = condition("bc", SN, "363346000")
    assert "setting" not in facts(only_conditions(no_site)).payload


@pytest.mark.parametrize(
    ("conditions", "procedures", "setting", "prior"),
    [
        ([cancer()], "empty", "new_diagnosis", None),
        ([condition("h", ICD10CM, "Z85.3")], "empty", "surveillance", None),
        ([condition("h", ICD10CM, "Z85.3")], bundle(procedure("p", CPT, "19303")), "surveillance", "mastectomy"),
        ([cancer(clinical="remission")], bundle(procedure("p", SN, "64368001")), "surveillance", "bct"),
        # treated cancer and a new bone pain on the problem list: a suspected distant recurrence, as a note says
        (
            [condition("h", ICD10CM, "Z85.3"), condition("bp", SN, "12584003")],
            "empty",
            "suspected_distant_recurrence",
            None,
        ),
        ([cancer()], bundle(procedure("p", SN, "392021009")), None, "bct"),
        ([cancer()], None, None, None),
        ([cancer(), condition("h", ICD10CM, "Z85.3")], "empty", None, None),
        ([cancer(clinical="recurrence")], "empty", None, None),
        ([cancer(), condition("m", ICD10CM, "C79.51")], "empty", None, None),
        ([cancer(verification="provisional")], "empty", None, None),
        ([cancer(clinical=None)], "empty", None, None),
        ([condition("htn", ICD10CM, "I10")], "empty", None, None),
    ],
)
def test_setting_rule(
    conditions: list[dict[str, Any]], procedures: Any, setting: str | None, prior: str | None
) -> None:
    f = facts(only_conditions(*conditions, procedures=procedures))
    assert f.payload.get("setting") == setting
    assert f.payload.get("prior_surgery") == prior
    if setting is None and conditions[0]["code"]["coding"][0]["code"] != "I10":
        assert reasons(f), "an undecided setting is always explained"


def test_latest_breast_surgery_gives_prior_surgery() -> None:
    procs = bundle(
        procedure("p1", CPT, "19301", "2019-01-10"),
        procedure("p2", SN, "741009001", "2019-03-02"),  # completion mastectomy
        procedure("p3", CPT, "19303", "2024-01-01", status="not-done"),
        procedure("p4", SN, "80146002", "2010-01-01"),  # an appendectomy
    )
    f = facts(only_conditions(condition("h", ICD10CM, "Z85.3"), procedures=procs))
    assert f.payload["prior_surgery"] == "mastectomy"
    assert "procedure not completed" in reasons(f) and "unknown code" in reasons(f)


# ------------------------------------------------------------------ symptoms
def test_refuted_and_inactive_conditions_are_not_symptoms() -> None:
    pain = condition("bp", SN, "12584003")
    refuted = condition("bp2", SN, "161891005", verification="refuted")
    in_error = condition("bp3", SN, "25064002", verification="entered-in-error")
    resolved = condition("bp4", SN, "49727002", clinical="resolved")
    f = facts(with_entries("conditions", pain, refuted, in_error, resolved))
    assert f.payload["symptoms"] == ["bone_pain"]
    decision = evaluate(f.payload | {"order": "bone scan"})
    assert decision["systemic_imaging"] == "targeted"


@pytest.mark.parametrize(
    ("value", "present"),
    [
        ({}, True),
        ({"valueBoolean": True}, True),
        ({"valueCodeableConcept": cc(SN, "52101004")}, True),
        ({"valueBoolean": False}, False),
        ({"valueCodeableConcept": cc(SN, "2667000")}, False),
        ({"valueCodeableConcept": cc(SN, "260385009")}, False),
        ({"valueString": "some"}, False),
        ({"status": "entered-in-error"}, False),
    ],
)
def test_symptom_observations(value: dict[str, Any], present: bool) -> None:
    f = facts(with_entries("observations", obs("sym", SN, "267036007", **value)))
    assert ("symptoms" in f.payload) is present
    if present:
        assert f.payload["symptoms"] == ["dyspnea"]


def test_order_reason_code_can_be_a_symptom() -> None:
    sr = service_request("a", "78306", reasonCode=[cc(SN, "12584003")])
    (order,) = read_draft_orders(draft(sr))
    f = facts(REFERENCE["prefetch"], order)
    assert f.payload["symptoms"] == ["bone_pain"]
    assert {"field": "symptoms", "value": "bone_pain", "from": "ServiceRequest/a", "verified": False,
            "note": "order reason"} in f.evidence  # fmt: skip


# ------------------------------------------------------------------ patient
@pytest.mark.parametrize(
    ("birth", "age", "reason"),
    [
        ("1968-03-15", 58, None),
        ("1968-11-25", 57, None),
        ("1968-11-24", 58, None),
        ("1968-05", 58, None),
        ("1968", None, "too imprecise"),
        ("1890-01-01", None, "impossible age"),
        ("2030-01-01", None, "future"),
        ("2015-01-01", None, "age below 18"),
    ],
)
def test_age_from_birth_date(birth: str, age: int | None, reason: str | None) -> None:
    f = facts({"patient": {"resourceType": "Patient", "id": "ref-58f", "birthDate": birth, "gender": "other"}})
    assert f.payload.get("age") == age
    assert "sex" not in f.payload and "not used (female or male only)" in reasons(f)
    if reason:
        assert any(reason in r for r in reasons(f))


# ------------------------------------------------------------------ free text and privacy
def test_free_text_is_exposed_not_interpreted_and_never_in_repr() -> None:
    sr = service_request("a", "78815", reasonCode=[{"text": "SECRET new hip pain"}])
    (order,) = read_draft_orders(draft(sr))
    f = facts(REFERENCE["prefetch"], order)
    assert f.texts == ["SECRET new hip pain", "Left breast cancer, upper outer quadrant"]
    assert "symptoms" not in f.payload  # not read here: the NLP module does that
    assert "SECRET" not in repr(f) and "SECRET" not in repr(order) and "58" not in repr(f)


# ------------------------------------------------------------------ the mapping file
def test_mapping_file_loads_with_its_version() -> None:
    codes = load_fhir_codes()
    assert codes.version.startswith("fhir-codes@")
    assert codes.system_key("http://hl7.org/fhir/sid/icd-10") == "icd10"


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("symptom: bone_pain,", "symptom: bone_ache,", "not a symptom code"),
        ("lab: alkaline_phosphatase,", "lab: ldh,", "not a lab name"),
        ('{code: "1228899006", category: cT1c,', '{code: "1228899006", category: cT5,', "not a category"),
        ('{system: snomed, code: "254837009"', '{system: snowmed, code: "254837009"', "unknown system key"),
        (
            "kind: primary_breast, verified: true, source: staging_md}          # malignant",
            "kind: primary_breast, verified: true, source: nowhere}          # malignant",
            "unknown source",
        ),
        (
            '{system: icd10cm, code: "Z17.1", kind: er_negative,',
            '{system: icd10cm, code: "Z17.0", kind: er_negative,',
            "listed twice",
        ),
        ("schema: rightscan.fhir-codes/1", "schema: rightscan.fhir-codes/2", "schema"),
    ],
)
def test_broken_mapping_file_is_refused(tmp_path: Path, old: str, new: str, words: str) -> None:
    directory = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, directory)
    path = directory / "fhir_codes.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(KnowledgeError) as info:
        load_fhir_codes(str(directory))
    assert str(info.value).startswith("fhir_codes.yaml") and words in str(info.value)


def test_every_mapped_code_has_a_known_source_and_the_unverified_ones_are_flagged() -> None:
    import yaml

    data = yaml.safe_load((KNOWLEDGE_DIR / "fhir_codes.yaml").read_text(encoding="utf-8"))
    entries = [e for key, v in data.items() if isinstance(v, list) for e in v if isinstance(e, dict)]
    assert entries and all("verified" in e for e in entries)
    memory = [e for e in entries if e.get("source") in ("memory", "public_code")]
    assert memory and all(e["verified"] is False for e in memory)


# ------------------------------------------------------------------ property: the payload is always valid
KB = load_knowledge()
POOL: list[tuple[str, dict[str, Any]]] = [
    (key, e["resource"]) for key, value in REFERENCE["prefetch"].items() if key != "patient"
    for e in value.get("entry", [])
]  # fmt: skip
POOL += [
    ("patient", REFERENCE["prefetch"]["patient"]),
    ("conditions", cancer("D05.12") | {"id": "dcis"}),
    ("conditions", cancer("C50.911", morphology="8530/3") | {"id": "ibc"}),
    ("conditions", cancer("C50.911", morphology="8520/3") | {"id": "ilc"}),
    ("conditions", condition("hist", ICD10CM, "Z85.3")),
    ("conditions", cancer(clinical="recurrence") | {"id": "rec"}),
    ("conditions", condition("met", ICD10CM, "C79.51")),
    ("conditions", condition("pain", SN, "12584003")),
    ("conditions", condition("z17", ICD10CM, "Z17.1")),
    ("observations", obs("ct2", LN, "21905-5", "2026-11-11", valueCodeableConcept=cc(SN, "1228929004"))),
    ("observations", obs("ct4d", LN, "21905-5", "2026-11-12", valueCodeableConcept={"text": "cT4d"})),
    ("observations", obs("ctis", LN, "21905-5", "2026-11-12", valueCodeableConcept={"text": "cTis"})),
    ("observations", obs("ct0", LN, "21905-5", "2026-11-13", valueCodeableConcept={"text": "cT0"})),
    ("observations", obs("cn2", LN, "21906-3", "2026-11-11", valueCodeableConcept=cc(SN, "1229981009"))),
    ("observations", obs("cm1", LN, "21907-1", "2026-11-11", valueCodeableConcept=cc(SN, "1229903009"))),
    ("observations", obs("pt3", LN, "21899-0", "2026-11-30", valueCodeableConcept={"text": "pT3"})),
    ("observations", obs("pn2", LN, "21900-6", "2026-11-30", valueCodeableConcept={"text": "pN2a"})),
    (
        "observations",
        obs("sz35", LN, "21889-1", "2026-11-11", valueQuantity={"value": 3.5, "unit": "cm", "code": "cm"}),
    ),
    ("observations", obs("g3", LN, "44648-4", "2026-11-06", valueInteger=3)),
    ("observations", obs("her2eq", LN, "85319-2", "2026-11-06", valueCodeableConcept={"text": "equivocal"})),
    ("observations", obs("er-neg", LN, "16112-5", "2026-11-06", valueCodeableConcept=cc(LN, "LA6577-6"))),
    ("observations", obs("dysp", SN, "267036007", "2026-11-20")),
    ("labs", lab("alp-high", "6768-6", 400, 120, "2026-11-21T08:00:00Z")),
    ("labs", lab("alt-high", "1742-6", 90, 40, "2026-11-21T08:00:00Z")),
    ("labs", lab("ast-norr", "1920-8", 30, None, "2026-11-21T08:00:00Z")),
    ("procedures", procedure("lump", CPT, "19301")),
    ("procedures", procedure("mast", SN, "741009001")),
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    chosen=st.lists(st.integers(0, len(POOL) - 1), unique=True, max_size=len(POOL)),
    absent=st.sets(st.sampled_from(PREFETCH_KEYS)),
    order=st.sampled_from([None, "78815", "71260+74177", "bone scan"]),
)
def test_random_subsets_never_produce_a_payload_the_core_rejects(
    chosen: list[int], absent: set[str], order: str | None
) -> None:
    prefetch: dict[str, Any] = {key: bundle() for key in PREFETCH_KEYS if key not in absent}
    for i in chosen:
        key, resource = POOL[i]
        if key in absent:
            continue
        if key == "patient":
            prefetch["patient"] = copy.deepcopy(resource)
        else:
            prefetch[key]["entry"].append({"resource": copy.deepcopy(resource)})
    f = facts(prefetch, patient_id="ref-58f")
    payload = f.payload | ({"order": order} if order else {})
    load_facts(KB, payload)  # the contract itself (types, vocabulary) never refuses the payload
    # only a genuinely contradictory combination (e.g. DCIS with cT2, cT0 with a size) may be refused
    with contextlib.suppress(FactError):
        evaluate(payload, kb=KB)
    assert all(e["from"] for e in f.evidence)
