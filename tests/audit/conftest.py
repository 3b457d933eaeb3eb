"""Audit fixtures: the hand-built claims table, and the same patients as OMOP tables and FHIR NDJSON.

``claims.csv`` is the one hand-written source of truth (each patient's line says what it tests);
``stage_facts.csv`` adds stage facts for five of them. The OMOP and FHIR copies are derived from these
two files here, so all three readers must give the same counts.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLAIMS = FIXTURES / "claims.csv"
STAGE = FIXTURES / "stage_facts.csv"
VOCAB = {"ICD-10-CM": "ICD10CM", "ICD-9-CM": "ICD9CM", "CPT": "CPT4", "HCPCS": "HCPCS"}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "spark: runs on Apache Spark local mode (Java 17; one shared session)")


def claims_rows() -> list[dict[str, str]]:
    with CLAIMS.open(newline="") as fh:
        return list(csv.DictReader(fh))


def stage_rows() -> list[dict[str, str]]:
    with STAGE.open(newline="") as fh:
        return list(csv.DictReader(fh))


def _pid(p: str) -> int:
    return int(p.lstrip("p"))


PROVIDERS = {"P1": 101, "P2": 102, "R9": 109}
SITES = {"P1": 201, "P2": 202, "R9": 201}
LOINC = {
    "t": "21905-5",
    "n": "21906-3",
    "m": "21907-1",
    "er": "16112-5",
    "pr": "16113-3",
    "her2": "48676-1",
    "grade": "44648-4",
}


def write_omop(folder: Path) -> Path:
    """The fixture as OMOP CDM 5.4 Parquet tables (source values carry the codes; no concept table)."""
    from datetime import date

    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    rows = claims_rows()
    persons = sorted({_pid(r["patient_id"]) for r in rows})
    pq.write_table(
        pa.table(
            {"person_id": persons, "gender_concept_id": [8532] * len(persons), "year_of_birth": [1960] * len(persons)}
        ),
        folder / "person.parquet",
    )
    cond = [r for r in rows if r["code_system"].startswith("ICD")]
    proc = [r for r in rows if not r["code_system"].startswith("ICD")]
    pq.write_table(
        pa.table(
            {
                "condition_occurrence_id": list(range(1, len(cond) + 1)),
                "person_id": [_pid(r["patient_id"]) for r in cond],
                "condition_concept_id": [0] * len(cond),
                "condition_start_date": [date.fromisoformat(r["date"]) for r in cond],
                "provider_id": [PROVIDERS[r["provider"]] for r in cond],
                "condition_source_value": [r["code"] for r in cond],
            }
        ),
        folder / "condition_occurrence.parquet",
    )
    pq.write_table(
        pa.table(
            {
                "procedure_occurrence_id": list(range(1, len(proc) + 1)),
                "person_id": [_pid(r["patient_id"]) for r in proc],
                "procedure_concept_id": [0] * len(proc),
                "procedure_date": [date.fromisoformat(r["date"]) for r in proc],
                "provider_id": [PROVIDERS[r["provider"]] for r in proc],
                "procedure_source_value": [r["code"] for r in proc],
            }
        ),
        folder / "procedure_occurrence.parquet",
    )
    pq.write_table(
        pa.table({"provider_id": list(PROVIDERS.values()), "care_site_id": [SITES[k] for k in PROVIDERS]}),
        folder / "provider.parquet",
    )
    st = stage_rows()

    def source(r: dict[str, str]) -> str:
        if r["field"] in ("t", "n", "m"):
            return f"c-8th_AJCC/UICC-{r['value']}"
        return LOINC[r["field"]]

    pq.write_table(
        pa.table(
            {
                "measurement_id": list(range(1, len(st) + 1)),
                "person_id": [_pid(r["patient_id"]) for r in st],
                "measurement_concept_id": [0] * len(st),
                "measurement_date": [date.fromisoformat(r["date"]) for r in st],
                "measurement_source_value": [source(r) for r in st],
                "value_source_value": [None if r["field"] in ("t", "n", "m") else r["value"].capitalize() for r in st],
            }
        ),
        folder / "measurement.parquet",
    )
    return folder


def write_fhir(folder: Path) -> Path:
    """The fixture as FHIR bulk-data NDJSON (Condition, Procedure, Observation files)."""
    folder.mkdir(parents=True, exist_ok=True)
    systems = {
        "ICD10CM": "http://hl7.org/fhir/sid/icd-10-cm",
        "ICD9CM": "http://hl7.org/fhir/sid/icd-9-cm",
        "CPT4": "http://www.ama-assn.org/go/cpt",
        "HCPCS": "urn:oid:2.16.840.1.113883.6.285",
    }
    cond, proc = [], []
    for i, r in enumerate(claims_rows()):
        vocab = VOCAB[r["code_system"]]
        coding = {"system": systems[vocab], "code": r["code"]}
        subject = {"reference": f"Patient/{r['patient_id']}"}
        if vocab.startswith("ICD"):
            cond.append(
                {
                    "resourceType": "Condition",
                    "id": f"c{i}",
                    "subject": subject,
                    "code": {"coding": [coding]},
                    "onsetDateTime": r["date"],
                    "recorder": {"reference": f"Practitioner/{r['provider']}"},
                }
            )
        else:
            proc.append(
                {
                    "resourceType": "Procedure",
                    "id": f"p{i}",
                    "status": "completed",
                    "subject": subject,
                    "code": {"coding": [coding]},
                    "performedDateTime": r["date"],
                    "performer": [{"actor": {"reference": f"Practitioner/{r['provider']}"}}],
                    "location": {"reference": f"Location/{r['site']}"},
                }
            )
    obs = []
    values = {"positive": "LA6576-8", "negative": "LA6577-6"}
    for i, r in enumerate(stage_rows()):
        o: dict[str, Any] = {
            "resourceType": "Observation",
            "id": f"o{i}",
            "status": "final",
            "subject": {"reference": f"Patient/{r['patient_id']}"},
            "code": {"coding": [{"system": "http://loinc.org", "code": LOINC[r["field"]]}]},
            "effectiveDateTime": r["date"],
        }
        if r["field"] in ("t", "n", "m"):
            o["valueCodeableConcept"] = {"coding": [{"system": "http://cancerstaging.org", "code": "c" + r["value"]}]}
        elif r["field"] == "grade":
            o["valueInteger"] = int(r["value"])
        else:
            o["valueCodeableConcept"] = {"coding": [{"system": "http://loinc.org", "code": values[r["value"]]}]}
        obs.append(o)
    for name, items in (("Condition", cond), ("Procedure", proc), ("Observation", obs)):
        (folder / f"{name}.ndjson").write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in items))
    return folder


@pytest.fixture(scope="session")
def omop_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_omop(tmp_path_factory.mktemp("omop"))


@pytest.fixture(scope="session")
def fhir_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_fhir(tmp_path_factory.mktemp("fhir"))


@pytest.fixture(scope="session")
def definition() -> Any:
    from rightscan.audit.definition import load_definition

    return load_definition()


@pytest.fixture(scope="session")
def spark_backend() -> Iterator[Any]:
    """One Spark session for the whole test session (local[1]: the machine has two shared cores)."""
    from rightscan.audit.engines import connect_spark, spark_session

    session = spark_session("local[1]")
    session.conf.set("spark.sql.shuffle.partitions", "1")  # tiny data: one partition per shuffle
    yield connect_spark(session=session)
    session.stop()
