"""The measure, written once with Ibis: the same expression runs on DuckDB and on Spark.

``person_level(sources, definition)`` returns one row per candidate patient (first breast cancer code
in the period) with the index date, attribution (provider and site of the index code), the window, the
first staging study, one 0/1 column per study type, and ``status``: ``included`` or the first exclusion
that applies, in this order: ``history`` (breast cancer before the index date), ``unconfirmed``,
``incomplete_window`` (the window ends after ``data_end``, when one is given), ``prior_cancer``,
``metastasis``, ``red_flag``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from rightscan.audit.definition import Definition
from rightscan.audit.engines import require
from rightscan.audit.readers import Sources

STATUSES = ("history", "unconfirmed", "incomplete_window", "prior_cancer", "metastasis", "red_flag", "included")


def _regex(prefixes: tuple[str, ...]) -> str:
    return "^(?:" + "|".join(re.escape(p) for p in sorted(prefixes)) + ")"


def code_matches(
    t: Any, codes: dict[str, tuple[str, ...]], exceptions: dict[str, tuple[str, ...]] | None = None
) -> Any:
    """Boolean expression: the row's (vocab, code) starts with one of the prefixes of its vocabulary."""
    ibis = require("ibis")
    parts = []
    for vocab, prefixes in codes.items():
        if not prefixes:
            continue
        cond = (t.vocab == vocab) & t.code.re_search(_regex(prefixes))
        skip = (exceptions or {}).get(vocab)
        if skip:
            cond = cond & ~t.code.re_search(_regex(skip))
        parts.append(cond)
    if not parts:
        return ibis.literal(False)
    out = parts[0]
    for p in parts[1:]:
        out = out | p
    return out


def _days(n: int) -> Any:
    return require("ibis").interval(days=n)


def _flag(rows: Any, name: str) -> Any:
    """Distinct persons of ``rows`` with a constant 1 column ``name``."""
    return rows.select("person_id").distinct().mutate(**{name: require("ibis").literal(1)})


def _attach(base: Any, other: Any, fill: dict[str, Any] | None = None) -> Any:
    """Left join on person_id, keeping base's key; fill the other's missing values."""
    other = other.rename(pid_r="person_id")
    j = base.left_join(other, base.person_id == other.pid_r).drop("pid_r")
    if fill:
        j = j.mutate(**{k: j[k].fill_null(v) for k, v in fill.items()})
    return j


def relevant_diagnoses(src: Sources, d: Definition) -> Any:
    """Diagnosis rows that any part of the definition looks at, with one boolean column per role."""
    m = d.model
    dx = src.dx
    symptoms: dict[str, tuple[str, ...]] = {}
    for codemap in d.red_flag.symptoms.values():
        for vocab, codes in codemap.items():
            symptoms[vocab] = tuple(dict.fromkeys((*symptoms.get(vocab, ()), *_expand(codes))))
    # A cheap first cut (every listed prefix has at least three characters): most rows of a real
    # condition table are filtered here by one hash lookup, before any pattern is matched.
    lists = [
        m.cohort.incident.prefixes(),
        m.cohort.clean_lookback.prefixes(),
        d.prior_cancer.prefixes(),
        d.metastasis.prefixes(),
        symptoms,
    ]
    heads = sorted({p[:3] for codemap in lists for prefixes in codemap.values() for p in prefixes})
    dx = dx.filter(dx.code.substr(0, 3).isin(heads))
    flags = dx.mutate(
        is_incident=code_matches(dx, m.cohort.incident.prefixes()),
        is_history=code_matches(dx, m.cohort.clean_lookback.prefixes()),
        is_prior=code_matches(dx, d.prior_cancer.prefixes(), d.prior_cancer.exceptions()),
        is_met=code_matches(dx, d.metastasis.prefixes(), d.metastasis.exceptions()),
        is_symptom=code_matches(dx, symptoms),
    )
    return flags.filter(flags.is_incident | flags.is_history | flags.is_prior | flags.is_met | flags.is_symptom)


def _expand(codes: list[str]) -> tuple[str, ...]:
    from rightscan.audit.definition import expand

    return expand(codes)


def surgery_codes(d: Definition) -> list[str]:
    return [code for codes in d.model.surgery.prefixes().values() for code in codes]


