"""SMART on FHIR EHR launch: a clinician reaches the decision pages of the patient open in the EHR.

``GET /launch?iss=...&launch=...`` (the EHR's launch URL) sends the browser to the EHR's authorisation
server; ``GET /launch/callback`` receives the code, exchanges it (PKCE) and opens a browser session
scoped to the launch's organisation and patient; ``GET /launch/patient`` lists that patient's decisions.
The protocol work is in :mod:`rightscan.adapters.security.smart`; this module binds it to the browser
(the launch cookie, the session) and answers every failure with a 4xx page (502 when the EHR's server
fails), never with patient facts. Codes and tokens are never logged.

Settings: ``RIGHTSCAN_SMART_CLIENT_ID`` (and ``RIGHTSCAN_SMART_CLIENT_SECRET`` for a confidential client),
``RIGHTSCAN_SMART_SCOPE``, ``RIGHTSCAN_SMART_ISSUERS``, with
authentication and ``RIGHTSCAN_PUBLIC_URL`` configured (see :mod:`rightscan.settings`).
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import secrets
import time
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from rightscan.adapters.security import smart
from rightscan.adapters.security.links import LAUNCH_TTL, Launch, LinkError, Session
from rightscan.interfaces.http import access
from rightscan.interfaces.http.deps import engine_of, organisation
from rightscan.settings import Settings

router = APIRouter(include_in_schema=False)
log = logging.getLogger("rightscan.http")
LAUNCH_COOKIE = "rightscan_launch"
LAUNCH_PATH = "/launch"
STATE_SPENT = "rightscan:smart-state"  # the namespace of spent launch states in the store's seen-token table


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    if not access.auth_configured(request) or not settings.smart_client_id or not settings.public_url:
        raise smart.SmartError(404, "SMART on FHIR launch is not configured on this service")
    return settings


def _issuers(settings: Settings) -> dict[str, str]:
    """Allowed FHIR servers (launch ``iss``, without a trailing slash) -> the issuer of that EHR's CDS JWTs."""
    return {fhir.rstrip("/"): cds for fhir, cds in settings.smart_issuers.items()}


def _policy(settings: Settings) -> smart.Policy:
    return smart.Policy(settings.fhir_allow_http, tuple(settings.fhir_allowed_hosts), settings.fhir_timeout)


def _discovery(request: Request, settings: Settings) -> smart.Discovery:
    """This process's memory of the allowed EHRs' SMART configurations (made on the first launch)."""
    discovery: smart.Discovery | None = getattr(request.app.state, "smart_discovery", None)
    if discovery is None:
        discovery = request.app.state.smart_discovery = smart.Discovery(_issuers(settings))
    return discovery


def _redirect_uri(request: Request, settings: Settings) -> str:
    assert settings.public_url is not None
    return settings.public_url.rstrip("/") + request.app.url_path_for("smart_callback")


def _page(request: Request, status: int, **context: Any) -> Response:
    response = request.app.state.templates.TemplateResponse(request, "launch.html", context, status_code=status)
    return access.finish(request, response)


def _refused(request: Request, exc: smart.SmartError) -> Response:
    log.info("SMART launch refused: %s", exc.reason)  # fixed phrases: no token, code or patient
    response = _page(request, exc.status, reason=exc.reason)
    response.delete_cookie(LAUNCH_COOKIE, path=LAUNCH_PATH)
    return response


def _bounded(value: str, what: str) -> str:
    if not value:
        raise smart.SmartError(400, f"the EHR's request carries no {what}")
    if len(value) > smart.MAX_PARAM_CHARS:
        raise smart.SmartError(400, f"the EHR's {what} is longer than {smart.MAX_PARAM_CHARS} characters")
    return value


async def _first_use(request: Request, state: str) -> bool:
    """True the first time a launch's ``state`` comes back (remembered in the decision store, which every
    worker and instance shares, until the launch would have expired anyway)."""
    store = engine_of(request).store
    try:
        return await asyncio.wrap_future(store.remember_token(STATE_SPENT, state, time.time() + LAUNCH_TTL))
    except Exception:  # the store cannot say: refuse rather than risk a second use
        raise smart.SmartError(503, "the decision log is unavailable; launch again in a moment") from None


