"""Verify the JWT an EHR sends with every CDS Hooks call (CDS Hooks 2.0, "Trusting CDS Clients").

The HTTP layer hands over the raw ``Authorization`` header and the public URL of the endpoint that was
called; :meth:`JwtVerifier.verify` returns a :class:`VerifiedToken` or raises :class:`AuthError`.

Trust model:

* Issuers are an allowlist. Each allowed ``iss`` names where its keys come from: a local JWK Set file
  or one https JWK Set URL. A token's key is looked up only in its own issuer's key set, by ``kid``.
* A ``jku`` header is never followed. It is tolerated only when it equals the issuer's configured
  ``jwks_url`` character for character; anything else is refused.
* Only asymmetric signatures are accepted (see :data:`ALLOWED_ALGORITHMS`; ES384 and RS384 are the ones
  the specification recommends). ``none`` and every HMAC algorithm are refused before any key is
  looked up, which closes the public-key-as-HMAC-secret confusion.
* ``jti`` is single use: a verified token's ``(iss, jti)`` is remembered until the token could no
  longer pass the expiry and age checks, and a second presentation is refused.

Signature and claim checks are done by PyJWT; this module only decides which key and which algorithm
PyJWT may use, and adds the checks PyJWT does not make (token age, replay, header rules).

Reasons carried by :class:`AuthError` are fixed short phrases. They never contain token contents, so
they may be logged and may be returned to the client.
"""

from __future__ import annotations

import json
import logging
import math
import re
import threading
import time
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self
from urllib.parse import urlsplit

import httpx
import jwt
from cachetools import Cache, LRUCache, TLRUCache, TTLCache
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

from rightscan.package_data import read_yaml

log = logging.getLogger(__name__)

#: Signature algorithms a token may use. All asymmetric; ES384 and RS384 are the recommended pair.
ALLOWED_ALGORITHMS: frozenset[str] = frozenset(
    {"RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512"}
)
RECOMMENDED_ALGORITHMS: tuple[str, ...] = ("ES384", "RS384")
REQUIRED_CLAIMS: tuple[str, ...] = ("iss", "aud", "exp", "iat", "jti")

JWKS_CACHE_SECONDS = 600.0  # a fetched key set is used without refetching for this long
JWKS_MAX_STALE_SECONDS = 3600.0  # if refreshing fails, an older key set is still used up to this age
JWKS_RETRY_SECONDS = 5.0  # after a failed fetch, wait this long before trying the URL again
UNKNOWN_KID_REFETCH_SECONDS = 60.0  # an unknown kid triggers at most one refetch per key set in this window
JWKS_MAX_BYTES = 64 * 1024
MAX_TOKEN_CHARS = 16 * 1024
MAX_ID_CHARS = 256  # upper bound for kid and jti, which end up as dictionary keys
PREPARED_KEYS = 64  # PyJWK objects kept per key set, by (kid, alg)

_LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost"})
_COMPACT_JWS = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")
_EC_CURVES = {"ES256": "P-256", "ES384": "P-384", "ES512": "P-521"}
_PRIVATE_JWK_MEMBERS = frozenset({"d", "p", "q", "dp", "dq", "qi", "oth", "k"})

# Monotonic clock for cache ages and rate limits; a module attribute so tests can move time forward.
_monotonic: Callable[[], float] = time.monotonic


