"""Issue 12, item 7: a topic is a folder of knowledge. A tiny, obviously non-clinical topic
("umbrella appropriateness", tests/fixtures/topics/umbrella) is served by the engine, the library API
and the command line, with nothing about it in the engine's code."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REFERENCE, ROOT
from rightscan.adapters.knowledge_files import KnowledgeError, load_knowledge
from rightscan.adapters.topic_files import ENV_TOPICS, TopicError, load_topic, parse_input, with_topics
from rightscan.api import evaluate
from rightscan.domain.knowledge import Knowledge
from rightscan.domain.model import InputError
from rightscan.domain.topic import Topic, features
from rightscan.domain.topic_decision import decide_topic
from rightscan.interfaces.cli import main
from service.conftest import start_server

UMBRELLA = ROOT / "tests" / "fixtures" / "topics" / "umbrella"
UA, MBA, UNA = "Usually Appropriate", "May Be Appropriate", "Usually Not Appropriate"


@pytest.fixture(scope="module")
def topic() -> Topic:
    return load_topic(str(UMBRELLA))


@pytest.fixture(scope="module")
def served(kb: Knowledge) -> Knowledge:
    return with_topics(kb, [str(UMBRELLA)])


def _decide(topic: Topic, order: str | None = None, **values: float) -> dict:  # type: ignore[type-arg]
    return decide_topic(topic, parse_input(topic, {"topic": "umbrella", **values}), order).to_dict()


# ------------------------------------------------------------------ the features function and the matcher
@pytest.mark.parametrize(
    ("rain", "wind", "expected"),
    [
        (0.0, 10, {"rain": "dry", "wind": "calm"}),
        (0.09, 39.9, {"rain": "dry", "wind": "calm"}),
        (0.1, 40, {"rain": "light", "wind": "gale"}),  # lower bounds belong to the band above
        (3.99, 0, {"rain": "light", "wind": "calm"}),
        (4, 120, {"rain": "heavy", "wind": "gale"}),
        (None, None, {"rain": "unknown", "wind": "unknown"}),
    ],
)
def test_the_features_function_reads_the_bands_of_the_topic(
    topic: Topic, rain: float | None, wind: float | None, expected: dict[str, str]
) -> None:
    assert features(topic, {"rain_mm": rain, "wind_kmh": wind}) == expected


@pytest.mark.parametrize(
    ("rain", "wind", "variant", "umbrella"),
    [(0, 10, 1, UNA), (0, 90, 1, UNA), (2, 10, 2, UA), (30, 10, 2, UA), (2, 60, 3, UNA), (30, 60, 3, UNA)],
)
def test_variants_apply_by_their_applies_when_conditions(
    topic: Topic, rain: float, wind: float, variant: int, umbrella: str
) -> None:
    d = _decide(topic, "umbrella", rain_mm=rain, wind_kmh=wind)
    assert [a["variant"] for a in d["assessments"]] == [variant]
    assert d["order"]["variant"] == variant and d["order"]["category"] == umbrella
    assert d["missing"] == [] and d["determined"] is True


def test_a_low_rating_offers_the_better_rated_procedure_of_the_same_variant(topic: Topic) -> None:
    d = _decide(topic, "brolly", rain_mm=5, wind_kmh=80)  # a synonym
    assert d["order"]["procedure_id"] == "umbrella" and d["order"]["category"] == UNA
    assert [(a["procedure_id"], a["category"]) for a in d["order"]["alternatives"]] == [("raincoat", UA)]
    assert _decide(topic, "umbrella", rain_mm=5, wind_kmh=5)["order"]["alternatives"] == []


# ------------------------------------------------------------------ safety before coverage
def test_a_missing_input_that_would_change_the_variant_is_named_and_nothing_is_rated(topic: Topic) -> None:
    d = _decide(topic, "umbrella", rain_mm=5)  # raining: the wind decides between variants 2 and 3
    assert d["determined"] is False
    assert d["order"]["category"] is None and d["assessments"] == []
    assert [m["field"] for m in d["missing"]] == ["wind_kmh"]
    assert "wind speed" in d["summary"] and "insufficient data" in d["summary"]
    assert [x["id"] for x in d["next_steps"]] == ["look_at_the_forecast"]


def test_a_missing_input_that_changes_nothing_is_not_asked_for(topic: Topic) -> None:
    d = _decide(topic, "umbrella", rain_mm=0)  # dry: the wind does not matter
    assert d["determined"] is True and d["missing"] == []
    assert d["order"]["variant"] == 1 and d["order"]["category"] == UNA


def test_with_no_input_every_deciding_input_is_named(topic: Topic) -> None:
    d = _decide(topic, "umbrella")
    assert {m["field"] for m in d["missing"]} == {"rain_mm", "wind_kmh"}
    assert d["order"]["category"] is None


@settings(max_examples=300, deadline=None)
@given(
    rain=st.one_of(st.none(), st.floats(min_value=0, max_value=500)),
    wind=st.one_of(st.none(), st.floats(min_value=0, max_value=300)),
    order=st.sampled_from(["umbrella", "raincoat", "brolly", "mac"]),
)
def test_any_input_gets_the_rating_its_variant_lists_or_names_what_is_missing(
    rain: float | None, wind: float | None, order: str
) -> None:
    topic = load_topic(str(UMBRELLA))
    values = {k: v for k, v in (("rain_mm", rain), ("wind_kmh", wind)) if v is not None}
    d = _decide(topic, order, **values)
    rated = d["order"]
    if d["determined"]:
        assert d["missing"] == [] and len(d["assessments"]) == 1
        variant = topic.variant(d["assessments"][0]["variant"])
        assert all(variant.accepts(name, d["features"][name]) for name, _ in variant.when)
        listed = variant.by_procedure[rated["procedure_id"]]
        assert (rated["category"], rated["median_rating"]) == (listed.category, listed.median_rating)
    else:
        assert rated["category"] is None and d["assessments"] == []
        assert d["missing"] and {m["field"] for m in d["missing"]} <= {"rain_mm", "wind_kmh"} - set(values)


# ------------------------------------------------------------------ guidance by the same matcher
def test_guidance_items_of_the_topic_are_selected_by_its_features_and_the_order(topic: Topic) -> None:
    gale = _decide(topic, "umbrella", rain_mm=10, wind_kmh=90)
    assert [x["id"] for x in gale["pitfalls"]] == ["umbrella_turns_inside_out"]
    assert [x["id"] for x in gale["considerations"]] == ["heavy_rain_soaks_shoes"]
    assert _decide(topic, "raincoat", rain_mm=10, wind_kmh=90)["pitfalls"] == []


# ------------------------------------------------------------------ bad input
@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"rain_mm": 501}, "rain_mm"),
        ({"rain_mm": -1}, "rain_mm"),
        ({"wind_kmh": "strong"}, "wind_kmh"),
        ({"wind_kmh": True}, "wind_kmh"),
        ({"snow_cm": 3}, "{key 2}"),  # an unknown key is the sender's text: named by its position
    ],
)
def test_bad_input_is_refused_naming_the_field(topic: Topic, payload: dict, field: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(InputError) as info:
        parse_input(topic, {"topic": "umbrella", **payload})
    assert info.value.field == field
    assert "strong" not in str(info.value) and "snow" not in str(info.value)  # the input's text is never repeated


def test_an_unknown_order_is_refused_naming_the_order(topic: Topic) -> None:
    with pytest.raises(InputError) as info:
        _decide(topic, "wellington boots", rain_mm=3, wind_kmh=3)
    assert info.value.field == "order"


# ------------------------------------------------------------------ served through the library API
def test_the_library_api_serves_the_topic_and_the_breast_answers_do_not_change(
    kb: Knowledge, served: Knowledge
) -> None:
    d = evaluate({"topic": "umbrella", "rain_mm": 2, "wind_kmh": 5, "order": "raincoat"}, kb=served)
    assert d["topic"] == "umbrella" and d["knowledge_version"] == "umbrella@2026-test"
    assert d["order"]["category"] == MBA and d["order"]["median_rating"] == 6
    assert evaluate(REFERENCE, kb=served) == evaluate(REFERENCE, kb=kb)
    with pytest.raises(InputError) as info:
        evaluate({"topic": "umbrella", "rain_mm": 2}, kb=kb)  # this knowledge does not serve it
    assert info.value.field == "topic"


# ------------------------------------------------------------------ served by the command line
@pytest.fixture
def topics_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(ENV_TOPICS, str(UMBRELLA))
    load_knowledge.cache_clear()
    yield
    load_knowledge.cache_clear()


def test_the_cli_evaluates_a_topic_payload(topics_env: None, tmp_path: Path) -> None:
    path = tmp_path / "walk.json"
    path.write_text(json.dumps({"topic": "umbrella", "rain_mm": 12, "wind_kmh": 70, "order": "brolly"}))
    runner = CliRunner()
    r = runner.invoke(main, ["evaluate", str(path), "--format", "json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["order"]["procedure"] == "Umbrella" and d["order"]["category"] == UNA and d["order"]["variant"] == 3
    text = runner.invoke(main, ["evaluate", str(path), "--order", "raincoat"])
    assert text.exit_code == 0
    assert "Raincoat -> Usually Appropriate (9/9, variant 3)" in text.stdout
    assert "--order" in text.stdout  # the override is said, as for any decision


def test_the_cli_refuses_a_bad_topic_payload_with_exit_2_naming_the_field(topics_env: None, tmp_path: Path) -> None:
    path = tmp_path / "storm.json"
    path.write_text(json.dumps({"topic": "umbrella", "rain_mm": 9000}))
    r = CliRunner().invoke(main, ["evaluate", str(path)])
    assert r.exit_code == 2
    assert "rain_mm" in r.stderr


def test_the_installed_command_serves_the_topic(tmp_path: Path) -> None:
    path = tmp_path / "walk.json"
    path.write_text(json.dumps({"topic": "umbrella", "rain_mm": 0.0, "order": "umbrella"}))
    exe = shutil.which("rightscan", path=str(Path(sys.executable).parent)) or "rightscan"
    env = {**os.environ, ENV_TOPICS: str(UMBRELLA)}
    r = subprocess.run([exe, "evaluate", str(path), "--format", "json"], capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["summary"] == "Umbrella: Usually Not Appropriate (2/9, variant 1)"


# ------------------------------------------------------------------ served by the HTTP API
def test_the_http_api_serves_the_topic_and_refuses_bad_input_with_422(tmp_path: Path) -> None:
    server = start_server(tmp_path, env={ENV_TOPICS: str(UMBRELLA)})
    try:
        with httpx.Client(base_url=server.url, timeout=10) as client:
            ok = client.post("/v1/topics/umbrella/evaluate", json={"rain_mm": 2, "wind_kmh": 80, "order": "umbrella"})
            assert ok.status_code == 200, ok.text
            assert ok.json()["order"]["category"] == UNA and ok.json()["order"]["variant"] == 3
            gap = client.post("/v1/topics/umbrella/evaluate", json={"rain_mm": 2, "order": "umbrella"}).json()
            assert gap["determined"] is False and [m["field"] for m in gap["missing"]] == ["wind_kmh"]
            bad = client.post("/v1/topics/umbrella/evaluate", json={"rain_mm": -4})
            assert bad.status_code == 422 and "rain_mm" in bad.text
            secret = client.post("/v1/topics/umbrella/evaluate", json={"Jane Doe, 1961-02-03": 1})
            assert secret.status_code == 422 and "Jane" not in secret.text  # an unknown key is named by position
            unknown = client.post("/v1/topics/hail/evaluate", json={})
            assert unknown.status_code == 422 and unknown.json()["error"]["field"] == "topic"
            breast = client.post("/v1/evaluate", json=REFERENCE)
            assert breast.status_code == 200 and breast.json()["systemic_imaging"] == "not_recommended"
    finally:
        server.stop()


# ------------------------------------------------------------------ the folder is validated; the engine knows no topic
@pytest.mark.parametrize(
    ("filename", "old", "new", "expect"),
    [
        ("topic.yaml", "applies_when: {rain: [dry]}", "applies_when: {rain: [drizzle]}", "variants.0.applies_when"),
        ("topic.yaml", "applies_when: {rain: [dry]}", "applies_when: {snow: [deep]}", "unknown feature"),
        (
            "topic.yaml",
            "category: Usually Appropriate, median_rating: 9}",
            "category: Usually Appropriate, median_rating: 3}",
            "does not match",
        ),
        ("topic.yaml", "{below: null, value: heavy}", "{below: 50, value: heavy}", "last one open"),
        ("guidance.yaml", "when: {wind: [gale],", "when: {wind: [breeze],", "unknown value"),
        ("procedures.yaml", "synonyms: [mac, rain jacket]", "synonyms: [mac, brolly]", "names both"),
    ],
)
def test_a_broken_topic_folder_is_refused_with_file_and_place(
    tmp_path: Path, filename: str, old: str, new: str, expect: str
) -> None:
    folder = tmp_path / "umbrella"
    shutil.copytree(UMBRELLA, folder)
    text = (folder / filename).read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {filename}"
    (folder / filename).write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(TopicError) as info:
        load_topic(str(folder))
    assert filename in str(info.value) and expect in str(info.value)


def test_a_broken_topic_named_in_the_environment_stops_the_knowledge_load(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(ENV_TOPICS, str(tmp_path / "nowhere"))
    load_knowledge.cache_clear()
    try:
        with pytest.raises(KnowledgeError, match=r"topic\.yaml"):
            load_knowledge()
    finally:
        load_knowledge.cache_clear()


def test_the_engine_code_knows_nothing_of_the_test_topic() -> None:
    words = ('"umbrella"', "'umbrella'", "raincoat", "rain_mm", "wind_kmh", "brolly", "keep_dry")
    for path in (ROOT / "src" / "rightscan").rglob("*.py"):
        text = path.read_text(encoding="utf-8").lower()
        assert not [w for w in words if w in text], path
