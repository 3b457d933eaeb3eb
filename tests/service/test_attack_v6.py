"""Sixth pass on the running service, over real HTTP on 127.0.0.1: what the fifth pass noticed and left.

Each test reproduced its finding before the fix (see docs/security.md, sixth pass). Two of them look inside
the server (which memo a request filled, how often the note reader ran), so they serve the real app with
uvicorn in this process, still over a socket; the others start ``rightscan serve`` as the earlier passes do.
"""

from __future__ import annotations

import asyncio
import copy
import gc
import html
import json
import re
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

import httpx
import pytest
import uvicorn

from conftest import LoopbackHttp
from rightscan.adapters.security import smart
from rightscan.adapters.security.testing import generate_key, jwks_json, make_claims, sign_token
from rightscan.application import notes, resolved_study
from rightscan.interfaces.http import routes_web
from rightscan.interfaces.http.app import create_app
from rightscan.settings import Settings

from .conftest import ISSUER, Server, free_port, start_secured_server, start_server, warmed
from .test_access import _decision
from .test_deployment import _immutable

ROOT = Path(__file__).resolve().parents[2]
CLIENT_ID = "rightscan-attack-v6"
SERVICE = "/cds-services/rightscan-imaging"


# ------------------------------------------------------------------ a fake EHR that counts what it is asked
class _Ehr(BaseHTTPRequestHandler):
    """``/fhir``: a working SMART configuration, answered after ``delay`` seconds; ``/dead``: an EHR whose
    configuration fails (HTTP 500). Every request for a configuration is counted by path."""

    asked: ClassVar[dict[str, int]] = {}
    lock = threading.Lock()
    delay: ClassVar[float] = 0.3

    def do_GET(self) -> None:
        with self.lock:
            self.asked[self.path] = self.asked.get(self.path, 0) + 1
        if self.path.startswith("/dead/"):
            body, status = b'{"error": "down"}', 500
        else:
            time.sleep(self.delay)  # slow enough that a burst of launches overlaps one fetch
            port = self.server.server_address[1]
            body = json.dumps(
                {
                    "authorization_endpoint": f"http://127.0.0.1:{port}/auth/authorize",
                    "token_endpoint": f"http://127.0.0.1:{port}/auth/token",
                    "code_challenge_methods_supported": ["S256"],
                }
            ).encode()
            status = 200
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def ehr() -> Iterator[LoopbackHttp]:
    server = LoopbackHttp(_Ehr)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def key():  # type: ignore[no-untyped-def]
    return generate_key("ES384", kid="ehr-es384")


@pytest.fixture(scope="module")
def secured(tmp_path_factory: pytest.TempPathFactory, key, ehr: LoopbackHttp) -> Iterator[Server]:  # type: ignore[no-untyped-def]
    env = {
        "RIGHTSCAN_LINK_SECRET": "w" * 40,
        "RIGHTSCAN_SMART_CLIENT_ID": CLIENT_ID,
        "RIGHTSCAN_SMART_ISSUERS": json.dumps({ehr.url("/fhir"): ISSUER, ehr.url("/dead"): ISSUER}),
        "RIGHTSCAN_FHIR_ALLOWED_HOSTS": '["127.0.0.1"]',
        "RIGHTSCAN_FHIR_TIMEOUT": "2",
    }
    srv = start_secured_server(tmp_path_factory.mktemp("attack-v6"), key, env=env)
    yield srv
    srv.stop()


def _config_path(base: str) -> str:
    return base + smart.WELL_KNOWN


# ------------------------------------------------------------------ 1. /launch and the EHR's configuration
def test_the_launch_reads_an_ehrs_smart_configuration_once_not_on_every_call(
    secured: Server, ehr: LoopbackHttp
) -> None:
    """``/launch`` needs no credential, and it fetched ``{iss}/.well-known/smart-configuration`` on every
    call: anyone could make RightScan call an allowed EHR as often as they liked. Now the configuration is
    remembered per allowed issuer, and a burst of launches arriving together waits for one fetch."""
    iss = ehr.url("/fhir")

    async def burst() -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=secured.url, timeout=30) as c:
            calls = [c.get("/launch", params={"iss": iss, "launch": f"l{n}"}) for n in range(8)]
            return list(await asyncio.gather(*calls))

    answers = asyncio.run(burst())
    with httpx.Client(base_url=secured.url, timeout=30) as c:
        answers += [c.get("/launch", params={"iss": iss + "/", "launch": f"m{n}"}) for n in range(8)]
    assert [a.status_code for a in answers] == [302] * 16
    # every launch still went to the EHR's authorisation endpoint, each with its own state
    assert all(a.headers["location"].startswith(ehr.url("/auth/authorize?")) for a in answers)
    assert len({a.headers["location"] for a in answers}) == 16
    assert _Ehr.asked.get(_config_path("/fhir")) == 1


