"""The application seam: one function per use case. Interfaces (CLI, HTTP, web) parse their input,
call one of these, and render what it returns; none of them calls the decision engine itself.

| use case | function |
|---|---|
| evaluate facts | :func:`evaluate_facts` (``decide_payload`` without the override note; ``Engine`` logs) |
| evaluate a note | :func:`note_facts` + ``Engine.evaluate`` (HTTP), :func:`read_note` + :func:`evaluate_note` (CLI) |
| evaluate a batch | :func:`evaluate_batch` (JSON Lines of facts), :func:`evaluate_note_batch` (of notes) |
| consult on draft orders | :func:`consult` (CDS Hooks, from draft orders to the stored decision) |
| record feedback | :func:`record_feedback` |
| export | :func:`export_log` |
| the patient handout | :func:`handout_stage` (the stage it explains, early / late, pathologic upstaging) |
| the catalogue | :func:`procedure_catalogue`, :func:`resolved_study` |

The domain's types the interfaces name (``Knowledge``, ``InputError``, ``UnknownOrder``) are re-exported
here, so an interface never imports ``rightscan.domain``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rightscan.application.batch import evaluate_batch, evaluate_note_batch, invalid_facts_message
    from rightscan.application.catalogue import procedure_catalogue, resolved_study
    from rightscan.application.cds import complete_prefetch, consult, discovery
    from rightscan.application.core import (
        decide_facts,
        decide_payload,
        digest,
        evaluate_facts,
        new_id,
        order_override,
        with_override,
    )
    from rightscan.application.engine import Engine, Evaluation
    from rightscan.application.errors import Refused
    from rightscan.application.export import export_log
    from rightscan.application.feedback import record_feedback
    from rightscan.application.fhir import fhir_facts
    from rightscan.application.handout import HandoutStage, handout_stage
    from rightscan.application.notes import (
        TEXT_FILLABLE,
        confirm_uncertain,
        decide_extracted,
        evaluate_note,
        evidence_for_log,
        fill_from_text,
        note_facts,
        read_note,
        text_facts,
        text_reading,
        uncertain_gaps,
    )
    from rightscan.domain.knowledge import Knowledge, StagingTables
    from rightscan.domain.model import InputError
    from rightscan.domain.orders import UnknownOrder

__all__ = [
    "TEXT_FILLABLE",
    "Engine",
    "Evaluation",
    "HandoutStage",
    "InputError",
    "Knowledge",
    "Refused",
    "StagingTables",
    "UnknownOrder",
    "complete_prefetch",
    "confirm_uncertain",
    "consult",
    "decide_extracted",
    "decide_facts",
    "decide_payload",
    "digest",
    "discovery",
    "evaluate_batch",
    "evaluate_facts",
    "evaluate_note",
    "evaluate_note_batch",
    "evidence_for_log",
    "export_log",
    "fhir_facts",
    "fill_from_text",
    "handout_stage",
    "invalid_facts_message",
    "new_id",
    "note_facts",
    "order_override",
    "procedure_catalogue",
    "read_note",
    "record_feedback",
    "resolved_study",
    "text_facts",
    "text_reading",
    "uncertain_gaps",
    "with_override",
]

# Each name is imported from its module on first use, so a command loads only the use case it runs
# (the CLI's evaluate never imports the service's asyncio, store or FHIR code).
_WHERE = {
    "Engine": "rightscan.application.engine",
    "Evaluation": "rightscan.application.engine",
    "HandoutStage": "rightscan.application.handout",
    "InputError": "rightscan.domain.model",
    "Knowledge": "rightscan.domain.knowledge",
    "Refused": "rightscan.application.errors",
    "StagingTables": "rightscan.domain.knowledge",
    "TEXT_FILLABLE": "rightscan.application.notes",
    "UnknownOrder": "rightscan.domain.orders",
    "complete_prefetch": "rightscan.application.cds",
    "confirm_uncertain": "rightscan.application.notes",
    "consult": "rightscan.application.cds",
    "decide_extracted": "rightscan.application.notes",
    "decide_facts": "rightscan.application.core",
    "decide_payload": "rightscan.application.core",
    "digest": "rightscan.application.core",
    "discovery": "rightscan.application.cds",
    "evaluate_batch": "rightscan.application.batch",
    "evaluate_facts": "rightscan.application.core",
    "evaluate_note": "rightscan.application.notes",
    "evaluate_note_batch": "rightscan.application.batch",
    "evidence_for_log": "rightscan.application.notes",
    "export_log": "rightscan.application.export",
    "fhir_facts": "rightscan.application.fhir",
    "fill_from_text": "rightscan.application.notes",
    "handout_stage": "rightscan.application.handout",
    "invalid_facts_message": "rightscan.application.batch",
    "new_id": "rightscan.application.core",
    "note_facts": "rightscan.application.notes",
    "order_override": "rightscan.application.core",
    "procedure_catalogue": "rightscan.application.catalogue",
    "read_note": "rightscan.application.notes",
    "record_feedback": "rightscan.application.feedback",
    "resolved_study": "rightscan.application.catalogue",
    "text_facts": "rightscan.application.notes",
    "text_reading": "rightscan.application.notes",
    "uncertain_gaps": "rightscan.application.notes",
    "with_override": "rightscan.application.core",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
