"""``fhir_codes.yaml``: its schema, its loading, and code look-up for the FHIR adapter.

The file is validated against the schema below and cross-checked against the knowledge base
(symptom codes, lab names and the TNM vocabulary must be ones the core accepts); any problem stops
loading with ``KnowledgeError`` naming the file and the place. Look-ups compare codes per code system
(a short key such as ``snomed``), with ICD codes normalised (upper case, no dot, no slash).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from rightscan.adapters.kbfiles import read_validated
from rightscan.adapters.knowledge_files import KNOWLEDGE_DIR, KnowledgeError, load_knowledge
from rightscan.domain.model import HISTOLOGIES, PRIOR_SURGERY
from rightscan.domain.vocabulary import HER2_VALUES

FILE_NAME = "fhir_codes.yaml"
_DOTLESS = frozenset({"icd10cm", "icd10", "icd10pcs", "icdo3"})

Measure = Literal[
    "ct",
    "cn",
    "cm",
    "pt",
    "pn",
    "pm",
    "t_any",
    "n_any",
    "m_any",
    "tumor_size",
    "tumor_longest_dimension",
    "stage_group_clinical",
    "stage_group_pathological",
    "er",
    "pr",
    "her2",
    "grade",
    "lab",
]
ConditionKind = Literal[
    "primary_breast",
    "in_situ_ductal",
    "lobular_in_situ",
    "malignant_any",
    "history",
    "secondary",
    "er_positive",
    "er_negative",
    "symptom",
]


def normalise_code(system: str | None, code: str) -> str:
    """The form in which a code is compared: ICD codes upper case without '.' or '/'."""
    code = code.strip()
    if system in _DOTLESS:
        return code.upper().replace(".", "").replace("/", "")
    return code


# ------------------------------------------------------------------ schema
class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Entry(_Strict):
    system: str
    code: str | None = None
    prefix: str | None = None
    verified: bool
    source: str
    # (field, discriminator, value): the field is given exactly when the discriminator has that value
    only_with: ClassVar[tuple[str, str, str] | None] = None

    @model_validator(mode="after")
    def _code_or_prefix(self) -> _Entry:
        if (self.code is None) == (self.prefix is None):
            raise ValueError("give exactly one of code and prefix")
        if self.only_with is not None:
            name, discriminator, value = self.only_with
            if (getattr(self, discriminator) == value) != (getattr(self, name) is not None):
                raise ValueError(f"`{name}` is required for {discriminator} {value} and only there")
        return self


class _ConditionEntry(_Entry):
    kind: ConditionKind
    symptom: str | None = None
    only_with = ("symptom", "kind", "symptom")


class _HistologyEntry(_Entry):
    histology: Literal[HISTOLOGIES]  # type: ignore[valid-type]
    inflammatory: bool = False


class _HistologyRange(_Strict):
    from_: int = Field(alias="from", ge=8000, le=9999)
    to: int = Field(ge=8000, le=9999)
    behaviour: str = Field(pattern=r"^[0-9]$")


class _ObservationEntry(_Entry):
    measures: Measure
    lab: str | None = None
    only_with = ("lab", "measures", "lab")


class _TnmValue(_Strict):
    code: str = Field(pattern=r"^[0-9]+$")
    category: str = Field(pattern=r"^[cp][TNM]")
    verified: bool
    source: str = "staging_md"


class _ReceptorValue(_Entry):
    value: Literal[HER2_VALUES]  # type: ignore[valid-type]


class _GradeValue(_Entry):
    grade: int = Field(ge=1, le=3)


class _SurgeryEntry(_Entry):
    surgery: Literal[PRIOR_SURGERY]  # type: ignore[valid-type]


class _Status(_Strict):
    condition_current: list[str]
    condition_recurrence: list[str]
    condition_past: list[str]
    condition_void: list[str]
    cancer_unconfirmed: list[str]
    observation_result: list[str]
    observation_symptom: list[str]
    procedure_done: list[str]


class _FhirCodesSchema(_Strict):
    schema_: Literal["rightscan.fhir-codes/1"] = Field(alias="schema")
    version: str = Field(pattern=r"^fhir-codes@\d{4}-\d{2}")
    sources: dict[str, str]
    systems: dict[str, list[str]]
    extensions: dict[Literal["histology"], str]
    status: _Status
    conditions: list[_ConditionEntry]
    breast_sites: list[_Entry]
    histology: list[_HistologyEntry]
    histology_other_range: _HistologyRange
    observations: list[_ObservationEntry]
    pathology_size_methods: list[_Entry]
    tnm_values: list[_TnmValue]
    receptor_values: list[_ReceptorValue]
    receptor_texts: dict[str, Literal[HER2_VALUES]]  # type: ignore[valid-type]
    grade_values: list[_GradeValue]
    absent_values: list[_Entry]
    present_values: list[_Entry]
    surgery: list[_SurgeryEntry]

    @model_validator(mode="after")
    def _references(self) -> _FhirCodesSchema:
        uris = [u for us in self.systems.values() for u in us]
        if len(uris) != len(set(uris)):
            raise ValueError("a system URI is listed under two system keys")
        tables: dict[str, list[Any]] = {
            "conditions": self.conditions,
            "breast_sites": self.breast_sites,
            "histology": self.histology,
            "observations": self.observations,
            "pathology_size_methods": self.pathology_size_methods,
            "receptor_values": self.receptor_values,
            "grade_values": self.grade_values,
            "absent_values": self.absent_values,
            "present_values": self.present_values,
            "surgery": self.surgery,
        }
        for name, entries in tables.items():
            seen: set[tuple[str, str]] = set()
            for i, e in enumerate(entries):
                if e.system not in self.systems:
                    raise ValueError(f"{name}[{i}]: unknown system key {e.system!r}")
                if e.source not in self.sources:
                    raise ValueError(f"{name}[{i}]: unknown source {e.source!r}")
                key = (e.system, normalise_code(e.system, e.code or e.prefix or ""))
                if key in seen:
                    raise ValueError(f"{name}[{i}]: {e.system} {e.code or e.prefix} is listed twice")
                seen.add(key)
        codes = [v.code for v in self.tnm_values]
        if len(codes) != len(set(codes)):
            raise ValueError("tnm_values: a code is listed twice")
        for v in self.tnm_values:
            if v.source not in self.sources:
                raise ValueError(f"tnm_values: unknown source {v.source!r}")
        if self.histology_other_range.from_ > self.histology_other_range.to:
            raise ValueError("histology_other_range: from must not exceed to")
        return self


# ------------------------------------------------------------------ loaded form
M = TypeVar("M")


@dataclass(frozen=True, slots=True)
class Hit(Generic[M]):
    """A table entry matched by a code: its meaning and whether the code was verified."""

    entry: M
    verified: bool


class CodeTable(Generic[M]):
    """Exact and prefix look-up of (system key, code) -> entry."""

    def __init__(self, entries: list[Any]) -> None:
        self._exact: dict[tuple[str, str], Any] = {}
        self._prefixes: list[tuple[str, str, Any]] = []
        for e in entries:
            if e.code is not None:
                self._exact[(e.system, normalise_code(e.system, e.code))] = e
            else:
                self._prefixes.append((e.system, normalise_code(e.system, e.prefix), e))
        self._prefixes.sort(key=lambda p: -len(p[1]))  # longest prefix wins

    def get(self, system: str | None, code: str) -> Hit[M] | None:
        if system is None:
            return None
        norm = normalise_code(system, code)
        entry = self._exact.get((system, norm))
        if entry is None:
            entry = next((e for s, p, e in self._prefixes if s == system and norm.startswith(p)), None)
        return None if entry is None else Hit(entry, entry.verified)


@dataclass(frozen=True)
class FhirCodes:
    version: str
    system_keys: dict[str, str]  # URI -> key
    histology_extension: str
    status: _Status
    conditions: CodeTable[_ConditionEntry]
    breast_sites: CodeTable[_Entry]
    histology: CodeTable[_HistologyEntry]
    histology_other_range: _HistologyRange
    observations: CodeTable[_ObservationEntry]
    pathology_size_methods: CodeTable[_Entry]
    tnm_values: dict[str, _TnmValue]
    receptor_values: CodeTable[_ReceptorValue]
    receptor_texts: dict[str, str]
    grade_values: CodeTable[_GradeValue]
    absent_values: CodeTable[_Entry]
    present_values: CodeTable[_Entry]
    surgery: CodeTable[_SurgeryEntry]
    staging_loinc: tuple[str, ...]  # LOINC codes of the staging/tumour observations (prefetch query)

    def system_key(self, uri: str | None) -> str | None:
        return None if uri is None else self.system_keys.get(uri.strip())


def _cross_check(data: _FhirCodesSchema, directory: str | None) -> None:
    kb = load_knowledge(directory)
    for i, c in enumerate(data.conditions):
        if c.symptom is not None and c.symptom not in kb.symptoms:
            raise KnowledgeError(f"{FILE_NAME}: conditions[{i}]: {c.symptom!r} is not a symptom code of red_flags.yaml")
    for i, o in enumerate(data.observations):
        if o.lab is not None and o.lab not in kb.lab_names:
            raise KnowledgeError(f"{FILE_NAME}: observations[{i}]: {o.lab!r} is not a lab name of red_flags.yaml")
    staging = kb.staging
    allowed = {
        ("c", "T"): {*staging.t_categories, "TX"},
        ("c", "N"): {*staging.n_categories, "NX"},
        ("c", "M"): set(staging.m_categories),
        ("p", "T"): {*staging.t_categories, "TX"},
        ("p", "N"): {*staging.pn_aliases, "NX"},
    }
    for i, v in enumerate(data.tnm_values):
        kind, rest = v.category[0], v.category[1:]
        if rest not in allowed.get((kind, rest[0]), set()):
            raise KnowledgeError(f"{FILE_NAME}: tnm_values[{i}]: {v.category!r} is not a category the core accepts")


@lru_cache(maxsize=4)
def load_fhir_codes(directory: str | None = None) -> FhirCodes:
    """Load and validate ``fhir_codes.yaml`` (cached per directory)."""
    base = Path(directory) if directory else KNOWLEDGE_DIR
    path = base / FILE_NAME
    data = read_validated(path, _FhirCodesSchema)
    _cross_check(data, directory)
    staging_measures = {"ct", "cn", "cm", "pt", "pn", "pm", "tumor_size", "stage_group_clinical"}
    staging_measures |= {"stage_group_pathological", "er", "pr", "her2", "grade"}
    return FhirCodes(
        version=data.version,
        system_keys={uri: key for key, uris in data.systems.items() for uri in uris},
        histology_extension=data.extensions["histology"],
        status=data.status,
        conditions=CodeTable(data.conditions),
        breast_sites=CodeTable(data.breast_sites),
        histology=CodeTable(data.histology),
        histology_other_range=data.histology_other_range,
        observations=CodeTable(data.observations),
        pathology_size_methods=CodeTable(data.pathology_size_methods),
        tnm_values={v.code: v for v in data.tnm_values},
        receptor_values=CodeTable(data.receptor_values),
        receptor_texts=dict(data.receptor_texts),
        grade_values=CodeTable(data.grade_values),
        absent_values=CodeTable(data.absent_values),
        present_values=CodeTable(data.present_values),
        surgery=CodeTable(data.surgery),
        staging_loinc=tuple(
            o.code for o in data.observations if o.system == "loinc" and o.code and o.measures in staging_measures
        ),
    )
