"""The decision: stage, scenario (ACR variants), red flags, order rating, guidance, explanation.

``decide(kb, facts)`` is a pure function. It raises ``FactError`` for contradictory facts and
``UnknownOrder`` for an order it cannot recognise; everything else it cannot settle is reported in
``insufficient_data`` and reflected in the verdict, never filled in.

This module only orchestrates; each step has its own module: ``clinical_stage`` (the tumour's stage
and what follows from it alone), ``pathway`` (the early-pathway entry criteria), ``missing`` (missing
facts and the working trace), ``variants`` (variant selection), ``rating`` (the order's rating, the
alternatives, the red flags' targeted studies) and ``explanation`` (the words).
"""

from __future__ import annotations

from typing import NamedTuple

from rightscan.domain import findings, orders, staging
from rightscan.domain.answer import OrderAssessment, TargetedStudy
from rightscan.domain.clinical_stage import ClinicalStage, clinical_stage
from rightscan.domain.explanation import stage_label, summary
from rightscan.domain.knowledge import Knowledge
from rightscan.domain.missing import Trace, unique
from rightscan.domain.model import (
    INDIVIDUALIZE,
    NOT_APPLICABLE,
    NOT_RECOMMENDED,
    RECOMMENDED,
    TARGETED,
    UNDETERMINED,
    Decision,
    Facts,
    MissingFact,
    StageResult,
    receptor,
)
from rightscan.domain.pathway import BOTH, LATE, Pathway, pathway
from rightscan.domain.rating import OrderScenario, assess_order, targeted_imaging
from rightscan.domain.variants import applicable_variants


class PathologicalStage(NamedTuple):
    """The stage after surgery (pT, pN) and the pathway it gives."""

    anatomic: StageResult
    prognostic: StageResult
    pathway: Pathway


def _pathological_stage(kb: Knowledge, facts: Facts, m: str | None, trace: Trace) -> PathologicalStage:
    tumor = facts.tumor
    pt, pn = facts.pathology_t, facts.pathology_n
    er, pr, her2 = receptor(tumor.er), receptor(tumor.pr), receptor(tumor.her2)
    p_anat = staging.anatomic_stage(kb.staging, pt, pn, m or "M0")
    p_prog = staging.prognostic_stage(kb.staging, "pathological", pt, pn, m or "M0", tumor.grade, her2, er, pr)
    path = pathway(kb, pt, pn, p_anat, p_prog, prefix="p", table="pathological")
    trace.explain(
        f"Pathology p{pt or 'T?'} p{pn or 'N?'}: pathological anatomic stage {stage_label(p_anat)}, "
        f"pathological prognostic stage {stage_label(p_prog)} (without a multigene score)",
        f"{kb.staging_citations.anatomic}; {kb.staging_citations.pathological}",
    )
    if p_anat.stage is None and p_prog.stage is None and path.verdict == UNDETERMINED:
        trace.insufficient.append(
            MissingFact("pathology", "pathological stage", f"cannot be assigned ({p_anat.reason})")
        )
    return PathologicalStage(p_anat, p_prog, path)


