"""SMART on FHIR EHR launch, the client side (SMART App Launch 2, OAuth 2 authorisation code with PKCE).

The EHR opens ``/launch?iss=<its FHIR base URL>&launch=<opaque>``; RightScan

1. checks ``iss`` against the configured SMART servers and the outbound-fetch policy (the same rules as
   a CDS call's ``fhirServer``: https on a public address unless the host is allowlisted),
2. reads ``{iss}/.well-known/smart-configuration`` for the ``authorization_endpoint`` and
   ``token_endpoint`` (each held to the same policy),
3. sends the browser to the authorisation endpoint with ``response_type=code``, the client id, the
   redirect URI, the scope, a random ``state``, ``aud=iss``, ``launch`` and an S256 code challenge,
4. on the way back, exchanges the code and the code verifier at the token endpoint (a confidential
   client also authenticates with its secret, HTTP Basic), and keeps only the launch context of the
   token response: the ``patient`` (and a ``tenant`` when the EHR sends one). The access token is
   neither used nor kept nor logged.
5. an ``id_token`` in that response (``openid`` scope) is checked before the launch goes on - signature
   by a key of the ``jwks_uri`` the SMART configuration names, ``iss`` equal to its ``issuer``, ``aud``
   the client id (``azp`` too when there are several audiences), ``exp``/``iat``, and the ``nonce`` sent
   with the authorisation request - and refused when any check fails. When the configuration names no
   ``issuer`` or ``jwks_uri`` it cannot be checked, and it is not used (nothing is read from it).

The configuration is remembered per allowed issuer (:class:`Discovery`): ``/launch`` needs no credential,
so without it anyone could make RightScan call an EHR as often as they called ``/launch``. An answer is
reused for :data:`DISCOVERY_TTL` seconds, a failure for :data:`DISCOVERY_FAILURE_TTL` (a dead EHR is not
asked again on every launch), launches arriving together wait for one fetch, and only the configured
issuers are ever kept.

Every HTTP exchange here goes to the address its host was checked at (no DNS rebinding), has a short
time budget for the whole answer, follows no redirect and reads at most
:data:`MAX_RESPONSE_BYTES`. Failures raise :class:`SmartError` with a fixed phrase that never quotes a
token, a code or the server's own words (an OAuth ``error`` code is repeated only when it is one of the
standard codes).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import re
import time
from collections.abc import Awaitable, Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

import httpx
import jwt
import orjson
from cachetools import TTLCache

from rightscan.adapters.security import outbound

MAX_RESPONSE_BYTES = 64 * 1024
DEFAULT_SCOPE = "launch openid fhirUser patient/*.read"
WELL_KNOWN = "/.well-known/smart-configuration"
MAX_PARAM_CHARS = 2048
DISCOVERY_TTL = 300.0  # seconds an EHR's SMART configuration is reused
DISCOVERY_FAILURE_TTL = 10.0  # seconds a failed fetch of it is answered without asking again
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


ID_TOKEN_ALGORITHMS = ("RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512")
ID_TOKEN_LEEWAY = 60  # seconds of clock difference allowed on exp / iat


@dataclass(frozen=True, slots=True)
class Endpoints:
    authorize: str
    token: str
    issuer: str | None = None  # the OpenID issuer an id_token must name (None: id_token not checkable)
    jwks_uri: str | None = None  # where its signing keys are published


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
        return await outbound.pin(url, outbound.Policy(policy.allow_http, tuple(policy.allowed_hosts), policy.timeout))
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
    extra_headers: dict[str, str] | None = None,
) -> Any:
    """One bounded JSON exchange with the EHR. ``refused`` turns an answer other than 200 into the error
    to raise; ``what`` names the other end when it cannot be reached (502), or does not answer whole within
    ``policy.timeout`` (httpx's timeout bounds each read, so a server trickling bytes would hold the launch)."""
    headers = {"Accept": "application/json", "Accept-Encoding": "identity", **(extra_headers or {})}
    target = await _pinned(url, policy, what)  # resolved once more, then connected to that checked address
    try:
        async with (
            asyncio.timeout(policy.timeout),
            outbound.client([target], timeout=policy.timeout) as client,
            client.stream(method, url, data=form, headers=headers) as response,
        ):
            if response.status_code != 200:
                raise await refused(response)
            return await _bounded_json(response)
    except (httpx.HTTPError, TimeoutError):
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
    issuer, jwks_uri = document.get("issuer"), document.get("jwks_uri")
    checkable = isinstance(issuer, str) and isinstance(jwks_uri, str) and 0 < len(issuer) <= MAX_PARAM_CHARS
    return Endpoints(
        authorize=await _allowed(authorize, policy, "the authorization endpoint"),
        token=await _allowed(token, policy, "the token endpoint"),
        issuer=issuer if checkable else None,
        jwks_uri=await _allowed(jwks_uri, policy, "the EHR's key set (jwks_uri)") if checkable else None,
    )


class Discovery:
    """:func:`discover`, remembered per issuer for the issuers in ``allowed`` only (the cache holds at most
    that many answers and failures; any other issuer is refused, 403, without a fetch).

    One instance per process, used from its event loop: a lock per issuer makes launches that arrive
    together while nothing is remembered wait for one fetch. A failure (``SmartError``) is remembered for
    ``failure_ttl`` seconds and raised again as it was; an answer for ``ttl`` seconds. The endpoints are
    checked against the outbound policy again where they are called (``_json_call`` pins each address)."""

    def __init__(
        self,
        allowed: Iterable[str],
        *,
        ttl: float = DISCOVERY_TTL,
        failure_ttl: float = DISCOVERY_FAILURE_TTL,
        fetch: Callable[[str, Policy], Awaitable[Endpoints]] | None = None,
        timer: Callable[[], float] = time.monotonic,
    ) -> None:
        self.allowed = frozenset(allowed)
        size = max(1, len(self.allowed))
        self._found: TTLCache[str, Endpoints] = TTLCache(size, ttl, timer)
        self._failed: TTLCache[str, tuple[int, str]] = TTLCache(size, failure_ttl, timer)
        self._locks = {iss: asyncio.Lock() for iss in self.allowed}
        self._fetch = fetch or discover

    def _remembered(self, iss: str) -> Endpoints | None:
        failure = self._failed.get(iss)
        if failure is not None:
            raise SmartError(*failure)
        return self._found.get(iss)

    async def endpoints(self, iss: str, policy: Policy) -> Endpoints:
        """The endpoints of ``iss`` (an allowed issuer, without a trailing slash)."""
        if iss not in self.allowed:
            raise SmartError(403, "this EHR (iss) is not allowed to launch RightScan")
        found = self._remembered(iss)
        if found is not None:
            return found
        async with self._locks[iss]:
            found = self._remembered(iss)  # fetched by the launch this one waited for
            if found is not None:
                return found
            try:
                found = await self._fetch(iss, policy)
            except SmartError as exc:
                self._failed[iss] = (exc.status, exc.reason)
                raise
            self._found[iss] = found
            return found


def authorize_url(
    endpoint: str,
    *,
    client_id: str,
    redirect_uri: str,
    scope: str,
    state: str,
    aud: str,
    launch: str,
    verifier: str,
    nonce: str | None = None,
) -> str:
    """Where to send the browser: the authorisation request of an EHR launch with PKCE S256 (and the OpenID
    ``nonce`` an id_token must carry back, when the scope asks for one)."""
    params = {
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
    if nonce and "openid" in scope.split():
        params["nonce"] = nonce
    query = urlencode(params)
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"


@dataclass(frozen=True, slots=True)
class Client:
    """The OAuth client RightScan is at the EHR: public (PKCE only) or confidential (with a secret)."""

    client_id: str
    secret: str | None = None
    redirect_uri: str = ""


async def exchange(
    token_endpoint: str,
    *,
    code: str,
    verifier: str,
    client: Client,
    policy: Policy,
    id_token_check: tuple[str, str, str] | None = None,
) -> LaunchContext:
    """Trade the code (and the PKCE verifier) for the launch context at the token endpoint.

    ``id_token_check`` is (issuer, jwks_uri, nonce) when an id_token can be checked; an id_token the
    answer carries is then verified (:func:`check_id_token`) or the launch refused. Without it, an id_token
    is not used. The launch context comes from the token response only."""
    endpoint = await _allowed(token_endpoint, policy, "the token endpoint")
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": client.redirect_uri,
        "code_verifier": verifier,
    }
    headers: dict[str, str] = {}
    if client.secret is None:
        form["client_id"] = client.client_id  # a public client names itself
    else:  # a confidential client authenticates (RFC 6749 2.3.1, client_secret_basic; SMART symmetric)
        pair = f"{quote(client.client_id, safe='')}:{quote(client.secret, safe='')}"
        headers["Authorization"] = "Basic " + base64.b64encode(pair.encode()).decode("ascii")

    async def refused(response: httpx.Response) -> SmartError:
        # RFC 6749 5.2: a JSON error object; only its standard code is repeated
        try:
            refusal = await _bounded_json(response)
        except SmartError:
            refusal = None
        code_word = oauth_error(refusal.get("error") if isinstance(refusal, dict) else None)
        return SmartError(401, f"the EHR refused the sign-in ({code_word})")

    answer = await _json_call(policy, "POST", endpoint, form, "the EHR's token endpoint", refused, headers)
    if not isinstance(answer, dict):
        raise SmartError(502, "the EHR's token answer is not a JSON object")
    id_token = answer.get("id_token")
    if id_token is not None and id_token_check is not None:
        issuer, jwks_uri, nonce = id_token_check
        await check_id_token(id_token, issuer=issuer, jwks_uri=jwks_uri, client_id=client.client_id, nonce=nonce,
                             policy=policy)  # fmt: skip
    patient, tenant = answer.get("patient"), answer.get("tenant")
    if not isinstance(patient, str) or not _FHIR_ID.fullmatch(patient):
        raise SmartError(403, "the EHR gave no patient for this launch (launch from a patient's chart)")
    if tenant is not None and (not isinstance(tenant, str) or not _TENANT.fullmatch(tenant)):
        raise SmartError(502, "the EHR's token answer carries an unusable tenant")
    return LaunchContext(patient=patient, tenant=tenant)


async def check_id_token(
    token: Any, *, issuer: str, jwks_uri: str, client_id: str, nonce: str, policy: Policy
) -> dict[str, Any]:
    """The claims of an OpenID Connect id_token once it passes every check (``SmartError`` 401 otherwise):
    an asymmetric signature by the key its ``kid`` names in ``jwks_uri``, ``iss``, ``aud`` (and ``azp``
    with several audiences), ``exp``, ``iat`` and ``nonce``. Reasons are fixed phrases."""
    bad = SmartError(401, "the EHR's identity token (id_token) is not valid for this launch")
    if not isinstance(token, str) or len(token) > 16 * 1024:
        raise bad
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError:
        raise bad from None
    alg, kid = header.get("alg"), header.get("kid")
    if alg not in ID_TOKEN_ALGORITHMS:
        raise bad

    async def refused(response: httpx.Response) -> SmartError:
        return SmartError(502, f"the EHR's key set answered HTTP {response.status_code}")

    document = await _json_call(policy, "GET", jwks_uri, None, "the EHR's key set", refused)
    try:
        keys = [k for k in jwt.PyJWKSet.from_dict(document).keys if kid is None or k.key_id == kid]
    except (jwt.PyJWTError, TypeError, AttributeError, KeyError):
        raise SmartError(502, "the EHR's key set is not a JWK Set") from None
    if len(keys) != 1:
        raise bad
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            keys[0].key,
            algorithms=[alg],
            audience=client_id,
            issuer=issuer,
            leeway=ID_TOKEN_LEEWAY,
            options={"require": ["iss", "aud", "exp", "iat", "sub"]},
        )
    except jwt.PyJWTError:
        raise bad from None
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if len(audiences) > 1 and claims.get("azp") != client_id:
        raise bad
    if not isinstance(claims["iat"], int | float) or claims["iat"] > time.time() + ID_TOKEN_LEEWAY:
        raise bad
    sent = claims.get("nonce")
    if not isinstance(sent, str) or not hmac.compare_digest(sent.encode(), nonce.encode()):
        raise bad
    return claims
