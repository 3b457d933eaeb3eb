"""Select the guidance items (considerations, next steps, pitfalls) a decision's facts trigger.

Items are data (knowledge/guidance.yaml). Their conditions name *features* of a decision; this
module owns the feature vocabulary, and the knowledge loader rejects items that use anything else.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rightscan.domain.knowledge import GuidanceItem
from rightscan.domain.vocabulary import (
    GRADES,
    HISTOLOGIES,
    PATIENT_PREFERENCES,
    PRIOR_SURGERY,
    SETTINGS,
    STAGE_CLASSES,
    STAGES,
    STAGING_VERDICTS,
    VERDICTS,
)

YES_NO = ("yes", "no")

# feature -> allowed values ("procedure_id": any id of the procedure catalogue)
FEATURES: dict[str, tuple[str, ...] | str] = {
    "setting": (*SETTINGS, "unknown"),
    "systemic_imaging": VERDICTS,
    "systemic_staging": STAGING_VERDICTS,
    "stage_agreement": (
        "agree",
        "anatomic_early_prognostic_late",
        "anatomic_late_prognostic_early",
        "beyond_early_pathway",
        "bounded",
        "unknown",
    ),
    "stage_class": (*STAGE_CLASSES, "split", "unknown"),
    "anatomic_stage": (*STAGES, "unknown"),
    "histology": (*HISTOLOGIES, "unknown"),
    "invasive": ("yes", "no", "unknown"),
    "metastatic": YES_NO,
    "inflammatory": YES_NO,
    "biology": (
        "er_positive_her2_negative",
        "her2_positive",
        "triple_negative",
        "er_negative_pr_positive_her2_negative",
        "her2_equivocal",
        "unknown",
    ),
    "grade": (*(str(g) for g in GRADES), "unknown"),
    "red_flags": YES_NO,
    "alp": ("absent", "normal", "mildly_raised", "mildly_raised_unconfirmed", "raised"),
    "tumor_markers": ("absent", "normal", "raised"),
    "patient_preference": (*PATIENT_PREFERENCES, "none"),
    "pathologic_upstaging": YES_NO,
    "prior_surgery": (*PRIOR_SURGERY, "unknown"),
    "order_procedure": "procedure_id",
}


FEATURE_NAMES = tuple(FEATURES)

# The decision features a variant's applies_when may name (their values: FEATURES).
VARIANT_FEATURES = ("setting", "stage_class", "biology", "prior_surgery")


def check_conditions(applies_when: dict[str, list[str]]) -> str | None:
    """What is wrong with a variant's applies_when (unknown feature or value), or None."""
    for feature, values in applies_when.items():
        if feature not in VARIANT_FEATURES:
            return f"unknown feature {feature!r} (one of {', '.join(VARIANT_FEATURES)})"
        bad = [v for v in values if v not in FEATURES[feature]]
        if bad or not values:
            return f"{feature}: unknown value(s) {bad}" if bad else f"{feature}: no value"
    return None


KINDS = ("consideration", "next_step", "pitfall")


