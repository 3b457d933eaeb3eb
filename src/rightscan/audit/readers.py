"""Input readers: OMOP CDM 5.4, FHIR bulk-data NDJSON and plain claims tables -> one event model.

Every reader returns ``Sources``, three Ibis tables bound to the chosen engine:

* ``dx``: person_id, vocab (ICD10CM | ICD9CM), code (no dot, upper case), date, provider, site
* ``px``: the same columns for procedures (vocab CPT4 | HCPCS)
* ``stage``: person_id, date, field, value: stage facts in the core's input vocabulary
  (t, n, m, er, pr, her2, grade, histology, size_cm), or None when the data hold none

A missing file or column is an ``AuditInputError`` naming it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from rightscan.audit.engines import Backend, arrow_schema, require
from rightscan.audit.errors import AuditInputError

FORMATS = ("claims", "omop", "fhir")
STAGE_FIELDS = ("t", "n", "m", "er", "pr", "her2", "grade", "histology", "size_cm")
UNKNOWN = "unknown"


@dataclass
class Sources:
    dx: Any
    px: Any
    stage: Any | None
    description: str
    sites: Any | None = None  # provider -> site, joined only to the few attributed rows (OMOP provider table)


def _pick(table: Any, names: tuple[str, ...], where: str, *, required: bool = True) -> Any:
    columns = {c.lower(): c for c in table.columns}
    for name in names:
        if name in columns:
            return table[columns[name]]
    if required:
        raise AuditInputError(where, f"missing column (one of: {', '.join(names)})")
    return None


def _code(col: Any) -> Any:
    return col.cast("string").strip().upper().replace(".", "")


def _text(col: Any | None) -> Any:
    ibis = require("ibis")
    if col is None:
        return ibis.literal(UNKNOWN)
    return col.cast("string").fill_null(UNKNOWN)


def _int_or_zero(col: Any | None) -> Any:
    ibis = require("ibis")
    return ibis.literal(0, type="int64") if col is None else col.cast("int64")


def _date(col: Any) -> Any:
    return col.cast("date")


# ------------------------------------------------------------------ plain claims
def read_claims(backend: Backend, path: Path) -> Sources:
    """One table: patient, code system, code, date, provider, site (CSV or Parquet)."""
    if not path.exists():
        raise AuditInputError(str(path), "no such file")
    t = backend.read(path, "claims")
    where = str(path)
    system = _pick(t, ("code_system", "system", "vocabulary", "vocabulary_id"), where)
    vocab = (
        system.cast("string")
        .upper()
        .replace("-", "")
        .replace(" ", "")
        .substitute({"ICD10": "ICD10CM", "ICD9": "ICD9CM", "CPT": "CPT4"})
    )
    events = t.select(
        person_id=_pick(t, ("patient_id", "person_id", "patient", "member_id"), where).cast("string"),
        vocab=vocab,
        code=_code(_pick(t, ("code",), where)),
        date=_date(_pick(t, ("date", "service_date", "claim_date", "from_date"), where)),
        provider=_text(_pick(t, ("provider", "provider_id", "npi"), where, required=False)),
        site=_text(_pick(t, ("site", "site_id", "facility", "care_site_id"), where, required=False)),
    )
    dx = events.filter(events.vocab.isin(["ICD10CM", "ICD9CM"]))
    px = events.filter(events.vocab.isin(["CPT4", "HCPCS"]))
    return Sources(dx, px, None, f"claims table {path.name}")


# ------------------------------------------------------------------ OMOP CDM 5.4
OMOP_TABLES = ("person", "condition_occurrence", "procedure_occurrence", "measurement", "provider", "concept")
_OMOP_REQUIRED = ("condition_occurrence", "procedure_occurrence")
_TNM = re.compile(r"^c-(?:7th|8th)_AJCC/UICC-(?P<field>[TNM])(?P<value>.+)$", re.IGNORECASE)
RECEPTOR_LOINC = {
    "16112-5": "er",
    "85337-4": "er",
    "16113-3": "pr",
    "85339-0": "pr",
    "48676-1": "her2",
    "85319-2": "her2",
    "85318-4": "her2",
    "44648-4": "grade",
}


def _omop_tables(backend: Backend, path: Path) -> dict[str, Any]:
    tables: dict[str, Any] = {}
    if path.is_file() and path.suffix.lower() in (".duckdb", ".db"):
        if backend.name != "duckdb":
            raise AuditInputError(str(path), "a DuckDB database file can only be read with --engine duckdb")
        # ATTACH takes no bound parameter: the path is a SQL string literal, its quotes doubled (a file named
        # "x'; COPY ..." must not run SQL; eighth security pass)
        literal = str(path).replace("'", "''")
        try:
            backend.con.raw_sql(f"ATTACH '{literal}' AS omop_src (READ_ONLY)")
        except Exception as exc:
            raise AuditInputError(str(path), f"cannot be opened as a DuckDB database ({type(exc).__name__})") from None
        # information_schema directly: Ibis 12's list_tables calls an API that DuckDB 2.0 removed
        rows = backend.con.raw_sql(
            "SELECT table_name, table_type FROM information_schema.tables WHERE table_catalog = 'omop_src'"
        ).fetchall()
        present = {r[0].lower(): (r[0], r[1]) for r in rows}
        for name in OMOP_TABLES:
            if name in present:
                table_name, table_type = present[name]
                if table_type != "BASE TABLE":
                    # a view is a query stored in the file: it would run with the auditor's rights (read_text of
                    # any local file, ...); only stored rows are read
                    raise AuditInputError(f"{path}: {name}", "is a view; only base tables are read from a DuckDB file")
                tables[name] = backend.con.table(table_name, database=("omop_src", "main"))
    elif path.is_dir():
        for name in OMOP_TABLES:
            for candidate in (path / f"{name}.parquet", path / f"{name}.csv", path / name):
                if candidate.exists():
                    tables[name] = backend.read(candidate, name)
                    break
    else:
        raise AuditInputError(str(path), "expected a folder of OMOP tables (Parquet/CSV) or a DuckDB file")
    for name in _OMOP_REQUIRED:
        if name not in tables:
            raise AuditInputError(str(path), f"OMOP table {name} not found")
    return tables


def _icd_vocab(code: Any) -> Any:
    """ICD-9-CM codes start with a digit (V and E codes need the concept table: read as ICD-10-CM)."""
    ibis = require("ibis")
    return ibis.ifelse(code.substr(0, 1).isin(list("0123456789")), "ICD9CM", "ICD10CM")


def _occurrences(table: Any, where: str, code_as: str, source: str, concept: str, when: str) -> Any:
    """One OMOP *_occurrence table as (person_id, code or source, cid, date, provider)."""
    columns = {
        "person_id": _pick(table, ("person_id",), where).cast("string"),
        code_as: _code(_pick(table, (source,), where)),
        "cid": _int_or_zero(_pick(table, (concept,), where, required=False)),
        "date": _date(_pick(table, (when,), where)),
        "provider": _text(_pick(table, ("provider_id",), where, required=False)),
    }
    return table.select(**columns)


def read_omop(backend: Backend, path: Path) -> Sources:
    tables = _omop_tables(backend, path)
    where = f"{path}: condition_occurrence"
    co = tables["condition_occurrence"]
    site_of = None
    if "provider" in tables:
        prov = tables["provider"]
        site_of = prov.select(
            pid=_pick(prov, ("provider_id",), f"{path}: provider").cast("string"),
            care_site=_pick(prov, ("care_site_id",), f"{path}: provider").cast("string"),
        )
    concept = None
    if "concept" in tables:
        c = tables["concept"]
        concept = c.select(
            cid=c.concept_id.cast("int64"),
            vocabulary_id=c.vocabulary_id.cast("string"),
            concept_code=c.concept_code.cast("string"),
        )

    dx = _occurrences(
        co, where, "code", "condition_source_value", "condition_source_concept_id", "condition_start_date"
    )
    if concept is not None:
        dx = dx.left_join(concept, dx.cid == concept.cid)
        vocab = concept.vocabulary_id.substitute({"ICD10CM": "ICD10CM", "ICD9CM": "ICD9CM"}, else_=None)
        dx = dx.mutate(vocab=vocab.fill_null(_icd_vocab(dx.code)))
    else:
        dx = dx.mutate(vocab=_icd_vocab(dx.code))

    where = f"{path}: procedure_occurrence"
    po = tables["procedure_occurrence"]
    px = _occurrences(po, where, "source", "procedure_source_value", "procedure_concept_id", "procedure_date")
    if concept is not None:
        px = px.left_join(concept, px.cid == concept.cid)
        code = ((px.vocabulary_id.isin(["CPT4", "HCPCS"])).ifelse(px.concept_code, px.source)).fill_null(px.source)
        px = px.mutate(code=code)
    else:
        px = px.mutate(code=px.source)
    px = px.mutate(vocab=px.code.substr(0, 1).isin(list("ABCDEFGHIJKLMNOPQRSTUVWXYZ")).ifelse("HCPCS", "CPT4"))

    # The site is looked up later, for the attributed rows only: joining every event row to the
    # provider table would cost more than the rest of the selection.
    cols = ["person_id", "vocab", "code", "date", "provider", "site"]
    dx = dx.mutate(site=_text(None)).select(*cols)
    px = px.mutate(site=_text(None)).select(*cols)
    stage = None
    if "measurement" in tables:
        stage = _omop_stage(backend, tables["measurement"], f"{path}: measurement")
    sites = site_of.rename(provider="pid", site="care_site") if site_of is not None else None
    return Sources(dx, px, stage, f"OMOP CDM tables in {path.name}", sites)


def _omop_stage(backend: Backend, m: Any, where: str) -> Any:
    """Stage modifiers (oncology extension, clinical TNM) and receptor LOINC results -> (field, value)."""
    ibis = require("ibis")
    source = _pick(m, ("measurement_source_value",), where).cast("string")
    value = _pick(m, ("value_source_value",), where, required=False)
    value = value.cast("string") if value is not None else ibis.literal(None, type="string")
    tnm = source.re_extract(r"^[cC]-(?:7th|8th)_AJCC/UICC-([TNM])", 1)
    rows = m.select(
        person_id=_pick(m, ("person_id",), where).cast("string"),
        date=_date(_pick(m, ("measurement_date",), where)),
        source=source,
        tnm_field=tnm.lower(),
        tnm_value=source.re_extract(r"^[cC]-(?:7th|8th)_AJCC/UICC-([TNM].+)$", 1),
        loinc_field=source.substitute(RECEPTOR_LOINC, else_=None),
        raw_value=value.lower().strip(),
    )
    rows = rows.mutate(
        field=ibis.ifelse(rows.tnm_field != "", rows.tnm_field, rows.loinc_field),
        value=ibis.ifelse(rows.tnm_field != "", rows.tnm_value, rows.raw_value),
    )
    rows = rows.filter(rows.field.notnull() & rows.value.notnull() & (rows.field != ""))
    return rows.select("person_id", "date", "field", "value")


# ------------------------------------------------------------------ FHIR bulk data (NDJSON)
_SYSTEMS = {
    "http://hl7.org/fhir/sid/icd-10-cm": "ICD10CM",
    "http://hl7.org/fhir/sid/icd-10": "ICD10CM",
    "http://hl7.org/fhir/sid/icd-9-cm": "ICD9CM",
    "http://www.ama-assn.org/go/cpt": "CPT4",
    "urn:oid:2.16.840.1.113883.6.12": "CPT4",
    "urn:oid:2.16.840.1.113883.6.285": "HCPCS",
    "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets": "HCPCS",
}


def _ref_id(ref: Any) -> str | None:
    if isinstance(ref, dict):
        ref = ref.get("reference")
    if not isinstance(ref, str) or "/" not in ref:
        return None
    return ref.rstrip("/").split("/")[-1] if "/_history/" not in ref else ref.split("/_history/")[0].split("/")[-1]


def _day(value: Any) -> date | None:
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _lines(path: Path) -> Iterator[tuple[str, int, dict[str, Any]]]:
    files = sorted(path.glob("*.ndjson")) if path.is_dir() else [path]
    if not files:
        raise AuditInputError(str(path), "no .ndjson files")
    for file in files:
        with file.open("rb") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    resource = orjson.loads(line)
                except orjson.JSONDecodeError:
                    raise AuditInputError(f"{file.name}:{n}", "not a JSON object") from None
                if not isinstance(resource, dict):
                    raise AuditInputError(f"{file.name}:{n}", "not a JSON object")
                yield file.name, n, resource


def _void(res: dict[str, Any]) -> bool:
    """A refuted or mistaken Condition, a Procedure not done or entered in error: not an event."""
    if res.get("resourceType") == "Procedure":
        return res.get("status") in ("not-done", "entered-in-error")
    codings = ((res.get("verificationStatus") or {}).get("coding")) or []
    return any(isinstance(c, dict) and c.get("code") in ("refuted", "entered-in-error") for c in codings)


def read_fhir(backend: Backend, path: Path) -> Sources:
    """Condition / Procedure / Observation resources from bulk-data NDJSON files (other types ignored)."""
    pa = require("pyarrow")
    if not path.exists():
        raise AuditInputError(str(path), "no such file or folder")
    dx: list[dict[str, Any]] = []
    px: list[dict[str, Any]] = []
    observations: dict[str, list[dict[str, Any]]] = {}
    where_of: dict[str, list[str]] = {}  # each patient's Observations as file:line, for errors (never the patient id)
    for name, n, res in _lines(path):
        rtype = res.get("resourceType")
        if rtype not in ("Condition", "Procedure", "Observation"):
            continue
        _check_shape(res, f"{name}:{n}")
        person = _ref_id(res.get("subject"))
        if person is None:
            raise AuditInputError(f"{name}:{n}: subject", "a patient reference is required")
        if rtype == "Observation":
            observations.setdefault(person, []).append(res)
            where_of.setdefault(person, []).append(f"{name}:{n}")
            continue
        if _void(res):
            continue
        if rtype == "Condition":
            when = _day(res.get("onsetDateTime")) or _day(res.get("recordedDate"))
            provider = _ref_id(res.get("recorder")) or _ref_id(res.get("asserter"))
            site = None
        else:
            period = res.get("performedPeriod") or {}
            when = _day(res.get("performedDateTime")) or _day(period.get("start"))
            performers = res.get("performer") or [{}]
            provider = _ref_id((performers[0] or {}).get("actor")) if isinstance(performers, list) else None
            site = _ref_id(res.get("location"))
        if when is None:
            raise AuditInputError(f"{name}:{n}: {rtype}", "no date (onset/recorded or performed)")
        for coding in (res.get("code") or {}).get("coding") or []:
            vocab = _SYSTEMS.get(coding.get("system", ""))
            code = coding.get("code")
            if vocab is None or not isinstance(code, str):
                continue
            row = {
                "person_id": person,
                "vocab": vocab,
                "code": code.replace(".", "").strip().upper(),
                "date": when,
                "provider": provider or UNKNOWN,
                "site": site or UNKNOWN,
            }
            (dx if vocab.startswith("ICD") else px).append(row)
    schema = arrow_schema("person_id:string vocab:string code:string date:date32 provider:string site:string")
    stage_rows = _fhir_stage(observations, where_of)
    stage = None
    if stage_rows:
        stage_schema = arrow_schema("person_id:string date:date32 field:string value:string")
        stage = backend.from_arrow("stage", pa.Table.from_pylist(stage_rows, schema=stage_schema))
    return Sources(
        backend.from_arrow("dx", pa.Table.from_pylist(dx, schema=schema)),
        backend.from_arrow("px", pa.Table.from_pylist(px, schema=schema)),
        stage,
        f"FHIR bulk data in {path.name}",
    )


def _fhir_stage(observations: dict[str, list[dict[str, Any]]], where_of: dict[str, list[str]]) -> list[dict[str, Any]]:
    """Each patient's stage Observations read by RightScan's own FHIR adapter (mCODE codes)."""
    if not observations:
        return []
    from rightscan.adapters.fhir import facts_from_fhir

    rows: list[dict[str, Any]] = []
    for person, obs in observations.items():
        dates = [d for d in (_day(o.get("effectiveDateTime")) or _day(o.get("issued")) for o in obs) if d]
        bundle = {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": o} for o in obs]}
        try:
            facts = facts_from_fhir(
                {"observations": bundle, "labs": None, "conditions": None, "procedures": None, "patient": None},
                None,
                patient_id=person,
            )
        except Exception as exc:  # FhirInputError names the path inside the bundle: point at the file's line instead
            raise AuditInputError(*_observation_error(str(exc).split("\n")[0], where_of[person])) from None
        tumor = facts.payload.get("tumor", {})
        when = min(dates) if dates else None
        for field in STAGE_FIELDS:
            if field in tumor:
                rows.append({"person_id": person, "date": when, "field": field, "value": str(tumor[field])})
    return rows


_ENTRY = re.compile(r"entry\[(\d+)\]\.resource\.?([\w.\[\]]*)")


def _observation_error(message: str, where: list[str]) -> tuple[str, str]:
    """An adapter error about one patient's bundle, as (file:line: Observation.field, what): never the patient's id.

    The adapter names the path inside the bundle built here (``observations.entry[k].resource.component: must be a
    list``); entry k is the patient's k-th Observation, read from ``where[k]``.
    """
    field, _, what = message.rpartition(": ")
    found = _ENTRY.search(field)
    if found is None or int(found.group(1)) >= len(where):
        return (f"{where[0]}: Observation", "cannot be read as a stage Observation")
    rest = found.group(2)
    return (f"{where[int(found.group(1))]}: Observation{'.' + rest if rest else ''}", what or "cannot be read")


_OBJECTS = ("subject", "code", "verificationStatus", "performedPeriod", "recorder", "asserter", "location")


def _check_shape(res: dict[str, Any], where: str) -> None:
    """The few elements this reader walks must have FHIR's JSON shapes (an error names the line and element)."""
    for key in _OBJECTS:
        if key in res and not isinstance(res[key], dict):
            raise AuditInputError(f"{where}: {key}", "must be an object")
    for key, parent in (("code.coding", res.get("code")), ("verificationStatus.coding", res.get("verificationStatus"))):
        if isinstance(parent, dict) and "coding" in parent:
            items = parent["coding"]
            if not isinstance(items, list) or not all(isinstance(c, dict) for c in items):
                raise AuditInputError(f"{where}: {key}", "must be a list of objects")
    if "performer" in res:
        items = res["performer"]
        if not isinstance(items, list) or not all(isinstance(p, dict) for p in items):
            raise AuditInputError(f"{where}: performer", "must be a list of objects")


def read(backend: Backend, fmt: str, path: Path) -> Sources:
    if fmt == "claims":
        return read_claims(backend, path)
    if fmt == "omop":
        return read_omop(backend, path)
    if fmt == "fhir":
        return read_fhir(backend, path)
    raise AuditInputError("--format", f"must be one of {', '.join(FORMATS)}")
