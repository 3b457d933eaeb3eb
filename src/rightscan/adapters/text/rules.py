"""The extraction rules (files under ``rightscan/knowledge/nlp/``) -> validated, frozen ``Rules``.

``rule_files`` checks each file's shape; the cross-checks here tie the files to each other and to the
core's vocabulary (symptom, lab and marker codes, TNM categories, procedure ids), one small builder per
part of the rule set. Every problem stops loading with ``RulesError`` naming the file and the rule. No
spaCy here: this module is cheap to import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from rightscan.adapters.text.firstchars import guarded, two_char_starts
from rightscan.adapters.text.phrases import MAX_EXPANSIONS, expand_phrase, substitute, word_patterns
from rightscan.adapters.text.rule_files import (
    FIELD_PREFIXES,
    PARSER_GROUPS,
    RULES_DIR,
    SCALAR_FIELDS,
    STRENGTH_RANK,
    ContextFile,
    ContextRulesFile,
    FieldsFile,
    ManifestFile,
    RulesError,
    TargetsFile,
    ValuesFile,
    read,
)
from rightscan.adapters.text.ruleset import FieldRule, Modifier, Policy, Rules, Section, TargetRule, ValueRule
from rightscan.domain.vocabulary import (
    HER2_VALUES,
    HISTOLOGIES,
    PATIENT_PREFERENCES,
    PRIOR_SURGERY,
    RECEPTOR_VALUES,
    SETTINGS,
    SEXES,
)

__all__ = [
    "MAX_EXPANSIONS", "RULES_DIR", "STRENGTH_RANK", "FieldRule", "Modifier", "Policy", "Rules", "RulesError",
    "Section", "TargetRule", "ValueRule", "expand_phrase", "load_rules",
]  # fmt: skip

# ------------------------------------------------------------------ loading
FILE_KEYS = ("context", "context_rules", "targets", "values", "fields")
PARSER_FRAGMENTS = (
    "ER",
    "PR",
    "HER2",
    "HR",
    "ALP",
    "AST",
    "ALT",
    "BILI",
    "LFT",
    "TRANSAM",
    "PANEL_NAME",
    "HIGH_FLAG",
    "NOT_HIGH_FLAG",
    "COLUMN_CELL",
    "COLUMN_RANGE",
    "COLUMN_VALUE",
    "HEADER_DATE",
    "HEADER_WORD",
    "HEADER_COLUMN",
    "HEADER_CURRENT",
    "HEADER_PRIOR",
    "HEADER_RANGE",  # round 56n
)  # names the parsers read


@dataclass(frozen=True, slots=True)
class _Files:
    """The parsed files and the names they were read under (for messages)."""

    names: Mapping[str, str]
    ctx: ContextFile
    cues: ContextRulesFile
    tgt: TargetsFile
    val: ValuesFile
    fld: FieldsFile


def _read_files(base: Path) -> tuple[ManifestFile, _Files]:
    manifest: ManifestFile = read(base / "manifest.yaml", ManifestFile)
    missing = set(FILE_KEYS) - set(manifest.files)
    if missing:
        raise RulesError(f"manifest.yaml: files must name {', '.join(sorted(missing))}")
    names = dict(manifest.files)
    files = _Files(
        names=names,
        ctx=read(base / names["context"], ContextFile),
        cues=read(base / names["context_rules"], ContextRulesFile),
        tgt=read(base / names["targets"], TargetsFile),
        val=read(base / names["values"], ValuesFile),
        fld=read(base / names["fields"], FieldsFile),
    )
    return manifest, files


def context_rules_path(directory: str | None = None) -> Path:
    """The medspaCy ConTextRule JSON of a rule set (``ConTextRule.from_json`` reads it)."""
    base = Path(directory) if directory else RULES_DIR
    manifest: ManifestFile = read(base / "manifest.yaml", ManifestFile)
    return base / manifest.files["context_rules"]


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
        "m": kb.staging.m_categories,
        "procedures": frozenset(kb.procedures),
    }


# field -> the values a rule may give it (a vocabulary key names one of the core's lists)
_FIXED_VALUES: Mapping[str, Iterable[Any] | str] = {
    "symptoms": "symptoms",
    "setting": SETTINGS,
    "prior_surgery": PRIOR_SURGERY,
    "tumor.histology": HISTOLOGIES,
    "tumor.er": RECEPTOR_VALUES,
    "tumor.pr": RECEPTOR_VALUES,
    "tumor.her2": HER2_VALUES,
    "tumor.n": "n",
    "tumor.t": "t",
    "tumor.m": "m",
    "tumor.inflammatory": (True,),
    "patient_preference": PATIENT_PREFERENCES,
    "sex": SEXES,
}


def _check_value(fieldname: str, value: Any, vocab: Mapping[str, Any], where: str) -> None:
    allowed = _FIXED_VALUES.get(fieldname)
    if allowed is None:
        raise RulesError(f"{where}: field {fieldname!r} cannot take a fixed value")
    values = tuple(vocab[allowed]) if isinstance(allowed, str) else tuple(allowed)
    if value not in values:
        raise RulesError(f"{where}: {value!r} is not a valid {fieldname} (allowed: {', '.join(map(str, values))})")


def _check_field(name: str, where: str) -> None:
    if name not in SCALAR_FIELDS and not name.startswith(FIELD_PREFIXES):
        raise RulesError(f"{where}: unknown field {name!r}")


def _expand_all(phrases: Iterable[str], where: str) -> tuple[str, ...]:
    out: list[str] = []
    for p in phrases:
        try:
            out.extend(expand_phrase(p))
        except ValueError as exc:
            raise RulesError(f"{where}: {exc}") from None
    return tuple(dict.fromkeys(out))


def _modifiers(files: _Files) -> tuple[Modifier, ...]:
    """The ConText cues of the medspaCy JSON, checked against the categories of the context file."""
    where = files.names["context_rules"]
    known = set(files.ctx.categories)
    seen: set[str] = set()
    out = []
    for i, rule in enumerate(files.cues.context_rules):
        if rule.category not in known:
            raise RulesError(f"{where}: context_rules[{i}]: category {rule.category!r} is not listed in context.yaml")
        # medspaCy keeps one rule per literal: the same words under two rules (two directions or two
        # categories) would act under whichever rule wins, so a literal may be listed once only.
        if rule.pattern is None:
            if rule.literal in seen:
                raise RulesError(f"{where}: the cue {rule.literal!r} ({rule.direction}) is listed twice")
            seen.add(rule.literal)
        pattern = tuple(rule.pattern) if rule.pattern is not None else None
        out.append(Modifier(rule.category, rule.direction, rule.literal, pattern, rule.max_scope))
    return tuple(out)


def _sections(files: _Files) -> tuple[Section, ...]:
    fc = files.names["context"]
    return tuple(
        Section(
            s.category,
            frozenset(s.implies),
            s.scope,
            _expand_all(s.titles, f"{fc}: section {s.category}"),
            frozenset(s.spares),
            tuple((fam, frozenset(e)) for fam, e in s.gives_way.items()),
        )
        for s in files.ctx.sections.rules
    )


def _check_families(files: _Files) -> frozenset[str]:
    fc = files.names["context"]
    families = frozenset(files.ctx.families)
    spared = (fam for s in files.ctx.sections.rules for fam in (*s.spares, *s.gives_way))
    described = files.ctx.doubt_description.families  # round 37
    joined = (*files.ctx.coordination.families, *files.ctx.lists.families)
    for fam in (*files.ctx.not_shielding, *joined, *spared, *described):
        if fam not in families:
            raise RulesError(f"{fc}: {fam!r} is not a family with a policy")
    if "procedure" not in families:
        raise RulesError(f"{fc}: families must define `procedure` (catalogue studies)")
    return families


# the fields of a target rule that the engine takes as the file gives them
_AS_WRITTEN = {"field", "value", "negated_value", "unparsed", "note"}


def _rule(r: Any) -> dict[str, Any]:
    """The fields every rule carries (``ruleset.Rule``), from its entry in a rules file."""
    return {
        "id": r.id,
        "family": r.family,
        "strength": r.strength,
        "unless_setting": frozenset(r.unless_setting),
        "unless_facts": tuple(r.unless_facts),
    }


def _target(r: Any, families: frozenset[str], vocab: Mapping[str, Any], where: str, fc: str) -> TargetRule:
    if r.family not in families:
        raise RulesError(f"{where}: family {r.family!r} has no policy in {fc}")
    if r.field is not None:
        _check_field(r.field, where)
        for v in (r.value, r.negated_value):
            if v is not None:
                _check_value(r.field, v, vocab, where)
    if r.uncertain_value is not None:
        _check_field(r.uncertain_value.field, where)
        _check_value(r.uncertain_value.field, r.uncertain_value.value, vocab, where)
    for f in r.only_if_uncertain:
        _check_field(f, where)
    for v in r.confirm_values:
        if r.field.startswith("labs."):  # a result: {value, uln}, both positive numbers
            if not (isinstance(v, dict) and set(v) == {"value", "uln"} and all(
                    isinstance(x, int | float) and x > 0 for x in v.values())):  # fmt: skip
                raise RulesError(f"{where}: a confirm value of {r.field} is {{value: v, uln: u}}, both > 0")
        else:
            _check_value(r.field, v, vocab, where)
    return TargetRule(
        **_rule(r),
        **r.model_dump(include=_AS_WRITTEN),
        uncertain_value=(r.uncertain_value.field, r.uncertain_value.value) if r.uncertain_value else None,
        only_if_uncertain=tuple(r.only_if_uncertain),
        phrases=_expand_all(r.phrases, where),
        confirm_values=tuple(r.confirm_values),
    )


def _targets(files: _Files, families: frozenset[str], vocab: Mapping[str, Any]) -> tuple[TargetRule, ...]:
    ft, fc = files.names["targets"], files.names["context"]
    targets = tuple(_target(r, families, vocab, f"{ft}: {r.id}", fc) for r in files.tgt.rules)
    seen_phrase: dict[str, str] = {}
    for t in targets:
        for p in t.phrases:
            other = seen_phrase.setdefault(p, t.id)
            if other != t.id:
                raise RulesError(f"{ft}: {t.id}: the phrase {p!r} is also a phrase of {other}")
    if len({t.id for t in targets}) != len(targets):
        raise RulesError(f"{ft}: rule ids must be unique")
    return targets


def _procedure_phrases(files: _Files, vocab: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    ft = files.names["targets"]
    out: dict[str, tuple[str, ...]] = {}
    for pid, plist in files.tgt.procedures.extra_phrases.items():
        if pid not in vocab["procedures"]:
            raise RulesError(f"{ft}: procedures.extra_phrases: unknown procedure id {pid!r}")
        out[pid] = _expand_all(plist, f"{ft}: procedures.extra_phrases.{pid}")
    return out


def _check_value_settings(r: Any, vocab: Mapping[str, Any], where: str) -> None:
    """What each parser needs in a rule's ``set``."""
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
    if r.parser in ("weight_pair",) and r.set != {"symptoms": "weight_loss"}:
        raise RulesError(f"{where}: a weight_pair rule sets symptoms: weight_loss")
    if r.parser == "lab_normal" and r.set.get("status", "normal") not in ("normal", "raised"):
        raise RulesError(f"{where}: `set.status` must be normal or raised")
    if r.parser == "lab_columns" and not (
        (set(r.set) == {"lab"} and r.set["lab"] in vocab["labs"])
        or (set(r.set) == {"marker"} and r.set["marker"] in vocab["markers"])
    ):
        raise RulesError(f"{where}: a lab_columns rule sets one `lab` or one `marker` of the vocabulary")
    if r.parser == "marker" and r.set.get("marker") not in vocab["markers"]:
        raise RulesError(f"{where}: `set.marker` must be one of {', '.join(sorted(vocab['markers']))}")


