"""Topics served from folders of knowledge (``RIGHTSCAN_TOPICS``) over the JSON API.

Rendering only: the payload goes to the application's one use case (``decide_payload``), which sends a
payload naming a topic to that topic's input model and decision. These decisions are not logged.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Request

from rightscan.application import decide_payload
from rightscan.interfaces.http.deps import Auth, FastJsonRoute, engine_of

router = APIRouter(route_class=FastJsonRoute)


@router.post("/v1/topics/{topic_id}/evaluate", tags=["api"])
async def evaluate_topic(
    request: Request, topic_id: str, auth: Auth, payload: Annotated[dict[str, Any], Body()]
) -> dict[str, Any]:
    """Evaluate a payload of a topic this service serves (its inputs and an optional `order`); 422 names
    the field of bad input, or `topic` for a topic this service does not serve."""
    return decide_payload(engine_of(request).kb, {**payload, "topic": topic_id})
