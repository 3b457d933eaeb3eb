"""The decision: stage, scenario (ACR variants), red flags, order rating, guidance, explanation.

``decide(kb, facts)`` is a pure function. It raises ``FactError`` for contradictory facts and
``UnknownOrder`` for an order it cannot recognise; everything else it cannot settle is reported in
``insufficient_data`` and reflected in the verdict, never filled in.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from rightscan.domain import findings, orders, staging
from rightscan.domain.knowledge import EquivalenceRule, Knowledge, Procedure, Rating, Variant
from rightscan.domain.model import (
    CATEGORY_UA,
    CATEGORY_UNA,
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
)

AJCC_ANATOMIC = "AJCC 8 breast, anatomic stage groups"
AJCC_CLINICAL = "AJCC 8 breast, clinical prognostic stage table (2018 revision)"
AJCC_PATHOLOGICAL = "AJCC 8 breast, pathological prognostic stage table (2018 revision)"
AJCC_T = "AJCC 8 breast, primary tumour (T) definitions"


def _receptor(value: str | None) -> bool | None:
    return None if value is None else value == "positive"


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


class Pathway(NamedTuple):
    """Where the stage puts a new invasive cancer: the verdict, the ACR stage classes to show, and why."""

    verdict: str
    classes: frozenset[str]
    # guidance feature ``stage_agreement``: agree | anatomic_early_prognostic_late |
    # anatomic_late_prognostic_early | beyond_early_pathway | bounded | unknown
    kind: str
    why: str | None = None  # explanation step, when the two stage groups or the bounds needed one


_EARLY, _LATE, _BOTH = frozenset({"early"}), frozenset({"late"}), frozenset({"early", "late"})


def _pathway(
    kb: Knowledge,
    t: str | None,
    n: str | None,
    anat: StageResult,
    prog: StageResult,
    prefix: str = "c",
    table: str = "clinical",
) -> Pathway:
    """The early-pathway entry criteria (knowledge: acr topic ``early_pathway``) applied to one stage.

    The anatomic stage decides whether the tumour is inside the early pathway's bounds. A prognostic
    stage on the other side of the I-IIA / IIB-III line is a real disagreement only next to that line
    (anatomic I-IIA with prognostic IIB or more, or anatomic IIB with prognostic I-IIA); it never
    brings cN2-N3, T3 N1 or more, or T4 into the early pathway.
    """
    tables, ep = kb.staging, kb.early_pathway
    assert ep is not None
    a = staging.stage_class(tables, anat.stage)
    p = staging.stage_class(tables, prog.stage)
    tnm = f"{prefix}{t or 'T?'} {prefix}{n or 'N?'}"
    prog_name = f"{table} prognostic stage"
    if a == "early" and not (
        anat.stage in ep.anatomic
        and (t is None or tables.t_family.get(t) in ep.t)
        and (n is None or tables.n_family.get(n, n) in ep.n)
    ):
        a = "late"  # outside the early pathway's recorded bounds (guarded at load: never with these tables)
    if prefix == "p" and (
        (t is not None and tables.t_family.get(t) in ep.after_surgery_late_t)
        or (n is not None and tables.n_family.get(n, n) in ep.after_surgery_late_n)
    ):
        why = (
            f"{tnm}: pathologic T3 or more, or pN2 or more, is beyond the early pathway whatever the "
            f"{prog_name} ({prog.stage or 'not assigned'}): post-operative systemic staging is appropriate"
        )
        return Pathway(RECOMMENDED, _LATE, "beyond_early_pathway", why)
    if a == "early":
        if p == "late":
            why = (
                f"Anatomic stage {anat.stage} ({tnm}) is inside the early pathway, but grade and receptor status "
                f"raise the {prog_name} to {prog.stage}: the anatomy says early (I-IIA), the biology says "
                "more advanced (IIB-III). A real disagreement at the IIA/IIB line: individualise"
            )
            return Pathway(INDIVIDUALIZE, _BOTH, "anatomic_early_prognostic_late", why)
        # Safety: an unassigned prognostic stage that could still fall on the late side (grade or a
        # receptor unknown: cT2 cN0 triple negative is IIA with G1 but IIB with G2/G3) would flip the
        # answer, so "not recommended" is not given; the missing fact is named instead.
        if prog.stage is None and any(staging.stage_class(tables, s) == "late" for s in prog.possible):
            return Pathway(UNDETERMINED, frozenset(), "unknown")
        return Pathway(NOT_RECOMMENDED, _EARLY, "agree")
    if a == "late":
        if p == "early":
            if anat.stage in ep.disagreement_anatomic:
                why = (
                    f"Anatomic stage {anat.stage} ({tnm}) is just past the early pathway, while favourable "
                    f"biology (grade, ER/PR, HER2) lowers the {prog_name} to {prog.stage}: the anatomy says "
                    "more advanced (IIB), the biology says early (I-IIA). A real disagreement at the IIA/IIB "
                    "line: individualise"
                )
                return Pathway(INDIVIDUALIZE, _BOTH, "anatomic_late_prognostic_early", why)
            why = (
                f"Anatomic stage {anat.stage} ({tnm}) is beyond the early pathway of ACR variants 1-2 "
                f"({_bounds_text(ep, prefix)}). The {prog_name} {prog.stage} reflects favourable biology: it refines "
                "the outlook but does not bring this tumour into the early pathway, so the late-stage variants apply"
            )
            return Pathway(RECOMMENDED, _LATE, "beyond_early_pathway", why)
        return Pathway(RECOMMENDED, _LATE, "agree")
    if anat.stage is None and anat.possible and all(staging.stage_class(tables, s) == "late" for s in anat.possible):
        why = (
            f"{tnm}: the anatomic stage is not settled ({anat.reason}) but it is at least {anat.possible[0]} "
            f"whatever the missing value ({', '.join(anat.possible)} possible): beyond the early pathway, "
            "systemic staging is recommended in any case"
        )
        return Pathway(RECOMMENDED, _LATE, "bounded", why)
    if anat.stage is None and p == "late":
        return Pathway(RECOMMENDED, _LATE, "agree")
    return Pathway(UNDETERMINED, frozenset(), "unknown")


def _bounds_text(ep: Any, prefix: str) -> str:
    def span(values: frozenset[str], order: tuple[str, ...]) -> str:
        ordered = [v for v in order if v in values]
        return ordered[0] if len(ordered) == 1 else f"{ordered[0]}-{ordered[-1]}"

    t = span(ep.t, ("T0", "T1", "T2", "T3", "T4"))
    n = span(ep.n, ("N0", "N1mi", "N1", "N2", "N3"))
    stages = span(ep.anatomic, staging.STAGE_ORDER)
    return f"{prefix}{t}, {prefix}{n}, M0, anatomic {stages}"


def _stage_label(result: StageResult) -> str:
    return result.stage if result.stage is not None else "unknown"


class _Context:
    """Working state of one decision (kept local to ``decide``)."""

    __slots__ = ("explanation", "facts", "insufficient", "kb")

    def __init__(self, kb: Knowledge, facts: Facts) -> None:
        self.kb = kb
        self.facts = facts
        self.insufficient: list[MissingFact] = []
        self.explanation: list[dict[str, Any]] = []

    def explain(self, step: str, source: str) -> None:
        self.explanation.append({"step": step, "source": source})

    def missing(self, key: str, field: str, detail: str = "", possible: tuple[str, ...] = ()) -> None:
        """Report a missing fact in the clinical words of the knowledge file, with ``detail`` appended."""
        words = self.kb.fact_words.get(key)
        fact = words.label if words else field
        matters = words.matters if words else ""
        would = "; ".join(x for x in (matters, detail) if x)
        if all(m.field != field for m in self.insufficient):
            self.insufficient.append(MissingFact(field, fact, would, possible))


class _Stage(NamedTuple):
    """The clinical stage of one tumour and what follows from it alone (memoised per tumour)."""

    t: str | None
    m: str | None
    anat: StageResult
    prog: StageResult
    out: dict[str, Any]
    steps: tuple[dict[str, Any], ...]
    missing: tuple[MissingFact, ...]
    assumptions: tuple[Assumption, ...]
    pathway: Pathway
    stage_feature: str
    invasive: str
    biology: str  # as staged (HER2 equivocal counts as negative): chooses variants 4/5
    guidance_biology: str  # for wording: "her2_equivocal" while HER2 is unresolved
    summary_stage: str


def decide(kb: Knowledge, facts: Facts) -> Decision:
    ctx = _Context(kb, facts)
    tables = kb.staging
    tumor = facts.tumor
    setting = facts.setting

    # ------------------------------------------------------------ clinical stage
    # A pure function of the tumour facts (and whether missing stage facts must be reported): memoised.
    (
        t,
        m,
        anat,
        _prog,
        stage_template,
        steps,
        stage_missing,
        assumptions,
        clinical,
        stage_feature,
        invasive,
        biology,
        guidance_biology,
        summary_stage,
    ) = kb.remember(("stage", tumor, setting), lambda: _clinical_stage(kb, tumor, setting))
    stage_out = dict(stage_template)
    ctx.explanation.extend(steps)
    if stage_missing:
        ctx.insufficient.extend(stage_missing)
    classes = clinical.classes
    metastatic = m == "M1"

    # ------------------------------------------------------------ pathological stage (after surgery)
    path: Pathway | None = None
    if facts.pathology_t is not None or facts.pathology_n is not None:
        pt = facts.pathology_t
        pn = facts.pathology_n
        er, pr, her2 = _receptor(tumor.er), _receptor(tumor.pr), _receptor(tumor.her2)
        p_anat = staging.anatomic_stage(tables, pt, pn, m or "M0")
        p_prog = staging.prognostic_stage(tables, "pathological", pt, pn, m or "M0", tumor.grade, her2, er, pr)
        stage_out["pathological"] = {
            "anatomic": p_anat.stage,
            "prognostic": p_prog.stage,
            "t": f"p{pt}" if pt else None,
            "n": f"p{pn}" if pn else None,
        }
        path = _pathway(kb, pt, pn, p_anat, p_prog, prefix="p", table="pathological")
        ctx.explain(
            f"Pathology p{pt or 'T?'} p{pn or 'N?'}: pathological anatomic stage {_stage_label(p_anat)}, "
            f"pathological prognostic stage {_stage_label(p_prog)} (without a multigene score)",
            f"{AJCC_ANATOMIC}; {AJCC_PATHOLOGICAL}",
        )
        if p_anat.stage is None and p_prog.stage is None and path.verdict == UNDETERMINED:
            ctx.insufficient.append(
                MissingFact("pathology", "pathological stage", f"cannot be assigned ({p_anat.reason})")
            )

    # ------------------------------------------------------------ labs and red flags
    labs = findings.assess_labs(kb, facts)
    flags = findings.red_flags(kb, facts, labs)
    if labs.notes:
        ctx.insufficient.extend(labs.notes)
    if flags:
        ctx.explain(
            "Red flag(s): " + "; ".join(f"{f['finding']} -> {', '.join(f['suggested'])}" for f in flags),
            "; ".join(sorted({f["source"] for f in flags})),
        )
    elif setting == "new_diagnosis":
        ctx.explain(
            "No red flag among the symptoms and laboratory values given",
            "NCCN Breast Cancer v2.2015 (11 March 2015), Discussion MS-12 triggers",
        )

    # ------------------------------------------------------------ verdict
    # The verdict the stage gives (red flags aside), then the red flags on top of it: a red flag adds
    # targeted imaging, it never takes away the systemic staging that the stage calls for.
    path_upstaging = False
    if setting is None:
        staging_verdict = UNDETERMINED
        ctx.missing("setting", "setting")
    elif setting != "new_diagnosis" or invasive == "no" or metastatic:
        staging_verdict = NOT_APPLICABLE
    elif path is not None and path.verdict == RECOMMENDED and clinical.verdict != RECOMMENDED:
        staging_verdict, classes, path_upstaging = RECOMMENDED, _LATE, True
    elif path is not None and path.verdict == INDIVIDUALIZE and clinical.verdict == NOT_RECOMMENDED:
        staging_verdict, classes = INDIVIDUALIZE, _BOTH
        p = stage_out["pathological"]
        summary_stage = f"pathological anatomic stage {p['anatomic']}, pathological prognostic stage {p['prognostic']}"
        ctx.explain(
            (path.why or "After surgery the pathological stage groups disagree")
            + ": whether to stage systemically is a multidisciplinary decision",
            f"{AJCC_ANATOMIC}; {AJCC_PATHOLOGICAL}",
        )
    else:
        staging_verdict = clinical.verdict
        if staging_verdict == NOT_RECOMMENDED and labs.alp == "mildly_raised_unconfirmed":
            staging_verdict = UNDETERMINED
    if path_upstaging:
        assert path is not None
        ctx.explain(
            (path.why + "; " if path.why else "")
            + "pathologic stage is beyond the early pathway while the clinical stage was not: pathologic "
            "upstaging, post-operative systemic staging becomes appropriate",
            "ACR topic 310 variants 3-5; NCCN Breast Cancer v2.2015 (11 March 2015) BINV-14",
        )
    verdict = TARGETED if flags else staging_verdict

    # ------------------------------------------------------------ ACR variants
    if setting == "new_diagnosis" and staging_verdict == NOT_APPLICABLE:
        classes = frozenset()
    by_purpose = _applicable_variants(ctx, setting, classes, biology, flags)
    targeted: Any = ()
    if flags:
        # a pure function of the red-flag rules and the variant selection: memoised
        targeted, targeted_steps = kb.remember(
            ("targeted", tuple([f["rule"] for f in flags]), by_purpose["key"]),
            lambda: _targeted_imaging(kb, flags, by_purpose),
        )
        ctx.explanation.extend(targeted_steps)

    # ------------------------------------------------------------ order
    order_out = None
    order_text = facts.order
    procedure = None
    if order_text:
        procedure = orders.resolve(kb, order_text)
        order_out = _evaluate_order(ctx, order_text, procedure, by_purpose, flags, verdict)
        if targeted:
            _order_red_flag_context(order_out, targeted)
        else:
            order_out["rating_context"] = None

    # ------------------------------------------------------------ guidance
    if path_upstaging:
        stage_feature = "late"
    # guidance features, in rightscan.domain.guidance.FEATURE_NAMES order
    features = (
        setting or "unknown",  # setting
        verdict,  # systemic_imaging
        staging_verdict,  # systemic_staging
        path.kind if path_upstaging and path else clinical.kind,  # stage_agreement
        stage_feature,  # stage_class
        anat.stage or "unknown",  # anatomic_stage
        tumor.histology or "unknown",  # histology
        invasive,  # invasive
        "yes" if metastatic else "no",  # metastatic
        "yes" if t == "T4d" else "no",  # inflammatory
        guidance_biology,  # biology
        str(tumor.grade) if tumor.grade else "unknown",  # grade
        "yes" if flags else "no",  # red_flags
        labs.alp,  # alp
        labs.tumor_markers,  # tumor_markers
        facts.patient_preference or "none",  # patient_preference
        "yes" if path_upstaging else "no",  # pathologic_upstaging
        facts.prior_surgery or "unknown",  # prior_surgery
        procedure.id if procedure else "",  # order_procedure
    )
    selected = kb.guidance_index.select_values(features)
    assessments = list(by_purpose["assessments"])
    missing = _unique(ctx.insufficient) if len(ctx.insufficient) > 1 else ctx.insufficient
    return Decision(
        knowledge_version=kb.version,
        stage=stage_out,
        systemic_imaging=verdict,
        assessments=assessments,
        order=order_out,
        red_flags=flags,
        insufficient_data=[x.text() for x in missing] if missing else [],
        considerations=selected["consideration"],
        next_steps=selected["next_step"],
        pitfalls=selected["pitfall"],
        explanation=ctx.explanation,
        summary=_summary(
            verdict,
            staging_verdict,
            summary_stage,
            clinical,
            flags,
            facts,
            invasive,
            metastatic,
            path_upstaging,
            stage_out,
            missing,
        ),
        missing=missing,
        assumptions=assumptions,
        systemic_staging=staging_verdict,
        targeted_imaging=targeted,
    )


# ---------------------------------------------------------------------------------------------
def _targeted_imaging(
    kb: Knowledge, flags: list[dict[str, Any]], by_purpose: dict[str, Any]
) -> tuple[tuple[dict[str, Any], ...], tuple[dict[str, Any], ...]]:
    """The study each red flag calls for, with how the applicable variants rate it and, when a variant
    rates it below Usually Appropriate, why that rating does not answer the symptomatic question; and
    the explanation steps. Shared between decisions: read-only."""
    steps: list[dict[str, Any]] = []
    chosen = [v for p in ("locoregional", "distant") for v in by_purpose[p]]
    out: list[dict[str, Any]] = []
    for f in flags:
        finding = f["finding"].replace("_", " ")
        for pid in f["suggested_ids"]:
            proc = kb.procedures[pid]
            ratings = []
            notes = []
            for v in chosen:
                r = v.by_procedure.get(pid)
                if r is None:
                    continue
                context = None
                if r.category != CATEGORY_UA:
                    context = kb.red_flag_rating_context.format(
                        variant=v.number,
                        procedure=proc.name,
                        category=r.category,
                        median=r.median_rating,
                        finding=finding,
                    )
                    notes.append(context)
                ratings.append(
                    {
                        "variant": v.number,
                        "category": r.category,
                        "median_rating": r.median_rating,
                        "context": context,
                    }
                )
            entry = {
                "finding": f["finding"],
                "rule": f["rule"],
                "procedure": proc.name,
                "procedure_id": pid,
                "urgent": f["urgent"],
                "acr_ratings": ratings,
                "rating_context": "; ".join(notes) or None,
            }
            out.append(entry)
            if notes:
                steps.append({"step": entry["rating_context"], "source": f"ACR {kb.topic_version}; {f['source']}"})
    return tuple(out), tuple(steps)


def _order_red_flag_context(order: dict[str, Any], targeted: Any) -> None:
    """A study RightScan suggests for a red flag never carries a bare low rating: add the context."""
    rated = {r["variant"] for r in order["ratings"]}
    contexts: list[str] = []
    for x in targeted:
        if x["procedure_id"] != order["procedure_id"]:
            continue
        for r in x["acr_ratings"]:
            if r["context"] and r["variant"] in rated and r["context"] not in contexts:
                contexts.append(r["context"])
    order["rating_context"] = "; ".join(contexts) or None
    if contexts:
        order["note"] = "; ".join(x for x in (order["note"], *contexts) if x)


def _clinical_stage(kb: Knowledge, tumor: Any, setting: str | None) -> _Stage:
    """T/N/M, both clinical stage groups, the output block, explanation steps, missing facts and
    assumptions, and the pathway the clinical stage alone gives."""
    report = setting in (None, "new_diagnosis")
    tables = kb.staging
    ctx = _Context(kb, Facts())
    t, t_how = staging.resolve_t(tables, tumor)
    n, m = tumor.n, tumor.m
    has_tumor_facts = t is not None or n is not None or m is not None or tumor.histology is not None
    m_source = "given"
    assumptions: tuple[Assumption, ...] = ()
    if m is None and has_tumor_facts:
        m, m_source = "M0", "not stated"
        if report:
            words = kb.fact_words.get("tumor.m")
            assumptions = (Assumption("tumor.m", "cM0", words.matters if words else "no metastasis documented"),)
    er, pr, her2 = _receptor(tumor.er), _receptor(tumor.pr), _receptor(tumor.her2)
    if has_tumor_facts:
        anat = staging.anatomic_stage(tables, t, n, m)
        prog = staging.prognostic_stage(tables, "clinical", t, n, m, tumor.grade, her2, er, pr)
        _explain_stage(ctx, t, t_how, n, m, m_source, anat, prog, tumor, her2)
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
    pathway = _pathway(kb, t, n, anat, prog)
    if pathway.why:
        ctx.explain(pathway.why, f"{kb.early_pathway.source if kb.early_pathway else ''}")
    if report and t != "Tis" and m != "M1":
        _note_missing_stage(ctx, tumor, t, n, m, anat, prog)
    invasive = (
        "no" if t == "Tis" else ("yes" if (tumor.histology not in (None, "DCIS") or t is not None) else "unknown")
    )
    biology = biology_of(tumor.er, tumor.pr, tumor.her2)
    return _Stage(
        t,
        m,
        anat,
        prog,
        stage_out,
        tuple(ctx.explanation),
        tuple(ctx.insufficient),
        assumptions,
        pathway,
        _stage_class_feature(tables, anat, prog, pathway),
        invasive,
        biology,
        "her2_equivocal" if tumor.her2_equivocal and biology != "her2_positive" else biology,
        _summary_stage(anat, prog, pathway),
    )


def _explain_stage(
    ctx: _Context,
    t: str | None,
    t_how: str,
    n: str | None,
    m: str | None,
    m_source: str,
    anat: StageResult,
    prog: StageResult,
    tumor: Any,
    her2: bool | None,
) -> None:
    ctx.explain(f"T: {t_how}", AJCC_T)
    n_text = f"cN given as c{n}" if n else "cN not given"
    m_text = f"cM given as c{m}" if m_source == "given" else "cM not stated: staged as cM0 (no metastasis documented)"
    ctx.explain(f"{n_text}; {m_text}", "AJCC 8 breast, regional nodes (N) and distant metastasis (M) definitions")
    tnm = f"c{t or 'T?'} c{n or 'N?'} c{m}"
    if anat.stage:
        ctx.explain(f"{tnm} -> anatomic stage {anat.stage}", AJCC_ANATOMIC)
    else:
        extra = f" (could be {', '.join(anat.possible)})" if anat.possible else ""
        ctx.explain(f"{tnm} -> no anatomic stage: {anat.reason}{extra}", AJCC_ANATOMIC)
    if tumor.her2_equivocal:
        ctx.explain(
            "HER2 reported equivocal (IHC 2+): staged as HER2-negative until reflex ISH resolves it",
            "AJCC 8 breast, HER2 categorisation rule; ASCO/CAP HER2 testing guideline (2018)",
        )
    markers = (
        f"grade {tumor.grade or '?'}, HER2{_sign(her2)}{' (equivocal)' if tumor.her2_equivocal else ''}, "
        f"ER{_sign(_receptor(tumor.er))}, PR{_sign(_receptor(tumor.pr))}"
    )
    if prog.stage:
        ctx.explain(f"{tnm}, {markers} -> clinical prognostic stage {prog.stage}", AJCC_CLINICAL)
    else:
        extra = f" (could be {', '.join(prog.possible)})" if prog.possible else ""
        ctx.explain(f"{tnm}, {markers} -> no clinical prognostic stage: {prog.reason}{extra}", AJCC_CLINICAL)


def _sign(value: bool | None) -> str:
    return "?" if value is None else ("+" if value else "-")


_VERDICT_WORDS = {
    NOT_RECOMMENDED: "systemic staging not recommended",
    RECOMMENDED: "systemic staging recommended",
    INDIVIDUALIZE: "individualise",
    UNDETERMINED: "still open until the other missing facts are known",
}


def _consequence(kb: Knowledge, verdicts: set[str]) -> str:
    if not verdicts:
        return ""
    if verdicts == {UNDETERMINED}:
        return "its value alone does not settle the answer: other missing facts are needed too"
    if len(verdicts) == 1:
        return f"whatever it turns out to be, the answer stays: {_VERDICT_WORDS[next(iter(verdicts))]}"
    order = [v for v in (NOT_RECOMMENDED, INDIVIDUALIZE, RECOMMENDED, UNDETERMINED) if v in verdicts]
    return "it would change the answer: " + " or ".join(_VERDICT_WORDS[v] for v in order) + ", depending on its value"


def _note_missing_stage(
    ctx: _Context,
    tumor: Any,
    t: str | None,
    n: str | None,
    m: str | None,
    anat: StageResult,
    prog: StageResult,
) -> None:
    """Every missing stage fact at once, each with the stages it leaves open and what it would change."""
    kb = ctx.kb
    tables = kb.staging
    er, pr, her2 = _receptor(tumor.er), _receptor(tumor.pr), _receptor(tumor.her2)

    def outcomes(ts: tuple[str, ...], ns: tuple[str, ...]) -> tuple[list[str], set[str]]:
        stages: list[str] = []
        verdicts: set[str] = set()
        for tt in ts:
            for nn in ns:
                a = staging.anatomic_stage(tables, tt, nn, m_known)
                p = staging.prognostic_stage(tables, "clinical", tt, nn, m_known, tumor.grade, her2, er, pr)
                if a.stage and a.stage not in stages:
                    stages.append(a.stage)
                verdicts.add(_pathway(kb, tt, nn, a, p).verdict)
        return sorted(stages, key=staging.STAGE_ORDER.index), verdicts

    # every combination of the unknown T and N: a missing fact is judged with the others still unknown
    m_known = m or "M0"
    all_t = (t,) if t is not None else ("T0", "T1", "T2", "T3", "T4")
    all_n = (n,) if n is not None else ("N0", "N1mi", "N1", "N2", "N3")
    if t is None:
        stages, verdicts = outcomes(all_t, all_n)
        detail = f"anatomic stage {_span(stages)} possible" if stages else ""
        ctx.missing("tumor.t", "tumor.t / tumor.size_cm", _join(detail, _consequence(kb, verdicts)), tuple(stages))
    if n is None:
        stages, verdicts = outcomes(all_t, all_n)
        known = f"with c{t}, " if t else ""
        detail = f"{known}anatomic stage {_span(stages)} possible" if stages else ""
        if t is not None and stages and all(staging.stage_class(tables, s) == "late" for s in stages):
            detail += f" (at least {stages[0]} whatever cN is)"
        ctx.missing("tumor.n", "tumor.n", _join(detail, _consequence(kb, verdicts)), tuple(stages))
    if anat.stage is None and t is not None and n is not None and anat.reason and not anat.possible:
        ctx.insufficient.append(MissingFact("stage", "a valid stage group", anat.reason))
    if anat.stage in ("IV", "0"):
        return
    if prog.stage is not None and not tumor.her2_equivocal:
        return
    if t is None or n is None or anat.stage is None:
        # the anatomic stage is still open: name the biomarkers too, without claiming what they would change
        if tumor.grade is None:
            ctx.missing("tumor.grade", "tumor.grade")
        if None in (er, pr, her2):
            ctx.missing("tumor.receptors", "tumor.er / tumor.pr / tumor.her2")
        if tumor.her2_equivocal:
            ctx.missing("tumor.her2_ish", "tumor.her2")
        return
    possible = prog.possible
    if tumor.her2_equivocal:
        possible = staging.prognostic_stage(tables, "clinical", t, n, m, tumor.grade, None, er, pr).possible
    verdicts = {_pathway(kb, t, n, anat, StageResult(s)).verdict for s in possible}
    detail = _join(
        f"clinical prognostic stage {_span(list(possible))} possible" if possible else "",
        _consequence(kb, verdicts),
    )
    if tumor.grade is None:
        ctx.missing("tumor.grade", "tumor.grade", detail, tuple(possible))
    if None in (er, pr, her2):
        ctx.missing("tumor.receptors", "tumor.er / tumor.pr / tumor.her2", detail, tuple(possible))
    if tumor.her2_equivocal:
        ctx.missing("tumor.her2_ish", "tumor.her2", detail, tuple(possible))


def _span(stages: list[str]) -> str:
    if not stages:
        return ""
    return stages[0] if len(stages) == 1 else f"{stages[0]} to {stages[-1]} ({', '.join(stages)})"


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


def _stage_class_feature(tables: Any, anat: StageResult, prog: StageResult, pathway: Pathway) -> str:
    if pathway.classes == _BOTH:
        return "split"
    if pathway.classes == _LATE:
        return "late"
    if pathway.classes == _EARLY:
        return "early"
    a = staging.stage_class(tables, anat.stage)
    p = staging.stage_class(tables, prog.stage)
    return a or p or "unknown"


def _summary_stage(anat: StageResult, prog: StageResult, pathway: Pathway) -> str:
    if anat.stage and prog.stage and anat.stage != prog.stage:
        return f"anatomic stage {anat.stage}, clinical prognostic stage {prog.stage}"
    if pathway.kind == "bounded" and anat.possible:
        return f"anatomic stage at least {anat.possible[0]}"
    stage = prog.stage or anat.stage
    return f"clinical stage {stage}" if stage else "clinical stage unknown"


def _variant_matches(v: Variant, classes: frozenset[str], biology: str, prior_surgery: str | None) -> bool:
    if v.stage_class != "any" and v.stage_class not in classes:
        return False
    if v.biology == "er_positive_her2_negative" and biology != "er_positive_her2_negative":
        return False
    if v.biology == "her2_positive_or_triple_negative" and biology not in ("her2_positive", "triple_negative"):
        return False
    return v.prior_surgery in ("any", prior_surgery)


def _applicable_variants(
    ctx: _Context, setting: str | None, classes: frozenset[str], biology: str, flags: list[dict[str, Any]]
) -> dict[str, list[Variant]]:
    """The ACR variants per purpose. A pure function of its discrete inputs, so it is memoised."""
    key = ("variants", setting, frozenset(classes), biology, ctx.facts.prior_surgery, bool(flags))

    def build() -> tuple[dict[str, list[Variant]], tuple[dict[str, Any], ...], tuple[str, ...]]:
        scratch = _Context(ctx.kb, ctx.facts)
        chosen: dict[str, Any] = _select_variants(scratch, setting, classes, biology, flags)
        chosen["key"] = key  # identifies this selection in later memo keys
        chosen["assessments"] = tuple(v.as_dict for p in ("locoregional", "distant") for v in chosen[p])
        return chosen, tuple(scratch.explanation), tuple(scratch.insufficient)

    chosen, steps, notes = ctx.kb.remember(key, build)
    ctx.explanation.extend(steps)
    ctx.insufficient.extend(notes)
    return chosen


def _select_variants(
    ctx: _Context, setting: str | None, classes: frozenset[str], biology: str, flags: list[dict[str, Any]]
) -> dict[str, list[Variant]]:
    kb, facts = ctx.kb, ctx.facts
    out: dict[str, list[Variant]] = {"locoregional": [], "distant": []}
    if setting is None:
        return out
    for purpose in ("locoregional", "distant"):
        effective = setting
        if purpose == "distant" and flags and setting in ("surveillance", "suspected_local_recurrence"):
            effective = "suspected_distant_recurrence"
        if purpose == "distant" and flags and setting == "new_diagnosis" and "late" not in classes:
            ctx.explain(
                "Distant disease: symptoms or abnormal labs at diagnosis are not a variant of ACR topic 310; "
                "they call for targeted imaging of the site (see red flags)",
                "ACR topic 310 scope; NCCN Breast Cancer v2.2015 (11 March 2015), Discussion MS-12",
            )
            continue
        candidates = [v for v in kb.variants if v.setting == effective and v.purpose == purpose]
        if not candidates:
            continue
        if effective == "new_diagnosis" and not classes:
            continue
        chosen = [v for v in candidates if _variant_matches(v, classes, biology, facts.prior_surgery)]
        if not chosen:
            needs_surgery = any(v.prior_surgery != "any" for v in candidates)
            needs_biology = any(v.biology != "any" for v in candidates if v.stage_class in classes)
            if needs_surgery and facts.prior_surgery is None:
                ctx.missing(
                    "prior_surgery",
                    "prior_surgery",
                    f"bct or mastectomy: {purpose} variant {' or '.join(str(v.number) for v in candidates)}",
                )
            elif needs_biology and biology == "unknown":
                ctx.missing("tumor.receptors", "tumor.er / tumor.pr / tumor.her2")
            elif needs_biology:
                ctx.explain(
                    "ER-negative, PR-positive, HER2-negative: neither variant 4 (ER+/HER2-) nor 5 (HER2+ or "
                    "triple negative) covers this biology, so no ACR rating applies to distant staging",
                    "ACR topic 310, variants 4 and 5",
                )
            continue
        out[purpose] = chosen
        reason = _variant_reason(effective, setting, classes, flags)
        for v in chosen:
            ctx.explain(
                f"{purpose.capitalize()} evaluation: ACR variant {v.number} applies ({reason})",
                f"ACR {kb.topic_version}, variant {v.number}",
            )
    return out


def _variant_reason(effective: str, setting: str, classes: frozenset[str], flags: list[dict[str, Any]]) -> str:
    if effective != setting:
        return "symptoms or abnormal labs in follow-up make this a suspected distant recurrence"
    if setting == "new_diagnosis":
        if classes == {"early", "late"}:
            return "stage groups disagree, both the early and the late variants are shown"
        return "stage I-IIA" if classes == {"early"} else "stage IIB-III"
    return setting.replace("_", " ")


def _evaluate_order(
    ctx: _Context,
    requested: str,
    proc: Procedure,
    by_purpose: dict[str, list[Variant]],
    flags: list[dict[str, Any]],
    verdict: str,
) -> dict[str, Any]:
    """Rate the order. Everything but the requested text is a pure function of the scenario: memoised."""
    key = (
        "order",
        proc.id,
        ctx.facts.purpose,
        ctx.facts.setting,
        verdict,
        by_purpose["key"],
        tuple([f["rule"] for f in flags]),
    )
    template, step, source = ctx.kb.remember(key, lambda: _rate_order(ctx, proc, by_purpose, flags, verdict))
    reading = orders.interpret(ctx.kb, requested)
    read = ""
    if reading.corrections:
        read += "; read " + ", ".join(f"'{typed}' as '{word}'" for typed, word in reading.corrections)
    if reading.assumed:
        read += "; not stated, taken as routine: " + "; ".join(reading.assumed)
    ctx.explain(f"Order '{requested}' -> {step}{read}", source)
    return {
        "requested": requested,
        **template,
        "reading": {
            "via": reading.via,
            "attributes": reading.attributes,
            "assumed": list(reading.assumed),
            "corrections": [{"typed": t, "read_as": w} for t, w in reading.corrections],
            "order_status": reading.order_status,
        },
    }


def _rate_order(
    ctx: _Context,
    proc: Procedure,
    by_purpose: dict[str, list[Variant]],
    flags: list[dict[str, Any]],
    verdict: str,
) -> tuple[dict[str, Any], str, str]:
    kb, facts = ctx.kb, ctx.facts
    purpose = facts.purpose or proc.purpose
    variants = by_purpose[purpose]
    ratings = []
    indicated_by = [f["finding"] for f in flags if proc.id in f["suggested_ids"]]
    # a study RightScan suggests for a red flag answers the symptom, not the variant's staging question:
    # no equivalence is drawn for it
    rule = None if indicated_by else kb.equivalences.get(proc.id)
    for v in variants:
        r = v.by_procedure.get(proc.id)
        equivalent = v.by_procedure.get(rule.equivalent) if rule else None
        if r is None and rule and equivalent:
            ratings.append(_equivalence_rating(v.number, rule, equivalent))
        elif r is None:
            ratings.append(
                {
                    "variant": v.number,
                    "category": None,
                    "median_rating": None,
                    "soe": None,
                    "note": f"not rated for variant {v.number}",
                }
            )
        else:
            ratings.append(
                {"variant": v.number, "category": r.category, "median_rating": r.median_rating, "soe": r.soe}
            )
    single = ratings[0] if len(ratings) == 1 else None
    equivalence = single.get("equivalence") if single else None
    if equivalence:
        alternatives = _equivalence_alternatives(kb, equivalence, purpose, variants, by_purpose, flags, single)
    else:
        alternatives = _alternatives(kb, proc, purpose, variants, by_purpose, flags, single, indicated_by)
    out: dict[str, Any] = {
        "procedure": proc.name,
        "procedure_id": proc.id,
        "cpt": list(proc.cpt),
        "purpose": purpose,
        "purpose_source": "order" if facts.purpose else "procedure",
        "variant": single["variant"] if single else None,
        "category": single["category"] if single else None,
        "median_rating": single["median_rating"] if single else None,
        "soe": single["soe"] if single else None,
        "rrl": proc.rrl,
        "adult_dose_msv": proc.adult_dose_msv,
        "ratings": ratings,
        "indicated_by_red_flags": indicated_by,
        "alternatives": alternatives,
        "equivalence": equivalence,
        "note": None,
    }
    notes = []
    if not variants:
        if verdict == UNDETERMINED or facts.setting is None:
            notes.append("no ACR variant can be chosen until the missing facts are known")
        elif verdict == NOT_APPLICABLE and facts.setting == "new_diagnosis":
            notes.append("no ACR variant of this topic applies (see considerations)")
        elif not (flags and purpose == "distant"):
            notes.append(f"no ACR variant of this topic applies to a {purpose} study in this situation")
    elif single and single["category"] is None:
        notes.append(single["note"])
    elif not single:
        notes.append("rated under each applicable variant: the stage groups disagree, decide at tumour board")
    if flags and purpose == "distant":
        notes.append(
            f"indicated as targeted imaging for red flag(s): {', '.join(indicated_by)}"
            if indicated_by
            else "does not target the red flag(s); see the suggested studies"
        )
    out["note"] = "; ".join(notes) or None
    step = proc.name
    if proc.cpt:
        step += f" (CPT {', '.join(proc.cpt)})"
    step += f"; purpose {purpose} ({'given' if facts.purpose else 'from the procedure'})"
    if single and single["category"]:
        step += (
            f"; ACR variant {single['variant']} rates it {single['category']} "
            f"(median {single['median_rating']}/9, evidence {single['soe']})"
        )
    elif out["note"]:
        step += f"; {out['note']}"
    if proc.rrl:
        step += f"; radiation {proc.rrl} ({proc.adult_dose_msv} mSv)"
    source = f"ACR {kb.topic_version}" + (f", variant {single['variant']}" if single and single["variant"] else "")
    if equivalence:
        source += f"; RightScan equivalence {equivalence['rule']}: {equivalence['source']}"
    return out, step, source


_EQUIVALENCE_LABEL = "RightScan equivalence, not an ACR rating"
_EQUIVALENCE_LINK = {
    "part_of": "part of",
    "same_study": "the same examination as",
    "meant": "the wrong study here; what is meant is",
}


def _equivalence_rating(variant: int, rule: EquivalenceRule, eq: Rating) -> dict[str, Any]:
    """A study the variant does not list, read through an equivalence rule (never shown as ACR's own)."""
    note = (
        f"not rated by ACR for variant {variant}; {_EQUIVALENCE_LABEL}: {_EQUIVALENCE_LINK[rule.kind]} "
        f"{eq.procedure}, which variant {variant} rates {eq.category} ({eq.median_rating}/9)"
    )
    return {
        "variant": variant,
        "category": None,
        "median_rating": None,
        "soe": None,
        "note": note,
        "equivalence": {
            "label": _EQUIVALENCE_LABEL,
            "rule": rule.id,
            "kind": rule.kind,
            "variant": variant,
            "procedure": eq.procedure,
            "procedure_id": eq.procedure_id,
            "category": eq.category,
            "median_rating": eq.median_rating,
            "soe": eq.soe,
            "reasoning": rule.reasoning,
            "source": rule.source,
        },
    }


def _equivalence_alternatives(
    kb: Knowledge,
    equivalence: dict[str, Any],
    purpose: str,
    variants: list[Variant],
    by_purpose: dict[str, list[Variant]],
    flags: list[dict[str, Any]],
    single: dict[str, Any],
) -> list[dict[str, Any]]:
    """Alternatives for the equivalent study; for a wrong study, the study meant comes first."""
    target = kb.procedures[equivalence["procedure_id"]]
    as_rated = {**single, "category": equivalence["category"], "median_rating": equivalence["median_rating"]}
    found = _alternatives(kb, target, purpose, variants, by_purpose, flags, as_rated, [])
    if equivalence["kind"] == "meant":
        meant = {
            "procedure": target.name,
            "procedure_id": target.id,
            "category": equivalence["category"],
            "variant": equivalence["variant"],
            "median_rating": equivalence["median_rating"],
            "rrl": target.rrl,
            "adult_dose_msv": target.adult_dose_msv,
            "reason": "the study meant for this situation",
        }
        found = [meant, *(a for a in found if a["procedure_id"] != target.id)]
    return found


def _alternatives(
    kb: Knowledge,
    proc: Procedure,
    purpose: str,
    variants: list[Variant],
    by_purpose: dict[str, list[Variant]],
    flags: list[dict[str, Any]],
    single: dict[str, Any] | None,
    indicated_by: list[str],
) -> list[dict[str, Any]]:
    if flags and purpose == "distant" and not indicated_by:
        seen: list[dict[str, Any]] = []
        for f in flags:
            for pid in f["suggested_ids"]:
                if pid != proc.id and all(a["procedure_id"] != pid for a in seen):
                    p = kb.procedures[pid]
                    seen.append(
                        {
                            "procedure": p.name,
                            "procedure_id": pid,
                            "category": None,
                            "variant": None,
                            "rrl": p.rrl,
                            "adult_dose_msv": p.adult_dose_msv,
                            "reason": f"targeted study for {f['finding']}",
                        }
                    )
        return seen
    if indicated_by or single is None or single["category"] == CATEGORY_UA:
        return []
    variant = next(v for v in variants if v.number == single["variant"])
    pool = [(variant, "usually appropriate for the same question")]
    pool += [(v, "locoregional staging is what is due now") for v in by_purpose["locoregional"] if purpose == "distant"]
    due_ids, due_reason = kb.locoregional_due
    for v, reason in pool:
        better = sorted(
            (r for r in v.ratings if r.category == CATEGORY_UA and r.procedure_id != proc.id),
            key=lambda r: (-r.median_rating, r.rrl_level),
        )
        if better:
            chosen = [(r, reason) for r in better]
            if v.purpose == "locoregional" and purpose == "distant":
                # studies the locoregional consideration names as due (axillary US), with their own rating
                chosen += [
                    (r, due_reason)
                    for pid in due_ids
                    for r in v.ratings
                    if r.procedure_id == pid
                    and r.procedure_id != proc.id
                    and r.category != CATEGORY_UNA
                    and all(c.procedure_id != pid for c, _ in chosen)
                ]
            return [
                {
                    "procedure": r.procedure,
                    "procedure_id": r.procedure_id,
                    "category": r.category,
                    "variant": v.number,
                    "median_rating": r.median_rating,
                    "rrl": r.rrl,
                    "adult_dose_msv": r.adult_dose_msv,
                    "reason": why,
                }
                for r, why in chosen
            ]
    return []


def _summary(
    verdict: str,
    staging_verdict: str,
    stage_text: str,
    clinical: Pathway,
    flags: list[dict[str, Any]],
    facts: Facts,
    invasive: str,
    metastatic: bool,
    path_upstaging: bool,
    stage_out: dict[str, Any],
    missing: list[MissingFact],
) -> str:
    if verdict == TARGETED:
        parts = [f"{f['finding'].replace('_', ' ')} -> {f['suggested'][0]}" for f in flags]
        targeted = "targeted imaging for red flags: " + "; ".join(parts)
        if staging_verdict in (RECOMMENDED, INDIVIDUALIZE):
            staging_text = _staging_summary(staging_verdict, stage_text, clinical, path_upstaging, stage_out)
            return f"{staging_text}; and {targeted}"
        return "T" + targeted[1:]
    staging_text = _staging_summary(staging_verdict, stage_text, clinical, path_upstaging, stage_out)
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
    facts_text = "; ".join(_short_fact(m) for m in missing)
    return f"Cannot decide on systemic staging imaging - insufficient data: {facts_text}"


def _unique(missing: list[MissingFact]) -> list[MissingFact]:
    seen: set[str] = set()
    out = []
    for m in missing:
        if m.field not in seen:
            seen.add(m.field)
            out.append(m)
    return out


def _short_fact(m: MissingFact) -> str:
    """The clinical name of a missing fact without its explanatory tail (the field when unnamed)."""
    return m.fact.split(", from ")[0]


def _staging_summary(
    verdict: str, stage_text: str, clinical: Pathway, path_upstaging: bool, stage_out: dict[str, Any]
) -> str:
    if verdict == NOT_RECOMMENDED:
        return f"Systemic staging imaging is not recommended - {stage_text}, no red flag"
    if verdict == RECOMMENDED:
        if path_upstaging:
            p = stage_out["pathological"]
            return (
                f"Post-operative systemic staging is recommended - pathologic upstaging to anatomic "
                f"{p['anatomic'] or 'not assigned'}, pathological prognostic {p['prognostic'] or 'not assigned'} "
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
