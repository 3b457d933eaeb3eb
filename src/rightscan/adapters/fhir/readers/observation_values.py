"""Reading an Observation's value: its codes (through a code table), its text, and the codes of text-like
systems (AJCC, local codes) read as text; all readings must agree on one value."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rightscan.adapters.fhir.gathered import Gathered
from rightscan.adapters.fhir.prefetch import Res
from rightscan.adapters.fhir.values import codings


def value_strings(data: dict[str, Any]) -> list[str]:
    concept = data.get("valueCodeableConcept") or {}
    out = [concept["text"]] if isinstance(concept.get("text"), str) else []
    if isinstance(data.get("valueString"), str):
        out.append(data["valueString"])
    return [s.strip() for s in out if s.strip()]


def concept_values(
    g: Gathered,
    data: dict[str, Any],
    table: Any,
    meaning: Callable[[Any], Any],
    parse: Callable[[str], Any],
    text_systems: tuple[str | None, ...],
) -> tuple[set[Any], bool, list[dict[str, Any]], list[str]]:
    """Every reading of the value: known codes (``meaning`` of their entry), text, and the codes of
    text-like systems (AJCC, local codes) read as text.

    Returns (values, all verified, unknown codings, texts that could not be read).
    """
    values: set[Any] = set()
    verified = True
    unknown: list[dict[str, Any]] = []
    unread: list[str] = []
    concept = data.get("valueCodeableConcept")
    hits, others = g.lookup(table, concept) if table is not None else ([], codings(concept))
    for hit, _ in hits:
        values.add(meaning(hit.entry))
        verified = verified and hit.verified
    for c in others:
        if g.codes.system_key(c.get("system")) in text_systems and isinstance(c.get("code"), str):
            parsed = parse(c["code"].strip())
            if parsed is not None:
                values.add(parsed)
                continue
        unknown.append(c)
    for text in value_strings(data):
        parsed = parse(text)
        if parsed is None:
            unread.append(text)
        else:
            values.add(parsed)
    return values, verified, unknown, unread


def settle(
    g: Gathered, res: Res, coding: dict[str, Any], values: set[Any], unknown: list[dict[str, Any]], unread: list[str]
) -> Any | None:
    """The single value of a reading, or None (reported)."""
    if len(values) == 1:
        return next(iter(values))
    if len(values) > 1:
        g.ignore(res.ref, coding, "the value's codes and text disagree")
    elif unknown:
        g.ignore(res.ref, unknown[0], "unknown code")
    elif unread:
        g.ignore(res.ref, coding, "value text not understood")
    else:
        g.ignore(res.ref, coding, "no value")
    return None
