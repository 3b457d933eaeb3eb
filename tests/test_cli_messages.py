"""The mistakes a first-time user makes on the command line: each one is one line on stderr that names
the field (or the file) and says what to do, with exit status 2 and nothing on stdout."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, patient
from rightscan.interfaces.cli import main

NOTE = ROOT / "examples" / "note_new_diagnosis.txt"
NOTES = ROOT / "examples" / "notes.jsonl"
EXAMPLE = ROOT / "examples" / "reference_patient.json"


def refused(*args: str) -> str:
    """Run ``rightscan ARGS``; it must refuse with exit 2 and one line on stderr, which is returned."""
    result = CliRunner().invoke(main, list(args), catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 2, (result.exit_code, result.stdout[:200])
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("rightscan: "), result.stderr
    return lines[0]


def write(tmp_path: Path, payload: dict) -> str:  # type: ignore[type-arg]
    p = tmp_path / "patient.json"
    p.write_text(json.dumps(payload))
    return str(p)


def test_a_misspelt_top_level_field_is_named_by_place_with_the_fields_it_could_be(tmp_path: Path) -> None:
    payload = {"setting": "new_diagnosis", "tumour": {"size_cm": 2.0}}  # British spelling of "tumor"
    line = refused("evaluate", write(tmp_path, payload))
    assert line.startswith("rightscan: {key 2}: unknown field")
    assert "tumour" not in line  # the sender's key is never repeated
    assert "the top level takes: age, sex, setting," in line and " tumor," in line


def test_a_wrong_tumour_field_lists_the_tumour_fields(tmp_path: Path) -> None:
    line = refused("evaluate", write(tmp_path, patient({"size": 2.0})))
    assert line.startswith("rightscan: tumor.{key ") and "unknown field" in line
    assert "'tumor' takes: histology, size_cm, t, n, m, grade, er, pr, her2, inflammatory" in line


def test_a_contract_word_in_the_wrong_object_is_named_without_the_place_note(tmp_path: Path) -> None:
    line = refused("evaluate", write(tmp_path, patient({"age": 58})))
    assert line.startswith("rightscan: tumor.age: unknown field; 'tumor' takes: histology,")
    assert "{key N}" not in line


@pytest.mark.parametrize(
    ("payload", "field", "rule"),
    [
        (patient(setting="new diagnosis"), "setting", "'new_diagnosis'"),
        (patient({"er": "pos"}), "tumor.er", "'positive' or 'negative'"),
        (patient({"grade": "2"}), "tumor.grade", "whole number"),
        (patient(labs={"alkaline_phosphatase": 150}), "labs.alkaline_phosphatase", "object"),
    ],
)
def test_a_wrong_value_names_the_field_and_the_rule(tmp_path: Path, payload: dict, field: str, rule: str) -> None:  # type: ignore[type-arg]
    line = refused("evaluate", write(tmp_path, payload))
    assert line.startswith(f"rightscan: {field}: ") and rule in line


def test_a_note_given_as_patient_facts_is_refused_naming_the_file_and_pointing_to_note() -> None:
    line = refused("evaluate", str(NOTE))
    assert line.startswith(f"rightscan: {NOTE}: invalid JSON")
    assert f"--note {NOTE}" in line


@pytest.mark.parametrize("args", [("evaluate", "--note"), ("extract",)])
def test_patient_facts_given_as_a_note_are_refused_naming_the_file(args: tuple[str, ...]) -> None:
    line = refused(*args, str(EXAMPLE))
    assert line.startswith(f"rightscan: {EXAMPLE}: a JSON object, not a clinical note")


def test_an_unknown_order_without_close_matches_says_where_the_names_are(tmp_path: Path) -> None:
    line = refused("evaluate", str(EXAMPLE), "--order", "xyzzy")
    assert line.startswith("rightscan: order: not a known imaging procedure") and "rightscan procedures" in line


def test_an_unknown_order_with_a_note_blames_the_order_not_the_note() -> None:
    line = refused("evaluate", "--note", str(NOTE), "--order", "xyzzy")
    assert line.startswith("rightscan: order: not a known imaging procedure")
    assert "extracted from the note" not in line


def test_a_jsonl_file_of_notes_is_read_one_note_per_line() -> None:
    """Never one decision from several patients' notes run together."""
    result = CliRunner().invoke(main, ["evaluate", "--note", str(NOTES), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    ids = [json.loads(line)["id"] for line in NOTES.read_text().splitlines() if line.strip()]
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ids


def test_an_empty_jsonl_file_of_notes_is_named_as_the_file(tmp_path: Path) -> None:
    p = tmp_path / "notes.jsonl"
    p.write_text("\n")
    line = refused("evaluate", "--note", str(p))
    assert line == f'rightscan: {p}: no input: expected JSON Lines of {{"id": ..., "note": ...}}'


def test_audit_log_without_the_service_extra_names_the_extra(tmp_path: Path) -> None:
    """It read 'the engine could not compute the audit: ModuleNotFoundError ...'."""
    code = "import sys\nsys.modules['pydantic_settings'] = None\nfrom rightscan.interfaces.cli import main\nmain()\n"
    args = ["audit", "log", "--database", f"sqlite:///{tmp_path / 'log.db'}", "--out", str(tmp_path / "r")]
    r = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120)
    assert r.returncode == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "rightscan[service]" in lines[0] and "pydantic_settings" in lines[0], r.stderr


def test_a_pretty_printed_patient_on_stdin_is_one_patient_not_one_error_per_line() -> None:
    """``cat patient.json | rightscan evaluate -`` gave one 'invalid JSON' per line of the file."""
    rightscan = shutil.which("rightscan", path=str(Path(sys.executable).parent)) or "rightscan"
    r = subprocess.run(
        [rightscan, "evaluate", "-", "--format", "json"], input=EXAMPLE.read_text(), capture_output=True, text=True
    )
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["stage"]["anatomic"] == "IA"  # one answer, the reference patient's
    lines = "\n".join(json.dumps(json.loads(line)) for line in (ROOT / "examples" / "batch.jsonl").open())
    r = subprocess.run([rightscan, "evaluate", "-", "--format", "json"], input=lines, capture_output=True, text=True)
    assert r.returncode == 0 and len(r.stdout.splitlines()) == len(lines.splitlines())  # JSON Lines as before


def test_serve_on_a_port_in_use_says_so_in_one_line_and_exits_2(tmp_path: Path) -> None:
    """It printed 'listening on ...', then uvicorn's own error, and exited 3."""
    import socket

    rightscan = shutil.which("rightscan", path=str(Path(sys.executable).parent)) or "rightscan"
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        env = {k: v for k, v in os.environ.items() if not k.startswith("RIGHTSCAN_")}
        env["XDG_DATA_HOME"] = str(tmp_path)
        r = subprocess.run(
            [rightscan, "serve", "--port", str(port)], capture_output=True, text=True, timeout=60, env=env
        )
    assert r.returncode == 2, r.stderr
    assert f"rightscan: cannot listen on 127.0.0.1:{port}: " in r.stderr and "choose another --port" in r.stderr
    assert "listening on" not in r.stderr and "Traceback" not in r.stderr


def test_a_plain_text_note_on_stdin_is_one_note_not_one_json_error_per_line() -> None:
    """``rightscan evaluate --note - < note.txt`` gave 'invalid JSON' for every line of the note."""
    text = "\n\n" + NOTE.read_text()  # blank lines first: still a note, not JSON Lines
    on_stdin = CliRunner().invoke(main, ["evaluate", "--note", "-", "--format", "json"], input=text)
    from_file = CliRunner().invoke(main, ["evaluate", "--note", str(NOTE), "--format", "json"])
    assert on_stdin.exit_code == 0, on_stdin.stderr
    one = json.loads(on_stdin.stdout)  # one answer, not one per line
    assert one["extracted"]["facts"] == json.loads(from_file.stdout)["extracted"]["facts"]
    assert one["systemic_imaging"] == json.loads(from_file.stdout)["systemic_imaging"]
    lines = CliRunner().invoke(main, ["evaluate", "--note", "-", "--format", "json"], input=NOTES.read_text())
    assert lines.exit_code == 0 and len(lines.stdout.splitlines()) == len(NOTES.read_text().splitlines())
