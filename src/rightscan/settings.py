"""Service settings, from RIGHTSCAN_* environment variables (or ``rightscan serve`` options)."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


def data_dir() -> Path:
    """Where RightScan keeps its own files: $XDG_DATA_HOME/rightscan, else ~/.local/share/rightscan
    (never the current directory, so a checkout stays clean). Not created here."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "rightscan"


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'rightscan.db'}"


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
        default=None, description="Base URL the EHR calls (JWT audience, links); default: taken from the request"
    )
    qcdsm_id: str | None = Field(
        default=None, description="CMS qCDSM identifier (G-code) to stamp on ratings; never defaulted"
    )
    info_cards: bool = Field(default=True, description="Return an info card for appropriate orders")
    fhir_timeout: float = Field(default=2.0, gt=0, le=10, description="Seconds allowed for each FHIR fetch")
    link_secret: SecretStr | None = Field(
        default=None,
        description="Secret (>= 32 characters) signing the short-lived links cards carry to decision pages, and "
        "browser sessions; unset = a random secret per process (links then open only on the process that made them)",
    )
    link_ttl: int = Field(default=900, ge=30, le=86_400, description="Seconds a signed decision link stays valid")
    session_ttl: int = Field(default=3600, ge=60, le=86_400, description="Seconds a browser session stays valid")
    service_id: str = Field(default="rightscan-imaging", pattern=r"^[a-z0-9\-]+$")
