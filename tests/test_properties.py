"""Properties that must hold for every valid patient, checked on generated inputs."""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from rightscan.adapters.input_json import load_facts
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.api import InputError, evaluate
from rightscan.domain.decision import decide
from rightscan.domain.guidance import FEATURES, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from core import generate  # the benchmark's patient generator

KB = load_knowledge()
EARLY, LATE = {"IA", "IB", "IIA"}, {"IIB", "IIIA", "IIIB", "IIIC"}

tumors = st.fixed_dictionaries(
    {},
    optional={
        "histology": st.sampled_from(["IDC", "ILC", "NOS", "mixed", "DCIS", "other"]),
        "size_cm": st.floats(min_value=0.01, max_value=30, allow_nan=False),
        "n": st.sampled_from(["N0", "N1mi", "N1", "N2a", "N2b", "N3a", "N3b", "N3c"]),
        "m": st.sampled_from(["M0", "M1"]),
        "grade": st.integers(1, 3),
        "er": st.sampled_from(["positive", "negative"]),
        "pr": st.sampled_from(["positive", "negative"]),
        "her2": st.sampled_from(["positive", "negative", "equivocal"]),
        "inflammatory": st.booleans(),
    },
)
patients = st.fixed_dictionaries(
    {"tumor": tumors},
    optional={
        "setting": st.sampled_from(
            ["new_diagnosis", "surveillance", "suspected_local_recurrence", "suspected_distant_recurrence"]
        ),
        "prior_surgery": st.sampled_from(["bct", "mastectomy"]),
        "symptoms": st.lists(st.sampled_from(sorted(KB.symptoms)), max_size=3),
        "labs": st.dictionaries(
            st.sampled_from(["alkaline_phosphatase", "ast", "alt", "bilirubin"]),
            st.fixed_dictionaries({"value": st.floats(0, 500), "uln": st.floats(10, 200)}),
        ),
        "order": st.sampled_from(
            ["PET/CT", "bone scan", "CT CAP", "US Axilla", "diagnostic mammogram", "brain MRI w/wo", "CT chest C+"]
        ),
        "patient_preference": st.just("requests_imaging"),
    },
)


@settings(max_examples=400, deadline=None)
@given(patients)
def test_any_valid_patient_gets_a_consistent_decision_or_a_named_error(payload: dict[str, Any]) -> None:
    try:
        d = evaluate(payload)
    except InputError as exc:
        assert exc.field and str(exc).startswith(exc.field)
        return
    verdict = d["systemic_imaging"]
    stages = {d["stage"]["anatomic"], d["stage"]["clinical_prognostic"]} - {None}
    if d["red_flags"]:
        assert verdict == "targeted"
    anatomic = d["stage"]["anatomic"]
    bounds = (d["stage"].get("bounds") or {}).get("anatomic")
    staging_verdict = d["systemic_staging"]
    if not d["red_flags"]:
        assert staging_verdict == verdict
    if verdict == "not_recommended":
        assert stages and stages <= EARLY
        assert not d["red_flags"]
    # issue 9: the anatomic stage decides the pathway's bounds; a favourable prognostic stage never brings
    # anatomic IIIA or more into the early pathway, red flag or not
    if anatomic in ("IIIA", "IIIB", "IIIC") and payload.get("setting") == "new_diagnosis":
        assert staging_verdict == "recommended"
        assert 1 not in [a["variant"] for a in d["assessments"]]
    if staging_verdict == "recommended":
        path = d["stage"].get("pathological") or {}
        path_stages = {path.get("anatomic"), path.get("prognostic")} - {None}
        assert (
            (anatomic in LATE)
            or (anatomic is None and stages and stages <= LATE)
            or (bounds and set(bounds["possible"]) <= LATE)
            or (path_stages & LATE)
        )
    if staging_verdict == "individualize":
        assert (stages & EARLY and stages & LATE and anatomic in EARLY | {"IIB"}) or d["stage"].get("pathological")
    if verdict == "undetermined":
        assert d["insufficient_data"]
    # issue 9: a pointer to the considerations points to something shown; assumptions are not missing data
    if d["order"] and "(see considerations)" in (d["order"]["note"] or ""):
        assert d["considerations"]
    assert not {a["field"] for a in d["assumptions"]} & {m["field"] for m in d["missing"]}
    for a in d["assessments"]:
        assert all(p["category"] and p["rrl"] for p in a["procedures"])
    # every explanation step and guidance item names its source
    assert all(e["source"] for e in d["explanation"])
    assert all(g["source"] for k in ("considerations", "next_steps", "pitfalls") for g in d[k])


@settings(max_examples=300, deadline=None)
@given(
    st.fixed_dictionaries(
        {
            name: st.sampled_from(sorted(KB.procedures) if values == "procedure_id" else list(values))
            for name, values in FEATURES.items()
        }
    )
)
def test_compiled_guidance_index_agrees_with_the_plain_rule(features: dict[str, str]) -> None:
    compiled = {kind: list(items) for kind, items in KB.guidance_index.select(features).items()}
    assert compiled == select(KB.guidance, features)


def test_memoised_decisions_equal_fresh_ones() -> None:
    """Order of evaluation and memo state must never change an answer."""
    payloads = generate(600, seed=11)
    load_knowledge.cache_clear()
    warm_kb = load_knowledge()
    for p in payloads:
        decide(warm_kb, load_facts(warm_kb, p))
    shuffled = payloads[:]
    random.Random(3).shuffle(shuffled)
    # A fresh knowledge object (empty memo) per group of 20, each decided in a shuffled order: ten
    # reloads instead of two hundred, and every answer still comes from a memo filled differently.
    for start in range(0, 200, 20):
        load_knowledge.cache_clear()
        fresh_kb = load_knowledge()
        for p in shuffled[start : start + 20]:
            fresh = decide(fresh_kb, load_facts(fresh_kb, p)).to_dict()
            warm = decide(warm_kb, load_facts(warm_kb, p)).to_dict()
            assert fresh == warm
    load_knowledge.cache_clear()


def test_negative_or_absent_symptoms_never_raise_a_red_flag() -> None:
    for p in generate(300, seed=5):
        p.pop("symptoms", None)
        p["labs"] = {"alkaline_phosphatase": {"value": 80, "uln": 120}, "ast": {"value": 20, "uln": 40}}
        d = evaluate(p)
        assert d["red_flags"] == [] and d["systemic_imaging"] != "targeted"
