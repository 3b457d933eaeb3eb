"""Findings of the outside attack on the running service (red team, over real HTTP on 127.0.0.1).

Each test reproduced its finding before the fix:
- DNS rebinding: in development mode the service answered any Host header, so a web page on
  ``attacker.example`` (rebound to 127.0.0.1) could read decisions and post forms as same-origin;
- a FHIR server that trickles its answer held one CDS call for minutes (the 2 s timeout is per read).
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from conftest import ROOT, patient

from .conftest import ISSUER, Server, start_server, warmed
from .test_cds import SERVICE, fetching_request, reference_request


# ------------------------------------------------------------------------------------- DNS rebinding
def _decision_id(server: Server) -> str:
    facts = patient({"histology": "IDC", "size_cm": 1.8, "n": "N0", "m": "M0", "grade": 2, "er": "positive",
                     "pr": "positive", "her2": "negative"}, order="PET/CT")  # fmt: skip
    r = httpx.post(f"{server.url}/v1/evaluate", json=facts)
    assert r.status_code == 200, r.text
    return str(r.json()["decision_id"])


def test_development_mode_refuses_foreign_host_names(server: Server) -> None:
    """A browser page rebound to 127.0.0.1 sends its own name as Host (and Origin): refused."""
    decision_id = _decision_id(server)
    port = urlsplit(server.url).port
    evil = f"attacker.example:{port}"
    for path in (f"/v1/decisions/{decision_id}", f"/decisions/{decision_id}", f"/?from={decision_id}"):
        r = httpx.get(f"{server.url}{path}", headers={"Host": evil})
        assert r.status_code == 421, f"{path}: {r.status_code}"
        assert "N0" not in r.text and "1.8" not in r.text
    post = httpx.post(
        f"{server.url}/evaluate",
        data={"mode": "json", "json": "{}"},
        headers={"Host": evil, "Origin": f"http://{evil}"},
    )
    assert post.status_code == 421
    # the names a person on this machine types still work
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", "localhost", f"[::1]:{port}"):
        assert httpx.get(f"{server.url}/v1/decisions/{decision_id}", headers={"Host": host}).status_code == 200, host


# ---------------------------------------------------------------------------- a slow FHIR server
@contextmanager
def _raw_fhir_server(answer: Callable[[socket.socket, threading.Event], None]) -> Iterator[int]:
    """A loopback socket server that hands each connection to ``answer`` (with a stop event); its port."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    stop = threading.Event()

    def handle(conn: socket.socket) -> None:
        with conn:
            try:
                conn.recv(65536)
                answer(conn, stop)
            except OSError:
                return

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    try:
        yield int(sock.getsockname()[1])
    finally:
        stop.set()
        sock.close()


@pytest.fixture
def dripping_fhir() -> Iterator[int]:
    """A FHIR server that announces a body and then sends one byte a second."""

    def answer(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/fhir+json\r\nContent-Length: 1000\r\n\r\n")
        for _ in range(1000):
            if stop.wait(1.0):
                return
            conn.sendall(b" ")

    with _raw_fhir_server(answer) as port:
        yield port


@pytest.fixture(scope="module")
def fetching(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    env = {"RIGHTSCAN_FHIR_ALLOW_HTTP": "true", "RIGHTSCAN_FHIR_ALLOWED_HOSTS": '["127.0.0.1"]'}
    srv = start_server(tmp_path_factory.mktemp("drip"), env=env)
    yield srv
    srv.stop()


def test_a_trickling_fhir_server_cannot_hold_a_cds_call(fetching: Server, dripping_fhir: int) -> None:
    request = fetching_request(f"http://127.0.0.1:{dripping_fhir}/fhir")
    started = time.monotonic()
    r = httpx.post(f"{fetching.url}{SERVICE}", json=request, timeout=60)
    elapsed = time.monotonic() - started
    assert r.status_code == 412 and r.json()["error"]["field"] == "fhirServer"
    assert elapsed < 15, f"one CDS call waited {elapsed:.1f} s on its FHIR server (timeout 2 s)"


@pytest.fixture
def flooding_fhir() -> Iterator[int]:
    """A FHIR server that answers with 400 MB as fast as it can."""
    chunk = b" " * (1 << 20)

    def answer(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/fhir+json\r\n\r\n")
        for _ in range(400):
            if stop.is_set():
                return
            conn.sendall(chunk)

    with _raw_fhir_server(answer) as port:
        yield port


def _peak_rss_mb(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))) // 1024


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="reads the server's peak memory from /proc")
def test_a_flooding_fhir_server_cannot_fill_the_service_memory(fetching: Server, flooding_fhir: int) -> None:
    """Before the fix the whole answer was read into memory before the 5 MB cap was checked (600 MB of
    resident memory for one call, in 2 s)."""
    request = fetching_request(f"http://127.0.0.1:{flooding_fhir}/fhir")
    before = _peak_rss_mb(fetching.process.pid)
    r = httpx.post(f"{fetching.url}{SERVICE}", json=request, timeout=60)
    assert r.status_code == 412 and r.json()["error"]["field"] == "fhirServer"
    grown = _peak_rss_mb(fetching.process.pid) - before
    assert grown < 64, f"the service's peak memory grew by {grown} MB for one FHIR answer"


