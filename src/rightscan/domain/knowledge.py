"""Typed, immutable view of the knowledge base, as the domain uses it.

The objects are built once by ``rightscan.adapters.knowledge_files`` from the validated YAML files;
the domain only reads them. Dictionaries meant for output (``as_dict``) are built once here so that a
decision references them instead of rebuilding them; callers must treat them as read-only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, NamedTuple, Protocol, TypeVar


@dataclass(frozen=True, slots=True)
class StudyAttributes:
    """What a catalogue study is, on the order-vocabulary axes (see procedures.yaml)."""

    modality: frozenset[str]
    primary_modality: str  # the first listed: PET for PET/CT
    regions: frozenset[str]
    parts: bool | frozenset[str]
    contrast: frozenset[str] | None  # accepted values; None = any
    intent: frozenset[str] | None
    extent: frozenset[str] | None
    pharmaceutical: frozenset[str] | None
    requires: frozenset[str]  # techniques the study requires
    allows: frozenset[str]  # techniques the study allows
    assume: dict[str, str] = field(compare=False, hash=False)  # axis -> why it may be left unstated
    # axis -> why a patient of the topic settles it when the order leaves it open (orders.for_patient)
    patient_assume: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class TermMeaning:
    """The attributes one order-vocabulary form states (see order_vocabulary.yaml)."""

    modality: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()
    contrast: str | None = None
    contrast_word: bool = False
    contrast_route: bool = False
    with_marker: bool = False
    laterality: str | None = None
    intent: str | None = None
    technique: frozenset[str] = frozenset()
    extent: str | None = None
    pharmaceutical: str | None = None
    reason: bool = False
    conditional: bool = False
    optional_before: bool = False  # "if abnormal", "if needed": what was named just before is an optional next step
    status: str | None = None
    noise: bool = False
    contrast_question: bool = False  # the text asks whether contrast may be given: never assume it
    indication: bool = False  # a clinical word: the segment it is in is the order's indication
    priority: bool = False  # STAT, urgent: says when, not which study
    reference: bool = False  # "seen on", "prior": in an indication, what follows is an earlier study
    protocol: str | None = None  # a protocol word, combined by OrderVocabulary.protocols
    rules_out: bool = False  # "contraindicated": the modality (or contrast) named just before is not the study
    sequence: bool = False  # "followed by", "then": the next phase of the same study, not a second statement
    # "injection": in a nuclear-medicine or PET order the tracer's injection, a step of the study (round 20o);
    # in any other order its technique (an intervention)
    tracer_step: bool = False
    # round 27o: the contrast is left to the radiologist ("per radiologist", "at radiologist's discretion", "contrast
    # TBD"): a "+/-" before it is "with or without", as the radiologist decides, not the two phases of one study
    contrast_open: bool = False
    # round 29o: a status said only of the study in its own segment ("PET/CT taken 3/4"), never in a segment of its own
    in_study: bool = False
    # round 29o: "if", "unless": a modality named after it is a study the order is conditional on, not this one
    condition: bool = False
    # round 31 (fifteenth security pass O1): a contrast given by mouth or by the rectum ("oral", "PO dye", "oral only"):
    # never the IV contrast; a bare "with contrast" beside it, with no IV route stated, may be that enteric contrast
    enteric: bool = False
    # round 33o: "prior to", "before", "after", "post", "following": the study comes before or after what follows it; a
    # ``procedure`` named there is the study's context, never the study (domain/order_context.py)
    timing: bool = False
    # round 33o: a procedure of its own, no study (a biopsy, a port placement, a sentinel node mapping, a radiotherapy
    # simulation): after a ``timing`` word it is what the study comes before or after
    procedure: bool = False
    # round 35o: "prior", "previous", "comparison", "compare with", "outside": the study named right after it, before
    # any study of the order's own, is an earlier one (a comparison or a past result), no study ordered
    earlier: bool = False
    # round 36o: a cancer named as what the study is for: "breast" (the topic's) or "other" (another cancer, or a
    # staging system of its own: "lymphoma", "Deauville", "NSCLC"); a PET for another cancer is no breast staging study
    cancer: str | None = None
    # round 36o: "hx", "history of", "family history": a cancer named right after it is the patient's (or a relative's)
    # history, not what the study is for
    history: bool = False
    # round 42r: "yearly", "every year", "annual": a study repeated once a year, the routine screening interval; the
    # screening intent only where the order names nothing it is for (no sign, history or treatment: then surveillance)
    yearly: bool = False
    # round 47q: a result read off the study named before it in its part ("bone scan equivocal at T8", "screening mammo
    # BI-RADS 0", "T8 uptake"): in a list of parts that study is an earlier one, done (order_lists.current_part)
    result: bool = False
    # round 48q: a place where studies are done ("hospital", "imaging centre", "your facility"): after "at", with the
    # place's name before it ("at Lakeside Imaging"), where the study is done, not which study (order_context.places)
    facility: bool = False
    # round 53o: a device the patient has or wears, named for the study's safety or positioning ("cochlear implant",
    # "left chest pacemaker", "tissue expander with a magnetic port", "abdominal shield"): the patient's, no technique;
    # the side and the region written with it are its place, not the study's (order_patient.device_words)
    device: bool = False
    # round 54o: the act of ordering ("ordered", "requested"): a time in the past right after it ("ordered last week,
    # pending") says when the order was placed, not that the study was done (orders_items.ordered_when)
    ordering: bool = False


@dataclass(frozen=True, slots=True)
class FaxMarks:
    """What a fax machine or a receiving office prints on a faxed requisition (round 33o): the words of a stamp (before
    its date), of a page marker (before its numbers), of a banner, and the labels of a fax or phone number."""

    stamps: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()
    banners: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OrderVocabulary:
    version: str
    phrases: dict[tuple[str, ...], TermMeaning] = field(compare=False, hash=False)
    by_first: dict[str, tuple[tuple[str, ...], ...]] = field(compare=False, hash=False)
    words: frozenset[str]  # every token of every form
    fuzzy_targets: tuple[str, ...]  # alphabetic words of 3+ letters a typo may be corrected to
    split_words: frozenset[str]  # one-word forms that state an attribute: "bonescan" splits into two
    region_ancestors: dict[str, frozenset[str]] = field(compare=False, hash=False)
    plural_same: frozenset[str] = field(default=frozenset(), compare=False, hash=False)  # "scan": "scans" too
    # (protocol words that must all be named, the contrast timing they state together)
    protocols: tuple[tuple[frozenset[str], str], ...] = ()
    # a site an indication names -> regions it also lies in ("neck pain" for a C-spine MRI)
    site_within: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, hash=False)
    # dictation: a letter's spoken name -> the letter ("see" -> "c"); sound-alike words -> the words they stand for
    letter_names: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    sound_alikes: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict, compare=False, hash=False)
    # round 42r: a digit's spoken name -> the digit ("seven" -> "7"): a code read aloud digit by digit
    digit_names: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # round 37o: a fixed-width system's shortened words -> the vocabulary words they shorten ("spn" -> "spine")
    abbreviations: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict, compare=False, hash=False)
    answers: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, hash=False)  # "yes"/"no" -> words
    # negating words as the segment reader sees them (a form's tokens joined by spaces): "no", "without", "w / o"
    negators: frozenset[str] = field(default_factory=frozenset, compare=False, hash=False)
    # labels of other catalogues' item numbers ("MBS 59300"): the number is that catalogue's, no CPT code (round 24o)
    other_catalogues: tuple[str, ...] = field(default=(), compare=False, hash=False)
    # labels of where the patient is ("rm 12", "bed 7"): the number is a room or bed, no code (round 26o)
    places: tuple[str, ...] = field(default=(), compare=False, hash=False)
    # round 53o: units of a dose, an activity, a volume or a lab value ("370 MBq", "25 mCi", "glucose < 200 mg/dL"): a
    # number with one of them is a quantity of the study's conduct, set aside with its unit (order_patient.quantities)
    units: tuple[str, ...] = field(default=(), compare=False, hash=False)
    # words that change an order from one study to another ("changed PET/CT to CT CAP"): the study after "to" is the
    # one ordered (round 27o)
    changes: tuple[str, ...] = field(default=(), compare=False, hash=False)
    # words that say the study before them replaces another ("CT CAP replaces bone scan"): that study is the one ordered
    # (round 31o)
    replacing: tuple[str, ...] = field(default=(), compare=False, hash=False)
    # round 33o: a faxed requisition's stamps, page markers and banners (domain/order_requisition.py)
    fax_marks: FaxMarks = field(default=FaxMarks(), compare=False, hash=False)
    # round 33o: a view's abbreviation that names regions with a modality that takes no views ("CT AP": the abdomen and
    # pelvis): (view form, modalities, regions)
    view_regions: tuple[tuple[str, frozenset[str], frozenset[str]], ...] = field(default=(), compare=False, hash=False)
    # round 54o: an order set's staging item that names a region and no modality ("BREAST CA STAGING PROTOCOL - BONE"):
    # (the staging words, one of them in the order; the regions named; the modality of their staging study; the reason
    # shown as assumed) (order_context.staging_item)
    staging_items: tuple[tuple[tuple[tuple[str, ...], ...], frozenset[str], str, str], ...] = field(
        default=(), compare=False, hash=False
    )
    # round 56o: an HL7 v2 ORC segment's order control code (ORC-1) -> what it says of the order of the OBR after it:
    # "declined" (cancelled, discontinued), "held" or "proposed" (HL7 v2.5.1 Table 0119; order_wrappers.order_control)
    hl7_order_controls: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # round 43r: the words read are a clinical note's prose, not an order line (orders.in_prose; the note reader's
    # vocabulary): what an order line alone implies from its own few words is not implied there, where the note's other
    # sentences tell what the study is for ("annual mammogram" after a treated breast cancer is its surveillance)
    prose: bool = False


@dataclass(frozen=True, slots=True)
class EquivalenceRule:
    id: str
    studies: tuple[str, ...]
    equivalent: str
    kind: str  # part_of | same_study | meant
    reasoning: str
    source: str


@dataclass(frozen=True, slots=True)
class Procedure:
    id: str
    name: str
    purpose: str
    in_topic: bool
    synonyms: tuple[str, ...]
    cpt: tuple[str, ...]
    unverified_cpt: tuple[str, ...]
    rrl: str | None  # relative radiation level (ACR symbol)
    adult_dose_msv: str | None
    suggest_cpt: str | None = None  # code used when offered as a one-click alternative (laterality)
    loinc: tuple[str, ...] = ()
    hcpcs: tuple[str, ...] = ()
    rrl_source: str | None = None  # for studies outside the topic: where the RRL comes from
    attributes: StudyAttributes | None = None
    patient_name: str | None = None  # the study as a patient handout names it (procedures.yaml ``patient``)
    patient_what: str = ""  # ... and what it is, in plain words


class ListedSource(NamedTuple):
    """A source the knowledge rests on, with the version used, as the sources page lists it."""

    anchor: str  # the page's link target
    title: str
    used_for: str  # what RightScan takes from it
    url: str | None = None


class RatingBand(NamedTuple):
    """One band of the topic's rating scale: median ratings ``lowest``..``highest`` carry ``category``."""

    lowest: int
    highest: int
    category: str


