"""`rightscan audit`: the population audit of staging imaging, and the audit of RightScan's own decision log.

Thin: parse options, call ``rightscan.audit``, write the report. Bad input ends with one line naming the
file or field (exit status 2); a missing optional dependency names the extra to install (exit status 1).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from rightscan.interfaces.cli_options import database_option, file_option

EXIT_INVALID = 2
EXIT_MISSING = 1
DATE = click.DateTime(formats=["%Y-%m-%d"])
F = TypeVar("F", bound=Callable[..., Any])


def _at_least(name: str, minimum: int, default: int | None, help: str) -> Callable[[F], F]:
    """A whole-number option with a floor: click refuses a smaller number and names the option."""
    shown = default is not None
    return click.option(name, type=click.IntRange(minimum), default=default, show_default=shown, help=help)


def _fail(message: str, status: int = EXIT_INVALID) -> None:
    click.echo(f"rightscan: audit: {message}", err=True)
    sys.exit(status)


@contextmanager
def _errors(source: object = None) -> Iterator[None]:
    """Audit errors -> one line on stderr, never a traceback (engine errors name the input)."""
    from rightscan.audit.errors import AuditInputError, MissingExtra

    try:
        yield
    except AuditInputError as exc:
        _fail(str(exc))
    except MissingExtra as exc:
        _fail(str(exc), EXIT_MISSING)
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # engine errors (a value that cannot be read as a date, ...): first line only
        from rightscan.extras import missing_extra_message

        if isinstance(exc, ModuleNotFoundError) and missing_extra_message(exc) is not None:
            raise  # a missing optional dependency: the command group names the extra to install (exit 2)
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        where = f"{source}: " if source is not None else ""
        _fail(f"{where}the engine could not compute the audit: {type(exc).__name__}: {_without_values(first)[:300]}")


_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'|`[^`]*`")


def _without_values(message: str) -> str:
    """An engine's message with its quoted parts masked: they repeat cell text (names, identifiers), never shown."""
    return _QUOTED.sub("<value>", message)


def _day(value: datetime | None) -> date | None:
    return value.date() if value is not None else None


def _out_folder(default: str, files: str) -> Callable[[F], F]:
    """The report folder option, the same for both audits."""
    return click.option(
        "--out",
        "-o",
        "out",
        type=click.Path(file_okay=False, path_type=Path),
        default=Path(default),
        show_default=True,
        help=f"Folder for {files}.",
    )


@click.group()
def audit() -> None:
    """Population audit of low-value staging imaging, and the audit of the decision log."""


@audit.command("run")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("claims", "omop", "fhir")),
    required=True,
    help="claims: one table (CSV/Parquet); omop: a folder of OMOP CDM tables or a DuckDB file; "
    "fhir: a folder of bulk-data NDJSON files.",
)
@click.option("--engine", type=click.Choice(("duckdb", "spark")), default="duckdb", show_default=True)
@click.option("--spark-master", default="local[2]", show_default=True, help="Spark master URL (--engine spark).")
@_out_folder("audit-report", "report.html, report.json and report.parquet")
@file_option(
    "--definition", "definition_file", help_text="Another definition file (default: the packaged, versioned one)."
)
@click.option("--from", "start", type=DATE, default=None, help="First index (diagnosis) date counted, YYYY-MM-DD.")
@click.option("--to", "end", type=DATE, default=None, help="Last index (diagnosis) date counted, YYYY-MM-DD.")
@click.option("--compare-at", type=DATE, default=None, help="Before/after comparison around this date (e.g. go-live).")
@click.option(
    "--data-end",
    type=DATE,
    default=None,
    help="Last day the data cover: patients whose imaging window ends later are left out (counted).",
)
@click.option(
    "--stage-threshold",
    type=click.Choice(("IIA", "IIB")),
    default=None,
    help="Early stage: IIA (RightScan's decision, default) or IIB (comparable with ASCO QOPI).",
)
@click.option("--brain-mri/--no-brain-mri", default=None, help="Count brain MRI as a staging study (default: off).")
@_at_least("--min-group", 1, 1, "Pool providers and sites with fewer patients into 'other (small)'.")
@click.option("--progress/--no-progress", default=True, show_default=True, help="Progress bars on stderr.")
@click.option("--open", "open_report", is_flag=True, help="Open the HTML report in a browser when done.")
@click.option(
    "--organisation",
    default=None,
    help="Whose report this is on the service's /reports: the token issuer, or '<issuer>|<tenant>'. Only callers "
    "of that organisation see it there; without it, every authenticated caller does.",
)
def run_command(
    source: Path,
    fmt: str,
    engine: str,
    spark_master: str,
    out: Path,
    definition_file: Path | None,
    start: datetime | None,
    end: datetime | None,
    compare_at: datetime | None,
    data_end: datetime | None,
    stage_threshold: str | None,
    brain_mri: bool | None,
    min_group: int,
    progress: bool,
    open_report: bool,
    organisation: str | None,
) -> None:
    """Audit SOURCE: how many early breast cancer patients had PET, CT or a bone scan to stage it."""
    if organisation is not None and not (0 < len(organisation) <= 512 and organisation.isprintable()):
        _fail("--organisation: give the issuer, or '<issuer>|<tenant>' (1 to 512 printable characters)")
    with _errors(source):
        from rightscan.audit import engines, readers
        from rightscan.audit.definition import load_definition
        from rightscan.audit.report import write_report
        from rightscan.audit.run import Options, run

        definition = load_definition(definition_file).with_options(stage_threshold=stage_threshold, brain_mri=brain_mri)
        is_db = source.is_file() and source.suffix.lower() in (".duckdb", ".db")
        if is_db and engine != "duckdb":
            _fail(f"{source}: a DuckDB database file can only be read with --engine duckdb")
        backend = engines.connect(engine, spark_master=spark_master)
        try:
            sources = readers.read(backend, fmt, source)
            options = Options(
                start=_day(start),
                end=_day(end),
                compare_at=_day(compare_at),
                data_end=_day(data_end),
                min_group=min_group,
            )
            results = run(backend, sources, definition, options, progress=progress)
            if organisation is not None:
                results.data["organisation"] = organisation
            paths = write_report(results.data, out)
        finally:
            backend.close()
        proxy = results.data["claims_proxy"]
        rate = "–" if proxy["rate"] is None else f"{100 * proxy['rate']:.1f} %"
        click.echo(
            f"rightscan: audit: {proxy['numerator']} of {proxy['denominator']} patients imaged ({rate}, claims-only "
            f"proxy) on {results.data['engine']}; report: {paths['html']}",
            err=True,
        )
        click.echo(str(paths["html"]))  # stdout: the report, for scripts
        if open_report:
            _open(paths["html"])


