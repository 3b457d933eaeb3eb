"""SMART on FHIR EHR launch over real HTTP on 127.0.0.1 (issue 10, item 1).

A small SMART authorisation server runs on loopback (``http.server`` thread): it publishes its
``.well-known/smart-configuration``, answers the authorisation request by sending the browser back with
a code, and at its token endpoint checks the code, the client, the redirect URI and the PKCE verifier
against the S256 challenge, then gives the launch's patient and tenant. RightScan runs as a subprocess
with JWT authentication on; decisions are logged through CDS Hooks calls about two patients of two
hospitals, and the test plays the browser.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import re
import secrets
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest

from conftest import ROOT, LoopbackHttp
from rightscan.adapters.security.testing import generate_key, jwks, make_claims, sign_token

from .conftest import ISSUER, Server, start_secured_server

CLIENT_ID = "rightscan-test"
SERVICE = "/cds-services/rightscan-imaging"
FIXTURE = json.loads((ROOT / "tests" / "fixtures" / "fhir" / "reference_patient.json").read_text())
FIXTURE_PATIENT = FIXTURE["context"]["patientId"]


class SmartServer:
    """An EHR's SMART authorisation server. ``launches`` maps a launch id to its (patient, tenant).

    With ``oidc`` it publishes an ``issuer`` and a ``jwks_uri`` and answers the ``openid`` scope with an
    id_token signed by ``key`` (``id_token_claims`` overrides claims, ``id_token_key`` signs with another
    key). With ``secret`` it is a confidential client's server: the token request must authenticate with
    HTTP Basic (client id and that secret)."""

    def __init__(self, secret: str | None = None) -> None:
        self.launches: dict[str, tuple[str, str | None]] = {}
        self.pending: dict[str, dict[str, str]] = {}  # code -> what the authorisation request said
        self.token_requests: list[dict[str, str]] = []
        self.token_headers: list[dict[str, str]] = []
        self.secret = secret
        self.oidc = True
        self.key = generate_key("RS256", kid="ehr-oidc")
        self.id_token_claims: dict[str, Any] = {}
        self.id_token_key: Any = None
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _json(self, status: int, data: dict[str, Any]) -> None:
                self._send(status, json.dumps(data).encode(), {"Content-Type": "application/json"})

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                if parts.path == "/fhir/.well-known/smart-configuration":
                    config = {
                        "authorization_endpoint": owner.url("/auth/authorize"),
                        "token_endpoint": owner.url("/auth/token"),
                        "code_challenge_methods_supported": ["S256"],
                        "capabilities": ["launch-ehr", "context-ehr-patient"],
                    }
                    if owner.oidc:
                        config |= {"issuer": owner.url("/auth"), "jwks_uri": owner.url("/auth/jwks")}
                    self._json(200, config)
                elif parts.path == "/auth/jwks":
                    self._json(200, jwks(owner.key))
                elif parts.path == "/auth/authorize":
                    q = {k: v[0] for k, v in parse_qs(parts.query).items()}
                    ok = (
                        q.get("response_type") == "code"
                        and q.get("client_id") == CLIENT_ID
                        and q.get("aud") == owner.url("/fhir")
                        and q.get("launch") in owner.launches
                        and q.get("code_challenge_method") == "S256"
                        and "launch" in q.get("scope", "").split()
                        and q.get("state")
                    )
                    if not ok:
                        self._json(400, {"error": "invalid_request"})
                        return
                    code = secrets.token_urlsafe(16)
                    owner.pending[code] = q
                    target = f"{q['redirect_uri']}?{urlencode({'code': code, 'state': q['state']})}"
                    self._send(302, headers={"Location": target})
                else:
                    self._send(404)

            def do_POST(self) -> None:
                if self.path != "/auth/token":
                    self._send(404)
                    return
                raw = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
                form = {k: v[0] for k, v in parse_qs(raw).items()}
                owner.token_requests.append(form)
                owner.token_headers.append(dict(self.headers))
                if owner.secret is not None:
                    expected = base64.b64encode(f"{CLIENT_ID}:{owner.secret}".encode()).decode()
                    if self.headers.get("Authorization") != f"Basic {expected}":
                        self._json(401, {"error": "invalid_client"})
                        return
                    form.setdefault("client_id", CLIENT_ID)
                asked = owner.pending.pop(form.get("code", ""), None)  # a code is good once
                verifier = form.get("code_verifier", "")
                challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
                if (
                    asked is None
                    or form.get("grant_type") != "authorization_code"
                    or form.get("client_id") != CLIENT_ID
                    or form.get("redirect_uri") != asked["redirect_uri"]
                    or challenge != asked["code_challenge"]
                ):
                    self._json(400, {"error": "invalid_grant"})
                    return
                patient, tenant = owner.launches[asked["launch"]]
                answer = {
                    "access_token": "at-" + secrets.token_urlsafe(16),
                    "token_type": "Bearer",
                    "expires_in": 300,
                    "scope": asked["scope"],
                    "patient": patient,
                }
                if tenant:
                    answer["tenant"] = tenant
                if "openid" in asked["scope"].split() and owner.oidc:
                    claims = make_claims(owner.url("/auth"), CLIENT_ID, sub="practitioner-7")
                    claims |= {"nonce": asked.get("nonce"), "fhirUser": "Practitioner/7"} | owner.id_token_claims
                    answer["id_token"] = sign_token(owner.id_token_key or owner.key, claims)
                self._json(200, answer)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._http = LoopbackHttp(Handler)

    def url(self, path: str) -> str:  # a method: a subclass may present the server under another host name
        return self._http.url(path)

    def stop(self) -> None:
        self._http.stop()


@pytest.fixture(scope="module")
def ehr() -> Iterator[SmartServer]:
    s = SmartServer()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def key():  # type: ignore[no-untyped-def]
    return generate_key("ES384", kid="ehr-es384")


@pytest.fixture(scope="module")
def secured(tmp_path_factory: pytest.TempPathFactory, key, ehr: SmartServer) -> Iterator[Server]:  # type: ignore[no-untyped-def]
    env = {
        "RIGHTSCAN_LINK_SECRET": "s" * 40,
        "RIGHTSCAN_SMART_CLIENT_ID": CLIENT_ID,
        # two more launchers are configured, but on addresses the outbound policy refuses
        "RIGHTSCAN_SMART_ISSUERS": json.dumps(
            {ehr.url("/fhir"): ISSUER, "http://10.0.0.5/fhir": ISSUER, "https://127.0.0.2/fhir": ISSUER}
        ),
        "RIGHTSCAN_FHIR_ALLOWED_HOSTS": '["127.0.0.1"]',
    }
    srv = start_secured_server(tmp_path_factory.mktemp("smart"), key, env=env)
    yield srv
    srv.stop()


def _consult(server: Server, key, patient: str, tenant: str) -> str:  # type: ignore[no-untyped-def]
    """A CDS Hooks order-select about ``patient`` of ``tenant`` (the reference patient's record under that
    id); returns the logged decision's id."""
    body = json.loads(json.dumps(FIXTURE).replace(FIXTURE_PATIENT, patient))
    request = {
        "hook": "order-select",
        "hookInstance": str(uuid.uuid4()),
        "context": copy.deepcopy(body["context"]),
        "prefetch": body["prefetch"],
    }
    token = sign_token(key, make_claims(ISSUER, f"{server.url}{SERVICE}", tenant=tenant))
    r = httpx.post(f"{server.url}{SERVICE}", json=request, headers={"Authorization": f"Bearer {token}"}, timeout=30)
    assert r.status_code == 200, r.text
    link = next(lk["url"] for card in r.json()["cards"] for lk in card.get("links", []) if "/decisions/" in lk["url"])
    return urlsplit(link).path.rsplit("/", 1)[1]


