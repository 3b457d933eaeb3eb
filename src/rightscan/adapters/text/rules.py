"""The extraction rules (YAML under ``rightscan/knowledge/nlp/``) -> validated, frozen ``Rules``.

Pydantic checks each file's shape (unknown keys refused); cross-checks then tie the files to each
other and to the core's vocabulary (symptom, lab and marker codes, TNM categories, procedure ids).
Every problem stops loading with ``RulesError`` naming the file and the rule. No spaCy here:
this module is cheap to import.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from rightscan.adapters.text.firstchars import guarded
from rightscan.domain.model import HISTOLOGIES, PATIENT_PREFERENCES, PRIOR_SURGERY, SETTINGS

RULES_DIR = Path(__file__).resolve().parent.parent.parent / "knowledge" / "nlp"

Effect = Literal[
    "negated", "uncertain", "historical", "hypothetical", "family", "explained", "question", "proposed",
    "performed", "past", "warning", "purpose", "palpation",
]  # fmt: skip
Strength = Literal["preferred", "explicit", "derived"]
STRENGTH_RANK = {"preferred": 0, "explicit": 1, "derived": 2}
Parser = Literal[
    "size", "tnm", "grade", "receptor", "her2", "constant", "lab", "lab_normal", "marker", "age_sex", "cue", "signs"
]  # fmt: skip
Direction = Literal["FORWARD", "BACKWARD", "BIDIRECTIONAL", "TERMINATE", "PSEUDO"]
Setting = Literal["new_diagnosis", "surveillance", "suspected_local_recurrence", "suspected_distant_recurrence"]

# Fields of the core input contract a rule may speak about ("labs" and "tumor_markers" take a code).
SCALAR_FIELDS = (
    "age", "sex", "setting", "prior_surgery", "tumor.histology", "tumor.size_cm", "tumor.t", "tumor.n",
    "tumor.m", "tumor.grade", "tumor.er", "tumor.pr", "tumor.her2", "tumor.inflammatory", "symptoms",
    "pathology.t", "pathology.n", "patient_preference", "order",
)  # fmt: skip
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
    "marker": (("value",),),
    "age_sex": (("age",),),
    "signs": (("er",), ("pr",), ("her2",)),
    "cue": (),  # no value: the mention only marks what its family means (treatment done, new finding, ...)
}
MAX_EXPANSIONS = 2000  # per phrase; a phrase that expands further is a mistake in the file


class RulesError(RuntimeError):
    """The extraction rules are invalid; the message names the file and the rule."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ------------------------------------------------------------------ context.yaml
class _ModifierSpec(_Strict):
    category: str
    direction: Direction
    phrases: list[str] = Field(default_factory=list)
    pattern: list[dict[str, Any]] | None = None
    literal: str | None = None
    max_scope: int | None = Field(default=None, ge=1, le=50)

    @model_validator(mode="after")
    def _one_form(self) -> _ModifierSpec:
        if bool(self.phrases) == (self.pattern is not None):
            raise ValueError("give either `phrases` or a token `pattern`")
        if self.pattern is not None and not self.literal:
            raise ValueError("a token `pattern` needs a `literal` (its readable name)")
        return self


class _FamilyPolicy(_Strict):
    ignore: list[Effect] = Field(default_factory=list)
    to_unparsed: list[Effect] = Field(default_factory=list)
    require_one_of: list[Effect] = Field(default_factory=list)
    at_note_start: list[Effect] = Field(default_factory=list)
    alone_in_sentence: list[Effect] = Field(default_factory=list)
    overridden_by: dict[Effect, list[Effect]] = Field(default_factory=dict)
    implied_by: dict[Effect, list[list[Effect]]] = Field(default_factory=dict)
    in_clause: list[Effect] = Field(default_factory=list)


class _SectionSpec(_Strict):
    category: str = Field(pattern=r"^[a-z_]+$")
    implies: list[Effect] = Field(default_factory=list)
    scope: Literal["section", "sentence"] = "section"
    titles: list[str] = Field(min_length=1)


class _Sections(_Strict):
    require_start_line: bool = True
    rules: list[_SectionSpec]


class _SentenceBreaks(_Strict):
    after: list[str] = Field(default_factory=list)
    except_after_words: list[str] = Field(default_factory=list)


