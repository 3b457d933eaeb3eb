"""Keys and tokens for tests and EHR simulators: what an EHR does on its side of CDS Hooks security.

>>> key = generate_key("ES384")
>>> token = sign_token(key, make_claims("https://ehr.example.org", "https://cds.example.org/cds-services"))
>>> document = jwks_json(key)  # serve this, or save it as the issuer's jwks_file

Nothing here is used to verify tokens; the private keys never leave the process.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

_CURVES: dict[str, ec.EllipticCurve] = {"ES256": ec.SECP256R1(), "ES384": ec.SECP384R1(), "ES512": ec.SECP521R1()}


@dataclass(frozen=True)
class SigningKey:
    """A private signing key with the ``kid`` and algorithm its tokens announce."""

    kid: str
    alg: str
    private_key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey = field(repr=False)

    def public_jwk(self) -> dict[str, Any]:
        """The public half as a JWK with ``kid``, ``alg`` and ``use``."""
        if isinstance(self.private_key, rsa.RSAPrivateKey):
            jwk = jwt.algorithms.RSAAlgorithm.to_jwk(self.private_key.public_key(), as_dict=True)
        else:
            jwk = jwt.algorithms.ECAlgorithm.to_jwk(self.private_key.public_key(), as_dict=True)
        return {**jwk, "kid": self.kid, "alg": self.alg, "use": "sig"}

    def public_pem(self) -> bytes:
        """The public key in PEM (SubjectPublicKeyInfo) form."""
        return self.private_key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )


def generate_key(alg: str = "ES384", kid: str | None = None) -> SigningKey:
    """A fresh key for ``alg`` (RS*/PS* get 2048-bit RSA, ES* the matching NIST curve)."""
    if alg in _CURVES:
        private: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey = ec.generate_private_key(_CURVES[alg])
    elif alg[:2] in ("RS", "PS"):
        private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    else:
        raise ValueError(f"not an asymmetric JWS algorithm: {alg}")
    return SigningKey(kid=kid or uuid.uuid4().hex, alg=alg, private_key=private)


def jwks(*keys: SigningKey) -> dict[str, Any]:
    """A JWK Set holding the public halves of ``keys``."""
    return {"keys": [key.public_jwk() for key in keys]}


def jwks_json(*keys: SigningKey) -> str:
    """:func:`jwks` serialised as JSON."""
    return json.dumps(jwks(*keys))


def make_claims(iss: str, aud: str | list[str], *, lifetime: int = 300, **extra: Any) -> dict[str, Any]:
    """CDS Hooks claims issued now, valid ``lifetime`` seconds, with a fresh ``jti``; ``extra`` adds or overrides."""
    now = int(time.time())
    return {"iss": iss, "aud": aud, "iat": now, "exp": now + lifetime, "jti": uuid.uuid4().hex, **extra}


def sign_token(key: SigningKey, claims: dict[str, Any], *, headers: dict[str, Any] | None = None) -> str:
    """Sign ``claims`` with ``key``; the header carries ``alg``, ``typ: JWT`` and ``kid``.

    ``headers`` adds or overrides header fields (``alg`` too); a value of None removes the field.
    """
    merged = {"kid": key.kid, **(headers or {})}
    if merged.get("typ", "JWT") is None:
        merged["typ"] = ""  # PyJWT omits an empty typ
    merged = {name: value for name, value in merged.items() if value is not None}
    return jwt.encode(claims, key.private_key, algorithm=key.alg, headers=merged)
