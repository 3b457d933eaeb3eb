"""The decision for a topic served from a folder of knowledge (``domain.topic``). Pure.

The same steps as the breast engine, with nothing of any topic in the code: the features function
reads the inputs, the feature matcher picks the variants (``applies_when``) per purpose, the order's
procedure is rated by the applicable variant, and guidance items are picked by the same matcher.
Safety before coverage: when an input is missing and its value would change which variants apply,
nothing is rated and the input is named.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rightscan.domain.answer import Alternative, Step, VariantRating, single_rating, variant_rating
from rightscan.domain.model import InputError, MissingFact
from rightscan.domain.orders import normalise
from rightscan.domain.topic import UNKNOWN, Topic, TopicProcedure, TopicVariant, features

ENGINE_FEATURES = ("order_procedure", "determined")  # features every topic's guidance may use


@dataclass(frozen=True, slots=True)
class TopicOrder:
    requested: str
    procedure: TopicProcedure
    single: VariantRating | None  # the rating of the one applicable variant, if exactly one applies
    ratings: tuple[VariantRating, ...]
    alternatives: tuple[Alternative, ...]
    note: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "requested": self.requested,
            "procedure": self.procedure.name,
            "procedure_id": self.procedure.id,
            "purpose": self.procedure.purpose,
            **single_rating(self.single),
            "ratings": [r.as_dict() for r in self.ratings],
            "alternatives": [a.as_dict() for a in self.alternatives],
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class TopicDecision:
    topic: Topic
    features: dict[str, str]
    determined: bool
    variants: tuple[TopicVariant, ...]
    order: TopicOrder | None
    missing: tuple[MissingFact, ...]
    guidance: dict[str, tuple[dict[str, Any], ...]]
    explanation: tuple[Step, ...]
    summary: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "knowledge_version": self.topic.version,
            "topic": self.topic.id,
            "summary": self.summary,
            "features": self.features,
            "determined": self.determined,
            "assessments": [v.as_dict for v in self.variants],
            "order": self.order.as_dict() if self.order else None,
            "insufficient_data": [m.text() for m in self.missing],
            "missing": [m.as_dict() for m in self.missing],
            "considerations": list(self.guidance.get("consideration", ())),
            "next_steps": list(self.guidance.get("next_step", ())),
            "pitfalls": list(self.guidance.get("pitfall", ())),
            "explanation": [s.as_dict() for s in self.explanation],
        }


def resolve(topic: Topic, text: str) -> TopicProcedure:
    """The topic procedure an order names (name or synonym); ``InputError`` on ``order`` otherwise."""
    pid = topic.lookup.get(normalise(text))
    if pid is None:
        names = ", ".join(p.name for p in topic.procedures.values())
        raise InputError("order", f"not a procedure or synonym of topic {topic.id}; known: {names}")
    return topic.procedures[pid]


def _select(topic: Topic, feats: Mapping[str, str]) -> tuple[int, ...]:
    grouped = topic.variant_index.select(feats)
    return tuple(sorted(entry["variant"] for purpose in topic.purposes for entry in grouped[purpose]))


def _selection(topic: Topic, feats: dict[str, str]) -> tuple[tuple[int, ...] | None, tuple[str, ...]]:
    """The applicable variant numbers, or None when a missing input would change them; and the features
    whose inputs are missing and matter."""
    used = {name for v in topic.variants for name, _ in v.when}
    unknown = [f for f in topic.features if feats[f.name] == UNKNOWN and f.name in used]
    if not unknown:
        return _select(topic, feats), ()
    outcomes = set()
    for combo in itertools.product(*[[x for x in f.values if x != UNKNOWN] for f in unknown]):
        trial = {**feats, **{f.name: value for f, value in zip(unknown, combo, strict=True)}}
        outcomes.add(_select(topic, trial))
    if len(outcomes) == 1:
        return outcomes.pop(), ()
    deciding = []
    for f in unknown:
        others = [g for g in unknown if g is not f]
        for combo in itertools.product(*[[x for x in g.values if x != UNKNOWN] for g in others]):
            trial = {**feats, **{g.name: value for g, value in zip(others, combo, strict=True)}}
            if len({_select(topic, {**trial, f.name: x}) for x in f.values if x != UNKNOWN}) > 1:
                deciding.append(f.name)
                break
    return None, tuple(deciding)


def decide_topic(topic: Topic, values: Mapping[str, Any], order: str | None = None) -> TopicDecision:
    """Decide for validated input values (``topic_files.parse_input``) and an optional order text."""
    procedure = resolve(topic, order) if order else None
    feats = features(topic, values)
    steps: list[Step] = []
    for f in topic.features:
        spec = topic.inputs[f.input]
        given = values.get(f.input)
        shown = "not given" if given is None else f"{given:g}{spec.unit}" if spec.kind == "number" else given
        steps.append(Step.of(f"{spec.label}: {shown} -> {f.name} {feats[f.name]}", topic.source))
    numbers, deciding = _selection(topic, feats)
    missing: list[MissingFact] = []
    for name in deciding:
        f = next(x for x in topic.features if x.name == name)
        words = topic.fact_words.get(f.input)
        missing.append(
            MissingFact(
                f.input,
                words.label if words else topic.inputs[f.input].label,
                "; ".join(x for x in (words.matters if words else "", "it changes which variant applies") if x),
            )
        )
    chosen = tuple(topic.variant(n) for n in numbers) if numbers is not None else ()
    for v in chosen:
        steps.append(
            Step.of(f"{v.purpose}: variant {v.number} applies ({v.title})", f"{topic.source}, variant {v.number}")
        )
    rated = _rate(topic, procedure, order, chosen, numbers is not None) if procedure and order else None
    if rated is not None:
        single = rated.single
        steps.append(
            Step.of(
                f"Order '{rated.requested}' -> {procedure.name if procedure else ''}"
                + (
                    f"; variant {single.variant} rates it {single.category} ({single.median_rating}/9)"
                    if single and single.category
                    else ""
                )
                + (f"; {rated.note}" if rated.note else ""),
                f"{topic.source}" + (f", variant {single.variant}" if single and single.variant else ""),
            )
        )
    guidance_values = {
        **feats,
        "order_procedure": procedure.id if procedure else "",
        "determined": "yes" if numbers is not None else "no",
    }
    return TopicDecision(
        topic=topic,
        features=feats,
        determined=numbers is not None,
        variants=chosen,
        order=rated,
        missing=tuple(missing),
        guidance=topic.guidance_index.select(guidance_values),
        explanation=tuple(steps),
        summary=_summary(topic, chosen, rated, missing),
    )


def _rate(
    topic: Topic, proc: TopicProcedure, requested: str, chosen: tuple[TopicVariant, ...], determined: bool
) -> TopicOrder:
    variants = [v for v in chosen if v.purpose == proc.purpose]
    ratings: list[VariantRating] = []
    for v in variants:
        ratings.append(variant_rating(v.number, v.by_procedure.get(proc.id)))
    single = ratings[0] if len(ratings) == 1 else None
    alternatives: list[Alternative] = []
    if single is not None and single.category != topic.categories_best_first[0]:
        v = topic.variant(single.variant)
        best = topic.categories_best_first[0]
        for r in sorted(v.ratings, key=lambda r: -r.median_rating):
            if r.category == best and r.procedure_id != proc.id:
                alternatives.append(Alternative.rated(r, v.number, "rated higher for the same question"))
    if not determined:
        note = "no variant can be chosen until the missing facts are known"
    elif not variants:
        note = f"no variant of this topic applies to a {proc.purpose} choice in this situation"
    elif single is None:
        note = "rated under each applicable variant"
    else:
        note = single.note
    return TopicOrder(
        requested=requested,
        procedure=proc,
        single=single,
        ratings=tuple(ratings),
        alternatives=tuple(alternatives),
        note=note,
    )


def _summary(
    topic: Topic, chosen: tuple[TopicVariant, ...], order: TopicOrder | None, missing: list[MissingFact]
) -> str:
    if missing:
        return f"Cannot decide - insufficient data: {'; '.join(m.short for m in missing)}"
    single = order.single if order is not None else None
    if order is not None and single is not None and single.category:
        return f"{order.procedure.name}: {single.category} ({single.median_rating}/9, variant {single.variant})"
    if order is not None:
        return f"{order.procedure.name}: not rated - {order.note}"
    if not chosen:
        return f"No variant of {topic.title} applies"
    return "Applicable: " + "; ".join(f"variant {v.number} ({v.title})" for v in chosen)
