"""Fourth review of the running service as an attacker would probe it.

Each test reproduced its finding before the fix (see docs/security.md, fourth pass).
"""

from __future__ import annotations

import re
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

import httpx
import pytest
from sqlalchemy import event, select

from conftest import LoopbackHttp
from rightscan.adapters.security.testing import generate_key
from rightscan.adapters.store.db import READY_WRITE_SECONDS, DecisionStore, StoreError
from rightscan.adapters.store.schema import service_state

from .conftest import start_secured_server, start_server
from .test_access import _bearer, _decision
from .test_cds import SERVICE, fetching_request
from .test_deployment import _immutable


def _store(tmp_path: Path) -> DecisionStore:
    store = DecisionStore(f"sqlite:///{tmp_path / 'log.db'}")
    store.migrate()
    store.start()
    return store


# ------------------------------------------------------------------ readiness probes cost no write each
def test_a_flood_of_readiness_probes_writes_the_heartbeat_once(tmp_path: Path) -> None:
    """``/readyz`` needs no token (a load balancer calls it). Each call updated the heartbeat row, so anyone
    who could reach the port could make the decision log write as fast as they could send requests."""
    store = _store(tmp_path)
    writes: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        if "service_state" in statement and not statement.lstrip().upper().startswith("SELECT"):
            writes.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        for _ in range(200):
            store.check_ready()
        assert len(writes) == 1  # 200 probes within READY_WRITE_SECONDS: one heartbeat write
        with store.engine.connect() as conn:
            beat = conn.execute(select(service_state.c.value).where(service_state.c.name == "readiness")).scalar_one()
        assert beat  # the one write happened: the probe still proves the store takes a write
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
        store.close()


def test_a_store_that_stops_taking_writes_is_reported_at_once_not_after_the_pause(tmp_path: Path) -> None:
    """The pause between heartbeat writes must not hide a log gone read-only: the files are checked on every
    call, so a probe right after a good one already says 503."""
    store = _store(tmp_path)
    db = tmp_path / "log.db"
    try:
        store.check_ready()
        if not _immutable(db, on=True):  # the immutable flag stops root too, unlike a file mode
            pytest.skip("cannot make the database file unwritable here (chattr +i unavailable)")
        try:
            with pytest.raises(StoreError, match="not writable"):
                store.check_ready()
        finally:
            _immutable(db, on=False)
        store.check_ready()  # and ready again once it is writable
    finally:
        store.close()


def test_the_pause_between_heartbeats_is_short() -> None:
    """A probe learns of a store that fails in other ways (a full disk) within this many seconds."""
    assert 0 < READY_WRITE_SECONDS <= 2


# ------------------------------------------------------------------ a link of another organisation
def test_a_link_from_another_organisation_does_not_move_the_browser_into_it(tmp_path: Path) -> None:
    """A clinician signed in for hospital A opened a signed link someone of hospital B sent her: her session
    was replaced by one for B, and the next decision she made in the form was filed under B, readable by
    B's bearer tokens. Now the link opens B's page for that request only; her session stays A's."""
    key = generate_key("ES384", kid="ehr-es384")
    server = start_secured_server(tmp_path, key, env={"RIGHTSCAN_LINK_SECRET": "y" * 40})
    try:
        _, link_a = _decision(server, key, "hospital-a")
        b_id, link_b = _decision(server, key, "hospital-b")
        form = {"setting": "new_diagnosis", "tumor.size_cm": "1.5", "tumor.n": "N0"}
        with httpx.Client(base_url=server.url, timeout=30) as browser:
            assert browser.get(urlsplit(link_a).path + "?" + urlsplit(link_a).query).status_code == 200
            a_cookie = browser.cookies.get("rightscan_session")
            assert a_cookie
            # B's link shows B's decision (the link is valid) ...
            page = browser.get(urlsplit(link_b).path + "?" + urlsplit(link_b).query)
            assert page.status_code == 200
            # ... but the browser is still signed in for A only
            assert browser.cookies.get("rightscan_session") == a_cookie
            assert browser.get(f"/decisions/{b_id}/handout").status_code == 401
            token = re.search(r'name="csrf" value="([^"]+)"', browser.get("/").text)
            assert token
            made = browser.post("/evaluate", data={**form, "csrf": token.group(1)})
            assert made.status_code == 200, made.text[:300]
            new_id = re.search(r"/decisions/([0-9a-f-]{36})", made.text)
            assert new_id
        path = f"/v1/decisions/{new_id.group(1)}"
        as_b = httpx.get(f"{server.url}{path}", headers=_bearer(server, key, path, "hospital-b"), timeout=30)
        as_a = httpx.get(f"{server.url}{path}", headers=_bearer(server, key, path, "hospital-a"), timeout=30)
        assert as_b.status_code == 404  # the new decision is A's, not B's
        assert as_a.status_code == 200 and as_a.json()["tenant"].endswith("|hospital-a")
    finally:
        server.stop()


# ------------------------------------------------------------------ fetched prefetch: one budget per call
class _Large(BaseHTTPRequestHandler):
    """A FHIR server answering every search with a valid, empty Bundle padded with whitespace to 700 KB."""

    hits: ClassVar[int] = 0
    body = b'{"resourceType": "Bundle", "type": "searchset", "entry": []' + b" " * 700_000 + b"}"

    def do_GET(self) -> None:
        type(self).hits += 1
        self.send_response(200)
        self.send_header("Content-Type", "application/fhir+json")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args: Any) -> None:
        pass


def test_fetched_prefetch_answers_share_the_request_body_cap(tmp_path: Path) -> None:
    """A prefetch sent inline is capped at 2 MB (the body cap), but each fetched key could be 5 MB: a caller
    naming its own FHIR server handed the service 20 MB to decode per call, about a second of CPU. The
    answers of one call now share the body cap: four 700 KB answers are refused, naming the setting."""
    env = {"RIGHTSCAN_FHIR_ALLOW_HTTP": "true", "RIGHTSCAN_FHIR_ALLOWED_HOSTS": '["127.0.0.1"]'}
    server = start_server(tmp_path, env=env)
    fhir = LoopbackHttp(_Large)
    try:
        request = fetching_request(fhir.url("/fhir"), drop=("conditions", "observations", "labs", "procedures"))
        r = httpx.post(f"{server.url}{SERVICE}", json=request, timeout=60)
        assert r.status_code == 412, r.text[:300]
        error = r.json()["error"]
        assert error["field"] == "fhirServer" and "RIGHTSCAN_MAX_BODY_BYTES" in error["message"]
        assert _Large.hits == 3  # the fourth key is never asked for once the budget is spent
        # control: one such answer is within the budget, and the call is answered
        one = fetching_request(fhir.url("/fhir"), drop=("procedures",))
        assert httpx.post(f"{server.url}{SERVICE}", json=one, timeout=60).status_code == 200
    finally:
        fhir.stop()
        server.stop()
