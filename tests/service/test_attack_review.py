"""Faults found by an outside attack on the running service (issue 10), each over real HTTP on 127.0.0.1.

- Behind a TLS-ending proxy (public URL ``https``, plain http on loopback) the SMART launch cookie, which
  carries the launch's ``state``, was set without ``Secure``, unlike the session cookie.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from .conftest import ISSUER, Server, start_server
from .test_smart_launch import CLIENT_ID, SmartServer

# ------------------------------------------------------------------ the SMART launch cookie behind TLS
PUBLIC = "https://rightscan.example.org"


@pytest.fixture(scope="module")
def launcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, SmartServer]]:
    """A secured server deployed behind a TLS proxy (public URL https, plain http on loopback) that an EHR
    on loopback may launch."""
    from rightscan.adapters.security.testing import generate_key, jwks_json

    ehr = SmartServer()
    tmp: Path = tmp_path_factory.mktemp("launch-tls")
    (tmp / "ehr-jwks.json").write_text(jwks_json(generate_key("ES384", kid="ehr")))
    (tmp / "auth.yaml").write_text(f'issuers:\n  "{ISSUER}":\n    jwks_file: ehr-jwks.json\n')
    env = {
        "RIGHTSCAN_AUTH_CONFIG": str(tmp / "auth.yaml"),
        "RIGHTSCAN_PUBLIC_URL": PUBLIC,
        "RIGHTSCAN_LINK_SECRET": "s" * 40,
        "RIGHTSCAN_SMART_CLIENT_ID": CLIENT_ID,
        "RIGHTSCAN_SMART_ISSUERS": json.dumps({ehr.url("/fhir"): ISSUER}),
        "RIGHTSCAN_FHIR_ALLOWED_HOSTS": '["127.0.0.1"]',
    }
    srv = start_server(tmp, env=env)
    yield srv, ehr
    srv.stop()
    ehr.stop()


def test_the_launch_cookie_is_secure_when_the_public_url_is_https(launcher: tuple[Server, SmartServer]) -> None:
    """The launch cookie binds the EHR's answer to this browser; like the session cookie it must never
    travel over plain http when the browser reaches the service over https (before the fix it did)."""
    server, ehr = launcher
    launch_id = secrets.token_urlsafe(8)
    ehr.launches[launch_id] = ("pat-1", "hospital-a")
    start = httpx.get(f"{server.url}/launch", params={"iss": ehr.url("/fhir"), "launch": launch_id})
    assert start.status_code == 302, start.text[:300]
    assert start.headers["location"].startswith(ehr.url("/auth/authorize"))
    cookie = start.headers["set-cookie"]
    assert cookie.startswith("rightscan_launch=")
    attributes = [a.strip().lower() for a in cookie.split(";")]
    assert "secure" in attributes, cookie
    assert "httponly" in attributes
