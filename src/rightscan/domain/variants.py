"""Variant selection: which ACR variants of the topic apply to a scenario, per purpose. Pure; the
selection is a function of small discrete inputs and is memoised on the knowledge object."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rightscan.domain.answer import Step
from rightscan.domain.guidance import VARIANT_FEATURES, GuidanceIndex
from rightscan.domain.knowledge import GuidanceItem, Knowledge, Variant
from rightscan.domain.missing import Trace
from rightscan.domain.model import MissingFact


@dataclass(frozen=True, slots=True)
class VariantSelection:
    """The applicable variants per purpose, with the steps and missing facts the choice produced."""

    key: tuple[Any, ...]  # identifies this selection in later memo keys
    by_purpose: dict[str, tuple[Variant, ...]]
    assessments: tuple[dict[str, Any], ...]  # the variants' output entries (shared, read-only)
    steps: tuple[Step, ...]
    missing: tuple[MissingFact, ...]

    def of(self, purpose: str) -> tuple[Variant, ...]:
        return self.by_purpose[purpose]

    def all(self) -> tuple[Variant, ...]:
        """Every applicable variant, purposes in the topic's order."""
        return tuple([v for variants in self.by_purpose.values() for v in variants])


def _index(kb: Knowledge) -> GuidanceIndex:
    """The variants' applies_when compiled by the guidance's feature matcher, purposes as kinds."""

    def build() -> GuidanceIndex:
        items = tuple(GuidanceItem(str(v.number), v.purpose, v.when, (), v.as_dict) for v in kb.variants)
        return GuidanceIndex(items, names=VARIANT_FEATURES, kinds=kb.topic.purposes.order)

    index: GuidanceIndex = kb.remember(("variant_index",), build)
    return index


def _matches(conditions: tuple[tuple[str, frozenset[str]], ...], features: tuple[str, ...]) -> bool:
    """Whether features (in VARIANT_FEATURES order) meet every condition."""
    values = dict(zip(VARIANT_FEATURES, features, strict=True))
    return all(values[name] in allowed for name, allowed in conditions)


def _stage_feature(classes: frozenset[str]) -> str:
    if len(classes) > 1:
        return "split"
    return next(iter(classes)) if classes else "unknown"


def applicable_variants(
    kb: Knowledge,
    setting: str | None,
    classes: frozenset[str],
    biology: str,
    prior_surgery: str | None,
    red_flags: bool,
) -> VariantSelection:
    """The ACR variants per purpose. A pure function of its discrete inputs, so it is memoised."""
    key = ("variants", setting, frozenset(classes), biology, prior_surgery, red_flags)

    def build() -> VariantSelection:
        scratch = Trace(kb)
        chosen = _select_variants(scratch, setting, classes, biology, prior_surgery, red_flags)
        return VariantSelection(
            key=key,
            by_purpose=chosen,
            assessments=tuple(v.as_dict for variants in chosen.values() for v in variants),
            steps=tuple(scratch.explanation),
            missing=tuple(scratch.insufficient),
        )

    selection: VariantSelection = kb.remember(key, build)
    return selection


def _select_variants(
    ctx: Trace,
    setting: str | None,
    classes: frozenset[str],
    biology: str,
    prior_surgery: str | None,
    flags: bool,
) -> dict[str, tuple[Variant, ...]]:
    kb = ctx.kb
    purposes = kb.topic.purposes
    out: dict[str, tuple[Variant, ...]] = {p: () for p in purposes.order}
    if setting is None:
        return out
    stage = _stage_feature(classes)
    for purpose in purposes.order:
        effective = setting
        features = (effective, stage, biology, prior_surgery or "unknown")  # VARIANT_FEATURES order
        if purpose == purposes.red_flags and flags:
            if setting in purposes.red_flags_follow_up_settings:
                effective = purposes.red_flags_read_as
                features = (effective, *features[1:])
            elif _matches(purposes.red_flags_outside_topic_when, features):
                ctx.explain(kb.topic.wording.red_flags_outside_topic, kb.topic.citations.red_flags_outside_topic)
                continue
        candidates = [v for v in kb.variants if v.purpose == purpose and v.accepts("setting", effective)]
        if not candidates:
            continue
        chosen = [kb.variant(entry["variant"]) for entry in _index(kb).select_values(features)[purpose]]
        if not chosen:
            # which unknown fact (or which uncovered biology) left the candidates without a match
            needs_surgery = any(v.condition("prior_surgery") is not None for v in candidates)
            needs_biology = any(
                v.condition("biology") is not None and (v.condition("stage_class") or frozenset()) & classes
                for v in candidates
            )
            if needs_surgery and prior_surgery is None:
                ctx.missing(
                    "prior_surgery",
                    "prior_surgery",
                    f"bct or mastectomy: {purpose} variant {' or '.join(str(v.number) for v in candidates)}",
                )
            elif needs_biology and biology == "unknown":
                ctx.missing("tumor.receptors", "tumor.er / tumor.pr / tumor.her2")
            elif needs_biology:
                ctx.explain(kb.topic.wording.biology_not_covered, kb.topic.citations.biology_not_covered)
            continue
        out[purpose] = tuple(chosen)
        reason = _variant_reason(kb, effective, setting, classes)
        for v in chosen:
            ctx.explain(
                f"{purpose.capitalize()} evaluation: ACR variant {v.number} applies ({reason})",
                f"ACR {kb.topic_version}, variant {v.number}",
            )
    return out


def _variant_reason(kb: Knowledge, effective: str, setting: str, classes: frozenset[str]) -> str:
    reasons = kb.topic.wording.variant_reasons
    if effective != setting:
        return reasons.red_flags_in_follow_up
    if setting == "new_diagnosis":
        if classes == {"early", "late"}:
            return reasons.split
        return reasons.early if classes == {"early"} else reasons.late
    return setting.replace("_", " ")
