"""Smaller hardening items of issue 10, over real HTTP: SSRF through fhirServer, security headers,
CSV formulas in exports, private export files.

Before the fix: fhirServer could name loopback or private addresses (the EHR's access token was sent
there, and the error named the exception, which told open ports from closed ones); no response carried
a CSP, frame-ancestors, nosniff or Referrer-Policy; CSV export wrote spreadsheet formulas verbatim; the
database and exports were created world-readable.
"""

from __future__ import annotations

import csv
import re
import socket
import subprocess
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any, ClassVar

import httpx
import pytest

from conftest import ROOT, LoopbackHttp
from rightscan.adapters.store.export import spreadsheet_safe

from .conftest import RIGHTSCAN, Server
from .test_cds import SERVICE, fetching_request, reference_request

TEMPLATES = ROOT / "src" / "rightscan" / "interfaces" / "http" / "templates"


class _Listener(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def listener() -> Iterator[int]:
    _Listener.hits = []
    http = LoopbackHttp(_Listener)
    yield http.port
    http.stop()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again when the socket is


def _with_fhir_server(url: str) -> dict[str, Any]:
    return fetching_request(url, "secret-ehr-token")


def test_fhir_server_on_internal_addresses_is_refused_and_never_contacted(client: httpx.Client, listener: int) -> None:
    messages = {}
    for url in (
        f"http://127.0.0.1:{listener}/fhir",  # plain http
        f"https://127.0.0.1:{listener}/fhir",  # loopback
        f"https://localhost:{listener}/fhir",
        "https://10.1.2.3/fhir",  # private
        "https://169.254.169.254/latest",  # link-local (cloud metadata)
        "https://[::1]/fhir",
        "https://[::ffff:127.0.0.1]/fhir",
    ):
        r = client.post(SERVICE, json=_with_fhir_server(url))
        assert r.status_code == 412 and r.json()["error"]["field"] == "fhirServer", url
        messages[url] = r.json()["error"]["message"]
    assert _Listener.hits == []  # the access token went nowhere
    assert len(set(messages.values()) - {messages[f"http://127.0.0.1:{listener}/fhir"]}) == 1


def test_refusals_do_not_tell_open_ports_from_closed_ones(client: httpx.Client, listener: int) -> None:
    open_port = client.post(SERVICE, json=_with_fhir_server(f"https://127.0.0.1:{listener}/fhir"))
    closed = client.post(SERVICE, json=_with_fhir_server(f"https://127.0.0.1:{_closed_port()}/fhir"))
    assert open_port.json()["error"]["message"] == closed.json()["error"]["message"]
    assert str(listener) not in open_port.text


def test_security_headers_on_every_response(client: httpx.Client) -> None:
    decision_id = client.post("/v1/evaluate", json={"tumor": {"size_cm": 1.8}}).json()["decision_id"]
    for path in ("/", f"/decisions/{decision_id}", f"/decisions/{decision_id}/handout", "/v1/procedures",
                 "/cds-services", "/static/htmx.min.js", "/no-such-page"):  # fmt: skip
        r = client.get(path)
        csp = r.headers.get("content-security-policy", "")
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp, path
        assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";", 1)[0], path
        assert r.headers.get("x-content-type-options") == "nosniff", path
        assert r.headers.get("referrer-policy") == "no-referrer", path
    for path in (f"/decisions/{decision_id}", f"/decisions/{decision_id}/handout", f"/v1/decisions/{decision_id}"):
        assert client.get(path).headers.get("cache-control") == "no-store", path


def test_templates_have_no_inline_script() -> None:
    """The CSP allows scripts from the service's own files only: no template may rely on inline code."""
    for template in TEMPLATES.glob("*.html"):
        text = template.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), template.name
        assert not re.search(r"\son[a-z]+\s*=", text), template.name  # no onclick= and the like


def test_csv_export_neutralises_formulas_and_files_are_private(
    client: httpx.Client, server: Server, tmp_path: Path
) -> None:
    card = client.post(SERVICE, json=reference_request()).json()["cards"][0]
    comments = ['=HYPERLINK("http://x.example")', "+1+1", "-2+3", "@SUM(A1)", "\tindented", "plain words"]
    for i, comment in enumerate(comments):
        feedback = {
            "feedback": [
                {
                    "card": card["uuid"],
                    "outcome": "overridden",
                    "overrideReason": {"userComment": comment},
                    "outcomeTimestamp": f"2026-11-25T10:20:{10 + i:02d}Z",
                }
            ]
        }
        assert client.post(f"{SERVICE}/feedback", json=feedback).status_code == 200
    out = tmp_path / "feedback.csv"
    subprocess.run(
        [RIGHTSCAN, "log", "export", "--database", server.database, "--table", "feedback", "-o", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.stat().st_mode & 0o077 == 0
    # the comments are free text the log no longer keeps (attack pass 44): only their lengths are written
    rows = list(csv.DictReader(out.open(newline="")))
    assert "user_comment" not in rows[0] and "plain words" not in out.read_text()
    assert {len(c) for c in comments} <= {int(r["comment_chars"]) for r in rows if r["comment_chars"]}
    # formula-leading text in any cell is still neutralised
    for comment in comments[:-1]:
        assert spreadsheet_safe(comment) == "'" + comment
    assert spreadsheet_safe("plain words") == "plain words"
    parquet = tmp_path / "feedback.parquet"
    subprocess.run(
        [RIGHTSCAN, "log", "export", "--database", server.database, "--table", "feedback", "--format", "parquet",
         "-o", str(parquet)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    assert parquet.stat().st_mode & 0o077 == 0


def test_origin_null_form_posts_pass_only_when_fetch_metadata_says_same_origin(client: httpx.Client) -> None:
    """Pages are served with Referrer-Policy: no-referrer, so browsers send ``Origin: null`` on their own
    form posts; Sec-Fetch-Site tells those from a sandboxed or cross-site page's posts."""
    form = {"setting": "new_diagnosis", "tumor.size_cm": "1.8"}
    own = client.post("/evaluate", data=form, headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"})
    assert own.status_code == 200
    for fetch_site in ("cross-site", "same-site", None):
        headers = {"Origin": "null"} | ({"Sec-Fetch-Site": fetch_site} if fetch_site else {})
        assert client.post("/evaluate", data=form, headers=headers).status_code == 403, fetch_site
    assert client.post("/evaluate", data=form, headers={"Origin": "https://evil.example"}).status_code == 403
