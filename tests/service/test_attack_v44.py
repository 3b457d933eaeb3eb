"""Findings of the attack pass of 2026-12-04 (docs/security.md, "Attack pass 44"), over real HTTP on 127.0.0.1.

Each test reproduced its finding before the fix:
1. two draft ServiceRequests with one id got two contradictory PAMA ``update`` actions on one order;
2. feedback was not checked against its card: a suggestion id the card never offered was stored (and then
   shadowed the real one as a "repeat"), any override reason was stored, one card was recorded both accepted
   and overridden, and the clinician's free-text comment was kept in the log and returned by the API;
3. pages built their script and stylesheet URLs from the request's Host header;
4. handout PDFs were rendered without a cap or a cache (about 0.4 s of CPU each).
"""

from __future__ import annotations

import copy
from typing import Any

import httpx
import pytest

from .conftest import Server
from .test_cds import SERVICE, reference_request


def _error(r: httpx.Response) -> tuple[int, str]:
    return r.status_code, r.json()["error"]["field"]


# ------------------------------------------------------------------------ 1. repeated draft-order ids
def _with_second_pet(request: dict[str, Any]) -> dict[str, Any]:
    """The reference request with a second ServiceRequest ``pet-1`` (a breast ultrasound) appended."""
    entries = request["context"]["draftOrders"]["entry"]
    pet = next(e for e in entries if e["resource"]["id"] == "pet-1")
    us = copy.deepcopy(pet)
    us["resource"]["code"] = {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "76641"}]}
    entries.append(us)
    return request


@pytest.mark.parametrize("hook", ["order-select", "order-sign"])
def test_two_draft_orders_with_one_id_are_400_naming_the_repeated_id(server: Server, hook: str) -> None:
    request = _with_second_pet(reference_request(hook))
    at = len(request["context"]["draftOrders"]["entry"]) - 1
    r = httpx.post(f"{server.url}{SERVICE}", json=request, timeout=60)
    assert _error(r) == (400, f"context.draftOrders.entry[{at}].resource.id"), r.text[:300]
    assert "pet-1" not in r.text  # the id is named by its place, never echoed
    many = reference_request(hook)  # 50 copies of one entry: refused too, not 50 cards for one order
    pet = many["context"]["draftOrders"]["entry"][-1]
    many["context"]["draftOrders"]["entry"] = [copy.deepcopy(pet) for _ in range(50)]
    assert _error(httpx.post(f"{server.url}{SERVICE}", json=many, timeout=60)) == (
        400,
        "context.draftOrders.entry[1].resource.id",
    )


def test_one_id_selected_twice_is_400_and_distinct_ids_still_answer(server: Server) -> None:
    request = reference_request()
    request["context"]["selections"] = ["ServiceRequest/pet-1", "ServiceRequest/pet-1"]
    r = httpx.post(f"{server.url}{SERVICE}", json=request, timeout=60)
    assert _error(r) == (400, "context.selections[1]")
    request = _with_second_pet(reference_request("order-sign"))
    request["context"]["draftOrders"]["entry"][-1]["resource"]["id"] = "us-1"
    r = httpx.post(f"{server.url}{SERVICE}", json=request, timeout=60)
    assert r.status_code == 200
    updated = [a["resource"]["id"] for a in r.json()["systemActions"]]
    assert sorted(updated) == ["pet-1", "us-1"]
