"""The `rightscan evaluate` contract, end to end through the installed command."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, patient

EXAMPLE = ROOT / "examples" / "reference_patient.json"
RIGHTSCAN = shutil.which("rightscan", path=str(Path(sys.executable).parent)) or "rightscan"


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([RIGHTSCAN, *args], input=stdin, capture_output=True, text=True, timeout=60)


def test_text_is_the_default_and_reads_like_a_clinical_answer() -> None:
    r = cli("evaluate", str(EXAMPLE))
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "not recommended" in out and "clinical stage IA" in out
    assert "FDG-PET/CT Skull Base to Mid-Thigh" in out and "Usually Not Appropriate" in out
    assert "axillary ultrasound" in out
    assert "How this was decided" in out
    assert "Traceback" not in out + r.stderr


def test_json_format_follows_the_contract() -> None:
    r = cli("evaluate", str(EXAMPLE), "--format", "json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    for key in (
        "knowledge_version",
        "stage",
        "systemic_imaging",
        "assessments",
        "order",
        "red_flags",
        "insufficient_data",
        "considerations",
        "next_steps",
        "pitfalls",
        "explanation",
    ):
        assert key in d
    assert d["stage"] == {**d["stage"], "anatomic": "IA", "clinical_prognostic": "IA", "edition": "AJCC 8"}
    assert d["systemic_imaging"] == "not_recommended"
    assert d["order"]["category"] == "Usually Not Appropriate" and d["order"]["variant"] == 2
    assert d["assessments"][1]["procedures"][0].keys() >= {"procedure", "category", "rrl", "adult_dose_msv"}


def test_markdown_format() -> None:
    r = cli("evaluate", str(EXAMPLE), "--format", "markdown")
    assert r.returncode == 0
    assert r.stdout.startswith("## ") and "| Procedure | Category |" in r.stdout


def test_order_option_rates_another_study(tmp_path: Path) -> None:
    p = tmp_path / "p.json"
    p.write_text(json.dumps(patient(order=None)))
    r = cli("evaluate", str(p), "--order", "bone scan", "--format", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["order"]["procedure"] == "Bone Scan Whole Body"


def test_unknown_order_exits_2_with_close_matches(tmp_path: Path) -> None:
    p = tmp_path / "p.json"
    p.write_text(json.dumps(patient(order=None)))
    r = cli("evaluate", str(p), "--order", "bone scna")
    assert r.returncode == 2
    assert "order:" in r.stderr and "Bone Scan Whole Body" in r.stderr
    assert r.stdout == ""
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        (patient({"size_cm": 40}), "tumor.size_cm"),
        (patient(age=-3), "age"),
        (patient({"t": "T5"}), "tumor.t"),
        (patient(extra=1), "extra"),
    ],
)
def test_invalid_input_exits_2_with_one_line_naming_the_field(tmp_path: Path, payload: dict, field: str) -> None:  # type: ignore[type-arg]
    p = tmp_path / "bad.json"
    p.write_text(json.dumps(payload))
    r = cli("evaluate", str(p))
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"rightscan: {field}:")


def test_missing_file_and_bad_json_exit_2(tmp_path: Path) -> None:
    assert cli("evaluate", str(tmp_path / "nope.json")).returncode == 2
    p = tmp_path / "broken.json"
    p.write_text('{"age": 58,')
    r = cli("evaluate", str(p))
    assert r.returncode == 2 and "invalid JSON" in r.stderr


def test_json_lines_on_stdin_one_object_per_line_in_order_errors_inline() -> None:
    lines = [
        json.dumps(patient()),
        json.dumps(patient({"size_cm": 40})),
        "{not json",
        json.dumps(patient({"size_cm": 6.0, "n": "N2a", "grade": 3, "pr": "negative"})),
        json.dumps(patient(order="bone scna")),
        json.dumps(patient(symptoms=["bone_pain"])),
    ]
    r = cli("evaluate", "-", "--format", "json", stdin="\n".join(lines) + "\n")
    out = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(out) == len(lines)
    assert out[0]["systemic_imaging"] == "not_recommended"
    assert out[1]["error"].startswith("tumor.size_cm") and out[1]["line"] == 2
    assert "invalid JSON" in out[2]["error"]
    assert out[3]["systemic_imaging"] == "recommended"
    assert out[4]["field"] == "order" and "Bone Scan Whole Body" in out[4]["suggestions"]
    assert out[5]["systemic_imaging"] == "targeted"
    assert r.returncode == 2  # some lines were invalid; the rest went on
    assert "3 of 6" in r.stderr


def test_jsonl_file_path_and_order_flag(tmp_path: Path) -> None:
    p = tmp_path / "batch.jsonl"
    p.write_text("\n".join(json.dumps(patient(order=None)) for _ in range(3)) + "\n")
    r = cli("evaluate", str(p), "--order", "CT CAP", "--format", "json")
    assert r.returncode == 0, r.stderr
    out = [json.loads(x) for x in r.stdout.splitlines()]
    assert [o["order"]["procedure"] for o in out] == ["CT chest abdomen pelvis with IV contrast"] * 3


def test_jsonl_text_format_separates_records() -> None:
    r = cli("evaluate", "-", stdin=json.dumps(patient()) + "\n" + json.dumps(patient(age=5)) + "\n")
    assert "=== line 1 ===" in r.stdout and "=== line 2 ===" in r.stdout
    assert "age: must be >= 18" in r.stdout


def test_procedures_and_knowledge_commands() -> None:
    r = cli("procedures", "--format", "json")
    assert r.returncode == 0
    names = {p["name"] for p in json.loads(r.stdout)}
    assert {"US Axilla", "FDG-PET/CT Skull Base to Mid-Thigh", "MRI Spine Without and With IV Contrast"} <= names
    r = cli("knowledge")
    assert r.returncode == 0 and "valid" in r.stdout and "11 variants" in r.stdout


def test_json_lines_writer_bytes_equal_plain_serialisation() -> None:
    import orjson

    from rightscan.adapters.batch import JsonLinesWriter
    from rightscan.api import evaluate

    writer = JsonLinesWriter()
    for payload in (patient(), patient(symptoms=["bone_pain"]), patient({"size_cm": 6.0, "n": "N2a"}), patient()):
        d = evaluate(payload)
        assert writer.dumps(d) == orjson.dumps(d) + b"\n"
    assert writer.dumps({"line": 1, "error": "x", "field": "y"}) == b'{"line":1,"error":"x","field":"y"}\n'
