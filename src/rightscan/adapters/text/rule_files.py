"""The shapes of the extraction rule files (``rightscan/knowledge/nlp/``), checked by pydantic.

One model per file (unknown keys refused), and ``read`` that parses a file into its model or raises
``RulesError`` naming the file and the place. Cross-checks between files live in ``rules``. The
context cues (``context_rules.json``) are in medspaCy's own ConTextRule format: the same file
``medspacy.context.ConTextRule.from_json`` loads, with our metadata (schema, version, source) at the
top level. No spaCy here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model, model_validator

from rightscan.domain.vocabulary import SCALAR_FIELDS as CONTRACT_FIELDS
from rightscan.domain.vocabulary import SETTINGS
from rightscan.package_data import YamlError, read_yaml, resource_path

RULES_DIR = resource_path("knowledge", "nlp")  # a real folder: medspaCy opens context_rules.json by name

Effect = Literal[
    "negated", "uncertain", "historical", "hypothetical", "family", "explained", "question", "proposed",
    "performed", "past", "warning", "purpose", "palpation", "declined", "unread_mark", "refers_back",
    "cut_short",  # round 14v-b (cut_reach.py)
]  # fmt: skip
Strength = Literal["preferred", "explicit", "derived"]
STRENGTH_RANK = {"preferred": 0, "explicit": 1, "derived": 2}
Parser = Literal[
    "size", "tnm", "grade", "receptor", "her2", "constant", "lab", "lab_normal", "marker", "age_sex", "cue", "signs",
    "study", "node_count",
]  # fmt: skip
Direction = Literal["FORWARD", "BACKWARD", "BIDIRECTIONAL", "TERMINATE", "PSEUDO"]
Setting = Literal[SETTINGS]  # type: ignore[valid-type]
# A list a rule file may leave out (empty then): most of its keys are lists of words or phrases, or of
# context effects.
Words = Annotated[list[str], Field(default_factory=list)]
Effects = Annotated[list[Effect], Field(default_factory=list)]

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
    "marker": (("value",),),
    "age_sex": (("age",),),
    "signs": (("er",), ("pr",), ("her2",)),
    "node_count": (("pos",), ("total",)),
    "study": (),  # a study's words: the order resolver reads them (adapters/text/pipeline.py)
    "cue": (),  # no value: the mention only marks what its family means (treatment done, new finding, ...)
}


class RulesError(RuntimeError):
    """The extraction rules are invalid; the message names the file and the rule."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _rule_file(kind: str) -> type[_Strict]:
    """The base of a rule file's model: the two fields every rule file starts with, its schema
    (``rightscan.nlp-<kind>/1``) and its version (``nlp-<kind>@YYYY-MM``, optionally ``.n``)."""
    return create_model(
        f"_{kind}_header",
        __base__=_Strict,
        schema_=(Literal[f"rightscan.nlp-{kind}/1"], Field(alias="schema")),
        version=(str, Field(pattern=rf"^nlp-{kind}@\d{{4}}-\d{{2}}(\.\d+)?$")),
    )


# ------------------------------------------------------------------ context.yaml


class _FamilyPolicy(_Strict):
    ignore: Effects
    to_unparsed: Effects
    require_one_of: Effects
    at_note_start: Effects
    alone_in_sentence: Effects
    overridden_by: dict[Effect, list[Effect]] = Field(default_factory=dict)
    implied_by: dict[Effect, list[list[Effect]]] = Field(default_factory=dict)
    in_clause: Effects


class _SectionSpec(_Strict):
    category: str = Field(pattern=r"^[a-z_]+$")
    implies: Effects
    scope: Literal["section", "sentence"] = "section"
    titles: list[str] = Field(min_length=1)
    spares: list[str] = Field(default_factory=list)  # families the heading's effects do not reach
    # round 21a: family -> the effects of a mention's own words before which the heading's effects give way
    gives_way: dict[str, list[Effect]] = Field(default_factory=dict)


class _Sections(_Strict):
    require_start_line: bool = True
    rules: list[_SectionSpec]


class _SentenceBreaks(_Strict):
    after: Words
    except_after_words: Words
    overlong_tokens: int = Field(default=120, ge=8)
    overlong_split_after: Words
    # round 22s: where a denial's scope ends inside a sentence (components.SentenceBreaks)
    denial_ends_at: Words = Field(default_factory=list)
    denial_ends_after: Words = Field(default_factory=list)
    denial_ending_qualifiers: Words = Field(default_factory=list)
    denial_ends_except_after: Words = Field(default_factory=list)
    denial_list_describing_words: Words = Field(default_factory=list)


