"""The measure on the hand-built fixture: exact counts, the same on every reader and on both engines."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from rightscan.audit import engines, readers
from rightscan.audit.run import Options, Results, run

from .conftest import CLAIMS

# Expected from the fixture's own comments (tests/audit/fixtures/claims.csv), worked out by hand.
STATUS = {
    "p01": "included",
    "p02": "included",
    "p03": "history",
    "p04": "unconfirmed",
    "p05": "prior_cancer",
    "p06": "metastasis",
    "p07": "included",
    "p08": "red_flag",
    "p09": "included",
    "p10": "included",
    "p11": "included",
    "p12": "included",
    "p13": "included",
    "p14": "included",
    "p15": "included",
    "p16": "included",
    "p17": "metastasis",
    "p18": "included",
    "p19": "included",
    "p20": "included",
    "p21": "included",
    "p22": "included",
    "p23": "included",
    "p24": "metastasis",
    "p25": "included",
}
IMAGED = {"p01", "p07", "p09", "p11", "p13", "p15", "p16", "p18", "p20", "p25"}
N_SCANS = {"p07": 2, "p15": 3, "p25": 2}
STUDIES = {"pet": 3, "bone_scan": 3, "ct_chest": 4, "ct_abdomen": 1, "ct_pelvis": 1, "ct_abdomen_pelvis": 1}
COUNTS = {"included": 18, "history": 1, "unconfirmed": 1, "prior_cancer": 1, "metastasis": 3, "red_flag": 1}


def _pid(value: Any) -> str:
    text = str(value)
    return text if text.startswith("p") else f"p{int(text):02d}"


def audit(backend: engines.Backend, fmt: str, path: Path, definition: Any, **options: Any) -> Results:
    return run(backend, readers.read(backend, fmt, path), definition, Options(**options))


def check(res: Results) -> None:
    rows = res.persons.to_pyarrow().to_pylist()
    assert {_pid(r["person_id"]): r["status"] for r in rows} == STATUS
    assert {_pid(r["person_id"]) for r in rows if r["imaged"] and r["status"] == "included"} == IMAGED
    repeated = {_pid(r["person_id"]): r["n_scans"] for r in rows if r["n_scans"] > 1 and r["status"] == "included"}
    assert repeated == N_SCANS
    d = res.data
    assert d["status_counts"] == COUNTS
    assert (d["claims_proxy"]["numerator"], d["claims_proxy"]["denominator"]) == (10, 18)
    assert {s["study"]: s["numerator"] for s in d["studies"]} == STUDIES
    assert d["repeat"] == {"imaged": 10, "two_or_more_studies": 3, "studies_total": 14}
    assert [(m["group"], m["numerator"], m["denominator"]) for m in d["by_month"]] == [
        ("2015-03", 1, 1),
        ("2024-03", 8, 13),
        ("2024-06", 1, 4),
    ]
    assert sorted((p["numerator"], p["denominator"]) for p in d["by_provider"]) == [(2, 6), (8, 12)]
    assert d["funnel"][-1]["remaining"] == 18
    ba = d["before_after"]
    assert (ba["before"]["numerator"], ba["before"]["denominator"]) == (9, 14)
    assert (ba["after"]["numerator"], ba["after"]["denominator"]) == (1, 4)


def check_stage(res: Results) -> None:
    s = res.data["stage_informed"]
    assert s["available"] and s["included_with_stage_facts"] == 5
    assert s["included_by_class"] == {"early_asymptomatic": 3, "not_early": 2}
    assert (s["rate"]["numerator"], s["rate"]["denominator"]) == (2, 3)  # p01 and p15 imaged, p10 not


@pytest.fixture(scope="module")
def duck() -> Any:
    backend = engines.connect("duckdb")
    yield backend
    backend.close()


def test_claims_on_duckdb(duck: Any, definition: Any) -> None:
    res = audit(duck, "claims", CLAIMS, definition, compare_at=date(2024, 5, 1))
    check(res)
    assert res.data["stage_informed"]["available"] is False  # claims carry no stage
    assert sorted((g["group"], g["numerator"], g["denominator"]) for g in res.data["by_site"]) == [
        ("S1", 8, 12),
        ("S2", 2, 6),
    ]
    assert "DuckDB" in res.data["engine"]


def test_omop_on_duckdb(duck: Any, definition: Any, omop_dir: Path) -> None:
    res = audit(duck, "omop", omop_dir, definition, compare_at=date(2024, 5, 1))
    check(res)
    check_stage(res)
    sites = sorted((g["group"], g["numerator"], g["denominator"]) for g in res.data["by_site"])
    assert sites == [("201", 8, 12), ("202", 2, 6)]  # provider.care_site_id of the attributed provider


def test_fhir_on_duckdb(duck: Any, definition: Any, fhir_dir: Path) -> None:
    res = audit(duck, "fhir", fhir_dir, definition, compare_at=date(2024, 5, 1))
    check(res)
    check_stage(res)


def test_stage_threshold_iib_counts_the_iib_patient_as_early(duck: Any, definition: Any, omop_dir: Path) -> None:
    res = audit(duck, "omop", omop_dir, definition.with_options(stage_threshold="IIB"))
    s = res.data["stage_informed"]
    assert s["included_by_class"] == {"early_asymptomatic": 4, "not_early": 1}  # p02 (IIB) joins
    assert (s["rate"]["numerator"], s["rate"]["denominator"]) == (2, 4)


def test_same_day_metastasis_kept_when_the_definition_says_so(duck: Any, definition: Any) -> None:
    raw = definition.raw
    import copy

    from rightscan.audit.definition import _build

    changed = copy.deepcopy(raw)
    for e in changed["exclusions"]:
        if e["id"] == "metastasis":
            e["same_day_excludes"] = False
    res = audit(duck, "claims", CLAIMS, _build("test", changed))
    rows = {_pid(r["person_id"]): r for r in res.persons.to_pyarrow().to_pylist()}
    assert rows["p17"]["status"] == "included" and rows["p17"]["imaged"] == 1
    assert rows["p06"]["status"] == "metastasis"


def test_period_filter_keeps_index_dates_in_range(duck: Any, definition: Any) -> None:
    res = audit(duck, "claims", CLAIMS, definition, start=date(2024, 1, 1), end=date(2024, 3, 31))
    ids = {_pid(r["person_id"]) for r in res.persons.to_pyarrow().to_pylist()}
    assert ids == {f"p{i:02d}" for i in range(1, 20)}


def test_brain_mri_is_off_by_default_and_can_be_enabled(definition: Any) -> None:
    assert "brain_mri" not in definition.study_ids()
    assert "brain_mri" in definition.with_options(brain_mri=True).study_ids()


@pytest.mark.spark
def test_claims_on_spark_gives_the_same_counts(spark_backend: Any, definition: Any) -> None:
    res = audit(spark_backend, "claims", CLAIMS, definition, compare_at=date(2024, 5, 1))
    check(res)
    assert "Spark" in res.data["engine"]


@pytest.mark.spark
def test_omop_on_spark_gives_the_same_counts(spark_backend: Any, definition: Any, omop_dir: Path) -> None:
    res = audit(spark_backend, "omop", omop_dir, definition, compare_at=date(2024, 5, 1))
    check(res)
    check_stage(res)


@pytest.mark.spark
def test_fhir_on_spark_gives_the_same_counts(spark_backend: Any, definition: Any, fhir_dir: Path) -> None:
    res = audit(spark_backend, "fhir", fhir_dir, definition, compare_at=date(2024, 5, 1))
    check(res)
    check_stage(res)


def test_omop_from_a_duckdb_file(tmp_path: Path, omop_dir: Path, definition: Any) -> None:
    import duckdb

    db = tmp_path / "cdm.duckdb"
    con = duckdb.connect(str(db))
    for table in ("condition_occurrence", "procedure_occurrence", "measurement", "provider", "person"):
        con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_parquet('{omop_dir / (table + '.parquet')}')")
    con.close()
    backend = engines.connect("duckdb")
    try:
        res = audit(backend, "omop", db, definition, compare_at=date(2024, 5, 1))
        check(res)
        check_stage(res)
    finally:
        backend.close()


def test_fhir_ignores_refuted_conditions_and_procedures_not_done(tmp_path: Path, duck: Any, definition: Any) -> None:
    import orjson

    subject = {"reference": "Patient/x1"}
    icd = "http://hl7.org/fhir/sid/icd-10-cm"
    lines = [
        {
            "resourceType": "Condition",
            "subject": subject,
            "onsetDateTime": "2024-03-01",
            "code": {"coding": [{"system": icd, "code": "C50.911"}]},
        },
        {
            "resourceType": "Condition",
            "subject": subject,
            "onsetDateTime": "2024-03-20",
            "code": {"coding": [{"system": icd, "code": "C50.911"}]},
        },
        {
            "resourceType": "Condition",
            "subject": subject,
            "onsetDateTime": "2024-03-05",  # refuted: not an exclusion
            "verificationStatus": {"coding": [{"code": "refuted"}]},
            "code": {"coding": [{"system": icd, "code": "C79.51"}]},
        },
        {
            "resourceType": "Procedure",
            "subject": subject,
            "status": "not-done",
            "performedDateTime": "2024-03-10",
            "code": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "78815"}]},
        },
        {"resourceType": "Patient", "id": "x1"},
    ]
    (tmp_path / "export.ndjson").write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in lines))
    rows = audit(duck, "fhir", tmp_path, definition).persons.to_pyarrow().to_pylist()
    assert [(r["person_id"], r["status"], r["imaged"]) for r in rows] == [("x1", "included", 0)]


def test_fhir_resource_without_subject_is_named(tmp_path: Path, duck: Any) -> None:
    from rightscan.audit.errors import AuditInputError

    (tmp_path / "Condition.ndjson").write_text('{"resourceType": "Condition", "code": {}}\n')
    with pytest.raises(AuditInputError, match=r"Condition.ndjson:1: subject"):
        readers.read(duck, "fhir", tmp_path)


def test_data_end_leaves_out_patients_whose_window_is_not_over(duck: Any, definition: Any) -> None:
    res = audit(duck, "claims", CLAIMS, definition, data_end=date(2024, 8, 27))
    rows = {_pid(r["person_id"]): r["status"] for r in res.persons.to_pyarrow().to_pylist()}
    # windows ending 2024-05-10 (operation + 30 days) and the 2015 patient are complete; the rest end later
    assert sorted(p for p, s in rows.items() if s == "included") == ["p02", "p11", "p12", "p20"]
    assert rows["p03"] == "history" and rows["p04"] == "unconfirmed"  # earlier rules still come first
    assert res.data["status_counts"]["incomplete_window"] == 19
    assert (res.data["claims_proxy"]["numerator"], res.data["claims_proxy"]["denominator"]) == (2, 4)