class RadiationBand(NamedTuple):
    """One relative radiation level of the ACR scale and the adult effective-dose band it stands for."""

    symbol: str
    level: int
    adult_dose_msv: str


@dataclass(frozen=True, slots=True)
class Rating:
    procedure_id: str
    procedure: str
    category: str
    median_rating: int
    soe: str
    rrl: str
    rrl_level: int
    adult_dose_msv: str
    peds_rrl: str | None
    peds_dose_msv: str | None
    as_dict: dict[str, Any] = field(compare=False, hash=False)


class _Rated(Protocol):
    @property
    def procedure_id(self) -> str: ...


R = TypeVar("R", bound=_Rated)


@dataclass(frozen=True, slots=True)
class Variant(Generic[R]):
    """A variant of a topic and how it rates each study (``R``: the topic's rating type)."""

    number: int
    title: str
    purpose: str
    # applies_when: (feature, the values that qualify); a feature it does not name does not matter
    when: tuple[tuple[str, frozenset[str]], ...]
    ratings: tuple[R, ...]
    by_procedure: dict[str, R] = field(compare=False, hash=False)
    as_dict: dict[str, Any] = field(compare=False, hash=False)  # the output entry (read-only)

    @classmethod
    def of(
        cls,
        number: int,
        title: str,
        purpose: str,
        applies_when: Mapping[str, Iterable[str]],
        topic_title: str,
        ratings: Sequence[tuple[R, dict[str, Any]]],
    ) -> Variant[R]:
        """A variant from its file entry: ``ratings`` pairs each rating with its output entry."""
        rated = tuple(r for r, _ in ratings)
        return cls(
            number=number,
            title=title,
            purpose=purpose,
            when=tuple((feature, frozenset(values)) for feature, values in applies_when.items()),
            ratings=rated,
            by_procedure={r.procedure_id: r for r in rated},
            as_dict={
                "purpose": purpose,
                "topic": topic_title,
                "variant": number,
                "title": title,
                "procedures": [entry for _, entry in ratings],
            },
        )

    def condition(self, feature: str) -> frozenset[str] | None:
        """The values of ``feature`` this variant applies to; None when it applies whatever the value."""
        return next((values for name, values in self.when if name == feature), None)

    def accepts(self, feature: str, value: str) -> bool:
        values = self.condition(feature)
        return values is None or value in values


