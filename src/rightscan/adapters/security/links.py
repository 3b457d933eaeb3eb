"""Short-lived signed links and browser sessions for pages that show patient facts.

A CDS card (or an API answer) carries a link to the decision's explanation page. When authentication
is configured, a plain decision id is not enough to open it: the link carries a token signed with the
service's link secret (HS256, PyJWT), bound to that decision and the caller's tenant, valid for a few
minutes. Opening a valid link starts a browser session (an HttpOnly cookie, itself a signed token)
that lists the decisions this browser may open and the tenant it acts for; web-form posts need that
session plus a CSRF token derived from it.

A SMART on FHIR launch starts a session scoped to one patient of one organisation: the session holds
the patient as a keyed hash (:meth:`LinkSigner.patient_ref`), the same hash the decision log stores
for decisions made about that patient, so the cookie never carries the patient's identifier. The
launch itself is bound to the browser by a short-lived signed cookie carrying its ``state``; the PKCE
verifier and the OpenID nonce are derived from that state with the secret (:meth:`LinkSigner.pkce_verifier`,
:meth:`LinkSigner.oidc_nonce`), so nothing secret sits in the browser; the state is spent on its first
use (the shared store remembers it, see ``smart_launch``).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass, field

import jwt

from rightscan.adapters.security.refusal import Refusal

ALGORITHM = "HS256"
LINK_KIND = "rightscan-link"
SESSION_KIND = "rightscan-session"
LAUNCH_KIND = "rightscan-launch"
LAUNCH_TTL = 600  # seconds between the EHR's launch and the authorisation server's answer
MAX_SESSION_IDS = 50  # the decisions one browser session may reopen (oldest dropped first)


class LinkError(Refusal):
    """A link or session token that is missing, forged, expired or for another decision."""


@dataclass(frozen=True, slots=True)
class Session:
    tenant: str | None
    decision_ids: tuple[str, ...] = field(default_factory=tuple)
    expires: int = 0
    nonce: str = ""
    subject: str | None = None  # the patient a SMART launch scoped this session to (keyed hash)

    def allows(self, decision_id: str) -> bool:
        return decision_id in self.decision_ids


@dataclass(frozen=True, slots=True)
class Launch:
    """A SMART launch in progress: its state, the FHIR server (iss) and that server's token endpoint."""

    state: str
    iss: str
    token_endpoint: str
    oidc_issuer: str | None = None  # the issuer and key set an id_token is checked against (None: not checkable)
    jwks_uri: str | None = None


