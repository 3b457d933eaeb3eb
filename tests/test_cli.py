"""The `rightscan evaluate` contract. Run in-process with click's CliRunner (issue 12: fast tests); one
subprocess smoke test per command family goes through the installed command (``installed``)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, patient
from rightscan.interfaces.cli import main

EXAMPLE = ROOT / "examples" / "reference_patient.json"
RIGHTSCAN = shutil.which("rightscan", path=str(Path(sys.executable).parent)) or "rightscan"


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


def cli(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> Ran:
    """``rightscan ARGS`` in this process. An exception other than the command's own exit is re-raised,
    so a crash fails the test instead of passing as a non-zero status."""
    result = CliRunner().invoke(main, list(args), input=stdin, env=env, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Ran(result.exit_code, result.stdout, result.stderr)


def installed(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``rightscan ARGS`` through the installed script, in its own process."""
    return subprocess.run([RIGHTSCAN, *args], input=stdin, capture_output=True, text=True, timeout=120)


def test_text_is_the_default_and_reads_like_a_clinical_answer() -> None:
    r = installed("evaluate", str(EXAMPLE))  # smoke test: the installed command, structured input
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
    # issue 8: typos are read now ("bone scna" used to be refused); a limited bone scan is not the catalogued study
    r = cli("evaluate", str(p), "--order", "NM bone scan limited")
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
        (patient(extra=1), "{key 13}"),  # a key the sender chose: named by its place
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
        json.dumps(patient(order="NM bone scan limited")),
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
    r = installed("procedures", "--format", "json")  # smoke test: the catalogue commands
    assert r.returncode == 0
    names = {p["name"] for p in json.loads(r.stdout)}
    assert {"US Axilla", "FDG-PET/CT Skull Base to Mid-Thigh", "MRI Spine Without and With IV Contrast"} <= names
    r = installed("knowledge")
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


