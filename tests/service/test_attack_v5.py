"""Fifth attack on the running service, over real HTTP on 127.0.0.1, as an outsider and as a curious
insider of another organisation would probe it.

Each test reproduced its finding before the fix (see docs/security.md, fifth pass).
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any, ClassVar

import httpx
import pytest

from conftest import LoopbackHttp
from rightscan.adapters.security.testing import generate_key, make_claims, sign_token

from .conftest import ISSUER, Server, start_secured_server
from .test_access import _bearer, _decision

CLIENT_ID = "rightscan-attack-v5"


class _Trickle(BaseHTTPRequestHandler):
    """An EHR whose SMART endpoints answer a byte at a time: each read arrives well within the fetch
    timeout, the whole answer never does (a stuck or hostile server behind an allowed ``iss``)."""

    gap: ClassVar[float] = 0.4
    release = threading.Event()  # set when the test ends: the handler stops trickling

    def do_GET(self) -> None:
        body = b'{"authorization_endpoint": "http://127.0.0.1:1/a", "token_endpoint": "http://127.0.0.1:1/t"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        for i in range(len(body)):
            if self.release.wait(self.gap):
                return
            try:
                self.wfile.write(body[i : i + 1])
                self.wfile.flush()
            except OSError:
                return

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def trickle() -> Iterator[LoopbackHttp]:
    ehr = LoopbackHttp(_Trickle)
    yield ehr
    _Trickle.release.set()
    ehr.stop()


@pytest.fixture(scope="module")
def key():  # type: ignore[no-untyped-def]
    return generate_key("ES384", kid="ehr-es384")


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder the service publishes audit reports from (``RIGHTSCAN_AUDIT_REPORTS``), empty at start."""
    return tmp_path_factory.mktemp("published-reports")


@pytest.fixture(scope="module")
def secured(tmp_path_factory: pytest.TempPathFactory, key, trickle: LoopbackHttp, reports: Path) -> Iterator[Server]:  # type: ignore[no-untyped-def]
    env = {
        "RIGHTSCAN_LINK_SECRET": "v" * 40,
        "RIGHTSCAN_SMART_CLIENT_ID": CLIENT_ID,
        "RIGHTSCAN_SMART_ISSUERS": json.dumps({trickle.url("/fhir"): ISSUER}),
        "RIGHTSCAN_FHIR_ALLOWED_HOSTS": '["127.0.0.1"]',
        "RIGHTSCAN_FHIR_TIMEOUT": "1",
        "RIGHTSCAN_AUDIT_REPORTS": str(reports),
    }
    srv = start_secured_server(tmp_path_factory.mktemp("attack-v5"), key, env=env)
    yield srv
    srv.stop()


# ------------------------------------------------------------------ no existence oracle on decision pages
def _reason(page: httpx.Response) -> str:
    return page.text.split('class="muted">Reason:', 1)[-1].split("</p>", 1)[0].strip()


def test_an_unknown_decision_id_is_refused_exactly_like_a_known_one(secured: Server, key) -> None:  # type: ignore[no-untyped-def]
    """The pages say they refuse an unknown id as they refuse a known one, so that nobody learns which consult
    ids exist. But a known id ran the link or token checks and named what failed ("invalid link",
    "authentication failed: token expired"), while an unknown id skipped them and gave the generic reason:
    anyone, without any credential, could tell a logged consult id (the PAMA id that travels with the order)
    from an unknown one by adding ``?t=x``. A token's id was also spent on a known decision only."""
    known, _ = _decision(secured, key, "hospital-a")
    unknown = str(uuid.uuid4())
    expired = {"exp": int(time.time()) - 600, "iat": int(time.time()) - 900}

    def stale(url: str) -> dict[str, str]:
        return {"Authorization": "Bearer " + sign_token(key, make_claims(ISSUER, url, **expired))}

    def attempts(decision_id: str) -> dict[str, httpx.Response]:
        page = f"/decisions/{decision_id}"
        tried = {
            "nothing": httpx.get(f"{secured.url}{page}", timeout=30),
            "a forged link": httpx.get(f"{secured.url}{page}", params={"t": "x"}, timeout=30),
            "a malformed bearer": httpx.get(f"{secured.url}{page}", headers={"Authorization": "Bearer x"}, timeout=30),
            "an expired token": httpx.get(f"{secured.url}{page}", headers=stale(secured.url + page), timeout=30),
            "the form, a forged link": httpx.get(f"{secured.url}/", params={"from": decision_id, "t": "x"}, timeout=30),
            "the PDF, a forged link": httpx.get(f"{secured.url}{page}/handout.pdf", params={"t": "x"}, timeout=30),
        }
        # a valid token of another organisation, then the same token again (is it spent either way?)
        other = _bearer(secured, key, page, "hospital-b")
        tried["another organisation's token"] = httpx.get(f"{secured.url}{page}", headers=other, timeout=30)
        tried["that token again"] = httpx.get(f"{secured.url}{page}", headers=other, timeout=30)
        return tried

    for (what, a), b in zip(attempts(known).items(), attempts(unknown).values(), strict=True):
        assert a.status_code == b.status_code == 401, what
        assert _reason(a) == _reason(b), f"{what}: {_reason(a)!r} (known) vs {_reason(b)!r} (unknown)"


