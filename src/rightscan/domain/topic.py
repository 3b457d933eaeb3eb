"""A topic as a folder of knowledge: its input model, its features function, its variants (with
``applies_when`` conditions over the features) and procedures, and its guidance. Pure data and pure
functions; ``rightscan.adapters.topic_files`` builds a ``Topic`` from a folder.

The features function is data too: each feature reads one input and names the band its value falls
in (3.2 with bands "below 1" and "below 5" -> the second band's name), or ``unknown`` when the input
is not given. Variants and guidance items are selected by the same feature matcher (``guidance.GuidanceIndex``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from rightscan.domain.guidance import GuidanceIndex
from rightscan.domain.knowledge import FactWords, GuidanceItem, Variant

UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class TopicInput:
    """One field of the topic's input model."""

    name: str
    label: str
    kind: str  # number | choice
    minimum: float | None = None
    maximum: float | None = None
    unit: str = ""
    values: tuple[str, ...] = ()  # for kind == "choice"


@dataclass(frozen=True, slots=True)
class Feature:
    """A feature read from one input: ``bands`` are (upper bound exclusive or None for the last, value);
    a choice input maps its values through ``mapping`` (its own values when empty)."""

    name: str
    input: str
    bands: tuple[tuple[float | None, str], ...] = ()
    mapping: Mapping[str, str] = field(default_factory=dict)

    @property
    def values(self) -> tuple[str, ...]:
        own = [v for _, v in self.bands] if self.bands else list(dict.fromkeys(self.mapping.values()))
        return (*dict.fromkeys(own), UNKNOWN)

    def read(self, value: Any) -> str:
        if value is None:
            return UNKNOWN
        if self.bands:
            for upper, name in self.bands:
                if upper is None or value < upper:
                    return name
            return UNKNOWN  # not reached: the last band is open (checked at load)
        return self.mapping.get(value, value)


@dataclass(frozen=True, slots=True)
class TopicRating:
    procedure_id: str
    procedure: str
    category: str
    median_rating: int
    soe: str | None


TopicVariant = Variant[TopicRating]  # a variant of a folder topic


@dataclass(frozen=True, slots=True)
class TopicProcedure:
    id: str
    name: str
    purpose: str
    synonyms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    version: str  # the knowledge_version its decisions carry
    title: str
    url: str
    source: str
    inputs: dict[str, TopicInput]
    features: tuple[Feature, ...]
    purposes: tuple[str, ...]
    variants: tuple[TopicVariant, ...]
    variant_index: GuidanceIndex  # the variants' applies_when, purposes as kinds
    procedures: dict[str, TopicProcedure]
    lookup: dict[str, str]  # normalised name or synonym -> procedure id
    guidance: tuple[GuidanceItem, ...]
    guidance_index: GuidanceIndex
    fact_words: dict[str, FactWords]  # input name -> clinical (here: everyday) words
    categories_best_first: tuple[str, ...]
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def feature_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.features)

    def variant(self, number: int) -> TopicVariant:
        return self.variants[number - 1]


def features(topic: Topic, values: Mapping[str, Any]) -> dict[str, str]:
    """The topic's features function: validated input values -> feature values (``unknown`` if absent)."""
    return {f.name: f.read(values.get(f.input)) for f in topic.features}