@pytest.fixture(scope="module")
def decisions(secured: Server, key) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {
        "a/p1": _consult(secured, key, "pat-1", "hospital-a"),
        "a/p2": _consult(secured, key, "pat-2", "hospital-a"),
        "b/p1": _consult(secured, key, "pat-1", "hospital-b"),  # same patient id, another hospital
    }


def _launch(server: Server, ehr: SmartServer, browser: httpx.Client, patient: str, tenant: str) -> httpx.Response:
    """The EHR opens RightScan's launch URL; the browser follows the redirect to the authorisation server
    and is sent back with a code. Returns the callback's answer (not followed further)."""
    launch_id = secrets.token_urlsafe(8)
    ehr.launches[launch_id] = (patient, tenant)
    start = browser.get("/launch", params={"iss": ehr.url("/fhir"), "launch": launch_id})
    assert start.status_code == 302, start.text[:300]
    authorize = urlsplit(start.headers["location"])
    assert authorize.netloc == urlsplit(ehr.url("/")).netloc and authorize.path == "/auth/authorize"
    sent = {k: v[0] for k, v in parse_qs(authorize.query).items()}
    assert sent["redirect_uri"] == f"{server.url}/launch/callback" and sent["aud"] == ehr.url("/fhir")
    assert sent["code_challenge_method"] == "S256" and len(sent["state"]) >= 32
    assert "code_verifier" not in start.headers["location"]
    cookie = start.headers["set-cookie"].lower()
    assert "httponly" in cookie and "path=/launch" in cookie
    back = httpx.get(start.headers["location"])  # the authorisation server (the browser's own cookies stay here)
    assert back.status_code == 302, back.text
    return browser.get(back.headers["location"])


