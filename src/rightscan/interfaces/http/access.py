"""One access policy for every web route that reads or writes patient facts.

Development mode (no auth configured, loopback only): every caller is trusted, as before.

With authentication configured, a logged decision (page, procedure table, handout, PDF, the form
pre-filled from it) opens only for
- a short-lived signed link (``?t=``) that a CDS card or an API answer carried, bound to that decision
  and its tenant; opening one starts a browser session (HttpOnly, SameSite=Strict cookie), or extends
  the browser's session of the same organisation (a session of another organisation is kept unchanged);
- a browser session that already opened that decision;
- a browser session started by a SMART on FHIR EHR launch (``smart_launch``), for the decisions about
  the launched patient in the launch's organisation;
- a bearer JWT that the service's verifier accepts and whose tenant is the decision's tenant.
Anything else gets 401 (nothing about the decision is shown, not even whether it exists).

Form posts (evaluate, read a note) need, with auth on, a session or a bearer token, and for a session
a CSRF token derived from it; in every mode a cross-site ``Origin`` is refused.
"""

from __future__ import annotations

import secrets
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request, Response
from starlette.datastructures import FormData

from rightscan.adapters.security.links import MAX_SESSION_IDS, LinkError, LinkSigner, Session
from rightscan.interfaces.http.deps import require_auth
from rightscan.interfaces.http.problem import ApiError

SESSION_COOKIE = "rightscan_session"
SIGN_IN = "sign in through your EHR or open the link from the decision card"
NO_ORGANISATION = object()  # the owner of a decision that does not exist: equal to no caller's organisation
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"


