"""Read the knowledge YAML files, validate them against their schemas, build ``Knowledge``.

Any schema violation or broken cross-reference stops loading with ``KnowledgeError`` naming the
file and the path inside it. The files ship inside the package (``rightscan/knowledge``); another
directory can be given for testing a candidate knowledge release.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from rightscan.adapters import knowledge_words as words
from rightscan.adapters.loinc_table import FILE_NAME as LOINC_FILE
from rightscan.adapters.loinc_table import LoincTable
from rightscan.domain.guidance import FEATURES, GuidanceIndex, check_conditions
from rightscan.domain.knowledge import (
    EarlyPathway,
    EquivalenceRule,
    FactWords,
    GuidanceItem,
    Knowledge,
    LabThresholds,
    OrderVocabulary,
    Pama,
    Procedure,
    Rating,
    RedFlagRule,
    StagingTables,
    StudyAttributes,
    TermMeaning,
    Variant,
)
from rightscan.domain.model import CATEGORIES, PURPOSES
from rightscan.domain.orders import normalise, tokenize

KNOWLEDGE_DIR = Path(__file__).resolve().parent.parent / "knowledge"

Category = Literal[
    "Usually Appropriate", "May Be Appropriate", "May Be Appropriate (Disagreement)", "Usually Not Appropriate"
]
RrlSymbol = Literal["O", "☢", "☢☢", "☢☢☢", "☢☢☢☢", "☢☢☢☢☢"]
Stage = Literal["0", "IA", "IB", "IIA", "IIB", "IIIA", "IIIB", "IIIC", "IV"]
DoseRange = Annotated[str, Field(pattern=r"^(0|<[0-9.]+|[0-9.]+-[0-9.]+)$")]
assert set(CATEGORIES) == set(Category.__args__)  # one vocabulary


class KnowledgeError(RuntimeError):
    """The knowledge base is invalid; the message names the file and the location."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ------------------------------------------------------------------ ACR topic
class _RatingSchema(_Strict):
    procedure: str
    category: Category
    median_rating: int = Field(ge=1, le=9)
    soe: Literal["Strong", "Moderate", "Limited", "Expert Consensus"]
    rrl: RrlSymbol
    adult_dose_msv: DoseRange
    peds_rrl: RrlSymbol | None
    peds_dose_msv: DoseRange | None

    @model_validator(mode="after")
    def _category_matches_rating(self) -> _RatingSchema:
        expected = (
            "Usually Appropriate"
            if self.median_rating >= 7
            else "Usually Not Appropriate"
            if self.median_rating <= 3
            else None
        )
        if expected and self.category != expected:
            raise ValueError(f"category {self.category!r} does not match median rating {self.median_rating}")
        if expected is None and not self.category.startswith("May Be"):
            raise ValueError(f"median rating {self.median_rating} must be a 'May Be Appropriate' category")
        return self


class _VariantSchema(_Strict):
    number: int = Field(ge=1)
    title: str = Field(min_length=10)
    purpose: Literal[PURPOSES]  # type: ignore[valid-type]
    applies_when: dict[str, list[str]] = Field(min_length=1)  # checked by variants.check_conditions
    procedures: list[_RatingSchema] = Field(min_length=1)


class _RrlBand(_Strict):
    symbol: RrlSymbol
    level: int = Field(ge=0, le=5)
    adult_dose_msv: DoseRange
    peds_dose_msv: DoseRange


_TFamily = Literal["T0", "T1", "T2", "T3", "T4"]
_NFamily = Literal["N0", "N1mi", "N1", "N2", "N3"]


class _AfterSurgery(_Strict):
    t: list[_TFamily] = Field(min_length=1)
    n: list[_NFamily] = Field(min_length=1)


class _EarlyPathwaySchema(_Strict):
    t: list[_TFamily] = Field(min_length=1)
    n: list[_NFamily] = Field(min_length=1)
    m: list[Literal["M0"]] = Field(min_length=1)
    anatomic: list[Stage] = Field(min_length=1)
    disagreement_anatomic: list[Stage]
    after_surgery_late: _AfterSurgery
    source: str = Field(min_length=10)


