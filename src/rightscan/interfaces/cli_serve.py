"""`rightscan serve` and `rightscan log export`: thin wrappers over the HTTP app and the decision log."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from rightscan.interfaces.cli_options import database_option, file_option


def ensure_data_dir(url: str) -> None:
    """Create RightScan's data directory (mode 0700: the log holds coded patient facts) when the decision
    log is the default SQLite file in it. Other URLs are the operator's choice and are left alone."""
    from rightscan.settings import data_dir

    if url.startswith("sqlite:///") and Path(url.removeprefix("sqlite:///")).parent == data_dir():
        data_dir().mkdir(mode=0o700, parents=True, exist_ok=True)


def quiet_migrations() -> None:
    """Alembic's INFO lines ("Context impl SQLiteImpl", "Will assume ...") say nothing to an operator."""
    import logging

    logging.getLogger("alembic").setLevel(logging.WARNING)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@database_option(
    "Decision log: sqlite:///file.db or a PostgreSQL URL (default: rightscan.db in $XDG_DATA_HOME/rightscan "
    "or ~/.local/share/rightscan). Also RIGHTSCAN_DATABASE_URL."
)
@click.option(
    "--auth-config",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="JWT issuers and JWKS (YAML/JSON). Without it: development mode, no authentication.",
)
@click.option("--public-url", default=None, help="Base URL the EHR uses to call this service (JWT audience).")
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 16),
    help="Processes on this machine; they share the decision log (replay refusal, link secret).",
)
@click.option(
    "--forwarded-allow-ips",
    default=None,
    help="Addresses of the reverse proxy whose X-Forwarded-Proto / X-Forwarded-For are trusted (comma-separated "
    "IPs or networks, or *). Default: uvicorn's (FORWARDED_ALLOW_IPS, else 127.0.0.1).",
)
@click.option(
    "--insecure",
    is_flag=True,
    help="Allow a non-loopback --host without authentication (every caller is then trusted).",
)
def serve(
    host: str,
    port: int,
    database: str | None,
    auth_config: Path | None,
    public_url: str | None,
    workers: int,
    forwarded_allow_ips: str | None,
    insecure: bool,
) -> None:
    """Run the HTTP service: JSON API, CDS Hooks 2.0 endpoints and web pages."""
    import logging

    import uvicorn

    from rightscan.adapters.store.db import redact_url
    from rightscan.interfaces.http.slow_clients import DeadlineH11Protocol
    from rightscan.settings import Settings

    if database:
        os.environ["RIGHTSCAN_DATABASE_URL"] = database
    if auth_config:
        os.environ["RIGHTSCAN_AUTH_CONFIG"] = str(auth_config)
    if public_url:
        os.environ["RIGHTSCAN_PUBLIC_URL"] = public_url
    try:
        settings = Settings()
    except Exception as exc:  # pydantic ValidationError: name the setting, not the value
        click.echo(f"rightscan: invalid setting: {type(exc).__name__}: {str(exc).splitlines()[0]}", err=True)
        sys.exit(2)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    quiet_migrations()
    ensure_data_dir(settings.database_url)
    os.environ["RIGHTSCAN_DATABASE_URL"] = settings.database_url  # the app (another import) logs to the same file
    for noisy in ("httpx", "httpcore"):  # their INFO lines carry request URLs, which name patients
        logging.getLogger(noisy).setLevel(logging.WARNING)
    for chatty in ("weasyprint", "fontTools"):  # INFO lines, and warnings about our own print CSS, per PDF
        logging.getLogger(chatty).setLevel(logging.ERROR)
    if settings.auth_config is None:
        from rightscan.interfaces.http.app import DEV_MODE_WARNING

        if not _loopback(host) and not insecure:
            click.echo(
                f"rightscan: refusing to listen on {host} without authentication: configure --auth-config "
                "(and --public-url), or pass --insecure to accept every caller on the network",
                err=True,
            )
            sys.exit(2)
        click.echo(f"rightscan: {DEV_MODE_WARNING}", err=True)
    else:
        from rightscan.adapters.security.jwt_auth import AuthConfig, AuthConfigError, JwtVerifier

        try:  # fail now, with the reason, rather than on the first request
            config = AuthConfig.from_file(settings.auth_config)
            JwtVerifier(config).close()
        except AuthConfigError as exc:
            click.echo(f"rightscan: invalid auth config: {exc}", err=True)
            sys.exit(2)
        click.echo(f"rightscan: JWT authentication on: {len(config.issuers)} allowed issuer(s)", err=True)
    from rightscan.interfaces.http.app import startup_problem

    problem = startup_problem(settings)
    if problem:
        click.echo(f"rightscan: {problem}", err=True)
        sys.exit(2)
    from rightscan.adapters.store.db import DecisionStore

    store = DecisionStore(settings.database_url)
    try:  # once, here, before any worker starts: workers then find the schema current (no migration race)
        store.migrate()
    except Exception as exc:
        click.echo(f"rightscan: decision log unavailable: {type(exc).__name__}", err=True)
        sys.exit(1)
    finally:
        store.close()
    taken = _cannot_bind(host, port)
    if taken:
        click.echo(f"rightscan: cannot listen on {host}:{port}: {taken}", err=True)
        sys.exit(2)
    click.echo(
        f"rightscan: decision log {redact_url(settings.database_url)}; listening on http://{host}:{port}"
        + (f" with {workers} workers" if workers > 1 else ""),
        err=True,
    )
    uvicorn.run(
        "rightscan.interfaces.http.asgi:app",
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,
        lifespan="on",
        http=DeadlineH11Protocol,  # each request must arrive whole in RIGHTSCAN_REQUEST_READ_SECONDS
        server_header=False,
        forwarded_allow_ips=forwarded_allow_ips,  # None: uvicorn's default, unchanged
    )


def _cannot_bind(host: str, port: int) -> str | None:
    """Why the server could not bind ``host:port`` (a port already in use, most often), or None. Checked
    before start-up so that the reason is one line, not a log line after "listening on"."""
    import socket

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except OSError as exc:  # as uvicorn would read --host (an IPv6 address is given without brackets)
        return f"{exc.strerror or type(exc).__name__}; choose another --host"
    try:
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
            probe.bind(address)
    except OSError as exc:
        return f"{exc.strerror or type(exc).__name__}; choose another --port"
    return None


def _loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@click.group()
def log() -> None:
    """The decision log (every consultation and its feedback)."""


@log.command("export")
@database_option("Decision log URL (default: RIGHTSCAN_DATABASE_URL, else rightscan.db in the data directory).")
@click.option("--table", type=click.Choice(("decisions", "cards", "feedback")), default="decisions", show_default=True)
@click.option("--format", "fmt", type=click.Choice(("csv", "parquet")), default="csv", show_default=True)
@file_option("--output", "-o", help_text="File to write (use - for CSV on stdout).", required=True)
def export(database: str | None, table: str, fmt: str, output: Path) -> None:
    """Write one table of the decision log as CSV or Parquet (JSON columns as JSON text)."""
    from rightscan.adapters.store.db import StoreError
    from rightscan.application import export_log
    from rightscan.settings import Settings

    url = database or Settings().database_url
    quiet_migrations()
    ensure_data_dir(url)
    try:
        count = export_log(url, table, fmt, output)
    except StoreError as exc:
        click.echo(f"rightscan: {exc}", err=True)
        sys.exit(1)
    click.echo(f"rightscan: {count} {table} row(s) written to {output}", err=True)
