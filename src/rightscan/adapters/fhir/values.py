"""Small readers of FHIR data types shared by the resource readers: codings, dates, statuses."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any


def codings(concept: Any) -> list[dict[str, Any]]:
    """The codings of a CodeableConcept (objects only)."""
    if not isinstance(concept, dict):
        return []
    return [c for c in concept.get("coding") or [] if isinstance(c, dict)]


DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def instant(value: Any) -> datetime | None:
    """A FHIR date/dateTime/instant as an aware UTC datetime (partial dates: their first moment)."""
    if not isinstance(value, str):
        return None
    m = DATE_RE.match(value)
    try:
        if m:
            return datetime(int(m[1]), int(m[2] or 1), int(m[3] or 1), tzinfo=UTC)
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def effective(resource: dict[str, Any]) -> datetime | None:
    """When an Observation or Procedure took place (its effective or performed time, else issued)."""
    for key in ("effectiveDateTime", "effectiveInstant", "performedDateTime"):
        if key in resource:
            return instant(resource[key])
    for key in ("effectivePeriod", "performedPeriod"):
        period = resource.get(key)
        if isinstance(period, dict):
            return instant(period.get("start") or period.get("end"))
    return instant(resource.get("issued"))


def status_code(concept: Any) -> str | None:
    """The first code of a status CodeableConcept (clinicalStatus, verificationStatus)."""
    for c in codings(concept):
        if isinstance(c.get("code"), str):
            return c["code"]
    return None
