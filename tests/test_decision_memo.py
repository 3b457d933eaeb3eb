"""The decision's memo (``decide``'s scenario, the clinical stage's core) never changes an answer.

A memoised answer is compared with the answer computed from an empty memo, on many generated patients
that share scenarios but differ in what is read per call (the size within one T band, the spelling of
the order, the laboratory values within one judgement); and a change in a fact that the answer depends
on changes the answer.
"""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Any

import pytest

from conftest import patient
from rightscan.adapters.input_json import load_facts
from rightscan.domain.decision import decide
from rightscan.domain.knowledge import Knowledge
from rightscan.domain.model import InputError

ORDERS = ["PET/CT", "pet ct", "PET-CT", "bone scan", "Bone Scan", "CT CAP", "78815", "US Axilla", "breast MRI", None]


def _generated(n: int, seed: int) -> list[dict[str, Any]]:
    """Varied patients, many of them sharing all but one or two facts: a few tumours (in the same T band,
    sizes differ) each met with many combinations of the other facts, so that a memo key missing a fact
    would hand one patient another's answer."""
    rng = random.Random(seed)
    tumors = _tumors(8, rng)
    out = []
    for _ in range(n):
        tumor = dict(rng.choice(tumors))
        if "size_cm" in tumor and "t" not in tumor:
            tumor["size_cm"] = rng.choice(SAME_BAND[tumor["size_cm"]])
        if rng.random() < 0.3:  # the same tumour but for one fact
            name, values = rng.choice(ONE_FACT)
            tumor[name] = rng.choice(values)
        out.append(_patient(tumor, rng))
    return out


ONE_FACT = [
    ("grade", [1, 2, 3]),
    ("her2", ["negative", "equivocal", "positive"]),
    ("er", ["positive", "negative"]),
    ("pr", ["positive", "negative"]),
    ("n", ["N0", "N1", "N2a"]),
    ("m", ["M0", "M1"]),
    ("histology", ["IDC", "ILC", "NOS"]),
]
SAME_BAND = {1.2: [1.2, 1.5, 1.9], 2.4: [2.4, 3.0, 4.8], 5.1: [5.1, 6.0], 0.8: [0.6, 0.8]}


