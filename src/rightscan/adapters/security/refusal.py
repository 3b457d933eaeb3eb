"""A security refusal: one short fixed phrase, safe to log or to show."""

from __future__ import annotations


class Refusal(Exception):
    """Refused, with ``reason``: a fixed phrase that never carries a token, an address or a patient's value."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