class _Coordination(_Strict):
    families: Words
    connectors: Words
    proposing_connectors: Words
    share: Effects
    # round 18g: words that may stand between the connector and the next study ("+ L breast US", "and an isotope bone
    # scan"): its side, an article, a kind
    leading_words: Words = Field(default_factory=list)
    # lists only: a comma and an article ("no bone pain, shortness of breath, a cough or double vision") may carry a
    # denied list on or open a statement ("no fever, a cough for 3 days"): the denial reaches past it as doubt only
    weak_connectors: Words = Field(default_factory=list)
    # lists only: words that show the words between two findings are not other items of the list (a negation, a
    # course, a time); with the red-flag readings' negation_end_* words (a subject, a verb of having, a time word)
    stop_words: Words = Field(default_factory=list)


class _Layout(_Strict):
    checked: list[str] = Field(default_factory=lambda: ["x"])
    unchecked: Words
    round_checked: Words
    underscore_checked: Words
    negative_unless_checked: Words
    yes: list[str] = Field(default_factory=lambda: ["y", "yes"])
    no: list[str] = Field(default_factory=lambda: ["n", "no"])
    column_yes_signs: Words
    column_no_signs: Words
    negative_signs: Words
    positive_signs: Words
    negative_headings: Words
    positive_headings: Words
    vertical_list_stops: Words = Field(default_factory=list)  # round 23: headed_lists.py
    negative_answers: Words  # grid rows (grid_rows.py) and "Item: none"
    unsure_answers: Words
    answer_arrows: Words  # round 13v-b: "Any numbness? -> no"
    leader_chars: Words
    hypothetical_headings: Words  # a heading over a list (form_rows.py)
    # round 9a: hypothetical list headings in other words (hypothetical_lists.py), family rows (family_rows.py),
    # negations misheard by speech recognition (dictation.py)
    hypothetical_heading_actions: Words
    hypothetical_heading_conditions: Words
    not_hypothetical_conditions: Words
    hypothetical_heading_ends: Words
    hypothetical_heading_openers: Words
    questionnaire_headings: Words
    hypothetical_heading_signs: Words
    patient_leads: Words
    family_headings: Words
    family_row_not_relative: Words
    misheard_negations: Words
    # round 10b (scale_rows.py): the answers of a symptom questionnaire's scale, absent and present
    scale_absent: Words
    scale_present: Words
    # round 13v-c (denial_layouts.py): a table's column of denials, and the "Resp: neg cough/SOB" shorthand
    negative_columns: Words
    shorthand_denials: Words
    # round 20c (graded_rows.py): the prefixes of a grade ("grade 0", "G0"), and the severity words absent and present
    grade_prefixes: Words
    grade_absent: Words
    grade_present: Words
    # seventh security pass: the words joining two items before one grade ("bone pain and cough 0/10")
    grade_item_joins: Words = Field(default_factory=list)
    # round 21a (family_rows.py): the patient named only as who told it on a relative's row ("Per pt ...")
    family_row_source: Words = Field(default_factory=list)
    # round 22n (trailing_signs.py): answer words written after an item as its sign ("cough -ve", "back pain ✗")
    trailing_no_words: Words = Field(default_factory=list)
    trailing_yes_words: Words = Field(default_factory=list)
    # round 22e (spoken.py): an unedited dictation's spoken forms, numbers, stages, punctuation and corrections
    spoken_forms: Words = Field(default_factory=list)
    spoken_units: Words = Field(default_factory=list)
    spoken_tens: Words = Field(default_factory=list)
    spoken_zero: Words = Field(default_factory=list)
    spoken_hundred: Words = Field(default_factory=list)
    spoken_point: Words = Field(default_factory=list)
    spoken_number_after: Words = Field(default_factory=list)
    spoken_number_before: Words = Field(default_factory=list)
    spoken_stage_prefixes: Words = Field(default_factory=list)
    spoken_stage_values: Words = Field(default_factory=list)
    spoken_commands: Words = Field(default_factory=list)
    spoken_command_not_after: Words = Field(default_factory=list)
    spoken_corrections: Words = Field(default_factory=list)
    spoken_correction_values: Words = Field(default_factory=list)
    # round 23e (blank_prompts.py): a template's unfilled field printed after an item ("Bone pain: [select]")
    template_blanks: Words = Field(default_factory=list)


