"""The SMART EHR launch in a real browser (Chromium): the launch cookie survives the cross-site round trip
to the EHR's authorisation server (SameSite=Lax), and the strict session cookie set on the way back is
sent when the page moves on to the patient's decisions.

RightScan answers on 127.0.0.1 and the authorisation server on ``localhost``: two different sites, as
an EHR and RightScan are.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from typing import Any

import pytest

from rightscan.adapters.security.testing import generate_key
from service.conftest import ISSUER, Server, start_secured_server
from service.test_smart_launch import CLIENT_ID, SmartServer, _consult


class OtherSiteSmartServer(SmartServer):
    def url(self, path: str) -> str:
        return super().url(path).replace("127.0.0.1", "localhost")


@pytest.fixture(scope="module")
def launch_setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, OtherSiteSmartServer, Any]]:
    ehr = OtherSiteSmartServer()
    key = generate_key("ES384", kid="ehr-es384")
    env = {
        "RIGHTSCAN_LINK_SECRET": "w" * 40,
        "RIGHTSCAN_SMART_CLIENT_ID": CLIENT_ID,
        "RIGHTSCAN_SMART_ISSUERS": json.dumps({ehr.url("/fhir"): ISSUER}),
        "RIGHTSCAN_FHIR_ALLOWED_HOSTS": '["localhost"]',
    }
    srv = start_secured_server(tmp_path_factory.mktemp("smart-browser"), key, env=env)
    yield srv, ehr, key
    srv.stop()
    ehr.stop()


def test_a_launch_in_chromium_reaches_the_patients_decision(browser: Any, launch_setup: Any) -> None:
    server, ehr, key = launch_setup
    mine = _consult(server, key, "pat-7", "hospital-a")
    other = _consult(server, key, "pat-8", "hospital-a")
    launch_id = secrets.token_urlsafe(8)
    ehr.launches[launch_id] = ("pat-7", "hospital-a")
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        page.goto(f"{server.url}/launch?iss={ehr.url('/fhir')}&launch={launch_id}")
        page.wait_for_url(f"{server.url}/launch/patient")
        assert page.locator("h1").inner_text() == "This patient's decisions"
        links = page.locator("ul.launch-decisions a")
        assert links.count() == 1
        links.first.click()
        page.wait_for_url(f"{server.url}/decisions/{mine}")
        assert "Sign-in needed" not in page.content()
        response = page.goto(f"{server.url}/decisions/{other}")
        assert response is not None and response.status == 401
    finally:
        context.close()
