"""Outbound requests (a CDS call's ``fhirServer``, the SMART launch's endpoints) go to the address that
was checked, and only to it (issue 10, SSRF).

A name is resolved once; every address it resolves to must be public (unless the name is allowlisted),
and the connection is made to that checked address, with the original name kept for the ``Host``
header and TLS (SNI and certificate). A DNS server that answers a public address to the check and a
loopback one to the connection (DNS rebinding) must not reach loopback. The resolver here is faked;
the servers are real sockets on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from typing import Any

import httpx
import pytest

from conftest import LoopbackHttp
from rightscan.adapters.fhir.fetch import FetchError, fetch_prefetch
from rightscan.adapters.security import outbound, smart


class Recorder:
    """A loopback HTTP server that records each request's path and Host header; answers ``answer``."""

    def __init__(self, status: int = 200, body: bytes = b"{}", location: str | None = None) -> None:
        self.hits: list[tuple[str, str]] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                owner.hits.append((self.path, self.headers.get("Host", "")))
                self.send_response(status)
                if location:
                    self.send_header("Location", location)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._http = LoopbackHttp(Handler)
        self.port = self._http.port

    def stop(self) -> None:
        self._http.stop()


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    r = Recorder()
    yield r
    r.stop()


class Rebinding:
    """A resolver answering ``first`` to the first question about ``name`` and ``then`` afterwards."""

    def __init__(self, name: str, first: str, then: str) -> None:
        self.name, self.first, self.then = name, first, then
        self.calls = 0
        self._real = socket.getaddrinfo

    def __call__(self, host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host  # anyio asks with IDNA bytes
        if name != self.name:
            return self._real(host, port, *args, **kwargs)
        self.calls += 1
        address = self.first if self.calls == 1 else self.then
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, int(port or 0)))]


def _fetch(url: str, **kwargs: Any) -> dict[str, Any]:
    context = {"patientId": "p1"}
    return asyncio.run(fetch_prefetch(url, "ehr-token", ["patient"], context, timeout=1.0, allow_http=True, **kwargs))


def test_dns_rebinding_cannot_send_the_token_to_loopback(monkeypatch: pytest.MonkeyPatch, recorder: Recorder) -> None:
    # public to the check, loopback to a second look-up: the connection must go to the checked address
    resolver = Rebinding("ehr.rebind.test", first="1.1.1.1", then="127.0.0.1")
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    with pytest.raises(FetchError):  # 1.1.1.1 on that port does not answer here
        _fetch(f"http://ehr.rebind.test:{recorder.port}/fhir")
    assert recorder.hits == []  # the access token never reached loopback
    assert resolver.calls == 1


def test_the_connection_goes_to_the_checked_address_under_the_original_name(
    monkeypatch: pytest.MonkeyPatch, recorder: Recorder
) -> None:
    # an allowlisted name on loopback; a second look-up would answer an address nobody listens on
    resolver = Rebinding("ehr.pinned.test", first="127.0.0.1", then="10.255.255.1")
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    out = _fetch(f"http://ehr.pinned.test:{recorder.port}/fhir", allowed_hosts=["ehr.pinned.test"])
    assert out == {"patient": {}}
    assert recorder.hits == [("/fhir/Patient/p1", f"ehr.pinned.test:{recorder.port}")]
    assert resolver.calls == 1


def test_a_redirect_is_not_followed(recorder: Recorder) -> None:
    sender = Recorder(status=302, location=f"http://127.0.0.1:{recorder.port}/metadata")
    try:
        with pytest.raises(FetchError, match="HTTP 302"):
            _fetch(f"http://127.0.0.1:{sender.port}/fhir", allowed_hosts=["127.0.0.1"])
    finally:
        sender.stop()
    assert len(sender.hits) == 1 and recorder.hits == []


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "0.0.0.0", "10.0.0.1", "172.16.0.1", "192.168.1.1", "100.64.0.1", "169.254.169.254",
        "224.0.0.1", "240.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "ff02::1",
        "::ffff:127.0.0.1", "::ffff:169.254.169.254", "2002:7f00:1::1", "2002:a00:1::1", "64:ff9b::7f00:1",
        "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo carrying 127.0.0.1 as the client address
    ],
)  # fmt: skip
def test_every_non_public_address_is_refused(address: str) -> None:
    assert not outbound.public_address(address)


