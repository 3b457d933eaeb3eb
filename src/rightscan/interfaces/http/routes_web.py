"""Server-rendered pages: the explanation page of a logged decision (its permalink)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from rightscan.interfaces.http.deps import engine_of

router = APIRouter()


@router.get("/decisions/{decision_id}", response_class=HTMLResponse, name="decision_page", tags=["web"])
async def decision_page(request: Request, decision_id: str) -> HTMLResponse:
    """The explanation of one logged decision: the verdict, every reason with its source, and feedback."""
    templates = request.app.state.templates
    try:
        key = str(uuid.UUID(decision_id))
    except ValueError:
        key = None
    record = engine_of(request).store.get_decision(key) if key else None
    if record is None:
        return templates.TemplateResponse(request, "not_found.html", {"what": "decision"}, status_code=404)
    return templates.TemplateResponse(request, "decision.html", {"record": record})
