"""Ninth review of the running service as an attacker would probe it (docs/security.md, "Ninth pass").

The pass's two freezes are reader patterns, tested in tests/nlp/test_nlp_line_break_runs.py; here the readiness
probe under a lock held by another process.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from rightscan.adapters.store.db import READY_WAIT_SECONDS, READY_WRITE_SECONDS, DecisionStore, StoreError


def test_a_locked_store_is_reported_not_ready_within_a_probe_timeout(tmp_path: Path) -> None:
    """While another writer held the SQLite log's lock, /readyz answered 503 only after the writers' 10-second busy
    wait: a load balancer probing with a 1-5 s timeout saw a timeout, and each waiting probe held a thread."""
    store = DecisionStore(f"sqlite:///{tmp_path / 'log.db'}")
    store.migrate()
    store.start()
    holder = sqlite3.connect(tmp_path / "log.db", isolation_level=None)
    try:
        store.check_ready()  # ready while nobody holds the lock
        time.sleep(READY_WRITE_SECONDS + 0.1)  # the next probe writes its heartbeat again
        holder.execute("BEGIN EXCLUSIVE")
        started = time.monotonic()
        with pytest.raises(StoreError, match="not writable"):
            store.check_ready()
        waited = time.monotonic() - started
        assert READY_WAIT_SECONDS * 0.8 <= waited < READY_WAIT_SECONDS + 4  # not the 10-second busy wait
        holder.execute("ROLLBACK")
        store.check_ready()  # ready again once the lock is released
    finally:
        holder.close()
        store.close()