def decide(kb: Knowledge, facts: Facts) -> Decision:
    trace = Trace(kb)
    tumor = facts.tumor
    setting = facts.setting

    # ------------------------------------------------------------ clinical stage (memoised per tumour)
    cs: ClinicalStage = kb.remember(("stage", tumor, setting), lambda: clinical_stage(kb, tumor, setting))
    stage_out = dict(cs.block)
    trace.explanation.extend(cs.steps)
    if cs.missing:
        trace.insufficient.extend(cs.missing)
    clinical = cs.pathway
    classes = clinical.classes
    metastatic = cs.m == "M1"
    summary_stage = cs.summary_stage

    # ------------------------------------------------------------ pathological stage (after surgery)
    path: PathologicalStage | None = None
    if facts.pathology_t is not None or facts.pathology_n is not None:
        path = _pathological_stage(kb, facts, cs.m, trace)
        pt, pn = facts.pathology_t, facts.pathology_n
        stage_out["pathological"] = {
            "anatomic": path.anatomic.stage,
            "prognostic": path.prognostic.stage,
            "t": f"p{pt}" if pt else None,
            "n": f"p{pn}" if pn else None,
        }

    # ------------------------------------------------------------ labs and red flags
    labs = findings.assess_labs(kb, facts)
    flags = findings.red_flags(kb, facts, labs)
    if labs.notes:
        trace.insufficient.extend(labs.notes)
    if flags:
        trace.explain(
            "Red flag(s): "
            + "; ".join(f"{f.finding} -> {', '.join(kb.procedures[p].name for p in f.suggested)}" for f in flags),
            "; ".join(sorted({f.source for f in flags})),
        )
    elif setting == "new_diagnosis":
        trace.explain(
            "No red flag among the symptoms and laboratory values given",
            kb.topic.citations.no_red_flag,
        )

    # ------------------------------------------------------------ verdict
    # The verdict the stage gives (red flags aside), then the red flags on top of it: a red flag adds
    # targeted imaging, it never takes away the systemic staging that the stage calls for.
    upstaging = False
    if setting is None:
        staging_verdict = UNDETERMINED
        trace.missing("setting", "setting")
    elif setting != "new_diagnosis" or cs.invasive == "no" or metastatic:
        staging_verdict = NOT_APPLICABLE
    elif path is not None and path.pathway.verdict == RECOMMENDED and clinical.verdict != RECOMMENDED:
        staging_verdict, classes, upstaging = RECOMMENDED, LATE, True
    elif path is not None and path.pathway.verdict == INDIVIDUALIZE and clinical.verdict == NOT_RECOMMENDED:
        staging_verdict, classes = INDIVIDUALIZE, BOTH
        summary_stage = (
            f"pathological anatomic stage {path.anatomic.stage}, pathological prognostic stage {path.prognostic.stage}"
        )
        trace.explain(
            (path.pathway.why or "After surgery the pathological stage groups disagree")
            + ": whether to stage systemically is a multidisciplinary decision",
            f"{kb.staging_citations.anatomic}; {kb.staging_citations.pathological}",
        )
    else:
        staging_verdict = clinical.verdict
        if staging_verdict == NOT_RECOMMENDED and labs.alp == "mildly_raised_unconfirmed":
            staging_verdict = UNDETERMINED
    if upstaging:
        assert path is not None
        why = path.pathway.why
        trace.explain(
            (why + "; " if why else "") + kb.topic.wording.upstaging,
            kb.topic.citations.upstaging,
        )
    verdict = TARGETED if flags else staging_verdict

    # ------------------------------------------------------------ ACR variants (memoised per scenario)
    if setting == "new_diagnosis" and staging_verdict == NOT_APPLICABLE:
        classes = frozenset()
    selection = applicable_variants(kb, setting, classes, cs.biology, facts.prior_surgery, bool(flags))
    trace.explanation.extend(selection.steps)
    trace.insufficient.extend(selection.missing)
    targeted: tuple[TargetedStudy, ...] = ()
    if flags:
        targeted, targeted_steps = targeted_imaging(kb, flags, selection)
        trace.explanation.extend(targeted_steps)

    # ------------------------------------------------------------ order
    order: OrderAssessment | None = None
    procedure = None
    if facts.order:
        procedure = orders.resolve(kb, facts.order)
        scenario = OrderScenario(procedure, facts.purpose, setting, selection, flags, verdict)
        order, step = assess_order(kb, facts.order, scenario, targeted)
        trace.explanation.append(step)

    # ------------------------------------------------------------ guidance
    stage_feature = "late" if upstaging else cs.stage_feature
    # guidance features, in rightscan.domain.guidance.FEATURE_NAMES order
    features = (
        setting or "unknown",  # setting
        verdict,  # systemic_imaging
        staging_verdict,  # systemic_staging
        path.pathway.kind if upstaging and path else clinical.kind,  # stage_agreement
        stage_feature,  # stage_class
        cs.anatomic.stage or "unknown",  # anatomic_stage
        tumor.histology or "unknown",  # histology
        cs.invasive,  # invasive
        "yes" if metastatic else "no",  # metastatic
        "yes" if cs.t == "T4d" else "no",  # inflammatory
        cs.guidance_biology,  # biology
        str(tumor.grade) if tumor.grade else "unknown",  # grade
        "yes" if flags else "no",  # red_flags
        labs.alp,  # alp
        labs.tumor_markers,  # tumor_markers
        facts.patient_preference or "none",  # patient_preference
        "yes" if upstaging else "no",  # pathologic_upstaging
        facts.prior_surgery or "unknown",  # prior_surgery
        procedure.id if procedure else "",  # order_procedure
    )
    selected = kb.guidance_index.select_values(features)
    missing = unique(trace.insufficient) if len(trace.insufficient) > 1 else trace.insufficient
    return Decision(
        knowledge_version=kb.version,
        stage=stage_out,
        systemic_imaging=verdict,
        assessments=selection.assessments,
        order=order,
        red_flags=flags,
        considerations=selected["consideration"],
        next_steps=selected["next_step"],
        pitfalls=selected["pitfall"],
        explanation=trace.explanation,
        summary=summary(
            verdict,
            staging_verdict,
            summary_stage,
            clinical,
            flags,
            facts,
            cs.invasive,
            metastatic,
            (path.anatomic, path.prognostic) if upstaging and path else None,
            missing,
            kb,
        ),
        missing=missing,
        assumptions=cs.assumptions,
        systemic_staging=staging_verdict,
        targeted_imaging=targeted,
        pathologic_upstaging=upstaging,
    )
