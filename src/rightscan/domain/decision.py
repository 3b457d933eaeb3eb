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

from dataclasses import dataclass
from typing import Any, NamedTuple

from rightscan.domain import findings, orders, staging
from rightscan.domain.answer import OrderAssessment, OrderRating, Step, TargetedStudy
from rightscan.domain.clinical_stage import ClinicalStage, clinical_stage
from rightscan.domain.explanation import stage_label, summary
from rightscan.domain.knowledge import Knowledge, Procedure, RedFlagRule
from rightscan.domain.missing import Trace, unique
from rightscan.domain.model import (
    INDIVIDUALIZE,
    NOT_APPLICABLE,
    NOT_RECOMMENDED,
    RECOMMENDED,
    TARGETED,
    UNDETERMINED,
    Assumption,
    Decision,
    Facts,
    MissingFact,
    StageResult,
    receptor,
)
from rightscan.domain.pathway import BOTH, LATE, Pathway, pathway
from rightscan.domain.rating import OrderScenario, rated_order, read_order, targeted_imaging
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


@dataclass(slots=True, eq=False, weakref_slot=True)
class Scenario:
    """Everything of a decision but the tumour's T step and the order's own text: a function of the
    facts named in its memo key (see ``decide``), shared between decisions, read-only (not frozen only
    because a frozen dataclass is slower to build). Compared by identity: an output writer may keep
    what it made of one scenario, weakly keyed by it."""

    stage: dict[str, Any]
    verdict: str
    staging_verdict: str
    assessments: tuple[dict[str, Any], ...]
    flags: tuple[RedFlagRule, ...]
    targeted: tuple[TargetedStudy, ...]
    steps: tuple[Step, ...]  # after the T step, before the order's step
    missing: tuple[MissingFact, ...]
    assumptions: tuple[Assumption, ...]
    upstaging: bool
    considerations: tuple[dict[str, Any], ...]
    next_steps: tuple[dict[str, Any], ...]
    pitfalls: tuple[dict[str, Any], ...]
    summary: str
    rating: OrderRating | None  # the order's rating in this scenario (no order: None)
    order_note: str | None
    rating_context: str | None
    # the order as read and its step, per order text (a pure function of the text and this scenario);
    # made on the first order read
    orders_read: dict[str, tuple[OrderAssessment, Step]] | None = None


def decide(kb: Knowledge, facts: Facts) -> Decision:
    """The decision for ``facts``. The parts that depend only on discrete facts (the tumour's stage
    facts, the setting, the pathology, the laboratory findings as judged, the red flags, the surgery,
    the preference, the ordered study and its purpose) are one memoised ``Scenario``; per call, only
    the T step (it quotes the size) and the reading of the order's text are added."""
    tumor = facts.tumor
    setting = facts.setting
    staged: tuple[ClinicalStage, Step | None] = kb.remember(
        ("stage", tumor, setting), lambda: clinical_stage(kb, tumor, setting)
    )
    cs, t_step = staged
    labs = findings.assess_labs(kb, facts)
    flags = findings.red_flags(kb, facts, labs)
    requested = facts.order
    procedure = orders.resolve(kb, requested) if requested else None
    key = (
        "decision",
        cs,  # by identity: one object per stage key while memoised
        setting,
        facts.pathology_t,
        facts.pathology_n,
        labs,
        flags,
        facts.prior_surgery,
        facts.patient_preference,
        procedure.id if procedure is not None else None,
        facts.purpose,
    )
    sc: Scenario = kb.remember(key, lambda: _scenario(kb, facts, cs, labs, flags, procedure))
    explanation = [t_step, *sc.steps] if t_step is not None else list(sc.steps)
    order: OrderAssessment | None = None
    if requested and sc.rating is not None:
        known = sc.orders_read
        read = known.get(requested) if known is not None else None
        if read is None:
            read = read_order(kb, requested, sc.rating, sc.order_note, sc.rating_context)
            if known is None:
                sc.orders_read = {requested: read}
            elif len(known) < 64:
                known[requested] = read
        order, step = read
        explanation.append(step)
    return Decision(
        knowledge_version=kb.version,
        stage=sc.stage,
        systemic_imaging=sc.verdict,
        assessments=sc.assessments,
        order=order,
        red_flags=sc.flags,
        considerations=sc.considerations,
        next_steps=sc.next_steps,
        pitfalls=sc.pitfalls,
        explanation=explanation,
        summary=sc.summary,
        missing=sc.missing,
        assumptions=sc.assumptions,
        systemic_staging=sc.staging_verdict,
        targeted_imaging=sc.targeted,
        pathologic_upstaging=sc.upstaging,
        scenario=sc,
    )


def _scenario(
    kb: Knowledge,
    facts: Facts,
    cs: ClinicalStage,
    labs: findings.LabAssessment,
    flags: tuple[RedFlagRule, ...],
    procedure: Procedure | None,
) -> Scenario:
    """The scenario-level decision. Reads only the facts named in ``decide``'s memo key (``cs`` by
    its ``key``)."""
    trace = Trace(kb)
    tumor = facts.tumor
    setting = facts.setting

    # ------------------------------------------------------------ clinical stage (memoised per tumour)
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

    # ------------------------------------------------------------ order (its rating; its text is read per call)
    rating: OrderRating | None = None
    order_note = rating_context = None
    if procedure is not None:
        order_scenario = OrderScenario(procedure, facts.purpose, setting, selection, flags, verdict)
        rating, order_note, rating_context = rated_order(kb, order_scenario, targeted)

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
    return Scenario(
        stage=stage_out,
        verdict=verdict,
        staging_verdict=staging_verdict,
        assessments=selection.assessments,
        flags=flags,
        targeted=targeted,
        steps=tuple(trace.explanation),
        missing=tuple(missing),
        assumptions=cs.assumptions,
        upstaging=upstaging,
        considerations=selected["consideration"],
        next_steps=selected["next_step"],
        pitfalls=selected["pitfall"],
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
        rating=rating,
        order_note=order_note,
        rating_context=rating_context,
    )
