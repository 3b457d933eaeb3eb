"""The patient handout's reading of a decision: which stage it explains, whether that stage is early or
late, and whether pathology moved the tumour past the early pathway. The handout (an interface) words
these for the patient; the clinical judgements behind them are the domain's (``pathway.governing_stage``,
the guidance's upstaging items)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rightscan.domain import guidance, staging
from rightscan.domain.knowledge import Knowledge
from rightscan.domain.pathway import governing_stage


@dataclass(frozen=True)
class HandoutStage:
    main: str | None  # the stage the handout explains
    stage_class: str | None  # "early" / "late" per the AJCC knowledge file, else None
    anatomic: str | None
    prognostic: str | None
    upstaged: bool  # pathology moved the tumour beyond the early pathway


def handout_stage(kb: Knowledge, decision: dict[str, Any]) -> HandoutStage:
    stage = decision["stage"]
    anat, prog = stage.get("anatomic"), stage.get("clinical_prognostic")
    main = governing_stage(kb, anat, prog)
    return HandoutStage(main, staging.stage_class(kb.staging, main), anat, prog, _upstaged(kb, decision))


def _upstaged(kb: Knowledge, d: dict[str, Any]) -> bool:
    """Pathologic upstaging, read from the guidance the decision triggered (items that apply only when
    pathology moved the tumour beyond the early pathway), not from the summary's wording."""
    if not d["stage"].get("pathological"):
        return False
    shown = {item["id"] for kind in ("considerations", "next_steps", "pitfalls") for item in d[kind]}
    return not shown.isdisjoint(guidance.implied_by(kb.guidance, "pathologic_upstaging", "yes"))
