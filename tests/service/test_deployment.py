"""Beyond one process, over real HTTP on 127.0.0.1 (issue 10: token audience, replays across workers and
instances, migrations, store failures, start-up refusals).

Before the fix: without --public-url the audience followed the Host header (a token minted for another
service passed); the replay cache was per process (with --workers 4 one token was accepted 4 times in
40); --workers 4 on a fresh SQLite file raced on the migration; an unwritable database gave a bare 500
while /healthz said ok; an unwritable -shm file killed the process with SIGBUS; --host 0.0.0.0 without
auth started with a warning only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from conftest import patient
from rightscan.adapters.security.testing import generate_key, jwks_json, make_claims, sign_token

from .conftest import RIGHTSCAN, Server, free_port, start_server, warmed

ISSUER = "https://ehr.example.org"
PUBLIC = "https://cds.example.org"  # what the EHR calls: a reverse proxy in front of every instance
FACTS = patient({"size_cm": 1.8, "n": "N0", "m": "M0", "er": "positive", "pr": "positive", "her2": "negative"})
POSTGRES = os.environ.get("RIGHTSCAN_TEST_POSTGRES_URL")


@pytest.fixture(scope="module")
def key():  # type: ignore[no-untyped-def]
    return generate_key("ES384", kid="ehr-es384")


def _auth_env(tmp: Path, key, public: str | None = PUBLIC) -> dict[str, str]:  # type: ignore[no-untyped-def]
    (tmp / "ehr-jwks.json").write_text(jwks_json(key))
    (tmp / "auth.yaml").write_text(f'issuers:\n  "{ISSUER}":\n    jwks_file: ehr-jwks.json\n')
    env = {"RIGHTSCAN_AUTH_CONFIG": str(tmp / "auth.yaml")}
    return env | ({"RIGHTSCAN_PUBLIC_URL": public} if public else {})


def _token(key, audience: str, tenant: str = "hospital-a") -> str:  # type: ignore[no-untyped-def]
    return sign_token(key, make_claims(ISSUER, audience, tenant=tenant))


def _evaluate(server: Server, token: str, host: str | None = None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} | ({"Host": host} if host else {})
    return httpx.post(f"{server.url}/v1/evaluate", json=FACTS, headers=headers, timeout=30)


def _serve(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("RIGHTSCAN_")} | env
    return subprocess.run(
        [RIGHTSCAN, "serve", *args], env=full_env, cwd=cwd, capture_output=True, text=True, timeout=60
    )


# ------------------------------------------------------------------ audience and start-up refusals
def test_auth_without_public_url_refuses_to_start(tmp_path: Path, key) -> None:  # type: ignore[no-untyped-def]
    result = _serve(["--port", str(free_port())], _auth_env(tmp_path, key, public=None), tmp_path)
    assert result.returncode == 2
    assert "RIGHTSCAN_PUBLIC_URL" in result.stderr and "Host header" in result.stderr


def test_audience_is_the_public_url_whatever_the_host_header(tmp_path: Path, key) -> None:  # type: ignore[no-untyped-def]
    server = start_server(tmp_path, env=_auth_env(tmp_path, key))
    try:
        # A token minted for another CDS service, sent with that service's Host header.
        other = _evaluate(server, _token(key, "https://other.example.org/v1/evaluate"), host="other.example.org")
        assert other.status_code == 401 and "audience mismatch" in other.text
        assert _evaluate(server, _token(key, f"{PUBLIC}/v1/evaluate")).status_code == 200
    finally:
        server.stop()


def test_non_loopback_bind_without_auth_needs_insecure(tmp_path: Path) -> None:
    port = free_port()
    refused = _serve(["--host", "0.0.0.0", "--port", str(port)], {}, tmp_path)
    assert refused.returncode == 2 and "--insecure" in refused.stderr
    server = start_server(tmp_path, args=("--host", "0.0.0.0", "--insecure"), port=port)  # later --host wins
    server.stop()


# ------------------------------------------------------------------ several workers, several instances
def test_two_workers_on_a_fresh_sqlite_file_refuse_a_replay(tmp_path: Path, key) -> None:  # type: ignore[no-untyped-def]
    server = start_server(tmp_path, env=_auth_env(tmp_path, key), args=("--workers", "2"))
    try:
        token = _token(key, f"{PUBLIC}/v1/evaluate")
        with ThreadPoolExecutor(16) as pool:  # fresh connections at once: both workers take some
            statuses = list(pool.map(lambda _: _evaluate(server, token).status_code, range(16)))
        assert sorted(statuses) == [200] + [401] * 15
        # A link made by either worker opens on both (one link secret, kept in the shared store).
        link = _evaluate(server, _token(key, f"{PUBLIC}/v1/evaluate")).json()["links"]["explanation"]
        assert link.startswith(f"{PUBLIC}/decisions/")  # built on the public URL, never on the Host header
        path = link.removeprefix(PUBLIC)
        with ThreadPoolExecutor(8) as pool:
            opened = list(pool.map(lambda _: httpx.get(f"{server.url}{path}", timeout=30).status_code, range(8)))
        assert opened == [200] * 8
    finally:
        server.stop()


def _shared_store(tmp_path: Path) -> str:
    if not POSTGRES:
        return f"sqlite:///{tmp_path / 'shared.db'}"
    from sqlalchemy import text

    from rightscan.adapters.store.db import make_engine

    engine = make_engine(POSTGRES)
    with engine.begin() as conn:
        conn.execute(
            text("drop table if exists feedback, cards, decisions, seen_tokens, service_state, alembic_version cascade")
        )
    engine.dispose()
    return POSTGRES


def test_two_instances_sharing_one_store_refuse_a_replay_sent_to_the_other(tmp_path: Path, key) -> None:  # type: ignore[no-untyped-def]
    database = _shared_store(tmp_path)
    env = _auth_env(tmp_path, key)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = start_server(tmp_path / "a", database=database, env=env)
    second = start_server(tmp_path / "b", database=database, env=env)
    try:
        token = _token(key, f"{PUBLIC}/v1/evaluate")
        answer = _evaluate(first, token)
        assert answer.status_code == 200
        replay = _evaluate(second, token)
        assert replay.status_code == 401 and "token replay" in replay.text
        # the decision made on the first opens on the second, through the card's signed link
        path = answer.json()["links"]["explanation"].removeprefix(PUBLIC)
        assert httpx.get(f"{second.url}{path}", timeout=30).status_code == 200
    finally:
        first.stop()
        second.stop()


# ------------------------------------------------------------------ store failures
def _immutable(*paths: Path, on: bool) -> bool:
    chattr = shutil.which("chattr")
    if chattr is None:
        return False
    result = subprocess.run([chattr, "+i" if on else "-i", *map(str, paths)], capture_output=True)
    return result.returncode == 0


def test_unwritable_store_answers_503_and_readyz_says_so(tmp_path: Path) -> None:
    server = start_server(tmp_path)
    db = tmp_path / "log.db"
    try:
        warmed(server.url)
        assert httpx.get(f"{server.url}/readyz").status_code == 200
        assert httpx.post(f"{server.url}/v1/evaluate", json=FACTS).status_code == 200
        files = [db, Path(f"{db}-wal")]  # not -shm: SQLite maps it, see the start-up test below
        if not _immutable(*files, on=True):
            pytest.skip("cannot make the database file unwritable here (chattr +i unavailable)")
        try:
            r = httpx.post(f"{server.url}/v1/evaluate", json=FACTS)
            assert r.status_code == 503 and r.json()["error"]["message"] == "decision log unavailable"
            ready = httpx.get(f"{server.url}/readyz")
            assert ready.status_code == 503 and "decision log unavailable" in ready.text
            assert httpx.get(f"{server.url}/healthz").status_code == 200  # alive, just not ready
        finally:
            _immutable(*files, on=False)
        time.sleep(0.2)
        assert httpx.get(f"{server.url}/readyz").status_code == 200  # and back once it is writable
        assert httpx.post(f"{server.url}/v1/evaluate", json=FACTS).status_code == 200
    finally:
        server.stop()
    assert server.process.returncode in (0, -15)  # stopped by us, not killed by a signal of its own


def test_unwritable_shm_file_stops_start_up_with_a_reason(tmp_path: Path) -> None:
    db = tmp_path / "log.db"
    start_server(tmp_path).stop()
    shm = Path(f"{db}-shm")
    shm.write_bytes(b"\0" * 32768)
    if not _immutable(shm, on=True):
        pytest.skip("cannot make the -shm file unwritable here (chattr +i unavailable)")
    try:
        result = _serve(["--port", str(free_port()), "--database", f"sqlite:///{db}"], {}, tmp_path)
    finally:
        _immutable(shm, on=False)
    assert result.returncode == 2 and "not writable" in result.stderr and "log.db-shm" in result.stderr


def test_database_file_is_private(tmp_path: Path) -> None:
    start_server(tmp_path).stop()
    for name in ("log.db", "log.db-wal", "log.db-shm"):
        path = tmp_path / name
        if path.exists():
            assert path.stat().st_mode & 0o077 == 0, name


# ------------------------------------------------------------------ organisation = issuer + tenant
def test_same_tenant_claim_from_another_issuer_sees_nothing(tmp_path: Path, key) -> None:  # type: ignore[no-untyped-def]
    other_issuer, other_key = "https://other-ehr.example.org", generate_key("ES384", kid="other")
    (tmp_path / "ehr-jwks.json").write_text(jwks_json(key))
    (tmp_path / "other-jwks.json").write_text(jwks_json(other_key))
    (tmp_path / "auth.yaml").write_text(
        f'issuers:\n  "{ISSUER}":\n    jwks_file: ehr-jwks.json\n  "{other_issuer}":\n    jwks_file: other-jwks.json\n'
    )
    env = {"RIGHTSCAN_AUTH_CONFIG": str(tmp_path / "auth.yaml"), "RIGHTSCAN_PUBLIC_URL": PUBLIC}
    server = start_server(tmp_path, env=env)
    try:
        decision_id = _evaluate(server, _token(key, f"{PUBLIC}/v1/evaluate")).json()["decision_id"]
        path = f"/v1/decisions/{decision_id}"

        def read(signing_key, issuer: str) -> int:  # type: ignore[no-untyped-def]
            token = sign_token(signing_key, make_claims(issuer, f"{PUBLIC}{path}", tenant="hospital-a"))
            return httpx.get(f"{server.url}{path}", headers={"Authorization": f"Bearer {token}"}).status_code

        assert read(other_key, other_issuer) == 404  # same tenant claim, another EHR
        assert read(key, ISSUER) == 200
    finally:
        server.stop()