def _values(files: _Files, families: frozenset[str], vocab: Mapping[str, Any]) -> tuple[ValueRule, ...]:
    fv, fc = files.names["values"], files.names["context"]
    fragments = dict(files.val.fragments)
    out = []
    for r in files.val.rules:
        where = f"{fv}: {r.id}"
        if r.family not in families:
            raise RulesError(f"{where}: family {r.family!r} has no policy in {fc}")
        try:
            regex = guarded(re.compile(substitute(r.pattern, fragments, where), 0 if r.case_sensitive else re.I))
        except re.error as exc:
            raise RulesError(f"{where}: pattern does not compile: {exc}") from None
        for need in PARSER_GROUPS[r.parser]:
            if not set(regex.groupindex) & set(need):
                raise RulesError(f"{where}: parser {r.parser!r} needs a named group {' or '.join(need)}")
        _check_value_settings(r, vocab, where)
        out.append(
            ValueRule(
                **_rule(r),
                group=r.group,
                parser=r.parser,
                regex=regex,
                set=MappingProxyType(dict(r.set)),
                reject_before=word_patterns(r.reject_before),
                reject_before_phrase=word_patterns(r.reject_before_phrase),
                reject_after=word_patterns(r.reject_after),
                window=r.window,
                window_after=r.window_after or r.window,
                describes_after=word_patterns(r.describes_after),
                starts=two_char_starts(regex),
                unparsed=r.unparsed,
            )
        )
    return tuple(out)