class _CarriedFamily(_Strict):
    possessives: Words
    pronouns: Words
    # round 18c: the relations that name the patient in a relative's message, and the writer's relation -> the groups
    # of those by which the writer names the patient ("son: mother, father")
    patient_groups: Words = Field(default_factory=list)
    writer_names: Words = Field(default_factory=list)
    handled_verbs: Words = Field(default_factory=list)  # round 28: a relative as what she lifted or carried


class _CarriedExplanation(_Strict):
    anaphors: Words
    contrasts: Words
    # round 9b (explanations.py): explaining words that speak of a study, a test or a value named between them and
    # the symptom ("back pain, bone scan no change"), the words that name one, and the mention families that do
    status_words: Words
    status_subjects: Words
    status_subject_families: Words
    item_joiners: Words  # round 9b: a cause joined to the symptom as a list item
    treated_resolutions: Words  # round 9b: "... which cleared with amoxicillin"
    resolution_lead_words: Words  # round 9b: "This has now fully resolved."
    firm_hedges: Words  # round 9b: "likely OA" still attributes
    doubt_modals: Words  # round 9b: "hip pain, could be bursitis"
    cause_leads: Words = Field(default_factory=list)  # round 18b: "rib pain after a coughing fit, now resolved"
    resolution_referents: Words = Field(default_factory=list)  # round 20a: "..., pain gone since."


class _BaselineCondition(_Strict):
    """Round 10a: a chronic illness and the symptoms its usual course gives (chronic_baseline.py)."""

    explains: list[str] = Field(min_length=1)  # symptom codes (domain vocabulary)
    words: list[str] = Field(min_length=1)  # its names and abbreviations, read as whole words, case-insensitive
    # its flare-ups settle back to the patient's baseline (heart failure, COPD): an admission's presenting symptom that
    # the note later says resolved to baseline is over, whatever warning the presentation carried
    exacerbations: bool = False


class _ChronicBaseline(_Strict):
    stable_words: Words  # the symptom said unchanged from the patient's usual
    conditions: list[_BaselineCondition] = Field(default_factory=list)
    comment_leads: Words = Field(default_factory=list)  # round 16a: a form row's comment line ("comment: ...")
    comment_pointers: Words = Field(default_factory=list)  # round 28: "-> see comment" on the row