def _forward(page: httpx.Response) -> str:
    match = re.search(r'http-equiv="refresh" content="0;url=([^"]+)"', page.text)
    assert match, page.text[:500]
    return match.group(1)


def test_a_launch_opens_that_patients_decisions_in_that_hospital_only(
    secured: Server, ehr: SmartServer, decisions: dict[str, str]
) -> None:
    with httpx.Client(base_url=secured.url, timeout=30) as browser:
        for path in (f"/decisions/{decisions['a/p1']}", "/launch/patient"):  # nothing before the launch
            assert browser.get(path).status_code == 401
        done = _launch(secured, ehr, browser, "pat-1", "hospital-a")
        assert done.status_code == 200
        cookie = done.headers.get("set-cookie", "").lower()
        assert "rightscan_session=" in cookie and "httponly" in cookie and "samesite=strict" in cookie
        listing = browser.get(_forward(done))
        assert listing.status_code == 200
        assert decisions["a/p1"] in listing.text
        assert decisions["a/p2"] not in listing.text and decisions["b/p1"] not in listing.text
        page = browser.get(f"/decisions/{decisions['a/p1']}")
        assert page.status_code == 200 and "PET" in page.text
        assert browser.get(f"/decisions/{decisions['a/p1']}/handout").status_code == 200
        # another patient of the same hospital, and the same patient id at another hospital: refused
        assert browser.get(f"/decisions/{decisions['a/p2']}").status_code == 401
        assert browser.get(f"/decisions/{decisions['b/p1']}").status_code == 401
        # the session is a signed-in browser: the form carries its CSRF token and a post with it is taken
        form = browser.get("/")
        assert re.search(r'name="csrf" value="[0-9a-f]{64}"', form.text)
    token_request = ehr.token_requests[-1]
    assert token_request["client_id"] == CLIENT_ID and len(token_request["code_verifier"]) >= 43
    log = secured.log()
    assert token_request["code"] not in log and token_request["code_verifier"] not in log and "pat-1" not in log