@dataclass(frozen=True, slots=True)
class StagingCitations:
    """The parts of the staging chapter each explanation step cites (ajcc8_breast.yaml ``citations``)."""

    t: str
    n_m: str
    anatomic: str
    clinical: str
    pathological: str
    her2_equivocal: str


@dataclass(frozen=True, slots=True)
class TopicCitations:
    """Citations of the topic's own steps (acr topic file ``citations``)."""

    no_red_flag: str
    upstaging: str
    red_flags_outside_topic: str
    biology_not_covered: str


@dataclass(frozen=True, slots=True)
class VariantReasons:
    early: str
    late: str
    split: str
    red_flags_in_follow_up: str


@dataclass(frozen=True, slots=True)
class TopicWording:
    """Sentences of the topic the engine writes into explanations (acr topic file ``wording``)."""

    upstaging: str
    red_flags_outside_topic: str
    biology_not_covered: str
    variant_reasons: VariantReasons


@dataclass(frozen=True, slots=True)
class TopicPurposes:
    """The questions the variants answer and the topic's rules about them (acr topic file ``purposes``)."""

    order: tuple[str, ...]  # as shown
    due_first: str  # studies of this question are due before the others'
    due_first_reason: str
    red_flags: str  # the question a red flag's targeted imaging answers
    red_flags_follow_up_settings: frozenset[str]  # settings where red flags make that question ...
    red_flags_read_as: str  # ... this setting
    red_flags_outside_topic_when: tuple[tuple[str, frozenset[str]], ...]  # features: the question is outside


