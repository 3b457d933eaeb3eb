"""The words of a decision: the staging steps of its explanation and its one-line summary. Pure.

Both are rendered from typed parts (stage results, the pathway, red-flag rules, missing facts);
nothing reads them back.
"""

from __future__ import annotations

from typing import Any

from rightscan.domain.knowledge import Knowledge, RedFlagRule
from rightscan.domain.missing import Trace
from rightscan.domain.model import (
    INDIVIDUALIZE,
    NOT_APPLICABLE,
    NOT_RECOMMENDED,
    RECOMMENDED,
    TARGETED,
    Facts,
    MissingFact,
    StageResult,
    receptor,
)
from rightscan.domain.pathway import Pathway


def stage_label(result: StageResult) -> str:
    return result.stage if result.stage is not None else "unknown"


def explain_stage(
    ctx: Trace,
    t: str | None,
    n: str | None,
    m: str | None,
    m_source: str,
    anat: StageResult,
    prog: StageResult,
    tumor: Any,
    her2: bool | None,
) -> None:
    """The staging steps after the one that says how T was obtained (``clinical_stage`` adds that one)."""
    cite = ctx.kb.staging_citations
    n_text = f"cN given as c{n}" if n else "cN not given"
    m_text = f"cM given as c{m}" if m_source == "given" else "cM not stated: staged as cM0 (no metastasis documented)"
    ctx.explain(f"{n_text}; {m_text}", cite.n_m)
    tnm = f"c{t or 'T?'} c{n or 'N?'} c{m}"
    if anat.stage:
        ctx.explain(f"{tnm} -> anatomic stage {anat.stage}", cite.anatomic)
    else:
        extra = f" (could be {', '.join(anat.possible)})" if anat.possible else ""
        ctx.explain(f"{tnm} -> no anatomic stage: {anat.reason}{extra}", cite.anatomic)
    if tumor.her2_equivocal:
        ctx.explain(
            "HER2 reported equivocal (IHC 2+): staged as HER2-negative until reflex ISH resolves it",
            cite.her2_equivocal,
        )
    markers = (
        f"grade {tumor.grade or '?'}, HER2{_sign(her2)}{' (equivocal)' if tumor.her2_equivocal else ''}, "
        f"ER{_sign(receptor(tumor.er))}, PR{_sign(receptor(tumor.pr))}"
    )
    if prog.stage:
        ctx.explain(f"{tnm}, {markers} -> clinical prognostic stage {prog.stage}", cite.clinical)
    else:
        extra = f" (could be {', '.join(prog.possible)})" if prog.possible else ""
        ctx.explain(f"{tnm}, {markers} -> no clinical prognostic stage: {prog.reason}{extra}", cite.clinical)


def _sign(value: bool | None) -> str:
    return "?" if value is None else ("+" if value else "-")


def summary_stage(anat: StageResult, prog: StageResult, pathway: Pathway) -> str:
    if anat.stage and prog.stage and anat.stage != prog.stage:
        return f"anatomic stage {anat.stage}, clinical prognostic stage {prog.stage}"
    if pathway.kind == "bounded" and anat.possible:
        return f"anatomic stage at least {anat.possible[0]}"
    stage = prog.stage or anat.stage
    return f"clinical stage {stage}" if stage else "clinical stage unknown"


def summary(
    verdict: str,
    staging_verdict: str,
    stage_text: str,
    clinical: Pathway,
    flags: tuple[RedFlagRule, ...],
    facts: Facts,
    invasive: str,
    metastatic: bool,
    upstaged_to: tuple[StageResult, StageResult] | None,
    missing: list[MissingFact],
    kb: Knowledge,
) -> str:
    """The one-line answer. ``upstaged_to``: the pathological (anatomic, prognostic) stage when pathology
    moved the tumour beyond the early pathway (pathologic upstaging), else None."""
    if verdict == TARGETED:
        parts = [f"{f.finding.replace('_', ' ')} -> {kb.procedures[f.suggested[0]].name}" for f in flags]
        targeted = "targeted imaging for red flags: " + "; ".join(parts)
        if staging_verdict in (RECOMMENDED, INDIVIDUALIZE):
            staging_text = _staging_summary(staging_verdict, stage_text, clinical, upstaged_to)
            return f"{staging_text}; and {targeted}"
        return "T" + targeted[1:]
    staging_text = _staging_summary(staging_verdict, stage_text, clinical, upstaged_to)
    if staging_text:
        return staging_text
    if verdict == NOT_APPLICABLE:
        if facts.setting != "new_diagnosis":
            return (
                f"Outside initial staging ({(facts.setting or '').replace('_', ' ')}): see the applicable ACR variants"
            )
        if invasive == "no":
            return "Staging imaging does not apply - ductal carcinoma in situ without invasion (stage 0)"
        if metastatic:
            return "Staging imaging does not apply - distant metastasis already known (stage IV)"
    if not missing:
        return "Cannot decide on systemic staging imaging - insufficient data: facts"
    facts_text = "; ".join(m.short for m in missing)
    return f"Cannot decide on systemic staging imaging - insufficient data: {facts_text}"


def _staging_summary(
    verdict: str, stage_text: str, clinical: Pathway, upstaged_to: tuple[StageResult, StageResult] | None
) -> str:
    if verdict == NOT_RECOMMENDED:
        return f"Systemic staging imaging is not recommended - {stage_text}, no red flag"
    if verdict == RECOMMENDED:
        if upstaged_to is not None:
            p_anat, p_prog = upstaged_to
            return (
                f"Post-operative systemic staging is recommended - pathologic upstaging to anatomic "
                f"{p_anat.stage or 'not assigned'}, pathological prognostic {p_prog.stage or 'not assigned'} "
                f"({stage_text} before surgery)"
            )
        if clinical.kind == "beyond_early_pathway":
            return (
                f"Systemic staging imaging is recommended - {stage_text}; the favourable prognostic stage does not "
                "bring this tumour into the early (I-IIA) pathway"
            )
        if clinical.kind == "bounded":
            return f"Systemic staging imaging is recommended - {stage_text} whatever the missing facts turn out to be"
        return f"Systemic staging imaging is recommended - {stage_text}"
    if verdict == INDIVIDUALIZE:
        which = {
            "anatomic_early_prognostic_late": " (anatomy early, biology more advanced)",
            "anatomic_late_prognostic_early": " (anatomy more advanced, biology favourable)",
        }.get(clinical.kind, "")
        return (
            f"Systemic staging imaging: individualise - {stage_text}{which}; decide at the multidisciplinary "
            "tumour board"
        )
    return ""