def _tumors(n: int, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for _ in range(n):
        tumor: dict[str, Any] = {"histology": rng.choice(["IDC", "ILC", "DCIS", "NOS", None])}
        r = rng.random()
        if r < 0.6:
            tumor["size_cm"] = rng.choice(list(SAME_BAND))
        elif r < 0.75:
            tumor["t"] = rng.choice(["T1", "T2", "T3", "T4b", "cT1c"])
            if rng.random() < 0.5:
                tumor["size_cm"] = rng.choice([1.5, 2.5, 6.0])  # sometimes contradicting the stated T
        elif r < 0.8:
            tumor["inflammatory"] = True
        tumor["n"] = rng.choice(["N0", "N0", "N1", "N1mi", "N2a", None])
        if rng.random() < 0.3:
            tumor["m"] = rng.choice(["M0", "M1"])
        tumor["grade"] = rng.choice([1, 2, 3, None])
        tumor["er"] = rng.choice(["positive", "negative", None])
        tumor["pr"] = rng.choice(["positive", "negative", None])
        tumor["her2"] = rng.choice(["positive", "negative", "equivocal", None])
        out.append({k: v for k, v in tumor.items() if v is not None})
    return out


def _patient(tumor: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    p: dict[str, Any] = {"tumor": tumor}
    setting = rng.choice(["new_diagnosis"] * 5 + ["surveillance", "suspected_local_recurrence", None])
    if setting:
        p["setting"] = setting
    if rng.random() < 0.3:
        p["prior_surgery"] = rng.choice(["bct", "mastectomy"])
    if rng.random() < 0.2:
        p["symptoms"] = rng.sample(["bone_pain", "headache", "cough", "jaundice"], rng.randint(1, 2))
    labs: dict[str, Any] = {}
    if rng.random() < 0.8:
        labs["alkaline_phosphatase"] = {"value": rng.choice([60, 90, 130, 150, 300]), "uln": 120}
    if rng.random() < 0.5:
        labs["ast"] = {"value": rng.choice([20, 35, 150]), "uln": 40}
    if labs:
        p["labs"] = labs
    if rng.random() < 0.15:
        p["tumor_markers"] = {"ca15_3": {"value": rng.choice([10, 80]), "uln": 30}}
    if rng.random() < 0.25:
        p["pathology"] = {"t": rng.choice(["pT1c", "pT2", "pT3"]), "n": rng.choice(["pN0", "pN1a", "pN2a"])}
    if rng.random() < 0.1:
        p["patient_preference"] = "requests_imaging"
    order = rng.choice(ORDERS)
    if order:
        p["order"] = order
        if rng.random() < 0.25:
            p["purpose"] = rng.choice(["systemic", "locoregional", "red_flags"])
    return p


def _answer(kb: Knowledge, payload: dict[str, Any]) -> dict[str, Any] | str:
    try:
        return decide(kb, load_facts(kb, payload)).to_dict()
    except InputError as exc:
        return f"error: {exc}"


def test_memoised_answers_equal_answers_from_an_empty_memo(kb: Knowledge) -> None:
    payloads = _generated(2000, seed=23)
    for p in payloads:  # fill the memo from every patient, in one order
        _answer(kb, p)
    order = list(range(len(payloads)))
    random.Random(5).shuffle(order)
    answered = 0
    fresh_kb = replace(kb, memo={})  # the same knowledge, its own memo
    for i in order:
        memoised = _answer(kb, payloads[i])
        fresh_kb.memo.clear()
        fresh = _answer(fresh_kb, payloads[i])
        assert memoised == fresh, payloads[i]
        answered += not isinstance(fresh, str)
    assert answered > 1200  # most generated patients are valid: the comparison is about answers


def test_tumours_in_one_t_band_share_the_stage_but_each_answer_quotes_its_own_size(kb: Knowledge) -> None:
    small = _answer(kb, patient({"size_cm": 1.2}))
    larger = _answer(kb, patient({"size_cm": 1.9}))
    assert isinstance(small, dict) and isinstance(larger, dict)
    assert small["stage"] == larger["stage"] and small["stage"]["t"] == "cT1c"
    assert "1.2 cm" in small["explanation"][0]["step"] and "1.9 cm" in larger["explanation"][0]["step"]
    assert "1.9 cm" not in small["explanation"][0]["step"]
    # a size across the band changes the stage, memo or not
    t2 = _answer(kb, patient({"size_cm": 2.1}))
    assert isinstance(t2, dict) and t2["stage"]["t"] == "cT2" and t2["stage"] != small["stage"]


def test_one_study_spelt_two_ways_shares_the_rating_but_each_answer_names_its_own_text(kb: Knowledge) -> None:
    a = _answer(kb, patient(order="PET/CT"))
    b = _answer(kb, patient(order="pet ct"))
    assert isinstance(a, dict) and isinstance(b, dict)
    assert a["order"]["procedure_id"] == b["order"]["procedure_id"]
    assert (a["order"]["requested"], b["order"]["requested"]) == ("PET/CT", "pet ct")
    assert a["explanation"][-1]["step"].startswith("Order 'PET/CT'")
    assert b["explanation"][-1]["step"].startswith("Order 'pet ct'")
    assert a["explanation"][:-1] == b["explanation"][:-1]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"labs": {"alkaline_phosphatase": {"value": 400, "uln": 120}}}, "systemic_imaging"),
        ({"symptoms": ["bone_pain"]}, "red_flags"),
        ({"tumor": {**patient()["tumor"], "n": "N2a"}}, "systemic_imaging"),
        ({"order": "bone scan"}, "order"),
    ],
)
def test_a_change_in_a_decisive_fact_changes_the_memoised_answer(
    kb: Knowledge, change: dict[str, Any], field: str
) -> None:
    before = _answer(kb, patient())
    after = _answer(kb, {**patient(), **change})
    again = _answer(kb, patient())
    assert isinstance(before, dict) and isinstance(after, dict)
    assert before[field] != after[field]
    assert again == before  # the other patient's scenario did not leak into this one


def test_json_lines_from_a_scenarios_serialised_parts_equal_plain_serialisation(kb: Knowledge) -> None:
    """The writer serialises a scenario's shared parts once and splices in each decision's own (the T
    step, the order's text and reading, the order's step): the bytes equal serialising the whole answer,
    with and without an ``order_override`` note, for the first and every later decision of a scenario."""
    import orjson

    from rightscan.adapters.batch import JsonLinesWriter
    from rightscan.application.core import with_override

    writer = JsonLinesWriter()
    override = {"input_order": "PET/CT", "used": "bone scan", "note": "--order replaced the order given in the input"}
    checked = 0
    for p in _generated(600, seed=41) * 3:  # each patient three times: first sighting, then the shared parts
        try:
            decision = decide(kb, load_facts(kb, p))
        except InputError:
            continue
        plain = decision.to_dict()
        assert writer.encode(decision) == orjson.dumps(plain) + b"\n"
        assert writer.encode(decision, override) == orjson.dumps(with_override(override, plain)) + b"\n"
        checked += 1
    assert checked > 1000


def test_changing_one_answer_leaves_the_next_patients_answer_alone(kb: Knowledge) -> None:
    """Answers share their scenario's parts; a caller that edits its answer's stage block (a top-level
    key) does not change the answer given to the next patient of the same scenario."""
    first = _answer(kb, patient())
    assert isinstance(first, dict)
    anatomic = first["stage"]["anatomic"]
    first["stage"]["anatomic"] = "edited by the caller"
    first["stage"]["added"] = True
    again = _answer(kb, patient({"size_cm": 1.7}))  # same scenario, another size
    assert isinstance(again, dict)
    assert again["stage"]["anatomic"] == anatomic and "added" not in again["stage"]
