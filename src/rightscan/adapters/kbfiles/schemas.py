"""The shape of every knowledge YAML file, as pydantic models (one per file, ``*File``).

Validation only: a model accepts or refuses a file and names the place. Cross-references between
files, and turning a valid file into the domain's ``Knowledge``, are ``kbfiles.build``. The JSON
Schemas editors use (``knowledge/schemas/*.schema.json``) are generated from these models
(``kbfiles.jsonschema``). Closed word lists come from ``domain.vocabulary``.
"""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator

from rightscan.adapters import knowledge_words as words
from rightscan.domain.knowledge import TermMeaning
from rightscan.domain.vocabulary import CATEGORIES, PURPOSES, STAGE_CLASSES, STAGES

Category = Literal[CATEGORIES]  # type: ignore[valid-type]
RrlSymbol = Literal["O", "☢", "☢☢", "☢☢☢", "☢☢☢☢", "☢☢☢☢☢"]
Stage = Literal[STAGES]  # type: ignore[valid-type]
DoseRange = Annotated[str, Field(pattern=r"^(0|<[0-9.]+|[0-9.]+-[0-9.]+)$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ------------------------------------------------------------------ ACR topic
class RatingEntry(_Strict):
    procedure: str
    category: Category
    median_rating: int = Field(ge=1, le=9)
    soe: Literal["Strong", "Moderate", "Limited", "Expert Consensus"]
    rrl: RrlSymbol
    adult_dose_msv: DoseRange
    peds_rrl: RrlSymbol | None
    peds_dose_msv: DoseRange | None


class RatingBand(_Strict):
    """Median ratings ``from``..``to`` (inclusive) carry ``category``; a qualified category such as
    "May Be Appropriate (Disagreement)" belongs to the band of its unqualified name."""

    from_: int = Field(alias="from", ge=1, le=9)
    to: int = Field(ge=1, le=9)
    category: Category


class VariantEntry(_Strict):
    number: int = Field(ge=1)
    title: str = Field(min_length=10)
    purpose: Literal[PURPOSES]  # type: ignore[valid-type]
    applies_when: dict[str, list[str]] = Field(min_length=1)  # checked by guidance.check_conditions
    procedures: list[RatingEntry] = Field(min_length=1)


class RrlBand(_Strict):
    symbol: RrlSymbol
    level: int = Field(ge=0, le=5)
    adult_dose_msv: DoseRange
    peds_dose_msv: DoseRange


_TFamily = Literal["T0", "T1", "T2", "T3", "T4"]
_NFamily = Literal["N0", "N1mi", "N1", "N2", "N3"]


class AfterSurgery(_Strict):
    t: list[_TFamily] = Field(min_length=1)
    n: list[_NFamily] = Field(min_length=1)


class EarlyPathwayEntry(_Strict):
    t: list[_TFamily] = Field(min_length=1)
    n: list[_NFamily] = Field(min_length=1)
    m: list[Literal["M0"]] = Field(min_length=1)
    anatomic: list[Stage] = Field(min_length=1)
    disagreement_anatomic: list[Stage]
    after_surgery_late: AfterSurgery
    source: str = Field(min_length=10)


class AcrTopicFile(_Strict):
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
    rating_scale: list[RatingBand] = Field(min_length=1)
    rrl_scale: list[RrlBand] = Field(min_length=6, max_length=6)
    background_msv_per_year: float = Field(gt=0)
    early_pathway: EarlyPathwayEntry
    variants: list[VariantEntry] = Field(min_length=1)

    @model_validator(mode="after")
    def _numbering(self) -> AcrTopicFile:
        numbers = [v.number for v in self.variants]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"variants must be numbered 1..n in order, got {numbers}")
        covered = sorted(n for band in self.rating_scale for n in range(band.from_, band.to + 1))
        if covered != list(range(1, 10)):
            raise ValueError("rating_scale must cover the median ratings 1-9, each once")
        return self


# ------------------------------------------------------------------ procedures
class CptCode(_Strict):
    # a code, or codes billed together: CPT add-ons ("77067+77063") and an HCPCS add-on ("77066+G0279")
    code: str = Field(pattern=r"^\d{4}[0-9T](\+(\d{4}[0-9T]|[A-Z]\d{4}))*$")
    verified: bool


class LoincCode(_Strict):
    code: str = Field(pattern=r"^\d{3,6}-\d$")
    verified: bool


class HcpcsCode(_Strict):
    code: str = Field(pattern=r"^[A-Z]\d{4}$")
    verified: bool


Modality = Literal["CT", "MR", "US", "XR", "MG", "NM", "PT", "DXA"]
Contrast = Literal["with", "without", "without_and_with"]
Intent = Literal["screening", "diagnostic"]
Extent = Literal["whole_body", "skull_base_to_mid_thigh", "limited"]
Laterality = Literal["left", "right", "bilateral", "unilateral"]
# round 47q: "missed" (a booked study the patient did not come to: "no-show", "did not attend") and "rebooked" (a study
# set for another day: "rescheduled", "rebooked"): a study missed and not rebooked is no study to do now (orders.py)
# round 48q: "held" (an order on hold: "on hold", "HOLD", a prior authorisation denied) and "pending" (what a held order
# waits for, or a study still pending in an order set: "pending insurance auth", "appeal submitted", "PENDING"): a study
# on hold and waiting for nothing is no study to do now; waiting for something, it is still pursued (orders.py)
OrderStatusValue = Literal["proposed", "done", "declined", "suggested", "missed", "rebooked", "held", "pending"]
Axis = Literal["modality", "regions", "contrast", "intent", "extent", "pharmaceutical"]


class Technique(_Strict):
    requires: list[str] = []
    allows: list[str] = []


class StudyAttributesEntry(_Strict):
    modality: list[Modality] = Field(min_length=1)
    regions: list[str] = []
    parts: bool | list[str] = False
    contrast: list[Contrast] | None = None
    intent: list[Intent] | None = None
    extent: list[Extent] | None = None
    pharmaceutical: list[str] | None = None
    technique: Technique = Technique()
    assume: dict[Axis, str] = {}
    # read for a patient of the topic only (a decision or a CDS draft order): an axis the order leaves open that
    # the topic's patient settles, with why (orders.for_patient); a bare order name read alone stays a choice
    patient_assume: dict[Axis, str] = {}


class PatientWords(_Strict):
    """How a patient handout names a study, and what it is, in plain words (RightScan's own wording)."""

    name: str = Field(min_length=1)
    what: str = Field(min_length=1)


class ProcedureEntry(_Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str
    purpose: Literal[PURPOSES]  # type: ignore[valid-type]
    in_topic: bool
    synonyms: list[str]
    cpt: list[CptCode]
    suggest_cpt: str | None = None
    loinc: list[LoincCode] = []
    hcpcs: list[HcpcsCode] = []
    rrl: RrlSymbol | None = None
    adult_dose_msv: DoseRange | None = None
    rrl_source: str | None = None
    rrl_verified: bool | None = None
    attributes: StudyAttributesEntry
    patient: PatientWords | None = None  # absent: the handout shows the study's name and no description

    @model_validator(mode="after")
    def _suggestion_is_listed(self) -> ProcedureEntry:
        if self.suggest_cpt is not None and self.suggest_cpt not in {c.code for c in self.cpt}:
            raise ValueError(f"suggest_cpt {self.suggest_cpt} is not one of the procedure's CPT codes")
        if self.in_topic and self.rrl is not None:
            raise ValueError("a study of the ACR topic takes its radiation level from the topic's ratings")
        if not self.in_topic and (self.rrl is None or self.adult_dose_msv is None or not self.rrl_source):
            raise ValueError("a study outside the ACR topic needs rrl, adult_dose_msv and rrl_source")
        return self


class ProceduresFile(_Strict):
    schema_: Literal["rightscan.procedures/2"] = Field(alias="schema")
    version: str
    sources: dict[str, str]
    procedures: list[ProcedureEntry]


# ------------------------------------------------------------------ staging
class SizeBand(_Strict):
    t: str
    up_to_mm: float | None


class TnRow(_Strict):
    t: list[str]
    n: list[str]


class AnatomicRow(TnRow):
    stage: Stage


class NotStageableRow(TnRow):
    reason: str


class GroupRow(TnRow):
    group: Literal["A", "B", "C", "D", "E"]


_GradeRows = dict[Literal["G1", "G2", "G3"], Annotated[list[Stage], Field(min_length=8, max_length=8)]]


class StagingFile(_Strict):
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
    size_to_t: list[SizeBand]
    size_limits_cm: dict[Literal["greater_than", "at_most"], float]
    anatomic: list[AnatomicRow]
    not_stageable: list[NotStageableRow]
    prognostic_groups: list[GroupRow]
    prognostic_columns: list[str]
    prognostic: dict[Literal["clinical", "pathological"], dict[Literal["A", "B", "C", "D", "E"], _GradeRows]]
    stage_classes: dict[Literal[STAGE_CLASSES], list[Stage]]  # type: ignore[valid-type]

    @model_validator(mode="after")
    def _consistent(self) -> StagingFile:
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
class RedFlagRuleEntry(_Strict):
    id: str
    finding: str
    all: list[str] = Field(min_length=1)
    unless: list[str] = []
    site: str
    urgent: bool = False
    suggested: list[str] = Field(min_length=1)
    why: str
    source: str


class RedFlagsFile(_Strict):
    schema_: Literal["rightscan.red-flags/1"] = Field(alias="schema")
    version: str
    sources: dict[str, str]
    symptoms: dict[str, str]
    lab_thresholds: dict[Literal["alp_mild_max_x_uln", "liver_test_abnormal_x_uln", "tumor_marker_raised_x_uln"], float]
    labs: dict[str, str]
    tumor_markers: dict[str, str]
    rating_context: str = Field(min_length=20)
    rules: list[RedFlagRuleEntry]


# ------------------------------------------------------------------ guidance
class GuidanceItemEntry(_Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    kind: Literal["consideration", "next_step", "pitfall"]
    when: dict[str, list[str]] = Field(min_length=1)
    unless: dict[str, list[str]] = {}
    text: str = Field(min_length=20)
    source: list[str] = Field(min_length=1)


class FactWordsEntry(_Strict):
    label: str = Field(min_length=3)
    matters: str = Field(min_length=10)
    obtained_from: str = ""


class LocoregionalDueEntry(_Strict):
    studies: list[str] = Field(min_length=1)
    reason: str = Field(min_length=10)
    source: str


class GuidanceFile(_Strict):
    schema_: Literal["rightscan.guidance/1"] = Field(alias="schema")
    version: str
    sources: dict[str, str]
    locoregional_due: LocoregionalDueEntry | None = None
    facts: dict[str, FactWordsEntry] = Field(min_length=1)
    items: list[GuidanceItemEntry]


class PamaFile(_Strict):
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
    def _complete(self) -> PamaFile:
        if set(self.category_to_rating) != set(CATEGORIES):
            raise ValueError("category_to_rating must map every ACR category")
        if len(self.extensions) != 4:
            raise ValueError("extensions must give all four Argonaut extension URLs")
        for reason in self.override_reasons:
            if not reason.get("code") or not reason.get("display"):
                raise ValueError("every override reason needs a code and a display")
        return self


# ------------------------------------------------------------------ order vocabulary and equivalences
def _term_entry() -> type[_Strict]:
    """An order-vocabulary entry: its ``forms`` and the attributes they state, which are the domain's
    ``TermMeaning`` fields (named once there): a set is written as a list, a closed vocabulary is checked
    against its values, a protocol is a rule id."""
    closed: dict[str, Any] = {
        "modality": Modality,
        "contrast": Contrast,
        "laterality": Laterality,
        "intent": Intent,
        "extent": Extent,
        "status": OrderStatusValue,
        "cancer": Literal["breast", "other"],
    }
    attributes: dict[str, Any] = {"forms": (list[str], Field(min_length=1))}
    for f in dataclasses.fields(TermMeaning):
        value = closed.get(f.name, str)
        if isinstance(f.default, frozenset):
            attributes[f.name] = (list[value], [])  # type: ignore[valid-type]
        elif isinstance(f.default, bool):
            attributes[f.name] = (bool, f.default)
        else:
            attributes[f.name] = (value | None, None)
    attributes["protocol"] = (str | None, Field(default=None, pattern=r"^[a-z0-9_]+$"))
    return create_model("TermEntry", __base__=_Strict, **attributes)


TermEntry = _term_entry()


class ProtocolRule(_Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    all_of: list[str] = Field(min_length=1)
    contrast: Contrast
    source: str


class RegionEntry(_Strict):
    part_of: list[str]
    # as the site an order's indication names: also lies in these regions, or in any (the breast)
    within: list[str] | Literal["any"] = []


class StagingItemEntry(_Strict):
    """Round 54o: an order set's staging item that names a region and no modality ("BREAST CA STAGING PROTOCOL - BONE"):
    with one of ``words`` in the order, the region's staging study's modality, shown as the ``assumed`` reason."""

    words: list[str] = Field(min_length=1)
    regions: list[str] = Field(min_length=1)
    modality: Modality
    assumed: str
    source: str


class FaxMarksEntry(_Strict):
    """Round 33o: what a fax machine or a receiving office prints on a faxed requisition, each on a field of its own:
    a stamp's words (before a date and a time), a page marker's (before its numbers), a banner's, a number's label."""

    stamps: list[str] = []
    pages: list[str] = []
    banners: list[str] = []
    numbers: list[str] = []


class ViewRegionsEntry(_Strict):
    """Round 33o: a view's abbreviation that, with a modality that takes no views, names regions ("CT AP")."""

    view: str = Field(pattern=r"^[a-z]+$")
    modality: list[Modality] = Field(min_length=1)
    regions: list[str] = Field(min_length=1)
    source: str


_Letter = Annotated[str, Field(pattern=r"^[a-z]$")]
_LetterName = Annotated[str, Field(pattern=r"^[a-z]{2,}$")]
_Digit = Annotated[str, Field(pattern=r"^[0-9]$")]
_AnswerWords = Annotated[str, Field(pattern=r"^[a-z]{2,}( [a-z]{2,})?$")]
_ControlCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]


class OrderVocabularyFile(_Strict):
    schema_: Literal["rightscan.order-vocabulary/1"] = Field(alias="schema")
    version: str
    sources: dict[str, str]
    regions: dict[str, RegionEntry]
    terms: list[TermEntry]
    protocols: list[ProtocolRule] = []
    # how dictation software writes order words it heard: a letter's spoken names ("see" for C), and
    # sound-alike words or phrases for the vocabulary words they stand for ("contracts" for contrast)
    letter_names: dict[_Letter, list[_LetterName]] = {}
    # round 42r: a digit's spoken names ("seven" for 7, "zero" and "oh" for 0): a code read aloud digit by digit
    digit_names: dict[_Digit, list[_LetterName]] = {}
    sound_alikes: dict[str, str] = {}
    # round 37o: old systems' words cut short or without their vowels, written in fixed-width fields ("SPN" for
    # spine, "LVR" for liver, "PROTO" for protocol): each read as the vocabulary word it shortens
    abbreviations: dict[str, str] = {}
    # an order form's answers to a question ("Contrast: No", "IV contrast? [ ] yes [x] no")
    # round 31o: "not_applicable" ("N/A", "not applicable"): the pair states nothing
    answers: dict[Literal["yes", "no", "not_applicable"], list[_AnswerWords | Literal["n", "y", "n/a"]]] = {}
    # words that, just before a modality or technique word, say it is not done ("no tomo", "without SPECT")
    negators: list[str] = []
    # round 24o: labels of other catalogues' item numbers ("MBS 59300", "OHIP X125"): such a number is no CPT code
    other_catalogues: list[str] = []
    # round 26o: labels of where the patient is ("rm 12", "bed 7"): such a number is a room or bed, no code
    places: list[str] = []
    # round 53o: units of a dose, an activity, a volume or a lab value: a number with one of them is set aside
    units: list[str] = []
    # round 27o: words that change an order from one study to another ("changed PET/CT to CT CAP"): the study after
    # "to" is the one ordered
    changes: list[str] = []
    # round 31o: words after a study that replaces another ("CT CAP replaces bone scan"): that study is ordered
    replacing: list[str] = []
    # round 33o: a faxed requisition's stamps, page markers, banners and fax numbers: no words of the order
    fax_marks: FaxMarksEntry = FaxMarksEntry()
    # round 33o: a view's abbreviation that names regions with a modality that takes no views ("CT AP")
    view_regions: list[ViewRegionsEntry] = []
    # round 54o: a staging set's item naming a region and no modality: the region's staging study
    staging_items: list[StagingItemEntry] = []
    # round 56o: an HL7 v2 ORC segment's order control codes (HL7 v2.5.1 Table 0119) by what they say of the order:
    # cancelled or discontinued (no study asked for), held (paused), or standing
    hl7_order_controls: dict[Literal["proposed", "declined", "held"], list[_ControlCode]] = {}


class EquivalenceEntry(_Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    studies: list[str] = Field(min_length=1)
    equivalent: str
    kind: Literal["part_of", "same_study", "meant"]
    reasoning: str
    source: str


class OrderEquivalencesFile(_Strict):
    schema_: Literal["rightscan.order-equivalences/1"] = Field(alias="schema")
    version: str
    rules: list[EquivalenceEntry]


class ListedSourceEntry(_Strict):
    """A source the knowledge rests on, as the /sources page lists it (``url_of``: the knowledge file whose
    ``url`` is its public page)."""

    anchor: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str = Field(min_length=10)
    used_for: str = Field(min_length=10)
    url_of: Literal["acr_topic"] | None = None


class ManifestFile(_Strict):
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
    sources: list[ListedSourceEntry] = Field(default_factory=list)

    @model_validator(mode="after")
    def _anchors(self) -> ManifestFile:
        anchors = [entry.anchor for entry in self.sources]
        if len(set(anchors)) != len(anchors):
            raise ValueError("sources: each anchor once")
        return self


# manifest key -> the model of that file (the order of loading and of the generated JSON Schemas)
FILE_MODELS: dict[str, type[_Strict]] = {
    "manifest": ManifestFile,
    "acr_topic": AcrTopicFile,
    "procedures": ProceduresFile,
    "staging": StagingFile,
    "red_flags": RedFlagsFile,
    "guidance": GuidanceFile,
    "pama": PamaFile,
    "order_vocabulary": OrderVocabularyFile,
    "order_equivalences": OrderEquivalencesFile,
}
