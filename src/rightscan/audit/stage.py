"""Early and asymptomatic or not: RightScan's own decision, on the stage facts the data hold.

The facts go through the core's input contract (``rightscan.api.evaluate``): the same validation and
the same decision as every other interface. Identical facts are decided once.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

import orjson

from rightscan.audit.definition import Definition, expand

EARLY = "early_asymptomatic"
NOT_EARLY = "not_early"
UNDETERMINED = "undetermined"
INVALID = "invalid_facts"
EARLY_IIB = {"IA", "IB", "IIA", "IIB"}


def symptom_names(d: Definition) -> dict[tuple[str, str], str]:
    """(vocab, code prefix) -> RightScan symptom code (lab codes are not symptoms the core accepts)."""
    out = {}
    for name, codemap in d.red_flag.symptoms.items():
        for vocab, codes in codemap.items():
            for prefix in expand(codes):
                out[(vocab, prefix)] = name
    return out


def payloads(
    stage_rows: list[dict[str, Any]], symptom_rows: list[dict[str, Any]], d: Definition, symptom_codes: set[str]
) -> dict[str, dict[str, Any]]:
    """Per person, the core input: new diagnosis, the tumour facts nearest the index date, the symptoms."""
    best: dict[tuple[str, str], tuple[int, Any]] = {}
    for row in stage_rows:
        when: date | None = row.get("date")
        idx: date = row["index_date"]
        distance = abs((when - idx).days) if when is not None else 10**6
        key = (row["person_id"], row["field"])
        if key not in best or distance < best[key][0]:
            best[key] = (distance, row["value"])
    tumors: dict[str, dict[str, Any]] = defaultdict(dict)
    for (person, field), (_, value) in best.items():
        if field == "grade":
            try:
                tumors[person][field] = int(float(value))
            except ValueError:
                tumors[person][field] = value
        elif field == "size_cm":
            tumors[person][field] = float(value)
        else:
            tumors[person][field] = value
    names = symptom_names(d)
    symptoms: dict[str, set[str]] = defaultdict(set)
    for row in symptom_rows:
        for (vocab, prefix), name in names.items():
            if row["vocab"] == vocab and row["code"].startswith(prefix) and name in symptom_codes:
                symptoms[row["person_id"]].add(name)
    out = {}
    for person, tumor in tumors.items():
        payload: dict[str, Any] = {"setting": "new_diagnosis", "tumor": tumor}
        if symptoms.get(person):
            payload["symptoms"] = sorted(symptoms[person])
        out[person] = payload
    return out


def classify(payload_by_person: dict[str, dict[str, Any]], threshold: str) -> dict[str, dict[str, Any]]:
    """person -> {stage_class, anatomic, verdict}; one core call per distinct payload."""
    from rightscan.api import InputError, evaluate, load_knowledge

    kb = load_knowledge()
    memo: dict[bytes, dict[str, Any]] = {}
    out = {}
    for person, payload in payload_by_person.items():
        key = orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)
        if key not in memo:
            try:
                decision = evaluate(payload, kb=kb)
            except InputError as exc:
                memo[key] = {"stage_class": INVALID, "anatomic": None, "verdict": None, "problem": exc.field}
            else:
                memo[key] = _class(decision, threshold)
        out[person] = memo[key]
    return out


def _class(decision: dict[str, Any], threshold: str) -> dict[str, Any]:
    verdict = decision["systemic_imaging"]
    anatomic = decision["stage"].get("anatomic")
    if threshold == "IIA":
        if verdict == "not_recommended":
            cls = EARLY
        elif verdict in ("undetermined", "not_applicable") and anatomic is None:
            cls = UNDETERMINED
        else:
            cls = NOT_EARLY
    else:  # <= IIB: anatomic group IA-IIB and no red flag (ASCO QOPI comparability)
        if anatomic is None:
            cls = UNDETERMINED
        elif anatomic in EARLY_IIB and not decision["red_flags"]:
            cls = EARLY
        else:
            cls = NOT_EARLY
    return {"stage_class": cls, "anatomic": anatomic, "verdict": verdict, "problem": None}
