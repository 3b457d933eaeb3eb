"""A topic as a folder of knowledge: read ``topic.yaml`` (input model, features, purposes, rating
scale, variants with ``applies_when``), ``procedures.yaml`` and ``guidance.yaml``, validate them,
build ``domain.topic.Topic``; and the topic's input model (the contract of its payloads).

A payload names its topic (``{"topic": "<id>", ...}``); the knowledge serves the topics it holds
(``Knowledge.topics``): the folders listed in ``RIGHTSCAN_TOPICS`` (separated by the path separator),
read when the knowledge is loaded. Nothing here knows any particular topic.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model, model_validator

from rightscan.adapters.kbfiles import read_validated
from rightscan.adapters.kbfiles.schemas import GuidanceItemEntry
from rightscan.adapters.knowledge_words import ENV_TOPICS
from rightscan.domain.guidance import GuidanceIndex
from rightscan.domain.knowledge import FactWords, GuidanceItem, Knowledge, Variant
from rightscan.domain.model import InputError
from rightscan.domain.orders import normalise
from rightscan.domain.topic import (
    UNKNOWN,
    Feature,
    Topic,
    TopicInput,
    TopicProcedure,
    TopicRating,
    TopicVariant,
)
from rightscan.domain.topic_decision import ENGINE_FEATURES, TopicDecision, decide_topic

Name = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]


class TopicError(RuntimeError):
    """A topic folder is invalid; the message names the file and the place."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _InputSchema(_Strict):
    label: str = Field(min_length=3)
    type: Literal["number", "choice"]
    minimum: float | None = None
    maximum: float | None = None
    unit: str = ""
    values: list[str] = []

    @model_validator(mode="after")
    def _shape(self) -> _InputSchema:
        if self.type == "number" and (self.minimum is None or self.maximum is None or self.values):
            raise ValueError("a number input needs minimum and maximum, and no values")
        if self.type == "choice" and (not self.values or self.minimum is not None or self.maximum is not None):
            raise ValueError("a choice input needs values, and no minimum or maximum")
        return self


class _BandSchema(_Strict):
    below: float | None  # upper bound, exclusive; null for the last, open band
    value: Name


class _FeatureSchema(_Strict):
    input: Name
    bands: list[_BandSchema] = []
    map: dict[str, Name] = {}


class _ScaleSchema(_Strict):
    from_: int = Field(alias="from", ge=1, le=9)
    to: int = Field(ge=1, le=9)
    category: str


class _RatingSchema(_Strict):
    procedure: Name
    category: str
    median_rating: int = Field(ge=1, le=9)
    soe: str | None = None


class _VariantSchema(_Strict):
    number: int = Field(ge=1)
    title: str = Field(min_length=3)
    purpose: Name
    applies_when: dict[Name, list[Name]] = Field(min_length=1)
    procedures: list[_RatingSchema] = Field(min_length=1)


class _TopicSchema(_Strict):
    schema_: Literal["rightscan.topic/1"] = Field(alias="schema")
    id: Name
    version: str = Field(min_length=3)
    title: str = Field(min_length=3)
    url: str = Field(pattern=r"^https://")
    source: str = Field(min_length=3)
    inputs: dict[Name, _InputSchema] = Field(min_length=1)
    features: dict[Name, _FeatureSchema] = Field(min_length=1)
    purposes: list[Name] = Field(min_length=1)
    rating_scale: list[_ScaleSchema] = Field(min_length=1)  # best category first
    variants: list[_VariantSchema] = Field(min_length=1)
    files: dict[Literal["procedures", "guidance"], str]


class _ProcedureSchema(_Strict):
    id: Name
    name: str = Field(min_length=2)
    purpose: Name
    synonyms: list[str] = []


class _ProceduresSchema(_Strict):
    schema_: Literal["rightscan.topic-procedures/1"] = Field(alias="schema")
    procedures: list[_ProcedureSchema] = Field(min_length=1)


class _FactSchema(_Strict):
    label: str = Field(min_length=3)
    matters: str = Field(min_length=3)


class _ItemSchema(GuidanceItemEntry):
    """A guidance item in the knowledge files' format, with the topic's rules for names and text."""

    id: Name
    when: dict[Name, list[str]] = Field(min_length=1)
    unless: dict[Name, list[str]] = Field(default={})
    text: str = Field(min_length=10)


class _GuidanceSchema(_Strict):
    schema_: Literal["rightscan.topic-guidance/1"] = Field(alias="schema")
    sources: dict[str, str]
    facts: dict[Name, _FactSchema] = {}
    items: list[_ItemSchema] = []


