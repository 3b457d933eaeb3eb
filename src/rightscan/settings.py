"""Service settings, from RIGHTSCAN_* environment variables (or ``rightscan serve`` options)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


def data_dir() -> Path:
    """Where RightScan keeps its own files: $XDG_DATA_HOME/rightscan, else ~/.local/share/rightscan
    (never the current directory, so a checkout stays clean). Not created here."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "rightscan"


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'rightscan.db'}"


def _text(longest: int) -> Any:
    """The bounds of a text setting: when given, not empty and at most ``longest`` characters."""
    return Field(min_length=1, max_length=longest)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RIGHTSCAN_", extra="ignore")

    database_url: str = Field(
        default_factory=default_database_url,
        description="SQLite file (default: rightscan.db in the data directory) or PostgreSQL URL",
    )
    auth_config: Path | None = Field(
        default=None, description="YAML/JSON file with allowed JWT issuers and their JWKS; unset = development mode"
    )
    public_url: str | None = Field(
        default=None,
        description="Base URL the EHR calls (JWT audience, links). Required when authentication is configured "
        "(the audience never follows the Host header); in development mode the request's URL is used",
    )
    qcdsm_id: str | None = Field(
        default=None, description="CMS qCDSM identifier (G-code) to stamp on ratings; never defaulted"
    )
    info_cards: bool = Field(default=True, description="Return an info card for appropriate orders")
    fhir_timeout: float = Field(default=2.0, gt=0, le=10, description="Seconds allowed for each FHIR fetch")
    link_secret: SecretStr | None = Field(
        default=None,
        description="Secret (>= 32 characters) signing the short-lived links cards carry to decision pages, and "
        "browser sessions; unset with authentication on = a random secret generated once and kept in the decision "
        "store, shared by every worker and instance using that store",
    )
    link_ttl: int = Field(default=900, ge=30, le=86_400, description="Seconds a signed decision link stays valid")
    session_ttl: int = Field(default=3600, ge=60, le=86_400, description="Seconds a browser session stays valid")
    service_id: str = Field(default="rightscan-imaging", pattern=r"^[a-z0-9\-]+$")

    # ------------------------------------------------------------------ bounded work per request
    max_body_bytes: int = Field(
        default=2_000_000,
        ge=10_000,
        le=50_000_000,
        description="Largest request body accepted (bytes); larger ones get 413 before the body is read",
    )
    max_draft_orders: int = Field(
        default=50, ge=1, le=1000, description="Most entries accepted in a CDS Hooks call's context.draftOrders"
    )
    max_note_chars: int = Field(
        default=20_000,
        ge=100,
        le=200_000,
        description="Longest clinical note read (characters): longer notes are refused (API, web form); in a CDS "
        "call, record text beyond it is not read and the decision says so",
    )
    # 0.75: an ordinary note at the 20,000-character cap takes 0.35-0.6 CPU seconds to read on the 2-CPU reference
    # machine (2026-12-04, about 25 notes of 1,500 characters per CPU-second); 0.5 left it too close to refusal
    note_cpu_seconds: float = Field(
        default=0.75,
        ge=0.05,
        le=30,
        description="CPU seconds one request may spend reading a note (web page, API, a CDS call's record text); "
        "a note over it, or shaped so that it would be (long runs without a space), is refused with 422 "
        "(a CDS call then uses coded data only)",
    )
    request_read_seconds: float = Field(
        default=30.0,
        ge=1,
        le=600,
        description="Seconds a request (headers and body) has to arrive whole, counted from when the connection may "
        "send it; a slower one has its connection closed (slowloris). A request that arrived is never cut",
    )
    max_feedback_entries: int = Field(default=20, ge=1, le=100, description="Most entries in one feedback call")
    max_feedback_comment_chars: int = Field(
        default=1000, ge=0, le=4000, description="Longest clinician comment stored with an override"
    )
    max_pdf_renders: int = Field(
        default=2,
        ge=0,
        le=16,
        description="Handout PDFs rendered at once by one process (each costs about 0.4 s of CPU); a request that "
        "finds no free slot within 2 seconds gets 503 with Retry-After. 0 = no PDF is rendered (503)",
    )
    pdf_cache_entries: int = Field(
        default=32,
        ge=0,
        le=1024,
        description="Rendered handout PDFs one process keeps (least recently used dropped), by decision, item and "
        "paper, so a repeated request renders nothing; 0 = none kept",
    )
    # ------------------------------------------------------------------ outbound FHIR fetches (SSRF)
    fhir_allow_http: bool = Field(
        default=False, description="Allow fhirServer URLs over plain http (test set-ups only)"
    )
    fhir_allowed_hosts: list[str] = Field(
        default_factory=list,
        description="Hosts (name or IP) a fhirServer may name even when they resolve to loopback, private or "
        "link-local addresses (JSON list in RIGHTSCAN_FHIR_ALLOWED_HOSTS)",
    )
    # ------------------------------------------------------------------ SMART on FHIR EHR launch
    smart_client_id: Annotated[str | None, _text(256)] = Field(
        default=None,
        description="OAuth client id registered with the EHR for the SMART EHR launch (/launch); unset = no launch. "
        "Needs authentication configured; the redirect URI is RIGHTSCAN_PUBLIC_URL + /launch/callback",
    )
    smart_client_secret: Annotated[SecretStr | None, _text(1024)] = Field(
        default=None,
        description="Client secret the EHR issued when RightScan is registered as a confidential client: the code "
        "exchange then authenticates with HTTP Basic (client_secret_basic); unset = a public client (PKCE only). "
        "Give it in the environment only, never on the command line",
    )
    smart_scope: Annotated[str, _text(1000)] = Field(
        default="launch openid fhirUser patient/*.read",
        description="Scopes requested in the SMART launch",
    )
    smart_issuers: dict[str, str] = Field(
        default_factory=dict,
        description="EHR FHIR servers allowed to launch RightScan (the launch's iss), each mapped to the issuer of "
        "that EHR's CDS Hooks JWTs: a launch opens decisions of that organisation only (JSON object in "
        "RIGHTSCAN_SMART_ISSUERS)",
    )
