"""Short-lived signed links and browser sessions for pages that show patient facts.

A CDS card (or an API answer) carries a link to the decision's explanation page. When authentication
is configured, a plain decision id is not enough to open it: the link carries a token signed with the
service's link secret (HS256, PyJWT), bound to that decision and the caller's tenant, valid for a few
minutes. Opening a valid link starts a browser session (an HttpOnly cookie, itself a signed token)
that lists the decisions this browser may open and the tenant it acts for; web-form posts need that
session plus a CSRF token derived from it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass, field

import jwt

ALGORITHM = "HS256"
LINK_KIND = "rightscan-link"
SESSION_KIND = "rightscan-session"
MAX_SESSION_IDS = 50  # the decisions one browser session may reopen (oldest dropped first)


class LinkError(Exception):
    """A link or session token that is missing, forged, expired or for another decision."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Session:
    tenant: str | None
    decision_ids: tuple[str, ...] = field(default_factory=tuple)
    expires: int = 0
    nonce: str = ""

    def allows(self, decision_id: str) -> bool:
        return decision_id in self.decision_ids


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
        return jwt.encode(claims, self._secret, algorithm=ALGORITHM)

    def read_session(self, token: str) -> Session:
        claims = self._decode(token, SESSION_KIND)
        ids = claims.get("ids")
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise LinkError("malformed session")
        tenant = claims.get("ten")
        return Session(
            tenant=tenant if isinstance(tenant, str) else None,
            decision_ids=tuple(ids),
            expires=int(claims["exp"]),
            nonce=str(claims.get("n", "")),
        )

    def csrf_token(self, session: Session) -> str:
        """The form token for a session: a keyed hash of its nonce (not guessable without the secret)."""
        return hmac.new(self._secret, b"csrf:" + session.nonce.encode(), hashlib.sha256).hexdigest()

    def check_csrf(self, session: Session, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(self.csrf_token(session), token or "")

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
