"""JWT verification of CDS clients: the CDS Hooks 2.0 security rules, attack tokens, key sets, config."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest

from conftest import LoopbackHttp
from rightscan.adapters.security import AuthConfig, AuthConfigError, AuthError, JwtVerifier, ReplayCache, jwt_auth
from rightscan.adapters.security.testing import SigningKey, generate_key, jwks, jwks_json, make_claims, sign_token

ISS = "https://ehr.example.org"
AUD = "https://cds.example.org/cds-services/rightscan-imaging"


# ------------------------------------------------------------------ fixtures
@pytest.fixture(scope="module")
def es_key() -> SigningKey:
    return generate_key("ES384", "es-1")


@pytest.fixture(scope="module")
def rs_key() -> SigningKey:
    return generate_key("RS384", "rs-1")


@pytest.fixture
def verifier(tmp_path: Path, es_key: SigningKey, rs_key: SigningKey) -> Iterator[JwtVerifier]:
    """An issuer whose keys (ES384 and RS384) come from a local JWK Set file."""
    (tmp_path / "jwks.json").write_text(jwks_json(es_key, rs_key))
    config = AuthConfig.from_mapping({"issuers": {ISS: {"jwks_file": "jwks.json"}}}, base_dir=tmp_path)
    with JwtVerifier(config) as v:
        yield v


class JwksServer:
    """A loopback HTTP server with canned responses per path, counting the requests it receives."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.hits: Counter[str] = Counter()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.hits[self.path] += 1
                status, headers, body = server.routes.get(self.path, (404, {}, b""))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._http = LoopbackHttp(Handler)

    def url(self, path: str) -> str:
        return self._http.url(path)

    def stop(self) -> None:
        self._http.stop()

    def serve_jwks(self, path: str, *keys: SigningKey) -> None:
        self.routes[path] = (200, {"Content-Type": "application/json"}, jwks_json(*keys).encode())


@pytest.fixture
def server() -> Iterator[JwksServer]:
    s = JwksServer()
    yield s
    s.stop()


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """Controls the monotonic clock behind JWKS caching and refetch rate limits."""
    c = FakeClock()
    monkeypatch.setattr(jwt_auth, "_monotonic", c)
    return c


@pytest.fixture
def remote(server: JwksServer, es_key: SigningKey, clock: FakeClock) -> Iterator[JwtVerifier]:
    """An issuer whose keys are served by the loopback server at /jwks.json."""
    server.serve_jwks("/jwks.json", es_key)
    config = AuthConfig.from_mapping({"issuers": {ISS: {"jwks_url": server.url("/jwks.json")}}})
    with JwtVerifier(config) as v:
        yield v


def bearer(key: SigningKey, headers: dict[str, Any] | None = None, **claims: Any) -> str:
    return "Bearer " + sign_token(key, {**make_claims(ISS, AUD), **claims}, headers=headers)


def refused(verifier: JwtVerifier, header: str | None, reason: str, audience: str = AUD) -> None:
    with pytest.raises(AuthError) as caught:
        verifier.verify(header, audience)
    assert caught.value.reason == reason


def b64(data: dict[str, Any] | bytes) -> str:
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


# ------------------------------------------------------------------ valid tokens
def test_valid_rs384_token_is_accepted(verifier: JwtVerifier, rs_key: SigningKey) -> None:
    t = verifier.verify(bearer(rs_key, sub="Practitioner/123"), AUD)
    assert (t.iss, t.sub, t.aud, t.kid, t.tenant) == (ISS, "Practitioner/123", (AUD,), "rs-1", None)
    assert t.exp - t.iat == 300 and len(t.jti) == 32


def test_valid_es384_token_is_accepted_with_tenant(verifier: JwtVerifier, es_key: SigningKey) -> None:
    t = verifier.verify(bearer(es_key, tenant="hospital-a"), AUD)
    assert (t.kid, t.tenant, t.sub) == ("es-1", "hospital-a", None)


def test_audience_list_containing_the_endpoint_is_accepted(verifier: JwtVerifier, es_key: SigningKey) -> None:
    t = verifier.verify(bearer(es_key, aud=["https://other.example.org", AUD]), AUD)
    assert t.aud == ("https://other.example.org", AUD)