class GuidanceIndex:
    """Items with ``when``/``unless`` feature conditions compiled to bit masks: selection costs one dict
    lookup per feature. The feature matcher of the guidance, and of a topic's variants (``applies_when``,
    their purposes as kinds).

    For every feature and value, ``accept[feature][value]`` has bit i set when item i's ``when``
    either does not mention the feature or lists the value; ``reject`` does the same for ``unless``.
    """

    __slots__ = (
        "_accepting",
        "_by_features",
        "_by_mask",
        "_everything",
        "_rejecting",
        "accept",
        "default_accept",
        "items",
        "kinds",
        "names",
        "reject",
    )

    def __init__(
        self,
        items: tuple[GuidanceItem, ...],
        names: tuple[str, ...] = FEATURE_NAMES,
        kinds: tuple[str, ...] = KINDS,
    ) -> None:
        self.items = items
        self.names = names
        self.kinds = kinds
        self._by_mask: dict[int, dict[str, tuple[dict[str, Any], ...]]] = {}  # chosen set -> grouped items
        self._by_features: dict[tuple[str, ...], dict[str, tuple[dict[str, Any], ...]]] = {}
        everything = (1 << len(items)) - 1
        self.accept: dict[str, dict[str, int]] = {}
        self.default_accept: dict[str, int] = {}
        self.reject: dict[str, dict[str, int]] = {}
        for name in names:
            constrained = 0
            by_value: dict[str, int] = {}
            rejected: dict[str, int] = {}
            for i, item in enumerate(items):
                bit = 1 << i
                for feature, values in item.when:
                    if feature == name:
                        constrained |= bit
                        for v in values:
                            by_value[v] = by_value.get(v, 0) | bit
                for feature, values in item.unless:
                    if feature == name:
                        for v in values:
                            rejected[v] = rejected.get(v, 0) | bit
            free = everything & ~constrained
            self.default_accept[name] = free
            self.accept[name] = {v: free | mask for v, mask in by_value.items()}
            self.reject[name] = rejected
        # the features some item's ``when`` or ``unless`` names, by position (the others select everything)
        self._everything = everything
        self._accepting = tuple(
            (i, self.accept[name], self.default_accept[name])
            for i, name in enumerate(names)
            if self.default_accept[name] != everything
        )
        self._rejecting = tuple((i, self.reject[name]) for i, name in enumerate(names) if self.reject[name])

    def select(self, features: Mapping[str, str]) -> dict[str, tuple[dict[str, Any], ...]]:
        """The items whose ``when`` all hold and whose ``unless`` do not, grouped by kind, in file order.

        The result is shared between decisions with the same features: it is immutable (tuples of
        read-only entries).
        """
        return self.select_values(tuple([features.get(name, "") for name in self.names]))

    def select_values(self, values: tuple[str, ...]) -> dict[str, tuple[dict[str, Any], ...]]:
        """``select`` with the feature values given in ``FEATURE_NAMES`` order (the fast path)."""
        grouped = self._by_features.get(values)
        if grouped is None:
            if len(values) != len(self.names):
                raise ValueError(f"expected {len(self.names)} feature values, got {len(values)}")
            chosen = self._everything
            for i, accept, default in self._accepting:
                chosen &= accept.get(values[i], default)
            for i, reject in self._rejecting:
                chosen &= ~reject.get(values[i], 0)
            grouped = self._by_mask.get(chosen)
            if grouped is None:
                grouped = self._by_mask[chosen] = self._group(chosen)  # at most one entry per item subset seen
            if len(self._by_features) < 65536:
                self._by_features[values] = grouped
        return grouped

    def _group(self, chosen: int) -> dict[str, tuple[dict[str, Any], ...]]:
        out: dict[str, list[dict[str, Any]]] = {kind: [] for kind in self.kinds}
        for i, item in enumerate(self.items):
            if chosen >> i & 1:
                out[item.kind].append(item.as_dict)
        return {kind: tuple(entries) for kind, entries in out.items()}


def implied_by(items: tuple[GuidanceItem, ...], feature: str, value: str) -> frozenset[str]:
    """Ids of the items that can be selected only when ``feature`` has ``value``: one of them in a
    decision shows that the feature had that value (e.g. ``pathologic_upstaging: yes``)."""
    return frozenset(item.id for item in items if any(f == feature and v == {value} for f, v in item.when))


def select(items: tuple[GuidanceItem, ...], features: Mapping[str, str]) -> dict[str, list[dict[str, Any]]]:
    """Reference implementation of the selection rule (the index must agree with it; see the tests)."""
    out: dict[str, list[dict[str, Any]]] = {"consideration": [], "next_step": [], "pitfall": []}
    for item in items:
        if all(features.get(name) in values for name, values in item.when) and not any(
            features.get(name) in values for name, values in item.unless
        ):
            out[item.kind].append(item.as_dict)
    return out
