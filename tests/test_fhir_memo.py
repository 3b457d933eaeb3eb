"""Facts read from FHIR are remembered by the digest of their inputs: a remembered answer must be the
answer a fresh reading gives, and no caller may change what the next one gets."""

from __future__ import annotations

import copy
import dataclasses
import json

from conftest import ROOT
from rightscan.adapters import fhir
from rightscan.application import fhir_facts
from rightscan.domain.knowledge import Knowledge

FIXTURE = ROOT / "tests" / "fixtures" / "fhir" / "reference_patient.json"


def test_remembered_facts_equal_a_fresh_reading_and_are_private_copies(kb: Knowledge) -> None:
    data = json.loads(FIXTURE.read_text())
    drafts = fhir.read_draft_orders(data["context"]["draftOrders"], kb=kb)
    pet = next(d for d in drafts if d.id == "ServiceRequest/pet-1")
    patient = data["context"]["patientId"]
    fresh = dataclasses.asdict(fhir.facts_from_fhir(copy.deepcopy(data["prefetch"]), pet, patient_id=patient, kb=kb))
    answers = [fhir_facts(data["prefetch"], pet, patient, kb) for _ in range(4)]  # 3rd and 4th: remembered
    assert all(dataclasses.asdict(a) == fresh for a in answers)
    answers[2].payload["tumor"]["size_cm"] = 99.0  # a caller changes its copy ...
    answers[2].texts.append("changed")
    assert dataclasses.asdict(fhir_facts(data["prefetch"], pet, patient, kb)) == fresh  # ... not the next one's
    changed = copy.deepcopy(data["prefetch"])
    changed["observations"]["entry"] = [
        e for e in changed["observations"]["entry"] if e["resource"]["id"] not in ("obs-ct", "obs-size")
    ]
    assert dataclasses.asdict(fhir_facts(changed, pet, patient, kb)) != fresh  # new content, new reading
