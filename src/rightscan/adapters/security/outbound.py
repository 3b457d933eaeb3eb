"""Outbound HTTP to a server the caller named (a CDS call's ``fhirServer``, a SMART launch's ``iss`` and
the endpoints its configuration names), without turning the service into a probe of its own network.

:func:`pin` resolves the host **once**, refuses it when any address it resolves to is not public
(loopback, private, link-local - the cloud metadata address 169.254.169.254 among them -, shared,
multicast, reserved, unspecified ``0.0.0.0``/``::``, and IPv6 forms that carry such an IPv4 address:
IPv4-mapped, 6to4, NAT64, Teredo), unless the host is allowlisted, and returns the checked address.
:func:`client` then connects to that address only: each request's URL is rewritten to the address,
while the ``Host`` header keeps the original name and TLS verifies the certificate for that name
(SNI), so a DNS answer that changes between the check and the connection (DNS rebinding) changes
nothing. A request to any other host than the pinned ones is refused before a socket is opened, and
redirects are never followed.

Refusals are worded alike whatever the cause (no oracle for which hosts or ports exist).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from rightscan.adapters.security.refusal import Refusal

_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class Refused(Refusal):
    """The URL may not be called (``reason`` is safe to show: it never names the address)."""


@dataclass(frozen=True, slots=True)
class Policy:
    """https only (plain http when ``allow_http``); non-public addresses only for ``allowed_hosts``."""

    allow_http: bool = False
    allowed_hosts: Collection[str] = ()
    resolve_seconds: float = 2.0  # the caller names the host: its name server may answer slowly or never


@dataclass(frozen=True, slots=True)
class Pin:
    """A checked URL: its scheme, host (lower case), port and the one address to connect to."""

    url: str
    scheme: str
    host: str
    port: int
    address: str


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]  # the client's address
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def _public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    special = ip.is_multicast or ip.is_reserved or ip.is_unspecified or ip.is_loopback or ip.is_link_local
    return ip.is_global and not special


def public_address(address: str) -> bool:
    """True for an address on the public internet (and every IPv4 address an IPv6 one carries, too)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if ip.ipv4_mapped is not None:
            return _public(ip.ipv4_mapped)  # ::ffff:a.b.c.d is a.b.c.d
        if inner is not None and not _public(inner):
            return False
    return _public(ip)


def check_url(url: str, policy: Policy) -> tuple[str, str, int, bool]:
    """(scheme, host, port, allowlisted) of a URL the policy lets through; ``Refused`` otherwise."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise Refused("the URL is not usable") from None
    host = (parts.hostname or "").lower()
    allowed = host in {h.lower() for h in policy.allowed_hosts}
    if parts.scheme != "https" and not (parts.scheme == "http" and (policy.allow_http or allowed)):
        raise Refused("the URL must be https")
    if not host or parts.username or parts.password:
        raise Refused("the URL is not usable")
    return parts.scheme, host, port or (443 if parts.scheme == "https" else 80), allowed


async def pin(url: str, policy: Policy) -> Pin:
    """``url`` checked and resolved once: the address to connect to (``Refused`` when it may not be called)."""
    scheme, host, port, allowed = check_url(url, policy)
    try:
        lookup = asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
        infos = await asyncio.wait_for(lookup, policy.resolve_seconds)
    except (OSError, ValueError, UnicodeError, TimeoutError):
        raise Refused("the server could not be reached") from None
    addresses = [str(info[4][0]) for info in infos]
    if not addresses or (not allowed and not all(public_address(a) for a in addresses)):
        raise Refused("the URL is not an allowed address")
    return Pin(url=url, scheme=scheme, host=host, port=port, address=addresses[0].split("%", 1)[0])


class _PinnedTransport(httpx.AsyncBaseTransport):
    """Sends each request to its host's pinned address (``Host`` and TLS keep the name); any other host is
    refused before a connection is made."""

    def __init__(self, pins: Iterable[Pin]) -> None:
        self._pins = {(p.scheme, p.host, p.port): p for p in pins}
        self._inner = httpx.AsyncHTTPTransport(trust_env=False)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        key = (url.scheme, url.host.lower(), url.port or (443 if url.scheme == "https" else 80))
        target = self._pins.get(key)
        if target is None:
            raise httpx.ConnectError("host not checked", request=request)
        request.url = url.copy_with(host=target.address)  # the Host header was set from the name already
        if url.scheme == "https":
            request.extensions = {**request.extensions, "sni_hostname": target.host}
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


def client(pins: Iterable[Pin], *, timeout: float, headers: dict[str, str] | None = None) -> httpx.AsyncClient:
    """An HTTP client that reaches only the pinned hosts, at their checked addresses, never redirected."""
    return httpx.AsyncClient(
        transport=_PinnedTransport(pins), timeout=timeout, follow_redirects=False, headers=headers, trust_env=False
    )