class LinkSigner:
    """Signs and checks link tokens and session cookies with one secret (at least 32 bytes)."""

    def __init__(self, secret: bytes, link_ttl: int = 900, session_ttl: int = 3600) -> None:
        if len(secret) < 32:
            raise ValueError("the link secret must be at least 32 bytes")
        self._secret = secret
        self.link_ttl = link_ttl
        self.session_ttl = session_ttl

    @classmethod
    def ephemeral(cls, link_ttl: int = 900, session_ttl: int = 3600) -> LinkSigner:
        """A signer with a random secret: links stay valid for this process's life only."""
        return cls(secrets.token_bytes(32), link_ttl, session_ttl)

    # ------------------------------------------------------------------ links
    def link_token(self, decision_id: str, tenant: str | None, now: float | None = None) -> str:
        now = time.time() if now is None else now
        claims = {"k": LINK_KIND, "sub": decision_id, "ten": tenant, "exp": int(now) + self.link_ttl}
        return jwt.encode(claims, self._secret, algorithm=ALGORITHM)

    def check_link(self, token: str, decision_id: str) -> str | None:
        """The tenant the link was issued for; ``LinkError`` when it does not open this decision."""
        claims = self._decode(token, LINK_KIND)
        if claims.get("sub") != decision_id:
            raise LinkError("the link is for another decision")
        tenant = claims.get("ten")
        return tenant if isinstance(tenant, str) else None

    # ------------------------------------------------------------------ sessions
    def session_token(self, session: Session, now: float | None = None) -> str:
        now = time.time() if now is None else now
        claims = {
            "k": SESSION_KIND,
            "ten": session.tenant,
            "ids": list(session.decision_ids[-MAX_SESSION_IDS:]),
            "exp": int(now) + self.session_ttl,
            "n": session.nonce or secrets.token_urlsafe(12),
        }
        if session.subject is not None:
            claims["pt"] = session.subject
        return jwt.encode(claims, self._secret, algorithm=ALGORITHM)

    def read_session(self, token: str) -> Session:
        claims = self._decode(token, SESSION_KIND)
        ids = claims.get("ids")
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise LinkError("malformed session")
        tenant = claims.get("ten")
        subject = claims.get("pt")
        return Session(
            tenant=tenant if isinstance(tenant, str) else None,
            decision_ids=tuple(ids),
            expires=int(claims["exp"]),
            nonce=str(claims.get("n", "")),
            subject=subject if isinstance(subject, str) else None,
        )

    def csrf_token(self, session: Session) -> str:
        """The form token for a session: a keyed hash of its nonce (not guessable without the secret)."""
        return hmac.new(self._secret, b"csrf:" + session.nonce.encode(), hashlib.sha256).hexdigest()

    def check_csrf(self, session: Session, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(self.csrf_token(session), token or "")

    # ------------------------------------------------------------------ SMART launch
    def patient_ref(self, organisation: str | None, patient_id: str | None) -> str | None:
        """The patient as the decision log and sessions know it: a keyed hash of (organisation, FHIR
        patient id), None without a patient. Equal only for the same patient in the same organisation."""
        if not patient_id:
            return None
        message = b"patient:" + (organisation or "").encode() + b"\x00" + patient_id.encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

    def launch_token(self, launch: Launch, now: float | None = None) -> str:
        now = time.time() if now is None else now
        claims = {
            "k": LAUNCH_KIND,
            "st": launch.state,
            "iss": launch.iss,
            "te": launch.token_endpoint,
            "exp": int(now) + LAUNCH_TTL,
        }
        if launch.oidc_issuer and launch.jwks_uri:
            claims |= {"oi": launch.oidc_issuer, "jk": launch.jwks_uri}
        return jwt.encode(claims, self._secret, algorithm=ALGORITHM)

    def read_launch(self, token: str) -> Launch:
        claims = self._decode(token, LAUNCH_KIND)
        state, iss, endpoint = claims.get("st"), claims.get("iss"), claims.get("te")
        if not (isinstance(state, str) and isinstance(iss, str) and isinstance(endpoint, str)):
            raise LinkError("malformed launch")
        oidc_issuer, jwks_uri = claims.get("oi"), claims.get("jk")
        checkable = isinstance(oidc_issuer, str) and isinstance(jwks_uri, str)
        return Launch(
            state=state,
            iss=iss,
            token_endpoint=endpoint,
            oidc_issuer=oidc_issuer if checkable else None,  # type: ignore[arg-type]
            jwks_uri=jwks_uri if checkable else None,  # type: ignore[arg-type]
        )

    def oidc_nonce(self, state: str) -> str:
        """The OpenID ``nonce`` of the launch with this ``state`` (an id_token must carry it back); single use
        with its state."""
        return hmac.new(self._secret, b"nonce:" + state.encode(), hashlib.sha256).hexdigest()

    def pkce_verifier(self, state: str) -> str:
        """The PKCE code verifier of the launch with this ``state`` (RFC 7636: 43-128 URL-safe characters)."""
        return hmac.new(self._secret, b"pkce:" + state.encode(), hashlib.sha512).hexdigest()[:96]

    # ------------------------------------------------------------------ internals
    def _decode(self, token: str, kind: str) -> dict[str, object]:
        if not token or len(token) > 8192:
            raise LinkError("missing or oversized token")
        try:
            claims = jwt.decode(token, self._secret, algorithms=[ALGORITHM], options={"require": ["exp"]})
        except jwt.ExpiredSignatureError:
            raise LinkError("the link has expired") from None
        except jwt.PyJWTError:
            raise LinkError("invalid link") from None
        if claims.get("k") != kind:
            raise LinkError("invalid link")
        return claims  # type: ignore[no-any-return]
