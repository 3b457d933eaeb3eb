"""Third outside attack on the running service (over real HTTP on 127.0.0.1).

Each test reproduced its finding before the fix (see docs/security.md, third pass).
"""

from __future__ import annotations

import json

import httpx
import pytest

from .conftest import Server
from .test_cds import SERVICE, reference_request

# Media types FastAPI reads as JSON besides the exact lower-case ``application/json``.
JSON_TYPES_FASTAPI_READS = ("Application/JSON", "APPLICATION/JSON; charset=utf-8", "application/fhir+json")


@pytest.mark.parametrize("content_type", JSON_TYPES_FASTAPI_READS)
def test_every_json_media_type_gets_the_strict_parser(server: Server, content_type: str) -> None:
    """The strict JSON reading (orjson: no NaN, no integer beyond 64 bits; no repeated key) was applied
    only when the header began with the exact text ``application/json``. FastAPI itself reads any
    ``application/*+json`` and the type in any letter case as JSON, with the standard library's parser:
    a 400-digit lab value in a CDS call then crashed it with a 500, and a repeated key went through."""
    text = json.dumps(reference_request())
    huge = text.replace('"value": 95,', '"value": ' + "9" * 400 + ",", 1)
    assert huge != text
    r = httpx.post(f"{server.url}{SERVICE}", content=huge, headers={"Content-Type": content_type}, timeout=60)
    assert r.status_code == 400, r.text[:200]
    assert r.json()["error"]["field"] == "(body)"
    repeated = text.replace('"hook": "order-select"', '"hook": "order-sign", "hook": "order-select"', 1)
    assert repeated != text
    r = httpx.post(f"{server.url}{SERVICE}", content=repeated, headers={"Content-Type": content_type}, timeout=60)
    assert r.status_code == 400, r.text[:200]
    assert r.json()["error"]["field"] == "hook"
    facts = '{"age": 58, "age": 30, "sex": "female", "tumor": {"size_cm": 1.8}}'
    r = httpx.post(f"{server.url}/v1/evaluate", content=facts, headers={"Content-Type": content_type}, timeout=60)
    assert r.status_code == 400, r.text[:200]
    assert r.json()["error"]["field"] == "age"
