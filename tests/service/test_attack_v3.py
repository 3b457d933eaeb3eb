"""Third outside attack on the running service (over real HTTP on 127.0.0.1).

Each test reproduced its finding before the fix (see docs/security.md, third pass).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any, ClassVar

import httpx
import pytest

from conftest import ROOT, LoopbackHttp

from .conftest import Server, start_server
from .test_cds import SERVICE, fetching_request, reference_request

# Media types FastAPI reads as JSON besides the exact lower-case ``application/json``.
JSON_TYPES_FASTAPI_READS = ("Application/JSON", "APPLICATION/JSON; charset=utf-8", "application/fhir+json")


@pytest.mark.parametrize("content_type", JSON_TYPES_FASTAPI_READS)
def test_every_json_media_type_gets_the_strict_parser(server: Server, content_type: str) -> None:
    """The strict JSON reading (orjson: no NaN, no integer beyond 64 bits; no repeated key) was applied
    only when the header began with the exact text ``application/json``. FastAPI itself reads any
    ``application/*+json`` and the type in any letter case as JSON, with the standard library's parser:
    a 400-digit lab value in a CDS call then crashed it with a 500, and a repeated key went through."""
    text = json.dumps(reference_request())
    huge = text.replace('"value": 95,', '"value": ' + "9" * 400 + ",", 1)
    assert huge != text
    r = httpx.post(f"{server.url}{SERVICE}", content=huge, headers={"Content-Type": content_type}, timeout=60)
    assert r.status_code == 400, r.text[:200]
    assert r.json()["error"]["field"] == "(body)"
    repeated = text.replace('"hook": "order-select"', '"hook": "order-sign", "hook": "order-select"', 1)
    assert repeated != text
    r = httpx.post(f"{server.url}{SERVICE}", content=repeated, headers={"Content-Type": content_type}, timeout=60)
    assert r.status_code == 400, r.text[:200]
    assert r.json()["error"]["field"] == "hook"
    facts = '{"age": 58, "age": 30, "sex": "female", "tumor": {"size_cm": 1.8}}'
    r = httpx.post(f"{server.url}/v1/evaluate", content=facts, headers={"Content-Type": content_type}, timeout=60)
    assert r.status_code == 400, r.text[:200]
    assert r.json()["error"]["field"] == "age"


# ------------------------------------------------------------------ a compressed answer from the FHIR server
def _peak_rss_kib(server: Server) -> int:
    """The server process's peak resident memory (``VmHWM``), in KiB."""
    status = Path(f"/proc/{server.process.pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))


def _brotli_zeros(mib: int) -> bytes:
    import brotli

    compressor = brotli.Compressor(quality=5)
    block = b"\0" * (1 << 20)
    return b"".join([*(compressor.process(block) for _ in range(mib)), compressor.finish()])


class _Bomb(BaseHTTPRequestHandler):
    """A FHIR server answering every read with a few hundred bytes of brotli that expand to hundreds of MiB."""

    body: ClassVar[bytes] = b""
    hits: ClassVar[int] = 0

    def do_GET(self) -> None:
        type(self).hits += 1
        self.send_response(200)
        self.send_header("Content-Type", "application/fhir+json")
        self.send_header("Content-Encoding", "br")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def fetching_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A development-mode server allowed to fetch from a FHIR server on 127.0.0.1 over plain http."""
    env = {"RIGHTSCAN_FHIR_ALLOW_HTTP": "true", "RIGHTSCAN_FHIR_ALLOWED_HOSTS": '["127.0.0.1"]'}
    srv = start_server(tmp_path_factory.mktemp("fetching"), env=env)
    yield srv
    srv.stop()


def test_a_compressed_fhir_answer_cannot_expand_past_the_size_cap(fetching_server: Server) -> None:
    """The prefetch fetch counted the answer's bytes after httpx had decoded them, and httpx decodes each
    chunk it receives in one go: 700 bytes of brotli from the caller-chosen ``fhirServer`` became a 512 MiB
    buffer in the service (a few kilobytes more, and the process runs out of memory). The answer is now
    asked for and read as it is sent, never expanded."""
    _Bomb.body = _brotli_zeros(512)
    assert len(_Bomb.body) < 2_000
    _Bomb.hits = 0
    fhir = LoopbackHttp(_Bomb)
    try:
        # warm the service first, so that the measure below is the fetch's alone
        assert httpx.post(f"{fetching_server.url}{SERVICE}", json=reference_request(), timeout=60).status_code == 200
        before = _peak_rss_kib(fetching_server)
        started = time.monotonic()
        r = httpx.post(f"{fetching_server.url}{SERVICE}", json=fetching_request(fhir.url("/fhir")), timeout=60)
        elapsed = time.monotonic() - started
        grown_mib = (_peak_rss_kib(fetching_server) - before) / 1024
    finally:
        fhir.stop()
    assert _Bomb.hits >= 1, "the FHIR server was asked"
    assert r.status_code == 412, r.text[:200]
    assert r.json()["error"]["field"] == "fhirServer"
    assert grown_mib < 64, f"the service's peak memory grew by {grown_mib:.0f} MiB"
    assert elapsed < 5
    assert fetching_server.process.poll() is None


# ------------------------------------------------------------------ bounded work on the web form's pasted JSON
def _cpu_seconds(server: Server) -> float:
    """User plus system CPU the server process has used so far."""
    fields = Path(f"/proc/{server.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_pasted_json_with_thousands_of_unknown_fields_is_answered_in_bounded_time(server: Server) -> None:
    """The web form's pasted JSON reported every problem, each unknown key named by its position, found by
    a linear search: 20,000 unknown keys (250 KB) cost the server 4.4 s of CPU and a 3 MB page, and the
    work grows with the square of the count. The form now names the first problems and says how many
    more there are."""
    facts = json.loads((ROOT / "examples" / "reference_patient.json").read_text())
    pasted = json.dumps({**facts, **{f"field{i}": 1 for i in range(20_000)}})
    before = _cpu_seconds(server)
    r = httpx.post(f"{server.url}/evaluate", data={"mode": "json", "json": pasted}, timeout=120)
    spent = _cpu_seconds(server) - before
    assert r.status_code == 422
    assert "Input JSON, field {key 22}" in r.text  # the first unknown key, by its position, not its text
    assert r.text.count("Input JSON, field {key") < 100, "the first problems are named, not all 20,000"
    assert spent < 1.0, f"{spent:.2f} s of CPU"
    assert len(r.content) < 2 * len(pasted) + 200_000  # the pasted text comes back (escaped), the problems do not


# ------------------------------------------------------------------ feedback: what it may store
def test_feedback_accepts_only_suggestion_ids_a_card_could_have_offered(server: Server) -> None:
    """Feedback bounded its entries and comments, not the accepted suggestions: one call of 20 entries,
    each accepting a 90,000-character suggestion id, stored 1.8 MB in the decision log, and any caller
    could repeat it with new timestamps. A card of this service offers a few suggestions, each named by
    a UUID."""
    card = httpx.post(f"{server.url}{SERVICE}", json=reference_request(), timeout=60).json()["cards"][0]

    def accepted(suggestions: list[dict[str, str]], second: int) -> dict[str, Any]:
        entry = {"card": card["uuid"], "outcome": "accepted", "acceptedSuggestions": suggestions}
        return {"feedback": [entry | {"outcomeTimestamp": f"2026-11-25T10:20:{second:02d}Z"}]}

    r = httpx.post(f"{server.url}{SERVICE}/feedback", json=accepted([{"id": "S" * 90_000}], 1), timeout=60)
    assert r.status_code == 422, r.text[:200]
    assert r.json()["error"]["field"] == "feedback[0].acceptedSuggestions[0].id"
    assert "S" * 65 not in r.text
    r = httpx.post(f"{server.url}{SERVICE}/feedback", json=accepted([{"id": "a\u0000b"}], 1), timeout=60)
    assert r.status_code == 422, r.text[:200]  # PostgreSQL cannot store a NUL, not even in JSON
    many = [{"id": f"suggestion-{i}"} for i in range(1_000)]
    r = httpx.post(f"{server.url}{SERVICE}/feedback", json=accepted(many, 2), timeout=60)
    assert r.status_code == 422, r.text[:200]
    assert r.json()["error"]["field"] == "feedback[0].acceptedSuggestions"
    offered = [{"id": s["uuid"]} for s in card.get("suggestions", [])][:1] or [{"id": "cancel"}]
    r = httpx.post(f"{server.url}{SERVICE}/feedback", json=accepted(offered, 3), timeout=60)
    assert r.status_code == 200, r.text[:200]
    assert r.json() == {"received": 1, "new": 1}


# ------------------------------------------------------------------ refusals name what they refuse
def test_a_streamed_body_over_the_cap_and_an_oversized_form_field_are_named(server: Server) -> None:
    """A body announced by its length past RIGHTSCAN_MAX_BODY_BYTES was refused naming ``(body)``; the same
    body streamed without a length was refused without a field, and so was a form field past the form
    reader's limit."""

    def chunks() -> Iterator[bytes]:
        for _ in range(40):
            yield b"[" + b"0," * 32_000 + b"0]"

    r = httpx.post(f"{server.url}/v1/evaluate", content=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413, r.text[:200]
    assert r.json()["error"]["field"] == "(body)"
    r = httpx.post(f"{server.url}/note", data={"note": "bone pain " * 120_000}, timeout=60)
    assert r.status_code in (400, 413), r.text[:200]
    assert r.json()["error"]["field"] == "(form)"
    assert "bone pain" not in r.text


# ------------------------------------------------------------------ a form field sent twice
def test_a_form_field_sent_twice_is_refused_naming_it(server: Server) -> None:
    """A repeated key in JSON is refused (the last one winning hides what the sender meant), but a repeated
    form field was not: ``tumor.size_cm=1.8&tumor.size_cm=6`` staged a 6 cm tumour without a word. The
    page's own form sends each field once (the symptoms' boxes excepted)."""
    facts = (
        "tumor.histology=IDC&tumor.n=N0&tumor.m=M0&tumor.grade=2&tumor.er=positive&tumor.pr=positive"
        "&tumor.her2=negative&setting=new_diagnosis&order=PET%2FCT&age=58&sex=female"
        "&symptoms=bone_pain&symptoms=headache"
    )
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    once = httpx.post(f"{server.url}/evaluate", content=facts + "&tumor.size_cm=1.8", headers=form, timeout=60)
    assert once.status_code == 200, once.text[:300]
    twice = httpx.post(
        f"{server.url}/evaluate", content=facts + "&tumor.size_cm=1.8&tumor.size_cm=6", headers=form, timeout=60
    )
    assert twice.status_code == 422
    assert "sent more than once" in twice.text
    assert "stage IIB" not in twice.text
