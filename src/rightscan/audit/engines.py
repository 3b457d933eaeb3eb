"""The two engines the audit runs on: DuckDB (embedded, the default) and Apache Spark (PySpark).

Both are reached through Ibis, so the measure is written once (``measure.py``); this module only
connects, registers tables and reads files. Heavy imports happen here, lazily, and a missing optional
dependency becomes ``MissingExtra`` naming the extra to install.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import Any

from rightscan.audit.errors import AuditInputError, MissingExtra
from rightscan.package_data import resource_path

ENGINES = ("duckdb", "spark")
LOG4J = resource_path("audit", "spark-log4j2.properties")


def require(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(module.split(".")[0]) from None


def arrow_schema(columns: str) -> Any:
    """A pyarrow schema from "name:type name:type ..." where type names a pyarrow factory (string, int64,
    float64, date32): the audit's column lists are written once, as data, instead of as nested calls."""
    pa = require("pyarrow")
    return pa.schema([(name, getattr(pa, kind)()) for name, kind in (c.split(":") for c in columns.split())])


class Backend:
    """An Ibis connection plus the few engine-specific operations the audit needs."""

    def __init__(self, name: str, con: Any, *, label: str, owns_session: Any = None) -> None:
        self.name = name
        self.con = con
        self.label = label  # printed in reports, e.g. "DuckDB 2.0.1" or "Apache Spark 4.0.5 (local[2])"
        self._session = owns_session
        self._n = 0

    def _name(self, stem: str) -> str:
        self._n += 1
        return f"rs_{stem}_{self._n}"

    def from_arrow(self, stem: str, table: Any) -> Any:
        """Register an in-memory Arrow table and return it as an Ibis table bound to this engine."""
        ibis = require("ibis")
        name = self._name(stem)
        if self.name == "duckdb":  # DuckDB reads the Arrow table in place (no pandas on the way)
            self.con.con.register(name, table)
            return self.con.table(name)
        return self.con.create_view(name, ibis.memtable(table), overwrite=True)

    def read(self, path: Path, stem: str) -> Any:
        """A Parquet or CSV file (or a folder of Parquet parts) as an Ibis table."""
        suffix = path.suffix.lower()
        is_dir = path.is_dir()
        name = self._name(stem)
        try:
            if suffix == ".csv":
                if self.name == "duckdb":
                    return self.con.read_csv(
                        str(path), table_name=name, all_varchar=True, header=True, delim=",", quote='"'
                    )
                return self.con.read_csv(str(path), table_name=name, header=True, inferSchema=False)
            if suffix == ".parquet" or is_dir:
                source = str(path / "*.parquet") if (is_dir and self.name == "duckdb") else str(path)
                return self.con.read_parquet(source, table_name=name)
        except Exception as exc:  # engine-specific errors: name the file, never dump a traceback
            raise AuditInputError(str(path), f"cannot be read ({type(exc).__name__})") from None
        raise AuditInputError(str(path), "expected a .parquet or .csv file (or a folder of Parquet files)")

    def materialize(self, expr: Any) -> Any:
        """Compute once and keep: a temporary table on DuckDB; on Spark a locally checkpointed DataFrame
        (its lineage cut, so later queries do not re-analyse the whole plan that produced it)."""
        name = self._name("mat")
        if self.name == "duckdb":  # an explicit temporary table: no finalizer runs after the connection closes
            return self.con.create_table(name, expr, temp=True)
        frame = self.con._session.sql(self.con.compile(expr)).localCheckpoint(eager=True)
        frame.createOrReplaceTempView(name)
        return self.con.table(name)

    def rows(self, expr: Any) -> list[dict[str, Any]]:
        """Run a (small) result query and return plain Python rows.

        The compiled SQL goes straight to the engine: Ibis's own result conversion imports pandas, which
        costs seconds of start-up for a handful of counts."""
        sql = self.con.compile(expr)
        if self.name == "duckdb":
            cursor = self.con.con.execute(sql)
            names = [c[0] for c in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        return [row.asDict() for row in self.con._session.sql(sql).collect()]

    def close(self) -> None:
        if self._session is not None:
            self._session.stop()
            self._session = None
        elif self.name == "duckdb":
            self.con.disconnect()


def connect_duckdb(database: str | None = None, *, threads: int | None = None) -> Backend:
    ibis = require("ibis")
    duckdb = require("duckdb")
    con = ibis.duckdb.connect(database or ":memory:", read_only=bool(database))
    con.raw_sql("SET enable_progress_bar = false")  # our own progress goes to stderr; never DuckDB's on stdout
    if threads:
        con.raw_sql(f"SET threads = {int(threads)}")
    return Backend("duckdb", con, label=f"DuckDB {duckdb.__version__} (embedded)")


_SPARK: dict[str, Any] = {}


def spark_session(master: str = "local[2]") -> Any:
    """One SparkSession per process and master (Spark cannot run two in one JVM); UTC session time zone."""
    if master in _SPARK:
        return _SPARK[master]
    require("pyspark")
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers use this interpreter and its packages
    session = (
        SparkSession.builder.master(master)
        .appName("rightscan-audit")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.driver.memory", os.environ.get("RIGHTSCAN_SPARK_DRIVER_MEMORY", "4g"))
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile={LOG4J}")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    _SPARK[master] = session
    return session


def connect_spark(master: str = "local[2]", session: Any = None) -> Backend:
    ibis = require("ibis")
    pyspark = require("pyspark")
    session = session or spark_session(master)
    con = ibis.pyspark.connect(session)
    return Backend("spark", con, label=f"Apache Spark {pyspark.__version__} ({session.sparkContext.master})")


def connect(engine: str, *, spark_master: str = "local[2]", database: str | None = None) -> Backend:
    if engine == "duckdb":
        return connect_duckdb(database)
    if engine == "spark":
        if database:
            raise AuditInputError("--engine", "a DuckDB database file can only be read with --engine duckdb")
        return connect_spark(spark_master)
    raise AuditInputError("--engine", f"must be one of {', '.join(ENGINES)}")
