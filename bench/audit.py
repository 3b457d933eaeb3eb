"""Benchmark of the population audit (a script that prints figures, not a test).

For each size it writes a seeded synthetic OMOP data set whose procedure table has that many rows
(``rightscan.audit.synth``; condition rows about a third of that), then times, in fresh processes:
  1. the audit end to end on DuckDB: Parquet in -> measure -> stage decisions -> report.html/json/parquet
     out (``rightscan audit run``), reported as procedure rows per minute;
  2. a bare DuckDB scan of the same procedure file (the columns the audit reads, filtered to the staging
     codes), the floor the audit is compared with;
  3. optionally the same audit on Spark local mode (``--spark-sizes``).

Usage: python bench/audit.py [--sizes 1e6,1e7] [--spark-sizes 1e6] [--work /tmp/rightscan-audit-bench]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def _cli(*args: str, env: dict[str, str] | None = None) -> float:
    t0 = time.perf_counter()
    subprocess.run(
        [PY, "-m", "rightscan.interfaces.cli", *args],
        check=True,
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    return time.perf_counter() - t0


BARE_SCAN = """
import sys, time, duckdb
from rightscan.audit.definition import load_definition
from rightscan.audit.measure import study_codes
codes = ", ".join(f"'{c}'" for c in study_codes(load_definition()))
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
t0 = time.perf_counter()
con.sql(f"SELECT count(*), max(person_id), max(procedure_date), max(provider_id) FROM read_parquet('{sys.argv[1]}') "
        f"WHERE procedure_source_value IN ({codes})").fetchall()
print(time.perf_counter() - t0)
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1e6,1e7", help="procedure rows per data set, comma-separated")
    ap.add_argument("--spark-sizes", default="1e6", help="sizes also run on Spark local[2] ('' for none)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/rightscan-audit-bench"))
    ap.add_argument("--keep", action="store_true", help="keep the generated data")
    args = ap.parse_args()
    sizes = [int(float(s)) for s in args.sizes.split(",") if s]
    spark_sizes = {int(float(s)) for s in args.spark_sizes.split(",") if s}
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    results = []
    for size in sizes:
        data = args.work / f"omop-{size}"
        if not (data / "procedure_occurrence.parquet").exists():
            shutil.rmtree(data, ignore_errors=True)
            t = _cli(
                "audit",
                "synth",
                str(data),
                "--patients",
                str(max(2000, size // 250)),
                "--procedure-rows",
                str(size),
                "--format",
                "omop",
                "--seed",
                "13",
                env=env,
            )
            print(f"{size:>12,} procedure rows: generated in {t:.1f} s")
        scan = float(  # the last line: DuckDB may print other things first
            subprocess.run(
                [PY, "-c", BARE_SCAN, str(data / "procedure_occurrence.parquet")],
                check=True,
                capture_output=True,
                text=True,
                env=env,
                cwd=ROOT,
            ).stdout.split()[-1]
        )
        out = args.work / f"report-{size}"
        wall = _cli(
            "audit",
            "run",
            str(data),
            "--format",
            "omop",
            "--out",
            str(out),
            "--no-progress",
            "--compare-at",
            "2024-01-01",
            env=env,
        )
        report = json.loads((out / "report.json").read_text())
        row = {
            "procedure_rows": size,
            "duckdb_seconds": round(wall, 2),
            "duckdb_rows_per_minute": round(size / wall * 60),
            "bare_scan_seconds": round(scan, 3),
            "patients": report["funnel"][0]["remaining"],
            "claims_proxy_rate": round(report["claims_proxy"]["rate"], 4),
            "steps": report["timings_seconds"],
        }
        if size in spark_sizes:
            wall_s = _cli(
                "audit",
                "run",
                str(data),
                "--format",
                "omop",
                "--engine",
                "spark",
                "--out",
                str(out) + "-spark",
                "--no-progress",
                env=env,
            )
            spark = json.loads((Path(str(out) + "-spark") / "report.json").read_text())
            assert spark["claims_proxy"] == report["claims_proxy"], "Spark and DuckDB disagree"
            row["spark_local2_seconds"] = round(wall_s, 1)
        results.append(row)
        print(
            f"{size:>12,} procedure rows: audit on DuckDB {wall:6.2f} s = {row['duckdb_rows_per_minute'] / 1e6:6.1f} M "
            f"rows/min (whole process, report written); bare scan {scan:.3f} s"
            + (f"; Spark local[2] {row['spark_local2_seconds']} s" if "spark_local2_seconds" in row else "")
        )
        if not args.keep:
            shutil.rmtree(data, ignore_errors=True)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