def test_audience_tolerates_one_trailing_slash_only(verifier: JwtVerifier, es_key: SigningKey) -> None:
    verifier.verify(bearer(es_key, aud=AUD + "/"), AUD)
    verifier.verify(bearer(es_key), AUD + "/")
    refused(verifier, bearer(es_key, aud=AUD + "//"), "audience mismatch")


def test_typ_header_may_be_absent(verifier: JwtVerifier, es_key: SigningKey) -> None:
    verifier.verify(bearer(es_key, headers={"typ": None}), AUD)


def test_scheme_name_is_case_insensitive(verifier: JwtVerifier, es_key: SigningKey) -> None:
    verifier.verify("bearer " + bearer(es_key).split(" ", 1)[1], AUD)


def test_expiry_within_leeway_is_accepted(verifier: JwtVerifier, es_key: SigningKey) -> None:
    now = int(time.time())
    verifier.verify(bearer(es_key, iat=now - 100, exp=now - 10), AUD)


# ------------------------------------------------------------------ claim checks
def test_expired_token_is_refused(verifier: JwtVerifier, es_key: SigningKey) -> None:
    now = int(time.time())
    refused(verifier, bearer(es_key, iat=now - 200, exp=now - 60), "token expired")


@pytest.mark.parametrize(
    "aud",
    [
        "https://cds.example.org/cds-services",  # the discovery URL is a different endpoint
        AUD + "-other",
        AUD.upper(),
        ["https://other.example.org"],
    ],
)
def test_wrong_audience_is_refused(verifier: JwtVerifier, es_key: SigningKey, aud: Any) -> None:
    refused(verifier, bearer(es_key, aud=aud), "audience mismatch")


def test_unknown_issuer_is_refused(verifier: JwtVerifier, es_key: SigningKey) -> None:
    refused(verifier, bearer(es_key, iss="https://evil.example.org"), "issuer not allowed")
    refused(verifier, bearer(es_key, iss=ISS + "/"), "issuer not allowed")


@pytest.mark.parametrize("claim", ["iss", "aud", "exp", "iat", "jti"])
def test_missing_required_claim_is_refused(verifier: JwtVerifier, es_key: SigningKey, claim: str) -> None:
    claims = make_claims(ISS, AUD)
    del claims[claim]
    expected = "issuer not allowed" if claim == "iss" else f"missing claim: {claim}"
    refused(verifier, "Bearer " + sign_token(es_key, claims), expected)


def test_iat_in_the_future_is_refused(verifier: JwtVerifier, es_key: SigningKey) -> None:
    now = int(time.time())
    refused(verifier, bearer(es_key, iat=now + 120, exp=now + 400), "token not yet valid")
    verifier.verify(bearer(es_key, iat=now + 10, exp=now + 300), AUD)  # within leeway


def test_token_older_than_max_age_is_refused_even_if_not_expired(verifier: JwtVerifier, es_key: SigningKey) -> None:
    now = int(time.time())
    refused(verifier, bearer(es_key, iat=now - 400, exp=now + 3600), "token too old")


@pytest.mark.parametrize(
    ("claims", "reason"),
    [
        ({"jti": ""}, "invalid jti"),
        ({"jti": 42}, "invalid token"),
        ({"tenant": 7}, "invalid tenant claim"),
        ({"iat": "now"}, "invalid token"),
    ],
)
def test_malformed_claims_are_refused(
    verifier: JwtVerifier, es_key: SigningKey, claims: dict[str, Any], reason: str
) -> None:
    refused(verifier, bearer(es_key, **claims), reason)


def test_replayed_jti_is_refused(verifier: JwtVerifier, es_key: SigningKey) -> None:
    header = bearer(es_key)
    verifier.verify(header, AUD)
    refused(verifier, header, "token replay")


def test_same_jti_from_another_token_is_still_a_replay(verifier: JwtVerifier, es_key: SigningKey) -> None:
    verifier.verify(bearer(es_key, jti="fixed"), AUD)
    refused(verifier, bearer(es_key, jti="fixed", sub="someone-else"), "token replay")


