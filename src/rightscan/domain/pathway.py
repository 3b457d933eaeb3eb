"""The early-pathway entry criteria (ACR variants 1-2) applied to one stage: where a stage puts a new
invasive cancer, and why when the two stage groups or the bounds needed explaining. Pure."""

from __future__ import annotations

from typing import Any, NamedTuple

from rightscan.domain import staging
from rightscan.domain.knowledge import Knowledge
from rightscan.domain.model import INDIVIDUALIZE, NOT_RECOMMENDED, RECOMMENDED, UNDETERMINED, StageResult


class Pathway(NamedTuple):
    """Where the stage puts a new invasive cancer: the verdict, the ACR stage classes to show, and why."""

    verdict: str
    classes: frozenset[str]
    # guidance feature ``stage_agreement``: agree | anatomic_early_prognostic_late |
    # anatomic_late_prognostic_early | beyond_early_pathway | bounded | unknown
    kind: str
    why: str | None = None  # explanation step, when the two stage groups or the bounds needed one


EARLY, LATE, BOTH = frozenset({"early"}), frozenset({"late"}), frozenset({"early", "late"})


EARLY, LATE, BOTH = frozenset({"early"}), frozenset({"late"}), frozenset({"early", "late"})


def pathway(
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
        return Pathway(RECOMMENDED, LATE, "beyond_early_pathway", why)
    if a == "early":
        if p == "late":
            why = (
                f"Anatomic stage {anat.stage} ({tnm}) is inside the early pathway, but grade and receptor status "
                f"raise the {prog_name} to {prog.stage}: the anatomy says early (I-IIA), the biology says "
                "more advanced (IIB-III). A real disagreement at the IIA/IIB line: individualise"
            )
            return Pathway(INDIVIDUALIZE, BOTH, "anatomic_early_prognostic_late", why)
        # Safety: an unassigned prognostic stage that could still fall on the late side (grade or a
        # receptor unknown: cT2 cN0 triple negative is IIA with G1 but IIB with G2/G3) would flip the
        # answer, so "not recommended" is not given; the missing fact is named instead.
        if prog.stage is None and any(staging.stage_class(tables, s) == "late" for s in prog.possible):
            return Pathway(UNDETERMINED, frozenset(), "unknown")
        return Pathway(NOT_RECOMMENDED, EARLY, "agree")
    if a == "late":
        if p == "early":
            if anat.stage in ep.disagreement_anatomic:
                why = (
                    f"Anatomic stage {anat.stage} ({tnm}) is just past the early pathway, while favourable "
                    f"biology (grade, ER/PR, HER2) lowers the {prog_name} to {prog.stage}: the anatomy says "
                    "more advanced (IIB), the biology says early (I-IIA). A real disagreement at the IIA/IIB "
                    "line: individualise"
                )
                return Pathway(INDIVIDUALIZE, BOTH, "anatomic_late_prognostic_early", why)
            why = (
                f"Anatomic stage {anat.stage} ({tnm}) is beyond the early pathway of ACR variants 1-2 "
                f"({bounds_text(ep, prefix)}). The {prog_name} {prog.stage} reflects favourable biology: it refines "
                "the outlook but does not bring this tumour into the early pathway, so the late-stage variants apply"
            )
            return Pathway(RECOMMENDED, LATE, "beyond_early_pathway", why)
        return Pathway(RECOMMENDED, LATE, "agree")
    if anat.stage is None and anat.possible and all(staging.stage_class(tables, s) == "late" for s in anat.possible):
        why = (
            f"{tnm}: the anatomic stage is not settled ({anat.reason}) but it is at least {anat.possible[0]} "
            f"whatever the missing value ({', '.join(anat.possible)} possible): beyond the early pathway, "
            "systemic staging is recommended in any case"
        )
        return Pathway(RECOMMENDED, LATE, "bounded", why)
    if anat.stage is None and p == "late":
        return Pathway(RECOMMENDED, LATE, "agree")
    return Pathway(UNDETERMINED, frozenset(), "unknown")


def governing_stage(kb: Knowledge, anatomic: str | None, prognostic: str | None) -> str | None:
    """The stage group that places the tumour for the patient: the prognostic stage when known, except
    beyond the early pathway, where a favourable prognostic stage does not bring the tumour back into it
    (the anatomic stage governs; the ``beyond_early_pathway`` case of :func:`pathway`)."""
    ep = kb.early_pathway
    if (
        ep is not None
        and anatomic
        and staging.stage_class(kb.staging, anatomic) == "late"
        and staging.stage_class(kb.staging, prognostic) == "early"
        and anatomic not in ep.disagreement_anatomic
    ):
        return anatomic
    return prognostic or anatomic


def bounds_text(ep: Any, prefix: str) -> str:
    def span(values: frozenset[str], order: tuple[str, ...]) -> str:
        ordered = [v for v in order if v in values]
        return ordered[0] if len(ordered) == 1 else f"{ordered[0]}-{ordered[-1]}"

    t = span(ep.t, ("T0", "T1", "T2", "T3", "T4"))
    n = span(ep.n, ("N0", "N1mi", "N1", "N2", "N3"))
    stages = span(ep.anatomic, staging.STAGE_ORDER)
    return f"{prefix}{t}, {prefix}{n}, M0, anatomic {stages}"
