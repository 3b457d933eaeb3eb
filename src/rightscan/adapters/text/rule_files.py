"""The shapes of the extraction rule files (``rightscan/knowledge/nlp/``), checked by pydantic.

One model per file (unknown keys refused; context.yaml's is in ``context_schema``), and ``read``
that parses a file into its model or raises ``RulesError`` naming the file and the place.
Cross-checks between files live in ``rules``. The context cues (``context_rules.json``) are in
medspaCy's own ConTextRule format: the same file ``medspacy.context.ConTextRule.from_json`` loads,
with our metadata (schema, version, source) at the top level. No spaCy here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, model_validator

from rightscan.adapters.text.context_schema import ContextFile as ContextFile
from rightscan.adapters.text.rule_base import RulesError as RulesError
from rightscan.adapters.text.rule_base import Strict as _Strict
from rightscan.adapters.text.rule_base import Words
from rightscan.adapters.text.rule_base import rule_file_header as _rule_file
from rightscan.domain.vocabulary import SCALAR_FIELDS as CONTRACT_FIELDS
from rightscan.domain.vocabulary import SETTINGS
from rightscan.package_data import YamlError, read_yaml, resource_path

RULES_DIR = resource_path("knowledge", "nlp")  # a real folder: medspaCy opens context_rules.json by name

Strength = Literal["preferred", "explicit", "derived"]
STRENGTH_RANK = {"preferred": 0, "explicit": 1, "derived": 2}
Parser = Literal[
    "size", "tnm", "grade", "receptor", "her2", "constant", "lab", "lab_normal", "marker", "age_sex", "cue", "signs",
    "study", "node_count", "lab_ratio", "lab_said_normal", "lab_panel", "weight_pair",
    "lab_columns",
]  # fmt: skip
Direction = Literal["FORWARD", "BACKWARD", "BIDIRECTIONAL", "TERMINATE", "PSEUDO"]
Setting = Literal[SETTINGS]  # type: ignore[valid-type]

# Fields of the core input contract a rule may speak about ("labs" and "tumor_markers" take a code).
SCALAR_FIELDS = (*(f for f in CONTRACT_FIELDS if f != "purpose"), "symptoms")  # a note never sets a purpose
FIELD_PREFIXES = ("labs.", "tumor_markers.")
# Named groups each parser reads (at least one of each tuple must exist in the pattern).
PARSER_GROUPS: dict[str, tuple[tuple[str, ...], ...]] = {
    "size": (("d1",), ("unit",)),
    "tnm": (("t", "n", "m"),),
    "grade": (("g", "score", "score2", "score3"),),
    "receptor": (("names",), ("word", "sign", "pct", "allred", "allred2")),
    "her2": (("ihc", "ish"),),
    "constant": (),
    "lab": (("value", "ratio"),),
    "lab_normal": (("names",),),
    "lab_ratio": (("names",), ("ratio", "ratio_x")),  # sixteenth security pass (F4): "AST 5x ULN"
    "lab_said_normal": (("names",), ("value",)),  # (F12): "ALP normal (410)"
    "lab_panel": (("values", "values2", "v1"),),  # (F5): "AST/ALT/ALP 35/28/410", "LFTs 410/35/28"
    "weight_pair": (("now",), ("before",)),  # (F6): "Weight 70 kg (down from 82 kg)"
    "lab_columns": (("cells",),),  # round 37l: a results table's row, read with its header's dates
    "marker": (("value",),),
    "age_sex": (("age",),),
    "signs": (("er",), ("pr",), ("her2",)),
    "node_count": (("pos",), ("total",)),
    "study": (),  # a study's words: the order resolver reads them (adapters/text/pipeline.py)
    "cue": (),  # no value: the mention only marks what its family means (treatment done, new finding, ...)
}


# ------------------------------------------------------------------ context_rules.json
class _ContextRuleSpec(_Strict):
    """One medspaCy ConTextRule as its JSON (``ConTextRule.from_dict`` keys; ours use these)."""

    literal: str = Field(min_length=1)
    category: str = Field(pattern=r"^[A-Z_]+$")
    direction: Direction
    pattern: list[dict[str, Any]] | None = None
    max_scope: int | None = Field(default=None, ge=1, le=50)
    allowed_types: list[str] | None = None  # the target rule ids the cue may modify (medspaCy's allowed_types)
    excluded_types: list[str] | None = None  # or those it may not modify (medspaCy's excluded_types)
    metadata: dict[str, str] | None = None  # a group heading and the reason for a cue, for the reader

    @model_validator(mode="after")
    def _plain_literal(self) -> _ContextRuleSpec:
        if self.pattern is None and self.literal != self.literal.strip().lower():
            raise ValueError("a literal matched as words is lower case, without outer spaces")
        return self


class ContextRulesFile(_rule_file("context-rules")):
    source: str = Field(min_length=20)
    context_rules: list[_ContextRuleSpec] = Field(min_length=1)


# ------------------------------------------------------------------ targets.yaml
class _UncertainValue(_Strict):
    field: str
    value: Any


class _TargetSpec(_Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+\.[a-z0-9_]+$")
    family: str
    field: str | None = None
    value: Any = None
    negated_value: Any = None
    unparsed: str | None = Field(default=None, min_length=10)
    note: str | None = Field(default=None, min_length=5)
    strength: Strength = "explicit"
    unless_setting: list[Setting] = Field(default_factory=list)
    unless_facts: list[Literal["prior_surgery", "setting"]] = Field(default_factory=list)
    uncertain_value: _UncertainValue | None = None
    only_if_uncertain: Words
    # values of `field` a reader cannot rule out when this `unparsed` mention stands (skin ulceration: T4b);
    # each is tested against the decision, which is undetermined if one would change it (adapters/text/confirm)
    confirm_values: list[Any] = Field(default_factory=list)
    phrases: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _shape(self) -> _TargetSpec:
        if self.confirm_values and not (self.field and self.unparsed):
            raise ValueError("`confirm_values` belong to an `unparsed` rule with a `field`")
        if self.value is not None and self.field is None:
            raise ValueError("`value` needs a `field`")
        if self.value is not None and (self.unparsed or self.note):
            raise ValueError("a rule states a value, or is `unparsed`, or a `note`: not two of these")
        if self.field is not None and self.value is None and not (self.unparsed or self.note):
            raise ValueError("a rule with a `field` needs a `value`, `unparsed` or `note`")
        if self.negated_value is not None and self.value is None:
            raise ValueError("`negated_value` needs a `value`")
        return self


class _ProcedureExtras(_Strict):
    extra_phrases: dict[str, list[str]] = Field(default_factory=dict)


class TargetsFile(_rule_file("targets")):
    rules: list[_TargetSpec] = Field(min_length=1)
    procedures: _ProcedureExtras = _ProcedureExtras()


# ------------------------------------------------------------------ values.yaml
class _ValueRuleSpec(_Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+\.[a-z0-9_]+$")
    family: str
    group: str = Field(pattern=r"^[a-z_]+$")
    parser: Parser
    pattern: str = Field(min_length=3)
    case_sensitive: bool = False
    strength: Strength = "explicit"
    set: dict[str, Any] = Field(default_factory=dict)
    reject_before: Words
    reject_before_phrase: Words  # as reject_before, within the number's phrase
    reject_after: Words
    # words after the number that describe the measured tumour itself ("1.1 cm node-negative ER+ IDC"): they are
    # not read for reject_after
    describes_after: Words
    window: int = Field(default=30, ge=1, le=200)
    window_after: int | None = Field(default=None, ge=1, le=200)
    unless_setting: list[Setting] = Field(default_factory=list)
    unless_facts: list[Literal["prior_surgery", "setting"]] = Field(default_factory=list)
    # round 10a: a constant rule whose reading is uncertain: its `set` values are left possible and confirmed (the
    # answer waits for them), never stated nor dropped; the reason is shown
    unparsed: str | None = Field(default=None, min_length=10)

    @model_validator(mode="after")
    def _unparsed_constant(self) -> _ValueRuleSpec:
        if self.unparsed is not None and self.parser not in ("constant", "lab"):
            raise ValueError("`unparsed` belongs to a `constant` or `lab` rule")
        return self


class _Parameters(_Strict):
    size_cm_max: float = Field(gt=0)
    receptor_positive_min_percent: float = Field(ge=0, le=100)
    allred_positive_min: int = Field(ge=0, le=8)
    nottingham_score_to_grade: dict[int, int]
    age_min: int
    age_max: int
    # fewest positive regional nodes -> pathological N category (AJCC 8 breast pN)
    positive_nodes_to_pn: dict[int, str] = Field(default_factory=dict)
    # after breast surgery the pathology size is the current one (annotation guide 2, tumor.size_cm): a size
    # whose sentence says it was measured before the operation or on imaging gives way to the others
    size_before_surgery_words: Words
    # ... unless the sentence says it is the pathology size, compared with the imaging ("larger than imaging")
    size_after_surgery_words: Words
    # a sentence that says its value is the current one ("so current clinical stage is cT2 cN1 (not N0 as in the
    # 08/02 note)"): its value outranks the others of the field, older copied text included
    current_value_words: Words
    wrong_value_words: Words  # round 52t: words calling their sentence's value an error (stage_values)
    # round 44m: a pathology review that revises the histology ("REVISED DIAGNOSIS: DCIS", "downstaged to DCIS on
    # review"): its histology outranks the first report's (adapters/text/stage_values.revised_histology)
    revised_histology_words: Words
    # round 44m: a sentence about the response to treatment before surgery ("residual DCIS after NACT") revises nothing
    treatment_response_words: Words
    # round 9d: a tumour size the note calls the one it stages with ("board agreed clinical size = 2.1 cm"), or gives
    # in its summary line ("Assessment: ... IDC 1.3 cm"), outranks the other imaging sizes (adapters/text/size_current)
    size_current_words: Words
    summary_headings: Words
    # round 10d: a sentence that says the cancer has several foci ("multifocal - 2 foci on US (21 mm ... and 14 mm
    # ...)"): its sizes are the foci's, staged by the largest (adapters/text/size_current)
    several_foci_words: Words
    # round 14d: words that tie a size in its clause to something other than the current primary invasive tumour, and
    # the studies a staging statement may name, by kind (adapters/text/size_links)
    size_link_words: dict[str, list[str]] = Field(default_factory=dict)
    # round 21e: a tumour marker at most this multiple of its upper limit is marginal (assay noise); above it, alone
    # after a treated cancer with a scan considered, the setting is left open (adapters/text/note_setting)
    marker_marginal_max_x_uln: float = Field(default=1.15, gt=1)
    # thirteenth security pass (F1): per laboratory code, the numbers within every laboratory's range ([low, high]); a
    # value given without its range inside them is not asked (adapters/text/values.flagged_high)
    lab_normal_everywhere: dict[str, tuple[float, float]] = Field(default_factory=dict)
    # sixteenth security pass (F12): per laboratory code, a number above every laboratory's upper limit: called normal,
    # it contradicts the word and is asked (adapters/text/values.flagged_high)
    lab_above_every_range: dict[str, float] = Field(default_factory=dict)
    # (F6): weight loss told as two weights, as a percentage of the earlier one: read from the first, asked from the
    # second (adapters/text/lab_forms)
    weight_loss_read_min_percent: float = Field(default=5, gt=0, le=100)
    weight_loss_ask_min_percent: float = Field(default=2, gt=0, le=100)

    @model_validator(mode="after")
    def _scores(self) -> _Parameters:
        if set(self.nottingham_score_to_grade) != set(range(3, 10)):
            raise ValueError("nottingham_score_to_grade must map every score 3..9")
        if not set(self.nottingham_score_to_grade.values()) <= {1, 2, 3}:
            raise ValueError("nottingham_score_to_grade must give grades 1..3")
        if self.positive_nodes_to_pn and 0 not in self.positive_nodes_to_pn:
            raise ValueError("positive_nodes_to_pn must start at 0 nodes")
        return self


class ValuesFile(_rule_file("values")):
    fragments: dict[str, str]
    parameters: _Parameters
    receptor_words: dict[
        Literal["hormone", "her2"], dict[Literal["positive", "negative", "equivocal", "pending"], list[str]]
    ]
    sex_words: dict[Literal["female", "male"], list[str]]
    rules: list[_ValueRuleSpec] = Field(min_length=1)


# ------------------------------------------------------------------ fields.yaml
class _Combine(_Strict):
    all: list[str] = Field(min_length=2)
    gives: str


class _FieldSpec(_Strict):
    resolve: Literal["single", "priority", "tiers", "highest", "union"]
    resolve_derived: Literal["single", "priority", "tiers", "highest", "union"] | None = None
    order: list[Any] = Field(default_factory=list)
    tiers: list[list[Any]] = Field(default_factory=list)
    combine: list[_Combine] = Field(default_factory=list)
    tolerance: float = Field(default=0.0, ge=0)
    refines: dict[str, list[str]] = Field(default_factory=dict)  # a category -> the more specific ones inside it

    @model_validator(mode="after")
    def _needs(self) -> _FieldSpec:
        for how in (self.resolve, self.resolve_derived):
            if how in ("priority", "highest") and not self.order:
                raise ValueError(f"`{how}` needs an `order`")
            if how == "tiers" and not self.tiers:
                raise ValueError("`tiers` needs `tiers`")
        return self


class FieldsFile(_rule_file("fields")):
    fields: dict[str, _FieldSpec]
    confirm_when_uncertain: Words


class ManifestFile(_Strict):
    schema_: Literal["rightscan.nlp-manifest/1"] = Field(alias="schema")
    version: str
    files: dict[Literal["context", "context_rules", "targets", "values", "fields"], str]


def read(path: Path, schema: type[BaseModel]) -> Any:
    """Parse one rule file (YAML, or JSON for medspaCy's format) into its model, or raise ``RulesError``."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8")) if path.suffix == ".json" else read_yaml(path)
    except OSError as exc:
        raise RulesError(f"{path.name}: cannot read ({exc.strerror})") from None
    except json.JSONDecodeError as exc:
        raise RulesError(f"{path.name}: line {exc.lineno} invalid JSON") from None
    except YamlError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise RulesError(f"{path.name}:{where} invalid YAML") from None
    try:
        return schema.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors(include_url=False, include_input=False)[0]
        loc = ".".join(str(p) for p in err["loc"])
        raise RulesError(f"{path.name}: {loc}: {err['msg']}") from None
