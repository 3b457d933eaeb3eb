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
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from rightscan.adapters.security.testing import generate_key

from .conftest import RIGHTSCAN, Server, start_secured_server, start_server
from .test_cds import SERVICE, reference_request

HL7 = "http://terminology.hl7.org/CodeSystem/non-adherence-reason-codes"
NOW = "2026-12-04T12:00:00Z"


def _consult(server: Server) -> dict[str, Any]:
    """The reference order-select's first card (a warning with suggestions and override reasons)."""
    r = httpx.post(f"{server.url}{SERVICE}", json=reference_request(), timeout=60)
    assert r.status_code == 200, r.text[:300]
    card: dict[str, Any] = r.json()["cards"][0]
    assert card["indicator"] == "warning" and card["suggestions"] and card["overrideReasons"]
    return card


def _feedback(server: Server, *entries: dict[str, Any]) -> httpx.Response:
    body = {"feedback": [{"outcomeTimestamp": NOW, **e} for e in entries]}
    return httpx.post(f"{server.url}{SERVICE}/feedback", json=body, timeout=60)


def _error(r: httpx.Response) -> tuple[int, str]:
    return r.status_code, r.json()["error"]["field"]


def _logged(server: Server, card: dict[str, Any]) -> dict[str, Any]:
    decision_id = card["links"][0]["url"].rsplit("/", 1)[-1]
    r = httpx.get(f"{server.url}/v1/decisions/{decision_id}", timeout=30)
    assert r.status_code == 200
    return r.json()  # type: ignore[no-any-return]


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


# ------------------------------------------------------------------------ 2. feedback checked against its card
def test_a_suggestion_the_card_never_offered_is_422_and_cannot_shadow_the_real_one(server: Server) -> None:
    card = _consult(server)
    bogus = {"card": card["uuid"], "outcome": "accepted", "acceptedSuggestions": [{"id": "0" * 8 + "-bogus"}]}
    assert _error(_feedback(server, bogus)) == (422, "feedback[0].acceptedSuggestions[0].id")
    mixed = {**bogus, "acceptedSuggestions": [{"id": card["suggestions"][0]["uuid"]}, {"id": "nope"}]}
    assert _error(_feedback(server, mixed)) == (422, "feedback[0].acceptedSuggestions[1].id")
    real = {**bogus, "acceptedSuggestions": [{"id": card["suggestions"][0]["uuid"]}]}
    assert _feedback(server, real).json() == {"received": 1, "new": 1}
    assert _feedback(server, real).json() == {"received": 1, "new": 0}  # a true repeat
    # the idempotency key names the suggestions: accepting another one the card offered is a new event
    other = {**bogus, "acceptedSuggestions": [{"id": card["suggestions"][1]["uuid"]}]}
    assert _feedback(server, other).json() == {"received": 1, "new": 1}
    stored = [f["accepted_suggestions"] for f in _logged(server, card)["feedback"]]
    assert stored == [[{"id": card["suggestions"][0]["uuid"]}], [{"id": card["suggestions"][1]["uuid"]}]]


def test_an_override_reason_the_card_did_not_offer_is_422(server: Server) -> None:
    card = _consult(server)
    for reason in ({"system": "y", "code": "x", "display": "z"}, {"system": HL7, "code": "not-offered"},
                   {"system": "http://example.org/other", "code": "expert-contradicts"}):  # fmt: skip
        entry = {"card": card["uuid"], "outcome": "overridden", "overrideReason": {"reason": reason}}
        assert _error(_feedback(server, entry)) == (422, "feedback[0].overrideReason.reason"), reason
    offered = {"system": HL7, "code": "expert-contradicts", "display": "Zelda Quux wanted it"}
    entry = {"card": card["uuid"], "outcome": "overridden", "overrideReason": {"reason": offered}}
    assert _feedback(server, entry).json() == {"received": 1, "new": 1}
    (row,) = _logged(server, card)["feedback"]
    display = next(r["display"] for r in card["overrideReasons"] if r["code"] == "expert-contradicts")
    assert (row["override_code"], row["override_display"]) == ("expert-contradicts", display)  # the card's words


def test_one_card_is_never_recorded_both_accepted_and_overridden(server: Server) -> None:
    card = _consult(server)
    suggestion = card["suggestions"][0]["uuid"]
    accepted = {"card": card["uuid"], "outcome": "accepted", "acceptedSuggestions": [{"id": suggestion}]}
    reason = {"reason": {"system": HL7, "code": "cds-not-applicable"}}
    overridden = {"card": card["uuid"], "outcome": "overridden", "overrideReason": reason}
    # both in one call: refused whole, naming the second entry
    r = _feedback(server, accepted, overridden)
    assert _error(r) == (409, "feedback[1].card") and "one outcome" in r.json()["error"]["message"]
    assert _logged(server, card)["feedback"] == []
    assert _feedback(server, accepted).json()["new"] == 1
    later = {**overridden, "outcomeTimestamp": "2026-12-04T12:00:01Z"}
    assert _error(_feedback(server, later)) == (409, "feedback[0].card")
    assert [f["outcome"] for f in _logged(server, card)["feedback"]] == ["accepted"]


