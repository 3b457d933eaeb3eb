"""Development mode over real HTTP: the Host check against DNS rebinding, and repeated keys in the web
form's pasted JSON (issue 10, "Reject duplicate keys"; the web form path is checked like the API)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx

from .conftest import Server, start_server

FORM_JSON = {"setting": "new_diagnosis", "tumor": {"size_cm": 1.5, "n": "N0"}, "order": "PET/CT"}


def test_a_foreign_host_name_is_refused_on_a_loopback_server(server: Server) -> None:
    """A page on rebind.example whose DNS name was re-pointed at 127.0.0.1 sends Host: rebind.example; it
    must not reach the unauthenticated service (neither its pages nor its machine endpoints)."""
    for path in ("/", "/v1/procedures", "/healthz"):
        refused = httpx.get(f"{server.url}{path}", headers={"Host": "rebind.example:8000"})
        assert refused.status_code == 421, path
        assert "Host" in refused.json()["error"]["message"]
    posted = httpx.post(f"{server.url}/v1/evaluate", json=FORM_JSON, headers={"Host": "rebind.example"})
    assert posted.status_code == 421
    port = server.url.rsplit(":", 1)[1]
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", "127.0.0.2", f"[::1]:{port}", "LOCALHOST"):
        assert httpx.get(f"{server.url}/healthz", headers={"Host": host}).status_code == 200, host


def _post_json(server: Server, text: str) -> httpx.Response:
    return httpx.post(f"{server.url}/evaluate", data={"mode": "json", "json": text}, timeout=30)


def _json_error(page: str) -> str:
    """The error shown under the pasted-JSON box (the box itself gives the text back to its author)."""
    match = re.search(r'id="f-json-err">(.*?)</span>\s*</div>', page, re.S)
    assert match, "no error under the JSON box"
    return re.sub(r"<[^>]+>", "", match.group(1))


def test_pasted_json_with_a_repeated_key_is_refused_naming_its_place(server: Server) -> None:
    good = json.dumps(FORM_JSON)
    assert _post_json(server, good).status_code == 200
    # The last "size_cm" would have won silently: 4.5 cm (cT2) instead of 1.5 cm.
    repeated = '{"setting": "new_diagnosis", "tumor": {"size_cm": 1.5, "n": "N0", "size_cm": 4.5}, "order": "PET/CT"}'
    r = _post_json(server, repeated)
    assert r.status_code == 422
    assert "tumor.size_cm appears twice" in _json_error(r.text)
    # A key that is not a field name (it may carry patient text) is named by its position only.
    private = '{"setting": "new_diagnosis", "labs": {"Jane Doe": 1, "Jane Doe": 2}}'
    r = _post_json(server, private)
    assert r.status_code == 422
    error = _json_error(r.text)
    assert "labs.{key 2} appears twice" in error and "Jane" not in error


def test_the_public_url_host_is_accepted_on_a_loopback_server(tmp_path: Path) -> None:
    """Behind a reverse proxy on the same machine, the configured public host is this service's name."""
    srv = start_server(tmp_path, env={"RIGHTSCAN_PUBLIC_URL": "https://rightscan.example.org"})
    try:
        assert httpx.get(f"{srv.url}/healthz", headers={"Host": "rightscan.example.org"}).status_code == 200
        assert httpx.get(f"{srv.url}/healthz", headers={"Host": "other.example.org"}).status_code == 421
    finally:
        srv.stop()