# ---------------------------------------------------------------------------------------------- issue 11
def test_order_option_replaces_the_files_order_and_says_so_in_every_format() -> None:
    r = cli("evaluate", str(EXAMPLE), "--order", "bone scan", "--format", "json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["order"]["procedure"] == "Bone Scan Whole Body"  # the study rated is the one asked for
    assert out["order_override"] == {
        "input_order": "PET/CT",
        "used": "bone scan",
        "note": "--order replaced the order given in the input",
    }
    for fmt in ("text", "markdown"):
        r = cli("evaluate", str(EXAMPLE), "--order", "bone scan", "--format", fmt)
        assert r.returncode == 0, r.stderr
        assert 'Order: --order "bone scan" replaced the input\'s order "PET/CT"' in r.stdout
        assert "Bone Scan Whole Body" in r.stdout and "FDG-PET/CT" not in r.stdout.split("Why")[0]


def test_order_option_drops_the_purpose_given_for_the_replaced_order(tmp_path: Path) -> None:
    p = tmp_path / "p.json"
    p.write_text(json.dumps(patient(order="breast MRI", purpose="locoregional")))
    out = json.loads(cli("evaluate", str(p), "--order", "PET/CT", "--format", "json").stdout)
    assert out["order"]["purpose"] == "distant"  # PET/CT's own purpose, not the MRI's
    assert out["order_override"]["input_purpose"] == "locoregional"


def test_same_order_twice_is_no_override_and_batches_note_each_replaced_line() -> None:
    r = cli("evaluate", str(EXAMPLE), "--order", "PET/CT", "--format", "json")
    assert "order_override" not in json.loads(r.stdout)
    lines = [json.dumps(patient()), json.dumps(patient(order=None)), "{not json"]
    r = cli("evaluate", "-", "--order", "CT CAP", "--format", "json", stdin="\n".join(lines) + "\n")
    out = [json.loads(x) for x in r.stdout.splitlines()]
    assert out[0]["order_override"]["input_order"] == "PET/CT"
    assert "order_override" not in out[1] and out[1]["order"]["procedure"] == out[0]["order"]["procedure"]
    assert "invalid JSON" in out[2]["error"] and r.returncode == 2


@pytest.mark.parametrize(
    "args", [("evaluate", "-"), ("evaluate", "-", "--format", "json"), ("evaluate", "--note", "-")]
)
def test_empty_stdin_is_an_error_not_silence(args: tuple[str, ...]) -> None:
    r = cli(*args, stdin="")
    assert r.returncode == 2
    assert r.stdout == ""
    assert r.stderr.startswith("rightscan: stdin: no input")


@pytest.mark.parametrize("name", ["empty.json", "empty.jsonl", "empty.txt"])
def test_empty_file_is_an_error(tmp_path: Path, name: str) -> None:
    p = tmp_path / name
    p.write_text("\n")
    args = ("evaluate", "--note", str(p)) if name.endswith(".txt") else ("evaluate", str(p))
    r = cli(*args)
    assert r.returncode == 2 and r.stdout == ""
    assert str(p) in r.stderr and ("empty" in r.stderr or "no input" in r.stderr)


def test_shipped_batch_is_varied_and_every_line_is_decided() -> None:
    r = cli("evaluate", str(ROOT / "examples" / "batch.jsonl"), "--format", "json")
    assert r.returncode == 0, r.stderr
    out = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(out) >= 5
    verdicts = {d["systemic_imaging"] for d in out}
    assert {"not_recommended", "recommended", "targeted", "undetermined"} <= verdicts


def test_progress_goes_to_stderr_and_stdout_stays_json() -> None:
    env = {**os.environ, "RIGHTSCAN_PROGRESS": "always"}
    lines = "\n".join(json.dumps(patient()) for _ in range(3)) + "\n"
    r = subprocess.run(
        [RIGHTSCAN, "evaluate", "-", "--format", "json"], input=lines, capture_output=True, text=True, env=env
    )
    assert r.returncode == 0, r.stderr
    assert [json.loads(x)["systemic_imaging"] for x in r.stdout.splitlines()] == ["not_recommended"] * 3
    assert "evaluating" in r.stderr and "3" in r.stderr


def test_serve_and_log_export_keep_the_checkout_clean(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    env.pop("RIGHTSCAN_DATABASE_URL", None)
    r = subprocess.run(
        [RIGHTSCAN, "log", "export", "-o", "-"], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=60
    )
    assert r.returncode == 0, r.stderr
    assert not list(tmp_path.glob("rightscan.db*"))  # nothing in the working directory
    data = tmp_path / "data" / "rightscan"
    assert (data / "rightscan.db").exists()
    assert data.stat().st_mode & 0o777 == 0o700  # the log holds coded patient facts
    assert "INFO" not in r.stderr and "alembic" not in r.stderr.lower()


def test_order_option_replaces_a_study_read_in_a_note_and_says_so() -> None:
    note = ROOT / "examples" / "note_new_diagnosis.txt"
    r = cli("evaluate", "--note", str(note), "--order", "bone scan", "--format", "json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["order"]["procedure"] == "Bone Scan Whole Body"
    read = out["extracted"]["facts"]["order"]  # the evidence still shows what the note asked for
    assert "PET/CT" in read and out["order_override"]["input_order"] == read
    assert out["order_override"]["note"] == "--order replaced the order read in the note"


def test_a_records_own_order_over_a_study_read_in_its_note_is_named_as_such() -> None:
    note = (ROOT / "examples" / "note_new_diagnosis.txt").read_text()
    line = json.dumps({"id": "a", "note": note, "order": "bone scan"})
    out = json.loads(cli("evaluate", "--note", "-", "--format", "json", stdin=line + "\n").stdout)
    assert out["order"]["procedure"] == "Bone Scan Whole Body"
    assert out["order_override"]["note"] == "the record's order replaced the order read in the note"


def test_loading_the_note_reader_shows_a_spinner_on_stderr_only() -> None:
    env = {**os.environ, "RIGHTSCAN_PROGRESS": "always"}
    note = str(ROOT / "examples" / "note_new_diagnosis.txt")
    args = [RIGHTSCAN, "evaluate", "--note", note, "--format", "json"]
    r = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)  # smoke test: notes
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["systemic_imaging"] == "not_recommended"  # stdout is the JSON alone
    assert "loading the clinical note reader" in r.stderr and "done in" in r.stderr
    quiet = cli(*args[1:], env={"RIGHTSCAN_PROGRESS": "never"})  # in-process: the reader is loaded once
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_note_batch_in_text_shows_a_conflict_between_two_facts_without_crashing() -> None:
    # A conflict the core finds between two extracted facts has values without a span in the note; the
    # text format used to fail on them with a traceback.
    line = json.dumps({"id": "d", "note": "60F IDC cT1c, 3.5 cm mass, cN0. CT CAP?"})
    r = cli("evaluate", "--note", "-", stdin=line + "\n")
    assert r.returncode == 0, r.stderr
    assert "=== d ===" in r.stdout and "Conflicts (left out of the facts):" in r.stdout
    assert "tumor.t / tumor.size_cm: T1c; 3.5" in r.stdout


def test_a_note_naming_another_study_than_the_order_is_answered_alike_by_the_cli_and_the_library() -> None:
    """Issue 12: one behaviour in every path: the explicit order wins, and the answer says so."""
    from rightscan.adapters.knowledge_files import load_knowledge
    from rightscan.application import evaluate_note, read_note

    note = ROOT / "examples" / "note_new_diagnosis.txt"
    r = cli("evaluate", "--note", str(note), "--order", "CT CAP", "--format", "json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    direct = evaluate_note(load_knowledge(), read_note(note.read_text()), "CT CAP")
    assert {k: v for k, v in out.items() if k != "extracted"} == json.loads(json.dumps(direct))
    assert out["order_override"]["used"] == "CT CAP"
