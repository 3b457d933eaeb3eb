"""`rightscan audit` end to end: the report's content, its self-containment, bad input, and the log audit."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from rightscan.interfaces.cli import main

from .conftest import CLAIMS

ROOT = Path(__file__).resolve().parents[2]
# Any address a browser could fetch: attributes, CSS url(), @import. XML namespace declarations are names.
FETCHABLE = re.compile(
    r"""(?:src|href|action|data)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import""", re.IGNORECASE
)


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, ["audit", *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    result = _run(
        "run", str(CLAIMS), "--format", "claims", "--out", str(out), "--compare-at", "2024-05-01", "--no-progress"
    )
    assert result.exit_code == 0, result.output
    assert "10 of 18 patients imaged" in result.output
    return out


def test_report_files_hold_the_same_numbers(report_dir: Path) -> None:
    import pyarrow.parquet as pq

    data = json.loads((report_dir / "report.json").read_text())
    assert (data["claims_proxy"]["numerator"], data["claims_proxy"]["denominator"]) == (10, 18)
    assert data["definition"]["version"].startswith("low-value-staging@")
    rows = pq.read_table(report_dir / "report.parquet").to_pylist()
    proxy = next(r for r in rows if r["section"] == "claims_proxy")
    assert (proxy["numerator"], proxy["denominator"]) == (10, 18)
    assert abs(proxy["ci_low"] - data["claims_proxy"]["ci_low"]) < 1e-12
    assert {r["group"] for r in rows if r["section"] == "provider"} == {"P1", "P2"}


def test_html_report_is_self_contained_and_carries_the_chart_specs(report_dir: Path) -> None:
    html = (report_dir / "report.html").read_text()
    specs = re.findall(r'<script type="application/vnd.vegalite\+json" id="spec-(\w+)">(.*?)</script>', html, re.S)
    assert {name for name, _ in specs} == {"trend", "funnel_provider", "studies"}
    for _, spec in specs:
        assert "layer" in json.loads(spec)
    assert html.count("<svg") == 3
    assert not FETCHABLE.search(html)
    assert not re.search(r"https?://(?!www\.w3\.org/(?:2000/svg|1999/xlink))", html)
    assert "55.6 %" in html and "33.7 % – 75.4 %" in html  # 10/18 with its Wilson interval
    assert "DuckDB" in html and "low-value-staging@" in html and "C50" in html


def test_the_fetchable_check_itself_catches_an_external_load() -> None:
    assert FETCHABLE.search('<script src="https://cdn.example/vega.js"></script>')
    assert FETCHABLE.search("<style>@import 'x.css'</style>")
    assert not FETCHABLE.search('<svg xmlns="http://www.w3.org/2000/svg">')


def test_bad_input_is_one_line_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("patient_id,code,date\np1,C50.9,2024-01-01\n")
    result = CliRunner().invoke(main, ["audit", "run", str(bad), "--format", "claims", "--out", str(tmp_path)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "bad.csv" in lines[0] and "code_system" in lines[0]
    assert "Traceback" not in result.output


def test_unreadable_date_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "dates.csv"
    bad.write_text("patient_id,code_system,code,date\np1,ICD10CM,C50.9,yesterday\n")
    result = CliRunner().invoke(
        main, ["audit", "run", str(bad), "--format", "claims", "--out", str(tmp_path), "--no-progress"]
    )
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert "dates.csv" in result.output and "date" in result.output.split("dates.csv", 1)[1]


def test_bad_definition_names_the_field(tmp_path: Path) -> None:
    from rightscan.audit.definition import DEFINITION_FILE

    broken = tmp_path / "def.yaml"
    broken.write_text(DEFINITION_FILE.read_text().replace("days_before_index: 30", "days_before_index: -3"))
    result = CliRunner().invoke(main, ["audit", "definition", "--definition", str(broken)])
    assert result.exit_code == 2
    assert "window.days_before_index" in result.output and len(result.output.strip().splitlines()) == 1


def test_definition_command_prints_the_version_and_sources() -> None:
    result = _run("definition")
    assert result.exit_code == 0
    assert "valid" in result.output and "CW2012" in result.output and "78815" in result.output


def test_every_code_list_and_window_names_a_known_source(definition: Any) -> None:
    m = definition.model
    items = [
        m.cohort.incident,
        m.cohort.clean_lookback,
        m.cohort.confirmation,
        m.cohort.stage,
        m.surgery,
        m.window,
        *m.exclusions,
        *m.studies,
    ]
    for item in items:
        assert item.source and set(item.source) <= set(m.sources)


def test_staging_codes_agree_with_the_procedure_catalogue(definition: Any, kb: Any) -> None:
    """Each catalogue CPT of a whole-body or CT/PET/bone study the audit counts is in the audit's lists."""
    counted = {c for s in definition.studies for codes in s.prefixes().values() for c in codes}
    catalogue = {p.id: {c for code in p.cpt for c in code.split("+")} for p in kb.procedures.values()}
    systemic = (
        "bone_scan",
        "pet_ct",
        "pet_ct_whole_body",
        "ct_cap_contrast",
        "ct_cap_wwo",
        "ct_cap_wo",
        "ct_chest_contrast",
        "ct_chest_wo",
        "ct_abdomen_pelvis_contrast",
    )
    not_staging = {"71271"}  # low-dose chest CT: lung cancer screening, deliberately not counted (docs/audit.md)
    for pid in systemic:
        assert catalogue[pid] and catalogue[pid] - not_staging <= counted, pid
    assert not (not_staging & counted) and "77049" not in counted  # lung screening, breast MRI


