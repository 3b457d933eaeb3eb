"""The frozen rule objects the extractor reads (built and checked by ``rules.load_rules``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


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
    report_title: tuple[str, ...] = ()  # round 36r: named in a radiology report's title (report_titles.py)


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
    spares: frozenset[str] = frozenset()  # families the heading's effects do not reach (round 16d)
    # round 21a: family -> the effects of a mention's own words before which the heading's effects give way
    gives_way: tuple[tuple[str, frozenset[str]], ...] = ()


@dataclass(frozen=True, slots=True)
class Rule:
    """What every extraction rule carries: its id, family, strength, and the settings or facts that switch it off."""

    id: str
    family: str
    strength: str
    unless_setting: frozenset[str]
    unless_facts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TargetRule(Rule):
    field: str | None
    value: Any
    negated_value: Any
    unparsed: str | None
    note: str | None
    uncertain_value: tuple[str, Any] | None
    only_if_uncertain: tuple[str, ...]
    phrases: tuple[str, ...]  # expanded
    confirm_values: tuple[Any, ...] = ()


@dataclass(frozen=True, slots=True)
class ValueRule(Rule):
    group: str
    parser: str
    regex: re.Pattern[str]
    set: Mapping[str, Any]
    reject_before: tuple[re.Pattern[str], ...]
    reject_before_phrase: tuple[re.Pattern[str], ...]  # landmarks: reject only inside the number's own phrase
    reject_after: tuple[re.Pattern[str], ...]
    window: int
    window_after: int
    describes_after: tuple[re.Pattern[str], ...] = ()  # words after the number about the measured tumour itself
    # the lower-cased first two characters of every possible match (None: not known): the matcher
    # tries the pattern only where one of them stands
    starts: frozenset[str] | None = None
    # round 10a: a reading the words leave open ("DOE, CHF": dyspnoea on exertion, or a name?): the rule's `set`
    # values are not stated but left possible, sent to confirmation with this reason (values._constant)
    unparsed: str | None = None


@dataclass(frozen=True, slots=True)
class FieldRule:
    resolve: str
    resolve_derived: str | None
    order: tuple[Any, ...]
    tiers: tuple[tuple[Any, ...], ...]
    combine: tuple[tuple[frozenset[Any], Any], ...]
    tolerance: float
    refines: Mapping[Any, frozenset[Any]] = field(default_factory=dict)  # a category -> its subcategories


@dataclass(frozen=True, slots=True)
class Rules:
    version: str
    file_versions: Mapping[str, str]
    categories: Mapping[str, str | None]
    terminating_types: Mapping[str, tuple[str, ...]]
    policies: Mapping[str, Policy]
    sentence_break_after: frozenset[str]
    sentence_break_except: frozenset[str]
    sentence_max_tokens: int
    sentence_split_after: frozenset[str]
    denial_ends_at: frozenset[str]  # round 22s
    denial_ends_after: frozenset[str]
    denial_ending_qualifiers: frozenset[str]
    denial_ends_except_after: frozenset[str]
    denial_list_describing_words: frozenset[str]
    not_shielding: frozenset[str]
    coordination_families: frozenset[str]
    coordination_connectors: frozenset[str]
    coordination_proposing: frozenset[str]
    coordination_share: frozenset[str]
    coordination_leading: frozenset[str]
    list_families: frozenset[str]
    list_connectors: frozenset[str]
    list_share: frozenset[str]
    list_weak_connectors: frozenset[str]  # a comma and an article: the chain goes on, a denial reaches on as doubt
    list_stop_words: frozenset[str]  # words that are not other items of a list between two findings
    carried_possessives: frozenset[str]
    carried_pronouns: frozenset[str]
    family_handled_verbs: frozenset[str]  # round 28 (components._Context): "after lifting her grandson"
    # round 18c: relation word -> its group of words naming the same person; writer's relation -> groups' first words
    carried_patient_groups: Mapping[str, frozenset[str]]
    carried_writer_names: Mapping[str, frozenset[str]]
    carried_anaphors: tuple[str, ...]  # words pointing back to the previous sentence's finding ("it", "the pain")
    # round 35a (warning_after.py): a pain named again that carries a warning back, never an explanation, and the
    # families of the history sentences it passes over
    warning_pointers: tuple[str, ...]
    warning_pointer_passes: frozenset[str]
    pointer_codes: Mapping[tuple[str, ...], frozenset[str]]  # round 53e: a pointer naming a kind -> the codes it names
    contrasts: frozenset[str]  # words that turn an explained symptom to a warning about it ("... but it now wakes her")
    require_start_line: bool
    sections: tuple[Section, ...]
    modifiers: tuple[Modifier, ...]
    targets: tuple[TargetRule, ...]
    procedure_phrases: Mapping[str, tuple[str, ...]]  # procedure id -> expanded extra phrases
    values: tuple[ValueRule, ...]
    parameters: Mapping[str, Any]
    receptor_words: Mapping[str, Mapping[str, str]]  # receptor kind -> word -> status
    sex_words: Mapping[str, str]  # word (lower case) -> the sex it states (values.yaml sex_words)
    name_patterns: Mapping[str, re.Pattern[str]]  # fragment name -> compiled, for parsers
    fields: Mapping[str, FieldRule]
    symptom_codes: frozenset[str] = field(default_factory=frozenset)
    confirm_fields: frozenset[str] = field(default_factory=frozenset)
    layout: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # round 9b: carried_explanation's status words, the study words and the families they speak of (explanations.py)
    explained_status: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # round 10a: the stable words and the chronic illnesses that explain a symptom given as usual (chronic_baseline.py)
    chronic_baseline: Mapping[str, Any] = field(default_factory=dict)
    # round 10b: the word lists of red_flag_readings (red_flag_readings.py)
    red_flag_readings: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # round 36r: context.yaml `reports`, what makes a note a radiology report (report_titles.py)
    reports: Mapping[str, Any] = field(default_factory=dict)
    # round 37: context.yaml `doubt_description`, a doubt's reach over a finding's describing words
    doubt_description: Mapping[str, Any] = field(default_factory=dict)
    # round 48o: context.yaml `study_choice`, the words telling which of several studies is considered (study_choice)
    study_choice: Mapping[str, Any] = field(default_factory=dict)

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
