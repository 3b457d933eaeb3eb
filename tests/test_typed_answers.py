"""Issue 12, item 2: a decision is made of typed parts, the JSON is rendered from them, and the
readers downstream (PAMA, the patient handout) read typed fields, never the prose."""

from __future__ import annotations

import copy

from conftest import patient
from rightscan.adapters.input_json import load_facts
from rightscan.api import decide_facts
from rightscan.domain.answer import OrderAssessment, Step, VariantRating
from rightscan.domain.knowledge import Knowledge, RedFlagRule
from rightscan.domain.model import MissingFact
from rightscan.domain.pama import pama_rating
from rightscan.interfaces.http import handout

UPSTAGED = {"tumor": {"grade": 2, "er": "negative", "pr": "negative"}, "pathology": {"t": "pT3", "n": "pN1a"}}
MORE_ADVANCED = "more advanced than it first seemed"


def _decide(kb: Knowledge, tumor: dict | None = None, **fields: object):  # type: ignore[no-untyped-def]
    return decide_facts(load_facts(kb, patient(tumor, **fields)), kb)


def test_a_decision_is_typed_and_its_json_is_rendered_from_the_types(kb: Knowledge) -> None:
    d = _decide(kb, symptoms=["bone_pain"], order="bone scan")
    assert all(isinstance(f, RedFlagRule) for f in d.red_flags) and d.red_flags
    assert all(isinstance(s, Step) for s in d.explanation)
    assert isinstance(d.order, OrderAssessment)
    assert all(isinstance(r, VariantRating) for r in d.order.rating.ratings)
    out = d.to_dict()
    assert out["red_flags"] == [f.as_dict for f in d.red_flags]
    assert out["explanation"][-1] == {"step": d.explanation[-1].text, "source": d.explanation[-1].source}
    assert out["order"]["procedure_id"] == d.order.procedure_id == "bone_scan"
    assert out["order"]["ratings"] == [r.as_dict() for r in d.order.rating.ratings]


def test_missing_facts_keep_their_clinical_name_apart_from_how_they_are_obtained(kb: Knowledge) -> None:
    d = _decide(kb, {"n": None})
    nodal = next(m for m in d.missing if m.field == "tumor.n")
    assert isinstance(nodal, MissingFact)
    assert nodal.short == "clinical nodal status (cN)"
    assert nodal.fact.startswith(nodal.short + ", from ")  # the contract's words are unchanged
    assert d.summary.endswith("insufficient data: clinical nodal status (cN)")
    assert d.insufficient_data == [m.text() for m in d.missing]


def test_pama_names_the_missing_fields_from_the_typed_list_not_from_the_prose(kb: Knowledge) -> None:
    d = _decide(kb, {"n": None, "grade": None}).to_dict()
    code, why = pama_rating(kb.pama, d)
    assert code is None
    assert why == "insufficient data: " + "; ".join(m["field"] for m in d["missing"])
    assert "tumor.n" in why
    reworded = {**d, "insufficient_data": ["the wording of a line may change: nothing reads it"]}
    assert pama_rating(kb.pama, reworded) == (code, why)


def test_the_handout_tells_of_pathologic_upstaging_from_the_decision_not_from_the_summary(kb: Knowledge) -> None:
    d = _decide(kb, UPSTAGED["tumor"], pathology=UPSTAGED["pathology"])
    assert d.pathologic_upstaging and d.systemic_imaging == "recommended"
    out = d.to_dict()
    reworded = {**out, "summary": "Post-operative systemic staging is recommended"}
    for version in (out, reworded):
        paragraphs = handout.build(kb, version, {}).verdict_paragraphs
        assert MORE_ADVANCED in paragraphs[0]


def test_the_handout_does_not_claim_upstaging_for_a_tumour_that_was_late_before_surgery(kb: Knowledge) -> None:
    d = _decide(kb, {"size_cm": 3.2, "n": "N2a", "grade": 3}, pathology={"t": "pT3", "n": "pN2a"})
    assert d.systemic_imaging == "recommended" and not d.pathologic_upstaging
    out = d.to_dict()
    worded = {**out, "summary": out["summary"] + " (no upstaging)"}  # the word alone changes nothing
    for version in (out, worded):
        paragraphs = handout.build(kb, version, {}).verdict_paragraphs
        assert MORE_ADVANCED not in paragraphs[0]


def test_the_handout_lists_what_is_missing_from_the_typed_fields(kb: Knowledge) -> None:
    out = _decide(kb, {"n": None}).to_dict()
    missing = handout._missing(out)
    assert any("lymph nodes under the arm" in m for m in missing)
    garbled = copy.deepcopy(out)
    garbled["insufficient_data"] = ["reworded line"]
    assert handout._missing(garbled) == missing


def test_the_card_names_a_missing_fact_by_its_clinical_name_from_the_knowledge(kb: Knowledge) -> None:
    from rightscan.adapters.cdshooks.cards import OrderOutcome, build

    d = _decide(kb, {"n": None}, order="PET/CT").to_dict()
    assert d["order"]["category"] is None  # not rated while cN is unknown
    nodal = next(m for m in d["missing"] if m["field"] == "tumor.n")
    name = kb.fact_words["tumor.n"].label  # "clinical nodal status (cN)"
    assert nodal["fact"] != name  # the decision says how the fact is obtained; the card names it only
    resource = {"resourceType": "ServiceRequest", "id": "o-1", "status": "draft", "intent": "order"}
    outcome = OrderOutcome("ServiceRequest/o-1", resource, d)
    kwargs = {"consult_id": "c-1", "explanation_url": "https://example.org/c-1", "qcdsm": None, "info_cards": True}
    [card] = build(kb, [outcome], **kwargs).response["cards"]
    assert card["summary"].endswith(f"not rated - missing {name}"), card["summary"]
    # a fact stated in words the knowledge does not hold is named as the decision states it
    reworded = copy.deepcopy(d)
    next(m for m in reworded["missing"] if m["field"] == "tumor.n")["fact"] = "nodes, from a reworded source"
    outcome = OrderOutcome("ServiceRequest/o-1", resource, reworded)
    [card] = build(kb, [outcome], **kwargs).response["cards"]
    assert "missing nodes, from a reworded source" in card["summary"]