def test_a_dead_ehr_is_not_hammered_through_the_launch(secured: Server, ehr: LoopbackHttp) -> None:
    """An allowed EHR whose configuration fails: every launch still says so (502), but the failure is
    remembered briefly, so a flood of launches does not turn into a flood of requests to that EHR."""
    with httpx.Client(base_url=secured.url, timeout=30) as c:
        answers = [c.get("/launch", params={"iss": ehr.url("/dead"), "launch": "x"}) for _ in range(10)]
    assert [a.status_code for a in answers] == [502] * 10
    assert all("SMART configuration answered HTTP 500" in a.text for a in answers)
    assert _Ehr.asked.get(_config_path("/dead")) == 1


def test_an_issuer_that_is_not_allowed_is_neither_fetched_nor_remembered(secured: Server, ehr: LoopbackHttp) -> None:
    """Only configured issuers reach the cache: anything else is refused before any fetch (so the cache
    cannot be filled with names an attacker chose)."""
    with httpx.Client(base_url=secured.url, timeout=30) as c:
        for n in range(5):
            assert c.get("/launch", params={"iss": ehr.url(f"/other{n}"), "launch": "x"}).status_code == 403
    assert not [path for path in _Ehr.asked if path.startswith("/other")]


def test_remembered_configurations_expire_and_failures_expire_sooner() -> None:
    """The cache itself, on a clock the test moves: an answer is reused for ``DISCOVERY_TTL`` seconds, a
    failure for ``DISCOVERY_FAILURE_TTL``, and an issuer outside the allowed set is refused without a fetch."""
    now = [0.0]
    fetched: list[str] = []
    failing = {"https://down.example.org"}

    async def fetch(iss: str, policy: smart.Policy) -> smart.Endpoints:
        fetched.append(iss)
        if iss in failing:
            raise smart.SmartError(502, "the EHR's SMART configuration could not be reached")
        return smart.Endpoints(authorize=f"{iss}/authorize", token=f"{iss}/token")

    cache = smart.Discovery({"https://up.example.org", "https://down.example.org"}, fetch=fetch, timer=lambda: now[0])
    policy = smart.Policy()

    async def launches() -> None:
        for _ in range(3):
            assert (await cache.endpoints("https://up.example.org", policy)).token == "https://up.example.org/token"
            with pytest.raises(smart.SmartError, match="could not be reached") as refused:
                await cache.endpoints("https://down.example.org", policy)
            assert refused.value.status == 502
        assert fetched == ["https://up.example.org", "https://down.example.org"]
        now[0] += smart.DISCOVERY_FAILURE_TTL + 1  # the failure is forgotten, the answer is not
        await cache.endpoints("https://up.example.org", policy)
        with pytest.raises(smart.SmartError):
            await cache.endpoints("https://down.example.org", policy)
        assert fetched == ["https://up.example.org", "https://down.example.org", "https://down.example.org"]
        now[0] += smart.DISCOVERY_TTL  # now the answer is too
        await cache.endpoints("https://up.example.org", policy)
        assert fetched[-1] == "https://up.example.org" and len(fetched) == 4
        with pytest.raises(smart.SmartError) as other:
            await cache.endpoints("https://evil.example.org", policy)
        assert other.value.status == 403 and len(fetched) == 4

    assert 0 < smart.DISCOVERY_FAILURE_TTL < smart.DISCOVERY_TTL <= 3600
    asyncio.run(launches())


# ------------------------------------------------------------------ the app served in this process
class InProcess:
    """The real app, served by uvicorn on 127.0.0.1 from a thread of this process (so a test can look at
    the memos a request filled)."""

    def __init__(self, settings: Settings, port: int, key: Any) -> None:
        self.key = key  # the EHR's signing key, trusted by ``settings``
        self.app = create_app(settings)
        self.url = f"http://127.0.0.1:{port}"
        config = uvicorn.Config(self.app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the in-process server did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)
        gc.unfreeze()  # the app's warm-up froze this whole test process; later tests expect a collector as usual


