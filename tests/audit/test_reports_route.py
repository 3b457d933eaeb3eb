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


def _auth(key: Any, path: str) -> dict[str, str]:
    return {"Authorization": "Bearer " + sign_token(key, make_claims(ISSUER, PUBLIC + path))}


def test_reports_need_a_token(client: tuple[TestClient, Any]) -> None:
    c, _ = client
    for path in ("/reports", "/reports/q1", "/reports/q1.json"):
        assert c.get(path).status_code == 401, path


def test_reports_are_listed_and_served_with_a_token(client: tuple[TestClient, Any]) -> None:
    c, key = client
    listing = c.get("/reports", headers=_auth(key, "/reports"))
    assert listing.status_code == 200
    (item,) = listing.json()["reports"]
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