def relevant_procedures(src: Sources, d: Definition) -> Any:
    """Procedure rows the measure looks at (staging studies and breast operations): one pass over the table."""
    px = src.px
    return px.filter(px.code.isin(sorted({*study_codes(d), *surgery_codes(d)})))


def study_codes(d: Definition) -> dict[str, str]:
    """code -> study id for every enabled study."""
    out: dict[str, str] = {}
    for study in d.studies:
        for codes in study.prefixes().values():
            for code in codes:
                out[code] = study.id
    return out


def person_level(
    src: Sources,
    d: Definition,
    *,
    start: date | None = None,
    end: date | None = None,
    data_end: date | None = None,
    rel: Any = None,
    prel: Any = None,
) -> Any:
    """One row per candidate patient (see the module docstring).

    ``rel`` and ``prel``: relevant_diagnoses and relevant_procedures, precomputed (materialized) by the caller.
    """
    ibis = require("ibis")
    m = d.model
    rel = rel if rel is not None else relevant_diagnoses(src, d)
    px = prel if prel is not None else relevant_procedures(src, d)

    # -- index date: the first breast cancer code; attribution to that code's provider and site
    inc = rel.filter(rel.is_incident)
    first = inc.group_by("person_id").aggregate(index_date=inc.date.min())
    if start is not None:
        first = first.filter(first.index_date >= start)
    if end is not None:
        first = first.filter(first.index_date <= end)
    fr = first.rename(pid_f="person_id")
    at = inc.join(fr, (inc.person_id == fr.pid_f) & (inc.date == fr.index_date))
    base = at.group_by("person_id", "index_date").aggregate(provider=at.provider.min(), site=at.site.min())
    if src.sites is not None:  # site of the attributed provider (OMOP: provider.care_site_id)
        sr = src.sites.rename(prov_s="provider", site_s="site")
        b2 = base.left_join(sr, base.provider == sr.prov_s)
        base = b2.mutate(site=b2.site_s.fill_null(b2.site)).drop("prov_s", "site_s")
    base = base.mutate(index_month=(base.index_date.year() * 100 + base.index_date.month()).cast("int32"))
    keys = base.select("person_id", "index_date")
    kr = keys.rename(pid_k="person_id")

    def near(rows: Any) -> Any:  # rows of one person joined with that person's index date
        j = rows.join(kr, rows.person_id == kr.pid_k)
        return j.drop("pid_k")

    # -- clean look-back and other prior cancer
    lb = m.cohort.clean_lookback.days
    h = near(rel.filter(rel.is_history))
    history = _flag(h.filter((h.date < h.index_date) & (h.date >= (h.index_date - _days(lb)).cast("date"))), "history")
    pl = d.prior_cancer.lookback_days
    p = near(rel.filter(rel.is_prior & ~rel.is_incident))
    prior = _flag(p.filter((p.date < p.index_date) & (p.date >= (p.index_date - _days(pl)).cast("date"))), "prior")

    # -- confirmation: a second code on another day, or a breast operation
    conf = m.cohort.confirmation
    c = near(inc)
    second = _flag(
        c.filter(
            (c.date > c.index_date) & (c.date <= (c.index_date + _days(conf.second_code_within_days)).cast("date"))
        ),
        "second_code",
    )
    s = near(px.filter(px.code.isin(surgery_codes(d))))
    s = s.filter((s.date >= s.index_date) & (s.date <= (s.index_date + _days(conf.surgery_within_days)).cast("date")))
    surgery = s.group_by("person_id").aggregate(surgery_date=s.date.min())

    cohort = _attach(
        _attach(_attach(_attach(base, history, {"history": 0}), prior, {"prior": 0}), second, {"second_code": 0}),
        surgery,
    )
    w = m.window
    latest = (cohort.index_date + _days(w.max_days_after_index)).cast("date")
    after_surgery = (cohort.surgery_date + _days(w.days_after_surgery)).cast("date")
    cohort = cohort.mutate(
        window_start=(cohort.index_date - _days(w.days_before_index)).cast("date"),
        window_end=ibis.ifelse(cohort.surgery_date.isnull(), latest, ibis.least(after_surgery, latest)).cast("date"),
    )
    win = cohort.select("person_id", "window_start", "window_end").rename(pid_w="person_id")

    # -- staging studies in the window
    codes = study_codes(d)
    st = px.filter(px.code.isin(list(codes)))
    st = st.mutate(study=st.code.substitute(codes))
    sw = st.join(win, st.person_id == win.pid_w)
    sw = sw.filter((sw.date >= sw.window_start) & (sw.date <= sw.window_end))
    per_study = {sid: ibis.ifelse(sw.study == sid, 1, 0).max() for sid in d.study_ids()}
    scans = sw.group_by("person_id").aggregate(
        first_scan=sw.date.min(), n_scans=sw.person_id.count().cast("int64"), **per_study
    )
    fill = {sid: 0 for sid in d.study_ids()}
    cohort = _attach(cohort, scans, {"n_scans": 0, **fill})
    cohort = cohort.mutate(cutoff=cohort.first_scan.fill_null(cohort.window_end))
    cut = cohort.select("person_id", "index_date", "cutoff").rename(pid_c="person_id")

    def before_cutoff(rows: Any, lookback_days: int, same_day: bool) -> Any:
        j = rows.join(cut, rows.person_id == cut.pid_c)
        upper = (j.date <= j.cutoff) if same_day else (j.date < j.cutoff)
        return j.filter(upper & (j.date >= (j.index_date - _days(lookback_days)).cast("date")))

    met = _flag(
        before_cutoff(rel.filter(rel.is_met), d.metastasis.lookback_days, d.metastasis.same_day_excludes), "metastasis"
    )
    red = _flag(before_cutoff(rel.filter(rel.is_symptom), d.red_flag.days_before_index, True), "red_flag")
    cohort = _attach(_attach(cohort, met, {"metastasis": 0}), red, {"red_flag": 0})

    status = ibis.cases(
        (cohort.history == 1, "history"),
        ((cohort.second_code == 0) & cohort.surgery_date.isnull(), "unconfirmed"),
        (
            ibis.literal(data_end is not None) & (cohort.window_end > ibis.literal(data_end or date.min, type="date")),
            "incomplete_window",
        ),
        (cohort.prior == 1, "prior_cancer"),
        (cohort.metastasis == 1, "metastasis"),
        (cohort.red_flag == 1, "red_flag"),
        else_="included",
    )
    cohort = cohort.mutate(status=status, imaged=ibis.ifelse(cohort.n_scans > 0, 1, 0))
    return cohort.select(
        "person_id",
        "index_date",
        "index_month",
        "provider",
        "site",
        "status",
        "surgery_date",
        "window_start",
        "window_end",
        "first_scan",
        "n_scans",
        "imaged",
        *d.study_ids(),
    )


