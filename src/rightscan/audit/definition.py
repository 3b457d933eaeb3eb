"""The audit definition: a versioned YAML file of code lists and windows, each with its provenance.

``load_definition()`` reads the packaged file (or another one), validates it, expands code ranges and
returns a frozen ``Definition``. Nothing else in the audit hard-codes a code or a number of days.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from rightscan.audit.errors import AuditInputError
from rightscan.package_data import YamlError, read_yaml, resource

DEFINITION_FILE = resource("knowledge", "audit", "low_value_staging_imaging.yaml")
VOCABULARIES = ("ICD10CM", "ICD9CM", "CPT4", "HCPCS")
Vocabulary = Literal["ICD10CM", "ICD9CM", "CPT4", "HCPCS"]
_RANGE = re.compile(r"^([A-Z]?)(\d+)-([A-Z]?)(\d+)$")
_CODE = re.compile(r"^[A-Z0-9]{1,7}$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def expand(prefixes: list[str]) -> tuple[str, ...]:
    """Code prefixes with ranges expanded: "C00-C03" -> C00, C01, C02, C03; "140-142" -> 140, 141, 142."""
    out: list[str] = []
    for item in prefixes:
        item = item.replace(".", "").upper()
        m = _RANGE.match(item)
        if m:
            letter, lo, letter2, hi = m.groups()
            if letter != letter2 or len(lo) != len(hi) or int(lo) > int(hi):
                raise ValueError(f"bad code range {item!r}")
            out.extend(f"{letter}{n:0{len(lo)}d}" for n in range(int(lo), int(hi) + 1))
        elif _CODE.match(item):
            out.append(item)
        else:
            raise ValueError(f"bad code {item!r}")
    return tuple(dict.fromkeys(out))


CodeMap = dict[Vocabulary, list[str]]


class _Cited(_Strict):
    description: str = ""
    source: list[str]
    verified: bool | None = None
    note: str | None = None


class _CodeList(_Cited):
    codes: CodeMap
    except_: CodeMap = Field(default_factory=dict, alias="except")

    @field_validator("codes", "except_")
    @classmethod
    def _valid_codes(cls, value: CodeMap) -> CodeMap:
        for codes in value.values():
            expand(codes)
        return value

    def prefixes(self) -> dict[str, tuple[str, ...]]:
        """vocabulary -> code prefixes (ranges expanded, exceptions removed from the match later)."""
        return {vocab: expand(codes) for vocab, codes in self.codes.items()}

    def exceptions(self) -> dict[str, tuple[str, ...]]:
        return {vocab: expand(codes) for vocab, codes in self.except_.items()}


class _Lookback(_CodeList):
    days: int = Field(ge=0, le=3650)


class _Confirmation(_Cited):
    second_code_within_days: int = Field(ge=1, le=730)
    surgery_within_days: int = Field(ge=1, le=730)


class _InSitu(_CodeList):
    include: bool


class _Stage(_Cited):
    threshold: Literal["IIA", "IIB"]
    facts_within_days_of_index: int = Field(ge=0, le=365)


class _Cohort(_Strict):
    incident: _CodeList
    clean_lookback: _Lookback
    confirmation: _Confirmation
    in_situ: _InSitu
    stage: _Stage


class _Window(_Cited):
    days_before_index: int = Field(ge=0, le=365)
    days_after_surgery: int = Field(ge=0, le=365)
    max_days_after_index: int = Field(ge=1, le=730)


class _Exclusion(_CodeList):
    id: Literal["prior_cancer", "metastasis"]
    lookback_days: int = Field(ge=0, le=3650)
    same_day_excludes: bool = True


class _RedFlag(_Cited):
    id: Literal["red_flag"]
    days_before_index: int = Field(ge=0, le=3650)
    symptoms: dict[str, CodeMap]

    @field_validator("symptoms")
    @classmethod
    def _valid_codes(cls, value: dict[str, CodeMap]) -> dict[str, CodeMap]:
        for codemap in value.values():
            for codes in codemap.values():
                expand(codes)
        return value


class _Study(_CodeList):
    id: str = Field(pattern=r"^[a-z_]+$")
    label: str
    enabled: bool = True


class _DefinitionFile(_Strict):
    schema_: Literal["rightscan.audit-definition/1"] = Field(alias="schema")
    version: str = Field(min_length=3)
    title: str
    sources: dict[str, str]
    cohort: _Cohort
    surgery: _CodeList
    window: _Window
    exclusions: list[_Exclusion | _RedFlag]
    studies: list[_Study] = Field(min_length=1)


@dataclass(frozen=True)
class Definition:
    """A validated audit definition (``raw`` is the file's content, printed in every report)."""

    path: str
    raw: dict[str, Any]
    model: _DefinitionFile

    @property
    def version(self) -> str:
        return self.model.version

    @property
    def title(self) -> str:
        return self.model.title

    @cached_property
    def prior_cancer(self) -> _Exclusion:
        return next(e for e in self.model.exclusions if isinstance(e, _Exclusion) and e.id == "prior_cancer")

    @cached_property
    def metastasis(self) -> _Exclusion:
        return next(e for e in self.model.exclusions if isinstance(e, _Exclusion) and e.id == "metastasis")

    @cached_property
    def red_flag(self) -> _RedFlag:
        return next(e for e in self.model.exclusions if isinstance(e, _RedFlag))

    @cached_property
    def studies(self) -> list[_Study]:
        return [s for s in self.model.studies if s.enabled]

    def study_ids(self) -> list[str]:
        return [s.id for s in self.studies]

    def with_options(self, *, stage_threshold: str | None = None, brain_mri: bool | None = None) -> Definition:
        """A copy with command-line overrides applied (the report prints the overridden values)."""
        raw = yaml.safe_load(yaml.safe_dump(self.raw))
        if stage_threshold is not None:
            raw["cohort"]["stage"]["threshold"] = stage_threshold
        if brain_mri is not None:
            for study in raw["studies"]:
                if study["id"] == "brain_mri":
                    study["enabled"] = brain_mri
        return _build(self.path, raw)


def _build(path: str, raw: Any) -> Definition:
    if not isinstance(raw, dict):
        raise AuditInputError(path, "not a YAML mapping")
    try:
        model = _DefinitionFile.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise AuditInputError(f"{path}: {where}", err["msg"]) from None
    cited = [
        model.cohort.incident,
        model.cohort.clean_lookback,
        model.cohort.confirmation,
        model.cohort.in_situ,
        model.cohort.stage,
        model.surgery,
        model.window,
        *model.exclusions,
        *model.studies,
    ]
    for item in cited:
        unknown = [s for s in item.source if s not in model.sources]
        if not item.source or unknown:
            raise AuditInputError(f"{path}: source", f"unknown or missing source {unknown or '[]'}")
    if model.cohort.in_situ.include:
        raise AuditInputError(f"{path}: cohort.in_situ.include", "the in situ stratum is not implemented yet")
    ids = [s.id for s in model.studies]
    if len(ids) != len(set(ids)):
        raise AuditInputError(f"{path}: studies", "study ids must be unique")
    if {e.id for e in model.exclusions} != {"prior_cancer", "metastasis", "red_flag"}:
        raise AuditInputError(f"{path}: exclusions", "needs exactly prior_cancer, metastasis and red_flag")
    return Definition(path, raw, model)


def load_definition(path: str | Path | None = None) -> Definition:
    """Read and validate a definition file (default: the packaged one). Raises ``AuditInputError``."""
    file = Path(path) if path is not None else DEFINITION_FILE
    try:
        raw = read_yaml(file)
    except OSError as exc:
        raise AuditInputError(str(file), f"cannot read ({exc.strerror})") from None
    except YamlError as exc:
        raise AuditInputError(str(file), f"not valid YAML ({exc.kind})") from None
    return _build(str(file), raw)