def _name_patterns(files: _Files) -> dict[str, re.Pattern[str]]:
    fv = files.names["values"]
    fragments = files.val.fragments
    out = {}
    for name in PARSER_FRAGMENTS:
        if name not in fragments:
            raise RulesError(f"{fv}: fragments must define {name} (the parsers read it)")
        out[name] = re.compile(substitute(fragments[name], fragments, f"{fv}: {name}"), re.IGNORECASE)
    return out


def _receptor_words(files: _Files) -> dict[str, Mapping[str, str]]:
    fv = files.names["values"]
    out: dict[str, Mapping[str, str]] = {}
    for kind, table in files.val.receptor_words.items():
        words: dict[str, str] = {}
        for status, wordlist in table.items():
            for w in wordlist:
                if w.lower() in words:
                    raise RulesError(f"{fv}: receptor_words.{kind}: {w!r} is listed under two statuses")
                words[w.lower()] = status
        out[kind] = MappingProxyType(words)
    return out


def _sex_words(files: _Files) -> dict[str, str]:
    """values.yaml ``sex_words``: each word (lower case) and the sex it states; a word in both lists is an error."""
    words: dict[str, str] = {}
    for sex, wordlist in files.val.sex_words.items():
        for w in wordlist:
            if words.setdefault(w.lower(), sex) != sex:
                raise RulesError(f"{files.names['values']}: sex_words: {w!r} is listed under both sexes")
    return words


