"""Typed parts of a decision: explanation steps, order ratings, alternatives, targeted studies.

The decision is built from these structures; its JSON (``Decision.to_dict``) is rendered from them,
and nothing downstream needs to recover a meaning from the prose. Structures that are shared between
decisions (memoised per scenario) render their JSON once, at construction, and hand out that
read-only dictionary; per-decision structures render on demand.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

if TYPE_CHECKING:
    from rightscan.domain.knowledge import EquivalenceRule, Rating


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


def _rendered(value: Any) -> Any:
    """A field's output value: a typed part as its entry, a tuple as a list of output values."""
    as_dict = getattr(value, "as_dict", None)
    if as_dict is not None:
        return as_dict()
    if isinstance(value, tuple):
        return [_rendered(v) for v in value]
    return value


@cache
def _output_keys(cls: type[_Part], leave_out: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls) if f.init and f.name not in leave_out)


@dataclass(frozen=True, slots=True)
class _Part:
    """A typed part of a decision, shared between decisions: its output entry is made once, at
    construction, and handed out read-only. The entry holds the fields in declaration order (their
    output order), rendered, except those ``_hidden`` names."""

    _not_shown: ClassVar[tuple[str, ...]] = ()
    _dict: dict[str, Any] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        entry = {k: _rendered(getattr(self, k)) for k in _output_keys(type(self), self._hidden())}
        object.__setattr__(self, "_dict", entry)

    def _hidden(self) -> tuple[str, ...]:
        return self._not_shown

    def as_dict(self) -> dict[str, Any]:
        return self._dict


@dataclass(frozen=True, slots=True)
class Equivalence(_Part):
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

    @classmethod
    def through(cls, label: str, rule: EquivalenceRule, variant: int, rated: Rating) -> Equivalence:
        """The equivalent study as variant ``variant`` rates it (``rated``: its rating entry), read
        through ``rule`` (an equivalence rule of the knowledge)."""
        study = (rated.procedure, rated.procedure_id, rated.category, rated.median_rating, rated.soe)
        return cls(label, rule.id, rule.kind, variant, *study, rule.reasoning, rule.source)


@dataclass(frozen=True, slots=True)
class VariantRating(_Part):
    """How one applicable variant rates the ordered study. ``category`` None: the variant does not rate it
    (``note`` says so; ``equivalence`` when an equivalence rule reads it as another, rated study)."""

    variant: int
    category: str | None
    median_rating: int | None
    soe: str | None
    note: str | None = None
    equivalence: Equivalence | None = None

    def _hidden(self) -> tuple[str, ...]:
        # the note only when the variant does not rate the study; the equivalence only when there is one
        return ("note",) * (self.category is not None) + ("equivalence",) * (self.equivalence is None)


def variant_rating(number: int, rated: Any | None) -> VariantRating:
    """How variant ``number`` rates a study, from its rating entry (None: the variant does not list it)."""
    if rated is None:
        return VariantRating(number, None, None, None, note=f"not rated for variant {number}")
    return VariantRating(number, rated.category, rated.median_rating, rated.soe)


_SINGLE_RATING = ("variant", "category", "median_rating", "soe")


def single_rating(single: VariantRating | None) -> dict[str, Any]:
    """What an order's rating takes from the one applicable variant's rating: its variant, category,
    median rating and strength of evidence (each None when no single variant applies)."""
    return {k: None if single is None else getattr(single, k) for k in _SINGLE_RATING}


@dataclass(frozen=True, slots=True)
class Alternative(_Part):
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

    @classmethod
    def rated(cls, r: Any, variant: int, reason: str) -> Alternative:
        """A study variant ``variant`` rates (``r``: its rating entry), to order instead. A folder topic's
        ratings carry no radiation level."""
        rrl, dose = getattr(r, "rrl", None), getattr(r, "adult_dose_msv", None)
        return cls(r.procedure, r.procedure_id, r.category, variant, r.median_rating, rrl, dose, reason)

    def _hidden(self) -> tuple[str, ...]:
        # no median rating is shown for a study suggested for a red flag
        return ("for_red_flag", "median_rating") if self.for_red_flag else ("for_red_flag",)


@dataclass(frozen=True, slots=True)
class OrderRating(_Part):
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
    _not_shown: ClassVar[tuple[str, ...]] = ("note", "step")  # a decision's own, made with its order text

    def head_dict(self) -> dict[str, Any]:
        """Everything but the note, in output order (shared, read-only)."""
        return self._dict


# What an answer shows of how its order's text was read (``OrderReading.as_dict`` keys), in output order
_READING_SHOWN = ("via", "attributes", "assumed", "corrections", "order_status")


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
        return {
            "requested": self.requested,
            **self.rating.head_dict(),
            "note": self.note,
            "reading": self.reading_dict(),
            "rating_context": self.rating_context,
        }

    def reading_dict(self) -> dict[str, Any]:
        """How the order's text was read (the ``reading`` entry of ``as_dict``): the parts of the reading's
        own entry that an answer shows."""
        entry = self.reading.as_dict()
        return {k: entry[k] for k in _READING_SHOWN}


@dataclass(frozen=True, slots=True)
class TargetedRating(_Part):
    """How an applicable variant rates a study suggested for a red flag; ``context`` when below UA."""

    variant: int
    category: str
    median_rating: int
    context: str | None


@dataclass(frozen=True, slots=True)
class TargetedStudy(_Part):
    """The study a red flag calls for, with the applicable variants' ratings of it (shared, read-only)."""

    finding: str
    rule: str
    procedure: str
    procedure_id: str
    urgent: bool
    acr_ratings: tuple[TargetedRating, ...]
    rating_context: str | None
