"""`rightscan audit run` against the eighth security pass (docs/security.md): hostile input files.

A DuckDB file's name carries no SQL, a DuckDB file's views are not run, and an error names the file, the line and
the element, never a patient's identifier or a cell's text.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from rightscan.interfaces.cli import main

duckdb = pytest.importorskip("duckdb")


def _audit(path: Path, fmt: str, out: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["audit", "run", str(path), "--format", fmt, "--out", str(out), "--no-progress"])
    return result.exit_code, result.output


def _omop_file(path: Path, view_sql: str | None = None) -> None:
    con = duckdb.connect(str(path))
    con.execute(
        "CREATE TABLE procedure_occurrence (person_id BIGINT, procedure_source_value VARCHAR, procedure_date DATE)"
    )
    if view_sql is None:
        con.execute(
            "CREATE TABLE condition_occurrence (person_id BIGINT, condition_source_value VARCHAR, "
            "condition_start_date DATE)"
        )
    else:
        con.execute(f"CREATE VIEW condition_occurrence AS {view_sql}")
    con.close()


def test_a_file_name_with_sql_runs_no_sql(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    hostile = tmp_path / "x' AS s; COPY (SELECT 'pwned') TO 'PWNED.csv'; ATTACH 'y.duckdb"
    _omop_file(hostile)
    code, _ = _audit(hostile, "omop", tmp_path / "out")
    # the injected statements would have written PWNED.csv and a database file "x" in the working folder
    assert not (tmp_path / "PWNED.csv").exists() and not (tmp_path / "x").exists()
    assert set(os.listdir(tmp_path)) <= {hostile.name, "out"}
    assert code in (0, 2)


def test_an_ordinary_duckdb_file_is_still_read(tmp_path: Path) -> None:
    db = tmp_path / "omop.duckdb"
    _omop_file(db)
    _, output = _audit(db, "omop", tmp_path / "out")
    assert "view" not in output and "cannot be opened" not in output, output


def test_a_view_in_a_duckdb_file_is_refused_not_run(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the report")
    db = tmp_path / "omop.duckdb"
    _omop_file(
        db,
        f"SELECT 1::BIGINT AS person_id, content AS condition_source_value, DATE '2024-01-01' AS "
        f"condition_start_date FROM read_text('{secret}')",
    )
    code, output = _audit(db, "omop", tmp_path / "out")
    assert code == 2
    assert "condition_occurrence" in output and "view" in output
    assert "not for the report" not in output
    assert not (tmp_path / "out").exists() or "not for the report" not in "".join(
        p.read_text(errors="replace") for p in (tmp_path / "out").rglob("*") if p.is_file()
    )


def test_an_observation_error_names_the_line_not_the_patient(tmp_path: Path) -> None:
    folder = tmp_path / "fhir"
    folder.mkdir()
    (folder / "a.ndjson").write_text(
        '{"resourceType":"Observation","subject":{"reference":"Patient/MRN-1234567-JANE-DOE"},'
        '"code":{"coding":[{"system":"http://loinc.org","code":"21908-9"}]},"effectiveDateTime":"2024-01-01","status":"final"}\n'
        '{"resourceType":"Observation","subject":{"reference":"Patient/MRN-1234567-JANE-DOE"},'
        '"code":{"coding":[{"system":"http://loinc.org","code":"21908-9"}]},"effectiveDateTime":"2024-01-01","status":"final",'
        '"component":"notalist"}\n'
    )
    code, output = _audit(folder, "fhir", tmp_path / "out")
    assert code == 2
    assert "MRN" not in output and "JANE" not in output
    assert "a.ndjson:2" in output and "component" in output


def test_an_engine_error_does_not_repeat_the_cell(tmp_path: Path) -> None:
    bad = tmp_path / "c.csv"
    bad.write_text("patient_id,code_system,code,date\nJANE-DOE-MRN99,ICD10,C50.9,Jane Doe 12/03\n")
    code, output = _audit(bad, "claims", tmp_path / "out")
    assert code == 2
    assert "Jane" not in output and "MRN99" not in output
    assert "c.csv" in output and "date" in output


@pytest.mark.parametrize(
    ("element", "resource_tail"),
    [
        ("verificationStatus", '"verificationStatus":"confirmed"'),
        ("code", '"code":"C50.9"'),
        ("code.coding", '"code":{"coding":["C50.9"]}'),
        ("performer", '"performer":"Dr Who"'),
        ("performedPeriod", '"performedPeriod":"2024"'),
        ("subject", '"subject":"Patient/p1"'),
    ],
)
def test_a_malformed_element_is_named_with_its_line(tmp_path: Path, element: str, resource_tail: str) -> None:
    folder = tmp_path / "fhir"
    folder.mkdir()
    subject = "" if element == "subject" else '"subject":{"reference":"Patient/p1"},'
    kind = "Procedure" if element.startswith("perf") else "Condition"
    (folder / "a.ndjson").write_text(
        '{"resourceType":"Condition","subject":{"reference":"Patient/p0"},"onsetDateTime":"2024-01-01",'
        '"code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"C50.9"}]}}\n'
        f'{{"resourceType":"{kind}",{subject}"onsetDateTime":"2024-01-01",{resource_tail}}}\n'
    )
    code, output = _audit(folder, "fhir", tmp_path / "out")
    assert code == 2, output
    assert f"a.ndjson:2: {element}" in output
    assert "AttributeError" not in output and "Traceback" not in output