def test_refused_token_does_not_use_up_its_jti(verifier: JwtVerifier, es_key: SigningKey) -> None:
    refused(verifier, bearer(es_key, jti="j1", aud="https://other.example.org"), "audience mismatch")
    verifier.verify(bearer(es_key, jti="j1"), AUD)


# ------------------------------------------------------------------ header and attack tokens
def test_alg_none_is_refused_before_any_key_lookup(remote: JwtVerifier, server: JwksServer) -> None:
    header = {"alg": "none", "typ": "JWT", "kid": "es-1"}
    token = f"{b64(header)}.{b64(make_claims(ISS, AUD))}."
    refused(remote, "Bearer " + token, "algorithm not allowed")
    assert server.hits["/jwks.json"] == 0


def test_hs256_signed_with_the_public_key_is_refused_before_any_key_lookup(
    remote: JwtVerifier, server: JwksServer, es_key: SigningKey
) -> None:
    """The key-confusion attack: HMAC keyed with the issuer's public key PEM, which an attacker can know."""
    signing_input = f"{b64({'alg': 'HS256', 'typ': 'JWT', 'kid': 'es-1'})}.{b64(make_claims(ISS, AUD))}"
    mac = hmac.new(es_key.public_pem(), signing_input.encode(), hashlib.sha256).digest()
    refused(remote, f"Bearer {signing_input}.{b64(mac)}", "algorithm not allowed")
    assert server.hits["/jwks.json"] == 0


@pytest.mark.parametrize("alg", ["HS384", "HS512", "EdDSA", "RS1", "", None])
def test_other_algorithms_are_refused(verifier: JwtVerifier, alg: str | None) -> None:
    token = f"{b64({'alg': alg, 'kid': 'es-1'})}.{b64(make_claims(ISS, AUD))}.c2ln"
    refused(verifier, "Bearer " + token, "algorithm not allowed")


def test_typ_other_than_jwt_is_refused(verifier: JwtVerifier, es_key: SigningKey) -> None:
    refused(verifier, bearer(es_key, headers={"typ": "at+jwt"}), "token type not allowed")


def test_missing_kid_is_refused(verifier: JwtVerifier, es_key: SigningKey) -> None:
    refused(verifier, bearer(es_key, headers={"kid": None}), "missing or invalid kid")


def test_unknown_kid_is_refused(verifier: JwtVerifier, es_key: SigningKey) -> None:
    refused(verifier, bearer(es_key, headers={"kid": "es-2"}), "unknown key id")


def test_token_signed_by_another_key_with_the_same_kid_is_refused(verifier: JwtVerifier) -> None:
    impostor = generate_key("ES384", "es-1")
    refused(verifier, bearer(impostor), "invalid signature")


def test_header_alg_must_match_the_algorithm_the_key_declares(verifier: JwtVerifier, rs_key: SigningKey) -> None:
    # Same RSA key, correctly signed, but with RS256 while its JWK says RS384.
    refused(verifier, bearer(rs_key, headers={"alg": "RS256"}), "key algorithm mismatch")


def test_key_type_must_fit_the_header_alg(tmp_path: Path) -> None:
    key = generate_key("ES384", "undeclared")
    jwk = {k: v for k, v in key.public_jwk().items() if k != "alg"}
    (tmp_path / "jwks.json").write_text(json.dumps({"keys": [jwk]}))
    config = AuthConfig.from_mapping({"issuers": {ISS: {"jwks_file": "jwks.json"}}}, base_dir=tmp_path)
    with JwtVerifier(config) as v:
        v.verify(bearer(key), AUD)  # a JWK without alg is usable with the algorithm its curve implies
        p256 = generate_key("ES256", "undeclared")
        refused(v, bearer(p256), "key algorithm mismatch")  # ES256 asks for P-256; the key is P-384