class _Coordination(_Strict):
    families: list[str] = Field(default_factory=list)
    connectors: list[str] = Field(default_factory=list)
    proposing_connectors: list[str] = Field(default_factory=list)
    share: list[Effect] = Field(default_factory=list)


class _Layout(_Strict):
    checked: list[str] = Field(default_factory=lambda: ["x"])
    unchecked: list[str] = Field(default_factory=list)
    yes: list[str] = Field(default_factory=lambda: ["y", "yes"])
    no: list[str] = Field(default_factory=lambda: ["n", "no"])
    negative_signs: list[str] = Field(default_factory=list)
    positive_signs: list[str] = Field(default_factory=list)
    negative_headings: list[str] = Field(default_factory=list)
    positive_headings: list[str] = Field(default_factory=list)


class _CarriedFamily(_Strict):
    possessives: list[str] = Field(default_factory=list)
    pronouns: list[str] = Field(default_factory=list)


class _ContextFile(_Strict):
    schema_: Literal["rightscan.nlp-context/1"] = Field(alias="schema")
    version: str = Field(pattern=r"^nlp-context@\d{4}-\d{2}(\.\d+)?$")
    categories: dict[str, Effect | None]
    terminating_types: dict[str, list[str]] = Field(default_factory=dict)
    families: dict[str, _FamilyPolicy]
    sentence_breaks: _SentenceBreaks = _SentenceBreaks()
    layout: _Layout = _Layout()
    not_shielding: list[str] = Field(default_factory=list)
    coordination: _Coordination = _Coordination()
    lists: _Coordination = _Coordination()  # coordinated findings ("bone pain, headaches or SOB") share a scope
    sections: _Sections
    carried_family: _CarriedFamily = _CarriedFamily()
    modifiers: list[_ModifierSpec] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_categories(self) -> _ContextFile:
        known = set(self.categories)
        for i, m in enumerate(self.modifiers):
            if m.category not in known:
                raise ValueError(f"modifiers[{i}]: category {m.category!r} is not listed under `categories`")
        for cat, others in self.terminating_types.items():
            for c in (cat, *others):
                if c not in known:
                    raise ValueError(f"terminating_types: unknown category {c!r}")
        return self


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
    only_if_uncertain: list[str] = Field(default_factory=list)
    phrases: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _shape(self) -> _TargetSpec:
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


class _TargetsFile(_Strict):
    schema_: Literal["rightscan.nlp-targets/1"] = Field(alias="schema")
    version: str = Field(pattern=r"^nlp-targets@\d{4}-\d{2}(\.\d+)?$")
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
    reject_before: list[str] = Field(default_factory=list)
    reject_after: list[str] = Field(default_factory=list)
    window: int = Field(default=30, ge=1, le=200)
    window_after: int | None = Field(default=None, ge=1, le=200)
    unless_setting: list[Setting] = Field(default_factory=list)
    unless_facts: list[Literal["prior_surgery", "setting"]] = Field(default_factory=list)


class _Parameters(_Strict):
    size_cm_max: float = Field(gt=0)
    receptor_positive_min_percent: float = Field(ge=0, le=100)
    allred_positive_min: int = Field(ge=0, le=8)
    nottingham_score_to_grade: dict[int, int]
    age_min: int
    age_max: int

    @model_validator(mode="after")
    def _scores(self) -> _Parameters:
        if set(self.nottingham_score_to_grade) != set(range(3, 10)):
            raise ValueError("nottingham_score_to_grade must map every score 3..9")
        if not set(self.nottingham_score_to_grade.values()) <= {1, 2, 3}:
            raise ValueError("nottingham_score_to_grade must give grades 1..3")
        return self


class _ValuesFile(_Strict):
    schema_: Literal["rightscan.nlp-values/1"] = Field(alias="schema")
    version: str = Field(pattern=r"^nlp-values@\d{4}-\d{2}(\.\d+)?$")
    fragments: dict[str, str]
    parameters: _Parameters
    receptor_words: dict[
        Literal["hormone", "her2"], dict[Literal["positive", "negative", "equivocal", "pending"], list[str]]
    ]
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

    @model_validator(mode="after")
    def _needs(self) -> _FieldSpec:
        for how in (self.resolve, self.resolve_derived):
            if how in ("priority", "highest") and not self.order:
                raise ValueError(f"`{how}` needs an `order`")
            if how == "tiers" and not self.tiers:
                raise ValueError("`tiers` needs `tiers`")
        return self


