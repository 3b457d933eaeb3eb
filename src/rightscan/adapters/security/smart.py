"""SMART on FHIR EHR launch, the client side (SMART App Launch 2, OAuth 2 authorisation code with PKCE).

The EHR opens ``/launch?iss=<its FHIR base URL>&launch=<opaque>``; RightScan

1. checks ``iss`` against the configured SMART servers and the outbound-fetch policy (the same rules as
   a CDS call's ``fhirServer``: https on a public address unless the host is allowlisted),
2. reads ``{iss}/.well-known/smart-configuration`` for the ``authorization_endpoint`` and
   ``token_endpoint`` (each held to the same policy),
3. sends the browser to the authorisation endpoint with ``response_type=code``, the client id, the
   redirect URI, the scope, a random ``state``, ``aud=iss``, ``launch`` and an S256 code challenge,
4. on the way back, exchanges the code and the code verifier at the token endpoint, and keeps only the
   launch context: the ``patient`` (and a ``tenant`` when the EHR sends one). The access token is
   neither used nor kept nor logged.

Every HTTP exchange here goes to the address its host was checked at (no DNS rebinding), has a short
timeout, follows no redirect and reads at most
:data:`MAX_RESPONSE_BYTES`. Failures raise :class:`SmartError` with a fixed phrase that never quotes a
token, a code or the server's own words (an OAuth ``error`` code is repeated only when it is one of the
standard codes).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx
import orjson

from rightscan.adapters.security import outbound

MAX_RESPONSE_BYTES = 64 * 1024
DEFAULT_SCOPE = "launch openid fhirUser patient/*.read"
WELL_KNOWN = "/.well-known/smart-configuration"
MAX_PARAM_CHARS = 2048
_FHIR_ID = re.compile(r"[A-Za-z0-9\-.]{1,64}")  # FHIR's id datatype
_TENANT = re.compile(r"[\x21-\x7e]{1,256}")
_OAUTH_ERRORS = frozenset(
    {
        "invalid_request",
        "invalid_client",
        "invalid_grant",
        "unauthorized_client",
        "unsupported_grant_type",
        "invalid_scope",
        "access_denied",
        "unsupported_response_type",
        "server_error",
        "temporarily_unavailable",
    }
)


class SmartError(Exception):
    """A launch that cannot go on; ``status`` is the HTTP status to answer, ``reason`` safe to show."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Endpoints:
    authorize: str
    token: str


@dataclass(frozen=True, slots=True)
class LaunchContext:
    """What the token response says about the launch: the patient, and the tenant when given."""

    patient: str
    tenant: str | None


@dataclass(frozen=True, slots=True)
class Policy:
    """Where the service may send requests (the outbound FHIR policy) and how long it waits."""

    allow_http: bool = False
    allowed_hosts: Collection[str] = ()
    timeout: float = 2.0


