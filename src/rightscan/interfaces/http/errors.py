"""One error shape for every HTTP endpoint: {"error": {"status", "field", "message"}}.

Messages name the field and the rule; they never echo the request's values, and no traceback or
local variable ever reaches the client or the log.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from rightscan.adapters.input_json import describe_error, safe_location
from rightscan.adapters.store.db import StoreError
from rightscan.application import InputError, Refused
from rightscan.interfaces.http.problem import ApiError, error_response

__all__ = ["ApiError", "error_response", "install"]

log = logging.getLogger("rightscan.http")
PROTECTED = ("/cds-services", "/v1/")  # machine endpoints that need the EHR's JWT when auth is configured


def _location(loc: tuple[Any, ...], body: Any = None, unknown_key: bool = False, kb: Any = None) -> str:
    parts = list(loc)
    if parts and parts[0] in ("body", "query", "path", "header"):
        parts = parts[1:]
    if parts and parts[0] in ("facts", "note"):  # tag of the /v1/evaluate body union
        parts = parts[1:]
    return safe_location(parts, body, unknown_key, kb) or "(body)"


SERVER_LOGGERS = ("uvicorn.error", "uvicorn", "starlette", "fastapi")


class WithholdExceptionText(logging.Filter):
    """After our handler has answered 500, Starlette re-raises the exception so that the server logs it, with its
    traceback; an exception's message may quote what the caller sent (a note, a name). The record keeps the
    exception's type and the place it was raised, and loses its message, its chained causes and its traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            _, exc, tb = record.exc_info
            frames = traceback.extract_tb(tb)
            where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "unknown place"
            record.msg = f"{record.getMessage()} [{type(exc).__name__} at {where}; its message is withheld]"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True


def withhold_exception_text() -> None:
    """Install the filter on the loggers through which a server reports an unexpected error (once)."""
    for name in SERVER_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, WithholdExceptionText) for f in logger.filters):
            logger.addFilter(WithholdExceptionText())


_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _refused_part(request: Request, status: int) -> str | None:
    """What a framework refusal is about: the body past its size cap (a streamed body is counted as it
    arrives, so the cap is found inside a route), or the form the reader could not take (a field past its
    size, too many fields or files, a broken multipart)."""
    if status == 413:
        return "(body)"
    content_type = request.headers.get("content-type", "").lower()
    if status == 400 and content_type.startswith(_FORM_TYPES):
        return "(form)"
    return None


def install(app: FastAPI) -> None:
    withhold_exception_text()

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):  # type: ignore[no-untyped-def]
        # FastAPI decodes a JSON body before running dependencies: an unauthenticated caller must still
        # get 401, not a description of what is wrong with its body.
        if request.app.state.verifier is not None and request.url.path.startswith(PROTECTED):
            from rightscan.interfaces.http.deps import require_auth

            try:
                await require_auth(request)
            except ApiError as denied:
                return error_response(denied.status, denied.message, denied.field, denied.headers)
        err = exc.errors()[0]
        if err.get("type") == "json_invalid":
            return error_response(400, "invalid JSON", "(body)")
        engine = getattr(request.app.state, "engine", None)
        kb = engine.kb if engine is not None else None  # names a known lab code; any other key by position
        field = _location(tuple(err.get("loc", ())), exc.body, err.get("type") == "extra_forbidden", kb)
        return error_response(422, describe_error(err), field)

    @app.exception_handler(InputError)
    async def _input(_: Request, exc: InputError):  # type: ignore[no-untyped-def]
        return error_response(422, exc.message, exc.field)

    @app.exception_handler(Refused)
    async def _refused(_: Request, exc: Refused):  # type: ignore[no-untyped-def]
        return error_response(exc.status, exc.message, exc.field)

    @app.exception_handler(ApiError)
    async def _api(_: Request, exc: ApiError):  # type: ignore[no-untyped-def]
        return error_response(exc.status, exc.message, exc.field, exc.headers)

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError):  # type: ignore[no-untyped-def]
        log.error("decision log unavailable on %s %s: %s", request.method, request.url.path, exc)
        return error_response(503, "decision log unavailable", headers={"Retry-After": "5"})

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):  # type: ignore[no-untyped-def]
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        return error_response(exc.status_code, message, _refused_part(request, exc.status_code))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):  # type: ignore[no-untyped-def]
        log.error("internal error on %s %s: %s", request.method, request.url.path, type(exc).__name__)
        return error_response(500, "internal error; the incident was logged without patient data")