# ------------------------------------------------------------------- the session cookie behind TLS
PUBLIC = "https://rightscan.example.org"


@pytest.fixture(scope="module")
def behind_tls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, object]]:
    """A secured server as deployed behind a TLS proxy: public URL https, plain http on loopback."""
    from rightscan.adapters.security.testing import generate_key, jwks_json

    key = generate_key("ES384", kid="ehr-tls")
    tmp = tmp_path_factory.mktemp("tls")
    (tmp / "ehr-jwks.json").write_text(jwks_json(key))
    (tmp / "auth.yaml").write_text(f'issuers:\n  "{ISSUER}":\n    jwks_file: ehr-jwks.json\n')
    env = {"RIGHTSCAN_AUTH_CONFIG": str(tmp / "auth.yaml"), "RIGHTSCAN_PUBLIC_URL": PUBLIC}
    srv = start_server(tmp, env=env)
    yield srv, key
    srv.stop()


def test_session_cookie_is_secure_when_the_public_url_is_https(behind_tls: tuple[Server, object]) -> None:
    """The proxy ends TLS, so the app sees http; the browser sees https, and the cookie must never travel
    over plain http (before the fix it was set without ``Secure``)."""
    from rightscan.adapters.security.testing import make_claims, sign_token

    server, key = behind_tls
    token = sign_token(key, make_claims(ISSUER, f"{PUBLIC}/v1/evaluate", tenant="a"))  # type: ignore[arg-type]
    r = httpx.post(f"{server.url}/v1/evaluate", json=patient(), headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200, r.text
    link = urlsplit(r.json()["links"]["explanation"])
    assert f"{link.scheme}://{link.netloc}" == PUBLIC
    page = httpx.get(f"{server.url}{link.path}?{link.query}")
    assert page.status_code == 200
    cookie = page.headers["set-cookie"]
    assert "rightscan_session=" in cookie
    assert "secure" in cookie.lower().split("; "), cookie


# ------------------------------------------------------- free text read per CDS call, not per order
def test_free_text_of_many_orders_cannot_make_one_cds_call_slow(server: Server) -> None:
    """Before the fix the note limit held per draft order: 20 orders with 19,000 distinct characters of
    reason each (0.4 MB) took 45 s in one call. The orders' texts now share one budget per call."""
    request = reference_request("order-sign")
    pet = next(e for e in request["context"]["draftOrders"]["entry"] if e["resource"]["id"] == "pet-1")
    entries = []
    for i in range(20):
        order = json.loads(json.dumps(pet))
        order["resource"]["id"] = f"pet-{i}"
        text = f"Order {i}: staging requested. " + "No evidence of metastasis. " * 700
        order["resource"]["reasonCode"] = [{"text": text[:19_000]}]
        entries.append(order)
    request["context"]["draftOrders"]["entry"] = entries
    warmed(server.url)  # the call's own cost, not a wait for the reader's background build (fresh-clone CI: 20.3 s)
    started = time.monotonic()
    r = httpx.post(f"{server.url}{SERVICE}", json=request, timeout=120)
    elapsed = time.monotonic() - started
    assert r.status_code == 200, r.text[:200]
    assert len(r.json()["cards"]) >= 1
    # about 6 s on a quiet two-core machine, 10 s when other jobs share it; 45 s before the shared budget
    assert elapsed < 20, f"one CDS call took {elapsed:.1f} s on its orders' free text"


# ------------------------------------------------------------ keys the sender chose, in error fields
def test_error_fields_never_repeat_a_key_the_sender_chose(server: Server) -> None:
    """Keys that looked like codes or field names were echoed by text (``labs.janedoe_mrn4711``), and FHIR
    unknown elements always were (``prefetch.patient.janedoe_mrn4711``): now named by their place."""
    name = "janedoe_mrn4711"
    body = patient()
    body[name] = 1
    r = httpx.post(f"{server.url}/v1/evaluate", json=body)
    assert r.status_code == 422 and "4711" not in r.text, r.text
    r = httpx.post(f"{server.url}/v1/evaluate", json=patient(labs={name: 1}))
    assert r.status_code == 422 and "4711" not in r.text, r.text
    request = reference_request()
    request["prefetch"]["patient"][name] = 1
    r = httpx.post(f"{server.url}{SERVICE}", json=request)
    assert r.status_code == 400 and "4711" not in r.text, r.text


# ----------------------------------------------------------------------------- log noise per PDF
def test_a_handout_pdf_writes_no_log_lines(server: Server) -> None:
    """Each PDF wrote three WeasyPrint warnings about the service's own print CSS: a log that grows
    with every handout, with nothing an operator can act on."""
    decision_id = _decision_id(server)
    before = server.log().count("\n")
    r = httpx.get(f"{server.url}/decisions/{decision_id}/handout.pdf", timeout=60)
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    new_lines = server.log().splitlines()[before:]
    assert not [line for line in new_lines if "weasyprint" in line.lower()], new_lines[:3]


# -------------------------------------------------------------------------- long order names
def test_long_order_texts_cannot_make_one_cds_call_slow(server: Server) -> None:
    """The order resolver is linear in its text (about 14 us a character) and the CDS path did not bound
    it: 50 draft orders with 30,000-character names (1.5 MB) took 22 s. A study's name is never longer
    than the 200 characters the JSON input allows for ``order``; longer texts are not read."""
    request = reference_request("order-sign")
    pet = next(e for e in request["context"]["draftOrders"]["entry"] if e["resource"]["id"] == "pet-1")
    entries = []
    for i in range(50):
        order = json.loads(json.dumps(pet))
        order["resource"]["id"] = f"long-{i}"
        order["resource"]["code"] = {"text": f"{i} " + "a/" * 15_000}
        order["resource"].pop("reasonCode", None)
        entries.append(order)
    request["context"]["draftOrders"]["entry"] = entries
    warmed(server.url)  # the call's own cost, not a wait for the reader's background build (fresh-clone CI: 20.3 s)
    started = time.monotonic()
    r = httpx.post(f"{server.url}{SERVICE}", json=request, timeout=120)
    elapsed = time.monotonic() - started
    assert r.status_code == 200, r.text[:200]
    assert r.json()["cards"] == []  # nothing a clinician would recognise as a study: no advice
    assert elapsed < 8, f"one CDS call took {elapsed:.1f} s on its order names"


def test_many_codings_cannot_make_one_cds_call_slow(server: Server) -> None:
    """The same work spread over codings: one draft order with 7,000 codings whose 190-character displays
    name no study (1.7 MB) was read display by display."""
    request = reference_request("order-sign")
    pet = next(e for e in request["context"]["draftOrders"]["entry"] if e["resource"]["id"] == "pet-1")
    pet["resource"]["code"] = {
        "coding": [{"system": "http://example.org/local", "code": str(i), "display": f"{i} " + "a/" * 93}
                   for i in range(7_000)]
    }  # fmt: skip
    request["context"]["draftOrders"]["entry"] = [pet]
    started = time.monotonic()
    r = httpx.post(f"{server.url}{SERVICE}", json=request, timeout=120)
    elapsed = time.monotonic() - started
    assert r.status_code == 200, r.text[:200]
    assert elapsed < 8, f"one CDS call took {elapsed:.1f} s on one order's codings"


def test_many_orders_over_a_large_prefetch_stay_fast(server: Server) -> None:
    """50 draft orders over 3,800 Observations (1.8 MB) took 7.4 s in one call (each order alone: 0.15 s):
    the prefetch was validated and read again for every order. It is now read once per call, so 50 orders
    cost about what one order costs over the same prefetch. Measured as a ratio of two calls on the same
    server (each with resources it has not seen, so no memo answers), which the machine's load does not
    change much; the old behaviour was about 50 times slower."""

    def request(orders: int, tag: str) -> dict[str, Any]:
        req = reference_request("order-sign")
        observations = req["prefetch"]["observations"]["entry"]
        req["prefetch"]["observations"]["entry"] = [
            {**observations[i % len(observations)], "resource": {**observations[i % len(observations)]["resource"],
                                                                 "id": f"obs-{tag}-{i}"}}
            for i in range(3_800)
        ]  # fmt: skip
        pet = next(e for e in req["context"]["draftOrders"]["entry"] if e["resource"]["id"] == "pet-1")
        entries = []
        for i in range(orders):
            order = json.loads(json.dumps(pet))
            order["resource"]["id"] = f"pet-{i}"
            entries.append(order)
        req["context"]["draftOrders"]["entry"] = entries
        return req

    def timed(req: dict[str, Any]) -> float:
        started = time.monotonic()
        r = httpx.post(f"{server.url}{SERVICE}", json=req, timeout=120)
        elapsed = time.monotonic() - started
        assert r.status_code == 200, r.text[:200]
        assert len(r.json()["cards"]) >= 1
        return elapsed

    # one ordinary call first: the service's start-up warm-up (models, note reader) is not what is measured
    assert httpx.post(f"{server.url}{SERVICE}", json=reference_request("order-sign"), timeout=60).status_code == 200
    one = timed(request(1, "one"))
    fifty = timed(request(50, "fifty"))
    assert fifty < 10 * one + 0.5, f"50 orders took {fifty:.2f} s, one order {one:.2f} s over the same prefetch"


# ------------------------------------------------------------------------------------- second round
def test_a_post_a_browser_marks_cross_site_is_refused_even_without_origin(server: Server) -> None:
    """Fetch Metadata says where a post came from; a cross-site (or another-site) form post is refused
    whether or not an Origin header came with it."""
    form = {"age": "58", "sex": "female", "size_cm": "1.8", "order": "PET/CT"}
    for site in ("cross-site", "same-site"):
        r = httpx.post(f"{server.url}/evaluate", data=form, headers={"Sec-Fetch-Site": site})
        assert r.status_code == 403, site
    for site in ("same-origin", None):  # the page's own form, and a client that sends no metadata
        headers = {"Sec-Fetch-Site": site} if site else {}
        assert httpx.post(f"{server.url}/evaluate", data=form, headers=headers).status_code == 200, site


@pytest.fixture(scope="module")
def impatient(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = start_server(tmp_path_factory.mktemp("slow"), env={"RIGHTSCAN_REQUEST_READ_SECONDS": "2"})
    yield srv
    srv.stop()


def _closed_within(sock: socket.socket, seconds: float) -> bool:
    sock.settimeout(seconds)
    try:
        while True:
            data = sock.recv(4096)
            if not data:
                return True
    except TimeoutError:
        return False
    except OSError:
        return True


def test_slow_clients_cannot_hold_connections(impatient: Server) -> None:
    """Slowloris: a request whose headers, or whose body, never finish arriving held its connection (and
    a file descriptor) for as long as the client liked - over 70 s measured, with 1,000 at once. Each
    request now has RIGHTSCAN_REQUEST_READ_SECONDS to arrive whole; a slow but complete one is served."""
    port = int(urlsplit(impatient.url).port or 0)
    heads = socket.create_connection(("127.0.0.1", port))
    heads.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # the blank line never comes
    body = socket.create_connection(("127.0.0.1", port))
    body.sendall(b"POST /v1/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                 b"Content-Length: 1000\r\n\r\n{")  # fmt: skip
    trickle = socket.create_connection(("127.0.0.1", port))
    started = time.monotonic()
    for piece in (b"GET /healthz HTTP/1.1\r\n", b"Host: 127.0.0.1\r\n", b"X-Slow: 1\r\n"):
        trickle.sendall(piece)  # a byte now and then, each arriving before a keep-alive timeout
        time.sleep(0.9)
    try:
        assert _closed_within(heads, 5) and _closed_within(body, 5) and _closed_within(trickle, 5)
        assert time.monotonic() - started < 9
        slow_but_whole = socket.create_connection(("127.0.0.1", port))
        slow_but_whole.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        time.sleep(1)
        slow_but_whole.sendall(b"Connection: close\r\n\r\n")
        slow_but_whole.settimeout(5)
        assert slow_but_whole.recv(100).startswith(b"HTTP/1.1 200")
        assert httpx.get(f"{impatient.url}/healthz").status_code == 200
    finally:
        for s in (heads, body, trickle):
            s.close()


def test_api_documentation_is_not_served_in_production_mode(behind_tls: tuple[Server, object], server: Server) -> None:
    """With authentication on, the interactive API pages and the OpenAPI document (every route, every
    field) were served to anyone without a token; they stay available in development mode."""
    secured, _ = behind_tls
    for path in ("/docs", "/redoc", "/openapi.json", "/docs/oauth2-redirect"):
        assert httpx.get(f"{secured.url}{path}").status_code == 404, path
    assert httpx.get(f"{server.url}/openapi.json").status_code == 200


def test_csv_export_neutralises_formulas_behind_blanks_and_in_full_width(server: Server, tmp_path: Path) -> None:
    """A clinician's override comment is free text the EHR relays; a formula behind a blank, a line break
    or an invisible character, or written with a full-width sign, went out verbatim (only the first
    character was looked at)."""
    import subprocess

    from rightscan.adapters.store.export import spreadsheet_safe

    from .conftest import RIGHTSCAN

    card = httpx.post(f"{server.url}{SERVICE}", json=reference_request(), timeout=60).json()["cards"][0]
    comments = [' =HYPERLINK("http://x.example")', "\n=1+1", "\u200b@SUM(A1)", "\uff1dHYPERLINK(1)", "a = b is fine"]
    for i, comment in enumerate(comments):
        entry = {"card": card["uuid"], "outcome": "overridden", "overrideReason": {"userComment": comment},
                 "outcomeTimestamp": f"2026-11-26T10:20:{10 + i:02d}Z"}  # fmt: skip
        assert httpx.post(f"{server.url}{SERVICE}/feedback", json={"feedback": [entry]}, timeout=60).status_code == 200
    out = tmp_path / "feedback.csv"
    subprocess.run([RIGHTSCAN, "log", "export", "--database", server.database, "--table", "feedback", "-o", str(out)],
                   check=True, capture_output=True)  # fmt: skip
    # the comments are free text the log no longer keeps (attack pass 44): none reaches the export
    assert "HYPERLINK" not in out.read_text() and "a = b is fine" not in out.read_text()
    for comment in comments[:-1]:  # and formula-leading text in any cell is still neutralised
        assert spreadsheet_safe(comment) == "'" + comment, repr(comment)
    assert spreadsheet_safe("a = b is fine") == "a = b is fine"


@pytest.mark.parametrize(
    "written",
    [
        "New bo\u00adne pa\u00adin in the lower back for 3 weeks.",  # soft hyphens (word processors, PDFs)
        "New \uff42\uff4f\uff4e\uff45 \uff50\uff41\uff49\uff4e in the lower back for 3 weeks.",  # full-width letters
        "New \u202ebone pain\u202c in the lower back for 3 weeks.",  # a bidirectional override around the words
        "New bone\u0000pain in the lower back for 3 weeks.",  # NUL between the words
    ],
    ids=["soft-hyphen", "full-width", "bidi-override", "nul"],
)
def test_invisible_characters_cannot_hide_a_red_flag(server: Server, written: str) -> None:
    """Each of these reads as 'new bone pain in the lower back' to a clinician; the reader missed the red
    flag and the PET/CT was rated 'not recommended'. The evidence still points into the note as sent."""
    note = (ROOT / "examples" / "note_new_diagnosis.txt").read_text() + "\n" + written + "\n"
    r = httpx.post(f"{server.url}/v1/evaluate", json={"note": note, "order": "PET/CT"}, timeout=60)
    assert r.status_code == 200, r.text[:300]
    answer = r.json()
    assert answer["systemic_imaging"] != "not_recommended"
    assert answer["red_flags"], answer["summary"]
    for item in answer["extracted"]["evidence"]:
        if isinstance(item.get("start"), int):
            assert 0 <= item["start"] <= item["end"] <= len(note)


def test_an_ignored_code_is_shown_only_when_it_looks_like_a_code(server: Server) -> None:
    """A code RightScan does not know is named on the card ('unrecognised code ignored: system|code'), but
    the sender chooses that text: a name and record number put there were repeated on the card and in the
    log. A code that is not code-shaped (blanks, over 64 characters) is now named by its place instead."""
    request = reference_request()
    condition = request["prefetch"]["conditions"]["entry"][0]["resource"]
    condition["code"]["coding"][0]["code"] = "Jane Doe MRN 12345"
    request["prefetch"]["patient"]["gender"] = "Jane Doe MRN 12345"
    r = httpx.post(f"{server.url}{SERVICE}", json=request, timeout=60)
    assert r.status_code == 200, r.text[:300]
    assert "Jane Doe" not in r.text and "12345" not in r.text
    consult = r.json()["cards"][0]["links"][0]["url"].rsplit("/", 1)[-1].split("?")[0]
    logged = httpx.get(f"{server.url}/v1/decisions/{consult}")
    assert "Jane Doe" not in logged.text and "12345" not in logged.text
    decision = logged.json()["output"]["decisions"][0]["decision"]
    ignored = [x for x in decision["insufficient_data"] if x.startswith("unrecognised code ignored")]
    assert len(ignored) >= 2 and not any("Jane" in x for x in ignored)
    assert any("C50.412" in x for x in ignored) or any("icd-10-cm" in x for x in ignored)  # code-shaped: still named


def test_the_server_software_is_not_announced(server: Server) -> None:
    """Every answer said 'server: uvicorn': a version hunt needs no help."""
    for path in ("/healthz", "/no-such-page"):
        assert "server" not in httpx.get(f"{server.url}{path}").headers, path


def test_numbers_orjson_cannot_hold_are_refused_not_500(server: Server) -> None:
    """A 400-digit integer in a lab value: orjson refused it, the body fell back to the standard library's
    parser, passed FHIR validation (a decimal) and crashed the call with a 500; on that fallback the
    duplicate-key check was skipped too (a repeated 'hook' went through, the last one winning)."""
    text = json.dumps(reference_request())
    huge = text.replace('"value": 95,', '"value": ' + "9" * 400 + ",", 1)
    assert huge != text
    r = httpx.post(f"{server.url}{SERVICE}", content=huge, headers={"Content-Type": "application/json"}, timeout=60)
    assert r.status_code == 400, r.text[:200]
    assert r.json()["error"]["field"] == "(body)"
    repeated = huge.replace('"hook": "order-select"', '"hook": "order-select", "hook": "order-sign"', 1)
    r = httpx.post(f"{server.url}{SERVICE}", content=repeated, headers={"Content-Type": "application/json"}, timeout=60)
    assert r.status_code == 400, r.text[:200]
    for path in ("/v1/evaluate", SERVICE + "/feedback"):
        body = '{"age": ' + "9" * 400 + ', "tumor": {"size_cm": 1.8}}'
        r = httpx.post(f"{server.url}{path}", content=body, headers={"Content-Type": "application/json"}, timeout=60)
        assert r.status_code == 400, (path, r.text[:200])


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda lab: lab["valueQuantity"].update(value=20_000), "implausible value"),
        (lambda lab: lab.update(valueQuantity={**lab["valueQuantity"], "value": 480}, referenceRange=[]), "no range"),
        (lambda lab: lab["valueQuantity"].update(code="mmol/L", unit="mmol/L"), "units differ"),
    ],
    ids=["implausible", "no-reference-range", "units-differ"],
)
def test_a_lab_result_that_cannot_be_judged_does_not_decide_by_its_absence(
    server: Server, change: Callable[[dict[str, object]], None], why: str
) -> None:
    """The record holds an alkaline phosphatase result that RightScan cannot judge (20,000 U/L against a
    limit of 120, a result without a reference range, a range in another unit): the result was dropped
    and the PET/CT rated 'not recommended - no red flag', as if the test had never been done. An abnormal
    value would make it a red flag, so the answer is undetermined and names the lab."""
    request = reference_request()
    alp = next(e["resource"] for e in request["prefetch"]["labs"]["entry"] if e["resource"]["id"] == "lab-alp")
    change(alp)
    r = httpx.post(f"{server.url}{SERVICE}", json=request, timeout=60)
    assert r.status_code == 200, r.text[:300]
    consult = r.json()["cards"][0]["links"][0]["url"].rsplit("/", 1)[-1]
    decision = httpx.get(f"{server.url}/v1/decisions/{consult}").json()["output"]["decisions"][0]["decision"]
    assert decision["systemic_imaging"] == "undetermined", (why, decision["summary"])
    named = [x for x in decision["insufficient_data"] if x.startswith("labs.alkaline_phosphatase")]
    assert named
    # the fact to confirm reads as a sentence: no program value, and no invented result quoted as the record's
    assert "an abnormal result" in named[0]
    assert not any(mark in named[0] for mark in ("{", "'value'", "1000")), named[0]
    assert not any(c["indicator"] == "warning" for c in r.json()["cards"])