@pytest.fixture(scope="module")
def in_process(tmp_path_factory: pytest.TempPathFactory, key) -> Iterator[InProcess]:  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("attack-v6-in-process")
    (tmp / "ehr-jwks.json").write_text(jwks_json(key))
    (tmp / "auth.yaml").write_text(f'issuers:\n  "{ISSUER}":\n    jwks_file: ehr-jwks.json\n')
    port = free_port()
    settings = Settings(
        database_url=f"sqlite:///{tmp / 'log.db'}",
        auth_config=tmp / "auth.yaml",
        public_url=f"http://127.0.0.1:{port}",
        link_secret="i" * 40,
    )
    server = InProcess(settings, port, key)
    yield server
    server.stop()


# ------------------------------------------------------------------ 2. the study hint and the decision memo
def test_study_hints_and_searches_cannot_fill_the_decision_memo(
    in_process: InProcess, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``/procedures/hint`` and ``/procedures/search`` need no credential, and each distinct text they read
    was kept in the knowledge base's memo, the one the decision engine keeps its sub-decisions in; at
    50,000 entries that memo is emptied whole. Anyone could flush it (every decision then rebuilt from
    scratch), and time a hint to learn whether an order text had been decided lately. Now the study field
    reads through a bounded cache of its own."""
    kb = in_process.app.state.engine.kb
    monkeypatch.setattr(routes_web, "LOOKUP_MEMO_SIZE", 16)
    with httpx.Client(base_url=in_process.url, timeout=30) as c:
        _decision(in_process, in_process.key, "hospital-a")  # type: ignore[arg-type]
        before = dict(kb.memo)
        marker = uuid.uuid4().hex[:8]
        for n in range(40):
            assert c.get("/procedures/hint", params={"order": f"pet ct {marker} {n}"}).status_code == 200
            assert c.get("/procedures/search", params={"q": f"bone scan {marker} {n}"}).status_code == 200
    assert not [k for k in kb.memo if marker in repr(k)], "a study-field text reached the decision memo"
    assert kb.memo.keys() >= before.keys()  # nothing the decision put there was dropped
    lookup = routes_web.lookup_knowledge(in_process.app)
    assert lookup is not kb and lookup.memo is not kb.memo
    assert 0 < len(lookup.memo) <= 16  # bounded: the oldest texts went


def test_the_study_field_reads_as_the_evaluation_does(in_process: InProcess) -> None:
    """The hint's own memo changes where a reading is kept, not what it says: the study the evaluator's
    resolver reads a text as is the study the hint names, and an unknown text gets suggestions instead."""
    kb = in_process.app.state.engine.kb
    texts = ["CT chest abdomen pelvis with contrast", "whole body bone scan", "PET/CT skull base to mid-thigh"]
    with httpx.Client(base_url=in_process.url, timeout=30) as c:
        for text in texts:
            study = resolved_study(kb, text)
            assert study is not None, text
            hint = c.get("/procedures/hint", params={"order": text}).text
            assert f"Read as <strong>{html.escape(study.name)}</strong>" in hint, (text, hint)
            assert c.get("/procedures/search", params={"q": text}).json()[0]["name"] == study.name
        unknown = c.get("/procedures/hint", params={"order": "scan of the breast region"}).text
    assert "Read as" not in unknown and "Did you mean" in unknown


# ------------------------------------------------------------------ 3. the order-reason memo, per organisation
def _bearer(base: str, key: Any, path: str, tenant: str | None = None) -> dict[str, str]:
    extra = {"tenant": tenant} if tenant else {}
    return {"Authorization": "Bearer " + sign_token(key, make_claims(ISSUER, f"{base}{path}", **extra))}


def test_an_order_reason_read_for_one_organisation_is_not_answered_from_memory_for_another(
    in_process: InProcess, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The memo of order-reason readings was keyed by the text alone and shared by every organisation: a
    reason read for hospital A was answered from memory, faster, when hospital B sent the same text, so B
    could learn by timing that A had sent it. Now the memo is keyed by organisation too (counted here by
    the reader's runs, not by time)."""
    runs: list[str] = []
    real = notes.read_note

    def counted(text: str) -> Any:
        runs.append(text)
        return real(text)

    monkeypatch.setattr(notes, "read_note", counted)
    request = json.loads((ROOT / "examples" / "cds_order_select.json").read_text())
    run = uuid.uuid4().hex[:8]  # organisations of this run only (the memo lives as long as the process)

    def consult(tenant: str) -> None:
        body = copy.deepcopy(request) | {"hookInstance": str(uuid.uuid4())}
        headers = _bearer(in_process.url, in_process.key, SERVICE, f"{tenant}-{run}")
        with httpx.Client(timeout=60) as c:
            r = c.post(in_process.url + SERVICE, json=body, headers=headers)
        assert r.status_code == 200, r.text[:300]
        assert r.json()["cards"], "the order was not rated"

    consult("hospital-a")
    assert len(runs) == 1  # the order's reason was read
    consult("hospital-a")
    assert len(runs) == 1  # and remembered for that organisation, as before
    consult("hospital-b")
    assert len(runs) == 2, "hospital B was answered from hospital A's reading"
    assert runs[0] == runs[1]


# ------------------------------------------------------------------ 4. the organisation a browser acts for
def test_the_form_names_the_organisation_a_link_signed_the_browser_in_for(tmp_path: Path, key) -> None:  # type: ignore[no-untyped-def]
    """A browser with no session takes the organisation of the first signed link it opens, and decisions made
    on the form are then filed under it; the form did not say which. Now it names the organisation
    (escaped: a tenant claim is the EHR's text) wherever the form is shown to a session."""
    tenant = "<b>St Mary's & Co</b>"
    server = start_secured_server(tmp_path, key, env={"RIGHTSCAN_LINK_SECRET": "z" * 40})
    try:
        _, link = _decision(server, key, tenant)
        with httpx.Client(base_url=server.url, timeout=30) as browser:
            anonymous = browser.get("/")
            assert anonymous.status_code == 200 and 'id="acting-for"' not in anonymous.text
            opened = browser.get(urlsplit(link).path + "?" + urlsplit(link).query)
            assert opened.status_code == 200
            page = browser.get("/")
        shown = re.search(r'<p id="acting-for"[^>]*>(.*?)</p>', page.text, re.S)
        assert shown, "the form does not say which organisation it files decisions under"
        assert f"{ISSUER}|&lt;b&gt;St Mary&#39;s &amp; Co&lt;/b&gt;" in shown.group(1)
        assert tenant not in page.text  # never unescaped
    finally:
        server.stop()


# ------------------------------------------------------------------ 5. HEAD on the probes
def _raw(url: str, request: bytes) -> bytes:
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as s:
        s.sendall(request)
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data


def test_load_balancer_probes_with_head_get_the_answer_of_get_without_a_body(tmp_path: Path) -> None:
    """``HEAD /healthz`` and ``HEAD /readyz`` answered 405, so a load balancer probing with HEAD would mark a
    healthy service down. They now answer as GET does (200, or 503 when the decision log cannot be
    written), with no body."""
    server = start_server(tmp_path)
    db = tmp_path / "log.db"
    try:
        warmed(server.url)
        for path in ("/healthz", "/readyz"):
            r = httpx.head(server.url + path)
            assert r.status_code == 200, (path, r.status_code)
            raw = _raw(server.url, f"HEAD {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
            head, _, body = raw.partition(b"\r\n\r\n")
            assert head.startswith(b"HTTP/1.1 200") and body == b"", (path, raw[:200])
        files = [db, Path(f"{db}-wal")]
        if not _immutable(*files, on=True):
            pytest.skip("cannot make the database file unwritable here (chattr +i unavailable)")
        try:
            assert httpx.head(f"{server.url}/readyz").status_code == 503
            assert httpx.head(f"{server.url}/healthz").status_code == 200  # alive, just not ready
        finally:
            _immutable(*files, on=False)
        time.sleep(1.2)  # the next readiness write
        assert httpx.head(f"{server.url}/readyz").status_code == 200
    finally:
        server.stop()


def test_other_methods_on_the_probes_are_still_refused(tmp_path: Path) -> None:
    server = start_server(tmp_path)
    try:
        for method in ("POST", "PUT", "DELETE"):
            assert httpx.request(method, f"{server.url}/healthz").status_code == 405
    finally:
        server.stop()