def symptoms_before_cutoff(rel: Any, persons: Any, d: Definition) -> Any:
    """(person_id, code, vocab) of red-flag codes up to the cutoff: for RightScan's own decision."""
    cut = persons.select(
        pid_c=persons.person_id,
        index_date=persons.index_date,
        cutoff=persons.first_scan.fill_null(persons.window_end),
    )
    s = rel.filter(rel.is_symptom)
    j = s.join(cut, s.person_id == cut.pid_c)
    j = j.filter((j.date <= j.cutoff) & (j.date >= (j.index_date - _days(d.red_flag.days_before_index)).cast("date")))
    return j.select("person_id", "vocab", "code").distinct()


def stage_near_index(stage: Any, persons: Any, d: Definition) -> Any:
    """Stage facts dated within the definition's days of the index date (undated facts are kept)."""
    ibis = require("ibis")
    k = persons.select(pid_k=persons.person_id, index_date=persons.index_date)
    j = stage.join(k, stage.person_id == k.pid_k)
    days = d.model.cohort.stage.facts_within_days_of_index
    lo = (j.index_date - _days(days)).cast("date")
    hi = (j.index_date + _days(days)).cast("date")
    keep = j.date.isnull() | ((j.date >= lo) & (j.date <= hi))
    j = j.filter(keep)
    return j.select("person_id", "date", "field", "value", "index_date").mutate(
        undated=ibis.ifelse(j.date.isnull(), 1, 0)
    )
