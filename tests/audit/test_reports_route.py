"""`/reports` in the web app: published audit reports, behind the service's JWT authentication."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from rightscan.adapters.security.testing import generate_key, jwks_json, make_claims, sign_token
from rightscan.interfaces.cli import main
from rightscan.interfaces.http.app import create_app
from rightscan.interfaces.http.routes_reports import REPORTS_ENV
from rightscan.settings import Settings

from .conftest import CLAIMS

ISSUER = "https://ehr.example.org"
PUBLIC = "http://testserver"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("reports")
    result = CliRunner().invoke(
        main, ["audit", "run", str(CLAIMS), "--format", "claims", "--out", str(root / "q1"), "--no-progress"]
    )
    assert result.exit_code == 0, result.output
    owned = ["--out", str(root / "hospital-a"), "--no-progress", "--organisation", f"{ISSUER}|hospital-a"]
    result = CliRunner().invoke(main, ["audit", "run", str(CLAIMS), "--format", "claims", *owned])
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def client(tmp_path: Path, published: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[TestClient, Any]]:
    key = generate_key("ES384")
    (tmp_path / "jwks.json").write_text(jwks_json(key))
    (tmp_path / "auth.yaml").write_text(f'issuers:\n  "{ISSUER}":\n    jwks_file: {tmp_path / "jwks.json"}\n')
    monkeypatch.setenv(REPORTS_ENV, str(published))
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'log.db'}", auth_config=tmp_path / "auth.yaml", public_url=PUBLIC
    )
    with TestClient(create_app(settings)) as c:
        yield c, key


def _auth(key: Any, path: str, **claims: Any) -> dict[str, str]:
    return {"Authorization": "Bearer " + sign_token(key, make_claims(ISSUER, PUBLIC + path, **claims))}


def test_reports_need_a_token(client: tuple[TestClient, Any]) -> None:
    c, _ = client
    for path in ("/reports", "/reports/q1", "/reports/q1.json"):
        assert c.get(path).status_code == 401, path


def test_reports_are_listed_and_served_with_a_token(client: tuple[TestClient, Any]) -> None:
    c, key = client
    listing = c.get("/reports", headers=_auth(key, "/reports"))
    assert listing.status_code == 200
    (item,) = listing.json()["reports"]  # hospital A's own report is not listed to a caller without its tenant
    assert item["name"] == "q1" and item["claims_proxy"]["numerator"] == 10
    page = c.get("/reports/q1", headers=_auth(key, "/reports/q1"))
    assert page.status_code == 200 and "<svg" in page.text and "DuckDB" in page.text
    data = c.get("/reports/q1.json", headers=_auth(key, "/reports/q1.json")).json()
    assert data["claims_proxy"]["denominator"] == 18


def test_unknown_or_traversing_names_are_404(client: tuple[TestClient, Any]) -> None:
    c, key = client
    for path in ("/reports/nope", "/reports/..%2F..%2Fetc", "/reports/.hidden"):
        r = c.get(path, headers=_auth(key, path))
        assert r.status_code == 404, path


def test_an_organisations_report_is_seen_by_that_organisation_only(client: tuple[TestClient, Any]) -> None:
    """Issue 10: a token for hospital B never reads hospital A's figures; to B the report does not exist."""
    c, key = client
    paths = ("/reports/hospital-a", "/reports/hospital-a.json")
    for tenant in ("hospital-b", None):
        claims = {"tenant": tenant} if tenant else {}
        listing = c.get("/reports", headers=_auth(key, "/reports", **claims)).json()["reports"]
        assert [r["name"] for r in listing] == ["q1"], tenant
        for path in paths:
            assert c.get(path, headers=_auth(key, path, **claims)).status_code == 404, (tenant, path)
    listing = c.get("/reports", headers=_auth(key, "/reports", tenant="hospital-a")).json()["reports"]
    assert [r["name"] for r in listing] == ["hospital-a", "q1"]
    data = c.get(paths[1], headers=_auth(key, paths[1], tenant="hospital-a")).json()
    assert data["organisation"] == f"{ISSUER}|hospital-a" and data["claims_proxy"]["denominator"] == 18
    assert c.get(paths[0], headers=_auth(key, paths[0], tenant="hospital-a")).status_code == 200


def test_an_unusable_organisation_is_refused_naming_the_option(tmp_path: Path) -> None:
    args = ["audit", "run", str(CLAIMS), "--format", "claims", "--out", str(tmp_path / "r"), "--organisation", ""]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and "--organisation" in result.stderr
    assert not (tmp_path / "r").exists()
