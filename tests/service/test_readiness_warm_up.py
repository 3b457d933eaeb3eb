"""Readiness waits for the note reader: a load balancer that sends traffic once /readyz says 200 must not
send a note to a reader that is still being built (on a loaded machine that took longer than a client's
timeout). The app is served by uvicorn on 127.0.0.1 from a thread of this process, so the test can hold the
warm-up back for as long as it needs and release it."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import uvicorn

from rightscan.interfaces.http import app as app_module
from rightscan.settings import Settings

from .conftest import free_port

NOTE = "62F, new left breast IDC 1.6 cm, node negative, ER+ PR+ HER2-. No bone pain. Staging PET/CT?"


@contextmanager
def _served(tmp: Path) -> Iterator[str]:
    port = free_port()
    app = app_module.create_app(Settings(database_url=f"sqlite:///{tmp / 'log.db'}"))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the in-process server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        gc.unfreeze()  # the app's warm-up froze this test process's objects


def _held(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The app's warm-up waits for the returned event before it builds the reader."""
    gate = threading.Event()
    real: Callable[[threading.Event], None] = app_module._warm_up

    def held(done: threading.Event) -> None:
        gate.wait(60)
        real(done)

    monkeypatch.setattr(app_module, "_warm_up", held)
    return gate


def _wait_ready(url: str) -> httpx.Response:
    deadline = time.monotonic() + 60
    while True:
        r = httpx.get(f"{url}/readyz", timeout=5)
        if r.status_code == 200 or time.monotonic() > deadline:
            return r
        time.sleep(0.1)


def test_readyz_is_503_while_the_note_reader_is_built_and_200_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = _held(monkeypatch)
    with _served(tmp_path) as url:
        assert httpx.get(f"{url}/healthz").status_code == 200  # alive at once
        cold = httpx.get(f"{url}/readyz")
        assert cold.status_code == 503
        assert cold.json()["error"]["message"].startswith("warming up")
        assert cold.headers["retry-after"] == "1"
        head = httpx.head(f"{url}/readyz")
        assert head.status_code == 503 and head.content == b""
        gate.set()
        warm = _wait_ready(url)
        assert warm.status_code == 200 and warm.json()["status"] == "ready"
        # once ready, a note is read by a built reader: the answer comes well inside a client's timeout
        started = time.monotonic()
        r = httpx.post(f"{url}/v1/evaluate", json={"note": NOTE}, timeout=30)
        assert r.status_code == 200, r.text
        assert r.json()["extracted"]["facts"]["tumor"]["size_cm"] == 1.6
        assert time.monotonic() - started < 10


def test_a_failed_warm_up_does_not_keep_the_service_out_of_rotation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The warm-up is only an early start: if it fails, the first note builds the reader (or reports its
    error itself), and structured facts never needed it, so /readyz must not stay 503 for ever."""
    from rightscan.adapters import text

    def broken(rules_dir: str | None = None) -> None:
        raise RuntimeError("no reader here")

    monkeypatch.setattr(text, "warm_up", broken)
    with _served(tmp_path) as url:
        assert _wait_ready(url).status_code == 200