def _open(path: Path) -> None:
    """Open the report in a graphical browser; never start a console browser (it would take over the terminal)."""
    import os
    import webbrowser

    headless = sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless or not webbrowser.open(path.resolve().as_uri()):
        click.echo("rightscan: audit: no graphical browser here; open the file above", err=True)


@audit.command("definition")
@file_option("--definition", "definition_file")
def definition_command(definition_file: Path | None) -> None:
    """Validate and print the audit definition (code lists, windows, sources)."""
    with _errors():
        import yaml

        from rightscan.audit.definition import load_definition

        d = load_definition(definition_file)
        click.echo(f"# {d.title}\n# version {d.version} ({Path(d.path).name}): valid")
        click.echo(yaml.safe_dump(d.raw, sort_keys=False, allow_unicode=True, width=110))


@audit.command("synth")
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@_at_least("--patients", 100, 20_000, "Patients with a breast cancer code (other patients are added around them).")
@_at_least("--procedure-rows", 1000, None, "Pad the procedure table with unrelated procedures to this many rows.")
@click.option("--seed", type=int, default=13, show_default=True)
@click.option("--format", "fmt", type=click.Choice(("omop", "claims", "both")), default="both", show_default=True)
def synth_command(out: Path, patients: int, procedure_rows: int | None, seed: int, fmt: str) -> None:
    """Write a seeded synthetic data set (OMOP tables and/or a claims table, Parquet) to OUT."""
    with _errors():
        from rightscan.audit.synth import generate

        written = generate(out, patients=patients, seed=seed, fmt=fmt, procedure_rows=procedure_rows)
        for name, rows in written.items():
            click.echo(f"rightscan: audit: {name}: {rows} rows", err=True)


@audit.command("log")
@database_option("Decision log URL (default: RIGHTSCAN_DATABASE_URL, else rightscan.db in the data directory).")
@click.option(
    "--context",
    "context_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="CSV naming each consultation's orderer and department (columns: decision_id or hook_instance, "
    "orderer, department); the log itself records neither.",
)
@click.option("--from", "start", type=DATE, default=None)
@click.option("--to", "end", type=DATE, default=None)
@_out_folder("audit-log-report", "report.html and report.json")
def log_command(
    database: str | None, context_file: Path | None, start: datetime | None, end: datetime | None, out: Path
) -> None:
    """Audit the decision log: consultations, rating mix, warnings accepted or overridden (with reasons)."""
    with _errors():
        from rightscan.audit.decision_log import audit_log, write_log_report
        from rightscan.settings import Settings

        url = database or Settings().database_url
        data = audit_log(url, context_file=context_file, start=_day(start), end=_day(end))
        paths = write_log_report(data, out)
        click.echo(str(paths["html"]))
        t = data["totals"]
        click.echo(
            f"rightscan: audit: {t['consultations']} consultations, {t['warnings']} warning cards "
            f"({t['accepted']} accepted, {t['overridden']} overridden); report: {paths['html']}",
            err=True,
        )
