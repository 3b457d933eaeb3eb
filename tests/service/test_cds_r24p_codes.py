"""Round 24p over HTTP: a CDS draft order whose CPT code and own text or display name different studies asks (an
info card naming both studies, no PAMA rating), as the same order asks when written as text; a draft whose text
only adds detail to its code is rated as the code's study."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from .test_cds import SERVICE, _pet, reference_request

CPT = "http://www.ama-assn.org/go/cpt"


def _post(client: httpx.Client, code: dict[str, Any]) -> dict[str, Any]:
    request = reference_request()
    _pet(request)["code"] = code
    r = client.post(SERVICE, json=request)
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


@pytest.mark.parametrize(
    "code",
    [
        {"coding": [{"system": CPT, "code": "78815"}], "text": "Mammogram diagnostic bilateral"},
        {"coding": [{"system": CPT, "code": "78815", "display": "MRI of the brain"}]},
        {"coding": [{"system": CPT, "code": "78815"}], "text": "CT thorax"},
    ],
    ids=["text-names-a-study", "display-names-another-modality", "text-names-the-partner-alone"],
)
def test_a_draft_whose_code_and_words_disagree_is_not_rated_and_asks(
    client: httpx.Client, code: dict[str, Any]
) -> None:
    body = _post(client, code)
    assert "systemActions" not in body  # no PAMA rating travels on an order that does not say which study it is
    [card] = body["cards"]
    assert card["indicator"] == "info"
    assert "Usually Not Appropriate" not in card["summary"]
    assert "FDG-PET/CT" in card["summary"] + card.get("detail", "")  # the code's study is one of the choices


def test_a_draft_whose_words_agree_with_the_code_is_still_rated_as_the_code(client: httpx.Client) -> None:
    code = {"coding": [{"system": CPT, "code": "78815", "display": "PET/CT skull base to mid-thigh"}], "text": "PET/CT"}
    body = _post(client, code)
    [card] = body["cards"]
    assert card["indicator"] == "warning" and "Usually Not Appropriate" in card["summary"]
    assert len(body["systemActions"]) == 1


def test_the_same_disagreement_as_a_service_request_in_code_text_asks_too(client: httpx.Client) -> None:
    wrapped = json.dumps(
        {
            "resourceType": "ServiceRequest",
            "code": {"coding": [{"system": CPT, "code": "78815", "display": "MRI of the brain"}]},
        }
    )
    body = _post(client, {"text": wrapped})
    assert "systemActions" not in body
    assert [c["indicator"] for c in body["cards"]] == ["info"]
