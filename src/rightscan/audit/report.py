"""The audit report: one self-contained HTML file (charts as inline SVG, their Vega-Lite specs embedded),
plus JSON and Parquet of the same numbers. Nothing in the page loads anything from elsewhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import yaml

from rightscan.audit import stats
from rightscan.audit.engines import arrow_schema, require
from rightscan.package_data import resource_path

TEMPLATE = resource_path("audit", "report.html.j2")


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f} %"


# ------------------------------------------------------------------ charts (Vega-Lite via Altair)
def trend_chart(months: list[dict[str, Any]], compare_at: str | None) -> Any:
    alt = require("altair")
    rows = [
        {
            "month": m["group"] + "-01",
            "rate": m["rate"],
            "low": m["ci_low"],
            "high": m["ci_high"],
            "patients": m["denominator"],
        }
        for m in months
        if m["denominator"]
    ]
    data = alt.Data(values=rows)
    x = alt.X("month:T", title="month of diagnosis", axis=alt.Axis(format="%Y-%m"))
    band = (
        alt.Chart(data)
        .mark_area(opacity=0.2)
        .encode(x=x, y=alt.Y("low:Q", title="imaged", axis=alt.Axis(format="%")), y2="high:Q")
    )
    line = (
        alt.Chart(data)
        .mark_line(point=True)
        .encode(x=x, y="rate:Q", tooltip=["month:T", alt.Tooltip("rate:Q", format=".1%"), "patients:Q"])
    )
    layers = [band, line]
    if compare_at:
        rule = (
            alt.Chart(alt.Data(values=[{"date": compare_at}]))
            .mark_rule(strokeDash=[4, 4], color="#b00")
            .encode(x="date:T")
        )
        layers.append(rule)
    return alt.layer(*layers).properties(
        width=640, height=220, title="Patients imaged, by month of diagnosis (95 % CI)"
    )


def funnel_chart(groups: list[dict[str, Any]], overall: float | None, label: str) -> Any:
    alt = require("altair")
    pts = [
        {"group": g["group"], "patients": g["denominator"], "rate": g["rate"], "signal": g.get("signal", "")}
        for g in groups
        if g["denominator"]
    ]
    if overall is None or not pts:
        return None
    top = max(p["patients"] for p in pts)
    grid = sorted({max(1, round(top * (i / 60) ** 2)) for i in range(1, 61)} | {1, top})
    limits = []
    for n in grid:
        for z, name in ((stats.Z95, "95 %"), (stats.Z998, "99.8 %")):
            lo, hi = stats.funnel_limits(overall, n, z)
            limits.append({"patients": n, "low": lo, "high": hi, "limit": name})
    lim = alt.Data(values=limits)
    x = alt.X("patients:Q", title=f"patients per {label}", scale=alt.Scale(type="sqrt"))
    y = alt.Y("rate:Q", title="imaged", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1]))
    lines = [
        alt.Chart(lim)
        .mark_line(strokeDash=[3, 3])
        .encode(
            x=x,
            y=alt.Y(f"{edge}:Q"),
            color=alt.Color("limit:N", title="control limit", scale=alt.Scale(range=["#888", "#c33"])),
            detail="limit:N",
        )
        for edge in ("low", "high")
    ]
    mean = alt.Chart(alt.Data(values=[{"rate": overall}])).mark_rule(color="#333").encode(y="rate:Q")
    points = (
        alt.Chart(alt.Data(values=pts))
        .mark_circle(size=60, color="#1f5f99")
        .encode(x=x, y=y, tooltip=["group:N", "patients:Q", alt.Tooltip("rate:Q", format=".1%"), "signal:N"])
    )
    return alt.layer(*lines, mean, points).properties(
        width=640, height=300, title=f"Funnel plot: each {label} against the overall rate"
    )


def study_chart(studies: list[dict[str, Any]]) -> Any:
    alt = require("altair")
    rows = [
        {
            "study": s["label"],
            "rate": s["rate"] or 0.0,
            "low": s["ci_low"] or 0.0,
            "high": s["ci_high"] or 0.0,
            "patients": s["numerator"],
        }
        for s in studies
    ]
    data = alt.Data(values=rows)
    y = alt.Y("study:N", title=None, sort=None)
    bars = (
        alt.Chart(data)
        .mark_bar(color="#1f5f99")
        .encode(
            x=alt.X("rate:Q", title="patients with this study", axis=alt.Axis(format="%")),
            y=y,
            tooltip=["study:N", "patients:Q", alt.Tooltip("rate:Q", format=".1%")],
        )
    )
    err = alt.Chart(data).mark_rule(color="#222").encode(x="low:Q", x2="high:Q", y=y)
    return alt.layer(bars, err).properties(
        width=560, height=26 * max(1, len(rows)), title="By study type (95 % CI; a patient may have several)"
    )


def _svg(chart: Any) -> tuple[str, dict[str, Any]]:
    vlc = require("vl_convert")
    spec = chart.to_dict()
    svg = vlc.vegalite_to_svg(vl_spec=spec)
    spec.pop("$schema", None)  # an identifier, not a resource: left out so the page names no remote address
    return svg, spec


# ------------------------------------------------------------------ outputs
def long_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Every rate of the report as one flat table (the Parquet output)."""
    rows: list[dict[str, Any]] = []

    def add(section: str, group: str, r: dict[str, Any]) -> None:
        rows.append(
            {
                "section": section,
                "group": group,
                "numerator": r["numerator"],
                "denominator": r["denominator"],
                "rate": r["rate"],
                "ci_low": r["ci_low"],
                "ci_high": r["ci_high"],
            }
        )

    add("claims_proxy", "all", data["claims_proxy"])
    si = data.get("stage_informed") or {}
    if si.get("available"):
        add("stage_informed", f"threshold {si['threshold']}", si["rate"])
        for s in si["studies"]:
            add("stage_informed_study", s["study"], s)
    for s in data["studies"]:
        add("study", s["study"], s)
    for key in ("by_provider", "by_site", "by_month"):
        for g in data[key]:
            add(key.removeprefix("by_"), g["group"], g)
    ba = data.get("before_after")
    if ba:
        add("before", ba["date"], ba["before"])
        add("after", ba["date"], ba["after"])
    for f in data["funnel"]:
        rows.append(
            {
                "section": "funnel",
                "group": f.get("status", "candidates"),
                "numerator": f["excluded"],
                "denominator": f["remaining"],
                "rate": None,
                "ci_low": None,
                "ci_high": None,
            }
        )
    return rows


