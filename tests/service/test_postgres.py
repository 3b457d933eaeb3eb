"""The decision log on PostgreSQL (CI starts a local server with .ci/postgres.sh)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from conftest import patient
from rightscan.adapters.store.db import DecisionStore, FeedbackRecord, make_engine

from .conftest import start_server
from .test_durability import _hammer, kill_mid_load

URL = os.environ.get("RIGHTSCAN_TEST_POSTGRES_URL")
if not URL and os.environ.get("CI"):
    pytest.fail("CI must provide RIGHTSCAN_TEST_POSTGRES_URL (.ci/postgres.sh)", pytrace=False)
pytestmark = pytest.mark.skipif(not URL, reason="set RIGHTSCAN_TEST_POSTGRES_URL to run the PostgreSQL tests")


@pytest.fixture
def pg_url() -> str:
    assert URL
    engine = make_engine(URL)
    with engine.begin() as conn:
        conn.execute(
            text("drop table if exists feedback, cards, decisions, seen_tokens, service_state, alembic_version cascade")
        )
    engine.dispose()
    return URL


def _count(url: str, table: str) -> int:
    engine = make_engine(url)
    with engine.connect() as conn:
        n = conn.execute(text(f"select count(*) from {table}")).scalar_one()
    engine.dispose()
    return int(n)


def test_concurrent_clients_on_postgres(tmp_path: Path, pg_url: str) -> None:
    server = start_server(tmp_path, database=pg_url)
    try:
        ids: list[str] = []
        errors: list[str] = []
        threads = [threading.Thread(target=_hammer, args=(server.url, 20, ids, errors)) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == [] and len(set(ids)) == 120
    finally:
        server.stop()
    assert _count(pg_url, "decisions") == 120


def test_kill_mid_load_on_postgres(tmp_path: Path, pg_url: str) -> None:
    acknowledged = kill_mid_load(start_server(tmp_path, database=pg_url), clients=4, before_kill=100)
    engine = make_engine(pg_url)
    with engine.connect() as conn:
        stored = {r[0] for r in conn.execute(text("select id from decisions"))}
    engine.dispose()
    assert acknowledged <= stored
    restarted = start_server(tmp_path, database=pg_url)
    try:
        assert httpx.post(f"{restarted.url}/v1/evaluate", json=patient(), timeout=10).status_code == 200
    finally:
        restarted.stop()


def test_feedback_is_idempotent_on_postgres(pg_url: str) -> None:
    store = DecisionStore(pg_url)
    store.migrate()
    try:
        entry = FeedbackRecord(
            card_uuid="c-1",
            service_id="rightscan-imaging",
            outcome="overridden",
            outcome_timestamp="2026-11-25T10:00:00Z",
            override_code="expert-contradicts",
        )
        assert store.submit_feedback([entry]).result(10) == 1
        assert store.submit_feedback([entry, entry]).result(10) == 0
        assert store.count("feedback") == 1
    finally:
        store.close()