class AuthError(Exception):
    """A request's credentials were refused. ``reason`` is a short phrase safe to log or return."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class AuthConfigError(ValueError):
    """The authentication configuration, or a key set it names, is unusable; the message says where."""


# ------------------------------------------------------------------ configuration
class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class IssuerConfig(_Strict):
    """Where one allowed issuer's public keys come from: exactly one of a file or a URL."""

    jwks_file: Path | None = None
    jwks_url: str | None = None

    @field_validator("jwks_file")
    @classmethod
    def _resolve_file(cls, value: Path | None, info: ValidationInfo) -> Path | None:
        if value is None:
            return None
        base = (info.context or {}).get("base_dir")
        path = value if value.is_absolute() or base is None else Path(base) / value
        if not path.is_file():
            raise ValueError(f"file not found: {path}")
        return path.resolve()

    @field_validator("jwks_url")
    @classmethod
    def _check_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        _check_jwks_url(value)
        return value

    @model_validator(mode="after")
    def _exactly_one_source(self) -> Self:
        if (self.jwks_file is None) == (self.jwks_url is None):
            raise ValueError("give exactly one of jwks_file or jwks_url")
        return self


class AuthConfig(_Strict):
    """Allowed issuers and clock rules for verifying EHR tokens."""

    issuers: dict[str, IssuerConfig] = Field(min_length=1)
    leeway_seconds: int = Field(default=30, ge=0, le=300)
    max_token_age_seconds: int = Field(default=300, gt=0, le=86_400)

    @field_validator("issuers")
    @classmethod
    def _issuer_names(cls, value: dict[str, IssuerConfig]) -> dict[str, IssuerConfig]:
        for name in value:
            if not name or name != name.strip():
                raise ValueError(f"issuer {name!r} must be a non-empty string without surrounding spaces")
        return value

    @classmethod
    def from_mapping(cls, data: Any, *, base_dir: Path | None = None, source: str = "auth config") -> AuthConfig:
        """Validate an already-parsed configuration; relative ``jwks_file`` paths resolve against ``base_dir``."""
        if not isinstance(data, Mapping):
            raise AuthConfigError(f"{source}: the top level must be a mapping")
        try:
            return cls.model_validate(data, context={"base_dir": base_dir})
        except ValidationError as exc:
            problems = "; ".join(_describe(err) for err in exc.errors())
            raise AuthConfigError(f"{source}: {problems}") from None

    @classmethod
    def from_file(cls, path: str | Path) -> AuthConfig:
        """Read a YAML or JSON (``.json``) configuration file and validate it."""
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8")) if path.suffix.lower() == ".json" else read_yaml(path)
        except (OSError, ValueError) as exc:  # package_data.YamlError is a ValueError
            raise AuthConfigError(f"{path}: cannot read configuration: {exc}") from None
        return cls.from_mapping(data, base_dir=path.resolve().parent, source=str(path))


def _check_jwks_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.username or parts.password:
        raise ValueError("must not contain credentials")
    if parts.scheme == "https" and parts.hostname:
        return
    if parts.scheme == "http" and parts.hostname in _LOOPBACK_HOSTS:
        return
    raise ValueError("must be an https URL (plain http is allowed only for 127.0.0.1 and localhost)")


def _describe(err: Mapping[str, Any]) -> str:
    where = ""
    for part in err["loc"]:
        if isinstance(part, str) and part.isidentifier():
            where += f".{part}" if where else part
        else:
            where += f"[{json.dumps(part)}]"
    message = "unknown key" if err["type"] == "extra_forbidden" else str(err["msg"]).removeprefix("Value error, ")
    return f"{where or '(top level)'}: {message}"


# ------------------------------------------------------------------ result
@dataclass(frozen=True, slots=True)
class VerifiedToken:
    """The claims of a token that passed every check."""

    iss: str
    sub: str | None
    aud: tuple[str, ...]
    jti: str
    exp: int
    iat: int
    tenant: str | None
    kid: str


# ------------------------------------------------------------------ replay cache
class _ExpiryCache(TLRUCache):  # type: ignore[type-arg]
    """A TLRU cache whose values are their own expiry times, and which, when full, drops the entry
    closest to expiry (not the least recently used one)."""

    dropped_live = 0

    def popitem(self) -> tuple[Hashable, float]:
        with self.timer as now:
            self.expire(now)
            if not len(self):
                raise KeyError("empty")
            key = min(self, key=lambda k: Cache.__getitem__(self, k))
            value = Cache.__getitem__(self, key)
            del self[key]
            self.dropped_live += 1
            return key, value