@lru_cache(maxsize=16)
def load_topic(directory: str) -> Topic:
    """Read and validate one topic folder."""
    base = Path(directory)
    t = read_validated(base / "topic.yaml", _TopicSchema, TopicError)
    procs = read_validated(base / t.files["procedures"], _ProceduresSchema, TopicError)
    guide = read_validated(base / t.files["guidance"], _GuidanceSchema, TopicError)
    where = "topic.yaml"

    inputs = {
        name: TopicInput(name, i.label, i.type, i.minimum, i.maximum, i.unit, tuple(i.values))
        for name, i in t.inputs.items()
    }
    features: list[Feature] = []
    for name, f in t.features.items():
        spec = inputs.get(f.input)
        if spec is None:
            raise TopicError(f"{where}: features.{name}.input: unknown input {f.input!r}")
        if spec.kind == "number":
            bounds = [b.below for b in f.bands]
            if not f.bands or f.map or bounds[-1] is not None or None in bounds[:-1]:
                raise TopicError(f"{where}: features.{name}: a number input needs bands, the last one open")
            if bounds[:-1] != sorted(bounds[:-1]):  # type: ignore[type-var]
                raise TopicError(f"{where}: features.{name}.bands: bounds must ascend")
            features.append(Feature(name, f.input, tuple((b.below, b.value) for b in f.bands)))
        else:
            if f.bands or set(f.map) - set(spec.values):
                raise TopicError(f"{where}: features.{name}: a choice input is read through map, by its values")
            features.append(Feature(name, f.input, (), {v: f.map.get(v, v) for v in spec.values}))
    feature_values = {f.name: set(f.values) - {UNKNOWN} for f in features}

    categories = tuple(s.category for s in t.rating_scale)
    procedures: dict[str, TopicProcedure] = {}
    lookup: dict[str, str] = {}
    for p in procs.procedures:
        if p.purpose not in t.purposes:
            raise TopicError(f"procedures.yaml: {p.id}: unknown purpose {p.purpose!r}")
        procedures[p.id] = TopicProcedure(p.id, p.name, p.purpose, tuple(p.synonyms))
        for text in (p.name, *p.synonyms):
            key = normalise(text)
            if lookup.setdefault(key, p.id) != p.id:
                raise TopicError(f"procedures.yaml: {text!r} names both {lookup[key]} and {p.id}")

    variants: list[TopicVariant] = []
    for n, v in enumerate(t.variants, 1):
        at = f"{where}: variants.{n - 1}"
        if v.number != n:
            raise TopicError(f"{at}: variants must be numbered 1..n in order")
        if v.purpose not in t.purposes:
            raise TopicError(f"{at}.purpose: unknown purpose {v.purpose!r}")
        for feature, values in v.applies_when.items():
            if feature not in feature_values:
                raise TopicError(f"{at}.applies_when: unknown feature {feature!r}")
            bad = sorted(set(values) - feature_values[feature])
            if bad:
                raise TopicError(f"{at}.applies_when.{feature}: unknown value(s) {bad}")
        ratings = []
        for r in v.procedures:
            if r.procedure not in procedures:
                raise TopicError(f"{at}: {r.procedure!r} is not in procedures.yaml")
            band = next((s for s in t.rating_scale if s.from_ <= r.median_rating <= s.to), None)
            if band is None or band.category != r.category:
                raise TopicError(f"{at}: {r.procedure}: category does not match median rating {r.median_rating}")
            ratings.append(TopicRating(r.procedure, procedures[r.procedure].name, r.category, r.median_rating, r.soe))
        rated = [
            (r, {"procedure": r.procedure, "category": r.category, "median_rating": r.median_rating}) for r in ratings
        ]
        variants.append(Variant.of(v.number, v.title, v.purpose, v.applies_when, t.title, rated))
    variant_items = tuple(GuidanceItem(str(v.number), v.purpose, v.when, (), v.as_dict) for v in variants)

    engine_values = {"order_procedure": set(procedures), "determined": {"yes", "no"}}
    allowed = {**{k: vs | {UNKNOWN} for k, vs in feature_values.items()}, **engine_values}
    items = []
    for item in guide.items:
        conditions = []
        for part, block in (("when", item.when), ("unless", item.unless)):
            for feature, values in block.items():
                if feature not in allowed:
                    raise TopicError(f"guidance.yaml: {item.id}.{part}: unknown feature {feature!r}")
                bad = sorted(set(values) - allowed[feature])
                if bad:
                    raise TopicError(f"guidance.yaml: {item.id}.{part}.{feature}: unknown value(s) {bad}")
            conditions.append(tuple((k, frozenset(vals)) for k, vals in block.items()))
        unknown_sources = [s for s in item.source if s not in guide.sources]
        if unknown_sources:
            raise TopicError(f"guidance.yaml: {item.id}: unknown source(s) {unknown_sources}")
        entry = {"id": item.id, "text": item.text, "source": [guide.sources[s] for s in item.source]}
        items.append(GuidanceItem(item.id, item.kind, conditions[0], conditions[1], entry))
    for key in guide.facts:
        if key not in inputs:
            raise TopicError(f"guidance.yaml: facts.{key}: not an input of the topic")

    names = tuple(f.name for f in features)
    return Topic(
        **t.model_dump(include={"id", "version", "title", "url", "source"}),  # as the file gives them
        inputs=inputs,
        features=tuple(features),
        purposes=tuple(t.purposes),
        variants=tuple(variants),
        variant_index=GuidanceIndex(variant_items, names=names, kinds=tuple(t.purposes)),
        procedures=procedures,
        lookup=lookup,
        guidance=tuple(items),
        guidance_index=GuidanceIndex(tuple(items), names=names + ENGINE_FEATURES),
        fact_words={k: FactWords(f.label, f.matters) for k, f in guide.facts.items()},
        categories_best_first=categories,
    )


