"""A deadline for each request to arrive whole (slowloris).

uvicorn waits for a request's headers and body as long as the client likes: its keep-alive timeout
applies only between requests and is reset by every byte. A client that sends a few bytes now and then
(or never finishes its headers, or announces a body it never sends) holds a connection and a file
descriptor indefinitely; a thousand such connections cost nothing to open. :class:`DeadlineH11Protocol`
gives each request ``RIGHTSCAN_REQUEST_READ_SECONDS`` (default 30) from the moment the connection may
send it (connection made, or the previous answer sent) until it has arrived whole; past it, the
connection is closed. A request that arrived whole is never cut while the service works on it.

A reverse proxy in front (deploy/compose.yaml) adds its own timeouts and per-client limits; this keeps
the process safe when it is reached directly. ``rightscan serve`` passes the class to uvicorn.
"""

from __future__ import annotations

import asyncio
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

DEFAULT_READ_SECONDS = 30.0
_read_seconds: float | None = None


def read_seconds() -> float:
    """The setting, read once per process (workers inherit it through the environment)."""
    global _read_seconds
    if _read_seconds is None:
        from rightscan.settings import Settings

        _read_seconds = Settings().request_read_seconds
    return _read_seconds


class DeadlineH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, closing a connection whose request has not arrived whole in time."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()  # the next request on this connection gets its own deadline

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(read_seconds(), self._expired)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expired(self) -> None:
        self._deadline = None
        if self.transport.is_closing():
            return
        # IDLE: the request line and headers are not in yet; SEND_BODY: the body is not
        if self.conn.their_state in (h11.IDLE, h11.SEND_BODY):
            self.transport.close()