class _AcrTopicSchema(_Strict):
    schema_: Literal["rightscan.acr-topic/1"] = Field(alias="schema")
    id: str
    version: str = Field(pattern=r"^acr-\d+@\d{4}")
    title: str
    panel: str
    url: str = Field(pattern=r"^https://")
    citations: words.TopicCitationsSchema
    wording: words.TopicWordingSchema
    purposes: words.TopicPurposesSchema
    source: dict[str, Any]
    rating_scale: list[dict[str, Any]]
    rrl_scale: list[_RrlBand] = Field(min_length=6, max_length=6)
    background_msv_per_year: float = Field(gt=0)
    early_pathway: _EarlyPathwaySchema
    variants: list[_VariantSchema] = Field(min_length=1)

    @model_validator(mode="after")
    def _numbering(self) -> _AcrTopicSchema:
        numbers = [v.number for v in self.variants]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"variants must be numbered 1..n in order, got {numbers}")
        return self


# ------------------------------------------------------------------ procedures
class _Cpt(_Strict):
    code: str = Field(pattern=r"^\d{4}[0-9T](\+\d{4}[0-9T])*$")
    verified: bool


class _Loinc(_Strict):
    code: str = Field(pattern=r"^\d{3,6}-\d$")
    verified: bool


class _Hcpcs(_Strict):
    code: str = Field(pattern=r"^[A-Z]\d{4}$")
    verified: bool


Modality = Literal["CT", "MR", "US", "XR", "MG", "NM", "PT", "DXA"]
Contrast = Literal["with", "without", "without_and_with"]
Intent = Literal["screening", "diagnostic"]
Extent = Literal["whole_body", "skull_base_to_mid_thigh", "limited"]
Laterality = Literal["left", "right", "bilateral", "unilateral"]
OrderStatusValue = Literal["proposed", "done", "declined", "suggested"]
Axis = Literal["modality", "regions", "contrast", "intent", "extent", "pharmaceutical"]


class _Technique(_Strict):
    requires: list[str] = []
    allows: list[str] = []


class _StudyAttributesSchema(_Strict):
    modality: list[Modality] = Field(min_length=1)
    regions: list[str] = []
    parts: bool | list[str] = False
    contrast: list[Contrast] | None = None
    intent: list[Intent] | None = None
    extent: list[Extent] | None = None
    pharmaceutical: list[str] | None = None
    technique: _Technique = _Technique()
    assume: dict[Axis, str] = {}