@router.get(LAUNCH_PATH, name="smart_launch")
async def launch(request: Request, iss: str = "", launch: str = "") -> Response:
    """The EHR launch: discover the EHR's authorisation server and send the browser there."""
    try:
        settings = _settings(request)
        _bounded(iss, "iss")
        _bounded(launch, "launch parameter")
        issuer = iss.rstrip("/")
        if issuer not in _issuers(settings):
            raise smart.SmartError(403, "this EHR (iss) is not allowed to launch RightScan")
        endpoints = await _discovery(request, settings).endpoints(issuer, _policy(settings))
    except smart.SmartError as exc:
        return _refused(request, exc)
    signer = access.signer_of(request)
    state = secrets.token_urlsafe(32)
    target = smart.authorize_url(
        endpoints.authorize,
        client_id=settings.smart_client_id or "",
        redirect_uri=_redirect_uri(request, settings),
        scope=settings.smart_scope,
        state=state,
        aud=iss,
        launch=launch,
        verifier=signer.pkce_verifier(state),
        nonce=signer.oidc_nonce(state),
    )
    response = RedirectResponse(target, status_code=302)
    pending = Launch(
        state=state,
        iss=issuer,
        token_endpoint=endpoints.token,
        oidc_issuer=endpoints.issuer,
        jwks_uri=endpoints.jwks_uri,
    )
    response.set_cookie(
        LAUNCH_COOKIE,
        signer.launch_token(pending),
        max_age=LAUNCH_TTL,
        httponly=True,
        samesite="lax",  # the authorisation server's redirect back is a cross-site top-level navigation
        secure=access.browser_uses_https(request),
        path=LAUNCH_PATH,
    )
    response.headers["Cache-Control"] = "no-store"
    return response


@router.get(LAUNCH_PATH + "/callback", name="smart_callback")
async def callback(request: Request, code: str = "", state: str = "", error: str = "") -> Response:
    """The authorisation server's answer: check the state, exchange the code, open the patient's session."""
    try:
        settings = _settings(request)
        signer = access.signer_of(request)
        raw = request.cookies.get(LAUNCH_COOKIE)
        if not raw:
            raise smart.SmartError(400, "no launch is in progress in this browser")
        try:
            pending = signer.read_launch(raw)
        except LinkError:
            raise smart.SmartError(400, "the launch has expired or is not valid") from None
        if not state or not hmac.compare_digest(state.encode(), pending.state.encode()):
            raise smart.SmartError(403, "the answer does not belong to this browser's launch (state mismatch)")
        # a state (and with it the PKCE verifier and the nonce) is good for one answer, in every worker
        if not await _first_use(request, pending.state):
            raise smart.SmartError(403, "this launch has already been used; launch again from the EHR")
        if error:
            raise smart.SmartError(401, f"the EHR did not authorise RightScan ({smart.oauth_error(error)})")
        _bounded(code, "authorization code")
        cds_issuer = _issuers(settings).get(pending.iss)
        if cds_issuer is None:
            raise smart.SmartError(403, "this EHR (iss) is not allowed to launch RightScan")
        secret = settings.smart_client_secret
        check = None
        if pending.oidc_issuer and pending.jwks_uri:
            check = (pending.oidc_issuer, pending.jwks_uri, signer.oidc_nonce(pending.state))
        context = await smart.exchange(
            pending.token_endpoint,
            code=code,
            verifier=signer.pkce_verifier(pending.state),
            client=smart.Client(
                client_id=settings.smart_client_id or "",
                secret=secret.get_secret_value() if secret is not None else None,
                redirect_uri=_redirect_uri(request, settings),
            ),
            policy=_policy(settings),
            id_token_check=check,
        )
    except smart.SmartError as exc:
        return _refused(request, exc)
    tenant = organisation(cds_issuer, context.tenant)
    request.state.new_session = Session(
        tenant=tenant, subject=signer.patient_ref(tenant, context.patient), nonce=secrets.token_urlsafe(12)
    )
    log.info("SMART launch: session opened for one patient")
    # A page that moves on by itself, rather than a redirect: the strict session cookie set here is then
    # sent on the next (same-site) navigation, which a redirect chain started by the EHR would not be.
    response = _page(request, 200, forward=request.app.url_path_for("smart_patient"))
    response.delete_cookie(LAUNCH_COOKIE, path=LAUNCH_PATH)
    return response


@router.get(LAUNCH_PATH + "/patient", name="smart_patient")
async def patient_decisions(request: Request) -> Response:
    """The decisions about the launched patient in the launch's organisation, newest first."""
    session = access.current_session(request)
    if session is None or session.subject is None or session.tenant is None:
        raise access.AccessDenied(401, "launch RightScan from the patient's chart in your EHR")
    store = engine_of(request).store
    rows = await run_in_threadpool(store.decisions_of, session.tenant, session.subject)
    decisions = [{**row, "url": request.app.url_path_for("decision_page", decision_id=str(row["id"]))} for row in rows]
    return _page(request, 200, decisions=decisions)


def install(app: FastAPI) -> None:
    app.include_router(router)