def test_a_launch_at_the_other_hospital_sees_its_own_decision(
    secured: Server, ehr: SmartServer, decisions: dict[str, str]
) -> None:
    with httpx.Client(base_url=secured.url, timeout=30) as browser:
        browser.get(_forward(_launch(secured, ehr, browser, "pat-1", "hospital-b")))
        assert browser.get(f"/decisions/{decisions['b/p1']}").status_code == 200
        assert browser.get(f"/decisions/{decisions['a/p1']}").status_code == 401


def test_a_wrong_state_is_refused(secured: Server, ehr: SmartServer, decisions: dict[str, str]) -> None:
    launch_id = secrets.token_urlsafe(8)
    ehr.launches[launch_id] = ("pat-1", "hospital-a")
    with httpx.Client(base_url=secured.url, timeout=30) as browser:
        start = browser.get("/launch", params={"iss": ehr.url("/fhir"), "launch": launch_id})
        back = httpx.get(start.headers["location"])
        query = parse_qs(urlsplit(back.headers["location"]).query)
        forged = browser.get("/launch/callback", params={"code": query["code"][0], "state": "x" * 43})
        assert forged.status_code == 403 and "state" in forged.text
        assert "rightscan_session=" not in forged.headers.get("set-cookie", "")
        assert browser.get(f"/decisions/{decisions['a/p1']}").status_code == 401
    # a callback in a browser that never started the launch (another person's code and state)
    with httpx.Client(base_url=secured.url, timeout=30) as stranger:
        r = stranger.get("/launch/callback", params={"code": query["code"][0], "state": query["state"][0]})
        assert r.status_code == 400 and "no launch is in progress" in r.text


def test_a_bad_code_verifier_is_refused_by_the_token_endpoint(
    secured: Server, ehr: SmartServer, decisions: dict[str, str]
) -> None:
    """The authorisation server remembers a different challenge than RightScan's verifier answers (as if
    the code had been obtained for another launch's challenge): the exchange fails and no session opens."""
    launch_id = secrets.token_urlsafe(8)
    ehr.launches[launch_id] = ("pat-1", "hospital-a")
    with httpx.Client(base_url=secured.url, timeout=30) as browser:
        start = browser.get("/launch", params={"iss": ehr.url("/fhir"), "launch": launch_id})
        back = httpx.get(start.headers["location"])
        code = parse_qs(urlsplit(back.headers["location"]).query)["code"][0]
        ehr.pending[code]["code_challenge"] = base64.urlsafe_b64encode(b"\0" * 32).rstrip(b"=").decode()
        r = browser.get(back.headers["location"])
        assert r.status_code == 401 and "invalid_grant" in r.text
        assert "rightscan_session=" not in r.headers.get("set-cookie", "")
        assert browser.get(f"/decisions/{decisions['a/p1']}").status_code == 401
        assert browser.get("/launch/patient").status_code == 401


def test_an_iss_that_is_not_allowed_is_refused(secured: Server, ehr: SmartServer) -> None:
    with httpx.Client(base_url=secured.url, timeout=30) as browser:
        # FHIR servers not configured for launches
        for iss in ("https://evil.example/fhir", "file:///etc/passwd", ehr.url("/other")):
            r = browser.get("/launch", params={"iss": iss, "launch": "x"})
            assert r.status_code == 403 and "is not allowed to launch" in r.text, iss
        # configured, but on a private or loopback address that the outbound FHIR policy does not allow
        for iss in ("http://10.0.0.5/fhir", "https://127.0.0.2/fhir"):
            r = browser.get("/launch", params={"iss": iss, "launch": "x"})
            assert r.status_code == 403 and "is not an allowed address" in r.text, iss
            assert "set-cookie" not in r.headers or 'rightscan_launch=""' in r.headers["set-cookie"]
        missing = browser.get("/launch", params={"iss": ehr.url("/fhir")})
        assert missing.status_code == 400 and "launch parameter" in missing.text


def test_launch_is_off_without_a_client_id(server: Server) -> None:
    """Development mode (the shared unauthenticated server): there is no launch to make."""
    r = httpx.get(f"{server.url}/launch", params={"iss": "https://ehr.example.org/fhir", "launch": "x"})
    assert r.status_code == 404


