"""The clinical stage of one tumour and what follows from it alone: both AJCC stage groups, the output
block, the explanation steps, the missing stage facts, the cM0 assumption, and the pathway. A pure
function of the tumour facts (and of whether missing stage facts must be reported): memoised."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rightscan.domain import staging
from rightscan.domain.answer import Step
from rightscan.domain.explanation import explain_stage, summary_stage
from rightscan.domain.knowledge import Knowledge
from rightscan.domain.missing import Trace, assume_m0, note_missing_stage
from rightscan.domain.model import Assumption, MissingFact, StageResult, receptor
from rightscan.domain.pathway import BOTH, EARLY, LATE, Pathway, pathway


def biology_of(er: str | None, pr: str | None, her2: str | None) -> str:
    """Biology group as ACR topic 310 splits it (variants 4 and 5)."""
    if her2 == "positive":
        return "her2_positive"
    if her2 is None or er is None:
        return "unknown"
    if er == "positive":
        return "er_positive_her2_negative"
    if pr is None:
        return "unknown"
    return "triple_negative" if pr == "negative" else "er_negative_pr_positive_her2_negative"


@dataclass(frozen=True, slots=True, eq=False)
class ClinicalStage:
    """The clinical stage of one tumour and what follows from it alone (shared between decisions;
    compared by identity: one object per ``key`` while it is memoised, so it can stand in later keys)."""

    key: tuple[Any, ...]  # the tumour facts it depends on, the T step aside (a memo key for later steps)
    tumor: Any  # those tumour facts (size, stated T and inflammatory cleared: only the T step reads them)
    t: str | None  # as resolved
    m: str | None  # as staged (M0 when not stated)
    anatomic: StageResult
    prognostic: StageResult
    block: dict[str, Any]  # the output's ``stage`` block (copied per decision before it is extended)
    steps: tuple[Step, ...]  # after the T step (``clinical_stage`` gives that one)
    missing: tuple[MissingFact, ...]
    assumptions: tuple[Assumption, ...]
    pathway: Pathway
    stage_feature: str  # guidance feature ``stage_class``

    @property
    def has_tumor_facts(self) -> bool:
        """False: no T, N, M nor histology (no staging steps at all)."""
        tumor = self.tumor
        return self.t is not None or tumor.n is not None or tumor.m is not None or tumor.histology is not None

    @property
    def invasive(self) -> str:
        """yes | no | unknown."""
        if self.t == "Tis":
            return "no"
        return "yes" if self.tumor.histology not in (None, "DCIS") or self.t is not None else "unknown"

    @property
    def biology(self) -> str:
        """As staged (HER2 equivocal counts as negative): chooses variants 4/5."""
        return biology_of(self.tumor.er, self.tumor.pr, self.tumor.her2)

    @property
    def guidance_biology(self) -> str:
        """For wording: "her2_equivocal" while HER2 is unresolved."""
        biology = self.biology
        return "her2_equivocal" if self.tumor.her2_equivocal and biology != "her2_positive" else biology

    @property
    def summary_stage(self) -> str:
        """The stage as the summary names it."""
        return summary_stage(self.anatomic, self.prognostic, self.pathway)


def clinical_stage(kb: Knowledge, tumor: Any, setting: str | None) -> tuple[ClinicalStage, Step | None]:
    """T/N/M, both clinical stage groups, the output block, explanation steps, missing facts and
    assumptions, and the pathway the clinical stage alone gives; and the explanation step that says
    how T was obtained (None without any tumour fact), which comes before the stage's own steps.

    Only that T step depends on the tumour's size or on its stated T (it quotes them); the stage is a
    function of the resolved T and of the other tumour facts, memoised under its ``key``, so tumours
    that differ only in size within one T band share it."""
    report = setting in (None, "new_diagnosis")
    t, t_how = staging.resolve_t(kb.staging, tumor)
    key = (
        "stage-core",
        t,
        tumor.n,
        tumor.m,
        tumor.histology,
        tumor.grade,
        tumor.er,
        tumor.pr,
        tumor.her2,
        tumor.her2_equivocal,
        report,
    )
    # the stage sees the tumour without the facts only the T step reads (size, stated T, inflammatory)
    core: ClinicalStage = kb.remember(
        key, lambda: _clinical_stage_core(kb, tumor._replace(size_cm=None, t=None, inflammatory=None), t, report, key)
    )
    return core, (Step.of(f"T: {t_how}", kb.staging_citations.t) if core.has_tumor_facts else None)


def _clinical_stage_core(kb: Knowledge, tumor: Any, t: str | None, report: bool, key: tuple[Any, ...]) -> ClinicalStage:
    """The stage of :func:`clinical_stage` (without its T step). Reads only the tumour facts in ``key``."""
    tables = kb.staging
    ctx = Trace(kb)
    n, m = tumor.n, tumor.m
    has_tumor_facts = t is not None or n is not None or m is not None or tumor.histology is not None
    m_source = "given"
    assumptions: tuple[Assumption, ...] = ()
    if m is None and has_tumor_facts:
        m, m_source = "M0", "not stated"
        if report:
            assumptions = (assume_m0(kb),)
    er, pr, her2 = receptor(tumor.er), receptor(tumor.pr), receptor(tumor.her2)
    if has_tumor_facts:
        anat = staging.anatomic_stage(tables, t, n, m)
        prog = staging.prognostic_stage(tables, "clinical", t, n, m, tumor.grade, her2, er, pr)
        explain_stage(ctx, t, n, m, m_source, anat, prog, tumor, her2)
    else:
        anat = prog = StageResult(None, "no tumour facts")
    stage_out: dict[str, Any] = {
        "anatomic": anat.stage,
        "clinical_prognostic": prog.stage,
        "edition": tables.edition,
        "t": f"c{t}" if t else None,
        "n": f"c{n}" if n else None,
        "m": f"c{m}" if m else None,
        "m_source": m_source if m else None,
    }
    bounds = {
        name: {"lowest": r.possible[0], "highest": r.possible[-1], "possible": list(r.possible)}
        for name, r in (("anatomic", anat), ("clinical_prognostic", prog))
        if r.stage is None and r.possible
    }
    if bounds:
        stage_out["bounds"] = bounds
    clinical = pathway(kb, t, n, anat, prog)
    if clinical.why:
        ctx.explain(clinical.why, f"{kb.early_pathway.source if kb.early_pathway else ''}")
    if report and t != "Tis" and m != "M1":
        note_missing_stage(ctx, tumor, t, n, m, anat, prog)
    return ClinicalStage(
        key=key,
        tumor=tumor,
        t=t,
        m=m,
        anatomic=anat,
        prognostic=prog,
        block=stage_out,
        steps=tuple(ctx.explanation),
        missing=tuple(ctx.insufficient),
        assumptions=assumptions,
        pathway=clinical,
        stage_feature=_stage_class_feature(tables, anat, prog, clinical),
    )


def _stage_class_feature(tables: Any, anat: StageResult, prog: StageResult, pathway: Pathway) -> str:
    if pathway.classes == BOTH:
        return "split"
    if pathway.classes == LATE:
        return "late"
    if pathway.classes == EARLY:
        return "early"
    a = staging.stage_class(tables, anat.stage)
    p = staging.stage_class(tables, prog.stage)
    return a or p or "unknown"