class ReplayCache:
    """Remembers seen token ids until they expire; thread-safe and bounded (cachetools' TLRU cache,
    each entry living until its own expiry).

    When full, expired entries are dropped first; if it is still full, the entries closest to expiry
    are dropped (their tokens are about to fail the expiry or age check anyway), and a warning is logged.
    """

    def __init__(self, max_entries: int = 100_000) -> None:
        if max_entries < 1:
            raise ValueError("max_entries must be positive")
        self._max = max_entries
        self._now = 0.0  # the caller's clock, set under the lock before each operation
        self._cache = _ExpiryCache(max_entries, ttu=lambda _key, expires_at, _now: expires_at, timer=self._clock)
        self._lock = threading.Lock()

    def _clock(self) -> float:
        return self._now

    def __len__(self) -> int:
        with self._lock:
            return len(self._cache)

    def add(self, key: Hashable, expires_at: float, now: float) -> bool:
        """Record ``key`` until ``expires_at``; False if it is already recorded and not yet expired."""
        with self._lock:
            self._now = now
            if key in self._cache:
                return False
            self._cache[key] = expires_at
            if self._cache.dropped_live:
                log.warning(
                    "replay cache full (%d entries): dropped %d unexpired entries", self._max, self._cache.dropped_live
                )
                self._cache.dropped_live = 0
            return True


# ------------------------------------------------------------------ key sets
def parse_jwks(data: Any) -> dict[str, dict[str, Any]]:
    """Return the usable public signing keys of a JWK Set by ``kid``.

    Keys without a ``kid``, of a type other than RSA or EC, marked for a use other than ``sig``, or
    carrying private members are skipped. A repeated ``kid`` makes the whole set invalid (ValueError).
    """
    if not isinstance(data, dict) or not isinstance(data.get("keys"), list):
        raise ValueError("not a JWK Set (expected an object with a 'keys' array)")
    keys: dict[str, dict[str, Any]] = {}
    for jwk in data["keys"]:
        if not isinstance(jwk, dict):
            continue
        kid = jwk.get("kid")
        if not isinstance(kid, str) or not kid or len(kid) > MAX_ID_CHARS:
            continue
        if jwk.get("kty") not in ("RSA", "EC") or jwk.get("use", "sig") != "sig":
            continue
        if _PRIVATE_JWK_MEMBERS & jwk.keys():
            log.warning("JWK Set entry with private key material ignored")
            continue
        if kid in keys:
            raise ValueError("JWK Set repeats a kid")
        keys[kid] = jwk
    return keys


class _KeySet:
    """Public keys by kid, plus PyJWK objects prepared per (kid, alg) on first use (an LRU)."""

    def __init__(self, keys: dict[str, dict[str, Any]]) -> None:
        self.keys = keys
        self._prepared: LRUCache[tuple[str, str], jwt.PyJWK] = LRUCache(PREPARED_KEYS)
        self._lock = threading.Lock()

    def key_for(self, kid: str, alg: str) -> jwt.PyJWK:
        with self._lock:
            prepared = self._prepared.get((kid, alg))
        if prepared is None:
            prepared = _prepare(self.keys[kid], alg)
            with self._lock:
                self._prepared[(kid, alg)] = prepared
        return prepared


def _prepare(jwk: dict[str, Any], alg: str) -> jwt.PyJWK:
    declared = jwk.get("alg")
    if declared is not None and declared != alg:
        raise AuthError("key algorithm mismatch")
    if alg.startswith(("RS", "PS")):
        compatible = jwk.get("kty") == "RSA"
    else:
        compatible = jwk.get("kty") == "EC" and jwk.get("crv") == _EC_CURVES[alg]
    if not compatible:
        raise AuthError("key algorithm mismatch")
    try:
        return jwt.PyJWK(jwk, algorithm=alg)
    except (jwt.PyJWTError, ValueError, TypeError):
        raise AuthError("unusable key") from None


