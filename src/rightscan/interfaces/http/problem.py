"""The error shape every HTTP endpoint answers with: {"error": {"status", "field", "message"}}.

A leaf module (no imports from the rest of the HTTP package), so request helpers and the exception
handlers can both use it without importing each other.
"""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse
from pydantic import BaseModel


class ApiError(Exception):
    def __init__(self, status: int, message: str, field: str | None = None, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field
        self.headers = headers


def error_response(status: int, message: str, field: str | None = None, headers: dict[str, str] | None = None):
    body: dict[str, Any] = {"status": status, "message": message}
    if field:
        body["field"] = field
    return JSONResponse({"error": body}, status_code=status, headers=headers)


class ErrorDetail(BaseModel):
    status: int
    message: str
    field: str | None = None


class ErrorBody(BaseModel):
    """The error shape of every endpoint (documentation only: errors are built by ``error_response``)."""

    error: ErrorDetail


def errors_doc(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route: each status answered with the one error shape."""
    return {status: {"model": ErrorBody} for status in statuses}