class _FieldsFile(_Strict):
    schema_: Literal["rightscan.nlp-fields/1"] = Field(alias="schema")
    version: str = Field(pattern=r"^nlp-fields@\d{4}-\d{2}(\.\d+)?$")
    fields: dict[str, _FieldSpec]
    confirm_when_uncertain: list[str] = Field(default_factory=list)


class _ManifestFile(_Strict):
    schema_: Literal["rightscan.nlp-manifest/1"] = Field(alias="schema")
    version: str
    files: dict[Literal["context", "targets", "values", "fields"], str]


# ------------------------------------------------------------------ frozen rule objects
@dataclass(frozen=True, slots=True)
class Policy:
    ignore: tuple[str, ...]
    to_unparsed: tuple[str, ...]
    require_one_of: tuple[str, ...]
    at_note_start: tuple[str, ...]
    alone_in_sentence: tuple[str, ...]
    overridden_by: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # effect -> sets of effects that together imply it ({historical: [[past, performed]]})
    implied_by: Mapping[str, tuple[frozenset[str], ...]] = field(default_factory=dict)
    # effects a cue gives to a mention from anywhere later on its line of the sentence (not only in scope)
    in_clause: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Modifier:
    category: str
    direction: str
    literal: str
    pattern: tuple[Any, ...] | None  # a spaCy token pattern, or None for a phrase
    max_scope: int | None


@dataclass(frozen=True, slots=True)
class Section:
    category: str
    implies: frozenset[str]
    scope: str
    titles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TargetRule:
    id: str
    family: str
    field: str | None
    value: Any
    negated_value: Any
    unparsed: str | None
    note: str | None
    strength: str
    unless_setting: frozenset[str]
    unless_facts: tuple[str, ...]
    uncertain_value: tuple[str, Any] | None
    only_if_uncertain: tuple[str, ...]
    phrases: tuple[str, ...]  # expanded


@dataclass(frozen=True, slots=True)
class ValueRule:
    id: str
    family: str
    group: str
    parser: str
    regex: re.Pattern[str]
    strength: str
    set: Mapping[str, Any]
    reject_before: tuple[re.Pattern[str], ...]
    reject_after: tuple[re.Pattern[str], ...]
    window: int
    window_after: int
    unless_setting: frozenset[str]
    unless_facts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FieldRule:
    resolve: str
    resolve_derived: str | None
    order: tuple[Any, ...]
    tiers: tuple[tuple[Any, ...], ...]
    combine: tuple[tuple[frozenset[Any], Any], ...]
    tolerance: float


@dataclass(frozen=True, slots=True)
class Rules:
    version: str
    file_versions: Mapping[str, str]
    categories: Mapping[str, str | None]
    terminating_types: Mapping[str, tuple[str, ...]]
    policies: Mapping[str, Policy]
    sentence_break_after: frozenset[str]
    sentence_break_except: frozenset[str]
    not_shielding: frozenset[str]
    coordination_families: frozenset[str]
    coordination_connectors: frozenset[str]
    coordination_proposing: frozenset[str]
    coordination_share: frozenset[str]
    list_families: frozenset[str]
    list_connectors: frozenset[str]
    list_share: frozenset[str]
    carried_possessives: frozenset[str]
    carried_pronouns: frozenset[str]
    require_start_line: bool
    sections: tuple[Section, ...]
    modifiers: tuple[Modifier, ...]
    targets: tuple[TargetRule, ...]
    procedure_phrases: Mapping[str, tuple[str, ...]]  # procedure id -> expanded extra phrases
    values: tuple[ValueRule, ...]
    parameters: Mapping[str, Any]
    receptor_words: Mapping[str, Mapping[str, str]]  # receptor kind -> word -> status
    name_patterns: Mapping[str, re.Pattern[str]]  # fragment name -> compiled, for parsers
    fields: Mapping[str, FieldRule]
    symptom_codes: frozenset[str] = field(default_factory=frozenset)
    confirm_fields: frozenset[str] = field(default_factory=frozenset)
    layout: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def confirms(self, name: str) -> bool:
        """Is an uncertain value of this field worth checking against the decision (fields.yaml)?"""
        return name in self.confirm_fields or name.split(".", 1)[0] in self.confirm_fields

    def field_rule(self, name: str) -> FieldRule:
        return self.fields.get(name) or self.fields[name.split(".", 1)[0]]

    def counts(self) -> dict[str, int]:
        return {
            "modifiers": len(self.modifiers),
            "sections": sum(len(s.titles) for s in self.sections),
            "target_rules": len(self.targets),
            "target_phrases": sum(len(t.phrases) for t in self.targets),
            "value_rules": len(self.values),
        }


