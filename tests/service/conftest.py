"""A real RightScan server on 127.0.0.1 (subprocess), for tests over HTTP."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

RIGHTSCAN = shutil.which("rightscan", path=str(Path(sys.executable).parent)) or "rightscan"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str
    database: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def start_server(
    tmp: Path,
    database: str | None = None,
    env: dict[str, str] | None = None,
    args: tuple[str, ...] = (),
    port: int | None = None,
) -> Server:
    port = port or free_port()
    database = database or f"sqlite:///{tmp / 'log.db'}"
    log_path = tmp / f"server-{port}.log"
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("RIGHTSCAN_")} | (env or {})
    process = subprocess.Popen(
        [RIGHTSCAN, "serve", "--host", "127.0.0.1", "--port", str(port), "--database", database, *args],
        stdout=log_path.open("wb"),
        stderr=subprocess.STDOUT,
        env=full_env,
        cwd=tmp,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early:\n{log_path.read_text(errors='replace')}")
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                _settled(url, process)
                return Server(url, database, process, log_path)
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"server did not start:\n{log_path.read_text(errors='replace')}")


def _settled(url: str, process: subprocess.Popen[bytes], limit: float = 180) -> None:
    """Give the background build of the note reader time to finish before a test sends its first request: on a loaded
    machine it outlasts a request's 30 s timeout (a test's first note then timed out for a reason that is not its
    own). Best effort: a server whose /readyz says something else (no decision log, auth in front of it) or that stops
    is left to the test."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if "warming up" not in httpx.get(f"{url}/readyz", timeout=10).text:
                return
        except httpx.HTTPError:
            return
        time.sleep(0.2)


def warmed(url: str, limit: float = 180) -> None:
    """Wait until /readyz no longer says the note reader is warming up (it is built in the background after start-up:
    seconds, more on a loaded machine), for tests that probe readiness for another reason (the decision log)."""
    deadline = time.monotonic() + limit
    while "warming up" in httpx.get(f"{url}/readyz", timeout=10).text:
        if time.monotonic() > deadline:
            raise RuntimeError(f"the note reader was not built within {limit} s")
        time.sleep(0.2)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = start_server(tmp_path_factory.mktemp("srv"))
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def client(server: Server) -> Iterator[httpx.Client]:
    # the note reader is built in the background after start-up; on a loaded machine that outlasts a request's
    # timeout, so a test's first note or order reason waits for it here rather than inside its own call
    warmed(server.url)
    with httpx.Client(
        base_url=server.url, timeout=30
    ) as c:  # the first note read builds the reader (seconds on a loaded machine)
        yield c


ISSUER = "https://ehr.example.org"


def start_secured_server(tmp: Path, *keys: Any, env: dict[str, str] | None = None) -> Server:
    """A server with JWT authentication on: ``ISSUER`` trusted with the public halves of ``keys``, the
    public URL set to the server's own loopback address (the token audience), plus ``env``."""
    from rightscan.adapters.security.testing import jwks_json

    (tmp / "ehr-jwks.json").write_text(jwks_json(*keys))
    (tmp / "auth.yaml").write_text(f'issuers:\n  "{ISSUER}":\n    jwks_file: ehr-jwks.json\n')
    port = free_port()
    auth = {"RIGHTSCAN_AUTH_CONFIG": str(tmp / "auth.yaml"), "RIGHTSCAN_PUBLIC_URL": f"http://127.0.0.1:{port}"}
    return start_server(tmp, env=(env or {}) | auth, port=port)