def _fields(files: _Files) -> dict[str, FieldRule]:
    ff = files.names["fields"]
    fields: dict[str, FieldRule] = {}
    for name, spec in files.fld.fields.items():
        _check_field(name if name not in ("labs", "tumor_markers") else name + ".x", f"{ff}: {name}")
        fields[name] = FieldRule(
            resolve=spec.resolve,
            resolve_derived=spec.resolve_derived,
            order=tuple(spec.order),
            tiers=tuple(tuple(t) for t in spec.tiers),
            combine=tuple((frozenset(c.all), c.gives) for c in spec.combine),
            tolerance=spec.tolerance,
            refines={k: frozenset(v) for k, v in spec.refines.items()},
        )
    for needed in (*SCALAR_FIELDS, "labs", "tumor_markers"):
        if needed not in fields:
            raise RulesError(f"{ff}: fields must say how to resolve {needed}")
    for name in files.fld.confirm_when_uncertain:
        if name not in fields:
            raise RulesError(f"{ff}: confirm_when_uncertain: {name!r} is not a field")
    return fields


def _policies(ctx: ContextFile) -> dict[str, Policy]:
    return {
        name: Policy(
            tuple(p.ignore),
            tuple(p.to_unparsed),
            tuple(p.require_one_of),
            tuple(p.at_note_start),
            tuple(p.alone_in_sentence),
            MappingProxyType({k: tuple(v) for k, v in p.overridden_by.items()}),
            MappingProxyType({k: tuple(frozenset(x) for x in v) for k, v in p.implied_by.items()}),
            tuple(p.in_clause),
            tuple(p.report_title),
        )
        for name, p in ctx.families.items()
    }


