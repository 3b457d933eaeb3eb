"""Observation -> the tumour's staging facts: clinical and pathological TNM categories, the clinical
size, and stage groups (recorded in the evidence only: RightScan computes the stage itself)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from rightscan.adapters.fhir.codes import FhirCodes
from rightscan.adapters.fhir.gathered import Cand, Gathered
from rightscan.adapters.fhir.prefetch import Res
from rightscan.adapters.fhir.readers.observation_values import concept_values, settle, value_strings
from rightscan.adapters.fhir.values import codings
from rightscan.domain.knowledge import StagingTables

TNM_MEASURES = ("ct", "cn", "cm", "pt", "pn", "pm", "t_any", "n_any", "m_any")
SIZE_MEASURES = ("tumor_size", "tumor_longest_dimension")

_TNM_RE = re.compile(r"^(yp|yc|c|p|r|a)?([TNM])(.*)$", re.IGNORECASE)
_STAGE_RE = re.compile(r"^(?:stage\s*)?(0|IS|I{1,3}[ABC]?|IV|[1-3][ABC]?|4)$", re.IGNORECASE)

Vocabulary = dict[tuple[str, str], dict[str, str]]  # (c|p, T|N|M) -> lower-case category -> as the core spells it
_VOCABULARIES: dict[int, tuple[StagingTables, Vocabulary]] = {}  # by the staging tables' identity (kept alive)


def _vocabulary(staging: StagingTables) -> Vocabulary:
    """The TNM categories the core accepts per kind of staging (built once per knowledge object)."""
    known = _VOCABULARIES.get(id(staging))
    if known is not None and known[0] is staging:
        return known[1]
    vocab: Vocabulary = {
        ("c", "T"): {c.lower(): c for c in staging.t_categories},
        ("c", "N"): {c.lower(): c for c in staging.n_categories},
        ("c", "M"): {"m0": "M0", "m1": "M1", "m0(i+)": "M0(i+)"},
        ("p", "T"): {c.lower(): c for c in staging.t_categories},
        ("p", "N"): {c.lower(): c for c in staging.pn_aliases},
        ("p", "M"): {"m1": "M1"},
    }
    if len(_VOCABULARIES) >= 8:  # knowledge objects are few (tests load a handful)
        _VOCABULARIES.clear()
    _VOCABULARIES[id(staging)] = (staging, vocab)
    return vocab


def parse_tnm(vocab: Vocabulary, text: str) -> tuple[str, str, str] | str | None:
    """'cT1c' -> ('c', 'T', 'T1c'); 'T1c' -> ('', 'T', 'T1c'); unsupported prefix -> 'yp'."""
    m = _TNM_RE.match(text.replace(" ", ""))
    if m is None:
        return None
    prefix, axis, rest = (m[1] or "").lower(), m[2].upper(), m[3]
    if prefix in ("yp", "yc", "r", "a"):
        return prefix
    category = (axis + rest).lower()
    if rest.upper() == "X":
        return (prefix, axis, axis + "X")
    kinds = [prefix] if prefix else ["c", "p"]
    for kind in kinds:
        canonical = vocab.get((kind, axis), {}).get(category)
        if canonical is not None:
            return (prefix, axis, canonical)
    return None


def read_tnm(
    g: Gathered, res: Res, measure: str, coding: dict[str, Any], when: datetime | None, verified: bool
) -> None:
    vocab = _vocabulary(g.kb.staging)

    def parse(text: str) -> tuple[str, str, str] | str | None:
        return parse_tnm(vocab, text)

    values, v_ok, unknown, unread = concept_values(g, res.data, None, _same, parse, ("ajcc", None))
    still_unknown = []  # SNOMED CT AJCC concepts are looked up here
    for c in unknown:
        entry = g.codes.tnm_values.get(str(c.get("code") or "").strip())
        if g.codes.system_key(c.get("system")) == "snomed" and entry is not None:
            cat = entry.category
            values.add((cat[0], cat[1], cat[1:]))
            v_ok = v_ok and entry.verified
        else:
            still_unknown.append(c)
    # 'T1c' (no prefix) agrees with 'cT1c' from another reading of the same value
    prefixed = {v[1:] for v in values if isinstance(v, tuple) and v[0]}
    values = {v for v in values if not (isinstance(v, tuple) and not v[0] and v[1:] in prefixed)}
    value = settle(g, res, coding, values, still_unknown, unread)
    if value is None:
        return
    if isinstance(value, str):
        g.ignore(res.ref, coding, f"{value} (post-neoadjuvant or recurrence) category not used")
        return
    prefix, axis, category = value
    want_axis = measure[-1].upper() if measure[0] in "cp" else measure[0].upper()
    want_kind = measure[0] if measure[0] in "cp" else ""
    if axis != want_axis:
        g.ignore(res.ref, coding, "value does not match the observation (T, N or M)")
        return
    kind = prefix or want_kind
    if not kind:
        g.ignore(res.ref, coding, "clinical or pathological not stated")
        return
    if want_kind and prefix and prefix != want_kind:
        g.ignore(res.ref, coding, "clinical/pathological prefix does not match the observation")
        return
    if category.endswith("X"):
        g.ignore(res.ref, coding, "category cannot be assessed (X): not used")
        return
    if category not in vocab[(kind, axis)].values():
        g.ignore(res.ref, coding, "category not accepted for this kind of staging")
        return
    ok = verified and v_ok
    if kind == "c":
        g.candidate(f"tumor.{axis.lower()}", Cand(category, when, res.ref, ok))
    elif axis == "M":  # pM1: proven distant metastasis
        g.candidate("tumor.m", Cand(category, when, res.ref, ok, "pathological pM1"))
    else:
        g.candidate(f"pathology.{axis.lower()}", Cand("p" + category, when, res.ref, ok))


def read_size(
    g: Gathered, res: Res, measure: str, coding: dict[str, Any], when: datetime | None, verified: bool
) -> None:
    data = res.data
    by_pathology = g.lookup(g.codes.pathology_size_methods, data.get("method"))[0]
    if data.get("specimen") or by_pathology:
        g.ignore(res.ref, coding, "measured on a surgical specimen (pathological size): not used")
        return
    quantity = data.get("valueQuantity")
    if measure == "tumor_size":
        for comp in data.get("component") or []:
            hits, _ = g.lookup(g.codes.observations, comp.get("code"))
            if any(h.entry.measures == "tumor_longest_dimension" for h, _ in hits):
                quantity = comp.get("valueQuantity")
                break
    cm = _length_cm(quantity, g.codes)
    if cm is None:
        g.ignore(res.ref, coding, "size without a value in mm or cm")
        return
    if not 0 < cm <= 30:
        g.ignore(res.ref, coding, "implausible value")
        return
    g.candidate("tumor.size_cm", Cand(cm, when, res.ref, verified))


def read_stage_group(g: Gathered, res: Res, measure: str) -> None:
    concept = res.data.get("valueCodeableConcept") or {}
    value = next((c.get("code") for c in codings(concept) if c.get("code")), None)
    if value is None:
        value = next((t for t in value_strings(res.data) if _STAGE_RE.match(t)), None)
    kind = measure.removeprefix("stage_group_")
    g.facts.evidence.append(
        {"field": f"stage_group.{kind}", "value": value, "from": res.ref, "used": False,
         "note": "recorded only: RightScan computes the stage itself"}
    )  # fmt: skip


def _same(value: Any) -> Any:
    return value


def _length_cm(quantity: Any, codes: FhirCodes) -> float | None:
    if not isinstance(quantity, dict) or not isinstance(quantity.get("value"), int | float):
        return None
    if quantity.get("comparator") is not None:
        return None
    code, system = quantity.get("code"), quantity.get("system")
    if isinstance(code, str) and code:
        if system is not None and codes.system_key(system) != "ucum":
            return None
        unit = code
    else:
        unit = quantity.get("unit")
    value = float(quantity["value"])
    if unit == "mm":
        return round(value / 10.0, 6)
    if unit == "cm":
        return value
    return None
