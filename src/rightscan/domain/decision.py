"""The decision: stage, scenario (ACR variants), red flags, order rating, guidance, explanation.

``decide(kb, facts)`` is a pure function. It raises ``FactError`` for contradictory facts and
``UnknownOrder`` for an order it cannot recognise; everything else it cannot settle is reported in
``insufficient_data`` and reflected in the verdict, never filled in.
"""

from __future__ import annotations

from typing import Any

from rightscan.domain import findings, orders, staging
from rightscan.domain.knowledge import Knowledge, Procedure, Variant
from rightscan.domain.model import (
    CATEGORY_UA,
    INDIVIDUALIZE,
    NOT_APPLICABLE,
    NOT_RECOMMENDED,
    RECOMMENDED,
    TARGETED,
    UNDETERMINED,
    Decision,
    Facts,
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


def _verdict_from(tables: Any, anat: StageResult, prog: StageResult) -> tuple[str, set[str]]:
    """not_recommended / recommended / individualize / undetermined, and the stage classes behind it."""
    a = staging.stage_class(tables, anat.stage)
    p = staging.stage_class(tables, prog.stage)
    known = {c for c in (a, p) if c is not None}
    if known == {"early"}:
        # Safety: an unassigned stage that could still fall on the late side (grade or a receptor
        # unknown: T2N0 triple negative is IIA with G1 but IIB with G2/G3) would flip the answer, so
        # "not recommended" is not given; the missing fact is named instead.
        undecided = [r for r in (anat, prog) if r.stage is None]
        if any(staging.stage_class(tables, s) == "late" for r in undecided for s in r.possible):
            return UNDETERMINED, set()
        return NOT_RECOMMENDED, {"early"}
    if known == {"late"}:
        return RECOMMENDED, {"late"}
    if known == {"early", "late"}:
        return INDIVIDUALIZE, {"early", "late"}
    return UNDETERMINED, set()


def _stage_label(result: StageResult) -> str:
    return result.stage if result.stage is not None else "unknown"


class _Context:
    """Working state of one decision (kept local to ``decide``)."""

    __slots__ = ("explanation", "facts", "insufficient", "kb")

    def __init__(self, kb: Knowledge, facts: Facts) -> None:
        self.kb = kb
        self.facts = facts
        self.insufficient: list[str] = []
        self.explanation: list[dict[str, Any]] = []

    def explain(self, step: str, source: str) -> None:
        self.explanation.append({"step": step, "source": source})


def decide(kb: Knowledge, facts: Facts) -> Decision:
    ctx = _Context(kb, facts)
    tables = kb.staging
    tumor = facts.tumor
    setting = facts.setting

    # ------------------------------------------------------------ clinical stage
    # A pure function of the tumour facts (and whether a missing cM must be reported): memoised.
    (
        t,
        m,
        anat,
        prog,
        stage_template,
        steps,
        notes,
        clinical_verdict,
        classes,
        stage_feature,
        invasive,
        biology,
        summary_stage,
    ) = kb.remember(("stage", tumor, setting), lambda: _clinical_stage(kb, tumor, setting))
    stage_out = dict(stage_template)
    ctx.explanation.extend(steps)
    ctx.insufficient.extend(notes)
    metastatic = m == "M1"

    # ------------------------------------------------------------ pathological stage (after surgery)
    path_upstaging = False
    path_verdict = None
    if facts.pathology_t is not None or facts.pathology_n is not None:
        pt = facts.pathology_t if facts.pathology_t is not None else None
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
        path_verdict, _ = _verdict_from(tables, p_anat, p_prog)
        ctx.explain(
            f"Pathology p{pt or 'T?'} p{pn or 'N?'}: pathological anatomic stage {_stage_label(p_anat)}, "
            f"pathological prognostic stage {_stage_label(p_prog)} (without a multigene score)",
            f"{AJCC_ANATOMIC}; {AJCC_PATHOLOGICAL}",
        )
        if p_anat.stage is None and p_prog.stage is None:
            ctx.insufficient.append(f"pathology: pathological stage cannot be assigned ({p_anat.reason})")

    # ------------------------------------------------------------ labs and red flags
    labs = findings.assess_labs(kb, facts)
    flags = findings.red_flags(kb, facts, labs)
    ctx.insufficient.extend(labs.notes)
    if flags:
        ctx.explain(
            "Red flag(s): " + "; ".join(f"{f['finding']} -> {', '.join(f['suggested'])}" for f in flags),
            "; ".join(sorted({f["source"] for f in flags})),
        )
    elif setting == "new_diagnosis":
        ctx.explain("No red flag among the symptoms and laboratory values given", "NCCN Breast v2.2015 MS-12 triggers")

    # ------------------------------------------------------------ verdict
    if setting is None:
        verdict = TARGETED if flags else UNDETERMINED
        ctx.insufficient.append(
            "setting: not given (new_diagnosis, surveillance, suspected_local_recurrence or "
            "suspected_distant_recurrence); the applicable ACR variants depend on it"
        )
    elif flags:
        verdict = TARGETED
    elif setting != "new_diagnosis" or invasive == "no" or metastatic:
        verdict = NOT_APPLICABLE
    elif path_verdict == RECOMMENDED and clinical_verdict != RECOMMENDED:
        verdict, classes, path_upstaging = RECOMMENDED, frozenset({"late"}), True
    elif path_verdict == INDIVIDUALIZE and clinical_verdict == NOT_RECOMMENDED:
        verdict, classes = INDIVIDUALIZE, frozenset({"early", "late"})
        p = stage_out["pathological"]
        summary_stage = f"pathological anatomic stage {p['anatomic']}, pathological prognostic stage {p['prognostic']}"
        ctx.explain(
            "After surgery the pathological anatomic and prognostic stages fall on opposite sides of IIA/IIB: "
            "whether to stage systemically is a multidisciplinary decision",
            f"{AJCC_ANATOMIC}; {AJCC_PATHOLOGICAL}",
        )
    else:
        verdict = clinical_verdict
        if verdict == NOT_RECOMMENDED and labs.alp == "mildly_raised_unconfirmed":
            verdict = UNDETERMINED
    if path_upstaging:
        ctx.explain(
            "Pathologic stage is IIB-III while the clinical stage was lower: pathologic upstaging, "
            "post-operative systemic staging becomes appropriate",
            "ACR topic 310 variants 3-5; NCCN BINV-14",
        )

    # ------------------------------------------------------------ ACR variants
    if setting == "new_diagnosis" and verdict == NOT_APPLICABLE:
        classes = frozenset()
    by_purpose = _applicable_variants(ctx, setting, classes, biology, flags)

    # ------------------------------------------------------------ order
    order_out = None
    order_text = facts.order
    procedure = None
    if order_text:
        procedure = orders.resolve(kb, order_text)
        order_out = _evaluate_order(ctx, order_text, procedure, by_purpose, flags, verdict)

    # ------------------------------------------------------------ guidance
    # guidance features, in rightscan.domain.guidance.FEATURE_NAMES order
    features = (
        setting or "unknown",  # setting
        verdict,  # systemic_imaging
        stage_feature,  # stage_class
        anat.stage or "unknown",  # anatomic_stage
        tumor.histology or "unknown",  # histology
        invasive,  # invasive
        "yes" if metastatic else "no",  # metastatic
        "yes" if t == "T4d" else "no",  # inflammatory
        biology,  # biology
        str(tumor.grade) if tumor.grade else "unknown",  # grade
        "yes" if flags else "no",  # red_flags
        labs.alp,  # alp
        labs.tumor_markers,  # tumor_markers
        facts.patient_preference or "none",  # patient_preference
        "yes" if path_upstaging else "no",  # pathologic_upstaging
        procedure.id if procedure else "",  # order_procedure
    )
    selected = kb.guidance_index.select_values(features)
    assessments = list(by_purpose["assessments"])
    return Decision(
        knowledge_version=kb.version,
        stage=stage_out,
        systemic_imaging=verdict,
        assessments=assessments,
        order=order_out,
        red_flags=flags,
        insufficient_data=ctx.insufficient,
        considerations=selected["consideration"],
        next_steps=selected["next_step"],
        pitfalls=selected["pitfall"],
        explanation=ctx.explanation,
        summary=_summary(
            verdict,
            summary_stage,
            anat,
            prog,
            flags,
            facts,
            invasive,
            metastatic,
            path_upstaging,
            stage_out,
            ctx.insufficient,
        ),
    )


# ---------------------------------------------------------------------------------------------
def _clinical_stage(kb: Knowledge, tumor: Any, setting: str | None) -> tuple[Any, ...]:
    """T/N/M, both clinical stage groups, the output block, explanation steps, missing-fact notes, and
    the verdict and stage classes the clinical stage alone gives."""
    report_m = setting in (None, "new_diagnosis")
    tables = kb.staging
    ctx = _Context(kb, Facts())
    t, t_how = staging.resolve_t(tables, tumor)
    n, m = tumor.n, tumor.m
    has_tumor_facts = t is not None or n is not None or m is not None or tumor.histology is not None
    m_source = "given"
    if m is None and has_tumor_facts:
        m, m_source = "M0", "not stated"
        if report_m:
            ctx.insufficient.append(
                "tumor.m: not stated; staged as cM0 because no distant metastasis is documented "
                "(AJCC 8 assigns cM0 without imaging). Give M1 if metastasis is known."
            )
    er, pr, her2 = _receptor(tumor.er), _receptor(tumor.pr), _receptor(tumor.her2)
    if has_tumor_facts:
        anat = staging.anatomic_stage(tables, t, n, m)
        prog = staging.prognostic_stage(tables, "clinical", t, n, m, tumor.grade, her2, er, pr)
        _explain_stage(ctx, t, t_how, n, m, m_source, anat, prog, tumor, her2)
    else:
        anat = prog = StageResult(None, "no tumour facts")
    stage_out = {
        "anatomic": anat.stage,
        "clinical_prognostic": prog.stage,
        "edition": tables.edition,
        "t": f"c{t}" if t else None,
        "n": f"c{n}" if n else None,
        "m": f"c{m}" if m else None,
        "m_source": m_source if m else None,
    }
    clinical_verdict, classes = _verdict_from(tables, anat, prog)
    if setting == "new_diagnosis" and t != "Tis" and m != "M1":
        _note_missing_stage(ctx, t, n, anat, prog, clinical_verdict)
    invasive = (
        "no" if t == "Tis" else ("yes" if (tumor.histology not in (None, "DCIS") or t is not None) else "unknown")
    )
    return (
        t,
        m,
        anat,
        prog,
        stage_out,
        tuple(ctx.explanation),
        tuple(ctx.insufficient),
        clinical_verdict,
        frozenset(classes),
        _stage_class_feature(tables, anat, prog),
        invasive,
        biology_of(tumor.er, tumor.pr, tumor.her2),
        _summary_stage(anat, prog),
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
        ctx.explain(f"{tnm} -> no anatomic stage: {anat.reason}", AJCC_ANATOMIC)
    if tumor.her2_equivocal:
        ctx.explain("HER2 reported equivocal: staged as HER2-negative", "AJCC 8 breast, HER2 categorisation rule")
    markers = (
        f"grade {tumor.grade or '?'}, HER2{_sign(her2)}, ER{_sign(_receptor(tumor.er))}, PR{_sign(_receptor(tumor.pr))}"
    )
    if prog.stage:
        ctx.explain(f"{tnm}, {markers} -> clinical prognostic stage {prog.stage}", AJCC_CLINICAL)
    else:
        extra = f" (could be {', '.join(prog.possible)})" if prog.possible else ""
        ctx.explain(f"{tnm}, {markers} -> no clinical prognostic stage: {prog.reason}{extra}", AJCC_CLINICAL)


def _sign(value: bool | None) -> str:
    return "?" if value is None else ("+" if value else "-")


def _note_missing_stage(
    ctx: _Context, t: str | None, n: str | None, anat: StageResult, prog: StageResult, clinical_verdict: str
) -> None:
    tables = ctx.kb.staging
    if t is None:
        ctx.insufficient.append("tumor.t / tumor.size_cm: clinical T (or the invasive tumour size) is not given")
    if n is None:
        ctx.insufficient.append(
            "tumor.n: clinical nodal status is not given (axillary examination and ultrasound decide it)"
        )
    if anat.stage is None and t is not None and n is not None and anat.reason:
        ctx.insufficient.append(f"stage: {anat.reason}")
    if prog.stage is None and anat.stage not in (None, "IV"):
        missing = prog.reason or "biomarkers unknown"
        classes = {staging.stage_class(tables, s) for s in prog.possible}
        anat_class = staging.stage_class(tables, anat.stage)
        if prog.possible and classes - {anat_class}:
            ctx.insufficient.append(
                f"tumor.grade / tumor.er / tumor.pr / tumor.her2: clinical prognostic stage not assigned ({missing}); "
                f"it could be {', '.join(prog.possible)}, which would change the answer to "
                f"{'individualize' if clinical_verdict != UNDETERMINED else 'a decision'}"
            )
        else:
            ctx.insufficient.append(
                f"tumor.grade / tumor.er / tumor.pr / tumor.her2: clinical prognostic stage not assigned ({missing}); "
                "every value it could take leads to the same answer"
            )


def _stage_class_feature(tables: Any, anat: StageResult, prog: StageResult) -> str:
    a = staging.stage_class(tables, anat.stage)
    p = staging.stage_class(tables, prog.stage)
    known = {c for c in (a, p) if c is not None}
    if not known:
        return "unknown"
    if known == {"early", "late"}:
        return "split"
    if len(known) == 1:
        return known.pop()
    return p or a or "unknown"


def _summary_stage(anat: StageResult, prog: StageResult) -> str:
    if anat.stage and prog.stage and anat.stage != prog.stage:
        return f"anatomic stage {anat.stage}, clinical prognostic stage {prog.stage}"
    stage = prog.stage or anat.stage
    return f"clinical stage {stage}" if stage else "clinical stage unknown"


def _variant_matches(v: Variant, classes: set[str], biology: str, prior_surgery: str | None) -> bool:
    if v.stage_class != "any" and v.stage_class not in classes:
        return False
    if v.biology == "er_positive_her2_negative" and biology != "er_positive_her2_negative":
        return False
    if v.biology == "her2_positive_or_triple_negative" and biology not in ("her2_positive", "triple_negative"):
        return False
    return v.prior_surgery in ("any", prior_surgery)


def _applicable_variants(
    ctx: _Context, setting: str | None, classes: set[str], biology: str, flags: list[dict[str, Any]]
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
    ctx: _Context, setting: str | None, classes: set[str], biology: str, flags: list[dict[str, Any]]
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
                "ACR topic 310 scope; NCCN Breast v2.2015 MS-12",
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
                ctx.insufficient.append(
                    f"prior_surgery: bct or mastectomy decides which {purpose} variant applies "
                    f"({' or '.join(str(v.number) for v in candidates)})"
                )
            elif needs_biology and biology == "unknown":
                ctx.insufficient.append(
                    "tumor.er / tumor.pr / tumor.her2: receptor status decides the distant-staging variant "
                    "(4: ER+/HER2-, 5: HER2+ or triple negative)"
                )
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


def _variant_reason(effective: str, setting: str, classes: set[str], flags: list[dict[str, Any]]) -> str:
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
    ctx.explain(f"Order '{requested}' -> {step}", source)
    return {"requested": requested, **template}


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
    for v in variants:
        r = v.by_procedure.get(proc.id)
        if r is None:
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
    indicated_by = [f["finding"] for f in flags if proc.id in f["suggested_ids"]]
    single = ratings[0] if len(ratings) == 1 else None
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
        "alternatives": _alternatives(kb, proc, purpose, variants, by_purpose, flags, single, indicated_by),
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
    return out, step, source


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
    for v, reason in pool:
        better = sorted(
            (r for r in v.ratings if r.category == CATEGORY_UA and r.procedure_id != proc.id),
            key=lambda r: (-r.median_rating, r.rrl_level),
        )
        if better:
            return [
                {
                    "procedure": r.procedure,
                    "procedure_id": r.procedure_id,
                    "category": r.category,
                    "variant": v.number,
                    "median_rating": r.median_rating,
                    "rrl": r.rrl,
                    "adult_dose_msv": r.adult_dose_msv,
                    "reason": reason,
                }
                for r in better
            ]
    return []


def _summary(
    verdict: str,
    stage_text: str,
    anat: StageResult,
    prog: StageResult,
    flags: list[dict[str, Any]],
    facts: Facts,
    invasive: str,
    metastatic: bool,
    path_upstaging: bool,
    stage_out: dict[str, Any],
    insufficient: list[str],
) -> str:
    if verdict == NOT_RECOMMENDED:
        return f"Systemic staging imaging is not recommended - {stage_text}, no red flag"
    if verdict == RECOMMENDED:
        if path_upstaging:
            p = stage_out["pathological"]
            return (
                f"Post-operative systemic staging is recommended - pathologic upstaging to "
                f"{p['prognostic'] or p['anatomic']} ({stage_text} before surgery)"
            )
        return f"Systemic staging imaging is recommended - {stage_text}"
    if verdict == INDIVIDUALIZE:
        return f"Systemic staging imaging: individualise - {stage_text}; decide at the multidisciplinary tumour board"
    if verdict == TARGETED:
        parts = [f"{f['finding'].replace('_', ' ')} -> {f['suggested'][0]}" for f in flags]
        return "Targeted imaging for red flags: " + "; ".join(parts)
    if verdict == NOT_APPLICABLE:
        if facts.setting != "new_diagnosis":
            return (
                f"Outside initial staging ({(facts.setting or '').replace('_', ' ')}): see the applicable ACR variants"
            )
        if invasive == "no":
            return "Staging imaging does not apply - ductal carcinoma in situ without invasion (stage 0)"
        if metastatic:
            return "Staging imaging does not apply - distant metastasis already known (stage IV)"
    first = insufficient[0].split(":", 1)[0] if insufficient else "facts"
    return f"Cannot decide on systemic staging imaging - insufficient data: {first}"