class _FileKeys:
    """An issuer's keys from a local JWK Set file, read once when the verifier is built."""

    def __init__(self, path: Path) -> None:
        try:
            self._set = _KeySet(parse_jwks(json.loads(path.read_text(encoding="utf-8"))))
        except (OSError, ValueError) as exc:
            raise AuthConfigError(f"{path}: unusable JWK Set ({exc})") from None
        if not self._set.keys:
            raise AuthConfigError(f"{path}: JWK Set has no usable public signing key with a kid")

    def lookup(self, kid: str) -> _KeySet | None:
        return self._set if kid in self._set.keys else None


class _JwksClient(jwt.PyJWKClient):
    """PyJWT's JWK Set client, fetching through the verifier's httpx client: no redirects, at most
    :data:`JWKS_MAX_BYTES`, at most the timeout in total. PyJWKClient's own cache is off: it forgets a
    key set when it expires and has no stale-if-error rule, so :class:`_RemoteKeys` keeps the set."""

    def __init__(self, url: str, client: httpx.Client, timeout: float) -> None:
        super().__init__(url, cache_keys=False, cache_jwk_set=False, timeout=timeout)
        self._http = client

    def fetch_data(self) -> Any:
        return _get_json(self._http, self.uri, self.timeout)

    def fetch_keys(self) -> dict[str, dict[str, Any]]:
        """The usable public signing keys of the set, by kid (see :func:`parse_jwks`)."""
        return parse_jwks(self.fetch_data())


def _clock() -> float:
    return _monotonic()


class _RemoteKeys:
    """An issuer's keys from its allowlisted JWK Set URL: fetched lazily, cached, refetched sparingly.

    Each timing rule is a cachetools TTL entry on the (patchable) monotonic clock: the set is used
    without refetching for :data:`JWKS_CACHE_SECONDS`; if refetching then fails, it still serves up to
    :data:`JWKS_MAX_STALE_SECONDS` after it was fetched; a failed fetch is not retried for
    :data:`JWKS_RETRY_SECONDS`; an unknown kid triggers at most one refetch per
    :data:`UNKNOWN_KID_REFETCH_SECONDS`. The lock is held during a fetch, so concurrent requests for the
    same issuer wait for one fetch rather than each starting their own.
    """

    def __init__(self, client: _JwksClient) -> None:
        self.url = client.uri
        self._client = client
        self._lock = threading.Lock()
        self._fresh: TTLCache[str, _KeySet] = TTLCache(1, JWKS_CACHE_SECONDS, timer=_clock)
        self._usable: TTLCache[str, _KeySet] = TTLCache(1, JWKS_MAX_STALE_SECONDS, timer=_clock)
        self._backoff: TTLCache[str, bool] = TTLCache(1, JWKS_RETRY_SECONDS, timer=_clock)
        self._kid_refetch: TTLCache[str, bool] = TTLCache(1, UNKNOWN_KID_REFETCH_SECONDS, timer=_clock)

    def _current(self, kid: str) -> _KeySet | None:
        keyset = self._usable.get("set")
        return keyset if keyset is not None and kid in keyset.keys else None

    def lookup(self, kid: str) -> _KeySet | None:
        with self._lock:
            refreshed = "set" not in self._fresh and self._refresh()
            found = self._current(kid)
            if found is None and not refreshed and "kid" not in self._kid_refetch:
                self._kid_refetch["kid"] = True
                self._refresh()
                found = self._current(kid)
            return found

    def _refresh(self) -> bool:
        if "failed" in self._backoff:
            return False
        try:
            keys = self._client.fetch_keys()
        except (httpx.HTTPError, jwt.PyJWKClientError, ValueError) as exc:
            self._backoff["failed"] = True
            log.warning("JWK Set fetch from %s failed: %s", self.url, _safe_error(exc))
            return False
        keyset = _KeySet(keys)
        self._fresh["set"] = self._usable["set"] = keyset
        return True


