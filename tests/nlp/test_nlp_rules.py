"""The extraction rules are data: they load, validate, and broken copies are refused with a clear place."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from nlp_helpers import RULES, python
from rightscan.adapters.text.rules import RulesError, expand_phrase, load_rules


def test_the_installed_rules_are_valid_and_versioned() -> None:
    rules = load_rules()
    assert rules.version.startswith("nlp-")
    assert set(rules.file_versions) == {"context", "context_rules", "targets", "values", "fields"}
    counts = rules.counts()
    assert counts["target_phrases"] > 1000 and counts["value_rules"] > 30 and counts["modifiers"] > 100
    # every symptom code the core accepts has at least one rule
    coded = {t.value for t in rules.targets if t.field == "symptoms" and t.value is not None}  # not the unparsed
    coded |= {v.set["symptoms"] for v in rules.values if "symptoms" in v.set}
    assert coded == set(rules.symptom_codes)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("bone pain", ["bone pain"]),
        ("(bone|bony) pain", ["bone pain", "bony pain"]),
        ("(low|lower)? back pain", ["low back pain", "lower back pain", "back pain"]),
        ("palpable? node", ["palpable node", "node"]),
        ("?", ["?"]),
        ("? (no|none)", ["? no", "? none"]),
        ("invasive carcinoma \\( ductal \\)", ["invasive carcinoma ( ductal )"]),
        ("(Shortness of Breath|SOB)", ["shortness of breath", "sob"]),
    ],
)
def test_phrase_syntax_expands_choices_and_options(phrase: str, expected: list[str]) -> None:
    assert expand_phrase(phrase) == expected


@pytest.mark.parametrize("phrase", ["(bone pain", "(a|)", "( )"])
def test_phrase_syntax_errors_are_refused(phrase: str) -> None:
    with pytest.raises(ValueError):
        expand_phrase(phrase)


def test_loading_rules_does_not_import_spacy() -> None:
    r = python(
        "import sys; from rightscan.adapters.text import load_rules, extract; load_rules(); "
        "print('spacy' in sys.modules, 'medspacy' in sys.modules)"
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["False", "False"]


# ------------------------------------------------------------------ broken copies
def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "nlp"
    shutil.copytree(RULES, target)
    return target


def _edit(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    if path.suffix == ".json":
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _refused(directory: Path, *fragments: str) -> None:
    load_rules.cache_clear()
    try:
        with pytest.raises(RulesError) as info:
            load_rules(str(directory))
    finally:
        load_rules.cache_clear()
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, message


def test_an_unchanged_copy_loads(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    load_rules.cache_clear()
    try:
        assert load_rules(str(copy)).version == load_rules().version
    finally:
        load_rules.cache_clear()


def test_an_unknown_key_is_refused(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    _edit(copy / "targets.yaml", lambda d: d["rules"][0].update({"colour": "red"}))
    _refused(copy, "targets.yaml", "colour")


def test_an_unknown_symptom_code_is_refused(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    _edit(copy / "targets.yaml", lambda d: d["rules"][0].update({"value": "toothache"}))
    _refused(copy, "targets.yaml", "symptom.bone_pain", "toothache")


def test_a_sex_word_under_both_sexes_is_refused(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    _edit(copy / "values.yaml", lambda d: d["sex_words"]["male"].append("Frau"))
    _refused(copy, "values.yaml", "sex_words", "Frau", "both sexes")


def test_a_rule_without_a_family_policy_is_refused(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    _edit(copy / "targets.yaml", lambda d: d["rules"][0].update({"family": "gossip"}))
    _refused(copy, "targets.yaml", "gossip")


def test_the_same_phrase_in_two_rules_is_refused(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    _edit(copy / "targets.yaml", lambda d: d["rules"][1]["phrases"].append("bone pain"))
    _refused(copy, "targets.yaml", "bone pain")


def _rule(data: dict[str, Any], rule_id: str) -> dict[str, Any]:
    """The rule of that id in a loaded knowledge file (found by id: the file's order is no contract)."""
    return next(r for r in data["rules"] if r["id"] == rule_id)


def test_a_regex_that_does_not_compile_is_refused(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    _edit(copy / "values.yaml", lambda d: _rule(d, "size.largest").update({"pattern": "(?P<d1>[0-9"}))
    _refused(copy, "values.yaml", "size.largest", "does not compile")


def test_a_pattern_without_the_groups_its_parser_reads_is_refused(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    _edit(copy / "values.yaml", lambda d: _rule(d, "size.largest").update({"pattern": r"largest (\d+) cm"}))
    _refused(copy, "values.yaml", "size.largest", "d1")


def test_an_unknown_fragment_is_refused(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    _edit(copy / "values.yaml", lambda d: _rule(d, "size.largest").update({"pattern": "{NOPE}(?P<d1>1)(?P<unit>cm)"}))
    _refused(copy, "values.yaml", "NOPE")


def test_an_unknown_context_category_is_refused(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    _edit(copy / "context_rules.json", lambda d: d["context_rules"][0].update({"category": "VIBES"}))
    _refused(copy, "context_rules.json", "VIBES")


def test_an_unknown_effect_in_a_policy_is_refused(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    _edit(copy / "context.yaml", lambda d: d["families"]["symptom"]["ignore"].append("sarcastic"))
    _refused(copy, "context.yaml", "families.symptom.ignore")


def test_a_field_without_a_resolution_is_refused(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    _edit(copy / "fields.yaml", lambda d: d["fields"].pop("tumor.grade"))
    _refused(copy, "fields.yaml", "tumor.grade")


def test_an_unknown_procedure_id_is_refused(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    _edit(copy / "targets.yaml", lambda d: d["procedures"]["extra_phrases"].update({"x_ray_vision": ["xrv"]}))
    _refused(copy, "targets.yaml", "x_ray_vision")


def test_invalid_yaml_is_refused_with_its_line(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    (copy / "fields.yaml").write_text("fields: [unclosed\n", encoding="utf-8")
    _refused(copy, "fields.yaml", "line")


def test_a_cue_listed_under_two_rules_is_refused(tmp_path: Path) -> None:
    # medspaCy keeps one rule per literal: "progressive" as a forward and a backward warning raced, and the
    # losing direction silently dropped the warning from "10 days of progressive headaches"
    copy = _copy(tmp_path)
    extra = {"literal": "progressive", "category": "WARNING", "direction": "BACKWARD", "max_scope": 3}
    _edit(copy / "context_rules.json", lambda d: d["context_rules"].append(extra))
    _refused(copy, "context_rules.json", "'progressive'", "listed twice")


# ------------------------------------------------------------------ the cues in medspaCy's own format
def test_medspacy_loads_the_cue_file_as_the_extractor_reads_it() -> None:
    from medspacy.context import ConTextRule

    from rightscan.adapters.text.rules import context_rules_path

    loaded = ConTextRule.from_json(str(context_rules_path()))
    ours = load_rules().modifiers
    assert [(c.literal, c.category, c.direction, c.max_scope) for c in loaded] == [
        (m.literal, m.category, m.direction, m.max_scope) for m in ours
    ]
    assert [c.pattern for c in loaded if c.pattern is not None] == [list(m.pattern) for m in ours if m.pattern]
    meta = json.loads(context_rules_path().read_text(encoding="utf-8"))
    assert meta["version"].startswith("nlp-context-rules@") and "medspaCy" in meta["source"]


def test_a_cue_key_medspacy_does_not_know_is_refused(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    _edit(copy / "context_rules.json", lambda d: d["context_rules"][0].update({"phrases": ["(a|b)"]}))
    _refused(copy, "context_rules.json", "context_rules.0.phrases")


def test_a_cue_in_capitals_is_refused(tmp_path: Path) -> None:
    # literals are matched in lower case: "Denies" would never match anything
    copy = _copy(tmp_path)
    _edit(copy / "context_rules.json", lambda d: d["context_rules"][0].update({"literal": "Denies"}))
    _refused(copy, "context_rules.json", "lower case")


def test_a_cue_file_without_its_version_is_refused(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    _edit(copy / "context_rules.json", lambda d: d.pop("version"))
    _refused(copy, "context_rules.json", "version")