def _word_groups(groups: Iterable[str]) -> dict[str, frozenset[str]]:
    """Each word of a comma-separated group -> its whole group ("mother, mum, mom")."""
    out: dict[str, frozenset[str]] = {}
    for group in groups:
        words = _lower(w.strip() for w in group.split(",") if w.strip())
        out.update(dict.fromkeys(words, words))
    return out


def _word_pairs(pairs: Iterable[str]) -> dict[str, frozenset[str]]:
    """ "keys: values" lines, both comma-separated -> each key to its values ("son, daughter: mother, father")."""
    out: dict[str, frozenset[str]] = {}
    for pair in pairs:
        keys, _, values = pair.partition(":")
        names = _lower(w.strip() for w in values.split(",") if w.strip())
        for key in _lower(w.strip() for w in keys.split(",") if w.strip()):
            out[key] = names
    return out


def _pointer_codes(rows: Iterable[str]) -> dict[tuple[str, ...], frozenset[str]]:
    """Round 53e: "code, code: pointer, pointer" rows -> each pointer's words to the codes it may name."""
    out: dict[tuple[str, ...], frozenset[str]] = {}
    for row in rows:
        codes, _, pointers = row.partition(":")
        named = frozenset(c.strip() for c in codes.split(",") if c.strip())
        for p in pointers.split(","):
            if p.strip():
                key = tuple(p.lower().split())
                out[key] = out.get(key, frozenset()) | named
    return out