# ------------------------------------------------------------------ SMART: a trickling EHR cannot hold a launch
def test_a_trickling_smart_server_cannot_hold_the_launch(secured: Server, trickle: LoopbackHttp) -> None:
    """The SMART exchanges (configuration, token, key set) are documented as 2 s (``RIGHTSCAN_FHIR_TIMEOUT``),
    but httpx's timeout bounds each read, not the answer: a server behind an allowed ``iss`` sending a
    byte every 0.4 s held ``/launch`` for as long as it liked (about 40 s for this 90-byte answer; 64 KB
    would be seven hours), each one a connection and a task of the service. The whole exchange now has the
    time budget, and the launch is refused as the server not answering (502)."""
    started = time.monotonic()
    r = httpx.get(f"{secured.url}/launch", params={"iss": trickle.url("/fhir"), "launch": "x"}, timeout=120)
    elapsed = time.monotonic() - started
    assert r.status_code == 502, r.text[:300]
    assert elapsed < 6, f"the launch was held {elapsed:.1f} s by a trickling server (budget 1 s)"


# ------------------------------------------------------------------ JWT claims of absurd size
@pytest.mark.parametrize("claim", ["exp", "iat"])
def test_a_signed_token_with_a_400_digit_time_claim_is_refused_not_a_500(secured: Server, key, claim: str) -> None:  # type: ignore[no-untyped-def]
    """PyJWT takes an integer of any size for ``exp``/``iat``; the verifier's own finiteness check then converted
    it to a float and raised OverflowError: a 500 (and a logged error) instead of a 401, for any token of an
    allowed issuer (an EHR's bug, or a key that signs whatever it is given)."""
    path = "/v1/procedures"
    claims = make_claims(ISSUER, f"{secured.url}{path}") | {claim: 10**400}
    r = httpx.get(f"{secured.url}{path}", headers={"Authorization": f"Bearer {sign_token(key, claims)}"}, timeout=30)
    assert r.status_code == 401, r.text[:300]
    assert r.json()["error"]["message"].startswith("authentication failed")


