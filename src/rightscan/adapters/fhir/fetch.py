"""Fetch prefetch data the EHR did not send, from its FHIR server, with the access it granted.

Only the service's own prefetch templates are requested (never a URL taken from the data), with a
short timeout, no redirects and a size cap. Errors name the prefetch key and the HTTP status only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote

import httpx
import orjson

MAX_BYTES = 5_000_000
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


async def fetch_prefetch(
    fhir_server: str, access_token: str, keys: Iterable[str], context: Mapping[str, Any], *, timeout: float = 2.0
) -> dict[str, Any]:
    from rightscan.adapters.fhir.mcode import PREFETCH_TEMPLATES

    base = fhir_server.rstrip("/")
    if not base.startswith(("https://", "http://")):
        raise FetchError("fhirServer must be an http(s) URL")
    headers = {"Authorization": f"Bearer {access_token}", "Accept": "application/fhir+json"}
    out: dict[str, Any] = {}
    async with httpx.AsyncClient(timeout=timeout, follow_redirects=False, headers=headers) as client:
        for key in keys:
            url = f"{base}/{render(PREFETCH_TEMPLATES[key], context)}"
            try:
                response = await client.get(url)
            except httpx.HTTPError as exc:
                raise FetchError(f"{key}: {type(exc).__name__}") from None
            if response.status_code == 404:
                out[key] = None  # the server has no such data
                continue
            if response.status_code != 200:
                raise FetchError(f"{key}: HTTP {response.status_code}")
            if len(response.content) > MAX_BYTES:
                raise FetchError(f"{key}: response too large")
            try:
                out[key] = orjson.loads(response.content)
            except orjson.JSONDecodeError:
                raise FetchError(f"{key}: not JSON") from None
    return out
