"""Faults found by an outside attack on the running service (issue 10), each over real HTTP on 127.0.0.1.

- Text the caller chooses and the decision log keeps in a bounded column (a CDS call's ``hookInstance``,
  a feedback's override reason) was accepted up to lengths the column cannot hold: on PostgreSQL the
  write failed and the caller got 503 "decision log unavailable" (after a failed group commit that other
  callers' decisions shared), on SQLite the text was stored whole. Such input is now 422 naming the field,
  on every store, as is a NUL character (U+0000), which PostgreSQL cannot store in text. Set
  ``RIGHTSCAN_TEST_POSTGRES_URL`` to run these on PostgreSQL as well.
- Each readiness probe (``/readyz``, no token needed) opened and closed the SQLite files to read their
  immutable flag; closing any descriptor of a file drops every POSIX lock the process holds on it,
  SQLite's own included. The next process to open the log (``rightscan log export``, a backup) then
  believed it was alone, checkpointed and deleted the WAL under the running service: decisions the
  service had acknowledged vanished from its own reads and from the file, and ``/readyz`` turned 503.
- Behind a TLS-ending proxy (public URL ``https``, plain http on loopback) the SMART launch cookie, which
  carries the launch's ``state``, was set without ``Secure``, unlike the session cookie.
"""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from conftest import patient

from .conftest import ISSUER, RIGHTSCAN, Server, start_server, warmed
from .test_cds import SERVICE, reference_request
from .test_smart_launch import CLIENT_ID, SmartServer

POSTGRES = os.environ.get("RIGHTSCAN_TEST_POSTGRES_URL")


def _fresh_postgres(url: str) -> str:
    from sqlalchemy import text

    from rightscan.adapters.store.db import make_engine

    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text("drop table if exists feedback, cards, decisions, seen_tokens, service_state, alembic_version cascade")
        )
    engine.dispose()
    return url


@pytest.fixture(
    scope="module",
    params=[
        "sqlite",
        pytest.param("postgresql", marks=pytest.mark.skipif(not POSTGRES, reason="set RIGHTSCAN_TEST_POSTGRES_URL")),
    ],
)
def any_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp(f"attack-{request.param}")
    database = _fresh_postgres(POSTGRES) if request.param == "postgresql" and POSTGRES else None
    srv = start_server(tmp, database=database)
    yield srv
    srv.stop()


def _call(server: Server, body: dict[str, Any]) -> httpx.Response:
    return httpx.post(f"{server.url}{SERVICE}", json=body, timeout=30)


def test_an_overlong_hook_instance_is_422_naming_it_not_a_store_failure(any_store: Server) -> None:
    """CDS Hooks makes ``hookInstance`` a UUID (36 characters); the log keeps up to 64. Before the fix 65 to
    100 characters were accepted: 503 "decision log unavailable" on PostgreSQL, stored whole on SQLite."""
    request = reference_request()
    request["hookInstance"] = "h" * 65
    r = _call(any_store, request)
    assert r.status_code == 422, r.text[:300]
    assert r.json()["error"]["field"] == "hookInstance"
    assert "h" * 65 not in r.text
    request["hookInstance"] = str(uuid.uuid4())  # control: a real one is answered
    assert _call(any_store, request).status_code == 200
    warmed(any_store.url)
    assert httpx.get(f"{any_store.url}/readyz").status_code == 200


@pytest.mark.parametrize(
    ("part", "length"),
    [("code", 65), ("system", 256), ("display", 256)],
)
def test_an_overlong_override_reason_is_422_naming_it_not_a_store_failure(
    any_store: Server, part: str, length: int
) -> None:
    """An override reason is a coding the EHR sends back; the log keeps its code (64), system and display
    (255 each). Longer ones gave 503 on PostgreSQL before the fix."""
    answer = _call(any_store, reference_request())
    assert answer.status_code == 200, answer.text
    card = answer.json()["cards"][0]["uuid"]
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def feedback(reason: dict[str, str]) -> httpx.Response:
        entry = {"card": card, "outcome": "overridden", "overrideReason": {"reason": reason}, "outcomeTimestamp": now}
        return httpx.post(f"{any_store.url}{SERVICE}/feedback", json={"feedback": [entry]}, timeout=30)

    reason = {"system": HL7_REASONS, "code": "expert-contradicts", "display": "Patient preference"}
    r = feedback({**reason, part: "x" * length})
    assert r.status_code == 422, r.text[:300]
    assert r.json()["error"]["field"].endswith(f"overrideReason.reason.{part}")
    ok = feedback({**reason, part: "y" * (length - 1)})  # control: within the column, never a store failure
    if part == "display":  # the card's own display is kept, whatever display the EHR sends
        assert ok.status_code == 200 and ok.json()["new"] == 1, ok.text
    else:  # a code or system the card did not offer (attack pass 44)
        assert ok.status_code == 422 and ok.json()["error"]["field"] == "feedback[0].overrideReason.reason", ok.text


NUL = "\u0000"
HL7_REASONS = "http://terminology.hl7.org/CodeSystem/non-adherence-reason-codes"