def with_topics(kb: Knowledge, directories: list[str] | None = None) -> Knowledge:
    """The knowledge with the topics of ``directories`` added (default: ``RIGHTSCAN_TOPICS``)."""
    if directories is None:
        directories = [d for d in os.environ.get(ENV_TOPICS, "").split(os.pathsep) if d]
    if not directories:
        return kb
    topics = dict(kb.topics)
    for directory in directories:
        topic = load_topic(str(Path(directory).resolve()))
        if topic.id == kb.topic_id or topics.get(topic.id, topic) is not topic:
            raise TopicError(f"{directory}: topic id {topic.id!r} is already served")
        topics[topic.id] = topic
    return dataclasses.replace(kb, topics=topics, memo={})


# ------------------------------------------------------------------ the topic's input model
def input_model(topic: Topic) -> type[BaseModel]:
    """The pydantic model of a topic's payloads: its inputs (each optional), ``topic`` and ``order``."""
    model: type[BaseModel] = topic.memo.get("input_model") or topic.memo.setdefault("input_model", _model(topic))
    return model


def _model(topic: Topic) -> type[BaseModel]:
    fields: dict[str, Any] = {
        "topic": (Literal[topic.id], ...),  # type: ignore[valid-type]
        "order": (str | None, Field(None, min_length=1, max_length=200)),
    }
    for name, spec in topic.inputs.items():
        if spec.kind == "number":
            fields[name] = (float | None, Field(None, ge=spec.minimum, le=spec.maximum))
        else:
            fields[name] = (Literal[spec.values] | None, None)  # type: ignore[valid-type]
    model: type[BaseModel] = create_model(  # type: ignore[call-overload]
        f"TopicInput_{topic.id}", __config__=ConfigDict(extra="forbid", strict=False), **fields
    )
    return model


def parse_input(topic: Topic, payload: Mapping[str, Any]) -> dict[str, Any]:
    """Validated input values; ``InputError`` naming the field (never repeating the payload's text)."""
    for name in topic.inputs:
        if isinstance(payload.get(name), bool):
            raise InputError(name, "must be a number" if topic.inputs[name].kind == "number" else "must be a value")
    try:
        data = input_model(topic).model_validate(dict(payload))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(input)"
        if first["type"] == "extra_forbidden":  # named by its position: the key is the sender's text
            position = next((i for i, key in enumerate(payload, 1) if key == first["loc"][0]), 0)
            raise InputError(f"{{key {position}}}", f"not an input of topic {topic.id}") from None
        raise InputError(where, first["msg"]) from None
    return data.model_dump()


def decide_payload(kb: Knowledge, payload: Mapping[str, Any], order: str | None = None) -> TopicDecision:
    """A topic payload (``{"topic": id, ...}``) -> the topic's decision. ``order`` replaces the payload's."""
    name = payload.get("topic")
    topic = kb.topics.get(name) if isinstance(name, str) else None
    if topic is None:
        served = ", ".join(sorted(kb.topics)) or "none"
        raise InputError("topic", f"not a topic this knowledge serves (served: {served})")
    values = parse_input(topic, payload)
    return decide_topic(topic, values, order or values.get("order"))
