"""CDS Hooks JWT security over real HTTP: only a valid, fresh, correctly addressed token gets in."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from conftest import patient
from rightscan.adapters.security.testing import generate_key, jwks_json, make_claims, sign_token

from .conftest import Server, free_port, start_server

ISSUER = "https://ehr.example.org"


@pytest.fixture(scope="module")
def keys():  # type: ignore[no-untyped-def]
    return generate_key("ES384", kid="ehr-es384"), generate_key("RS384", kid="ehr-rs384")


@pytest.fixture(scope="module")
def secured(tmp_path_factory: pytest.TempPathFactory, keys) -> Iterator[Server]:  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("auth")
    (tmp / "ehr-jwks.json").write_text(jwks_json(*keys))
    (tmp / "auth.yaml").write_text(f'issuers:\n  "{ISSUER}":\n    jwks_file: ehr-jwks.json\n')
    port = free_port()
    srv = start_server(
        tmp,
        env={"RIGHTSCAN_AUTH_CONFIG": str(tmp / "auth.yaml"), "RIGHTSCAN_PUBLIC_URL": f"http://127.0.0.1:{port}"},
        port=port,
    )
    yield srv
    srv.stop()


def _b64(data: dict) -> str:  # type: ignore[type-arg]
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def _hs256(claims: dict, secret: bytes) -> str:  # type: ignore[type-arg]
    """The key-confusion attack: HMAC-sign with the issuer's public key (PyJWT refuses to build it)."""
    signing_input = f"{_b64({'alg': 'HS256', 'typ': 'JWT', 'kid': 'ehr-es384'})}.{_b64(claims)}"
    mac = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{base64.urlsafe_b64encode(mac).rstrip(b'=').decode()}"


def _call(server: Server, token: str | None, path: str = "/cds-services") -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.get(f"{server.url}{path}", headers=headers, timeout=10)


def test_jwt_matrix(secured: Server, keys) -> None:  # type: ignore[no-untyped-def]
    es, rs = keys
    aud = f"{secured.url}/cds-services"
    ok = _call(secured, sign_token(es, make_claims(ISSUER, aud)))
    assert ok.status_code == 200, ok.text
    assert _call(secured, sign_token(rs, make_claims(ISSUER, aud))).status_code == 200
    now = int(time.time())
    cases = {
        "no token": None,
        "expired": sign_token(es, make_claims(ISSUER, aud) | {"exp": now - 120, "iat": now - 400}),
        "wrong audience": sign_token(es, make_claims(ISSUER, f"{secured.url}/cds-services/other")),
        "unknown issuer": sign_token(es, make_claims("https://evil.example.org", aud)),
        "alg none": f"{_b64({'alg': 'none', 'typ': 'JWT', 'kid': 'ehr-es384'})}.{_b64(make_claims(ISSUER, aud))}.",
        "HS256 with the public key": _hs256(make_claims(ISSUER, aud), es.public_pem()),
        "untrusted jku": sign_token(es, make_claims(ISSUER, aud), headers={"jku": "https://evil.example.org/jwks"}),
    }
    for name, token in cases.items():
        r = _call(secured, token)
        assert r.status_code == 401, f"{name}: {r.status_code}"
        assert r.json()["error"]["message"].startswith("authentication failed"), name
        assert "WWW-Authenticate" in r.headers
    replayed = sign_token(es, make_claims(ISSUER, aud))
    assert _call(secured, replayed).status_code == 200
    assert _call(secured, replayed).status_code == 401


def test_audience_is_the_called_endpoint(secured: Server, keys) -> None:  # type: ignore[no-untyped-def]
    es, _ = keys
    token = sign_token(es, make_claims(ISSUER, f"{secured.url}/cds-services"))  # discovery audience
    r = httpx.post(f"{secured.url}/v1/evaluate", json=patient(), headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 401
    token = sign_token(es, make_claims(ISSUER, f"{secured.url}/v1/evaluate"))
    r = httpx.post(f"{secured.url}/v1/evaluate", json=patient(), headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200


def test_unauthenticated_call_is_refused_before_its_body_is_read(secured: Server) -> None:
    r = httpx.post(
        f"{secured.url}/cds-services/rightscan-imaging",
        content=b"{not json",
        headers={"content-type": "application/json"},
    )
    assert r.status_code == 401


def test_secured_mode_is_announced_and_dev_mode_is_not(secured: Server) -> None:
    assert "JWT authentication on" in secured.log() and "DEVELOPMENT MODE" not in secured.log()


def test_broken_auth_config_stops_start_up(tmp_path: Path) -> None:
    (tmp_path / "auth.yaml").write_text('issuers:\n  "https://x.example.org":\n    jwks_file: missing.json\n')
    with pytest.raises(RuntimeError, match="invalid auth config"):
        start_server(tmp_path, env={"RIGHTSCAN_AUTH_CONFIG": str(tmp_path / "auth.yaml")})