# ---------------------------------------------------------------------------- id_token, single use, confidential
def test_the_id_token_is_checked_and_carries_the_nonce_sent(
    secured: Server, ehr: SmartServer, decisions: dict[str, str]
) -> None:
    """The EHR answers the openid scope with an id_token: RightScan sent a nonce and the launch goes on
    only when the token is signed by the EHR's key set, for this client, in time, with that nonce."""
    with httpx.Client(base_url=secured.url, timeout=30) as browser:
        done = _launch(secured, ehr, browser, "pat-1", "hospital-a")
        assert done.status_code == 200
    other = generate_key("RS256", kid="ehr-oidc")  # same kid, another key: a forged signature
    wrong = {
        "another nonce": ({"nonce": "n" * 64}, None),
        "another audience": ({"aud": "someone-else"}, None),
        "another issuer": ({"iss": "https://evil.example"}, None),
        "expired": ({"exp": int(time.time()) - 3600, "iat": int(time.time()) - 4000}, None),
        "issued in the future": ({"iat": int(time.time()) + 3600}, None),
        "several audiences, no azp": ({"aud": [CLIENT_ID, "other"]}, None),
        "forged signature": ({}, other),
    }
    try:
        for why, (claims, key) in wrong.items():
            ehr.id_token_claims, ehr.id_token_key = claims, key
            with httpx.Client(base_url=secured.url, timeout=30) as browser:
                refused = _launch(secured, ehr, browser, "pat-1", "hospital-a")
                assert refused.status_code == 401 and "id_token" in refused.text, why
                assert "rightscan_session=" not in refused.headers.get("set-cookie", ""), why
                assert browser.get(f"/decisions/{decisions['a/p1']}").status_code == 401, why
    finally:
        ehr.id_token_claims, ehr.id_token_key = {}, None


def test_the_authorisation_request_sends_a_nonce_bound_to_the_launch(secured: Server, ehr: SmartServer) -> None:
    nonces = []
    for _ in range(2):
        launch_id = secrets.token_urlsafe(8)
        ehr.launches[launch_id] = ("pat-1", "hospital-a")
        with httpx.Client(base_url=secured.url, timeout=30) as browser:
            start = browser.get("/launch", params={"iss": ehr.url("/fhir"), "launch": launch_id})
            nonces.append(parse_qs(urlsplit(start.headers["location"]).query)["nonce"][0])
    assert len(set(nonces)) == 2 and all(len(n) >= 32 for n in nonces)


def test_an_id_token_that_cannot_be_checked_is_not_used(tmp_path: Path, key) -> None:  # type: ignore[no-untyped-def]
    """An EHR whose SMART configuration names no issuer / jwks_uri: its id_token (here absent) is not read,
    and the launch context still comes from the token response alone. Its own EHR and service: the service
    remembers an EHR's configuration (docs/security.md, sixth pass), so switching the shared EHR's
    configuration midway would test the remembered one."""
    plain = SmartServer()
    plain.oidc = False
    env = {
        "RIGHTSCAN_LINK_SECRET": "s" * 40,
        "RIGHTSCAN_SMART_CLIENT_ID": CLIENT_ID,
        "RIGHTSCAN_SMART_ISSUERS": json.dumps({plain.url("/fhir"): ISSUER}),
        "RIGHTSCAN_FHIR_ALLOWED_HOSTS": '["127.0.0.1"]',
    }
    srv = start_secured_server(tmp_path, key, env=env)
    try:
        decision = _consult(srv, key, "pat-1", "hospital-a")
        with httpx.Client(base_url=srv.url, timeout=30) as browser:
            browser.get(_forward(_launch(srv, plain, browser, "pat-1", "hospital-a")))
            assert browser.get(f"/decisions/{decision}").status_code == 200
        assert plain.token_requests  # the launch went through the code exchange, with no id_token to check
    finally:
        srv.stop()
        plain.stop()