@pytest.mark.parametrize("address", ["1.1.1.1", "93.184.216.34", "2606:4700:4700::1111", "::ffff:1.1.1.1"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert outbound.public_address(address)


def test_one_private_address_among_public_ones_refuses_the_name(monkeypatch: pytest.MonkeyPatch) -> None:
    def resolve(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("1.1.1.1", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("169.254.169.254", port)),
        ]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    with pytest.raises(outbound.Refused):
        asyncio.run(outbound.pin("https://mixed.test/fhir", outbound.Policy()))


def test_smart_exchanges_are_pinned_too(monkeypatch: pytest.MonkeyPatch, recorder: Recorder) -> None:
    # the SMART configuration is read from a name that rebinds to loopback after its check
    resolver = Rebinding("ehr.rebind.test", first="1.1.1.1", then="127.0.0.1")
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    policy = smart.Policy(allow_http=True, timeout=1.0)
    with pytest.raises(smart.SmartError) as refused:
        asyncio.run(smart.discover(f"http://ehr.rebind.test:{recorder.port}/fhir", policy))
    assert refused.value.status in (403, 502) and recorder.hits == []  # refused, or 1.1.1.1 unreachable


def _self_signed(tmp: Any, name: str) -> tuple[str, str]:
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp / "cert.pem", tmp / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return str(cert_path), str(key_path)


def test_tls_is_checked_for_the_name_while_connecting_to_the_address(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ssl

    cert, key = _self_signed(tmp_path, "ehr.tls.test")
    server = Recorder()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server._http.httpd.socket = context.wrap_socket(server._http.httpd.socket, server_side=True)
    trusted = ssl.create_default_context(cafile=cert)

    def fetch(name: str) -> int:
        async def go() -> int:
            target = outbound.Pin(f"https://{name}:{server.port}/", "https", name, server.port, "127.0.0.1")
            async with outbound.client([target], timeout=2.0) as http:
                http._transport._inner = httpx.AsyncHTTPTransport(verify=trusted)  # type: ignore[attr-defined]
                return (await http.get(f"https://{name}:{server.port}/fhir/metadata")).status_code

        return asyncio.run(go())

    try:
        assert fetch("ehr.tls.test") == 200  # the certificate names the host, the socket goes to the address
        assert server.hits == [("/fhir/metadata", f"ehr.tls.test:{server.port}")]
        with pytest.raises(httpx.ConnectError):  # another name on the same address: the certificate does not match
            fetch("other.tls.test")
    finally:
        server.stop()


def test_a_slow_name_server_cannot_hold_the_call(monkeypatch: pytest.MonkeyPatch) -> None:
    """The caller names the host, so it may name one whose name server answers slowly (or never): the
    look-up gets the same time budget as the fetch."""
    import time

    real = socket.getaddrinfo

    def slow(host: Any, *args: Any, **kwargs: Any) -> Any:
        if (host.decode() if isinstance(host, bytes) else host) == "slow.dns.test":
            time.sleep(4)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", slow)

    async def timed() -> tuple[float, str]:
        started = time.monotonic()
        try:
            await fetch_prefetch("https://slow.dns.test/fhir", "t", ["patient"], {"patientId": "p1"}, timeout=1.0)
        except FetchError as exc:
            return time.monotonic() - started, str(exc)
        return time.monotonic() - started, "fetched"

    elapsed, outcome = asyncio.run(timed())  # (the look-up thread itself finishes later, off the request)
    assert outcome == "the FHIR server could not be reached" and elapsed < 2, (elapsed, outcome)
