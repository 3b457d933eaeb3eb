"""The response models the OpenAPI document declares describe what the routes really send (in-process)."""

from __future__ import annotations

import copy
import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conftest import ROOT, patient
from rightscan.adapters.cdshooks.models import DiscoveryResponse, HookResponse
from rightscan.interfaces.http.app import create_app
from rightscan.interfaces.http.schemas import Evaluated, Health, LoggedDecision, Procedure, Ready
from rightscan.settings import Settings


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    tmp: Path = tmp_path_factory.mktemp("models")
    app = create_app(Settings(database_url=f"sqlite:///{tmp / 'log.db'}"))
    with TestClient(app) as c:
        yield c


def test_service_and_api_answers_match_their_models(client: TestClient) -> None:
    Health.model_validate(client.get("/healthz").json())
    deadline = time.monotonic() + 180  # the note reader is built in the background after start-up
    while "warming up" in (ready := client.get("/readyz")).text and time.monotonic() < deadline:
        time.sleep(0.2)
    Ready.model_validate(ready.json())
    for row in client.get("/v1/procedures").json():
        Procedure.model_validate(row)
    r = client.post("/v1/evaluate", json=patient())
    assert r.status_code == 200, r.text
    answer = Evaluated.model_validate(r.json())
    assert answer.systemic_imaging == "not_recommended" and answer.stage.anatomic == "IA"
    logged = client.get(f"/v1/decisions/{answer.decision_id}")
    LoggedDecision.model_validate(logged.json())


def _hook() -> dict[str, object]:
    data = json.loads((ROOT / "tests" / "fixtures" / "fhir" / "reference_patient.json").read_text())
    return {
        "hook": "order-select",
        "hookInstance": str(uuid.uuid4()),
        "context": copy.deepcopy(data["context"]),
        "prefetch": copy.deepcopy(data["prefetch"]),
    }


def test_cds_answers_match_their_models(client: TestClient) -> None:
    DiscoveryResponse.model_validate(client.get("/cds-services").json())
    r = client.post("/cds-services/rightscan-imaging", json=_hook())
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    response = HookResponse.model_validate(r.json())
    assert response.cards[0].indicator == "warning"


def test_errors_keep_the_one_error_shape(client: TestClient) -> None:
    r = client.post("/cds-services/no-such-service", json=_hook())  # refused by the use case, rendered here
    assert r.status_code == 404 and r.json() == {
        "error": {"status": 404, "message": "unknown CDS service id", "field": "service_id"}
    }
    r = client.post("/v1/evaluate", json=patient(tumor={"size_cm": 40}))
    assert r.status_code == 422 and r.json()["error"]["field"] == "tumor.size_cm"
