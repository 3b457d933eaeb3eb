"""Audit reports in the web app: `GET /reports` (list), `/reports/{name}` (the HTML), `/reports/{name}.json`.

Reports are the folders written by `rightscan audit run --out DIR` under the directory named by
RIGHTSCAN_AUDIT_REPORTS (one sub-folder per report). They hold population figures from patient data, so
they sit behind the same authentication as the other patient-data routes. A report written with
``rightscan audit run --organisation ORG`` names the organisation it belongs to (the token's issuer, or
``<issuer>|<tenant>``, as decisions are scoped): with authentication on, only callers of that organisation
see it, and to anyone else it does not exist (404, and it is not listed). A report without one is readable
by every authenticated caller (one organisation per service). A decision-log report (``rightscan audit
log``, every organisation's consultations together) is not served here at all. Nothing is computed here.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import orjson
from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from rightscan.interfaces.http.deps import Auth, tenant_of
from rightscan.interfaces.http.errors import ApiError

router = APIRouter()
REPORTS_ENV = "RIGHTSCAN_AUDIT_REPORTS"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def _root() -> Path:
    value = os.environ.get(REPORTS_ENV)
    if not value or not Path(value).is_dir():
        raise ApiError(404, f"no audit reports are published ({REPORTS_ENV} is not a folder)")
    return Path(value)


def _visible(data: dict[str, Any], auth: dict[str, Any] | None) -> bool:
    """May this caller see the report? Only a population report (``rightscan audit run``): a decision-log
    report (``rightscan audit log``) sums up every organisation's consultations and names no owner, so it
    is neither listed nor served. Then everyone in development mode (no authentication); with it, a report
    that names an organisation only to callers of that organisation."""
    if "claims_proxy" not in data:
        return False
    owner = data.get("organisation")
    return auth is None or owner is None or owner == tenant_of(auth)


def _read(folder: Path) -> dict[str, Any] | None:
    try:
        data = orjson.loads((folder / "report.json").read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None


def _folder(name: str, auth: dict[str, Any] | None) -> Path:
    if not _NAME.match(name) or ".." in name:
        raise ApiError(404, "no such report", field="name")
    folder = _root() / name
    data = _read(folder) if (folder / "report.html").is_file() else None
    if data is None or not _visible(data, auth):
        raise ApiError(404, "no such report", field="name")
    return folder


@router.get("/reports", tags=["audit"])
async def list_reports(auth: Auth) -> dict[str, Any]:
    """Published audit reports this caller may read: name, measure, engine, definition version, date, links."""
    items = []
    for folder in sorted(p for p in _root().iterdir() if p.is_dir() and _NAME.match(p.name)):
        data = _read(folder)
        if data is None or not _visible(data, auth):
            continue  # unreadable, a decision-log report, or another organisation's: not listed here
        items.append(
            {
                "name": folder.name,
                "measure": data.get("measure"),
                "engine": data.get("engine"),
                "definition_version": (data.get("definition") or {}).get("version"),
                "generated_at": data.get("generated_at"),
                "claims_proxy": data.get("claims_proxy"),
                "html": f"/reports/{folder.name}",
                "json": f"/reports/{folder.name}.json",
            }
        )
    return {"reports": items}


@router.get("/reports/{name}.json", tags=["audit"])
async def report_json(name: str, auth: Auth) -> Response:
    """The report's numbers (the same JSON `rightscan audit run` wrote)."""
    return Response((_folder(name, auth) / "report.json").read_bytes(), media_type="application/json")


@router.get("/reports/{name}", response_class=HTMLResponse, tags=["audit"])
async def report_page(name: str, auth: Auth) -> HTMLResponse:
    """The self-contained HTML report."""
    return HTMLResponse((_folder(name, auth) / "report.html").read_text(encoding="utf-8"))
