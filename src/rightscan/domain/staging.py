"""AJCC 8th edition breast staging: T from size, anatomic and prognostic stage groups.

Pure functions over ``StagingTables``. Unknown inputs are ``None``; a stage that depends on an
unknown input is ``None`` with the reason, and with every stage the unknown inputs could still give.
"""

from __future__ import annotations

from itertools import product

from rightscan.domain.knowledge import StagingTables
from rightscan.domain.model import FactError, StageResult, Tumor
from rightscan.domain.vocabulary import GRADES, STAGES

# Candidate values used when an input is unknown (families for T and N).
_T_UNKNOWN = ("T0", "T1", "T2", "T3", "T4")
_N_UNKNOWN = ("N0", "N1mi", "N1", "N2", "N3")
_GRADES = GRADES
_BOOL = (True, False)

# Ordering of stage groups, for reporting ranges.
STAGE_ORDER = STAGES
_RANK = {s: i for i, s in enumerate(STAGE_ORDER)}


def t_from_size(tables: StagingTables, size_cm: float) -> str:
    """The T category for the greatest dimension of the invasive tumour (AJCC 8 size bands)."""
    if not (tables.size_min_cm_exclusive < size_cm <= tables.size_max_cm):
        raise FactError(
            "tumor.size_cm",
            f"must be above {tables.size_min_cm_exclusive:g} cm and at most {tables.size_max_cm:g} cm",
        )
    size_mm = size_cm * 10.0
    for t, up_to in tables.size_to_t:
        if up_to is None or size_mm <= up_to + 1e-9:
            return t
    raise AssertionError("size bands must end with an open band")  # guarded by the schema


def resolve_t(tables: StagingTables, tumor: Tumor) -> tuple[str | None, str]:
    """Clinical T category from the stated T, the size, histology and inflammatory status.

    Returns the category (or None when unknown) and how it was obtained. Raises ``FactError`` when
    the facts contradict one another; never picks one of two disagreeing values.
    """
    t = tumor.t
    if tumor.histology == "DCIS":
        if t is not None and t != "Tis":
            raise FactError("tumor.t", f"{t} describes an invasive tumour but histology is DCIS (Tis)")
        if tumor.inflammatory:
            raise FactError("tumor.inflammatory", "inflammatory carcinoma is invasive (T4d) but histology is DCIS")
        if tumor.size_cm is not None:
            return "Tis", "histology DCIS without invasion is Tis (the size given is not an invasive size)"
        return "Tis", "histology DCIS without invasion is Tis"
    if tumor.inflammatory:
        if t is not None and t not in ("T4d", "T4"):
            raise FactError("tumor.inflammatory", f"inflammatory carcinoma is T4d, but tumor.t is {t}")
        return "T4d", "inflammatory carcinoma is T4d"
    if t == "T4d" and tumor.inflammatory is False:
        raise FactError("tumor.inflammatory", "T4d means inflammatory carcinoma, but inflammatory is false")
    if tumor.size_cm is None:
        if t is None:
            return None, "neither T nor tumour size given"
        return t, f"T given as c{t}"
    from_size = t_from_size(tables, tumor.size_cm)
    if t is None:
        return from_size, f"size {tumor.size_cm:g} cm gives c{from_size} (AJCC 8 size bands)"
    family = tables.t_family[t]
    if family == "T4":
        return t, f"T given as c{t} (T4 depends on chest wall or skin, not on size)"
    if t == "Tis":
        return t, "T given as cTis; the size given is not an invasive size"
    if t == "T0":
        raise FactError("tumor.size_cm", "a measured tumour contradicts T0 (no evidence of primary tumour)")
    if t == from_size:
        return t, f"T given as c{t}, consistent with size {tumor.size_cm:g} cm"
    if t == family and tables.t_family[from_size] == family:
        return from_size, f"T given as c{t}; size {tumor.size_cm:g} cm refines it to c{from_size}"
    raise FactError(
        "tumor.t",
        f"{t} disagrees with tumor.size_cm ({tumor.size_cm:g} cm is {from_size} by AJCC 8 size bands)",
    )


def stage_class(tables: StagingTables, stage: str | None) -> str | None:
    """'early' (I-IIA), 'late' (IIB-III), 'in_situ' (0), 'metastatic' (IV) or None."""
    if stage is None:
        return None
    if stage in tables.early:
        return "early"
    if stage in tables.late:
        return "late"
    if stage == "IV":
        return "metastatic"
    return "in_situ"


def _anatomic_known(tables: StagingTables, t: str, n: str, m: str) -> tuple[str | None, str | None]:
    if m == "M1":
        return "IV", None
    key = (tables.t_family[t], n if n in ("N0", "N1mi", "N1", "N2", "N3") else tables.n_family[n])
    stage = tables.anatomic.get(key)
    if stage is not None:
        return stage, None
    return None, tables.not_stageable.get(key, f"no anatomic stage group for {t} {n} {m}")