class _RedFlagReadings(_Strict):
    """Round 10b (red_flag_readings.py): whose a red flag is, why it came and how it began."""

    informant_leads: Words
    informant_possessives: Words
    caller_verbs: Words
    caller_about: Words
    relation_names: Words  # each: the words for one person, comma-separated
    attributions: Words
    malignant_causes: Words
    onset_warnings: Words
    mechanical_triggers: Words
    negated_activity_endings: Words
    dating_back: Words
    cause_fillers: Words
    study_reasons: Words  # round 11a: the reason of a study done before
    telling_verbs: Words  # round 11a: a relative telling of the patient
    telling_fillers: Words
    tellers: Words
    trigger_cuts: Words  # round 11a: an onset word after a mechanical trigger
    # round 12a (reported_readings.py): a denied report ("she has never reported bone pain") and a relative of a
    # relative ("her sister said her mother had bone pain")
    report_fillers: Words
    resolution_words: Words  # round 14v-a (resolved_afterwards.py)
    # round 20a (dated_entries.py): a note made of dated entries copied forward
    entry_labels: Words = Field(default_factory=list)
    entry_older_labels: Words = Field(default_factory=list)
    entry_current_marks: Words = Field(default_factory=list)
    entry_carry_on: Words = Field(default_factory=list)
    report_verbs: Words
    report_negations: Words
    report_auxiliaries: Words
    report_limits: Words
    report_continuations: Words
    nested_possessives: Words
    nested_subjects: Words
    patient_pointers: Words
    nested_may_be_patient: Words  # each: "tellers: the names they may give her"
    doubt_leads: Words  # round 12a: "not sure whether this back pain is serious"
    doubt_links: Words
    study_dates: Words  # round 12a: regular expressions of a date on one token
    event_symptoms: Words  # round 13v-b: red flags that are events (a fracture)
    event_times: Words  # round 13v-b: words that only time such an event
    mood_causes: Words  # round 13v-b: low mood and grief as a cause
    mood_explains: Words  # round 13v-b: the red flags they may explain
    assessment_heads: Words  # round 16b: the headings of a clinician's assessment (assessed_cause)
    assessed_causes: Words  # round 16b: "symptom: the acute benign illnesses that give it"
    told_assessment_heads: Words  # round 19b: a conclusion told without a colon ("Told likely viral URI")
    final_heads: Words = Field(default_factory=list)  # round 23f: an admission's diagnoses, read before the history
    long_durations: Words  # round 19b: "unit: least number" of a duration that warns
    told_warning_words: Words  # round 19b: a cough's warning companions (blood, breathlessness)
    habit_causes: Words  # round 16b: a change of habits taken up on purpose (red_flag_readings.mood_cause)
    purpose_words: Words = Field(default_factory=list)  # round 22a: weight lost on purpose, told by an adverb
    denied_cause_joins: Words = Field(default_factory=list)  # round 22a: "no fall or injury" denies both
    # round 23a (lasting_history.py): a "history of" a complaint given a length after it ("h/o back pain x 6 wks")
    lasting_history_cues: Words = Field(default_factory=list)
    lasting_leads: Words = Field(default_factory=list)
    lasting_fillers: Words = Field(default_factory=list)
    lasting_units: Words = Field(default_factory=list)
    lasting_not_after: Words = Field(default_factory=list)
    lasting_past_words: Words = Field(default_factory=list)
    # round 13a (foreign_pronouns.py): a relative, then a pronoun of the relative's sex, not the patient's
    female_relatives: Words
    male_relatives: Words
    female_pronouns: Words
    male_pronouns: Words
    patient_words: Words
    # round 12v (denied_change.py): a denied warning, the change it denies, a denial that limits a symptom
    change_denials: Words
    change_words: Words
    change_subjects: Words
    limiting_tails: Words
    settling_symptoms: Words  # round 12v: a warned presentation since resolved
    procedure_leads: Words  # round 12v: a symptom dated to a procedure
    procedure_fillers: Words
    procedure_names: Words
    # round 14 (safe14): a negation's reach ended by a new present clause, a symptom asked and not answered, a title
    negation_end_joiners: Words
    negation_end_times: Words
    negation_end_fillers: Words
    negation_end_verbs: Words  # round 16 (lead): "denies fever and has a cough"
    negation_end_articles: Words  # "no fever, and a cough for 3 days": to confirm
    verb_negations: Words  # round 15: a negated activity and the symptom given as its cause
    cause_connectives: Words
    exception_openers: Words = Field(default_factory=list)  # round 24: 'Except for X, ROS negative'
    # round 24 (v25 blind, note_language.py): a note written in another language than English
    english_words: Words = Field(default_factory=list)
    other_language_words: Words = Field(default_factory=list)
    other_language_confirm: Words = Field(default_factory=list)
    other_language_min: Words = Field(default_factory=list)  # one number, as a word list (the section's type)
    other_language_line_min: Words = Field(default_factory=list)  # round 26: the same for one line
    correction_words: Words = Field(default_factory=list)  # round 27 (corrections.py): a clinician's correction
    correction_denials: Words = Field(default_factory=list)
    asking_words: Words
    asking_stops: Words
    answered_words: Words
    title_nouns: Words
    # round 18a (relative_tail.py): a symptom told in a relative's story (a relative clause, the relative's disease,
    # the relative's death)
    story_families: Words
    story_relative_pronouns: Words
    story_ends: Words
    story_subjects: Words
    story_returns: Words
    story_comma_links: Words
    story_deaths: Words
    story_death_pronouns: Words
    story_death_leads: Words


class ContextFile(_rule_file("context")):
    categories: dict[str, Effect | None]
    terminating_types: dict[str, list[str]] = Field(default_factory=dict)
    families: dict[str, _FamilyPolicy]
    sentence_breaks: _SentenceBreaks = _SentenceBreaks()
    layout: _Layout = _Layout()
    not_shielding: Words
    coordination: _Coordination = _Coordination()
    lists: _Coordination = _Coordination()  # coordinated findings ("bone pain, headaches or SOB") share a scope
    sections: _Sections
    carried_family: _CarriedFamily = _CarriedFamily()
    carried_explanation: _CarriedExplanation = _CarriedExplanation()
    chronic_baseline: _ChronicBaseline = _ChronicBaseline()  # round 10a (chronic_baseline.py)
    red_flag_readings: _RedFlagReadings = Field(default_factory=lambda: _RedFlagReadings())  # round 10b

    @model_validator(mode="after")
    def _known_categories(self) -> ContextFile:
        known = set(self.categories)
        for cat, others in self.terminating_types.items():
            for c in (cat, *others):
                if c not in known:
                    raise ValueError(f"terminating_types: unknown category {c!r}")
        return self


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
        if self.unparsed is not None and self.parser != "constant":
            raise ValueError("`unparsed` belongs to a `constant` rule")
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
