"""What a use case refuses, with the status an interface answers and the field it names."""

from __future__ import annotations


class Refused(Exception):
    """A request a use case will not carry out: ``status`` (HTTP-style), a message naming the rule (never
    the request's values), and the field concerned. Interfaces render it (HTTP: the one error shape)."""

    def __init__(self, status: int, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field