def _safe_error(exc: Exception) -> str:
    return str(exc) if isinstance(exc, ValueError) else type(exc).__name__


def _get_json(client: httpx.Client, url: str, timeout: float) -> Any:
    """GET a JSON document: no redirects, at most :data:`JWKS_MAX_BYTES`, at most ``timeout`` seconds in total."""
    deadline = _monotonic() + timeout
    body = bytearray()
    with client.stream("GET", url, headers={"Accept": "application/json", "Accept-Encoding": "identity"}) as resp:
        if resp.status_code != 200:
            raise ValueError(f"HTTP status {resp.status_code}")
        for chunk in resp.iter_raw():
            body += chunk
            if len(body) > JWKS_MAX_BYTES:
                raise ValueError(f"response larger than {JWKS_MAX_BYTES} bytes")
            if _monotonic() > deadline:
                raise ValueError("response too slow")
    return json.loads(body)


# ------------------------------------------------------------------ verifier
class JwtVerifier:
    """Checks bearer tokens against an :class:`AuthConfig`. Thread-safe; build one per process.

    ``jwks_file`` key sets are read here (a broken one raises :class:`AuthConfigError`); ``jwks_url``
    key sets are fetched on first use. Call :meth:`close` (or use ``with``) to release the HTTP client.
    """

    def __init__(
        self,
        config: AuthConfig,
        *,
        http_timeout: float = 2.0,
        replay_cache_size: int = 100_000,
        shared_replay: Callable[[str, str, float], bool] | None = None,
    ) -> None:
        """``shared_replay(iss, jti, forget_at)`` records a token id where every worker and instance sees
        it (the decision store) and returns False if it was already there; the in-process cache stays in
        front of it, so a replay to the same process is refused without a round trip."""
        self.config = config
        self._shared_replay = shared_replay
        self._timeout = http_timeout
        self._client = httpx.Client(timeout=http_timeout, follow_redirects=False, trust_env=False)
        self._replay = ReplayCache(replay_cache_size)
        remote: dict[str, _RemoteKeys] = {}  # one cache per URL, shared by issuers naming the same URL
        self._sources: dict[str, _FileKeys | _RemoteKeys] = {}
        for iss, source in config.issuers.items():
            if source.jwks_file is not None:
                self._sources[iss] = _FileKeys(source.jwks_file)
            else:
                assert source.jwks_url is not None
                url = source.jwks_url
                if url not in remote:
                    remote[url] = _RemoteKeys(_JwksClient(url, self._client, self._timeout))
                self._sources[iss] = remote[url]

    def close(self) -> None:
        """Release the HTTP connection pool."""
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def verify(self, authorization_header: str | None, audience: str) -> VerifiedToken:
        """Check the ``Authorization`` header of a call to the endpoint whose public URL is ``audience``.

        ``audience`` must be the URL the EHR addressed (e.g. ``https://cds.example.org/cds-services/x``);
        the token's ``aud`` must contain it exactly, give or take one trailing slash.
        """
        if not audience:
            raise ValueError("audience must be the endpoint URL")
        token = _bearer_token(authorization_header)
        try:
            header = jwt.get_unverified_header(token)
            unverified = jwt.decode(token, options={"verify_signature": False})
        except jwt.PyJWTError:
            raise AuthError("malformed token") from None

        alg = header.get("alg")
        if not isinstance(alg, str) or alg not in ALLOWED_ALGORITHMS:
            raise AuthError("algorithm not allowed")
        typ = header.get("typ")
        if typ is not None and (not isinstance(typ, str) or typ.upper() != "JWT"):
            raise AuthError("token type not allowed")
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid or len(kid) > MAX_ID_CHARS:
            raise AuthError("missing or invalid kid")

        iss = unverified.get("iss")
        if not isinstance(iss, str) or iss not in self.config.issuers:
            raise AuthError("issuer not allowed")
        if "jku" in header and header["jku"] != self.config.issuers[iss].jwks_url:
            raise AuthError("jku not allowed")

        keyset = self._sources[iss].lookup(kid)
        if keyset is None:
            raise AuthError("unknown key id")
        key = keyset.key_for(kid, alg)

        claims = self._decode(token, key, alg, iss, audience)
        return self._accept(claims, kid)

    def _decode(self, token: str, key: jwt.PyJWK, alg: str, iss: str, audience: str) -> dict[str, Any]:
        leeway = self.config.leeway_seconds
        audiences = [audience, audience[:-1] if audience.endswith("/") else audience + "/"]
        try:
            return jwt.decode(
                token,
                key,
                algorithms=[alg],
                audience=audiences,
                issuer=iss,
                leeway=leeway,
                options={"require": list(REQUIRED_CLAIMS), "enforce_minimum_key_length": True},
            )
        except jwt.MissingRequiredClaimError as exc:
            raise AuthError(f"missing claim: {exc.claim}") from None
        except jwt.ExpiredSignatureError:
            raise AuthError("token expired") from None
        except jwt.ImmatureSignatureError:
            raise AuthError("token not yet valid") from None
        except jwt.InvalidAudienceError:
            raise AuthError("audience mismatch") from None
        except jwt.InvalidSignatureError:
            raise AuthError("invalid signature") from None
        except jwt.InvalidKeyError:
            raise AuthError("unusable key") from None
        except (jwt.PyJWTError, ValueError, TypeError):
            raise AuthError("invalid token") from None

    def _accept(self, claims: dict[str, Any], kid: str) -> VerifiedToken:
        leeway = self.config.leeway_seconds
        exp, iat = claims["exp"], claims["iat"]
        if not _is_number(exp) or not _is_number(iat):
            raise AuthError("invalid time claim")
        now = time.time()
        if iat <= now - self.config.max_token_age_seconds - leeway:
            raise AuthError("token too old")
        jti, sub, tenant = claims["jti"], claims.get("sub"), claims.get("tenant")
        # Printable characters only: a NUL cannot be stored by PostgreSQL (the call would fail as if the store
        # were down), and an organisation is printable wherever else it is named (audit --organisation).
        if not isinstance(jti, str) or not jti or len(jti) > MAX_ID_CHARS or not jti.isprintable():
            raise AuthError("invalid jti")
        if tenant is not None and (
            not isinstance(tenant, str) or not tenant or len(tenant) > MAX_ID_CHARS or not tenant.isprintable()
        ):
            raise AuthError("invalid tenant claim")
        aud = claims["aud"]
        iss = claims["iss"]
        # Past this instant the token fails the expiry or the age check, so its jti need not be kept.
        forget_at = min(exp, iat + self.config.max_token_age_seconds) + leeway
        if not self._replay.add((iss, jti), forget_at, now):
            raise AuthError("token replay")
        if self._shared_replay is not None and not self._shared_replay(iss, jti, forget_at):
            raise AuthError("token replay")
        return VerifiedToken(
            iss=iss,
            sub=sub,
            aud=(aud,) if isinstance(aud, str) else tuple(aud),
            jti=jti,
            exp=int(exp),
            iat=int(iat),
            tenant=tenant,
            kid=kid,
        )


def _is_number(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an integer too large for a float (PyJWT takes any size): no usable time
        return False


def _bearer_token(header: str | None) -> str:
    if not header:
        raise AuthError("missing bearer token")
    scheme, _, token = header.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise AuthError("malformed authorization header")
    if len(token) > MAX_TOKEN_CHARS or not _COMPACT_JWS.fullmatch(token):
        raise AuthError("malformed token")
    return token
