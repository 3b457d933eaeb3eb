"""What the FHIR adapter returns (draft orders, facts with their evidence) and the error it raises.

``repr`` of the result objects shows no patient data; error messages never repeat resource content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from rightscan.domain.model import InputError


class FhirInputError(InputError):
    """A malformed FHIR resource. ``path`` names the field (``context.draftOrders.entry[2].resource.code``)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(path, message)
        self.path = path


class Coding(NamedTuple):
    system: str | None
    code: str | None
    display: str | None


@dataclass(frozen=True, eq=False)
class DraftOrder:
    """One draft ``ServiceRequest``. ``resource`` is a copy of the raw JSON, to be echoed unchanged."""

    id: str | None  # "ServiceRequest/abc"
    resource: dict[str, Any]
    order_text: str | None  # what the core's order resolver receives: CPT code(s), else code text
    cpt_codes: tuple[str, ...]
    reason_codes: tuple[Coding, ...]
    reason_text: str | None  # reasonCode[].text and note[].text; in memory only, never logged
    status: str | None
    intent: str | None
    subject: str | None  # subject.reference
    path: str  # where it was: context.draftOrders.entry[i].resource

    def __repr__(self) -> str:  # no free text, no codes' displays
        return f"DraftOrder(id={self.id!r}, cpt_codes={self.cpt_codes!r}, status={self.status!r})"


@dataclass(eq=False)
class FhirFacts:
    payload: dict[str, Any]  # core input object: only the facts the data states
    ignored: list[dict[str, Any]] = field(default_factory=list)  # codes seen but not used, with the reason
    missing: list[str] = field(default_factory=list)  # prefetch keys absent: not satisfied by the client
    evidence: list[dict[str, Any]] = field(default_factory=list)  # field, value, from (resource reference)
    needs_fetch: list[str] = field(default_factory=list)  # keys to fetch: absent, paginated or errored
    no_data: list[str] = field(default_factory=list)  # prefetch keys present as null: the client had no data
    texts: list[str] = field(default_factory=list)  # free text for the NLP module; never logged

    def __repr__(self) -> str:  # counts and key names only
        return (
            f"FhirFacts(fields={sorted(self.payload)!r}, evidence={len(self.evidence)}, "
            f"ignored={len(self.ignored)}, missing={self.missing!r}, needs_fetch={self.needs_fetch!r})"
        )
