"""What the resource readers gather for one consultation: candidate values per payload field, the
record evidence for the setting, and the codes seen but not used (with the reason)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, NamedTuple

from rightscan.adapters.fhir.codes import FhirCodes, Hit
from rightscan.adapters.fhir.model import FhirFacts
from rightscan.adapters.fhir.prefetch import Res
from rightscan.adapters.fhir.values import codings
from rightscan.domain.knowledge import Knowledge


class Cand(NamedTuple):
    """One value for one payload field, read from one resource."""

    value: Any
    when: datetime | None
    ref: str
    verified: bool
    note: str | None = None


class Gathered:
    """The readers' shared state for one prefetch and order (not thread-shared, not kept)."""

    def __init__(self, codes: FhirCodes, kb: Knowledge, facts: FhirFacts, today: date) -> None:
        self.codes = codes
        self.kb = kb
        self.facts = facts
        self.today = today
        self.cands: dict[str, list[Cand]] = {}
        self.symptoms: dict[str, Cand] = {}
        # the record's evidence for the setting
        self.current_primaries: list[Res] = []  # active primary (invasive or in situ)
        self.recurrences: list[Res] = []
        self.histories: list[Res] = []
        self.secondaries: list[Res] = []
        self.surgeries: list[Cand] = []
        # the current cancer
        self.invasive_current = False
        self.histologies: list[Cand] = []
        self.inflammatory: list[Cand] = []
        self.er_conditions: list[Cand] = []

    def follow(self, record: Gathered) -> None:
        """Take what ``record`` (the readers' state for the prefetch alone) found, as if its resources had
        been read after what is already here (the order's reason): this reading's codes and symptoms come
        first, a record's free text already here is not repeated. ``record`` is not changed and its lists
        are read, never changed, by ``assemble.build``."""
        own_texts = set(self.facts.texts)
        self.facts.texts.extend(t for t in record.facts.texts if t not in own_texts)
        self.facts.ignored.extend(dict(i) for i in record.facts.ignored)
        self.facts.evidence.extend(dict(e) for e in record.facts.evidence)
        for code, cand in record.symptoms.items():
            self.symptom(code, cand)
        for name, cands in record.cands.items():
            self.cands.setdefault(name, []).extend(cands)
        self.current_primaries = [*self.current_primaries, *record.current_primaries]
        self.recurrences = [*self.recurrences, *record.recurrences]
        self.histories = [*self.histories, *record.histories]
        self.secondaries = [*self.secondaries, *record.secondaries]
        self.surgeries = [*self.surgeries, *record.surgeries]
        self.invasive_current = self.invasive_current or record.invasive_current
        self.histologies = [*self.histologies, *record.histologies]
        self.inflammatory = [*self.inflammatory, *record.inflammatory]
        self.er_conditions = [*self.er_conditions, *record.er_conditions]

    def ignore(self, ref: str, coding: Mapping[str, Any] | None, reason: str) -> None:
        coding = coding or {}
        self.facts.ignored.append(
            {"resource": ref, "system": coding.get("system"), "code": coding.get("code"), "reason": reason}
        )

    def candidate(self, field_name: str, cand: Cand) -> None:
        self.cands.setdefault(field_name, []).append(cand)

    def symptom(self, code: str, cand: Cand) -> None:
        self.symptoms.setdefault(code, cand)

    def lookup(self, table: Any, concept: Any) -> tuple[list[tuple[Hit[Any], dict[str, Any]]], list[dict[str, Any]]]:
        """Known (hit, coding) pairs and codings not in the table."""
        hits, unknown = [], []
        for c in codings(concept):
            code = c.get("code")
            if not isinstance(code, str) or not code.strip():
                continue
            hit = table.get(self.codes.system_key(c.get("system")), code)
            if hit is None:
                unknown.append(c)
            else:
                hits.append((hit, c))
        return hits, unknown

    def first_coding(self, concept: Any) -> dict[str, Any] | None:
        coded = [c for c in codings(concept) if c.get("code")]
        known = [c for c in coded if self.codes.system_key(c.get("system"))]
        return (known or coded or [None])[0]
