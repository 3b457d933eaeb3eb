"""Condition -> the cancers on record (current primary, recurrence, history, metastatic: the setting's
evidence), histology and inflammatory carcinoma, ER status codes, and symptoms on the problem list."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from rightscan.adapters.fhir.gathered import Cand, Gathered
from rightscan.adapters.fhir.prefetch import Res
from rightscan.adapters.fhir.values import instant, status_code


def read_condition(g: Gathered, res: Res) -> None:
    data, st = res.data, g.codes.status
    verification = status_code(data.get("verificationStatus"))
    if verification in st.condition_void:
        return  # refuted or entered in error: as if absent
    clinical = status_code(data.get("clinicalStatus"))
    text = (data.get("code") or {}).get("text")
    if isinstance(text, str) and text.strip() and text.strip() not in g.facts.texts:
        g.facts.texts.append(text.strip())
    hits, unknown = g.lookup(g.codes.conditions, data.get("code"))
    kinds = {h.entry.kind for h, _ in hits}
    if "malignant_any" in kinds:
        kinds.discard("malignant_any")
        if _breast_site(g, data):
            kinds.add("primary_breast")
        else:
            g.ignore(res.ref, g.first_coding(data.get("code")), "malignant neoplasm without a breast site")
    if not kinds:
        if unknown:
            g.ignore(res.ref, unknown[0], "unknown code")
        return
    verified = all(h.verified for h, _ in hits)
    coding = hits[0][1]
    if "secondary" in kinds:
        # any metastatic disease on record, even suspected or resolved, keeps the setting open
        g.secondaries.append(res)
    cancer = kinds & {"primary_breast", "in_situ_ductal", "lobular_in_situ", "history"}
    if cancer and verification in st.cancer_unconfirmed:
        g.ignore(res.ref, coding, "diagnosis not confirmed")
        return
    when = instant(data.get("onsetDateTime") or data.get("recordedDate"))
    if "lobular_in_situ" in kinds:
        g.ignore(res.ref, coding, "lobular carcinoma in situ is not a staged cancer (AJCC 8)")
    if "history" in kinds:
        g.histories.append(res)
    if kinds & {"primary_breast", "in_situ_ductal"}:
        _breast_cancer(g, res, kinds, clinical, verified, when)
    for kind, value in (("er_positive", "positive"), ("er_negative", "negative")):
        if kind in kinds and clinical not in st.condition_past:
            g.er_conditions.append(Cand(value, when, res.ref, verified))
    if "symptom" in kinds:
        if clinical in st.condition_current:
            for h, _ in hits:
                if h.entry.kind == "symptom":
                    g.symptom(h.entry.symptom, Cand(h.entry.symptom, when, res.ref, h.verified))
        elif clinical is None:
            g.ignore(res.ref, coding, "symptom without clinical status")


def _breast_site(g: Gathered, data: dict[str, Any]) -> bool:
    return any(g.lookup(g.codes.breast_sites, site)[0] for site in data.get("bodySite") or [])


def _breast_cancer(
    g: Gathered, res: Res, kinds: set[str], clinical: str | None, verified: bool, when: datetime | None
) -> None:
    st = g.codes.status
    coding = g.first_coding(res.data.get("code"))
    if clinical is None:
        g.ignore(res.ref, coding, "cancer without clinical status: not used")
        return
    if clinical in st.condition_past:
        g.histories.append(res)
        return
    if clinical not in st.condition_current:
        g.ignore(res.ref, coding, "clinical status not understood")
        return
    if clinical in st.condition_recurrence:
        g.recurrences.append(res)
    else:
        g.current_primaries.append(res)
    invasive = "primary_breast" in kinds
    g.invasive_current = g.invasive_current or invasive
    if not invasive:
        g.histologies.append(Cand("DCIS", when, res.ref, verified, "in situ ductal carcinoma code"))
    _histology_extension(g, res, when)


def _histology_extension(g: Gathered, res: Res, when: datetime | None) -> None:
    for ext in res.data.get("extension") or []:
        if ext.get("url") != g.codes.histology_extension:
            continue
        concept = ext.get("valueCodeableConcept")
        hits, unknown = g.lookup(g.codes.histology, concept)
        if hits:
            values = {(h.entry.histology, h.entry.inflammatory) for h, _ in hits}
            if len(values) > 1:
                g.ignore(res.ref, hits[0][1], "conflicting histology codes")
                continue
            (histology, inflammatory), verified = values.pop(), all(h.verified for h, _ in hits)
            g.histologies.append(Cand(histology, when, res.ref, verified))
            if inflammatory:
                g.inflammatory.append(Cand(True, when, res.ref, verified))
            continue
        for c in unknown:
            _histology_fallback(g, res, c, when)


def _histology_fallback(g: Gathered, res: Res, coding: dict[str, Any], when: datetime | None) -> None:
    """ICD-O-3 morphology not listed: behaviour /3 in the carcinoma families -> 'other'."""
    rng = g.codes.histology_other_range
    code = str(coding.get("code") or "").replace("/", "").strip()
    if g.codes.system_key(coding.get("system")) == "icdo3" and re.fullmatch(r"\d{5}", code):
        morphology, behaviour = int(code[:4]), code[4]
        if rng.from_ <= morphology <= rng.to and behaviour == rng.behaviour:
            g.histologies.append(Cand("other", when, res.ref, False, "unlisted invasive carcinoma"))
            return
        g.ignore(res.ref, coding, "morphology outside the staged breast carcinomas")
        return
    g.ignore(res.ref, coding, "unknown code")