class AccessDenied(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def auth_configured(request: Request) -> bool:
    return request.app.state.verifier is not None


def signer_of(request: Request) -> LinkSigner:
    return request.app.state.links  # type: ignore[no-any-return]


def current_session(request: Request) -> Session | None:
    if not auth_configured(request):
        return None
    pending = getattr(request.state, "new_session", None)
    if pending is not None:
        return pending  # type: ignore[no-any-return]
    raw = request.cookies.get(SESSION_COOKIE)
    if not raw:
        return None
    try:
        return signer_of(request).read_session(raw)
    except LinkError:
        return None


def _grant(request: Request, decision_id: str, tenant: str | None) -> None:
    """Remember that this browser may open ``decision_id`` (set on the response by ``finish``).

    A browser already signed in for another organisation keeps its session: the link opens its page (the
    link itself is the authority for that request) but does not sign the browser in elsewhere. Otherwise
    a link sent by someone of organisation B would silently move a clinician of organisation A into B,
    and the next decisions she made in the form would be filed under B, for B to read."""
    session = current_session(request)
    if session is not None and session.tenant != tenant:
        return
    if session is None:
        session = Session(tenant=tenant, nonce=secrets.token_urlsafe(12))
    ids = (*tuple(i for i in session.decision_ids if i != decision_id), decision_id)
    request.state.new_session = replace(session, decision_ids=ids[-MAX_SESSION_IDS:])


_SAMPLE_ID = "00000000-0000-4000-8000-000000000000"


def decision_url(request: Request, decision_id: str) -> str:
    """The explanation page's URL: the route's path (looked up once per app, not by walking every route
    on each request) on the public base URL, or on the request's base URL in development mode."""
    template = getattr(request.app.state, "decision_path", None)
    if template is None:
        template = request.app.state.decision_path = request.app.url_path_for("decision_page", decision_id=_SAMPLE_ID)
    base = request.app.state.settings.public_url or str(request.base_url)
    return base.rstrip("/") + template.replace(_SAMPLE_ID, decision_id)


def patient_ref(request: Request, tenant: str | None, patient_id: str | None) -> str | None:
    """How the decision log records the patient a decision is about (a keyed hash; None in development
    mode or without a patient), so that a SMART launch for that patient opens it."""
    if not auth_configured(request):
        return None
    return signer_of(request).patient_ref(tenant, patient_id)


def link_for(request: Request, url: str, decision_id: str, tenant: str | None) -> str:
    """``url`` with a signed link token when auth is configured (unchanged in development mode).

    With a public URL configured, the link is built on it, never on the request's Host header (which
    would let a forged Host send the link and its token elsewhere)."""
    public = request.app.state.settings.public_url
    if public:
        parts = urlsplit(url)
        url = public.rstrip("/") + parts.path + (f"?{parts.query}" if parts.query else "")
    if not auth_configured(request):
        return url
    token = signer_of(request).link_token(decision_id, tenant)
    return f"{url}{'&' if '?' in url else '?'}t={token}"


async def _bearer_tenant(request: Request) -> tuple[bool, str | None]:
    if not request.headers.get("authorization"):
        return False, None
    identity = await require_auth(request)  # raises 401 for a bad token
    return True, (identity or {}).get("tenant")


async def authorize_record(request: Request, record: dict[str, Any]) -> None:
    """Raise ``AccessDenied`` unless this request may see the logged facts of ``record``."""
    if not auth_configured(request):
        return
    decision_id = str(record["id"])
    tenant = record.get("tenant")
    link = request.query_params.get("t")
    if link:
        try:
            link_tenant = signer_of(request).check_link(link, decision_id)
        except LinkError as exc:
            raise AccessDenied(401, exc.reason) from None
        if link_tenant != tenant:
            raise AccessDenied(401, "the link is for another organisation")
        _grant(request, decision_id, tenant)
        return
    session = current_session(request)
    if session is not None and session.tenant == tenant:
        if session.allows(decision_id):
            return
        if session.subject is not None and record.get("subject") == session.subject:
            return  # a SMART launch for this patient in this organisation
    try:
        has_bearer, bearer_tenant = await _bearer_tenant(request)
    except ApiError as exc:
        raise AccessDenied(401, exc.message) from None
    if has_bearer and bearer_tenant == tenant:
        return
    raise AccessDenied(401, SIGN_IN)


def _same_origin(request: Request) -> bool:
    site = request.headers.get("sec-fetch-site")
    if site in ("cross-site", "same-site"):  # the browser itself says the post comes from another site
        return False
    origin = request.headers.get("origin")
    if origin is None:  # not sent by non-browser clients; browsers send it on every cross-site post
        return True
    if origin == "null":
        # Browsers send "null" for a form post from a page served with Referrer-Policy: no-referrer (as
        # every page here is); their Fetch Metadata header still says where the post came from.
        return request.headers.get("sec-fetch-site") == "same-origin"
    public = request.app.state.settings.public_url
    expected = {request.headers.get("host", "")}
    if public:
        expected.add(urlsplit(public).netloc)
    return urlsplit(origin).netloc in expected


async def authorize_post(request: Request, max_fields: int) -> tuple[str | None, FormData]:
    """Check a web-form post before its body is read, then its CSRF token; returns (the tenant the
    new decision belongs to, the form)."""
    if not _same_origin(request):
        raise AccessDenied(403, "cross-site form posts are refused")
    if not auth_configured(request):
        return None, await request.form(max_fields=max_fields)
    session = current_session(request)
    if session is None:
        try:
            has_bearer, tenant = await _bearer_tenant(request)
        except ApiError as exc:
            raise AccessDenied(401, exc.message) from None
        if not has_bearer:
            raise AccessDenied(401, SIGN_IN)
        return tenant, await request.form(max_fields=max_fields)
    form = await request.form(max_fields=max_fields)
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not signer_of(request).check_csrf(session, sent):
        raise AccessDenied(403, "the form token is missing or invalid; reload the page")
    return session.tenant, form


def remember(request: Request, decision_id: str, tenant: str | None) -> None:
    """A decision this browser just created may be reopened by it (auth configured only)."""
    if auth_configured(request) and current_session(request) is not None:
        _grant(request, decision_id, tenant)


def csrf_token(request: Request) -> str | None:
    session = current_session(request)
    return signer_of(request).csrf_token(session) if session is not None else None


def acting_for(request: Request) -> str | None:
    """The organisation this browser's session files form decisions under (``<issuer>|<tenant>``), to show
    on the form; None without a session (or in development mode). A browser with no session takes the
    organisation of the first signed link it opens, or of its SMART launch; a link of another organisation
    never changes it (``_grant``)."""
    session = current_session(request)
    return session.tenant if session is not None else None


def browser_uses_https(request: Request) -> bool:
    """Whether cookies must be ``Secure``: behind a TLS-ending proxy the app sees http, and the public URL
    says what the browser uses."""
    return request.url.scheme == "https" or (request.app.state.settings.public_url or "").startswith("https:")


def finish(request: Request, response: Response) -> Response:
    """Set the session cookie when this request started or extended one; pages are never cached."""
    session = getattr(request.state, "new_session", None)
    if session is not None:
        signer = signer_of(request)
        response.set_cookie(
            SESSION_COOKIE,
            signer.session_token(session),
            max_age=signer.session_ttl,
            httponly=True,
            samesite="strict",
            secure=browser_uses_https(request),
            path="/",
        )
    response.headers["Cache-Control"] = "no-store"
    return response


def install(app: FastAPI) -> None:
    """Answer ``AccessDenied`` with the sign-in page (HTML; nothing about the decision is shown)."""

    @app.exception_handler(AccessDenied)
    async def _denied(request: Request, exc: AccessDenied) -> Response:
        templates = request.app.state.templates
        response = templates.TemplateResponse(
            request,
            "denied.html",
            {"reason": exc.reason},
            status_code=exc.status,
            headers={"WWW-Authenticate": "Bearer"} if exc.status == 401 else None,
        )
        return finish(request, response)
