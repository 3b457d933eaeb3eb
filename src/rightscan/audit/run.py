"""One audit run: connect, read, measure, classify stage, aggregate. Returns plain numbers (``Results``).

The engine does the heavy work (every join and window on the full data); Python only receives the
aggregated counts and, where stage facts exist, those patients' facts for RightScan's own decision.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from rightscan.audit import measure, stage, stats
from rightscan.audit.definition import Definition
from rightscan.audit.engines import Backend, require
from rightscan.audit.readers import Sources

CLAIMS_PROXY_NOTE = (
    "Claims carry no stage: the claims-only rate counts every confirmed incident patient without an "
    "exclusion, whatever the stage. It is a proxy for the early-stage rate, reported as such."
)


@dataclass
class Options:
    start: date | None = None
    end: date | None = None
    compare_at: date | None = None
    data_end: date | None = None  # last day the data cover: patients whose window ends later are left out
    min_group: int = 1  # groups smaller than this are pooled into "other (small)"


@dataclass
class Results:
    data: dict[str, Any]
    persons: Any = None  # the person-level Ibis table (materialized), for tests and exports
    timings: dict[str, float] = field(default_factory=dict)


class Progress:
    """rich progress on stderr (quiet when stderr is not a terminal, or when disabled)."""

    def __init__(self, enabled: bool, total: int) -> None:
        self._bar: Any = None
        self._task: Any = None
        self.timings: dict[str, float] = {}
        if enabled:
            try:
                from rich.console import Console
                from rich.progress import BarColumn, TextColumn, TimeElapsedColumn
                from rich.progress import Progress as RichProgress
            except ImportError:
                return
            console = Console(stderr=True)
            if not console.is_terminal:
                return
            self._bar = RichProgress(
                TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(), console=console, transient=False
            )
            self._bar.start()
            self._task = self._bar.add_task("audit", total=total)

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        if self._bar is not None:
            self._bar.update(self._task, description=f"audit: {name}")
        t0 = time.perf_counter()
        yield
        self.timings[name] = round(time.perf_counter() - t0, 3)
        if self._bar is not None:
            self._bar.advance(self._task)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.update(self._task, description="audit: done", completed=self._bar.tasks[0].total)
            self._bar.stop()


_BACKEND: list[Backend] = []  # the backend of the run in progress (helpers below read their rows through it)


def _rows(expr: Any) -> list[dict[str, Any]]:
    return _BACKEND[-1].rows(expr)


def _grouped(inc: Any, column: str, p_overall: float | None, min_group: int) -> list[dict[str, Any]]:
    g = inc.group_by(column).aggregate(n=inc.person_id.count(), imaged=inc.imaged.sum())
    rows = sorted(_rows(g), key=lambda r: str(r[column]))
    small = [r for r in rows if r["n"] < min_group]
    rows = [r for r in rows if r["n"] >= min_group]
    if small:
        rows.append(
            {column: "other (small)", "n": sum(r["n"] for r in small), "imaged": sum(r["imaged"] for r in small)}
        )
    out = []
    for r in rows:
        item = {"group": str(r[column]), **stats.rate(int(r["imaged"]), int(r["n"]))}
        if p_overall is not None:
            lo95, hi95 = stats.funnel_limits(p_overall, int(r["n"]), stats.Z95)
            lo998, hi998 = stats.funnel_limits(p_overall, int(r["n"]), stats.Z998)
            item.update(limit95_low=lo95, limit95_high=hi95, limit998_low=lo998, limit998_high=hi998)
            rate = item["rate"]
            item["signal"] = (
                "above 99.8 %"
                if rate > hi998
                else "above 95 %"
                if rate > hi95
                else "below 99.8 %"
                if rate < lo998
                else "below 95 %"
                if rate < lo95
                else "within"
            )
        out.append(item)
    return out


def run(
    backend: Backend, sources: Sources, d: Definition, options: Options | None = None, *, progress: bool = False
) -> Results:
    options = options or Options()
    steps = Progress(progress, total=6)
    _BACKEND.append(backend)
    try:
        with steps.step("selecting relevant codes"):
            rel = backend.materialize(measure.relevant_diagnoses(sources, d))
            prel = backend.materialize(measure.relevant_procedures(sources, d))
        with steps.step("cohort, windows, exclusions, staging studies"):
            persons = backend.materialize(
                measure.person_level(
                    sources, d, start=options.start, end=options.end, data_end=options.data_end, rel=rel, prel=prel
                )
            )
        with steps.step("counting"):
            data = _aggregate(persons, d, options)
        with steps.step("stage facts: RightScan's own decision"):
            data["stage_informed"] = _stage_informed(backend, sources, d, persons, rel)
        with steps.step("trend by month"):
            data["by_month"] = _months(persons, options)
        with steps.step("before / after"):
            data["before_after"] = _before_after(persons, options)
    finally:
        _BACKEND.pop()
        steps.close()
    data.update(
        measure=d.title,
        definition={"version": d.version, "file": Path(d.path).name, "content": d.raw},
        engine=backend.label,
        input=sources.description,
        period={
            "start": options.start.isoformat() if options.start else None,
            "end": options.end.isoformat() if options.end else None,
        },
        generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
        claims_proxy_note=CLAIMS_PROXY_NOTE,
        timings_seconds=steps.timings,
    )
    return Results(data, persons, steps.timings)


def _aggregate(persons: Any, d: Definition, options: Options) -> dict[str, Any]:
    ibis = require("ibis")
    counts = {r["status"]: int(r["n"]) for r in _rows(persons.group_by("status").aggregate(n=persons.count()))}
    total = sum(counts.values())
    funnel = [{"step": "first breast cancer code in the period", "remaining": total, "excluded": 0}]
    remaining = total
    labels = {
        "history": "breast cancer coded in the look-back (not incident)",
        "unconfirmed": "not confirmed (no second code, no operation)",
        "incomplete_window": "window not over by the end of the data (--data-end)",
        "prior_cancer": "another cancer in the look-back",
        "metastasis": "distant metastasis coded before the first staging study",
        "red_flag": "red-flag symptom or abnormal liver test before the first staging study",
    }
    for status in measure.STATUSES[:-1]:
        n = counts.get(status, 0)
        remaining -= n
        funnel.append({"step": labels[status], "status": status, "excluded": n, "remaining": remaining})
    inc = persons.filter(persons.status == "included")
    sums = {sid: inc[sid].sum() for sid in d.study_ids()}
    agg = _rows(
        inc.aggregate(
            n=inc.count(),
            imaged=inc.imaged.sum(),
            scans=inc.n_scans.sum(),
            repeated=ibis.ifelse(inc.n_scans >= 2, 1, 0).sum(),
            **sums,
        )
    )[0]
    n = int(agg["n"] or 0)
    imaged = int(agg["imaged"] or 0)
    headline = stats.rate(imaged, n)
    labels_by_id = {s.id: s.label for s in d.studies}
    studies = [{"study": sid, "label": labels_by_id[sid], **stats.rate(int(agg[sid] or 0), n)} for sid in d.study_ids()]
    p = headline["rate"]
    return {
        "status_counts": counts,
        "funnel": funnel,
        "claims_proxy": headline,
        "studies": studies,
        "repeat": {
            "imaged": imaged,
            "two_or_more_studies": int(agg["repeated"] or 0),
            "studies_total": int(agg["scans"] or 0),
        },
        "by_provider": _grouped(inc, "provider", p, options.min_group),
        "by_site": _grouped(inc, "site", p, options.min_group),
    }


def _months(persons: Any, options: Options) -> list[dict[str, Any]]:
    inc = persons.filter(persons.status == "included")
    rows = _grouped(inc, "index_month", None, 1)
    for r in rows:
        ym = int(r["group"])
        r["group"] = f"{ym // 100:04d}-{ym % 100:02d}"
    return rows


def _before_after(persons: Any, options: Options) -> dict[str, Any] | None:
    if options.compare_at is None:
        return None
    ibis = require("ibis")
    inc = persons.filter(persons.status == "included")
    when = ibis.literal(options.compare_at, type="date")
    side = inc.mutate(side=ibis.ifelse(inc.index_date < when, "before", "after"))
    got = {r["side"]: r for r in _rows(side.group_by("side").aggregate(n=side.count(), imaged=side.imaged.sum()))}
    b = got.get("before", {"n": 0, "imaged": 0})
    a = got.get("after", {"n": 0, "imaged": 0})
    diff, low, high = stats.newcombe_difference(int(b["imaged"]), int(b["n"]), int(a["imaged"]), int(a["n"]))
    return {
        "date": options.compare_at.isoformat(),
        "before": stats.rate(int(b["imaged"]), int(b["n"])),
        "after": stats.rate(int(a["imaged"]), int(a["n"])),
        "difference": {"after_minus_before": diff, "ci_low": low, "ci_high": high, "method": "Newcombe hybrid score"},
    }


def _stage_informed(backend: Backend, sources: Sources, d: Definition, persons: Any, rel: Any) -> dict[str, Any]:
    threshold = d.model.cohort.stage.threshold
    empty = {"available": False, "threshold": threshold, "included_with_stage_facts": 0}
    if sources.stage is None:
        return {**empty, "note": "the input holds no stage facts: only the claims-only proxy can be reported"}
    pa = require("pyarrow")
    from rightscan.adapters.knowledge_files import load_knowledge

    included = persons.filter(persons.status == "included")  # the stage-informed rate counts these only
    stage_rows = _rows(measure.stage_near_index(sources.stage, included, d))
    if not stage_rows:
        return {**empty, "note": "no stage facts near the index dates"}
    symptom_rows = _rows(measure.symptoms_before_cutoff(rel, included, d))
    payloads = stage.payloads(stage_rows, symptom_rows, d, set(load_knowledge().symptoms))
    classes = stage.classify(payloads, threshold)
    table = pa.Table.from_pylist(
        [{"person_id": p, "stage_class": c["stage_class"], "anatomic": c["anatomic"]} for p, c in classes.items()],
        schema=pa.schema([("person_id", pa.string()), ("stage_class", pa.string()), ("anatomic", pa.string())]),
    )
    cls = backend.from_arrow("stage_class", table)
    cr = cls.rename(pid_s="person_id")
    j = persons.join(cr, persons.person_id == cr.pid_s)
    by = _rows(j.group_by("status", "stage_class").aggregate(n=j.count(), imaged=j.imaged.sum()))
    mix: dict[str, int] = {}
    for r in by:
        if r["status"] == "included":
            mix[r["stage_class"]] = mix.get(r["stage_class"], 0) + int(r["n"])
    early = [r for r in by if r["status"] == "included" and r["stage_class"] == stage.EARLY]
    n = sum(int(r["n"]) for r in early)
    imaged = sum(int(r["imaged"]) for r in early)
    ej = j.filter((j.status == "included") & (j.stage_class == stage.EARLY))
    sums = _rows(ej.aggregate(**{sid: ej[sid].sum() for sid in d.study_ids()}))[0] if n else {}
    labels = {s.id: s.label for s in d.studies}
    return {
        "available": True,
        "threshold": threshold,
        "included_with_stage_facts": len(classes),
        "included_by_class": mix,
        "rate": stats.rate(imaged, n),
        "studies": [
            {"study": sid, "label": labels[sid], **stats.rate(int(sums.get(sid) or 0), n)} for sid in d.study_ids()
        ],
        "note": (
            "Patients without exclusions whose stage facts RightScan's own decision calls early and "
            f"asymptomatic (threshold {threshold}); patients without stage facts are not in this rate."
        ),
    }
