"""`rightscan audit log`: RightScan's own decision log audited (order-time data that claims never have).

Consultations, the mix of ratings given, and the warning cards accepted or overridden (with the
override reasons), by orderer, department and month. The log records decision ids and codes only, not
who ordered: orderer and department come from an optional context file the hospital provides
(decision_id or hook_instance -> orderer, department); without it they are "not recorded".
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

import orjson

from rightscan.audit import stats
from rightscan.audit.errors import AuditInputError
from rightscan.package_data import resource

NOT_RECORDED = "not recorded"


def _json(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return orjson.loads(value)
        except orjson.JSONDecodeError:
            return None
    return value


def _context(path: Path | None) -> dict[str, tuple[str, str]]:
    if path is None:
        return {}
    out: dict[str, tuple[str, str]] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        cols = set(reader.fieldnames or [])
        key = "decision_id" if "decision_id" in cols else "hook_instance" if "hook_instance" in cols else None
        if key is None:
            raise AuditInputError(str(path), "needs a decision_id or hook_instance column")
        for col in ("orderer", "department"):
            if col not in cols:
                raise AuditInputError(str(path), f"missing column {col}")
        for row in reader:
            out[row[key]] = (row["orderer"] or NOT_RECORDED, row["department"] or NOT_RECORDED)
    return out


def _month(value: Any) -> str:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return f"{value.year:04d}-{value.month:02d}"


def audit_log(
    url: str, *, context_file: Path | None = None, start: date | None = None, end: date | None = None
) -> dict[str, Any]:
    """Read the decision log at ``url`` and count (no patient data leaves the log: codes and counts only)."""
    from rightscan.adapters.store.db import DecisionStore, StoreError

    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        raise AuditInputError(url, "no such decision log")
    context = _context(context_file)
    store = DecisionStore(url)
    try:
        decisions = list(store.iter_rows("decisions"))
        cards = list(store.iter_rows("cards"))
        feedback = list(store.iter_rows("feedback"))
    except StoreError as exc:
        raise AuditInputError(url, str(exc)) from None
    except Exception as exc:  # not a RightScan decision log (missing tables, ...)
        raise AuditInputError(url, f"cannot be read as a RightScan decision log ({type(exc).__name__})") from None
    finally:
        store.close()

    def keep(d: dict[str, Any]) -> bool:
        day = (
            d["created_at"].date()
            if isinstance(d["created_at"], datetime)
            else date.fromisoformat(str(d["created_at"])[:10])
        )
        return (start is None or day >= start) and (end is None or day <= end)

    decisions = [d for d in decisions if keep(d)]
    by_id = {d["id"]: d for d in decisions}

    def who(d: dict[str, Any]) -> tuple[str, str]:
        return context.get(d["id"]) or context.get(d.get("hook_instance") or "") or (NOT_RECORDED, NOT_RECORDED)

    rating_mix: Counter[str] = Counter()
    rating_by_month: Counter[tuple[str, str]] = Counter()
    verdicts: Counter[str] = Counter()
    channels: Counter[str] = Counter()
    consult_by_month: Counter[str] = Counter()
    for d in decisions:
        month = _month(d["created_at"])
        consult_by_month[month] += 1
        verdicts[d.get("verdict") or "none"] += 1
        channels[d["channel"]] += 1
        for r in _json(d["ratings"]) or []:
            category = r.get("category") or ("not rated" if r.get("pama") is None else r["pama"])
            rating_mix[category] += 1
            rating_by_month[(month, category)] += 1

    latest: dict[str, dict[str, Any]] = {}
    for f in feedback:
        prev = latest.get(f["card_uuid"])
        if prev is None or str(f["outcome_timestamp"]) >= str(prev["outcome_timestamp"]):
            latest[f["card_uuid"]] = f
    reasons: Counter[tuple[str, str]] = Counter()
    groups: dict[str, dict[str, Counter[str]]] = {
        "orderer": defaultdict(Counter),
        "department": defaultdict(Counter),
        "month": defaultdict(Counter),
    }
    totals = Counter({"warnings": 0, "accepted": 0, "overridden": 0, "no_feedback": 0})
    for c in cards:
        d = by_id.get(c["decision_id"])
        if d is None or c["indicator"] != "warning":
            continue
        fb = latest.get(c["uuid"])
        outcome = fb["outcome"] if fb else "no_feedback"
        if outcome not in ("accepted", "overridden"):
            outcome = "no_feedback"
        totals["warnings"] += 1
        totals[outcome] += 1
        if outcome == "overridden" and fb is not None:
            reasons[(fb.get("override_code") or "none given", fb.get("override_display") or "")] += 1
        orderer, department = who(d)
        for name, key in (("orderer", orderer), ("department", department), ("month", _month(d["created_at"]))):
            groups[name][key]["warnings"] += 1
            groups[name][key][outcome] += 1

    def table(counter: dict[str, Counter[str]]) -> list[dict[str, Any]]:
        rows = []
        for key in sorted(counter):
            c = counter[key]
            answered = c["accepted"] + c["overridden"]
            rows.append(
                {
                    "group": key,
                    "warnings": c["warnings"],
                    "accepted": c["accepted"],
                    "overridden": c["overridden"],
                    "no_feedback": c["no_feedback"],
                    "override": stats.rate(c["overridden"], answered),
                }
            )
        return rows

    answered = totals["accepted"] + totals["overridden"]
    return {
        "title": "RightScan decision log audit",
        "database": _redact(url),
        "period": {"start": start.isoformat() if start else None, "end": end.isoformat() if end else None},
        "context": context_file.name if context_file else None,
        "context_note": None
        if context_file
        else (
            "The decision log does not record who ordered: orderer and department are 'not recorded'. "
            "Give --context FILE (decision_id or hook_instance, orderer, department) to break them down."
        ),
        "totals": {
            "consultations": len(decisions),
            "orders_rated": sum(rating_mix.values()),
            **dict(totals),
            "override": stats.rate(totals["overridden"], answered),
        },
        "channels": dict(channels),
        "verdicts": dict(verdicts),
        "rating_mix": dict(rating_mix),
        "rating_by_month": [{"month": m, "category": c, "n": n} for (m, c), n in sorted(rating_by_month.items())],
        "consultations_by_month": [{"month": m, "n": n} for m, n in sorted(consult_by_month.items())],
        "override_reasons": [{"code": c, "display": d, "n": n} for (c, d), n in reasons.most_common()],
        "warnings_by_orderer": table(groups["orderer"]),
        "warnings_by_department": table(groups["department"]),
        "warnings_by_month": table(groups["month"]),
    }


def _redact(url: str) -> str:
    from rightscan.adapters.store.db import redact_url

    return redact_url(url)


TEMPLATE = resource("audit", "decision_log.html.j2")


def write_log_report(data: dict[str, Any], out: Path) -> dict[str, Path]:
    from jinja2 import Environment

    out.mkdir(parents=True, exist_ok=True)
    paths = {"html": out / "report.html", "json": out / "report.json"}
    paths["json"].write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2))
    chart = None
    if data["rating_by_month"]:
        try:
            import altair as alt
            import vl_convert as vlc
        except ImportError:
            chart = None
        else:
            spec = (
                alt.Chart(alt.Data(values=data["rating_by_month"]))
                .mark_bar()
                .encode(
                    x=alt.X("month:N", title="month"),
                    y=alt.Y("n:Q", title="orders rated"),
                    color=alt.Color("category:N", title="rating"),
                )
                .properties(width=600, height=220)
                .to_dict()
            )
            chart = vlc.vegalite_to_svg(vl_spec=spec)
    html = Environment(autoescape=True).from_string(TEMPLATE.read_text(encoding="utf-8")).render(d=data, chart=chart)
    paths["html"].write_text(html, encoding="utf-8")
    return paths
