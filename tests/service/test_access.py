"""The access policy over real HTTP: with auth configured, no route shows or writes patient facts
without a signed link, a session that opened the decision, or a bearer token of the decision's tenant.

Each case here reproduces a finding of the outside attack (issue 10) before the fix: permalinks,
the pre-filled form, the handout and its PDF answered anyone who knew the consult id; the web form
wrote to the log without a token and from any Origin; a token for tenant B read tenant A's decision.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from conftest import patient
from rightscan.adapters.security.testing import generate_key, make_claims, sign_token

from .conftest import ISSUER, Server, start_secured_server

# What the reference patient's logged facts would reveal if a page leaked them.
LEAK_MARKERS = ("3.2", "N2a")


@pytest.fixture(scope="module")
def key():  # type: ignore[no-untyped-def]
    return generate_key("ES384", kid="ehr-es384")


@pytest.fixture(scope="module")
def secured(tmp_path_factory: pytest.TempPathFactory, key) -> Iterator[Server]:  # type: ignore[no-untyped-def]
    srv = start_secured_server(tmp_path_factory.mktemp("access"), key, env={"RIGHTSCAN_LINK_SECRET": "x" * 40})
    yield srv
    srv.stop()


def _bearer(server: Server, key, path: str, tenant: str | None) -> dict[str, str]:  # type: ignore[no-untyped-def]
    extra = {"tenant": tenant} if tenant else {}
    token = sign_token(key, make_claims(ISSUER, f"{server.url}{path}", **extra))
    return {"Authorization": f"Bearer {token}"}


def _decision(server: Server, key, tenant: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """A decision logged for ``tenant`` through the JSON API: (its id, the signed explanation link)."""
    facts = patient(
        {"histology": "IDC", "size_cm": 3.2, "n": "N2a", "m": "M0", "grade": 3, "er": "positive", "pr": "negative",
         "her2": "negative"},
        order="CT CAP",
    )  # fmt: skip
    r = httpx.post(f"{server.url}/v1/evaluate", json=facts, headers=_bearer(server, key, "/v1/evaluate", tenant))
    assert r.status_code == 200, r.text
    body = r.json()
    return body["decision_id"], body["links"]["explanation"]


def _pages(decision_id: str) -> list[str]:
    return [
        f"/decisions/{decision_id}",
        f"/decisions/{decision_id}/procedures",
        f"/decisions/{decision_id}/handout",
        f"/decisions/{decision_id}/handout.pdf",
        f"/?from={decision_id}",
    ]


def _assert_refused(r: httpx.Response, what: str) -> None:
    assert r.status_code == 401, f"{what}: {r.status_code}"
    assert not any(marker in r.text for marker in LEAK_MARKERS), f"{what} leaked facts"


def test_pages_with_patient_facts_need_a_link_session_or_token(secured: Server, key) -> None:  # type: ignore[no-untyped-def]
    decision_id, link = _decision(secured, key, "hospital-a")
    assert "t=" in link, "the API's explanation link must be signed when auth is configured"
    for path in _pages(decision_id):
        _assert_refused(httpx.get(f"{secured.url}{path}"), f"no token {path}")
    # a made-up id answers exactly like a real one (no existence oracle)
    _assert_refused(httpx.get(f"{secured.url}/decisions/00000000-0000-4000-8000-000000000000"), "unknown id")
    # a forged or foreign link token
    for bad in ("garbage", "eyJhbGciOiJIUzI1NiJ9.e30.x"):
        _assert_refused(httpx.get(f"{secured.url}/decisions/{decision_id}?t={bad}"), f"bad link {bad}")
    other_id, other_link = _decision(secured, key, "hospital-a")
    other_token = parse_qs(urlsplit(other_link).query)["t"][0]
    _assert_refused(httpx.get(f"{secured.url}/decisions/{decision_id}?t={other_token}"), "link of another decision")

    with httpx.Client(base_url=secured.url, timeout=30) as browser:
        page = browser.get(urlsplit(link).path + "?" + urlsplit(link).query)
        assert page.status_code == 200
        assert "no-store" in page.headers.get("cache-control", "")
        cookie = page.headers.get("set-cookie", "")
        assert "httponly" in cookie.lower() and "samesite=strict" in cookie.lower()
        # the session opened by the link reaches the rest of this decision, and only this decision
        for path in _pages(decision_id):
            assert browser.get(path).status_code == 200, path
        _assert_refused(browser.get(f"/decisions/{other_id}"), "session used for another decision")


def test_tenant_b_cannot_read_tenant_a(secured: Server, key) -> None:  # type: ignore[no-untyped-def]
    decision_id, _ = _decision(secured, key, "hospital-a")
    path = f"/v1/decisions/{decision_id}"
    r = httpx.get(f"{secured.url}{path}", headers=_bearer(secured, key, path, "hospital-b"))
    assert r.status_code == 404
    r = httpx.get(f"{secured.url}{path}", headers=_bearer(secured, key, path, "hospital-a"))
    # the decision belongs to the tenant within its issuer (issue 10: reads scoped to issuer and tenant)
    assert r.status_code == 200 and r.json()["tenant"] == f"{ISSUER}|hospital-a"
    page = f"/decisions/{decision_id}"
    _assert_refused(httpx.get(f"{secured.url}{page}", headers=_bearer(secured, key, page, "hospital-b")), "tenant B")
    assert httpx.get(f"{secured.url}{page}", headers=_bearer(secured, key, page, "hospital-a")).status_code == 200


def test_form_posts_need_a_session_and_its_csrf_token(secured: Server, key) -> None:  # type: ignore[no-untyped-def]
    form = {"setting": "new_diagnosis", "tumor.size_cm": "1.5", "tumor.n": "N0"}
    for path in ("/evaluate", "/note"):
        data = form if path == "/evaluate" else {"note": "58F IDC 1.5 cm, node negative"}
        _assert_refused(httpx.post(f"{secured.url}{path}", data=data), f"anonymous post {path}")
    _, link = _decision(secured, key, "hospital-a")
    with httpx.Client(base_url=secured.url, timeout=30) as browser:
        page = browser.get(urlsplit(link).path + "?" + urlsplit(link).query)
        assert page.status_code == 200
        form_page = browser.get("/")
        match = re.search(r'name="csrf" value="([^"]+)"', form_page.text)
        assert match, "the form carries a CSRF token for a signed-in browser"
        assert browser.post("/evaluate", data=form).status_code == 403  # session without its token
        assert browser.post("/evaluate", data={**form, "csrf": "0" * 64}).status_code == 403
        ok = browser.post("/evaluate", data={**form, "csrf": match.group(1)})
        assert ok.status_code == 200, ok.text[:300]
        evil = browser.post(
            "/evaluate", data={**form, "csrf": match.group(1)}, headers={"Origin": "https://evil.example"}
        )
        assert evil.status_code == 403


def test_cross_site_post_is_refused_in_development_mode(server: Server) -> None:
    form = {"setting": "new_diagnosis", "tumor.size_cm": "1.5", "tumor.n": "N0"}
    r = httpx.post(f"{server.url}/evaluate", data=form, headers={"Origin": "https://evil.example"})
    assert r.status_code == 403
    r = httpx.post(f"{server.url}/evaluate", data=form, headers={"Origin": server.url})
    assert r.status_code == 200
