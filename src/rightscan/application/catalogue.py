"""The procedure catalogue and how an order's text is read: what the study field and autocomplete show."""

from __future__ import annotations

from typing import Any

from rightscan.domain.knowledge import Knowledge
from rightscan.domain.orders import for_patient, interpret


def procedure_catalogue(kb: Knowledge) -> list[dict[str, Any]]:
    """Every study an order may name: id, ACR name, purpose, codes, synonyms, radiation level.

    ``synonyms`` are the names that resolve to the study on their own; ``ambiguous_names`` name the
    study's family but leave a choice open ("mammogram": screening or diagnostic) and are answered
    with choices.
    """
    rows = []
    for p in kb.procedures.values():
        own = [s for s in p.synonyms if interpret(kb, s).status == "resolved"]
        rows.append(
            {
                "id": p.id,
                "name": p.name,
                "purpose": p.purpose,
                "rated_by_acr_topic": p.in_topic,
                "cpt": list(p.cpt),
                "hcpcs": list(p.hcpcs),
                "loinc": list(p.loinc),
                "synonyms": own,
                "ambiguous_names": [s for s in p.synonyms if s not in own],
                "rrl": p.rrl,
                "adult_dose_msv": p.adult_dose_msv,
            }
        )
    return rows


def resolved_study(kb: Knowledge, text: str) -> Any:
    """The catalogue study an order's text is read as by the evaluator (for the patient of the form:
    ``orders.for_patient``), or None (unknown or ambiguous)."""
    reading = for_patient(kb, text)
    return reading.study if reading.status == "resolved" else None