def test_subprocess_smoke(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "rightscan.interfaces.cli",
            "audit",
            "run",
            str(CLAIMS),
            "--format",
            "claims",
            "--out",
            str(tmp_path),
            "--no-progress",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "report.html").stat().st_size > 10_000
    assert "Traceback" not in proc.stderr


def test_synthetic_generator_is_seeded_and_near_published_rates(tmp_path: Path) -> None:
    from rightscan.audit.synth import generate

    a = generate(tmp_path / "a", patients=1500, seed=7, fmt="claims")
    b = generate(tmp_path / "b", patients=1500, seed=7, fmt="claims")
    assert a == b
    assert (tmp_path / "a" / "claims.parquet").read_bytes() == (tmp_path / "b" / "claims.parquet").read_bytes()
    generate(tmp_path / "o", patients=1500, seed=7, fmt="omop")
    out = tmp_path / "rep"
    result = _run("run", str(tmp_path / "o"), "--format", "omop", "--out", str(out), "--no-progress")
    assert result.exit_code == 0, result.output
    data = json.loads((out / "report.json").read_text())
    early = data["stage_informed"]["rate"]["rate"]
    assert 0.06 <= early <= 0.22  # published 8-20 % for early disease
    assert len(data["by_provider"]) >= 5 and len(data["by_site"]) >= 2


def test_bundled_sample_runs(tmp_path: Path) -> None:
    sample = ROOT / "examples" / "audit" / "omop"
    assert sum(f.stat().st_size for f in sample.iterdir()) < 600_000
    result = _run("run", str(sample), "--format", "omop", "--out", str(tmp_path), "--no-progress")
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "report.json").read_text())["stage_informed"]["available"]


# ------------------------------------------------------------------ decision log
def _log(tmp_path: Path) -> str:
    from datetime import UTC, datetime

    from rightscan.adapters.store.db import DecisionRecord, DecisionStore, FeedbackRecord

    url = f"sqlite:///{tmp_path / 'log.db'}"
    store = DecisionStore(url)
    store.migrate()
    store.start()
    specs = [  # (id, month, category, card indicator, feedback outcome, override code)
        ("d1", 1, "Usually Not Appropriate", "warning", "overridden", "patient-request"),
        ("d2", 1, "Usually Not Appropriate", "warning", "accepted", None),
        ("d3", 2, "Usually Appropriate", "info", None, None),
        ("d4", 2, "Usually Not Appropriate", "warning", None, None),
        ("d5", 2, "Usually Not Appropriate", "warning", "overridden", "patient-request"),
    ]
    futures = []
    for did, month, category, indicator, _outcome, _code in specs:
        rec = DecisionRecord(
            id=did,
            channel="cds-hooks",
            knowledge_version="k",
            input_digest="x" * 64,
            verdict="not_recommended",
            facts={},
            output={},
            ratings=[{"category": category, "pama": "x"}],
            hook_instance=f"h-{did}",
            cards=[{"uuid": f"c-{did}", "order_ref": "o", "indicator": indicator}],
            created_at=datetime(2026, month, 5, tzinfo=UTC),
        )
        futures.append(store.submit_decision(rec))
    for f in futures:
        f.result(timeout=10)
    fb = [
        FeedbackRecord(
            card_uuid=f"c-{did}",
            service_id="rightscan-imaging",
            outcome=outcome,
            outcome_timestamp=f"2026-0{month}-05T10:00:00Z",
            override_code=code,
            override_display="Patient request" if code else None,
        )
        for did, month, _, _, outcome, code in specs
        if outcome
    ]
    store.submit_feedback(fb).result(timeout=10)
    store.close()
    (tmp_path / "context.csv").write_text(
        "hook_instance,orderer,department\nh-d1,dr-a,oncology\nh-d2,dr-b,surgery\nh-d5,dr-a,oncology\n"
    )
    return url