def write_json(data: dict[str, Any], path: Path) -> None:
    path.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS, default=str))


def write_parquet(data: dict[str, Any], path: Path) -> None:
    pa = require("pyarrow")
    import pyarrow.parquet as pq

    schema = arrow_schema(
        "section:string group:string numerator:int64 denominator:int64 rate:float64 ci_low:float64 ci_high:float64"
    )
    table = pa.Table.from_pylist(long_rows(data), schema=schema)
    meta = {
        b"rightscan.audit": orjson.dumps({k: data[k] for k in ("measure", "engine", "input", "generated_at")}),
        b"rightscan.definition_version": data["definition"]["version"].encode(),
    }
    pq.write_table(table.replace_schema_metadata(meta), path)


def _script_json(spec: dict[str, Any]) -> str:
    """A chart spec as JSON safe inside a <script> element: every "<", ">" and "&" written as its JSON escape, so no
    text a claims file puts in a group name ("</script>", "<!--<script>") can end the element or switch the HTML
    parser into the comment-like script states (the thirteenth security pass: "<!--<script>" swallowed the specs
    after it); JSON reads the escapes back as the same characters."""
    text = orjson.dumps(spec).decode()
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(data: dict[str, Any]) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    charts: list[dict[str, Any]] = []
    ba = data.get("before_after")
    specs = [
        ("trend", trend_chart(data["by_month"], ba["date"] if ba else None)),
        ("funnel_provider", funnel_chart(data["by_provider"], data["claims_proxy"]["rate"], "provider")),
        ("studies", study_chart(data["studies"])),
    ]
    for name, chart in specs:
        if chart is None:
            continue
        svg, spec = _svg(chart)
        charts.append({"name": name, "svg": svg, "spec": _script_json(spec)})
    env = Environment(loader=FileSystemLoader(str(TEMPLATE.parent)), autoescape=select_autoescape(["j2", "html"]))
    env.filters["pct"] = _pct
    template = env.get_template(TEMPLATE.name)
    definition_text = yaml.safe_dump(data["definition"]["content"], sort_keys=False, allow_unicode=True, width=110)
    return template.render(
        d=data,
        charts={c["name"]: c for c in charts},
        chart_list=charts,
        definition_text=definition_text,
    )


def write_report(data: dict[str, Any], out: Path) -> dict[str, Path]:
    """Write report.html, report.json and report.parquet into ``out`` (a folder); return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = {"html": out / "report.html", "json": out / "report.json", "parquet": out / "report.parquet"}
    write_json(data, paths["json"])
    write_parquet(data, paths["parquet"])
    paths["html"].write_text(render_html(data), encoding="utf-8")
    return paths
