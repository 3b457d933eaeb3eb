"""The FastAPI application: JSON API, CDS Hooks service, the clinician web page and explanation pages.

``create_app(settings)`` builds it; ``rightscan serve`` runs it with uvicorn. Start-up loads the
knowledge base, migrates the decision log and, when an auth config is given, the JWT verifier.
Without one the service runs in an explicit, announced development mode.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from rightscan import __version__
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.adapters.store.db import DecisionStore, StoreError, redact_url, unwritable_files
from rightscan.application import Engine
from rightscan.interfaces.http import access, errors
from rightscan.interfaces.http.guard import RequestGuard
from rightscan.package_data import resource_path
from rightscan.settings import Settings

log = logging.getLogger("rightscan.http")
HERE = resource_path("interfaces", "http")
DEV_MODE_WARNING = (
    "DEVELOPMENT MODE: no authentication is configured (RIGHTSCAN_AUTH_CONFIG unset). "
    "Every caller is trusted. Do not expose this service beyond this machine."
)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        problem = startup_problem(settings)
        if problem:
            raise RuntimeError(problem)
        kb = load_knowledge()
        store = DecisionStore(settings.database_url)
        store.migrate()
        store.start()
        app.state.engine = Engine(kb, store)
        app.state.settings = settings
        app.state.verifier = _verifier(settings, store)
        app.state.links = _link_signer(settings, store)
        # Build the free-text pipeline and the FHIR models off the start-up path (10-17 CPU-seconds at 2026-12-04),
        # so the first consultation does not pay for them.
        # /readyz answers 503 until this is done, so a load balancer sends no note to a cold reader.
        app.state.warm = threading.Event()
        threading.Thread(target=_warm_up, args=(app.state.warm,), name="rightscan-warm-up", daemon=True).start()
        if app.state.verifier is None:
            log.warning(DEV_MODE_WARNING)
        log.info(
            "RightScan %s ready: knowledge %s, decision log %s",
            __version__,
            kb.version,
            redact_url(settings.database_url),
        )
        try:
            yield
        finally:
            store.close()

    app = FastAPI(
        title="RightScan",
        version=__version__,
        summary="Imaging appropriateness for breast cancer staging: AJCC 8 staging, ACR criteria, CDS Hooks 2.0",
        lifespan=lifespan,
        # with authentication on, the API's own documentation is not served to callers without a token
        **({"docs_url": None, "redoc_url": None, "openapi_url": None} if settings.auth_config is not None else {}),
        # FastAPI's built-in OpenTelemetry hooks stay off: their log records would carry validation errors
        # with the request's input values (patient facts), and they cost each request a context look-up.
        telemetry={"tracing": False, "metrics": False, "logs": False, "operation_spans": False},
        # a trailing-slash redirect builds its address from the request's Host header, not the public URL, and
        # keeps the query (a link's token): with authentication on there is none (seventh security pass)
        redirect_slashes=settings.auth_config is None,
    )
    errors.install(app)
    access.install(app)
    app.add_middleware(RequestGuard)
    app.state.templates = Jinja2Templates(directory=str(HERE / "templates"))
    from rightscan.interfaces.http import present

    present.install(app.state.templates)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    from rightscan.interfaces.http import (
        routes_api,
        routes_cds,
        routes_reports,
        routes_topics,
        routes_web,
        smart_launch,
    )

    app.include_router(routes_api.router)
    app.include_router(routes_cds.router)
    app.include_router(routes_web.router)
    app.include_router(routes_reports.router)
    app.include_router(routes_topics.router)
    smart_launch.install(app)
    return app


def _warm_up(done: threading.Event) -> None:
    try:
        from rightscan.adapters import fhir
        from rightscan.adapters.text import warm_up

        fhir.warm_up()
        warm_up()
        # Long-lived objects (knowledge, models, pipeline) leave the garbage collector's working set,
        # so its periodic full collections stay short under load.
        gc.freeze()
    except Exception as exc:  # a failed warm-up only delays the first request; the request reports errors
        log.warning("warm-up skipped: %s", type(exc).__name__)
    finally:
        done.set()


def startup_problem(settings: Settings) -> str | None:
    """What stops this configuration from serving safely, in one sentence (None when nothing does)."""
    if settings.auth_config is not None and not settings.public_url:
        return (
            "authentication is configured but RIGHTSCAN_PUBLIC_URL (--public-url) is not: the JWT audience "
            "must be the URL the EHR calls, never the request's Host header"
        )
    bad = unwritable_files(settings.database_url)
    if bad:
        return f"the decision log is not writable by this process: {', '.join(bad)}"
    return None


def _link_signer(settings: Settings, store: DecisionStore):  # type: ignore[no-untyped-def]
    from rightscan.adapters.security.links import LinkSigner

    if settings.link_secret is not None:
        return LinkSigner(settings.link_secret.get_secret_value().encode(), settings.link_ttl, settings.session_ttl)
    if settings.auth_config is None:  # development mode: links carry no token
        return LinkSigner.ephemeral(settings.link_ttl, settings.session_ttl)
    # One secret for every worker and instance on this store, so a link made by one opens on another.
    secret = store.shared_secret("link_secret").encode()
    return LinkSigner(secret, settings.link_ttl, settings.session_ttl)


def _verifier(settings: Settings, store: DecisionStore):  # type: ignore[no-untyped-def]
    if settings.auth_config is None:
        return None
    from rightscan.adapters.security.jwt_auth import AuthConfig, JwtVerifier

    def shared_replay(iss: str, jti: str, forget_at: float) -> bool:
        try:
            return store.remember_token(iss, jti, forget_at).result(timeout=15)
        except TimeoutError:
            raise StoreError("decision log unavailable: no answer in time") from None

    return JwtVerifier(AuthConfig.from_file(settings.auth_config), shared_replay=shared_replay)
