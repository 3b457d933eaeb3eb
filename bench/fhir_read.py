"""Benchmark of the FHIR adapter alone (a script that prints figures, not a test).

Reads the reference patient's CDS Hooks request (``tests/fixtures/fhir/reference_patient.json``):
``read_draft_orders`` on its draft orders, then ``facts_from_fhir`` for each, and reports the process
CPU time per call in two modes:
  - resent: the same resources on every call, as an EHR resends one patient's data (the validation
    memo answers);
  - new: every call brings resources never seen before (new ids), so each is validated;
and, for the new mode, how much of it is validating the resources with fhir.resources.

Usage: python bench/fhir_read.py [--calls 400] [--repeats 5]
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import time
from pathlib import Path
from typing import Any

from rightscan.adapters import fhir
from rightscan.adapters.fhir.validation import model_of
from rightscan.adapters.knowledge_files import load_knowledge

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "fhir" / "reference_patient.json"


def _resources(prefetch: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for value in prefetch.values():
        if not isinstance(value, dict):
            continue
        if value.get("resourceType") == "Bundle":
            out.extend(e["resource"] for e in value.get("entry") or [] if "resource" in e)
        else:
            out.append(value)
    return out


def _renamed(prefetch: dict[str, Any], k: int) -> dict[str, Any]:
    """The same data as never seen before: every resource gets a new id."""
    fresh = copy.deepcopy(prefetch)
    for resource in _resources(fresh):
        if resource.get("resourceType") != "Patient":
            resource["id"] = f"{resource.get('id', 'r')}-{k}"
    return fresh


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=400)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    data = json.loads(FIXTURE.read_text())
    kb = load_knowledge()
    fhir.warm_up()
    draft_orders, patient_id = data["context"]["draftOrders"], data["context"]["patientId"]

    def consult(prefetch: dict[str, Any]) -> None:
        for draft in fhir.read_draft_orders(draft_orders, kb=kb):
            fhir.facts_from_fhir(prefetch, draft, patient_id=patient_id, kb=kb)

    consult(data["prefetch"])
    per_call: dict[str, list[float]] = {"resent": [], "new": []}
    serial = 0
    for _ in range(args.repeats):
        for mode, times in per_call.items():
            inputs = []
            for _ in range(args.calls):
                serial += 1
                inputs.append(data["prefetch"] if mode == "resent" else _renamed(data["prefetch"], serial))
            start = time.process_time()
            for prefetch in inputs:
                consult(prefetch)
            times.append((time.process_time() - start) / args.calls * 1000)
    validation: list[float] = []
    for _ in range(args.repeats):
        serial += 1
        resources = [r for r in _resources(_renamed(data["prefetch"], serial)) if r["resourceType"] != "Bundle"]
        start = time.process_time()
        for _ in range(args.calls):
            for resource in resources:
                model_of(resource["resourceType"]).model_validate(resource)
        validation.append((time.process_time() - start) / args.calls * 1000)
    n = len(_resources(data["prefetch"]))
    print(f"reference patient: {n} prefetch resources, {args.calls} calls x {args.repeats}, process CPU per call")
    for mode, times in per_call.items():
        print(f"  {mode:7s} median {statistics.median(times):.3f} ms (min {min(times):.3f})")
    share = statistics.median(validation) / statistics.median(per_call["new"])
    print(f"  of which, new data: fhir.resources validation {statistics.median(validation):.3f} ms ({share:.0%})")


if __name__ == "__main__":
    main()
