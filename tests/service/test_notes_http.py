"""Free text through the service: a note to /v1/evaluate, and order reasons filling gaps in CDS Hooks."""

from __future__ import annotations

import json

import httpx

from rightscan.application import fill_from_text

from .conftest import Server
from .test_cds import SERVICE, _rating, reference_request

NOTE = (
    "58F 1.8 cm G2 IDC L breast, ER+/PR+/HER2-, no palpable axillary LAD, LFTs/ALP WNL. "
    "New diagnosis. PET/CT for staging?"
)


def test_note_to_decision_with_extracted_evidence(client: httpx.Client, server: Server) -> None:
    r = client.post("/v1/evaluate", json={"note": NOTE})
    assert r.status_code == 200, r.text
    d = r.json()
    assert d["systemic_imaging"] == "not_recommended"
    assert d["order"]["procedure"] == "FDG-PET/CT Skull Base to Mid-Thigh"
    assert d["order"]["category"] == "Usually Not Appropriate"
    facts = d["extracted"]["facts"]
    assert facts["tumor"]["size_cm"] == 1.8 and facts["tumor"]["n"] == "N0"
    assert any(e["field"] == "tumor.size_cm" for e in d["extracted"]["evidence"])
    record = client.get(f"/v1/decisions/{d['decision_id']}").json()
    assert "LAD" not in json.dumps(record) and "WNL" not in json.dumps(record)  # coded facts only, never the text
    assert "axillary LAD" not in server.log()


def test_a_request_order_replaces_the_study_the_note_names_and_says_so(client: httpx.Client) -> None:
    # Issue 12 changed this (it was 422 here while the CLI replaced the study): every path now rates the
    # explicitly requested study and the answer names the study the note asked about.
    r = client.post("/v1/evaluate", json={"note": NOTE, "order": "bone scan"})
    assert r.status_code == 200, r.text
    d = r.json()
    assert d["order"]["procedure"] == "Bone Scan Whole Body"
    override = d["order_override"]
    assert override["used"] == "bone scan" and "PET" in override["input_order"]
    assert override["note"] == "the request's order replaced the order read in the note"
    assert list(d)[:3] == ["decision_id", "links", "order_override"]
    same = client.post("/v1/evaluate", json={"note": NOTE, "order": override["input_order"]}).json()
    assert "order_override" not in same


def test_note_request_validation(client: httpx.Client) -> None:
    assert client.post("/v1/evaluate", json={"note": ""}).status_code == 422
    r = client.post("/v1/evaluate", json={"note": NOTE, "extra": 1})
    assert r.status_code == 422 and r.json()["error"]["field"] == "{key 2}"  # the sender's key, by its place


def test_order_reason_text_fills_a_missing_nodal_status(client: httpx.Client) -> None:
    request = reference_request()
    bundle = request["prefetch"]["observations"]
    bundle["entry"] = [e for e in bundle["entry"] if "21906-3" not in json.dumps(e["resource"].get("code"))]
    pet = next(e["resource"] for e in request["context"]["draftOrders"]["entry"] if e["resource"]["id"] == "pet-1")
    pet["reasonCode"][0]["text"] = "staging of new left breast cancer; no palpable axillary lymphadenopathy"
    body = client.post(SERVICE, json=request).json()
    assert _rating(body["systemActions"][0]["resource"]) == "not-appropriate"
    decision_id = body["cards"][0]["links"][0]["url"].rsplit("/", 1)[-1]
    record = client.get(f"/v1/decisions/{decision_id}").json()
    assert "tumor.n" in record["facts"]["orders"][0]["from_text"]
    steps = [s["step"] for s in record["output"]["decisions"][0]["decision"]["explanation"]]
    assert any("free text" in s and "tumor.n" in s for s in steps)


def test_coded_data_always_wins_over_text() -> None:
    coded = {"setting": "new_diagnosis", "tumor": {"n": "N1", "size_cm": 2.5}, "symptoms": ["cough"]}
    text = {
        "setting": "surveillance",
        "tumor": {"n": "N0", "grade": 2},
        "symptoms": ["cough", "bone_pain"],
        "labs": {"alt": {"value": 30, "uln": 40}},
    }
    merged, filled, disagree = fill_from_text(coded, text)
    assert merged["setting"] == "new_diagnosis" and merged["tumor"]["n"] == "N1"
    assert merged["tumor"]["grade"] == 2 and merged["symptoms"] == ["cough", "bone_pain"]
    assert sorted(filled) == ["labs.alt", "symptoms.bone_pain", "tumor.grade"]
    assert sorted(disagree) == ["setting", "tumor.n"]
    assert coded == {"setting": "new_diagnosis", "tumor": {"n": "N1", "size_cm": 2.5}, "symptoms": ["cough"]}
