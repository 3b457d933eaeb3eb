"""Observation -> by what its code measures: staging (TNM, size, stage group), tumour biology (receptors,
grade), a laboratory value, or a symptom recorded as a finding."""

from __future__ import annotations

from typing import Any

from rightscan.adapters.fhir.codes import Hit
from rightscan.adapters.fhir.gathered import Cand, Gathered
from rightscan.adapters.fhir.prefetch import Res
from rightscan.adapters.fhir.readers.biology import read_grade, read_receptor
from rightscan.adapters.fhir.readers.labs import read_lab
from rightscan.adapters.fhir.readers.staging import (
    SIZE_MEASURES,
    TNM_MEASURES,
    read_size,
    read_stage_group,
    read_tnm,
)
from rightscan.adapters.fhir.values import effective


def read_observation(g: Gathered, res: Res) -> None:
    data = res.data
    hits, unknown = g.lookup(g.codes.observations, data.get("code"))
    if not hits:
        symptom_hits, _ = g.lookup(g.codes.conditions, data.get("code"))
        symptoms = [(h, c) for h, c in symptom_hits if h.entry.kind == "symptom"]
        if symptoms:
            _symptom_observation(g, res, symptoms)
        elif unknown:
            g.ignore(res.ref, unknown[0], "unknown code")
        return
    measures = {h.entry.measures for h, _ in hits}
    labs = {h.entry.lab for h, _ in hits}
    coding = hits[0][1]
    if len(measures) > 1 or len(labs) > 1:
        g.ignore(res.ref, coding, "codes of the observation disagree")
        return
    measure = measures.pop()
    if data.get("status") not in g.codes.status.observation_result:
        g.ignore(res.ref, coding, "result status not final")
        return
    verified = all(h.verified for h, _ in hits)
    when = effective(data)
    if measure in TNM_MEASURES:
        read_tnm(g, res, measure, coding, when, verified)
    elif measure in SIZE_MEASURES:
        read_size(g, res, measure, coding, when, verified)
    elif measure.startswith("stage_group"):
        read_stage_group(g, res, measure)
    elif measure in ("er", "pr", "her2"):
        read_receptor(g, res, measure, coding, when, verified)
    elif measure == "grade":
        read_grade(g, res, coding, when, verified)
    else:
        read_lab(g, res, labs.pop(), when, verified)


def _symptom_observation(g: Gathered, res: Res, hits: list[tuple[Hit[Any], dict[str, Any]]]) -> None:
    """A symptom recorded as an Observation: present when its value says so (or it has no value)."""
    data, coding = res.data, hits[0][1]
    if data.get("status") not in g.codes.status.observation_symptom:
        g.ignore(res.ref, coding, "observation status not usable")
        return
    if "valueBoolean" in data:
        present: bool | None = data["valueBoolean"] is True
    elif "valueCodeableConcept" in data:
        concept = data["valueCodeableConcept"]
        if g.lookup(g.codes.absent_values, concept)[0]:
            present = False
        elif g.lookup(g.codes.present_values, concept)[0]:
            present = True
        else:
            present = None
    elif any(k.startswith("value") for k in data) or "dataAbsentReason" in data:
        present = None
    else:
        present = True  # a finding recorded as an observation with no value: the finding itself
    if present is None:
        g.ignore(res.ref, coding, "finding value not understood")
        return
    if present:
        when = effective(data)
        for h, _ in hits:
            g.symptom(h.entry.symptom, Cand(h.entry.symptom, when, res.ref, h.verified))