# ------------------------------------------------------------------ phrase syntax
_TOKEN = re.compile(r"\s+|\((?:[^()\\]|\\.)*\)\??|(?:[^\s()\\]|\\.)+")


def expand_phrase(phrase: str) -> list[str]:
    """'(a|b c)? d' -> ['a d', 'b c d', 'd']. Choices in parentheses, '?' after a word or a choice
    makes it optional, a bare '?' is the question mark, backslash escapes a parenthesis."""
    slots: list[list[str]] = []
    pos = 0
    while pos < len(phrase):
        m = _TOKEN.match(phrase, pos)
        if m is None:
            raise ValueError(f"cannot read the phrase near {phrase[pos : pos + 15]!r} (unbalanced parenthesis?)")
        pos = m.end()
        tok = m.group(0)
        if tok.isspace():
            continue
        optional = False
        if tok.startswith("("):
            if tok.endswith("?"):
                optional, tok = True, tok[:-1]
            choices = [_unescape(c).strip() for c in re.split(r"(?<!\\)\|", tok[1:-1])]
            if any(not c for c in choices):
                raise ValueError(f"empty choice in {tok!r}")
        else:
            if len(tok) > 1 and tok.endswith("?") and not tok.endswith("\\?"):
                optional, tok = True, tok[:-1]
            choices = [_unescape(tok)]
        slots.append([*choices, ""] if optional else choices)
    total = 1
    for s in slots:
        total *= len(s)
    if total > MAX_EXPANSIONS:
        raise ValueError(f"expands to {total} phrases (more than {MAX_EXPANSIONS})")
    out = []
    for combo in itertools.product(*slots):
        text = " ".join(part for part in combo if part).strip()
        if text:
            out.append(text.lower())
    if not out:
        raise ValueError("expands to nothing")
    return list(dict.fromkeys(out))


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


# ------------------------------------------------------------------ regex fragments
_FRAGMENT_REF = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


def _substitute(pattern: str, fragments: Mapping[str, str], where: str, depth: int = 0) -> str:
    if depth > 8:
        raise RulesError(f"{where}: fragments refer to each other in a loop")

    def repl(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in fragments:
            raise RulesError(f"{where}: unknown fragment {{{name}}}")
        return _substitute(fragments[name], fragments, f"{where} > {name}", depth + 1)

    return _FRAGMENT_REF.sub(repl, pattern)


def _word_patterns(words: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r"(?<![a-z0-9])" + re.escape(w.strip().lower()) + r"(?![a-z0-9])") for w in words)