def test_a_launch_answer_is_good_once(secured: Server, ehr: SmartServer, decisions: dict[str, str]) -> None:
    """The same state (with the launch cookie that carried it) sent back a second time, as a stolen
    callback URL and cookie would be: refused, even with a fresh code for it."""
    launch_id = secrets.token_urlsafe(8)
    ehr.launches[launch_id] = ("pat-2", "hospital-a")
    with httpx.Client(base_url=secured.url, timeout=30) as browser:
        start = browser.get("/launch", params={"iss": ehr.url("/fhir"), "launch": launch_id})
        cookie = browser.cookies.get("rightscan_launch")
        back = httpx.get(start.headers["location"])
        first = browser.get(back.headers["location"])
        assert first.status_code == 200
    asked = ehr.token_requests[-1]
    # a second code for the same authorisation request (what the EHR would issue on a re-consent)
    second_code = secrets.token_urlsafe(16)
    ehr.pending[second_code] = {k: v[0] for k, v in parse_qs(urlsplit(start.headers["location"]).query).items()}
    state = parse_qs(urlsplit(back.headers["location"]).query)["state"][0]
    with httpx.Client(base_url=secured.url, timeout=30, cookies={"rightscan_launch": cookie or ""}) as replay:
        again = replay.get("/launch/callback", params={"code": second_code, "state": state})
        assert again.status_code == 403 and "already been used" in again.text
        assert "rightscan_session=" not in again.headers.get("set-cookie", "")
        assert replay.get(f"/decisions/{decisions['a/p2']}").status_code == 401
    assert ehr.token_requests[-1] is asked  # the replay never reached the token endpoint


@pytest.fixture(scope="module")
def confidential(tmp_path_factory: pytest.TempPathFactory, key) -> Iterator[tuple[Server, SmartServer]]:  # type: ignore[no-untyped-def]
    ehr = SmartServer(secret="ehr-issued-secret-7f3a")
    env = {
        "RIGHTSCAN_LINK_SECRET": "s" * 40,
        "RIGHTSCAN_SMART_CLIENT_ID": CLIENT_ID,
        "RIGHTSCAN_SMART_CLIENT_SECRET": "ehr-issued-secret-7f3a",
        "RIGHTSCAN_SMART_ISSUERS": json.dumps({ehr.url("/fhir"): ISSUER}),
        "RIGHTSCAN_FHIR_ALLOWED_HOSTS": '["127.0.0.1"]',
    }
    srv = start_secured_server(tmp_path_factory.mktemp("smart-confidential"), key, env=env)
    yield srv, ehr
    srv.stop()
    ehr.stop()


def test_a_confidential_client_authenticates_its_code_exchange(confidential: tuple[Server, SmartServer]) -> None:
    server, ehr = confidential
    with httpx.Client(base_url=server.url, timeout=30) as browser:
        done = _launch(server, ehr, browser, "pat-1", "hospital-a")
        assert done.status_code == 200, done.text[:300]
        assert browser.get(_forward(done)).status_code == 200
    form, headers = ehr.token_requests[-1], ehr.token_headers[-1]
    assert headers["Authorization"].startswith("Basic ")
    assert "ehr-issued-secret-7f3a" not in json.dumps(form)  # the secret goes in the header only
    assert "ehr-issued-secret-7f3a" not in server.log()
    ehr.secret = "the-ehr-rotated-it"  # RightScan's secret is now wrong: the EHR refuses the client
    try:
        with httpx.Client(base_url=server.url, timeout=30) as browser:
            refused = _launch(server, ehr, browser, "pat-1", "hospital-a")
            assert refused.status_code == 401 and "invalid_client" in refused.text
            assert "rightscan_session=" not in refused.headers.get("set-cookie", "")
    finally:
        ehr.secret = "ehr-issued-secret-7f3a"
