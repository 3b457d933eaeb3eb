"""Shared request dependencies: the engine, the settings, and the caller's principal (bearer JWT)."""

from __future__ import annotations

import email.message
from collections.abc import Callable, Coroutine
from typing import Annotated, Any

import orjson
from fastapi import Depends, Request, Response
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from rightscan.adapters.json_strict import duplicate_key
from rightscan.application import Engine
from rightscan.interfaces.http.problem import ApiError
from rightscan.settings import Settings


def engine_of(request: Request) -> Engine:
    return request.app.state.engine  # type: ignore[no-any-return]


def audience_of(request: Request) -> str:
    """The URL the caller addressed: the configured public base URL plus the path (JWT `aud`)."""
    public = request.app.state.settings.public_url
    if public:
        return public.rstrip("/") + request.url.path
    if request.app.state.verifier is not None:
        # Never the Host header: a token minted for another service would then pass. The app refuses
        # to start with authentication and without a public URL, so this is a programming error.
        raise RuntimeError("authentication needs RIGHTSCAN_PUBLIC_URL")
    return str(request.url.replace(query=""))


def organisation(iss: str, tenant: str | None) -> str:
    """Whose data a caller may see: its tenant within its issuer (the issuer alone without a tenant claim).
    Two EHRs (issuers) never share decisions, even when their tenant claims read alike."""
    return iss if tenant is None else f"{iss}|{tenant}"


def identity_of(token: Any) -> dict[str, Any]:
    return {"iss": token.iss, "sub": token.sub, "tenant": organisation(token.iss, token.tenant)}


# The bearer token of CDS Hooks 2.0 and the JSON API, declared for FastAPI (and so for the OpenAPI
# document). ``auto_error=False``: without auth configured no token is needed, and with it a missing or
# malformed one is refused by the verifier below with its own reason.
bearer = HTTPBearer(
    auto_error=False,
    bearerFormat="JWT",
    description="CDS Hooks 2.0 JWT (asymmetric algorithms only; `aud` = the endpoint URL); needed when "
    "authentication is configured",
)


async def require_auth(
    request: Request, credentials: HTTPAuthorizationCredentials | None = None
) -> dict[str, Any] | None:
    """The principal (issuer, subject, tenant) of a verified bearer JWT when authentication is configured,
    None in development mode; 401 with a reason otherwise."""
    verifier = request.app.state.verifier
    if verifier is None:
        return None
    token = getattr(request.state, "token", None)
    if token is not None:  # already checked by the request guard, before the body was read
        return identity_of(token)
    from starlette.concurrency import run_in_threadpool

    from rightscan.adapters.security.jwt_auth import AuthError

    header = f"Bearer {credentials.credentials}" if credentials is not None else request.headers.get("authorization")
    try:
        # verify() may fetch an allowlisted JWKS (blocking I/O): keep it off the event loop
        token = await run_in_threadpool(verifier.verify, header, audience_of(request))
    except AuthError as exc:
        raise ApiError(
            401, f"authentication failed: {exc.reason}", headers={"WWW-Authenticate": 'Bearer error="invalid_token"'}
        ) from None
    request.state.token = token
    return identity_of(token)


async def principal(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> dict[str, Any] | None:
    """The route dependency: the caller's principal from its ``Authorization: Bearer`` header."""
    return await require_auth(request, credentials)


def tenant_of(auth: dict[str, Any] | None) -> str | None:
    """The organisation a principal acts for (None in development mode)."""
    return auth.get("tenant") if auth else None


def settings_of(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


# Route dependencies are coroutines: FastAPI runs a plain function dependency in a worker thread, which
# would cost the hot CDS route two thread hops per request.
async def _engine(request: Request) -> Engine:
    return engine_of(request)


async def _settings(request: Request) -> Settings:
    return settings_of(request)


# Declared before the body in each route: FastAPI resolves dependencies first, so an unauthenticated
# call is refused with 401 before its body is even validated.
Auth = Annotated[dict[str, Any] | None, Depends(principal)]
EngineDep = Annotated[Engine, Depends(_engine)]
SettingsDep = Annotated[Settings, Depends(_settings)]


def reads_as_json(content_type: str) -> bool:
    """Whether a body of this media type is parsed as JSON: FastAPI's own rule (``application/json`` or any
    ``application/*+json``, in any letter case, with parameters), plus any type spelt ``application/json...``."""
    if content_type.startswith("application/json"):
        return True
    message = email.message.Message()
    message["content-type"] = content_type
    subtype = message.get_content_subtype()
    return message.get_content_maintype() == "application" and (subtype == "json" or subtype.endswith("+json"))


JSON_REFUSED = "the body is not valid JSON (or holds NaN, Infinity or an integer beyond 64 bits)"


class FastJsonRoute(APIRoute):
    """Parse JSON request bodies with orjson (FastAPI's default is the standard library's json)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        original = super().get_route_handler()

        async def handler(request: Request) -> Response:
            # every body FastAPI would read as JSON (its fallback parser takes NaN, huge integers, repeated keys)
            if request.method == "POST" and reads_as_json(request.headers.get("content-type", "")):
                body = await request.body()
                try:
                    parsed = orjson.loads(body) if body else None
                except orjson.JSONDecodeError:
                    # never left to another parser: the standard library's takes what orjson refuses (integers
                    # beyond 64 bits, NaN, Infinity), which then broke later steps and skipped the check below
                    raise ApiError(400, JSON_REFUSED, "(body)") from None
                repeated = duplicate_key(body, parsed)
                if repeated:
                    raise ApiError(400, "a key appears twice in the same JSON object", repeated)
                request._json = parsed  # Starlette's Request.json() cache
            return await original(request)

        return handler
