"""A seeded synthetic population for benchmarks and the demo: OMOP CDM tables and a claims table.

Realistic in shape, not in any patient: incident breast cancers with a stage mix close to registry
figures (about two thirds stage I-IIA), confirmation by a second code or an operation, the exclusions
the measure looks for (history, prior cancer, metastasis, red-flag symptoms, unconfirmed codes), and
staging imaging at rates near the published 8-20 % for early disease, varying by provider, falling by
about a third after a "go-live" date (2024-01-01). Unrelated visits, laboratory tests and diagnoses
surround them; ``procedure_rows`` pads the procedure table to a given size for benchmarks.
Same seed, same files.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from rightscan.audit.engines import arrow_schema, require

GO_LIVE = date(2024, 1, 1)
START = date(2022, 1, 1)
DAYS = 3 * 365
STAGES = [  # (label, probability, T, N, M, base imaging probability)
    ("IA", 0.48, "T1c", "N0", "M0", 0.08),
    ("IIA", 0.20, "T2", "N0", "M0", 0.14),
    ("IIB", 0.14, "T2", "N1", "M0", 0.30),
    ("IIIA", 0.10, "T3", "N1", "M0", 0.70),
    ("IIIC", 0.04, "T4b", "N3", "M0", 0.80),
    ("IV", 0.04, "T2", "N1", "M1", 0.90),
]
STUDIES = [("78815", 0.35), ("71260", 0.20), ("74177", 0.15), ("78306", 0.25), ("72193", 0.02), ("74160", 0.03)]
BACKGROUND_PX = ["99213", "99214", "80053", "85025", "77067", "36415", "93000", "99203", "81001", "71046", "G0439"]
BACKGROUND_DX = ["I10", "E119", "Z0000", "E785", "M545", "J069", "K219", "F329", "Z1231", "R7303"]
OTHER_CANCER = ["C3411", "C189", "C61", "C539", "C819"]
SYMPTOMS = ["M545", "R51", "R17", "M898X9", "R748"]


def _pick(rng: random.Random, weighted: list[tuple[Any, float]]) -> Any:
    x = rng.random() * sum(w for _, w in weighted)
    for item, w in weighted:
        x -= w
        if x <= 0:
            return item
    return weighted[-1][0]


def _cases(
    patients: int, rng: random.Random
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]], dict[int, int]]:
    """Rows (person, date, code, provider) for diagnoses and procedures, stage facts, provider -> site."""
    n_providers = max(5, patients // 150)
    n_sites = max(2, min(12, n_providers // 8))
    provider_site = {1000 + i: 1 + i % n_sites for i in range(n_providers)}
    propensity = {p: min(3.0, max(0.2, rng.lognormvariate(0, 0.45))) for p in provider_site}
    providers = list(provider_site)
    dx: list[tuple[Any, ...]] = []
    px: list[tuple[Any, ...]] = []
    stage: list[tuple[Any, ...]] = []
    for person in range(1, patients + 1):
        prov = rng.choice(providers)
        radiologist = 9000 + provider_site[prov]
        index = START + timedelta(days=rng.randrange(DAYS))
        _label, _, t, n, m, p_img = _pick(rng, [(s, s[1]) for s in STAGES])
        dx.append((person, index, "C50" + rng.choice(["911", "912", "411", "412", "811", "919"]), prov))
        confirmed = rng.random() > 0.05
        surgery = None
        if confirmed:
            if rng.random() < 0.9:
                dx.append((person, index + timedelta(days=rng.randint(5, 40)), "C50911", prov))
            if m == "M0" and rng.random() < 0.85:
                surgery = index + timedelta(days=rng.randint(20, 60))
                px.append((person, surgery, rng.choice(["19301", "19302", "19303", "19307"]), prov))
        r = rng.random()
        if r < 0.03:
            dx.append((person, index - timedelta(days=rng.randint(30, 360)), "Z853", prov))
        elif r < 0.06:
            dx.append((person, index - timedelta(days=rng.randint(30, 360)), rng.choice(OTHER_CANCER), prov))
        symptomatic = rng.random() < 0.06
        if symptomatic:
            dx.append((person, index + timedelta(days=rng.randint(-20, 10)), rng.choice(SYMPTOMS), prov))
            p_img = max(p_img, 0.6)
        p = p_img * propensity[prov] * (0.65 if index >= GO_LIVE else 1.0)
        window_end = (surgery + timedelta(days=30)) if surgery else index + timedelta(days=180)
        if rng.random() < min(0.97, p):
            first = index + timedelta(days=rng.randint(-10, max(-9, min(60, (window_end - index).days))))
            px.append((person, first, _pick(rng, STUDIES), radiologist))
            if rng.random() < 0.25:
                px.append((person, first + timedelta(days=rng.randint(0, 5)), _pick(rng, STUDIES), radiologist))
            if m == "M1":
                dx.append(
                    (person, first + timedelta(days=rng.randint(0, 10)), rng.choice(["C7951", "C787", "C7800"]), prov)
                )
        elif m == "M1":
            dx.append((person, index + timedelta(days=rng.randint(0, 30)), "C7951", prov))
        if rng.random() < 0.7:  # stage facts recorded for most patients
            when = index + timedelta(days=rng.randint(0, 20))
            er = "positive" if rng.random() < 0.8 else "negative"
            her2 = "positive" if rng.random() < 0.15 else "negative"
            for field, value in (
                ("t", t),
                ("n", n),
                ("m", m),
                ("er", er),
                ("pr", er),
                ("her2", her2),
                ("grade", str(rng.choice([1, 2, 2, 3]))),
            ):
                stage.append((person, when, field, value))
    return dx, px, stage, provider_site


LOINC = {"er": "16112-5", "pr": "16113-3", "her2": "48676-1", "grade": "44648-4"}


def generate(
    out: Path,
    *,
    patients: int = 20_000,
    seed: int = 13,
    fmt: str = "both",
    procedure_rows: int | None = None,
    background_factor: int = 4,
) -> dict[str, int]:
    """Write the data set; returns rows written per table."""
    np = require("numpy")
    pa = require("pyarrow")
    import pyarrow.parquet as pq

    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)  # person table only
    out.mkdir(parents=True, exist_ok=True)
    dx, px, stage, provider_site = _cases(patients, rng)
    persons = patients * (1 + background_factor)
    base = np.datetime64(START.isoformat()) - np.timedelta64(365, "D")
    span = DAYS + 365 + 200

    def background(n: int, codes: list[str], stream: int) -> dict[str, Any]:
        g = np.random.default_rng([seed, stream])  # one generator per chunk: chunks can be re-made lazily
        people = g.integers(1, persons + 1, n)
        days = base + g.integers(0, span, n).astype("timedelta64[D]")
        code = np.array(codes)[g.integers(0, len(codes), n)]
        prov = g.integers(1000, 1000 + len(provider_site), n)
        return {"person_id": people, "date": days, "code": code, "provider": prov}

    def case_cols(rows: list[tuple[Any, ...]]) -> dict[str, Any]:
        return {
            "person_id": np.array([r[0] for r in rows], dtype=np.int64),
            "date": np.array([r[1] for r in rows], dtype="datetime64[D]"),
            "code": np.array([r[2] for r in rows]),
            "provider": np.array([r[3] for r in rows], dtype=np.int64),
        }

    n_px_bg = max(0, (procedure_rows or len(px) * 12) - len(px))
    chunk = 2_000_000

    def chunks_px() -> Iterator[dict[str, Any]]:  # made lazily: 100 M rows never sit in memory at once
        yield case_cols(px)
        for k, start in enumerate(range(0, n_px_bg, chunk)):
            yield background(min(chunk, n_px_bg - start), BACKGROUND_PX, 1000 + k)

    n_dx_bg = max(len(dx) * 6, n_px_bg // 3)

    def chunks_dx() -> Iterator[dict[str, Any]]:
        yield case_cols(dx)
        for k, start in enumerate(range(0, n_dx_bg, chunk)):
            yield background(min(chunk, n_dx_bg - start), BACKGROUND_DX, 5000 + k)

    sites = np.zeros(max(provider_site) + 1, dtype=np.int64)
    for p, s in provider_site.items():
        sites[p] = s
    written: dict[str, int] = {}

    def site_of(prov: Any) -> Any:
        return np.where(prov >= 9000, prov - 9000, sites[np.minimum(prov, len(sites) - 1)])

    if fmt in ("omop", "both"):
        omop = out / "omop" if fmt == "both" else out
        omop.mkdir(parents=True, exist_ok=True)
        pq.write_table(
            pa.table(
                {
                    "person_id": np.arange(1, persons + 1, dtype=np.int64),
                    "gender_concept_id": np.full(persons, 8532, dtype=np.int64),
                    "year_of_birth": nrng.integers(1935, 1990, persons),
                }
            ),
            omop / "person.parquet",
        )
        providers = sorted(provider_site) + sorted({9000 + s for s in provider_site.values()})
        pq.write_table(
            pa.table(
                {
                    "provider_id": np.array(providers, dtype=np.int64),
                    "care_site_id": np.array(
                        [p - 9000 if p >= 9000 else provider_site[p] for p in providers], dtype=np.int64
                    ),
                }
            ),
            omop / "provider.parquet",
        )
        written["omop/procedure_occurrence"] = _write_events(
            pq, pa, chunks_px(), omop / "procedure_occurrence.parquet", "procedure"
        )
        written["omop/condition_occurrence"] = _write_events(
            pq, pa, chunks_dx(), omop / "condition_occurrence.parquet", "condition"
        )
        srcs = [f"c-8th_AJCC/UICC-{v}" if f in ("t", "n", "m") else LOINC[f] for _, _, f, v in stage]
        pq.write_table(
            pa.table(
                {
                    "measurement_id": np.arange(1, len(stage) + 1, dtype=np.int64),
                    "person_id": np.array([r[0] for r in stage], dtype=np.int64),
                    "measurement_concept_id": np.zeros(len(stage), dtype=np.int64),
                    "measurement_date": np.array([r[1] for r in stage], dtype="datetime64[D]"),
                    "measurement_source_value": srcs,
                    "value_source_value": [None if f in ("t", "n", "m") else v for _, _, f, v in stage],
                }
            ),
            omop / "measurement.parquet",
        )
        written["omop/measurement"] = len(stage)
    if fmt in ("claims", "both"):
        path = out / "claims.parquet"
        schema = arrow_schema(
            "patient_id:string code_system:string code:string date:date32 provider:string site:string"
        )
        total = 0
        with pq.ParquetWriter(str(path), schema, compression="zstd") as w:
            for system, chunks in (("ICD10CM", chunks_dx), ("CPT4", chunks_px)):
                for c in chunks():
                    n = len(c["person_id"])
                    codes = c["code"]
                    vocab = np.full(n, system, dtype=object)
                    if system == "CPT4":
                        vocab = np.where(np.char.startswith(codes.astype(str), "G"), "HCPCS", "CPT4")
                    w.write_table(
                        pa.table(
                            {
                                "patient_id": c["person_id"].astype(str),
                                "code_system": vocab,
                                "code": codes,
                                "date": c["date"],
                                "provider": c["provider"].astype(str),
                                "site": site_of(c["provider"]).astype(str),
                            },
                            schema=schema,
                        )
                    )
                    total += n
        written["claims"] = total
    return written


def _write_events(pq: Any, pa: Any, chunks: Iterator[dict[str, Any]], path: Path, kind: str) -> int:
    np = require("numpy")
    when = "condition_start_date" if kind == "condition" else "procedure_date"
    schema = arrow_schema(
        f"{kind}_occurrence_id:int64 person_id:int64 {kind}_concept_id:int64 {when}:date32 provider_id:int64 "
        f"{kind}_source_value:string"
    )
    total = 0
    with pq.ParquetWriter(str(path), schema, compression="zstd") as w:
        for c in chunks:
            n = len(c["person_id"])
            w.write_table(
                pa.table(
                    [
                        np.arange(total + 1, total + n + 1, dtype=np.int64),
                        c["person_id"].astype(np.int64),
                        np.zeros(n, dtype=np.int64),
                        c["date"],
                        c["provider"].astype(np.int64),
                        c["code"],
                    ],
                    schema=schema,
                )
            )
            total += n
    return total