def anatomic_stage(tables: StagingTables, t: str | None, n: str | None, m: str | None) -> StageResult:
    """AJCC 8 anatomic stage group. ``m`` None means cM not known."""
    if m == "M1":
        return StageResult("IV")
    if m is None:
        return StageResult(None, "cM unknown")
    if t is not None and n is not None:
        stage, reason = _anatomic_known(tables, t, n, m)
        return StageResult(stage, reason)
    ts = (t,) if t is not None else _T_UNKNOWN
    ns = (n,) if n is not None else _N_UNKNOWN
    possible = {s for tt, nn in product(ts, ns) if (s := _anatomic_known(tables, tt, nn, m)[0])}
    missing = _missing_names(t=t is None, n=n is None)
    if len(possible) == 1 and _all_stageable(tables, ts, ns, m):
        return StageResult(possible.pop())
    return StageResult(None, f"{missing} unknown", _sorted(possible))


def _all_stageable(tables: StagingTables, ts: tuple[str, ...], ns: tuple[str, ...], m: str) -> bool:
    return all(_anatomic_known(tables, tt, nn, m)[0] is not None for tt in ts for nn in ns)


def _prognostic_known(
    tables: StagingTables, table: str, t: str, n: str, m: str, grade: int, her2: bool, er: bool, pr: bool
) -> tuple[str | None, str | None]:
    t_fam = tables.t_family[t]
    if m == "M1":
        if t_fam == "Tis":
            return None, "Tis with distant metastasis has no prognostic stage group (SEER: not stageable)"
        return "IV", None
    n_fam = n if n in ("N0", "N1mi", "N1", "N2", "N3") else tables.n_family[n]
    key = (t_fam, n_fam)
    if t_fam == "Tis" and n_fam == "N0":
        return "0", None
    group = tables.prognostic_group.get(key)
    if group is None:
        return None, tables.not_stageable.get(key, f"no prognostic stage group for {t} {n} {m}")
    return tables.prognostic[(table, group, grade, her2, er, pr)], None


def prognostic_stage(
    tables: StagingTables,
    table: str,
    t: str | None,
    n: str | None,
    m: str | None,
    grade: int | None,
    her2: bool | None,
    er: bool | None,
    pr: bool | None,
) -> StageResult:
    """AJCC 8 prognostic stage group from the clinical or pathological table.

    Receptors are booleans (True = positive; HER2 equivocal must already be False).
    """
    if m is None:
        return StageResult(None, "cM unknown")
    if t is not None and n is not None:
        if m == "M1" or (tables.t_family[t] == "Tis"):
            stage, reason = _prognostic_known(tables, table, t, n, m, 1, False, False, False)
            return StageResult(stage, reason)
        if grade is not None and her2 is not None and er is not None and pr is not None:
            stage, reason = _prognostic_known(tables, table, t, n, m, grade, her2, er, pr)
            return StageResult(stage, reason)
    elif m == "M1":
        return StageResult("IV") if t != "Tis" else StageResult(None, "Tis with distant metastasis")
    ts = (t,) if t is not None else _T_UNKNOWN
    ns = (n,) if n is not None else _N_UNKNOWN
    gs = (grade,) if grade is not None else _GRADES
    hs = (her2,) if her2 is not None else _BOOL
    es = (er,) if er is not None else _BOOL
    ps = (pr,) if pr is not None else _BOOL
    possible: set[str] = set()
    stageable = True
    for combo in product(ts, ns, gs, hs, es, ps):
        stage, _ = _prognostic_known(tables, table, combo[0], combo[1], m, *combo[2:])
        if stage is None:
            stageable = False
        else:
            possible.add(stage)
    if t is not None and n is not None and not possible:
        _, reason = _prognostic_known(tables, table, t, n, m, 1, False, False, False)
        return StageResult(None, reason)
    missing = _missing_names(
        t=t is None, n=n is None, grade=grade is None, her2=her2 is None, er=er is None, pr=pr is None
    )
    if len(possible) == 1 and stageable:
        return StageResult(possible.pop())
    return StageResult(None, f"{missing} unknown", _sorted(possible))


def _missing_names(**flags: bool) -> str:
    names = {"t": "T", "n": "N", "grade": "grade", "her2": "HER2", "er": "ER", "pr": "PR"}
    return ", ".join(names[k] for k, missing in flags.items() if missing)


def _sorted(stages: set[str]) -> tuple[str, ...]:
    return tuple(sorted(stages, key=_RANK.__getitem__))
