"""Fourth review of the running service as an attacker would probe it.

Each test reproduced its finding before the fix (see docs/security.md, fourth pass).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import event, select

from rightscan.adapters.store.db import READY_WRITE_SECONDS, DecisionStore, StoreError
from rightscan.adapters.store.schema import service_state


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


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files; the file check is tested elsewhere")
def test_a_store_that_stops_taking_writes_is_reported_at_once_not_after_the_pause(tmp_path: Path) -> None:
    """The pause between heartbeat writes must not hide a log gone read-only: the files are checked on every
    call."""
    store = _store(tmp_path)
    try:
        store.check_ready()
        (tmp_path / "log.db").chmod(0o400)
        with pytest.raises(StoreError, match="not writable"):
            store.check_ready()
    finally:
        (tmp_path / "log.db").chmod(0o600)
        store.close()


def test_the_pause_between_heartbeats_is_short() -> None:
    """A probe learns of a store that fails in other ways (a full disk) within this many seconds."""
    assert 0 < READY_WRITE_SECONDS <= 2
