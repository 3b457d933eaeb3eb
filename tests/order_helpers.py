"""Shared helpers for the order-name tests (a plain module, not a conftest, to keep module names unique)."""

from __future__ import annotations

import pytest

from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain.orders import interpret

KB = load_knowledge()


def study(text: str) -> str | None:
    """The study an order name resolves to, or None when the resolver abstains or asks."""
    reading = interpret(KB, text)
    return reading.study.id if reading.status == "resolved" and reading.study else None


def case(cases: list[tuple[str, str | None]]) -> pytest.MarkDecorator:
    """Parametrise a test over (order text, expected study id) pairs, each named by its text."""
    return pytest.mark.parametrize(("text", "pid"), cases, ids=[t for t, _ in cases])
