"""Loading the knowledge: JSON Schemas for editors, the compiled cache, and the one vocabulary."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from rightscan.adapters import input_json, web_form
from rightscan.adapters.kbfiles import cache
from rightscan.adapters.kbfiles.build import build_knowledge
from rightscan.adapters.kbfiles.jsonschema import generate, modeline, schema_name, stale
from rightscan.adapters.knowledge_files import KNOWLEDGE_DIR, load_knowledge
from rightscan.adapters.text import rules
from rightscan.domain import vocabulary
from rightscan.domain.decision import decide
from rightscan.package_data import read_yaml

SCHEMAS = Path(str(KNOWLEDGE_DIR)) / "schemas"
MANIFEST = read_yaml(KNOWLEDGE_DIR / "manifest.yaml")
FILES = {"manifest": "manifest.yaml", **MANIFEST["files"]}
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "reference_patient.json"


# ------------------------------------------------------------------ JSON Schemas
def test_json_schemas_match_the_models() -> None:
    assert stale(SCHEMAS) == [], "run `make schemas` after changing kbfiles/schemas.py"


@pytest.mark.parametrize(("key", "name"), sorted(FILES.items()))
def test_each_knowledge_file_names_its_schema_and_satisfies_it(key: str, name: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    text = (KNOWLEDGE_DIR / name).read_text(encoding="utf-8")
    assert text.splitlines()[0] == modeline(key)
    schema = generate()[schema_name(key)]
    jsonschema.validate(read_yaml(KNOWLEDGE_DIR / name), json.loads(schema))


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("variants", 0, "procedures", 0, "median_rating"), 10),  # the ACR scale is 1-9
        (("variants", 0, "applies_when", "setting"), "screening"),  # not a setting of the input contract
        (("variants", 0, "procedures", 0, "rrl"), "☢☢☢☢☢☢"),  # no sixth radiation level
        (("variants", 0, "note"), "x"),  # unknown keys are refused, as the loader refuses them
    ],
)
def test_the_topic_schema_refuses_what_the_loader_refuses(path: tuple[object, ...], value: object) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    data = read_yaml(KNOWLEDGE_DIR / FILES["acr_topic"])
    target = data
    for part in path[:-1]:
        target = target[part]  # type: ignore[index]
    target[path[-1]] = value  # type: ignore[index]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json.loads(generate()[schema_name("acr_topic")]))


# ------------------------------------------------------------------ compiled cache
@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("RIGHTSCAN_KNOWLEDGE_CACHE", str(folder))
    return folder


def test_cached_knowledge_decides_like_a_fresh_build(cache_dir: Path) -> None:
    digest = cache.key(KNOWLEDGE_DIR)
    built = build_knowledge(KNOWLEDGE_DIR)
    cache.store(digest, built)
    cached = cache.load(digest)
    assert cached is not None and cached is not built
    assert cached.version == built.version and cached.memo == {}
    payload = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    for order in ("PET/CT", "bone scan", "US axilla", None):
        facts = {**payload, "order": order} if order else {k: v for k, v in payload.items() if k != "order"}
        mine = decide(cached, input_json.load_facts(cached, facts)).to_dict()
        assert mine == decide(built, input_json.load_facts(built, facts)).to_dict()


def test_a_changed_knowledge_file_is_a_new_key(tmp_path: Path) -> None:
    copy = tmp_path / "kb"
    shutil.copytree(str(KNOWLEDGE_DIR), copy)
    before = cache.key(copy)
    assert cache.key(copy) == before != cache.key(KNOWLEDGE_DIR)  # stable; another folder is another key
    pama = copy / "pama.yaml"
    pama.write_text(pama.read_text(encoding="utf-8").replace("pama@2026-11", "pama@2026-12"), encoding="utf-8")
    assert cache.key(copy) != before


@pytest.mark.parametrize("module", [("domain", "rating.py"), *cache.MODULES])
def test_a_changed_loader_or_domain_module_is_a_new_key(
    module: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the word tables and loaders shape the built object as much as the files do: editing one must
    # never let a stale pickle through
    real = cache.resource
    before = cache.key(KNOWLEDGE_DIR)

    class Edited:
        def __init__(self, inner: Any) -> None:
            self.inner = inner

        def read_bytes(self) -> bytes:
            return self.inner.read_bytes() + b"\n# edited\n"

        def __getattr__(self, name: str) -> Any:
            return getattr(self.inner, name)

    def patched(*parts: str) -> Any:
        if parts == module:
            return Edited(real(*parts))
        if parts == module[:-1]:  # a package folder: hand back the edited file inside it
            folder = real(*parts)

            class Folder:
                def iterdir(self) -> Any:
                    return [Edited(e) if e.name == module[-1] else e for e in folder.iterdir()]

            return Folder()
        return real(*parts)

    monkeypatch.setattr(cache, "resource", patched)
    assert cache.key(KNOWLEDGE_DIR) != before


def test_a_cache_file_others_may_write_is_not_read(cache_dir: Path) -> None:
    digest = cache.key(KNOWLEDGE_DIR)
    cache.store(digest, build_knowledge(KNOWLEDGE_DIR))
    (entry,) = cache_dir.glob("knowledge-*.pickle")
    assert entry.stat().st_mode & 0o077 == 0
    assert cache.load(digest) is not None
    os.chmod(entry, 0o666)
    assert cache.load(digest) is None


def test_a_broken_cache_file_is_rebuilt_not_fatal(cache_dir: Path) -> None:
    digest = cache.key(KNOWLEDGE_DIR)
    cache_dir.mkdir()
    broken = cache_dir / f"knowledge-{digest}.pickle"
    broken.write_bytes(b"not a pickle")
    os.chmod(broken, 0o600)
    assert cache.load(digest) is None
    load_knowledge.cache_clear()
    try:
        assert len(load_knowledge().variants) == 11
    finally:
        load_knowledge.cache_clear()
    assert cache.load(digest) is not None  # the rebuild replaced the broken file


def test_knowledge_that_cannot_be_pickled_is_simply_not_cached(cache_dir: Path) -> None:
    import threading
    from dataclasses import replace

    digest = cache.key(KNOWLEDGE_DIR)
    cache.store(digest, replace(build_knowledge(KNOWLEDGE_DIR), loinc_names=threading.Lock()))
    assert cache.load(digest) is None
    assert not list(cache_dir.glob("*knowledge-*"))  # no half-written file left behind


def test_the_loinc_table_is_attached_after_the_cache(cache_dir: Path) -> None:
    load_knowledge.cache_clear()
    try:
        first = load_knowledge()
        load_knowledge.cache_clear()
        second = load_knowledge()  # from the cache
    finally:
        load_knowledge.cache_clear()
    assert first is not second and first.version == second.version
    assert second.loinc_names is not None and len(second.loinc_names) == len(first.loinc_names) > 1000


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RIGHTSCAN_KNOWLEDGE_CACHE", "off")
    assert cache.directory() is None
    cache.store(cache.key(KNOWLEDGE_DIR), build_knowledge(KNOWLEDGE_DIR))
    assert cache.load(cache.key(KNOWLEDGE_DIR)) is None


# ------------------------------------------------------------------ one vocabulary
def test_the_input_model_has_the_vocabulary_fields_in_order() -> None:
    assert tuple(input_json.PatientInput.model_fields) == vocabulary.TOP_FIELDS
    assert tuple(input_json.TumorInput.model_fields) == vocabulary.TUMOR_FIELDS
    assert tuple(input_json.PathologyInput.model_fields) == vocabulary.PATHOLOGY_FIELDS


def test_the_web_form_labels_every_field_and_reads_numbers_where_the_model_wants_them() -> None:
    assert set(vocabulary.SCALAR_FIELDS) <= set(web_form.LABELS)
    assert sorted(web_form.INTEGER_FIELDS) == ["age", "tumor.grade"]
    assert sorted(web_form.NUMBER_FIELDS) == ["tumor.size_cm"]
    assert sorted(web_form.BOOLEAN_FIELDS) == ["tumor.inflammatory"]


def test_the_note_reader_speaks_of_contract_fields_only() -> None:
    assert set(rules.SCALAR_FIELDS) - {"symptoms"} <= set(vocabulary.SCALAR_FIELDS)


def test_every_stage_group_has_exactly_one_class_in_the_staging_file(kb) -> None:  # type: ignore[no-untyped-def]
    staging = read_yaml(KNOWLEDGE_DIR / FILES["staging"])
    classes = staging["stage_classes"]
    assert set(classes) == set(vocabulary.STAGE_CLASSES)
    listed = [s for stages in classes.values() for s in stages]
    assert sorted(listed, key=vocabulary.STAGES.index) == list(vocabulary.STAGES)
    assert kb.staging.m_categories == tuple(staging["m_categories"])


def test_rating_bands_come_from_the_topic_file(tmp_path: Path) -> None:
    """Moving a cut-off in rating_scale moves what the loader accepts: the bands are not re-coded."""
    from rightscan.adapters.kbfiles import KnowledgeError

    copy = tmp_path / "kb"
    shutil.copytree(str(KNOWLEDGE_DIR), copy)
    topic = copy / FILES["acr_topic"]
    text = topic.read_text(encoding="utf-8")
    old = "  - {from: 7, to: 9, category: Usually Appropriate}\n  - {from: 4, to: 6, category: May Be Appropriate}"
    new = "  - {from: 8, to: 9, category: Usually Appropriate}\n  - {from: 4, to: 7, category: May Be Appropriate}"
    assert old in text
    topic.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"does not match median rating 7 \(rating_scale: 4-7"):
        build_knowledge(copy)