def code_challenge(verifier: str) -> str:
    """RFC 7636 S256: base64url(SHA-256(verifier)) without padding."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def oauth_error(value: str | None) -> str:
    """An OAuth error code fit to repeat (one of the standard codes), else a neutral word."""
    return value if value in _OAUTH_ERRORS else "error"


async def _pinned(url: str, policy: Policy, what: str) -> outbound.Pin:
    """``url`` checked against the outbound-fetch policy and pinned to the address that was checked
    (``SmartError`` 403 otherwise)."""
    try:
        return await outbound.pin(url, outbound.Policy(policy.allow_http, tuple(policy.allowed_hosts)))
    except outbound.Refused:
        raise SmartError(403, f"{what} is not an allowed address") from None


async def _allowed(url: str, policy: Policy, what: str) -> str:
    """``url`` unchanged once its host passes the outbound-fetch policy (``SmartError`` 403 otherwise)."""
    await _pinned(url, policy, what)
    return url


async def _json_call(
    policy: Policy,
    method: str,
    url: str,
    form: dict[str, str] | None,
    what: str,
    refused: Callable[[httpx.Response], Awaitable[SmartError]],
) -> Any:
    """One bounded JSON exchange with the EHR. ``refused`` turns an answer other than 200 into the error
    to raise; ``what`` names the other end when it cannot be reached (502)."""
    headers = {"Accept": "application/json", "Accept-Encoding": "identity"}
    target = await _pinned(url, policy, what)  # resolved once more, then connected to that checked address
    try:
        async with (
            outbound.client([target], timeout=policy.timeout) as client,
            client.stream(method, url, data=form, headers=headers) as response,
        ):
            if response.status_code != 200:
                raise await refused(response)
            return await _bounded_json(response)
    except httpx.HTTPError:
        raise SmartError(502, f"{what} could not be reached") from None


async def _bounded_json(response: httpx.Response) -> Any:
    body = bytearray()
    async for chunk in response.aiter_raw():
        body += chunk
        if len(body) > MAX_RESPONSE_BYTES:
            raise SmartError(502, f"the EHR's answer is larger than {MAX_RESPONSE_BYTES} bytes")
    try:
        return orjson.loads(bytes(body))
    except orjson.JSONDecodeError:
        raise SmartError(502, "the EHR's answer is not JSON") from None


async def check_issuer(iss: str, policy: Policy) -> str:
    """``iss`` once it passes the outbound-fetch policy (without a trailing slash)."""
    return (await _allowed(iss, policy, "the EHR's FHIR server (iss)")).rstrip("/")


async def discover(iss: str, policy: Policy) -> Endpoints:
    """The authorisation and token endpoints from ``{iss}/.well-known/smart-configuration``."""
    base = await check_issuer(iss, policy)

    async def refused(response: httpx.Response) -> SmartError:
        return SmartError(502, f"the EHR's SMART configuration answered HTTP {response.status_code}")

    document = await _json_call(policy, "GET", base + WELL_KNOWN, None, "the EHR's SMART configuration", refused)
    if not isinstance(document, dict):
        raise SmartError(502, "the EHR's SMART configuration is not a JSON object")
    authorize, token = document.get("authorization_endpoint"), document.get("token_endpoint")
    if not isinstance(authorize, str) or not isinstance(token, str):
        raise SmartError(502, "the EHR's SMART configuration names no authorization or token endpoint")
    methods = document.get("code_challenge_methods_supported")
    if isinstance(methods, list) and "S256" not in methods:
        raise SmartError(502, "the EHR's authorization server does not support PKCE S256")
    return Endpoints(
        authorize=await _allowed(authorize, policy, "the authorization endpoint"),
        token=await _allowed(token, policy, "the token endpoint"),
    )


def authorize_url(
    endpoint: str, *, client_id: str, redirect_uri: str, scope: str, state: str, aud: str, launch: str, verifier: str
) -> str:
    """Where to send the browser: the authorisation request of an EHR launch with PKCE S256."""
    query = urlencode(
        {
            "response_type": "code",
            "client_id": client_id,
            "redirect_uri": redirect_uri,
            "scope": scope,
            "state": state,
            "aud": aud,
            "launch": launch,
            "code_challenge": code_challenge(verifier),
            "code_challenge_method": "S256",
        }
    )
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"


async def exchange(
    token_endpoint: str, *, code: str, verifier: str, client_id: str, redirect_uri: str, policy: Policy
) -> LaunchContext:
    """Trade the code (and the PKCE verifier) for the launch context at the token endpoint."""
    endpoint = await _allowed(token_endpoint, policy, "the token endpoint")
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": redirect_uri,
        "client_id": client_id,
        "code_verifier": verifier,
    }

    async def refused(response: httpx.Response) -> SmartError:
        # RFC 6749 5.2: a JSON error object; only its standard code is repeated
        try:
            refusal = await _bounded_json(response)
        except SmartError:
            refusal = None
        code_word = oauth_error(refusal.get("error") if isinstance(refusal, dict) else None)
        return SmartError(401, f"the EHR refused the sign-in ({code_word})")

    answer = await _json_call(policy, "POST", endpoint, form, "the EHR's token endpoint", refused)
    if not isinstance(answer, dict):
        raise SmartError(502, "the EHR's token answer is not a JSON object")
    patient, tenant = answer.get("patient"), answer.get("tenant")
    if not isinstance(patient, str) or not _FHIR_ID.fullmatch(patient):
        raise SmartError(403, "the EHR gave no patient for this launch (launch from a patient's chart)")
    if tenant is not None and (not isinstance(tenant, str) or not _TENANT.fullmatch(tenant)):
        raise SmartError(502, "the EHR's token answer carries an unusable tenant")
    return LaunchContext(patient=patient, tenant=tenant)