class _ProcedureSchema(_Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str
    purpose: Literal[PURPOSES]  # type: ignore[valid-type]
    in_topic: bool
    synonyms: list[str]
    cpt: list[_Cpt]
    suggest_cpt: str | None = None
    loinc: list[_Loinc] = []
    hcpcs: list[_Hcpcs] = []
    rrl: RrlSymbol | None = None
    adult_dose_msv: DoseRange | None = None
    rrl_source: str | None = None
    rrl_verified: bool | None = None
    attributes: _StudyAttributesSchema

    @model_validator(mode="after")
    def _suggestion_is_listed(self) -> _ProcedureSchema:
        if self.suggest_cpt is not None and self.suggest_cpt not in {c.code for c in self.cpt}:
            raise ValueError(f"suggest_cpt {self.suggest_cpt} is not one of the procedure's CPT codes")
        if self.in_topic and self.rrl is not None:
            raise ValueError("a study of the ACR topic takes its radiation level from the topic's ratings")
        if not self.in_topic and (self.rrl is None or self.adult_dose_msv is None or not self.rrl_source):
            raise ValueError("a study outside the ACR topic needs rrl, adult_dose_msv and rrl_source")
        return self


class _ProceduresSchema(_Strict):
    schema_: Literal["rightscan.procedures/2"] = Field(alias="schema")
    version: str
    sources: dict[str, str]
    procedures: list[_ProcedureSchema]


# ------------------------------------------------------------------ staging
class _SizeBand(_Strict):
    t: str
    up_to_mm: float | None


class _TnRow(_Strict):
    t: list[str]
    n: list[str]


class _AnatomicRow(_TnRow):
    stage: Stage


class _NotStageableRow(_TnRow):
    reason: str


class _GroupRow(_TnRow):
    group: Literal["A", "B", "C", "D", "E"]


_GradeRows = dict[Literal["G1", "G2", "G3"], Annotated[list[Stage], Field(min_length=8, max_length=8)]]


class _StagingSchema(_Strict):
    schema_: Literal["rightscan.ajcc-breast/1"] = Field(alias="schema")
    version: str
    edition: str
    sources: list[str]
    citations: words.StagingCitationsSchema
    t_categories: list[str]
    n_categories: list[str]
    m_categories: list[str]
    n_in_words: dict[str, str] = {}
    t_family: dict[str, str]
    n_family: dict[str, str]
    pn_aliases: dict[str, str]
    size_to_t: list[_SizeBand]
    size_limits_cm: dict[Literal["greater_than", "at_most"], float]
    anatomic: list[_AnatomicRow]
    not_stageable: list[_NotStageableRow]
    prognostic_groups: list[_GroupRow]
    prognostic_columns: list[str]
    prognostic: dict[Literal["clinical", "pathological"], dict[Literal["A", "B", "C", "D", "E"], _GradeRows]]
    stage_classes: dict[Literal["early", "late", "in_situ", "metastatic"], list[Stage]]

    @model_validator(mode="after")
    def _consistent(self) -> _StagingSchema:
        if set(self.t_family) != set(self.t_categories):
            raise ValueError("t_family must map exactly the t_categories")
        if set(self.n_family) != set(self.n_categories):
            raise ValueError("n_family must map exactly the n_categories")
        if set(self.n_in_words) - set(self.n_categories):
            raise ValueError("n_in_words may describe only n_categories")
        t_fams, n_fams = set(self.t_family.values()), set(self.n_family.values()) | {"N1mi"}
        for row in [*self.anatomic, *self.not_stageable, *self.prognostic_groups]:
            bad = [x for x in row.t if x not in t_fams] + [x for x in row.n if x not in n_fams]
            if bad:
                raise ValueError(f"unknown T/N family {bad} in a table row")
        if self.prognostic_columns != ["H+E+P+", "H+E+P-", "H+E-P+", "H+E-P-", "H-E+P+", "H-E+P-", "H-E-P+", "H-E-P-"]:
            raise ValueError("prognostic_columns must be in the documented HER2/ER/PR order")
        for table, groups in self.prognostic.items():
            for group in "ABCDE":
                if set(groups.get(group, {})) != {"G1", "G2", "G3"}:  # type: ignore[call-overload]
                    raise ValueError(f"prognostic.{table}.{group} must have rows G1, G2 and G3")
        if self.size_to_t[-1].up_to_mm is not None:
            raise ValueError("the last size band must be open (up_to_mm: null)")
        return self


# ------------------------------------------------------------------ red flags
class _RedFlagRuleSchema(_Strict):
    id: str
    finding: str
    all: list[str] = Field(min_length=1)
    unless: list[str] = []
    site: str
    urgent: bool = False
    suggested: list[str] = Field(min_length=1)
    why: str
    source: str


class _RedFlagsSchema(_Strict):
    schema_: Literal["rightscan.red-flags/1"] = Field(alias="schema")
    version: str
    sources: dict[str, str]
    symptoms: dict[str, str]
    lab_thresholds: dict[Literal["alp_mild_max_x_uln", "liver_test_abnormal_x_uln", "tumor_marker_raised_x_uln"], float]
    labs: dict[str, str]
    tumor_markers: dict[str, str]
    rating_context: str = Field(min_length=20)
    rules: list[_RedFlagRuleSchema]


# ------------------------------------------------------------------ guidance
class _GuidanceItemSchema(_Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    kind: Literal["consideration", "next_step", "pitfall"]
    when: dict[str, list[str]] = Field(min_length=1)
    unless: dict[str, list[str]] = {}
    text: str = Field(min_length=20)
    source: list[str] = Field(min_length=1)


class _FactWordsSchema(_Strict):
    label: str = Field(min_length=3)
    matters: str = Field(min_length=10)
    obtained_from: str = ""


class _LocoregionalDueSchema(_Strict):
    studies: list[str] = Field(min_length=1)
    reason: str = Field(min_length=10)
    source: str


class _GuidanceSchema(_Strict):
    schema_: Literal["rightscan.guidance/1"] = Field(alias="schema")
    version: str
    sources: dict[str, str]
    locoregional_due: _LocoregionalDueSchema | None = None
    facts: dict[str, _FactWordsSchema] = Field(min_length=1)
    items: list[_GuidanceItemSchema]


class _PamaSchema(_Strict):
    schema_: Literal["rightscan.pama/1"] = Field(alias="schema")
    version: str
    sources: dict[str, str]
    rating_system: str
    extensions: dict[Literal["rating", "qcdsm_consulted", "consult_id", "auc_applied"], str]
    auc_url: str
    category_to_rating: dict[Category, Literal["appropriate", "not-appropriate", "no-criteria-apply"]]
    no_criteria: Literal["no-criteria-apply"]
    override_reason_system: str
    override_reasons: list[dict[Literal["code", "display"], str]] = Field(min_length=1)

    @model_validator(mode="after")
    def _complete(self) -> _PamaSchema:
        if set(self.category_to_rating) != set(CATEGORIES):
            raise ValueError("category_to_rating must map every ACR category")
        if len(self.extensions) != 4:
            raise ValueError("extensions must give all four Argonaut extension URLs")
        for reason in self.override_reasons:
            if not reason.get("code") or not reason.get("display"):
                raise ValueError("every override reason needs a code and a display")
        return self


# ------------------------------------------------------------------ order vocabulary and equivalences
class _TermSchema(_Strict):
    forms: list[str] = Field(min_length=1)
    modality: list[Modality] = []
    regions: list[str] = []
    contrast: Contrast | None = None
    contrast_word: bool = False
    contrast_route: bool = False
    with_marker: bool = False
    laterality: Laterality | None = None
    intent: Intent | None = None
    technique: list[str] = []
    extent: Extent | None = None
    pharmaceutical: str | None = None
    reason: bool = False
    conditional: bool = False
    status: OrderStatusValue | None = None
    noise: bool = False


class _RegionSchema(_Strict):
    part_of: list[str]


class _VocabularySchema(_Strict):
    schema_: Literal["rightscan.order-vocabulary/1"] = Field(alias="schema")
    version: str
    sources: dict[str, str]
    regions: dict[str, _RegionSchema]
    terms: list[_TermSchema]


class _EquivalenceSchema(_Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    studies: list[str] = Field(min_length=1)
    equivalent: str
    kind: Literal["part_of", "same_study", "meant"]
    reasoning: str
    source: str


class _EquivalencesSchema(_Strict):
    schema_: Literal["rightscan.order-equivalences/1"] = Field(alias="schema")
    version: str
    rules: list[_EquivalenceSchema]


class _ManifestSchema(_Strict):
    schema_: Literal["rightscan.manifest/1"] = Field(alias="schema")
    version: str
    files: dict[
        Literal[
            "acr_topic",
            "procedures",
            "staging",
            "red_flags",
            "guidance",
            "pama",
            "order_vocabulary",
            "order_equivalences",
        ],
        str,
    ]


# ------------------------------------------------------------------ loading
def _read(path: Path, schema: type[BaseModel]) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            raw = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"{path.name}: cannot read: {exc}") from None
    try:
        return schema.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise KnowledgeError(f"{path.name}: {where}: {first['msg']} ({exc.error_count()} error(s))") from None


def _locoregional_due(guidance: _GuidanceSchema, procedures: dict[str, Any], name: str) -> tuple[tuple[str, ...], str]:
    due = guidance.locoregional_due
    if due is None:
        return (), ""
    unknown = [pid for pid in due.studies if pid not in procedures]
    if unknown:
        raise KnowledgeError(f"{name}: locoregional_due.studies: unknown procedure id(s) {unknown}")
    if due.source not in guidance.sources:
        raise KnowledgeError(f"{name}: locoregional_due.source: unknown source key {due.source!r}")
    return tuple(due.studies), due.reason


@lru_cache(maxsize=4)
def load_knowledge(directory: str | None = None) -> Knowledge:
    """Load and validate the knowledge base (cached per directory)."""
    base = Path(directory) if directory else KNOWLEDGE_DIR
    manifest: _ManifestSchema = _read(base / "manifest.yaml", _ManifestSchema)
    files = manifest.files
    topic: _AcrTopicSchema = _read(base / files["acr_topic"], _AcrTopicSchema)
    catalogue: _ProceduresSchema = _read(base / files["procedures"], _ProceduresSchema)
    staging: _StagingSchema = _read(base / files["staging"], _StagingSchema)
    flags: _RedFlagsSchema = _read(base / files["red_flags"], _RedFlagsSchema)
    guidance: _GuidanceSchema = _read(base / files["guidance"], _GuidanceSchema)
    if "pama" not in files:
        raise KnowledgeError("manifest.yaml: files.pama is missing")
    pama: _PamaSchema = _read(base / files["pama"], _PamaSchema)
    for needed in ("order_vocabulary", "order_equivalences"):
        if needed not in files:
            raise KnowledgeError(f"manifest.yaml: files.{needed} is missing")
    vocab_file: _VocabularySchema = _read(base / files["order_vocabulary"], _VocabularySchema)
    equivalences_file: _EquivalencesSchema = _read(base / files["order_equivalences"], _EquivalencesSchema)

    ep = topic.early_pathway
    if not set(ep.anatomic) <= set(staging.stage_classes["early"]):
        raise KnowledgeError(f"{files['acr_topic']}: early_pathway.anatomic must be early stage groups (I-IIA)")
    if not set(ep.disagreement_anatomic) <= set(staging.stage_classes["late"]):
        raise KnowledgeError(f"{files['acr_topic']}: early_pathway.disagreement_anatomic must be late stage groups")
    vocabulary = _build_vocabulary(vocab_file, files["order_vocabulary"])
    procedures, lookup, code_index = _build_procedures(catalogue, topic, files["procedures"], vocabulary)
    variants = _build_variants(topic, procedures, files["acr_topic"])
    tables = _build_staging(staging)
    rules = _build_red_flags(flags, procedures, files["red_flags"])
    items = _build_guidance(guidance, procedures, files["guidance"])
    kb = Knowledge(
        version=f"{manifest.version}+{topic.version}+{staging.version}",
        topic_id=topic.id,
        topic_title=topic.title,
        topic_version=topic.version,
        topic_source=str(topic.source.get("document", topic.title)),
        procedures=procedures,
        lookup=lookup,
        variants=variants,
        staging=tables,
        symptoms=dict(flags.symptoms),
        lab_names=dict(flags.labs),
        tumor_marker_names=dict(flags.tumor_markers),
        thresholds=LabThresholds(**flags.lab_thresholds),
        red_flag_rules=rules,
        guidance=items,
        guidance_index=GuidanceIndex(items),
        background_msv_per_year=topic.background_msv_per_year,
        words=words.topic_words(topic.url, topic.citations, topic.wording, topic.purposes),
        early_pathway=EarlyPathway(
            t=frozenset(topic.early_pathway.t),
            n=frozenset(topic.early_pathway.n),
            m=frozenset(topic.early_pathway.m),
            anatomic=frozenset(topic.early_pathway.anatomic),
            disagreement_anatomic=frozenset(topic.early_pathway.disagreement_anatomic),
            after_surgery_late_t=frozenset(topic.early_pathway.after_surgery_late.t),
            after_surgery_late_n=frozenset(topic.early_pathway.after_surgery_late.n),
            source=topic.early_pathway.source,
        ),
        fact_words={k: FactWords(v.label, v.matters, v.obtained_from) for k, v in guidance.facts.items()},
        locoregional_due=_locoregional_due(guidance, procedures, files["guidance"]),
        red_flag_rating_context=flags.rating_context,
        pama=Pama(
            version=pama.version,
            rating_system=pama.rating_system,
            extensions=dict(pama.extensions),
            auc_url=pama.auc_url,
            category_to_rating=dict(pama.category_to_rating),
            no_criteria=pama.no_criteria,
            override_reason_system=pama.override_reason_system,
            override_reasons=tuple((r["code"], r["display"]) for r in pama.override_reasons),
        ),
        vocabulary=vocabulary,
        code_index=code_index,
        equivalences=_build_equivalences(equivalences_file, procedures, variants, files["order_equivalences"]),
        loinc_names=LoincTable(base / LOINC_FILE, KnowledgeError),
    )
    if not os.environ.get(words.ENV_TOPICS):
        return kb
    from rightscan.adapters.topic_files import TopicError, with_topics  # only when topics are served

    try:
        return with_topics(kb)
    except TopicError as exc:
        raise KnowledgeError(str(exc)) from None


def _build_vocabulary(v: _VocabularySchema, fname: str) -> OrderVocabulary:
    for rid, region in v.regions.items():
        for parent in region.part_of:
            if parent not in v.regions:
                raise KnowledgeError(f"{fname}: regions.{rid}: part_of names unknown region {parent!r}")
    ancestors: dict[str, frozenset[str]] = {}
    for rid in v.regions:
        seen: set[str] = set()
        todo = list(v.regions[rid].part_of)
        while todo:
            parent = todo.pop()
            if parent == rid:
                raise KnowledgeError(f"{fname}: regions.{rid}: part_of is circular")
            if parent not in seen:
                seen.add(parent)
                todo.extend(v.regions[parent].part_of)
        ancestors[rid] = frozenset(seen)
    phrases: dict[tuple[str, ...], TermMeaning] = {}
    for n, term in enumerate(v.terms):
        for region in term.regions:
            if region not in v.regions:
                raise KnowledgeError(f"{fname}: terms.{n}: unknown region {region!r}")
        meaning = TermMeaning(
            modality=frozenset(term.modality),
            regions=frozenset(term.regions),
            contrast=term.contrast,
            contrast_word=term.contrast_word,
            contrast_route=term.contrast_route,
            with_marker=term.with_marker,
            laterality=term.laterality,
            intent=term.intent,
            technique=frozenset(term.technique),
            extent=term.extent,
            pharmaceutical=term.pharmaceutical,
            reason=term.reason,
            conditional=term.conditional,
            status=term.status,
            noise=term.noise,
        )
        for form in term.forms:
            tokens = tokenize(form)
            if not tokens:
                raise KnowledgeError(f"{fname}: terms.{n}: form {form!r} has no words")
            if phrases.get(tokens, meaning) != meaning:
                raise KnowledgeError(f"{fname}: terms.{n}: form {form!r} is given two meanings")
            phrases[tokens] = meaning
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for tokens in phrases:
        by_first.setdefault(tokens[0], []).append(tokens)
    words = frozenset(t for tokens in phrases for t in tokens)
    return OrderVocabulary(
        version=v.version,
        phrases=phrases,
        by_first={k: tuple(sorted(vs, key=len, reverse=True)) for k, vs in by_first.items()},
        words=words,
        fuzzy_targets=tuple(sorted(w for w in words if w.isalpha() and len(w) >= 3)),
        split_words=frozenset(t[0] for t, m in phrases.items() if len(t) == 1 and t[0].isalpha() and not m.noise),
        region_ancestors=ancestors,
    )


def _study_attributes(a: _StudyAttributesSchema, vocab: OrderVocabulary, where: str) -> StudyAttributes:
    for region in (*a.regions, *(a.parts if isinstance(a.parts, list) else [])):
        if region not in vocab.region_ancestors:
            raise KnowledgeError(f"{where}: unknown region {region!r}")

    def opt(values: list[str] | None) -> frozenset[str] | None:
        return None if values is None else frozenset(values)

    return StudyAttributes(
        modality=frozenset(a.modality),
        primary_modality=a.modality[0],
        regions=frozenset(a.regions),
        parts=a.parts if isinstance(a.parts, bool) else frozenset(a.parts),
        contrast=opt(a.contrast),  # type: ignore[arg-type]
        intent=opt(a.intent),  # type: ignore[arg-type]
        extent=opt(a.extent),  # type: ignore[arg-type]
        pharmaceutical=opt(a.pharmaceutical),
        requires=frozenset(a.technique.requires),
        allows=frozenset(a.technique.allows),
        assume=dict(a.assume),
    )


def _build_equivalences(
    e: _EquivalencesSchema, procedures: dict[str, Procedure], variants: tuple[Variant, ...], fname: str
) -> dict[str, EquivalenceRule]:
    rated = {r.procedure_id for v in variants for r in v.ratings}
    out: dict[str, EquivalenceRule] = {}
    for rule in e.rules:
        for pid in (*rule.studies, rule.equivalent):
            if pid not in procedures:
                raise KnowledgeError(f"{fname}: rule {rule.id}: unknown procedure id {pid!r}")
        if rule.equivalent not in rated:
            raise KnowledgeError(f"{fname}: rule {rule.id}: {rule.equivalent} is not rated by any variant")
        built = EquivalenceRule(rule.id, tuple(rule.studies), rule.equivalent, rule.kind, rule.reasoning, rule.source)
        for pid in rule.studies:
            if pid in out:
                raise KnowledgeError(f"{fname}: {pid} has two equivalence rules")
            out[pid] = built
    return out


def _build_procedures(
    catalogue: _ProceduresSchema, topic: _AcrTopicSchema, fname: str, vocabulary: OrderVocabulary
) -> tuple[dict[str, Procedure], dict[str, str], dict[frozenset[str], str]]:
    # radiation level of a topic procedure is the same in every variant: take it from the ratings
    radiation: dict[str, tuple[str, str]] = {}
    for variant in topic.variants:
        for r in variant.procedures:
            seen = radiation.setdefault(r.procedure.lower(), (r.rrl, r.adult_dose_msv))
            if seen != (r.rrl, r.adult_dose_msv):
                raise KnowledgeError(f"{fname}: {r.procedure}: radiation level differs between variants")
    procedures: dict[str, Procedure] = {}
    lookup: dict[str, str] = {}
    code_index: dict[frozenset[str], str] = {}
    for p in catalogue.procedures:
        if p.id in procedures:
            raise KnowledgeError(f"{fname}: duplicate procedure id {p.id}")
        rrl, dose = radiation.get(p.name.lower(), (p.rrl, p.adult_dose_msv))
        if p.in_topic and p.name.lower() not in radiation:
            raise KnowledgeError(f"{fname}: {p.id}: marked in_topic but no variant rates {p.name!r}")
        codes = [c.code for c in p.cpt] + [c.code for c in p.hcpcs] + [c.code for c in p.loinc]
        for code in codes:
            key = frozenset(code.split("+"))
            if code_index.get(key, p.id) != p.id:
                raise KnowledgeError(f"{fname}: code {code} names both {code_index[key]} and {p.id}")
            code_index[key] = p.id
        procedures[p.id] = Procedure(
            id=p.id,
            name=p.name,
            purpose=p.purpose,
            in_topic=p.in_topic,
            synonyms=tuple(p.synonyms),
            cpt=tuple(c.code for c in p.cpt),
            unverified_cpt=tuple(c.code for c in p.cpt if not c.verified),
            rrl=rrl,
            adult_dose_msv=dose,
            suggest_cpt=p.suggest_cpt,
            loinc=tuple(c.code for c in p.loinc),
            hcpcs=tuple(c.code for c in p.hcpcs),
            rrl_source=p.rrl_source,
            attributes=_study_attributes(p.attributes, vocabulary, f"{fname}: {p.id}.attributes"),
        )
        for text in (p.name, *p.synonyms, *codes):
            key = normalise(text)
            if lookup.get(key, p.id) != p.id:
                raise KnowledgeError(f"{fname}: {text!r} names both {lookup[key]} and {p.id}")
            lookup[key] = p.id
    return procedures, lookup, code_index


def _build_variants(topic: _AcrTopicSchema, procedures: dict[str, Procedure], fname: str) -> tuple[Variant, ...]:
    by_name = {p.name.lower(): p.id for p in procedures.values()}
    levels = {band.symbol: band.level for band in topic.rrl_scale}
    variants = []
    for v in topic.variants:
        ratings = []
        for r in v.procedures:
            pid = by_name.get(r.procedure.lower())
            if pid is None:
                raise KnowledgeError(f"{fname}: variant {v.number}: {r.procedure!r} is not in the procedure catalogue")
            as_dict = {
                "procedure": procedures[pid].name,
                "category": r.category,
                "median_rating": r.median_rating,
                "soe": r.soe,
                "rrl": r.rrl,
                "adult_dose_msv": r.adult_dose_msv,
            }
            ratings.append(
                Rating(
                    procedure_id=pid,
                    procedure=procedures[pid].name,
                    category=r.category,
                    median_rating=r.median_rating,
                    soe=r.soe,
                    rrl=r.rrl,
                    rrl_level=levels[r.rrl],
                    adult_dose_msv=r.adult_dose_msv,
                    peds_rrl=r.peds_rrl,
                    peds_dose_msv=r.peds_dose_msv,
                    as_dict=as_dict,
                )
            )
        if len({r.procedure_id for r in ratings}) != len(ratings):
            raise KnowledgeError(f"{fname}: variant {v.number}: a procedure is rated twice")
        problem = check_conditions(v.applies_when)
        if problem:
            raise KnowledgeError(f"{fname}: variant {v.number}: applies_when: {problem}")
        variants.append(
            Variant(
                number=v.number,
                title=v.title,
                purpose=v.purpose,
                when=tuple((feature, frozenset(values)) for feature, values in v.applies_when.items()),
                ratings=tuple(ratings),
                by_procedure={r.procedure_id: r for r in ratings},
                as_dict={
                    "purpose": v.purpose,
                    "topic": topic.title,
                    "variant": v.number,
                    "title": v.title,
                    "procedures": [r.as_dict for r in ratings],
                },
            )
        )
    return tuple(variants)


def _build_staging(s: _StagingSchema) -> StagingTables:
    def cells(rows: list[Any]) -> dict[tuple[str, str], Any]:
        out: dict[tuple[str, str], Any] = {}
        for row in rows:
            value = getattr(row, "stage", None) or getattr(row, "group", None) or getattr(row, "reason", None)
            for t in row.t:
                for n in row.n:
                    if (t, n) in out:
                        raise KnowledgeError(f"ajcc: {t} {n} appears in two rows of one table")
                    out[(t, n)] = value
        return out

    columns = [(h, e, p) for h in (True, False) for e in (True, False) for p in (True, False)]
    prognostic: dict[tuple[str, str, int, bool, bool, bool], str] = {}
    for table, groups in s.prognostic.items():
        for group, grades in groups.items():
            for grade_label, stages in grades.items():
                for (h, e, p), stage in zip(columns, stages, strict=True):
                    prognostic[(table, group, int(grade_label[1]), h, e, p)] = stage
    anatomic, groups = cells(s.anatomic), cells(s.prognostic_groups)
    if set(anatomic) - {("Tis", "N0")} != set(groups):  # Tis N0 is stage 0 in every table
        raise KnowledgeError("ajcc: the anatomic table and the prognostic row groups must cover the same T/N cells")
    return StagingTables(
        version=s.version,
        edition=s.edition,
        t_categories=tuple(s.t_categories),
        n_categories=tuple(s.n_categories),
        t_family=dict(s.t_family),
        n_family=dict(s.n_family),
        n_in_words=dict(s.n_in_words),
        citations=words.staging_citations(s.citations),
        pn_aliases=dict(s.pn_aliases),
        size_to_t=tuple((b.t, b.up_to_mm) for b in s.size_to_t),
        size_min_cm_exclusive=s.size_limits_cm["greater_than"],
        size_max_cm=s.size_limits_cm["at_most"],
        anatomic=anatomic,
        not_stageable=cells(s.not_stageable),
        prognostic_group=groups,
        prognostic=prognostic,
        early=frozenset(s.stage_classes["early"]),
        late=frozenset(s.stage_classes["late"]),
    )


LAB_FINDINGS = ("alp_raised", "liver_tests_abnormal")


def _build_red_flags(f: _RedFlagsSchema, procedures: dict[str, Procedure], fname: str) -> tuple[RedFlagRule, ...]:
    known = set(f.symptoms) | set(LAB_FINDINGS)
    rules = []
    for r in f.rules:
        for code in [*r.all, *r.unless]:
            if code not in known:
                raise KnowledgeError(f"{fname}: rule {r.id}: unknown finding code {code!r}")
        for pid in r.suggested:
            if pid not in procedures:
                raise KnowledgeError(f"{fname}: rule {r.id}: unknown procedure id {pid!r}")
        if r.source not in f.sources:
            raise KnowledgeError(f"{fname}: rule {r.id}: unknown source {r.source!r}")
        rules.append(
            RedFlagRule(
                id=r.id,
                finding=r.finding,
                all=frozenset(r.all),
                unless=frozenset(r.unless),
                site=r.site,
                urgent=r.urgent,
                suggested=tuple(r.suggested),
                why=r.why,
                source=f.sources[r.source],
                as_dict={
                    "finding": r.finding,
                    "rule": r.id,
                    "site": r.site,
                    "urgent": r.urgent,
                    "suggested": [procedures[pid].name for pid in r.suggested],
                    "suggested_ids": list(r.suggested),
                    "why": r.why,
                    "source": f.sources[r.source],
                },
            )
        )
    for lab in ("alkaline_phosphatase", "ast", "alt", "bilirubin"):
        if lab not in f.labs:
            raise KnowledgeError(f"{fname}: labs must define {lab}")
    return tuple(rules)


def _build_guidance(g: _GuidanceSchema, procedures: dict[str, Procedure], fname: str) -> tuple[GuidanceItem, ...]:
    items = []
    seen: set[str] = set()
    for item in g.items:
        if item.id in seen:
            raise KnowledgeError(f"{fname}: duplicate item id {item.id}")
        seen.add(item.id)
        conditions = []
        for part, block in (("when", item.when), ("unless", item.unless)):
            built = []
            for feature, values in block.items():
                allowed = FEATURES.get(feature)
                if allowed is None:
                    raise KnowledgeError(f"{fname}: {item.id}.{part}: unknown feature {feature!r}")
                allowed_values = set(procedures) if allowed == "procedure_id" else set(allowed)
                bad = [v for v in values if v not in allowed_values]
                if bad:
                    raise KnowledgeError(f"{fname}: {item.id}.{part}.{feature}: unknown value(s) {bad}")
                built.append((feature, frozenset(values)))
            conditions.append(tuple(built))
        missing = [s for s in item.source if s not in g.sources]
        if missing:
            raise KnowledgeError(f"{fname}: {item.id}: unknown source(s) {missing}")
        items.append(
            GuidanceItem(
                id=item.id,
                kind=item.kind,
                when=conditions[0],
                unless=conditions[1],
                as_dict={"id": item.id, "text": item.text, "source": [g.sources[s] for s in item.source]},
            )
        )
    return tuple(items)