# ------------------------------------------------------------------ loading
def _read(path: Path, schema: type[BaseModel]) -> Any:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RulesError(f"{path.name}: cannot read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise RulesError(f"{path.name}:{where} invalid YAML") from None
    try:
        return schema.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors(include_url=False, include_input=False)[0]
        loc = ".".join(str(p) for p in err["loc"])
        raise RulesError(f"{path.name}: {loc}: {err['msg']}") from None


def _vocabulary() -> dict[str, Any]:
    """The core's closed vocabularies, read from its knowledge base (no spaCy involved)."""
    from rightscan.adapters.knowledge_files import load_knowledge

    kb = load_knowledge()
    return {
        "symptoms": frozenset(kb.symptoms),
        "labs": frozenset(kb.lab_names),
        "markers": frozenset(kb.tumor_marker_names),
        "t": frozenset(kb.staging.t_categories),
        "n": frozenset(kb.staging.n_categories),
        "procedures": frozenset(kb.procedures),
    }


def _check_value(fieldname: str, value: Any, vocab: dict[str, Any], where: str) -> None:
    allowed: Any
    if fieldname == "symptoms":
        allowed = vocab["symptoms"]
    elif fieldname == "setting":
        allowed = SETTINGS
    elif fieldname == "prior_surgery":
        allowed = PRIOR_SURGERY
    elif fieldname == "tumor.histology":
        allowed = HISTOLOGIES
    elif fieldname in ("tumor.er", "tumor.pr"):
        allowed = ("positive", "negative")
    elif fieldname == "tumor.her2":
        allowed = ("positive", "negative", "equivocal")
    elif fieldname == "tumor.n":
        allowed = vocab["n"]
    elif fieldname == "tumor.t":
        allowed = vocab["t"]
    elif fieldname == "tumor.m":
        allowed = ("M0", "M1")
    elif fieldname == "tumor.inflammatory":
        allowed = (True,)
    elif fieldname == "patient_preference":
        allowed = PATIENT_PREFERENCES
    elif fieldname == "sex":
        allowed = ("female", "male")
    else:
        raise RulesError(f"{where}: field {fieldname!r} cannot take a fixed value")
    if value not in allowed:
        raise RulesError(f"{where}: {value!r} is not a valid {fieldname} (allowed: {', '.join(map(str, allowed))})")


def _check_field(name: str, where: str) -> None:
    if name not in SCALAR_FIELDS and not name.startswith(FIELD_PREFIXES):
        raise RulesError(f"{where}: unknown field {name!r}")


@lru_cache(maxsize=4)
def load_rules(directory: str | None = None) -> Rules:
    """Read, validate and freeze the rule files (cached). ``directory`` tests a candidate rule set."""
    base = Path(directory) if directory else RULES_DIR
    manifest: _ManifestFile = _read(base / "manifest.yaml", _ManifestFile)
    missing = {"context", "targets", "values", "fields"} - set(manifest.files)
    if missing:
        raise RulesError(f"manifest.yaml: files must name {', '.join(sorted(missing))}")
    ctx: _ContextFile = _read(base / manifest.files["context"], _ContextFile)
    tgt: _TargetsFile = _read(base / manifest.files["targets"], _TargetsFile)
    val: _ValuesFile = _read(base / manifest.files["values"], _ValuesFile)
    fld: _FieldsFile = _read(base / manifest.files["fields"], _FieldsFile)
    vocab = _vocabulary()
    fc, ft, fv, ff = (manifest.files[k] for k in ("context", "targets", "values", "fields"))

    families = set(ctx.families)
    for fam in (*ctx.not_shielding, *ctx.coordination.families, *ctx.lists.families):
        if fam not in families:
            raise RulesError(f"{fc}: {fam!r} is not a family with a policy")
    modifiers = []
    for i, m in enumerate(ctx.modifiers):
        where = f"{fc}: modifiers[{i}]"
        if m.pattern is not None:
            modifiers.append(Modifier(m.category, m.direction, m.literal or "", tuple(m.pattern), m.max_scope))
            continue
        for phrase in m.phrases:
            try:
                expanded = expand_phrase(phrase)
            except ValueError as exc:
                raise RulesError(f"{where}: {exc}") from None
            modifiers.extend(Modifier(m.category, m.direction, p, None, m.max_scope) for p in expanded)
    # medspaCy keeps one rule per literal: the same words under two rules (two directions or two
    # categories) would act under whichever rule wins, so a literal may be listed once only.
    seen_mod: dict[str, str] = {}
    for mod in modifiers:
        if mod.pattern is None:
            key = mod.literal.lower()
            if key in seen_mod:
                raise RulesError(f"{fc}: the cue {mod.literal!r} ({mod.direction}) is listed twice")
            seen_mod[key] = mod.category
    sections = []
    for s in ctx.sections.rules:
        titles: list[str] = []
        for t in s.titles:
            try:
                titles.extend(expand_phrase(t))
            except ValueError as exc:
                raise RulesError(f"{fc}: section {s.category}: {exc}") from None
        sections.append(Section(s.category, frozenset(s.implies), s.scope, tuple(titles)))

    targets = []
    seen_phrase: dict[str, str] = {}
    for r in tgt.rules:
        where = f"{ft}: {r.id}"
        if r.family not in families:
            raise RulesError(f"{where}: family {r.family!r} has no policy in {fc}")
        if r.field is not None:
            _check_field(r.field, where)
            if r.value is not None:
                _check_value(r.field, r.value, vocab, where)
            if r.negated_value is not None:
                _check_value(r.field, r.negated_value, vocab, where)
        if r.uncertain_value is not None:
            _check_field(r.uncertain_value.field, where)
            _check_value(r.uncertain_value.field, r.uncertain_value.value, vocab, where)
        for f in r.only_if_uncertain:
            _check_field(f, where)
        phrases: list[str] = []
        for p in r.phrases:
            try:
                phrases.extend(expand_phrase(p))
            except ValueError as exc:
                raise RulesError(f"{where}: {exc}") from None
        for p in dict.fromkeys(phrases):
            other = seen_phrase.get(p)
            if other is not None and other != r.id:
                raise RulesError(f"{where}: the phrase {p!r} is also a phrase of {other}")
            seen_phrase[p] = r.id
        targets.append(
            TargetRule(
                id=r.id,
                family=r.family,
                field=r.field,
                value=r.value,
                negated_value=r.negated_value,
                unparsed=r.unparsed,
                note=r.note,
                strength=r.strength,
                unless_setting=frozenset(r.unless_setting),
                unless_facts=tuple(r.unless_facts),
                uncertain_value=(r.uncertain_value.field, r.uncertain_value.value) if r.uncertain_value else None,
                only_if_uncertain=tuple(r.only_if_uncertain),
                phrases=tuple(dict.fromkeys(phrases)),
            )
        )
    if len({t.id for t in targets}) != len(targets):
        raise RulesError(f"{ft}: rule ids must be unique")
    if "procedure" not in families:
        raise RulesError(f"{fc}: families must define `procedure` (catalogue studies)")
    procedure_phrases: dict[str, tuple[str, ...]] = {}
    for pid, plist in tgt.procedures.extra_phrases.items():
        if pid not in vocab["procedures"]:
            raise RulesError(f"{ft}: procedures.extra_phrases: unknown procedure id {pid!r}")
        expanded_p: list[str] = []
        for p in plist:
            try:
                expanded_p.extend(expand_phrase(p))
            except ValueError as exc:
                raise RulesError(f"{ft}: procedures.extra_phrases.{pid}: {exc}") from None
        procedure_phrases[pid] = tuple(dict.fromkeys(expanded_p))

    fragments = dict(val.fragments)
    values = []
    for r in val.rules:
        where = f"{fv}: {r.id}"
        if r.family not in families:
            raise RulesError(f"{where}: family {r.family!r} has no policy in {fc}")
        source = _substitute(r.pattern, fragments, where)
        try:
            regex = guarded(re.compile(source, 0 if r.case_sensitive else re.IGNORECASE))
        except re.error as exc:
            raise RulesError(f"{where}: pattern does not compile: {exc}") from None
        groups = set(regex.groupindex)
        for need in PARSER_GROUPS[r.parser]:
            if not groups & set(need):
                raise RulesError(f"{where}: parser {r.parser!r} needs a named group {' or '.join(need)}")
        if r.parser == "constant":
            if not r.set:
                raise RulesError(f"{where}: a constant rule needs `set`")
            for f, v in r.set.items():
                _check_field(f, where)
                _check_value(f, v, vocab, where)
        if r.parser == "lab":
            for key in ("lab", "lab2"):
                if (key == "lab" or key in r.set) and r.set.get(key) not in vocab["labs"]:
                    raise RulesError(f"{where}: `set.{key}` must be one of {', '.join(sorted(vocab['labs']))}")
        if r.parser == "lab_normal" and r.set.get("status", "normal") not in ("normal", "raised"):
            raise RulesError(f"{where}: `set.status` must be normal or raised")
        if r.parser == "marker" and r.set.get("marker") not in vocab["markers"]:
            raise RulesError(f"{where}: `set.marker` must be one of {', '.join(sorted(vocab['markers']))}")
        values.append(
            ValueRule(
                id=r.id,
                family=r.family,
                group=r.group,
                parser=r.parser,
                regex=regex,
                strength=r.strength,
                set=MappingProxyType(dict(r.set)),
                reject_before=_word_patterns(r.reject_before),
                reject_after=_word_patterns(r.reject_after),
                window=r.window,
                window_after=r.window_after or r.window,
                unless_setting=frozenset(r.unless_setting),
                unless_facts=tuple(r.unless_facts),
            )
        )
    ids = [t.id for t in targets] + [v.id for v in values]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        raise RulesError(f"{ft}/{fv}: rule ids used twice: {', '.join(dup)}")
    name_patterns = {}
    for name in ("ER", "PR", "HER2", "HR", "ALP", "AST", "ALT", "BILI", "LFT"):
        if name not in fragments:
            raise RulesError(f"{fv}: fragments must define {name} (the parsers read it)")
        name_patterns[name] = re.compile(_substitute(fragments[name], fragments, f"{fv}: {name}"), re.IGNORECASE)
    receptor_words: dict[str, dict[str, str]] = {}
    for kind, table in val.receptor_words.items():
        words: dict[str, str] = {}
        for status, wordlist in table.items():
            for w in wordlist:
                if w.lower() in words:
                    raise RulesError(f"{fv}: receptor_words.{kind}: {w!r} is listed under two statuses")
                words[w.lower()] = status
        receptor_words[kind] = words

    fields: dict[str, FieldRule] = {}
    for name, spec in fld.fields.items():
        _check_field(name if name not in ("labs", "tumor_markers") else name + ".x", f"{ff}: {name}")
        fields[name] = FieldRule(
            resolve=spec.resolve,
            resolve_derived=spec.resolve_derived,
            order=tuple(spec.order),
            tiers=tuple(tuple(t) for t in spec.tiers),
            combine=tuple((frozenset(c.all), c.gives) for c in spec.combine),
            tolerance=spec.tolerance,
        )
    for needed in (*SCALAR_FIELDS, "labs", "tumor_markers"):
        if needed not in fields:
            raise RulesError(f"{ff}: fields must say how to resolve {needed}")
    for name in fld.confirm_when_uncertain:
        if name not in fields:
            raise RulesError(f"{ff}: confirm_when_uncertain: {name!r} is not a field")

    return Rules(
        version=manifest.version,
        file_versions=MappingProxyType(
            {"context": ctx.version, "targets": tgt.version, "values": val.version, "fields": fld.version}
        ),
        categories=MappingProxyType(dict(ctx.categories)),
        terminating_types=MappingProxyType({k: tuple(v) for k, v in ctx.terminating_types.items()}),
        policies=MappingProxyType(
            {
                name: Policy(
                    tuple(p.ignore),
                    tuple(p.to_unparsed),
                    tuple(p.require_one_of),
                    tuple(p.at_note_start),
                    tuple(p.alone_in_sentence),
                    MappingProxyType({k: tuple(v) for k, v in p.overridden_by.items()}),
                    MappingProxyType({k: tuple(frozenset(x) for x in v) for k, v in p.implied_by.items()}),
                    tuple(p.in_clause),
                )
                for name, p in ctx.families.items()
            }
        ),
        sentence_break_after=frozenset(ctx.sentence_breaks.after),
        sentence_break_except=frozenset(w.lower() for w in ctx.sentence_breaks.except_after_words),
        not_shielding=frozenset(ctx.not_shielding),
        coordination_families=frozenset(ctx.coordination.families),
        coordination_connectors=frozenset(c.lower() for c in ctx.coordination.connectors),
        coordination_proposing=frozenset(c.lower() for c in ctx.coordination.proposing_connectors),
        coordination_share=frozenset(ctx.coordination.share),
        list_families=frozenset(ctx.lists.families),
        list_connectors=frozenset(c.lower() for c in ctx.lists.connectors),
        list_share=frozenset(ctx.lists.share),
        carried_possessives=frozenset(w.lower() for w in ctx.carried_family.possessives),
        carried_pronouns=frozenset(w.lower() for w in ctx.carried_family.pronouns),
        require_start_line=ctx.sections.require_start_line,
        sections=tuple(sections),
        modifiers=tuple(modifiers),
        targets=tuple(targets),
        procedure_phrases=MappingProxyType(procedure_phrases),
        values=tuple(values),
        parameters=MappingProxyType(val.parameters.model_dump()),
        receptor_words=MappingProxyType({k: MappingProxyType(v) for k, v in receptor_words.items()}),
        name_patterns=MappingProxyType(name_patterns),
        fields=MappingProxyType(fields),
        symptom_codes=vocab["symptoms"],
        confirm_fields=frozenset(fld.confirm_when_uncertain),
        layout=MappingProxyType({k: tuple(v) for k, v in ctx.layout.model_dump().items()}),
    )