@dataclass(frozen=True, slots=True)
class TopicWords:
    """Where a topic's words live: its public page, its citations and its sentences; its purposes."""

    url: str
    citations: TopicCitations
    wording: TopicWording
    purposes: TopicPurposes


@dataclass(frozen=True, slots=True)
class StagingTables:
    version: str
    edition: str
    t_categories: tuple[str, ...]
    n_categories: tuple[str, ...]
    t_family: dict[str, str]
    n_family: dict[str, str]
    pn_aliases: dict[str, str]
    size_to_t: tuple[tuple[str, float | None], ...]  # (T, upper bound in mm inclusive)
    size_min_cm_exclusive: float
    size_max_cm: float
    anatomic: dict[tuple[str, str], str]  # (T family, N family) -> stage, M0
    not_stageable: dict[tuple[str, str], str]  # (T family, N family) -> reason
    prognostic_group: dict[tuple[str, str], str]  # (T family, N family) -> row group A-E
    # (table, group, grade, her2, er, pr) -> stage, table in {"clinical", "pathological"};
    # receptor values are booleans (True = positive).
    prognostic: dict[tuple[str, str, int, bool, bool, bool], str]
    early: frozenset[str]
    late: frozenset[str]
    n_in_words: dict[str, str] = field(default_factory=dict)  # clinical N category -> plain words
    citations: StagingCitations | None = None  # None only for tables built outside the loader
    m_categories: tuple[str, ...] = ()  # clinical M categories the input accepts (ajcc8_breast.yaml)


@dataclass(frozen=True, slots=True)
class EarlyPathway:
    """Entry criteria of the asymptomatic early pathway (ACR variants 1-2), families and stage groups."""

    t: frozenset[str]
    n: frozenset[str]
    m: frozenset[str]
    anatomic: frozenset[str]
    disagreement_anatomic: frozenset[str]  # anatomic groups where a lower prognostic stage is a real split
    after_surgery_late_t: frozenset[str]
    after_surgery_late_n: frozenset[str]
    source: str


@dataclass(frozen=True, slots=True)
class FactWords:
    """A fact the rules may need, in clinical words, and why it matters (guidance.yaml ``facts``)."""

    label: str  # the fact's clinical name
    matters: str
    obtained_from: str = ""  # how the fact is obtained, shown after the name ("..., from ...")

    @property
    def full_label(self) -> str:
        return f"{self.label}, from {self.obtained_from}" if self.obtained_from else self.label