@pytest.mark.parametrize(
    "header",
    [None, "", "Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "Token abc.def.ghi", "Bearer garbage", "Bearer a.b"],
)
def test_malformed_authorization_header_is_refused(verifier: JwtVerifier, header: str | None) -> None:
    with pytest.raises(AuthError) as caught:
        verifier.verify(header, AUD)
    assert caught.value.reason in {"missing bearer token", "malformed authorization header", "malformed token"}


def test_undecodable_token_is_refused_without_echoing_it(verifier: JwtVerifier, es_key: SigningKey) -> None:
    good = bearer(es_key).split(" ", 1)[1]
    header, payload, signature = good.split(".")
    for token in [f"{header}.bm90LWpzb24.{signature}", f"bm90LWpzb24.{payload}.{signature}", "e30.e30.e30"]:
        with pytest.raises(AuthError) as caught:
            verifier.verify("Bearer " + token, AUD)
        assert caught.value.reason == "malformed token" or caught.value.reason == "algorithm not allowed"
        assert all(part not in str(caught.value) for part in token.split(".") if len(part) > 4)


def test_unsupported_critical_header_is_refused(verifier: JwtVerifier, es_key: SigningKey) -> None:
    refused(verifier, bearer(es_key, headers={"crit": ["exp"], "exp": 1}), "malformed token")


# ------------------------------------------------------------------ jku
def test_untrusted_jku_is_refused_and_never_fetched(
    remote: JwtVerifier, server: JwksServer, es_key: SigningKey
) -> None:
    attacker = generate_key("ES384", "evil")
    server.serve_jwks("/evil.json", attacker)
    refused(remote, bearer(attacker, headers={"jku": server.url("/evil.json")}), "jku not allowed")
    refused(remote, bearer(es_key, headers={"jku": server.url("/evil.json")}), "jku not allowed")
    assert server.hits["/evil.json"] == 0 and server.hits["/jwks.json"] == 0


def test_jku_on_a_file_issuer_is_refused(verifier: JwtVerifier, es_key: SigningKey) -> None:
    refused(verifier, bearer(es_key, headers={"jku": "https://ehr.example.org/jwks.json"}), "jku not allowed")


def test_jku_equal_to_the_configured_url_is_accepted(
    remote: JwtVerifier, server: JwksServer, es_key: SigningKey
) -> None:
    remote.verify(bearer(es_key, headers={"jku": server.url("/jwks.json")}), AUD)
    refused(remote, bearer(es_key, headers={"jku": server.url("/jwks.json") + "?"}), "jku not allowed")


# ------------------------------------------------------------------ jwks_url key sets
def test_remote_keys_are_fetched_once_and_cached(remote: JwtVerifier, server: JwksServer, es_key: SigningKey) -> None:
    remote.verify(bearer(es_key), AUD)
    remote.verify(bearer(es_key), AUD)
    assert server.hits["/jwks.json"] == 1


def test_remote_keys_are_refetched_after_the_cache_period(
    remote: JwtVerifier, server: JwksServer, es_key: SigningKey, clock: FakeClock
) -> None:
    remote.verify(bearer(es_key), AUD)
    clock.now += jwt_auth.JWKS_CACHE_SECONDS - 1
    remote.verify(bearer(es_key), AUD)
    assert server.hits["/jwks.json"] == 1
    clock.now += 2
    remote.verify(bearer(es_key), AUD)
    assert server.hits["/jwks.json"] == 2


def test_key_rotation_triggers_one_rate_limited_refetch(
    remote: JwtVerifier, server: JwksServer, es_key: SigningKey, clock: FakeClock
) -> None:
    remote.verify(bearer(es_key), AUD)
    rotated = generate_key("ES384", "es-2")
    server.serve_jwks("/jwks.json", es_key, rotated)
    remote.verify(bearer(rotated), AUD)  # unknown kid: one refetch finds it
    assert server.hits["/jwks.json"] == 2
    refused(remote, bearer(es_key, headers={"kid": "es-3"}), "unknown key id")
    refused(remote, bearer(es_key, headers={"kid": "es-4"}), "unknown key id")
    assert server.hits["/jwks.json"] == 2  # no further refetch within the window
    clock.now += jwt_auth.UNKNOWN_KID_REFETCH_SECONDS
    refused(remote, bearer(es_key, headers={"kid": "es-3"}), "unknown key id")
    assert server.hits["/jwks.json"] == 3


def test_key_removed_from_the_set_stops_working_after_refresh(
    remote: JwtVerifier, server: JwksServer, es_key: SigningKey, clock: FakeClock
) -> None:
    remote.verify(bearer(es_key), AUD)
    server.serve_jwks("/jwks.json", generate_key("ES384", "es-2"))
    clock.now += jwt_auth.JWKS_CACHE_SECONDS
    refused(remote, bearer(es_key), "unknown key id")


def test_redirects_are_not_followed(server: JwksServer, es_key: SigningKey, clock: FakeClock) -> None:
    server.serve_jwks("/real.json", es_key)
    server.routes["/jwks.json"] = (302, {"Location": server.url("/real.json")}, b"")
    config = AuthConfig.from_mapping({"issuers": {ISS: {"jwks_url": server.url("/jwks.json")}}})
    with JwtVerifier(config) as v:
        refused(v, bearer(es_key), "unknown key id")
    assert server.hits["/jwks.json"] == 1 and server.hits["/real.json"] == 0


@pytest.mark.parametrize("body", ["too large", b"<html>not json</html>", b'{"keys": "no"}'])
def test_unusable_jwks_responses_yield_no_keys(
    server: JwksServer, es_key: SigningKey, clock: FakeClock, body: bytes | str
) -> None:
    if body == "too large":  # the right key, but padded past the size cap
        body = json.dumps({**jwks(es_key), "padding": "x" * jwt_auth.JWKS_MAX_BYTES}).encode()
    assert isinstance(body, bytes)
    server.routes["/jwks.json"] = (200, {"Content-Type": "application/json"}, body)
    config = AuthConfig.from_mapping({"issuers": {ISS: {"jwks_url": server.url("/jwks.json")}}})
    with JwtVerifier(config) as v:
        refused(v, bearer(es_key), "unknown key id")


def test_failed_refresh_keeps_cached_keys_and_backs_off(
    remote: JwtVerifier, server: JwksServer, es_key: SigningKey, clock: FakeClock
) -> None:
    remote.verify(bearer(es_key), AUD)
    server.routes["/jwks.json"] = (500, {}, b"")
    clock.now += jwt_auth.JWKS_CACHE_SECONDS
    remote.verify(bearer(es_key), AUD)  # refresh failed; the cached set still serves
    remote.verify(bearer(es_key), AUD)  # within the retry back-off: no new request
    assert server.hits["/jwks.json"] == 2
    clock.now += jwt_auth.JWKS_MAX_STALE_SECONDS
    refused(remote, bearer(es_key), "unknown key id")  # too stale to trust any longer


def test_issuers_with_different_key_sets_do_not_share_keys(
    server: JwksServer, es_key: SigningKey, clock: FakeClock
) -> None:
    other = generate_key("ES384", "other-1")
    server.serve_jwks("/a.json", es_key)
    server.serve_jwks("/b.json", other)
    config = AuthConfig.from_mapping(
        {
            "issuers": {
                ISS: {"jwks_url": server.url("/a.json")},
                "https://b.example": {"jwks_url": server.url("/b.json")},
            }
        }
    )
    with JwtVerifier(config) as v:
        v.verify(bearer(other, iss="https://b.example"), AUD)
        refused(v, bearer(other), "unknown key id")  # b's key presented under ISS


# ------------------------------------------------------------------ concurrency and the replay cache
def test_concurrent_verification_accepts_each_jti_exactly_once(verifier: JwtVerifier, es_key: SigningKey) -> None:
    tokens = [bearer(es_key) for _ in range(8)] + [bearer(es_key)]  # 8 distinct, plus one every thread tries
    barrier = threading.Barrier(8)
    accepted: Counter[str] = Counter()
    replays: Counter[str] = Counter()
    lock = threading.Lock()

    def worker(n: int) -> None:
        barrier.wait()
        for header in tokens[n:-1] + tokens[:n] + [tokens[-1]]:
            try:
                jti = verifier.verify(header, AUD).jti
                with lock:
                    accepted[jti] += 1
            except AuthError as exc:
                assert exc.reason == "token replay"
                with lock:
                    replays[header] += 1

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(accepted) == 9 and set(accepted.values()) == {1}
    assert sum(replays.values()) == 8 * 9 - 9


def race_for_keys(cache: ReplayCache, threads: int = 8, keys: int = 2000) -> Counter[int]:
    """Let ``threads`` threads add the same ``keys`` at once; count how often each key was admitted."""
    barrier = threading.Barrier(threads)
    wins: Counter[int] = Counter()
    lock = threading.Lock()

    def worker() -> None:
        barrier.wait()
        for key in range(keys):
            if cache.add(key, expires_at=100, now=0):
                with lock:
                    wins[key] += 1

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return wins


def test_replay_cache_admits_each_key_once_under_contention() -> None:
    """Without the lock, duplicates show up within a few rounds when threads switch as often as possible."""
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for _ in range(40):
            wins = race_for_keys(ReplayCache())
            assert len(wins) == 2000 and set(wins.values()) == {1}
    finally:
        sys.setswitchinterval(previous)


def test_replay_cache_purges_expired_entries_as_it_goes() -> None:
    cache = ReplayCache(max_entries=100)
    cache.add("a", expires_at=10, now=0)
    cache.add("b", expires_at=50, now=0)
    cache.add("c", expires_at=60, now=20)
    assert len(cache) == 2  # "a" went when "c" came, although there was room


def test_replay_cache_forgets_expired_entries_first() -> None:
    cache = ReplayCache(max_entries=3)
    assert cache.add("a", expires_at=10, now=0)
    assert cache.add("b", expires_at=50, now=0)
    assert cache.add("c", expires_at=60, now=0)
    assert not cache.add("b", expires_at=50, now=5)
    assert cache.add("d", expires_at=70, now=20)  # "a" has expired and makes room
    assert len(cache) == 3
    assert not cache.add("b", expires_at=50, now=20) and not cache.add("c", expires_at=60, now=20)


def test_full_replay_cache_drops_the_entry_closest_to_expiry() -> None:
    cache = ReplayCache(max_entries=2)
    cache.add("late", expires_at=100, now=0)
    cache.add("soon", expires_at=40, now=0)
    assert cache.add("new", expires_at=90, now=1)
    assert len(cache) == 2
    assert not cache.add("late", expires_at=100, now=2)
    assert cache.add("soon", expires_at=40, now=2)  # evicted, so no longer remembered


def test_replay_entry_expires_with_the_token() -> None:
    cache = ReplayCache()
    assert cache.add(("iss", "j"), expires_at=100, now=0)
    assert cache.add(("iss", "j"), expires_at=200, now=100)


# ------------------------------------------------------------------ configuration
def write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def test_config_loads_from_yaml_with_defaults_and_relative_jwks_file(tmp_path: Path, es_key: SigningKey) -> None:
    (tmp_path / "keys").mkdir()
    write(tmp_path / "keys" / "ehr.json", jwks_json(es_key))
    cfg = AuthConfig.from_file(
        write(
            tmp_path / "auth.yaml",
            f'issuers:\n  "{ISS}":\n    jwks_file: keys/ehr.json\n'
            '  "https://b.example":\n    jwks_url: https://b.example/.well-known/jwks.json\n',
        )
    )
    assert (cfg.leeway_seconds, cfg.max_token_age_seconds) == (30, 300)
    assert cfg.issuers[ISS].jwks_file == (tmp_path / "keys" / "ehr.json").resolve()
    with JwtVerifier(cfg) as v:
        v.verify(bearer(es_key), AUD)


def test_config_loads_from_json(tmp_path: Path) -> None:
    data = {"issuers": {ISS: {"jwks_url": "http://localhost:8080/jwks"}}, "leeway_seconds": 5}
    cfg = AuthConfig.from_file(write(tmp_path / "auth.json", json.dumps(data)))
    assert cfg.leeway_seconds == 5 and cfg.issuers[ISS].jwks_url == "http://localhost:8080/jwks"


@pytest.mark.parametrize(
    ("issuer", "expected"),
    [
        ({"jwks_file": "jwks.json", "jwks_url": "https://a.example/jwks"}, "exactly one of jwks_file or jwks_url"),
        ({}, "exactly one of jwks_file or jwks_url"),
        ({"jwks_url": "http://ehr.example.org/jwks"}, "jwks_url: must be an https URL"),
        ({"jwks_url": "ftp://ehr.example.org/jwks"}, "jwks_url: must be an https URL"),
        ({"jwks_url": "https://user:pw@ehr.example.org/jwks"}, "jwks_url: must not contain credentials"),
        ({"jwks_file": "missing.json"}, "jwks_file: file not found"),
        ({"jwks_url": "https://a.example/jwks", "jwks_uri": "x"}, '["https://ehr.example.org"].jwks_uri: unknown key'),
    ],
)
def test_issuer_config_errors_name_the_key(tmp_path: Path, issuer: dict[str, str], expected: str) -> None:
    write(tmp_path / "jwks.json", jwks_json(generate_key()))
    with pytest.raises(AuthConfigError) as caught:
        AuthConfig.from_mapping({"issuers": {ISS: issuer}}, base_dir=tmp_path)
    assert expected in str(caught.value)


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ({"leeway": 10}, "leeway: unknown key"),
        ({"leeway_seconds": -1}, "leeway_seconds:"),
        ({"max_token_age_seconds": 0}, "max_token_age_seconds:"),
    ],
)
def test_top_level_config_errors_name_the_key(tmp_path: Path, extra: dict[str, Any], expected: str) -> None:
    text = json.dumps({"issuers": {ISS: {"jwks_url": "https://a.example/jwks"}}, **extra})
    with pytest.raises(AuthConfigError) as caught:
        AuthConfig.from_file(write(tmp_path / "auth.json", text))
    assert expected in str(caught.value) and "auth.json" in str(caught.value)