def test_decision_log_audit_counts_warnings_and_overrides(tmp_path: Path) -> None:
    url = _log(tmp_path)
    out = tmp_path / "logrep"
    result = _run("log", "--database", url, "--context", str(tmp_path / "context.csv"), "--out", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads((out / "report.json").read_text())
    t = data["totals"]
    assert (t["consultations"], t["warnings"], t["accepted"], t["overridden"], t["no_feedback"]) == (5, 4, 1, 2, 1)
    assert data["rating_mix"] == {"Usually Not Appropriate": 4, "Usually Appropriate": 1}
    by_orderer = {g["group"]: (g["warnings"], g["overridden"]) for g in data["warnings_by_orderer"]}
    assert by_orderer == {"dr-a": (2, 2), "dr-b": (1, 0), "not recorded": (1, 0)}
    assert [(g["group"], g["warnings"]) for g in data["warnings_by_month"]] == [("2026-01", 2), ("2026-02", 2)]
    assert data["override_reasons"] == [{"code": "patient-request", "display": "Patient request", "n": 2}]
    assert "<svg" in (out / "report.html").read_text()


def test_decision_log_audit_missing_database_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["audit", "log", "--database", f"sqlite:///{tmp_path / 'none.db'}", "--out", str(tmp_path)]
    )
    assert result.exit_code == 2 and "no such decision log" in result.output


def test_missing_optional_dependency_names_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import importlib

    from rightscan.audit import engines

    real = importlib.import_module

    def fake(name: str, *args: Any) -> Any:
        if name.split(".")[0] in ("ibis", "duckdb"):
            raise ImportError(name)
        return real(name, *args)

    monkeypatch.setattr(engines.importlib, "import_module", fake)
    result = CliRunner().invoke(main, ["audit", "run", str(CLAIMS), "--format", "claims", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "rightscan[audit]" in result.output


def test_open_without_a_display_says_so_and_starts_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import webbrowser

    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(webbrowser, "open", lambda *a, **k: pytest.fail("a browser was started"))
    result = _run("run", str(CLAIMS), "--format", "claims", "--out", str(tmp_path), "--no-progress", "--open")
    assert result.exit_code == 0
    assert str(tmp_path / "report.html") in result.output and "no graphical browser" in result.output


@pytest.mark.parametrize("name", ["<!--<script>", "</script><script>alert(1)</script>", "P&amp;<b>"])
def test_a_hostile_provider_name_leaves_every_chart_spec_whole(tmp_path: Path, name: str) -> None:
    # the thirteenth security pass: "<!--<script>" as a provider put an HTML5 parser into the script-data escaped
    # states, and the chart specs after it were read as one script's text
    import tinyhtml5

    claims = tmp_path / "claims.csv"
    claims.write_text(CLAIMS.read_text().replace(",P1,", "," + name.replace('"', "") + ","))
    out = tmp_path / "out"
    result = _run("run", str(claims), "--format", "claims", "--out", str(out), "--no-progress")
    assert result.exit_code == 0, result.output
    tree = tinyhtml5.parse((out / "report.html").read_text())
    scripts = [s for s in tree.iter("{http://www.w3.org/1999/xhtml}script") if s.get("type", "").endswith("json")]
    assert [s.get("id") for s in scripts] == ["spec-trend", "spec-funnel_provider", "spec-studies"]
    specs = [json.loads(s.text) for s in scripts]
    assert name in json.dumps(specs[1], ensure_ascii=False)  # the name is in the data, read back as written