def test_the_clinicians_comment_is_neither_stored_nor_returned(server: Server) -> None:
    card = _consult(server)
    comment = "Zelda Quux pt declined"
    entry = {
        "card": card["uuid"],
        "outcome": "overridden",
        "overrideReason": {"reason": {"system": HL7, "code": "does-not-align-preferences"}, "userComment": comment},
    }
    assert _feedback(server, entry).json() == {"received": 1, "new": 1}
    record = _logged(server, card)
    assert "Zelda" not in str(record)
    (row,) = record["feedback"]
    assert row["comment_chars"] == len(comment) and "user_comment" not in row
    page = httpx.get(card["links"][0]["url"], timeout=30)
    assert page.status_code == 200 and "Zelda" not in page.text
    database = Path(server.database.removeprefix("sqlite:///"))
    for path in database.parent.glob(f"{database.name}*"):  # the database, its WAL and shared memory
        assert b"Zelda" not in path.read_bytes(), path.name


# ------------------------------------------------------------------------ 3. asset URLs and the Host header
@pytest.fixture(scope="module")
def secured(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = start_secured_server(tmp_path_factory.mktemp("v44-auth"), generate_key("ES384", kid="ehr-es384"))
    yield srv
    srv.stop()


def test_pages_never_build_asset_urls_from_the_host_header(secured: Server) -> None:
    for headers in ({"Host": "evil.example"}, {"X-Forwarded-Proto": "https"}, {}):
        r = httpx.get(f"{secured.url}/", headers=headers, timeout=30)
        assert r.status_code == 200
        for asset in ("rightscan.css", "htmx.min.js", "rightscan.js"):
            assert f'"/static/{asset}"' in r.text, (headers, asset)
        assert "evil.example" not in r.text and "://" not in r.text.split("<body", 1)[0].replace("data:,", "")


def test_static_files_are_revalidated_and_not_sniffed(server: Server) -> None:
    r = httpx.get(f"{server.url}/static/rightscan.css", timeout=30)
    assert r.status_code == 200
    assert r.headers["cache-control"] == "no-cache" and r.headers["x-content-type-options"] == "nosniff"


def test_serve_takes_the_proxy_addresses_to_trust() -> None:
    out = subprocess.run([RIGHTSCAN, "serve", "--help"], capture_output=True, text=True, check=True).stdout
    assert "--forwarded-allow-ips" in out


# ------------------------------------------------------------------------ 4. handout PDFs: cache and cap
def _decision(server: Server) -> str:
    facts = {"tumor": {"size_cm": 1.8}, "order": "PET/CT"}
    r = httpx.post(f"{server.url}/v1/evaluate", json=facts, timeout=60)
    assert r.status_code == 200, r.text[:300]
    return str(r.json()["decision_id"])


def _cpu_seconds(server: Server) -> float:
    """CPU time the server process has used so far (user + system, from /proc)."""
    fields = Path(f"/proc/{server.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_a_repeated_handout_pdf_is_the_same_bytes_from_the_cache(server: Server) -> None:
    decision_id = _decision(server)
    url = f"{server.url}/decisions/{decision_id}/handout.pdf"
    first = httpx.get(url, timeout=120)
    assert first.status_code == 200 and first.content.startswith(b"%PDF")
    before = _cpu_seconds(server)
    letter = httpx.get(url, params={"paper": "letter"}, timeout=120)  # another paper: rendered
    rendered = _cpu_seconds(server) - before
    assert letter.status_code == 200 and letter.content != first.content
    before = _cpu_seconds(server)
    again = [httpx.get(url, timeout=120) for _ in range(3)]
    kept = _cpu_seconds(server) - before
    assert all(r.status_code == 200 and r.content == first.content for r in again)
    # three repeats cost less than one render (before the fix each repeat was a render of about 0.4 s)
    assert kept < rendered, (kept, rendered)


@pytest.fixture(scope="module")
def no_renders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = start_server(tmp_path_factory.mktemp("v44-pdf"), env={"RIGHTSCAN_MAX_PDF_RENDERS": "0"})
    yield srv
    srv.stop()


def test_a_pdf_beyond_the_render_limit_is_503_with_retry_after(no_renders: Server) -> None:
    decision_id = _decision(no_renders)
    r = httpx.get(f"{no_renders.url}/decisions/{decision_id}/handout.pdf", timeout=60)
    assert r.status_code == 503 and r.headers["retry-after"].isdigit()
    assert "RIGHTSCAN_MAX_PDF_RENDERS" in r.json()["error"]["message"]
    assert r.headers["cache-control"] == "no-store"
    # the limit is on rendering only: an unknown decision is still 404, the HTML handout still served
    assert httpx.get(f"{no_renders.url}/decisions/{'0' * 8}-0000-4000-8000-{'0' * 12}/handout.pdf").status_code == 404
    assert httpx.get(f"{no_renders.url}/decisions/{decision_id}/handout", timeout=60).status_code == 200