def _lower(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _context_settings(ctx: ContextFile) -> dict[str, Any]:
    """The context file's scalar settings as ``Rules`` fields."""
    return {
        "categories": MappingProxyType(dict(ctx.categories)),
        "terminating_types": MappingProxyType({k: tuple(v) for k, v in ctx.terminating_types.items()}),
        "policies": MappingProxyType(_policies(ctx)),
        "sentence_break_after": frozenset(ctx.sentence_breaks.after),
        "sentence_break_except": _lower(ctx.sentence_breaks.except_after_words),
        "sentence_max_tokens": ctx.sentence_breaks.overlong_tokens,
        "sentence_split_after": frozenset(ctx.sentence_breaks.overlong_split_after),
        "denial_ends_at": frozenset(ctx.sentence_breaks.denial_ends_at),
        "denial_ends_after": frozenset(ctx.sentence_breaks.denial_ends_after),
        "denial_ending_qualifiers": _lower(ctx.sentence_breaks.denial_ending_qualifiers),
        "denial_ends_except_after": _lower(ctx.sentence_breaks.denial_ends_except_after),
        "denial_list_describing_words": _lower(ctx.sentence_breaks.denial_list_describing_words),
        "not_shielding": frozenset(ctx.not_shielding),
        "coordination_families": frozenset(ctx.coordination.families),
        "coordination_connectors": _lower(ctx.coordination.connectors),
        "coordination_proposing": _lower(ctx.coordination.proposing_connectors),
        "coordination_share": frozenset(ctx.coordination.share),
        "coordination_leading": _lower(ctx.coordination.leading_words),
        "list_families": frozenset(ctx.lists.families),
        "list_connectors": _lower(ctx.lists.connectors),
        "list_share": frozenset(ctx.lists.share),
        "list_weak_connectors": _lower(ctx.lists.weak_connectors),
        "list_stop_words": frozenset(
            w
            for phrase in (
                *ctx.lists.stop_words,
                *ctx.red_flag_readings.negation_end_fillers,
                *ctx.red_flag_readings.negation_end_times,
                *ctx.red_flag_readings.negation_end_verbs,
            )
            for w in phrase.lower().split()
        ),
        "carried_possessives": _lower(ctx.carried_family.possessives),
        "carried_pronouns": _lower(ctx.carried_family.pronouns),
        "family_handled_verbs": _lower(ctx.carried_family.handled_verbs),
        "carried_patient_groups": MappingProxyType(_word_groups(ctx.carried_family.patient_groups)),
        "carried_writer_names": MappingProxyType(_word_pairs(ctx.carried_family.writer_names)),
        "carried_anaphors": tuple(" ".join(a.lower().split()) for a in ctx.carried_explanation.anaphors),
        "warning_pointers": tuple(" ".join(a.lower().split()) for a in ctx.carried_explanation.warning_pointers),
        "warning_pointer_passes": frozenset(ctx.carried_explanation.warning_pointer_passes),
        "pointer_codes": MappingProxyType(_pointer_codes(ctx.carried_explanation.pointer_codes)),  # round 53e
        "contrasts": _lower(ctx.carried_explanation.contrasts),
        "explained_status": MappingProxyType(
            {
                "words": tuple(sorted(_lower(ctx.carried_explanation.status_words))),
                "subjects": tuple(sorted(_lower(ctx.carried_explanation.status_subjects))),
                "families": tuple(sorted(ctx.carried_explanation.status_subject_families)),
                "joiners": tuple(sorted(_lower(ctx.carried_explanation.item_joiners))),
                "resolutions": tuple(sorted(_lower(ctx.carried_explanation.treated_resolutions))),
                "lead_words": tuple(sorted(_lower(ctx.carried_explanation.resolution_lead_words))),
                "referents": tuple(sorted(_lower(ctx.carried_explanation.resolution_referents))),  # round 20a
                "firm_hedges": tuple(sorted(_lower(ctx.carried_explanation.firm_hedges))),
                "doubt_modals": tuple(sorted(_lower(ctx.carried_explanation.doubt_modals))),
                "cause_leads": tuple(sorted(_lower(ctx.carried_explanation.cause_leads))),  # round 18b
            }
        ),
        "chronic_baseline": MappingProxyType(ctx.chronic_baseline.model_dump()),
        # round 10b (red_flag_readings.py)
        "red_flag_readings": MappingProxyType(
            {k: tuple(" ".join(w.lower().split()) for w in v) for k, v in ctx.red_flag_readings.model_dump().items()}
        ),
        "require_start_line": ctx.sections.require_start_line,
        "reports": MappingProxyType(ctx.reports.model_dump()),  # round 36r
        "doubt_description": MappingProxyType(ctx.doubt_description.model_dump()),  # round 37
        "study_choice": MappingProxyType(ctx.study_choice.model_dump()),  # round 48o
        "layout": MappingProxyType(
            {k: MappingProxyType(v) if isinstance(v, dict) else tuple(v) for k, v in ctx.layout.model_dump().items()}
        ),
    }


@lru_cache(maxsize=4)
def load_rules(directory: str | None = None) -> Rules:
    """Read, validate and freeze the rule files (cached). ``directory`` tests a candidate rule set."""
    manifest, files = _read_files(Path(directory) if directory else RULES_DIR)
    vocab = _vocabulary()
    families = _check_families(files)
    targets = _targets(files, families, vocab)
    values = _values(files, families, vocab)
    ids = [t.id for t in targets] + [v.id for v in values]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        raise RulesError(f"{files.names['targets']}/{files.names['values']}: rule ids used twice: {', '.join(dup)}")
    versions = {"context": files.ctx.version, "context_rules": files.cues.version, "targets": files.tgt.version}
    versions |= {"values": files.val.version, "fields": files.fld.version}
    return Rules(
        version=manifest.version,
        file_versions=MappingProxyType(versions),
        sections=_sections(files),
        modifiers=_modifiers(files),
        targets=targets,
        procedure_phrases=MappingProxyType(_procedure_phrases(files, vocab)),
        values=values,
        parameters=MappingProxyType(files.val.parameters.model_dump()),
        receptor_words=MappingProxyType(_receptor_words(files)),
        sex_words=MappingProxyType(_sex_words(files)),
        name_patterns=MappingProxyType(_name_patterns(files)),
        fields=MappingProxyType(_fields(files)),
        symptom_codes=vocab["symptoms"],
        confirm_fields=frozenset(files.fld.confirm_when_uncertain),
        **_context_settings(files.ctx),
    )
