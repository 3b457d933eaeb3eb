"""Domain types: the patient facts a decision reads and the decision it returns.

Pure data, no I/O. Facts arrive already validated for type and vocabulary by an adapter; clinical
consistency (size against T, inflammatory against T4d, ...) is checked by the domain itself.
Unknown is ``None`` everywhere: the domain never fills a missing fact with a default.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter
from types import MappingProxyType
from typing import Any, NamedTuple

from rightscan.domain.answer import OrderAssessment, Step, TargetedStudy
from rightscan.domain.knowledge import RedFlagRule
from rightscan.domain.vocabulary import (  # noqa: F401  (the closed vocabularies, spelled once; re-exported)
    CATEGORIES,
    CATEGORY_MBA,
    CATEGORY_MBAD,
    CATEGORY_UA,
    CATEGORY_UNA,
    HISTOLOGIES,
    INDIVIDUALIZE,
    NOT_APPLICABLE,
    NOT_RECOMMENDED,
    PATIENT_PREFERENCES,
    PRIOR_SURGERY,
    PURPOSES,
    RECEPTOR_VALUES,
    RECOMMENDED,
    SETTINGS,
    TARGETED,
    UNDETERMINED,
)


def receptor(value: str | None) -> bool | None:
    """A receptor result as the staging tables read it: True positive, False negative, None unknown."""
    return None if value is None else value == "positive"


class InputError(ValueError):
    """Input RightScan refuses to decide on. ``field`` is the dotted input path to blame.

    Messages name the field and the rule; they never repeat free text from the input.
    """

    def __init__(self, field_path: str, message: str) -> None:
        super().__init__(f"{field_path}: {message}")
        self.field = field_path
        self.message = message


class FactError(InputError):
    """Facts that are individually well formed but clinically impossible or contradictory."""


# Facts are immutable named tuples: cheap to build (the hot path of every decision) and hashable.
class LabValue(NamedTuple):
    value: float
    uln: float

    @property
    def ratio(self) -> float:
        return self.value / self.uln


class Tumor(NamedTuple):
    histology: str | None = None
    size_cm: float | None = None
    t: str | None = None  # normalised: "T1c" (no c/p prefix)
    n: str | None = None  # normalised: "N0"
    m: str | None = None  # "M0" | "M1"
    grade: int | None = None
    er: str | None = None
    pr: str | None = None
    her2: str | None = None
    her2_equivocal: bool = False  # reported equivocal; staged as negative (AJCC 8)
    inflammatory: bool | None = None


class Facts(NamedTuple):
    age: int | None = None
    sex: str | None = None
    setting: str | None = None
    prior_surgery: str | None = None
    tumor: Tumor = Tumor()
    symptoms: frozenset[str] = frozenset()
    labs: Mapping[str, LabValue] = MappingProxyType({})
    tumor_markers: Mapping[str, LabValue] = MappingProxyType({})
    pathology_t: str | None = None
    pathology_n: str | None = None  # normalised family or category, e.g. "N1", "N2"
    patient_preference: str | None = None
    order: str | None = None
    purpose: str | None = None

    def lab(self, name: str) -> LabValue | None:
        return self.labs.get(name)


class StageResult(NamedTuple):
    """One stage group with the reason it could not be assigned, if it could not."""

    stage: str | None
    reason: str | None = None
    # When the stage is unknown only because some inputs are missing: every stage group the
    # missing inputs could still produce (used to say which missing fact would change the answer).
    possible: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MissingFact:
    """A fact the decision lacks, in clinical words, and what knowing it would change."""

    field: str  # input field(s) to fill, e.g. "tumor.n" or "tumor.er / tumor.pr / tumor.her2"
    fact: str  # clinical words, e.g. "clinical nodal status (cN)"
    would_change: str
    possible_stages: tuple[str, ...] = ()  # stage groups still possible while it is unknown
    name: str = ""  # the fact's clinical name alone, when ``fact`` adds how it is obtained
    # its line of ``insufficient_data`` and its ``missing`` entry, made once (missing facts are shared
    # between decisions; the entry is read-only)
    _text: str = field(init=False, compare=False, repr=False)
    _dict: dict[str, Any] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_text", f"{self.field}: {self.fact} - {self.would_change}")
        entry = {
            "field": self.field,
            "fact": self.fact,
            "would_change": self.would_change,
            "possible_stages": list(self.possible_stages),
        }
        object.__setattr__(self, "_dict", entry)

    @property
    def short(self) -> str:
        """The clinical name of the fact without how it is obtained."""
        return self.name or self.fact

    def text(self) -> str:
        return self._text

    def as_dict(self) -> dict[str, Any]:
        return self._dict


@dataclass(frozen=True, slots=True)
class Assumption:
    """A fact the decision assumed by rule (never a guess): stated so that it can be corrected."""

    field: str
    assumed: str  # e.g. "cM0"
    why: str

    def text(self) -> str:
        return f"{self.field}: assumed {self.assumed} - {self.why}"

    def as_dict(self) -> dict[str, Any]:
        return {"field": self.field, "assumed": self.assumed, "why": self.why}


@dataclass(slots=True)
class Decision:
    """One decision, typed; ``to_dict`` renders the output contract (README, "Output") from it."""

    knowledge_version: str
    stage: dict[str, Any]
    systemic_imaging: str
    assessments: Sequence[dict[str, Any]]  # the applicable variants' tables (shared, read-only)
    order: OrderAssessment | None
    red_flags: Sequence[RedFlagRule]
    # guidance entries are shared, read-only knowledge fragments (tuples)
    considerations: Sequence[dict[str, Any]]
    next_steps: Sequence[dict[str, Any]]
    pitfalls: Sequence[dict[str, Any]]
    explanation: Sequence[Step]
    summary: str
    missing: Sequence[MissingFact] = ()
    assumptions: Sequence[Assumption] = ()
    systemic_staging: str | None = None  # the verdict the stage alone gives, red flags aside
    targeted_imaging: Sequence[TargetedStudy] = ()
    pathologic_upstaging: bool = False  # pathology moved the tumour beyond the early pathway
    # the shared scenario this decision was made from (rightscan.domain.decision.Scenario: every part
    # but the T step and the order's text), or None; an output writer may reuse what it made of it
    scenario: Any = field(default=None, compare=False, repr=False)

    @property
    def insufficient_data(self) -> list[str]:
        """The missing facts as one line each (the contract's ``insufficient_data``)."""
        return [m.text() for m in self.missing]

    def to_dict(self) -> dict[str, Any]:
        missing, flags, targeted = self.missing, self.red_flags, self.targeted_imaging
        return {
            "knowledge_version": self.knowledge_version,
            "summary": self.summary,
            "stage": dict(self.stage),  # the stage block is the scenario's, shared: each answer gets its copy
            "systemic_imaging": self.systemic_imaging,
            "assessments": list(self.assessments),
            "order": self.order.as_dict() if self.order is not None else None,
            "red_flags": list(map(_RULE_DICT, flags)) if flags else [],
            "insufficient_data": list(map(_MISSING_TEXT, missing)) if missing else [],
            "missing": list(map(_MISSING_DICT, missing)) if missing else [],
            "assumptions": [a.as_dict() for a in self.assumptions] if self.assumptions else [],
            "systemic_staging": self.systemic_staging,
            "targeted_imaging": [t.as_dict() for t in targeted] if targeted else [],
            "considerations": self.considerations,
            "next_steps": self.next_steps,
            "pitfalls": self.pitfalls,
            "explanation": list(map(_STEP_DICT, self.explanation)),
        }


_MISSING_TEXT = attrgetter("_text")
_MISSING_DICT = attrgetter("_dict")
_RULE_DICT = attrgetter("as_dict")  # a red-flag rule's output entry (shared, read-only)
_STEP_DICT = itemgetter(2)  # an explanation step's output entry (Step.rendered)
