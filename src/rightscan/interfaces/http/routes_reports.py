"""Audit reports in the web app: `GET /reports` (list), `/reports/{name}` (the HTML), `/reports/{name}.json`.

Reports are the folders written by `rightscan audit run --out DIR` under the directory named by
RIGHTSCAN_AUDIT_REPORTS (one sub-folder per report). They hold population figures from patient data, so
they sit behind the same authentication as the other patient-data routes. Nothing is computed here.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import orjson
from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from rightscan.interfaces.http.deps import Auth
from rightscan.interfaces.http.errors import ApiError

router = APIRouter()
REPORTS_ENV = "RIGHTSCAN_AUDIT_REPORTS"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def _root() -> Path:
    value = os.environ.get(REPORTS_ENV)
    if not value or not Path(value).is_dir():
        raise ApiError(404, f"no audit reports are published ({REPORTS_ENV} is not a folder)")
    return Path(value)


def _folder(name: str) -> Path:
    if not _NAME.match(name) or ".." in name:
        raise ApiError(404, "no such report", field="name")
    folder = _root() / name
    if not (folder / "report.json").is_file() or not (folder / "report.html").is_file():
        raise ApiError(404, "no such report", field="name")
    return folder


@router.get("/reports", tags=["audit"])
async def list_reports(_auth: Auth) -> dict[str, Any]:
    """Published audit reports: name, measure, engine, definition version, date, links."""
    items = []
    for folder in sorted(p for p in _root().iterdir() if p.is_dir() and _NAME.match(p.name)):
        try:
            data = orjson.loads((folder / "report.json").read_bytes())
        except (OSError, orjson.JSONDecodeError):
            continue
        if not isinstance(data, dict) or "claims_proxy" not in data:
            continue  # a decision-log report or something else: not listed here
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
async def report_json(name: str, _auth: Auth) -> Response:
    """The report's numbers (the same JSON `rightscan audit run` wrote)."""
    return Response((_folder(name) / "report.json").read_bytes(), media_type="application/json")


@router.get("/reports/{name}", response_class=HTMLResponse, tags=["audit"])
async def report_page(name: str, _auth: Auth) -> HTMLResponse:
    """The self-contained HTML report."""
    return HTMLResponse((_folder(name) / "report.html").read_text(encoding="utf-8"))