# ------------------------------------------------------------------ /reports: only what it lists
def test_a_decision_log_report_is_not_served_to_every_organisation(secured: Server, key, reports: Path) -> None:  # type: ignore[no-untyped-def]
    """``rightscan audit log`` summarises the whole decision log (every organisation's consultations, ratings,
    overrides, and the orderers' names when a context file is given) and has no organisation. ``/reports``
    does not list it, but ``/reports/{name}`` served it to any authenticated caller who guessed the folder
    name (the command's default is ``audit-log-report``): a token of hospital B read hospital A's figures.
    The report routes now serve only the population reports they list."""
    from click.testing import CliRunner

    from rightscan.interfaces.cli import main

    _decision(secured, key, "hospital-a")
    out = reports / "audit-log-report"
    result = CliRunner().invoke(main, ["audit", "log", "--database", secured.database, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "report.json").is_file() and (out / "report.html").is_file()
    for path in ("/reports/audit-log-report", "/reports/audit-log-report.json"):
        r = httpx.get(f"{secured.url}{path}", headers=_bearer(secured, key, path, "hospital-b"), timeout=30)
        assert r.status_code == 404, f"{path}: {r.status_code} {r.text[:200]}"
    listing = httpx.get(f"{secured.url}/reports", headers=_bearer(secured, key, "/reports", "hospital-b"), timeout=30)
    assert listing.status_code == 200 and listing.json()["reports"] == []


# ------------------------------------------------------------------ ... nor in the time of the refusal
def _large_consultation(server: Server, key, tenant: str) -> str:  # type: ignore[no-untyped-def]
    """An order-sign call with 49 imaging orders (a call may hold 50 entries): a logged decision of ~350 KB.
    Returns its id."""
    from .test_cds import SERVICE, reference_request

    request = reference_request("order-sign")
    entries = request["context"]["draftOrders"]["entry"]
    pet = next(e for e in entries if e["resource"]["id"] == "pet-1")
    entries += [{"resource": {**pet["resource"], "id": f"pet-{i}"}} for i in range(2, 50)]
    r = httpx.post(f"{server.url}{SERVICE}", json=request, headers=_bearer(server, key, SERVICE, tenant), timeout=120)
    assert r.status_code == 200, r.text[:300]
    link = next(lk["url"] for card in r.json()["cards"] for lk in card.get("links", []) if "/decisions/" in lk["url"])
    return link.split("/decisions/", 1)[1].split("?", 1)[0]


def test_the_time_of_a_refusal_does_not_tell_whether_the_decision_exists(secured: Server, key) -> None:  # type: ignore[no-untyped-def]
    """The page read the whole logged decision (its facts, ratings, cards, feedback) before checking who asks,
    so refusing a known id took as long as loading it: for a 49-order consultation, 3 to 10 ms longer than
    refusing an unknown id, with no credential at all (3.4 ms, the median of 40 paired tries, before the fix;
    0.05 ms after). The access check now runs on a light look-up of the owner, the same for a known and an
    unknown id; the record is read only once access is granted. Paired, interleaved tries, so the machine's
    load falls on both alike."""
    known = _large_consultation(secured, key, "hospital-a")
    unknown = str(uuid.uuid4())
    differences = []
    with httpx.Client(base_url=secured.url, timeout=30) as attacker:
        for _ in range(3):  # warm both paths
            attacker.get(f"/decisions/{known}"), attacker.get(f"/decisions/{unknown}")
        for _ in range(40):
            times = []
            for decision_id in (known, unknown):
                started = time.perf_counter()
                assert attacker.get(f"/decisions/{decision_id}").status_code == 401
                times.append(time.perf_counter() - started)
            differences.append(times[0] - times[1])
    differences.sort()
    median = differences[len(differences) // 2]
    assert median < 0.001, f"a known id is refused {median * 1000:.1f} ms slower than an unknown one"
    # the owner still reads it (the record is loaded once access is granted)
    path = f"/v1/decisions/{known}"
    mine = httpx.get(f"{secured.url}{path}", headers=_bearer(secured, key, path, "hospital-a"), timeout=30)
    assert mine.status_code == 200 and len(mine.json()["output"]["decisions"]) == 49


# ------------------------------------------------------------------ control characters in token claims
@pytest.mark.parametrize(("claim", "value"), [("tenant", "hospital-a\x00"), ("jti", "a\x00b"), ("tenant", "a\nb")])
def test_a_claim_with_control_characters_is_refused_as_invalid(secured: Server, key, claim: str, value: str) -> None:  # type: ignore[no-untyped-def]
    """A ``tenant`` or ``jti`` holding a NUL was accepted: SQLite stored it, PostgreSQL cannot, so there the call
    was a 503 "decision log unavailable" with an ERROR line, as if the store were down (measured on PostgreSQL
    15: a NUL tenant 503 on /v1/evaluate, a NUL jti 503 before the body is read). Such a token is now refused
    as invalid (401 naming the claim) on every store: only printable characters, the rule
    ``rightscan audit run --organisation`` already applies to an organisation."""
    path = "/v1/evaluate"
    token = sign_token(key, make_claims(ISSUER, f"{secured.url}{path}") | {claim: value})
    facts = {"age": 50, "sex": "female", "setting": "new_diagnosis", "tumor": {"size_cm": 1.5, "n": "N0"}}
    r = httpx.post(f"{secured.url}{path}", json=facts, headers={"Authorization": f"Bearer {token}"}, timeout=30)
    assert r.status_code == 401, r.text[:300]
    assert r.json()["error"]["message"] == f"authentication failed: invalid {claim}" + (
        " claim" if claim == "tenant" else ""
    )
