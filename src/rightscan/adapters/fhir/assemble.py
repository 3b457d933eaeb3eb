"""The gathered candidates -> the core payload and its evidence.

Per field the latest candidate wins; equal latest candidates must agree, or the field is left out and
each is reported. The setting is the domain's rule (``rightscan.domain.setting``) over the record
evidence gathered here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rightscan.adapters.fhir.gathered import Cand, Gathered
from rightscan.adapters.fhir.prefetch import Res
from rightscan.adapters.fhir.readers.labs import lab_key, lab_value
from rightscan.domain.setting import UNKNOWN_SURGERY, Basis, RecordEvidence, infer_setting

Put = Callable[[str, Cand, Any], None]


def resolve(
    g: Gathered, field_name: str, cands: list[Cand], prefer: Callable[[Cand], bool] | None = None
) -> Cand | None:
    """The latest candidate; equal latest candidates must agree, or the field is left out."""
    if prefer is not None:
        preferred = [c for c in cands if prefer(c)]
        cands = preferred or cands
    dated = [c for c in cands if c.when is not None]
    if dated:
        latest = max(c.when for c in dated if c.when is not None)
        top = [c for c in dated if c.when == latest]
    else:
        top = cands
    values = {lab_key(c.value) if isinstance(c.value, Res) else c.value for c in top}
    if len(values) > 1:
        for c in top:
            g.ignore(c.ref, None, f"conflicting values for {field_name} at the same time")
        return None
    return top[0]


def build(g: Gathered, procedures_known: bool) -> dict[str, Any]:
    """The payload (only what the data states) and, in ``g.facts.evidence``, where each value came from."""
    payload: dict[str, Any] = {}
    evidence = g.facts.evidence

    def put(field_name: str, cand: Cand, value: Any = None) -> None:
        value = cand.value if value is None else value
        target = payload
        *parents, leaf = field_name.split(".")
        for p in parents:
            target = target.setdefault(p, {})
        target[leaf] = value
        item: dict[str, Any] = {"field": field_name, "value": value, "from": cand.ref}
        if not cand.verified:
            item["verified"] = False
        if cand.note:
            item["note"] = cand.note
        evidence.append(item)

    def resolved(field_name: str, **kwargs: Any) -> Cand | None:
        cands = g.cands.get(field_name)
        return resolve(g, field_name, cands, **kwargs) if cands else None

    for name in ("age", "sex"):
        if c := resolved(name):
            put(name, c)
    _setting(g, put, procedures_known)
    if g.surgeries and (c := resolve(g, "prior_surgery", g.surgeries)):
        put("prior_surgery", c)
    histologies = g.histologies
    if g.invasive_current:  # an invasive cancer is staged by its invasive component
        histologies = [c for c in histologies if c.value != "DCIS"]
    if histologies:
        if len({c.value for c in histologies}) == 1:
            put("tumor.histology", histologies[0])
        else:
            for c in histologies:
                g.ignore(c.ref, None, "conflicting histologies of current breast cancers")
    if g.inflammatory:
        put("tumor.inflammatory", g.inflammatory[0])
    for name in ("tumor.size_cm", "tumor.t", "tumor.n", "tumor.m", "tumor.grade"):
        if c := resolved(name):
            put(name, c)
    er = g.cands.get("tumor.er") or g.er_conditions  # a receptor test beats a Z17 status code
    if er and (c := resolve(g, "tumor.er", er)):
        put("tumor.er", c)
    if c := resolved("tumor.pr"):
        put("tumor.pr", c)
    if definitive := resolved("tumor.her2", prefer=lambda c: c.value != "equivocal"):
        put("tumor.her2", definitive)
    for name in ("pathology.t", "pathology.n"):
        if c := resolved(name):
            put(name, c)
    for lab in g.kb.lab_names:
        if (c := resolved(f"labs.{lab}")) and (value := lab_value(g, c)) is not None:
            put(f"labs.{lab}", c, value)
    if g.symptoms:
        payload["symptoms"] = sorted(g.symptoms)
        for code in payload["symptoms"]:
            c = g.symptoms[code]
            item = {"field": "symptoms", "value": code, "from": c.ref}
            if not c.verified:
                item["verified"] = False
            if c.note:
                item["note"] = c.note
            evidence.append(item)
    return payload


def _setting(g: Gathered, put: Put, procedures_known: bool) -> None:
    """The domain's setting rule over the cancers and surgery on record; a setting left open is reported
    on the resources it rests on."""
    record = RecordEvidence(
        metastatic=bool(g.secondaries),
        recurrence=bool(g.recurrences),
        active_primary=bool(g.current_primaries),
        past_cancer=bool(g.histories),
        breast_surgery=bool(g.surgeries) if procedures_known else None,
        distant_finding=bool(g.symptoms),  # every symptom code is a red flag for distant spread
    )
    inference = infer_setting(record)
    if inference is None:
        return
    basis = {
        Basis.METASTATIC: g.secondaries,
        Basis.RECURRENCE: g.recurrences,
        Basis.ACTIVE_PRIMARY: g.current_primaries,
        Basis.PAST_CANCER: g.histories,
    }[inference.basis]
    if inference.setting is not None:
        put("setting", Cand(inference.setting, None, basis[0].ref, True, inference.reason), None)
        return
    reason = inference.reason
    if reason == UNKNOWN_SURGERY:
        reason += " (procedures not prefetched)"
    for r in basis:
        g.ignore(r.ref, g.first_coding(r.data.get("code")), f"setting not inferred: {reason}")
