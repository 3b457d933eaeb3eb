"""Fetch prefetch data the EHR did not send, from its FHIR server, with the access it granted.

Only the service's own prefetch templates are requested (never a URL taken from the data), with a
short timeout, no redirects and a size cap, and only from an https server on a public address, connecting to the
address that was checked (see :func:`check_server`). Errors name the prefetch key and the HTTP status only.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Collection, Iterable, Mapping
from typing import Any
from urllib.parse import quote

import httpx
import orjson

from rightscan.adapters.security import outbound
from rightscan.adapters.security.outbound import Pin

# all keys of one call together: the default of RIGHTSCAN_MAX_BODY_BYTES (an inline prefetch's cap)
MAX_BYTES = 2_000_000
_TOKEN = re.compile(r"\{\{\s*context\.(\w+)\s*\}\}")


class FetchError(RuntimeError):
    """A prefetch key could not be fetched (message: key and status only)."""


def render(template: str, context: Mapping[str, Any]) -> str:
    def value(match: re.Match[str]) -> str:
        v = context.get(match.group(1))
        if not isinstance(v, str) or not v:
            raise FetchError(f"template needs context.{match.group(1)}")
        return quote(v, safe="")

    return _TOKEN.sub(value, template)


async def check_server(
    fhir_server: str, *, allow_http: bool = False, allowed_hosts: Collection[str] = (), timeout: float = 2.0
) -> Pin:
    """The FHIR base URL, pinned to its checked address, once it is safe to send the EHR's access token
    there (``FetchError`` otherwise).

    The caller chooses ``fhirServer``, so it must not turn the service into a probe of its own network:
    https only (plain http only when allowed), and the host must not resolve to a loopback, private,
    link-local or otherwise non-public address, unless the host is allowlisted; the connection then goes
    to the address that was checked (:mod:`rightscan.adapters.security.outbound`). Refusals are worded
    alike whatever the cause, so they reveal nothing about which hosts or ports exist.
    """
    try:
        return await outbound.pin(fhir_server.rstrip("/"), outbound.Policy(allow_http, tuple(allowed_hosts), timeout))
    except outbound.Refused as exc:
        if exc.reason == "the URL must be https":
            raise FetchError("fhirServer must be an https URL") from None
        if exc.reason == "the server could not be reached":
            raise FetchError("the FHIR server could not be reached") from None
        raise FetchError("fhirServer is not an allowed address") from None


async def fetch_prefetch(
    fhir_server: str,
    access_token: str,
    keys: Iterable[str],
    context: Mapping[str, Any],
    *,
    timeout: float = 2.0,
    allow_http: bool = False,
    allowed_hosts: Collection[str] = (),
    max_bytes: int = MAX_BYTES,
) -> dict[str, Any]:
    """The prefetch keys ``keys`` read from the FHIR server. ``max_bytes`` bounds the answers of all keys
    together, as the request-body cap bounds a prefetch sent inline: fetching must not let a caller hand
    the service more data to decode than it could have sent itself."""
    from rightscan.adapters.fhir.prefetch import PREFETCH_TEMPLATES

    target = await check_server(fhir_server, allow_http=allow_http, allowed_hosts=allowed_hosts, timeout=timeout)
    base = target.url
    # the answer as sent, never compressed: httpx expands each received chunk in one go (a few hundred bytes
    # of brotli become gigabytes), before any size cap could count it
    headers = {
        "Authorization": f"Bearer {access_token}",
        "Accept": "application/fhir+json",
        "Accept-Encoding": "identity",
    }
    out: dict[str, Any] = {}
    left = max_bytes
    async with outbound.client([target], timeout=timeout, headers=headers) as client:
        for key in keys:
            url = f"{base}/{render(PREFETCH_TEMPLATES[key], context)}"
            try:
                # httpx's timeout bounds each read, not the answer: a server trickling bytes would hold
                # the call for minutes, so the whole answer gets the same budget
                status, content = await asyncio.wait_for(_get(client, url, left), timeout)
            except (httpx.HTTPError, TimeoutError):  # one wording for refused, reset and timed-out: no port oracle
                raise FetchError("the FHIR server could not be reached") from None
            if status == 404:
                out[key] = None  # the server has no such data
                continue
            if status != 200:
                raise FetchError(f"{key}: HTTP {status}")
            if content is None:
                raise FetchError(
                    f"{key}: response compressed, or the answers pass {max_bytes} bytes (RIGHTSCAN_MAX_BODY_BYTES)"
                )
            left -= len(content)
            try:
                out[key] = orjson.loads(content)
            except orjson.JSONDecodeError:
                raise FetchError(f"{key}: not JSON") from None
    return out


async def _get(client: httpx.AsyncClient, url: str, limit: int) -> tuple[int, bytes | None]:
    """The status and body of a GET; the body is None past ``limit`` bytes, counted while it streams (a
    server sending hundreds of megabytes must not have them held in memory first), and None when it is
    compressed although ``identity`` was asked for (it is never expanded)."""
    async with client.stream("GET", url) as response:
        if response.status_code != 200:
            return response.status_code, b""
        if response.headers.get("content-encoding", "identity").strip().lower() not in ("", "identity"):
            return 200, None
        body = bytearray()
        async for chunk in response.aiter_raw():
            body += chunk
            if len(body) > limit:
                return 200, None
        return 200, bytes(body)