@dataclass(frozen=True, slots=True)
class RedFlagRule:
    id: str
    finding: str
    all: frozenset[str]
    unless: frozenset[str]
    site: str
    urgent: bool
    suggested: tuple[str, ...]  # procedure ids, best first
    why: str
    source: str
    as_dict: dict[str, Any] = field(compare=False, hash=False)  # the output entry (read-only)


@dataclass(frozen=True, slots=True)
class LabThresholds:
    alp_mild_max_x_uln: float
    liver_test_abnormal_x_uln: float
    tumor_marker_raised_x_uln: float


@dataclass(frozen=True, slots=True)
class GuidanceItem:
    id: str
    kind: str  # consideration | next_step | pitfall
    when: tuple[tuple[str, frozenset[str]], ...]
    unless: tuple[tuple[str, frozenset[str]], ...]
    as_dict: dict[str, Any] = field(compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class Pama:
    version: str
    rating_system: str
    extensions: dict[str, str]  # rating | qcdsm_consulted | consult_id | auc_applied -> URL
    auc_url: str
    category_to_rating: dict[str, str]
    no_criteria: str
    override_reason_system: str
    override_reasons: tuple[tuple[str, str], ...]  # (code, display)


@dataclass(frozen=True, slots=True)
class Knowledge:
    version: str  # the knowledge_version string every decision carries
    topic_id: str
    topic_title: str
    topic_version: str
    topic_source: str
    procedures: dict[str, Procedure]
    # normalised order text (name, synonym or CPT) -> procedure id
    lookup: dict[str, str]
    variants: tuple[Variant[Rating], ...]
    staging: StagingTables
    symptoms: dict[str, str]
    lab_names: dict[str, str]
    tumor_marker_names: dict[str, str]
    thresholds: LabThresholds
    red_flag_rules: tuple[RedFlagRule, ...]
    guidance: tuple[GuidanceItem, ...]
    guidance_index: Any  # rightscan.domain.guidance.GuidanceIndex over ``guidance``
    background_msv_per_year: float
    pama: Pama
    vocabulary: OrderVocabulary
    code_index: dict[frozenset[str], str]  # set of codes (CPT/HCPCS/LOINC) -> procedure id
    equivalences: dict[str, EquivalenceRule]  # ordered study id -> rule
    early_pathway: EarlyPathway | None = None
    words: TopicWords | None = None  # the topic's URL, citations and sentences (always set by the loader)
    fact_words: dict[str, FactWords] = field(default_factory=dict)
    # studies the locoregional-staging consideration names as due, and the reason shown with them
    locoregional_due: tuple[tuple[str, ...], str] = ((), "")
    # sentence shown when a variant rates a study that RightScan suggests for a red flag below
    # "Usually Appropriate" (red_flags.yaml ``rating_context``); placeholders in braces
    red_flag_rating_context: str = ""
    # radiology LOINC code -> LOINC name (rightscan.adapters.loinc_table.LoincTable, read on first use);
    # the order resolver reads the name as it reads order text. None: codes are read from the catalogue only.
    loinc_names: Any = field(default=None, compare=False, hash=False, repr=False)
    # the topic's rating scale (best category first) and the ACR relative radiation levels (acr topic file
    # ``rating_scale``, ``rrl_scale``), for legends shown next to ratings
    rating_scale: tuple[RatingBand, ...] = ()
    rrl_scale: tuple[RadiationBand, ...] = ()
    sources: tuple[ListedSource, ...] = ()  # the sources page, in order (manifest.yaml ``sources``)
    # Topics served from folders of knowledge (rightscan.domain.topic.Topic by id; see adapters.topic_files)
    topics: dict[str, Any] = field(default_factory=dict)
    # Results of pure scenario-level sub-decisions, keyed by their (small, discrete) inputs.
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def remember(self, key: Any, build: Any) -> Any:
        """``build()`` once per key. Only for pure functions of the key; shared results are read-only."""
        try:
            return self.memo[key]
        except KeyError:
            if len(self.memo) >= 50_000:
                self.memo.clear()
            value = self.memo[key] = build()
            return value

    @property
    def topic(self) -> TopicWords:
        """The topic's words (the loader always sets them)."""
        assert self.words is not None
        return self.words

    @property
    def staging_citations(self) -> StagingCitations:
        assert self.staging.citations is not None
        return self.staging.citations

    def variant(self, number: int) -> Variant[Rating]:
        return self.variants[number - 1]