def test_a_nul_character_in_text_the_log_keeps_is_422_naming_the_field(any_store: Server) -> None:
    """PostgreSQL cannot store U+0000 in text: before the fix such a ``hookInstance``, feedback card id,
    override comment or reason answered 503 "decision log unavailable" there (and was stored on SQLite)."""
    request = reference_request()
    request["hookInstance"] = f"{uuid.uuid4()}{NUL}"
    r = _call(any_store, request)
    assert r.status_code == 422, r.text[:300]
    assert r.json()["error"]["field"] == "hookInstance"
    answer = _call(any_store, reference_request())
    assert answer.status_code == 200, answer.text[:300]
    card = answer.json()["cards"][0]["uuid"]
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    # an override reason the card offered (one it did not is refused 422 since attack pass 44)
    reason = {"system": HL7_REASONS, "code": "expert-contradicts"}
    cases = {
        "card": {"card": f"{card}{NUL}", "overrideReason": {"userComment": "seen"}},
        "userComment": {"card": card, "overrideReason": {"userComment": f"seen{NUL}"}},
        "code": {"card": card, "overrideReason": {"reason": {**reason, "code": f"x{NUL}"}}},
    }
    for field, entry in cases.items():
        body = {"feedback": [{"outcome": "overridden", "outcomeTimestamp": now, **entry}]}
        r = httpx.post(f"{any_store.url}{SERVICE}/feedback", json=body, timeout=30)
        assert r.status_code == 422, (field, r.text[:300])
        assert r.json()["error"]["field"].endswith(field)
    control = {"card": card, "overrideReason": {"userComment": "seen", "reason": reason}}
    ok = httpx.post(
        f"{any_store.url}{SERVICE}/feedback",
        json={"feedback": [{"outcome": "overridden", "outcomeTimestamp": now, **control}]},
        timeout=30,
    )
    assert ok.status_code == 200, ok.text[:300]


# ------------------------------------------------------------------ readiness probes and SQLite's locks
def test_readiness_probes_do_not_let_another_process_take_the_log_from_under_the_service(tmp_path: Path) -> None:
    """Before the fix: after one ``/readyz``, an export run beside the service deleted its WAL; the service
    then read back 12 of the 20 decisions it had acknowledged, and one was missing from the file."""
    server = start_server(tmp_path)
    ids: list[str] = []
    try:
        warmed(server.url)
        for _round in range(3):
            for _ in range(4):
                r = httpx.post(f"{server.url}/v1/evaluate", json=patient(), timeout=30)
                assert r.status_code == 200, r.text[:300]
                ids.append(r.json()["decision_id"])
            assert httpx.get(f"{server.url}/readyz", timeout=30).status_code == 200
            export = [RIGHTSCAN, "log", "export", "--database", server.database, "--table", "decisions", "-o", "-"]
            exported = subprocess.run(export, check=True, capture_output=True, text=True).stdout
            assert all(i in exported for i in ids)  # the other process sees every acknowledged decision
        read_back = [httpx.get(f"{server.url}/v1/decisions/{i}", timeout=30).status_code for i in ids]
        assert read_back == [200] * len(ids)
        assert httpx.get(f"{server.url}/readyz", timeout=30).status_code == 200
    finally:
        server.stop()
    with sqlite3.connect(tmp_path / "log.db") as con:
        assert con.execute("pragma integrity_check").fetchall() == [("ok",)]
        stored = {row[0] for row in con.execute("select id from decisions")}
    assert stored == set(ids)


# ------------------------------------------------------------------ the SMART launch cookie behind TLS
PUBLIC = "https://rightscan.example.org"


@pytest.fixture(scope="module")
def launcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, SmartServer]]:
    """A secured server deployed behind a TLS proxy (public URL https, plain http on loopback) that an EHR
    on loopback may launch."""
    from rightscan.adapters.security.testing import generate_key, jwks_json

    ehr = SmartServer()
    tmp: Path = tmp_path_factory.mktemp("launch-tls")
    (tmp / "ehr-jwks.json").write_text(jwks_json(generate_key("ES384", kid="ehr")))
    (tmp / "auth.yaml").write_text(f'issuers:\n  "{ISSUER}":\n    jwks_file: ehr-jwks.json\n')
    env = {
        "RIGHTSCAN_AUTH_CONFIG": str(tmp / "auth.yaml"),
        "RIGHTSCAN_PUBLIC_URL": PUBLIC,
        "RIGHTSCAN_LINK_SECRET": "s" * 40,
        "RIGHTSCAN_SMART_CLIENT_ID": CLIENT_ID,
        "RIGHTSCAN_SMART_ISSUERS": json.dumps({ehr.url("/fhir"): ISSUER}),
        "RIGHTSCAN_FHIR_ALLOWED_HOSTS": '["127.0.0.1"]',
    }
    srv = start_server(tmp, env=env)
    yield srv, ehr
    srv.stop()
    ehr.stop()


def test_the_launch_cookie_is_secure_when_the_public_url_is_https(launcher: tuple[Server, SmartServer]) -> None:
    """The launch cookie binds the EHR's answer to this browser; like the session cookie it must never
    travel over plain http when the browser reaches the service over https (before the fix it did)."""
    server, ehr = launcher
    launch_id = secrets.token_urlsafe(8)
    ehr.launches[launch_id] = ("pat-1", "hospital-a")
    start = httpx.get(f"{server.url}/launch", params={"iss": ehr.url("/fhir"), "launch": launch_id})
    assert start.status_code == 302, start.text[:300]
    assert start.headers["location"].startswith(ehr.url("/auth/authorize"))
    cookie = start.headers["set-cookie"]
    assert cookie.startswith("rightscan_launch=")
    attributes = [a.strip().lower() for a in cookie.split(";")]
    assert "secure" in attributes, cookie
    assert "httponly" in attributes
