"""Record feedback on the cards of a consultation (CDS Hooks 2.0 feedback), checked against each card.

Feedback is about a card this service returned to the caller's organisation, and it may only name what
that card offered: the suggestion ids it listed, one of the override reasons it listed. One card has one
outcome: a card already recorded as accepted cannot also be recorded as overridden (409), and the reverse.
The log keeps no free text: of the clinician's ``userComment`` only its length is stored.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from rightscan.application.cds import _check_service
from rightscan.application.engine import Engine
from rightscan.application.errors import Refused

if TYPE_CHECKING:  # the service extra (pydantic-settings, FastAPI) is needed only when feedback is recorded
    from rightscan.adapters.cdshooks.models import FeedbackEntry, FeedbackRequest
    from rightscan.settings import Settings

log = logging.getLogger("rightscan.cds")

# A card of this service offers a few suggestions (the better studies, cancelling the order), each named by a
# UUID: feedback accepting more, or naming one with a longer id, is not about such a card (and would fill the log).
MAX_ACCEPTED_SUGGESTIONS = 10
MAX_SUGGESTION_ID_CHARS = 64


def _check_suggestions(i: int, entry: FeedbackEntry, card: dict[str, Any]) -> None:
    suggestions = entry.acceptedSuggestions or []
    if len(suggestions) > MAX_ACCEPTED_SUGGESTIONS:
        raise Refused(422, f"more than {MAX_ACCEPTED_SUGGESTIONS} entries", f"feedback[{i}].acceptedSuggestions")
    offered = card.get("suggestions")  # absent for a card logged before the offers were (not checkable)
    for j, suggestion in enumerate(suggestions):
        field = f"feedback[{i}].acceptedSuggestions[{j}].id"
        if len(suggestion.id) > MAX_SUGGESTION_ID_CHARS or "\x00" in suggestion.id:
            raise Refused(
                422, f"not a suggestion id of this service (at most {MAX_SUGGESTION_ID_CHARS} characters)", field
            )
        if offered is not None and suggestion.id not in offered:
            raise Refused(422, "not a suggestion this card offered", field)


def _offered_reason(i: int, entry: FeedbackEntry, card: dict[str, Any]) -> dict[str, Any] | None:
    """The override reason as the card offered it (its own display, never the sender's text), None when the
    feedback gives none; for a card logged before its offers were, the reason as sent."""
    reason = entry.overrideReason.reason if entry.overrideReason else None
    if reason is None:
        return None
    offered = card.get("override_reasons")
    if offered is None:
        return {"system": reason.system, "code": reason.code, "display": reason.display}
    match = next((r for r in offered if r.get("system") == reason.system and r.get("code") == reason.code), None)
    if match is None:
        raise Refused(
            422, "not an override reason this card offered (system and code)", f"feedback[{i}].overrideReason.reason"
        )
    return dict(match)


def _check_outcome(i: int, entry: FeedbackEntry, outcomes: set[str]) -> None:
    other = next((o for o in sorted(outcomes) if o != entry.outcome), None)
    if other is not None:
        raise Refused(409, f"this card's feedback is already {other}: one card has one outcome", f"feedback[{i}].card")
    outcomes.add(entry.outcome)


async def record_feedback(
    engine: Engine,
    settings: Settings,
    service_id: str,
    body: FeedbackRequest,
    tenant: str | None,
    authenticated: bool,
) -> dict[str, int]:
    """Use case *record feedback*: store accepted / overridden outcomes, idempotently (repeats of the same
    event, the same suggestions accepted included, are ignored). Feedback is about a card this service
    returned to this caller's organisation (``tenant``, checked when ``authenticated``): anything else is
    refused alike (404), so nobody learns which card ids exist elsewhere. A suggestion id or an override
    reason the card did not offer is 422; the opposite outcome of one already recorded for the card is 409.
    Returns ``{"received": n, "new": m}``."""
    from starlette.concurrency import run_in_threadpool

    from rightscan.adapters.store.db import FeedbackRecord

    _check_service(settings, service_id)
    if len(body.feedback) > settings.max_feedback_entries:
        raise Refused(
            422, f"more than {settings.max_feedback_entries} entries (RIGHTSCAN_MAX_FEEDBACK_ENTRIES)", "feedback"
        )
    known = await run_in_threadpool(engine.store.feedback_cards, sorted({entry.card for entry in body.feedback}))
    records = []
    for i, entry in enumerate(body.feedback):
        found = known.get(entry.card)
        if found is None or (authenticated and found["tenant"] != tenant):
            raise Refused(404, "no card with this id was returned by this service", f"feedback[{i}].card")
        card = found["card"]
        _check_suggestions(i, entry, card)
        reason = _offered_reason(i, entry, card)
        comment = entry.overrideReason.userComment if entry.overrideReason else None
        if comment and len(comment) > settings.max_feedback_comment_chars:
            raise Refused(
                422,
                f"longer than the {settings.max_feedback_comment_chars}-character limit "
                "(RIGHTSCAN_MAX_FEEDBACK_COMMENT_CHARS)",
                f"feedback[{i}].overrideReason.userComment",
            )
        _check_outcome(i, entry, found["outcomes"])  # earlier entries of this request count too
        accepted = sorted({s.id for s in entry.acceptedSuggestions or []})
        records.append(
            FeedbackRecord(
                card_uuid=entry.card,
                service_id=service_id,
                outcome=entry.outcome,
                outcome_timestamp=entry.outcomeTimestamp,
                accepted_suggestions=[{"id": s} for s in accepted] or None,
                override_system=reason["system"] if reason else None,
                override_code=reason["code"] if reason else None,
                override_display=reason.get("display") if reason else None,
                comment_chars=len(comment) if comment else None,  # never the comment: it may name the patient
                suggestion_ids=" ".join(accepted),
            )
        )
    new = await asyncio.wrap_future(engine.store.submit_feedback(records))
    log.debug("feedback service=%s entries=%d new=%d", service_id, len(records), new)
    return {"received": len(records), "new": new}
