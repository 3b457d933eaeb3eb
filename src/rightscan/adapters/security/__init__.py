"""Authentication of CDS clients (EHRs): verification of the JWT they send with every call."""

from rightscan.adapters.security.jwt_auth import (
    ALLOWED_ALGORITHMS,
    RECOMMENDED_ALGORITHMS,
    AuthConfig,
    AuthConfigError,
    AuthError,
    IssuerConfig,
    JwtVerifier,
    ReplayCache,
    VerifiedToken,
)

__all__ = [
    "ALLOWED_ALGORITHMS",
    "RECOMMENDED_ALGORITHMS",
    "AuthConfig",
    "AuthConfigError",
    "AuthError",
    "IssuerConfig",
    "JwtVerifier",
    "ReplayCache",
    "VerifiedToken",
]