def test_config_needs_at_least_one_issuer(tmp_path: Path) -> None:
    with pytest.raises(AuthConfigError, match="issuers"):
        AuthConfig.from_file(write(tmp_path / "auth.yaml", "issuers: {}\n"))
    with pytest.raises(AuthConfigError, match="top level must be a mapping"):
        AuthConfig.from_file(write(tmp_path / "auth.yaml", "- a\n"))
    with pytest.raises(AuthConfigError, match="cannot read configuration"):
        AuthConfig.from_file(write(tmp_path / "auth.yaml", "issuers: [unclosed\n"))
    with pytest.raises(AuthConfigError, match="cannot read configuration"):
        AuthConfig.from_file(tmp_path / "absent.yaml")


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ("not json", "unusable JWK Set"),
        ('{"keys": [{"kty": "oct", "k": "c2VjcmV0", "kid": "h"}]}', "no usable public signing key"),
        ("DUPLICATE", "repeats a kid"),
        ("PRIVATE", "no usable public signing key"),
    ],
)
def test_broken_jwks_file_is_a_config_error(tmp_path: Path, document: str, expected: str) -> None:
    key = generate_key("ES384", "k")
    if document == "DUPLICATE":
        document = json.dumps({"keys": [key.public_jwk(), key.public_jwk()]})
    elif document == "PRIVATE":
        jwk = key.public_jwk()
        document = json.dumps({"keys": [{**jwk, "d": "AAAA"}]})
    write(tmp_path / "jwks.json", document)
    config = AuthConfig.from_mapping({"issuers": {ISS: {"jwks_file": "jwks.json"}}}, base_dir=tmp_path)
    with pytest.raises(AuthConfigError, match=expected):
        JwtVerifier(config)


def test_testing_helpers_produce_a_public_only_key_set() -> None:
    rs, es = generate_key("RS384", "r"), generate_key("ES384", "e")
    doc = jwks(rs, es)
    assert [k["kid"] for k in doc["keys"]] == ["r", "e"]
    assert [(k["kty"], k["alg"]) for k in doc["keys"]] == [("RSA", "RS384"), ("EC", "ES384")]
    assert all("d" not in k for k in doc["keys"])
