"""Nothing is lost under concurrent requests, nor when the server is killed mid-load."""

from __future__ import annotations

import signal
import sqlite3
import threading
from pathlib import Path

import httpx

from conftest import patient

from .conftest import Server, start_server

CLIENTS, REQUESTS = 8, 25


def _hammer(url: str, n: int, ids: list[str], errors: list[str], stop: threading.Event | None = None) -> None:
    with httpx.Client(base_url=url, timeout=10) as c:
        for i in range(n):
            if stop is not None and stop.is_set():
                return
            try:
                r = c.post("/v1/evaluate", json=patient({"size_cm": round(0.5 + (i % 40) / 10, 1)}))
            except httpx.HTTPError as exc:
                errors.append(type(exc).__name__)
                continue
            if r.status_code == 200:
                ids.append(r.json()["decision_id"])
            else:
                errors.append(str(r.status_code))


def test_parallel_clients_every_decision_is_logged(tmp_path: Path) -> None:
    server = start_server(tmp_path)
    try:
        ids: list[str] = []
        errors: list[str] = []
        threads = [threading.Thread(target=_hammer, args=(server.url, REQUESTS, ids, errors)) for _ in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert len(ids) == len(set(ids)) == CLIENTS * REQUESTS
    finally:
        server.stop()
    db = sqlite3.connect(tmp_path / "log.db")
    assert db.execute("select count(*) from decisions").fetchone()[0] == CLIENTS * REQUESTS
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"


def kill_mid_load(server: Server, clients: int = 6, before_kill: int = 150) -> set[str]:
    """Put the server under load, kill -9 it with requests in flight; the ids it acknowledged."""
    ids: list[str] = []
    errors: list[str] = []
    stop = threading.Event()
    threads = [threading.Thread(target=_hammer, args=(server.url, 10_000, ids, errors, stop)) for _ in range(clients)]
    for t in threads:
        t.start()
    waited = threading.Event()
    while len(ids) < before_kill and not waited.wait(0.05):
        pass
    server.process.send_signal(signal.SIGKILL)
    server.process.wait(timeout=10)
    stop.set()
    for t in threads:
        t.join(timeout=30)
    acknowledged = set(ids)
    assert len(acknowledged) >= before_kill
    return acknowledged


def test_kill_mid_load_then_restart_keeps_every_acknowledged_decision(tmp_path: Path) -> None:
    server = start_server(tmp_path)
    acknowledged = kill_mid_load(server)
    restarted = start_server(tmp_path, database=server.database)
    try:
        with httpx.Client(base_url=restarted.url, timeout=10) as c:
            assert c.post("/v1/evaluate", json=patient()).status_code == 200  # still writable
    finally:
        restarted.stop()
    db = sqlite3.connect(tmp_path / "log.db")
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
    stored = {row[0] for row in db.execute("select id from decisions")}
    assert acknowledged <= stored, f"{len(acknowledged - stored)} acknowledged decisions lost"
