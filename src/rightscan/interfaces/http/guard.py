"""Request guard, the outermost layer of the app (plain ASGI, before any routing or body parsing).

- **Token first.** With authentication configured, a call to a machine endpoint (``/cds-services*``,
  ``/v1/*``) has its bearer JWT checked before a single byte of its body is read; the verified token is
  handed to the route (``request.state.token``), so it is checked (and its ``jti`` recorded) once.
- **Size cap.** A body whose ``Content-Length`` exceeds ``max_body_bytes`` is refused with 413 before it
  is read; a body without a length (chunked) is counted while it streams and refused the moment it
  passes the cap.
- **Host check (DNS rebinding).** In development mode (no authentication) on a loopback socket, a
  request whose ``Host`` is not a loopback name or address (``localhost``, ``127.0.0.0/8``, ``::1``)
  or the configured public URL's host is refused with 421 before routing: a web page on another site
  cannot reach the unauthenticated service through a DNS name re-pointed at 127.0.0.1.
- **Security headers** on every response: a Content-Security-Policy without inline script,
  ``frame-ancestors 'none'``, ``nosniff``, ``Referrer-Policy: no-referrer``, and ``Cache-Control:
  no-store`` on everything but the static files (answers carry patient facts), ``no-cache`` on those.
"""

from __future__ import annotations

import ipaddress
from typing import Any
from urllib.parse import urlsplit

import orjson
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

PROTECTED = ("/cds-services", "/v1/")  # machine endpoints that need the EHR's JWT when auth is configured
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)
STORE_UNAVAILABLE = "decision log unavailable"
_BODY_METHODS = frozenset(("POST", "PUT", "PATCH", "DELETE"))


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body larger than the {limit}-byte limit (RIGHTSCAN_MAX_BODY_BYTES)")


def _json_error(status: int, message: str, field: str | None = None) -> bytes:
    body: dict[str, Any] = {"status": status, "message": message}
    if field:
        body["field"] = field
    return orjson.dumps({"error": body})


class RequestGuard:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        static = path.startswith("/static/")
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(n, v) for n, v in SECURITY_HEADERS if n not in present]
                if b"cache-control" not in present:  # static files: kept, revalidated by their ETag
                    headers.append((b"cache-control", b"no-cache" if static else b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        state = scope.get("app").state if scope.get("app") is not None else None  # type: ignore[union-attr]
        settings = getattr(state, "settings", None)
        limit: int = settings.max_body_bytes if settings is not None else 2_000_000

        async def refuse(status: int, message: str, headers: tuple[tuple[bytes, bytes], ...] = ()) -> None:
            body = _json_error(status, message, "(body)" if status == 413 else None)
            await send_with_headers(
                {
                    "type": "http.response.start",
                    "status": status,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode()),
                        (b"connection", b"close"),
                        *headers,
                    ],
                }
            )
            await send_with_headers({"type": "http.response.body", "body": body})

        if getattr(state, "verifier", True) is None and not _host_allowed(scope, settings):
            await refuse(421, "the Host header does not name this machine's loopback address (development mode)")
            return

        if scope["method"] in _BODY_METHODS:
            length = _content_length(scope)
            if length is not None and length > limit:
                await refuse(413, BodyTooLarge(limit).detail)
                return

        if path.startswith(PROTECTED) and getattr(state, "verifier", None) is not None:
            denied = await _verify(scope)
            if denied is not None:
                status, reason = denied
                extra = ((b"www-authenticate", b'Bearer error="invalid_token"'),) if status == 401 else ()
                await refuse(status, reason, extra)
                return

        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        try:
            await self.app(scope, counted_receive, send_with_headers)
        except BodyTooLarge as exc:  # raised while no route had a chance to answer
            if not started:
                await refuse(413, exc.detail)
            else:
                raise


def _is_loopback(host: str) -> bool:
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _host_allowed(scope: Scope, settings: Any) -> bool:
    """False only for a loopback socket addressed by a Host that is neither loopback nor the public URL's."""
    server = scope.get("server")
    if not server or not _is_loopback(str(server[0])):
        return True  # not a loopback bind (``--insecure``), or an in-process test client
    raw = next((value for name, value in scope.get("headers", ()) if name == b"host"), b"")
    try:
        host = urlsplit("//" + raw.decode("ascii")).hostname or ""
    except (UnicodeDecodeError, ValueError):
        return False
    if _is_loopback(host):
        return True
    public = getattr(settings, "public_url", None)
    return bool(public) and host == (urlsplit(public).hostname or "").lower()


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _verify(scope: Scope) -> tuple[int, str] | None:
    """Check the bearer token of a machine-endpoint call; None when it passes, else (status, reason)."""
    from starlette.requests import Request

    from rightscan.adapters.security.jwt_auth import AuthError
    from rightscan.adapters.store.db import StoreError
    from rightscan.interfaces.http.deps import audience_of

    request = Request(scope)
    verifier = request.app.state.verifier
    try:
        token = await run_in_threadpool(verifier.verify, request.headers.get("authorization"), audience_of(request))
    except AuthError as exc:
        return 401, f"authentication failed: {exc.reason}"
    except StoreError:  # the replay check lives in the decision store
        return 503, STORE_UNAVAILABLE
    request.state.token = token
    return None
