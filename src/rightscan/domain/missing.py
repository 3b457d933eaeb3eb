"""Missing facts and the working trace of one decision.

``Trace`` collects the explanation steps and the missing facts while a decision is made; a missing
fact is named in the clinical words of the knowledge file (guidance.yaml ``facts``) with what knowing
it would change. ``note_missing_stage`` judges every missing stage fact over the combinations of the
other unknowns, so that it says whether the fact alone would change the answer. Pure.
"""

from __future__ import annotations

from typing import Any

from rightscan.domain import staging
from rightscan.domain.answer import Step
from rightscan.domain.knowledge import Knowledge
from rightscan.domain.model import (
    INDIVIDUALIZE,
    NOT_RECOMMENDED,
    RECOMMENDED,
    UNDETERMINED,
    Assumption,
    MissingFact,
    StageResult,
    receptor,
)
from rightscan.domain.pathway import pathway


class Trace:
    """Working state of one decision (or of one memoised part of it): steps and missing facts."""

    __slots__ = ("explanation", "insufficient", "kb")

    def __init__(self, kb: Knowledge) -> None:
        self.kb = kb
        self.insufficient: list[MissingFact] = []
        self.explanation: list[Step] = []

    def explain(self, step: str, source: str) -> None:
        self.explanation.append(Step.of(step, source))

    def missing(self, key: str, field: str, detail: str = "", possible: tuple[str, ...] = ()) -> None:
        """Report a missing fact in the clinical words of the knowledge file, with ``detail`` appended."""
        words = self.kb.fact_words.get(key)
        fact = words.full_label if words else field
        matters = words.matters if words else ""
        would = "; ".join(x for x in (matters, detail) if x)
        if all(m.field != field for m in self.insufficient):
            self.insufficient.append(MissingFact(field, fact, would, possible, words.label if words else ""))


VERDICT_WORDS = {
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
        return f"whatever it turns out to be, the answer stays: {VERDICT_WORDS[next(iter(verdicts))]}"
    order = [v for v in (NOT_RECOMMENDED, INDIVIDUALIZE, RECOMMENDED, UNDETERMINED) if v in verdicts]
    return "it would change the answer: " + " or ".join(VERDICT_WORDS[v] for v in order) + ", depending on its value"


def note_missing_stage(
    ctx: Trace,
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
    er, pr, her2 = receptor(tumor.er), receptor(tumor.pr), receptor(tumor.her2)

    def outcomes(ts: tuple[str, ...], ns: tuple[str, ...]) -> tuple[list[str], set[str]]:
        stages: list[str] = []
        verdicts: set[str] = set()
        for tt in ts:
            for nn in ns:
                a = staging.anatomic_stage(tables, tt, nn, m_known)
                p = staging.prognostic_stage(tables, "clinical", tt, nn, m_known, tumor.grade, her2, er, pr)
                if a.stage and a.stage not in stages:
                    stages.append(a.stage)
                verdicts.add(pathway(kb, tt, nn, a, p).verdict)
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
    verdicts = {pathway(kb, t, n, anat, StageResult(s)).verdict for s in possible}
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


def unique(missing: list[MissingFact]) -> list[MissingFact]:
    seen: set[str] = set()
    out = []
    for m in missing:
        if m.field not in seen:
            seen.add(m.field)
            out.append(m)
    return out


def assume_m0(kb: Knowledge) -> Assumption:
    """cM0 when M is not stated (AJCC 8 assigns it from history and examination): said, so it can be corrected."""
    words = kb.fact_words.get("tumor.m")
    return Assumption("tumor.m", "cM0", words.matters if words else "no metastasis documented")
