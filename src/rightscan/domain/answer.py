"""Typed parts of a decision: explanation steps, order ratings, alternatives, targeted studies.

The decision is built from these structures; its JSON (``Decision.to_dict``) is rendered from them,
and nothing downstream needs to recover a meaning from the prose. Structures that are shared between
decisions (memoised per scenario) render their JSON once, at construction, and hand out that
read-only dictionary; per-decision structures render on demand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple


class Step(NamedTuple):
    """One explanation step: what was concluded, and the source it rests on. Build it with
    ``Step.of``; ``rendered`` is its output entry, made once (steps are shared between decisions)."""

    text: str
    source: str
    rendered: dict[str, Any]

    @classmethod
    def of(cls, text: str, source: str) -> Step:
        return cls(text, source, {"step": text, "source": source})

    def as_dict(self) -> dict[str, Any]:
        return self.rendered


def _frozen_dict(obj: Any, value: dict[str, Any]) -> None:
    object.__setattr__(obj, "_dict", value)


@dataclass(frozen=True, slots=True)
class Equivalence:
    """A study the variant does not list, read through a RightScan equivalence rule (never ACR's own)."""

    label: str
    rule: str
    kind: str  # part_of | same_study | meant
    variant: int
    procedure: str
    procedure_id: str
    category: str
    median_rating: int
    soe: str
    reasoning: str
    source: str
    _dict: dict[str, Any] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        _frozen_dict(
            self,
            {
                "label": self.label,
                "rule": self.rule,
                "kind": self.kind,
                "variant": self.variant,
                "procedure": self.procedure,
                "procedure_id": self.procedure_id,
                "category": self.category,
                "median_rating": self.median_rating,
                "soe": self.soe,
                "reasoning": self.reasoning,
                "source": self.source,
            },
        )

    def as_dict(self) -> dict[str, Any]:
        return self._dict


@dataclass(frozen=True, slots=True)
class VariantRating:
    """How one applicable variant rates the ordered study. ``category`` None: the variant does not rate it
    (``note`` says so; ``equivalence`` when an equivalence rule reads it as another, rated study)."""

    variant: int
    category: str | None
    median_rating: int | None
    soe: str | None
    note: str | None = None
    equivalence: Equivalence | None = None
    _dict: dict[str, Any] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        out: dict[str, Any] = {
            "variant": self.variant,
            "category": self.category,
            "median_rating": self.median_rating,
            "soe": self.soe,
        }
        if self.category is None:
            out["note"] = self.note
        if self.equivalence is not None:
            out["equivalence"] = self.equivalence.as_dict()
        _frozen_dict(self, out)

    def as_dict(self) -> dict[str, Any]:
        return self._dict


@dataclass(frozen=True, slots=True)
class Alternative:
    """A study to order instead, with why. ``for_red_flag``: suggested for a red flag (no ACR rating shown)."""

    procedure: str
    procedure_id: str
    category: str | None
    variant: int | None
    median_rating: int | None
    rrl: str | None
    adult_dose_msv: str | None
    reason: str
    for_red_flag: bool = False
    _dict: dict[str, Any] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        out: dict[str, Any] = {
            "procedure": self.procedure,
            "procedure_id": self.procedure_id,
            "category": self.category,
            "variant": self.variant,
        }
        if not self.for_red_flag:
            out["median_rating"] = self.median_rating
        out["rrl"] = self.rrl
        out["adult_dose_msv"] = self.adult_dose_msv
        out["reason"] = self.reason
        _frozen_dict(self, out)

    def as_dict(self) -> dict[str, Any]:
        return self._dict


@dataclass(frozen=True, slots=True)
class OrderRating:
    """The rating of one study in one scenario (variants, red flags, purpose): shared between decisions."""

    procedure: str
    procedure_id: str
    cpt: tuple[str, ...]
    purpose: str
    purpose_source: str  # order | procedure
    variant: int | None  # set when exactly one variant applies
    category: str | None
    median_rating: int | None
    soe: str | None
    rrl: str | None
    adult_dose_msv: str | None
    ratings: tuple[VariantRating, ...]
    indicated_by_red_flags: tuple[str, ...]
    alternatives: tuple[Alternative, ...]
    equivalence: Equivalence | None
    note: str | None
    step: Step  # the explanation step, without the order text
    _dict: dict[str, Any] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        _frozen_dict(
            self,
            {
                "procedure": self.procedure,
                "procedure_id": self.procedure_id,
                "cpt": list(self.cpt),
                "purpose": self.purpose,
                "purpose_source": self.purpose_source,
                "variant": self.variant,
                "category": self.category,
                "median_rating": self.median_rating,
                "soe": self.soe,
                "rrl": self.rrl,
                "adult_dose_msv": self.adult_dose_msv,
                "ratings": [r.as_dict() for r in self.ratings],
                "indicated_by_red_flags": list(self.indicated_by_red_flags),
                "alternatives": [a.as_dict() for a in self.alternatives],
                "equivalence": self.equivalence.as_dict() if self.equivalence else None,
            },
        )

    def head_dict(self) -> dict[str, Any]:
        """Everything but the note, in output order (shared, read-only)."""
        return self._dict


class OrderAssessment(NamedTuple):
    """The proposed order of one decision: the text, how it was read, and its rating in this scenario."""

    requested: str
    rating: OrderRating
    reading: Any  # rightscan.domain.orders.OrderReading
    note: str | None  # the rating's note, with the red-flag context when there is one
    rating_context: str | None  # why a low rating does not apply to a study suggested for a red flag

    @property
    def procedure_id(self) -> str:
        return self.rating.procedure_id

    def as_dict(self) -> dict[str, Any]:
        reading = self.reading
        return {
            "requested": self.requested,
            **self.rating.head_dict(),
            "note": self.note,
            "reading": {
                "via": reading.via,
                "attributes": reading.attributes,
                "assumed": list(reading.assumed),
                "corrections": [{"typed": t, "read_as": w} for t, w in reading.corrections]
                if reading.corrections
                else [],
                "order_status": reading.order_status,
            },
            "rating_context": self.rating_context,
        }


@dataclass(frozen=True, slots=True)
class TargetedRating:
    """How an applicable variant rates a study suggested for a red flag; ``context`` when below UA."""

    variant: int
    category: str
    median_rating: int
    context: str | None


@dataclass(frozen=True, slots=True)
class TargetedStudy:
    """The study a red flag calls for, with the applicable variants' ratings of it (shared, read-only)."""

    finding: str
    rule: str
    procedure: str
    procedure_id: str
    urgent: bool
    acr_ratings: tuple[TargetedRating, ...]
    rating_context: str | None
    _dict: dict[str, Any] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        _frozen_dict(
            self,
            {
                "finding": self.finding,
                "rule": self.rule,
                "procedure": self.procedure,
                "procedure_id": self.procedure_id,
                "urgent": self.urgent,
                "acr_ratings": [
                    {
                        "variant": r.variant,
                        "category": r.category,
                        "median_rating": r.median_rating,
                        "context": r.context,
                    }
                    for r in self.acr_ratings
                ],
                "rating_context": self.rating_context,
            },
        )

    def as_dict(self) -> dict[str, Any]:
        return self._dict
