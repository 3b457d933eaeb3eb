"""Decision dict -> text for a clinician, or Markdown. (JSON is the dict itself, via orjson.)"""

from __future__ import annotations

from typing import Any

VERDICT_LABEL = {
    "not_recommended": "NOT RECOMMENDED",
    "recommended": "RECOMMENDED",
    "individualize": "INDIVIDUALISE (multidisciplinary decision)",
    "targeted": "TARGETED imaging for red flags",
    "not_applicable": "NOT APPLICABLE",
    "undetermined": "UNDETERMINED (insufficient data)",
}
SHORT_CATEGORY = {
    "Usually Appropriate": "UA",
    "May Be Appropriate": "MBA",
    "May Be Appropriate (Disagreement)": "MBA(D)",
    "Usually Not Appropriate": "UNA",
}


def _rrl(level: str | None) -> str:
    """The ACR relative radiation level as printed: the ACR's "O" (no ionising radiation) reads "none"."""
    return "none" if level == "O" else (level or "")


def _stage_line(stage: dict[str, Any]) -> str:
    tnm = " ".join(x for x in (stage.get("t"), stage.get("n"), stage.get("m")) if x) or "no TNM"
    if stage.get("m_source") == "not stated":
        tnm += " (cM0: not stated)"
    line = (
        f"{tnm} -> anatomic {stage['anatomic'] or 'not assigned'}, "
        f"clinical prognostic {stage['clinical_prognostic'] or 'not assigned'} ({stage['edition']})"
    )
    path = stage.get("pathological")
    if path:
        line += (
            f"; pathological {path.get('t') or ''} {path.get('n') or ''} -> anatomic "
            f"{path['anatomic'] or 'not assigned'}, prognostic {path['prognostic'] or 'not assigned'}"
        )
    return line


def _verdict_line(d: dict[str, Any]) -> str:
    """The systemic-staging verdict, and the targeted imaging on top of it when a red flag is present."""
    verdict = d["systemic_imaging"]
    staging = d.get("systemic_staging")
    if verdict == "targeted" and staging in ("recommended", "individualize"):
        return f"{VERDICT_LABEL[staging]}; and {VERDICT_LABEL['targeted']}"
    return VERDICT_LABEL[verdict]


def _suggested_context(d: dict[str, Any]) -> dict[tuple[int, str], str]:
    """(variant, procedure) -> the finding it is suggested for, where that variant rates it below UA."""
    out: dict[tuple[int, str], str] = {}
    for x in d.get("targeted_imaging") or []:
        for r in x["acr_ratings"]:
            if r["category"] != "Usually Appropriate":
                out[(r["variant"], x["procedure"])] = x["finding"].replace("_", " ")
    return out


def _order_lines(order: dict[str, Any]) -> list[str]:
    cpt = f" (CPT {', '.join(order['cpt'])})" if order["cpt"] else ""
    lines = [f"  {order['requested']} -> {order['procedure']}{cpt}, purpose: {order['purpose']}"]
    radiation = (
        f"radiation {_rrl(order['rrl'])} {order['adult_dose_msv']} mSv" if order["rrl"] else "radiation level not rated"
    )
    context = order.get("rating_context")
    for r in order["ratings"]:
        if r["category"]:
            asymptomatic = (
                " for patients without symptoms" if context and r["category"] != "Usually Appropriate" else ""
            )
            lines.append(
                f"  ACR variant {r['variant']}: {r['category']}{asymptomatic} ({r['median_rating']}/9, evidence "
                f"{r['soe']}); {radiation}"
            )
        elif r.get("equivalence"):
            eq = r["equivalence"]
            lines.append(f"  ACR variant {r['variant']}: not rated by ACR for this variant; {radiation}")
            lines.append(
                f"  {eq['label']}: {eq['procedure']} - {eq['category']} ({eq['median_rating']}/9) under variant "
                f"{r['variant']}. {eq['reasoning']} (source: {eq['source']})"
            )
        else:
            lines.append(f"  ACR variant {r['variant']}: not rated for this variant; {radiation}")
    if order["indicated_by_red_flags"]:
        lines.append(f"  Targets red flag(s): {', '.join(order['indicated_by_red_flags'])}")
    if context:
        lines.append(f"  {context}")
    if order["note"] and not order["ratings"]:
        lines.append(f"  {order['note']}; {radiation}")
    for alt in order["alternatives"]:
        rating = f"{SHORT_CATEGORY[alt['category']]} {alt['median_rating']}/9, " if alt.get("category") else ""
        rrl = f"radiation {_rrl(alt['rrl'])}" if alt.get("rrl") else "radiation not rated"
        lines.append(f"  Instead: {alt['procedure']} ({rating}{rrl}) - {alt['reason']}")
    return lines


def _topic_lines(d: dict[str, Any], markdown: bool) -> list[str]:
    """A decision of a topic served from a folder of knowledge (``"topic"`` in the output)."""
    bullet, head = ("- ", "### ") if markdown else ("  - ", "")
    out = [f"{'## ' if markdown else 'RightScan - '}{d['summary']}", ""]
    out.append(f"{head}Features: " + ", ".join(f"{k} {v}" for k, v in d["features"].items()))
    if d["order"]:
        o = d["order"]
        rated = f"{o['category']} ({o['median_rating']}/9, variant {o['variant']})" if o["category"] else "not rated"
        out += ["", f"{head}Proposed: {o['procedure']} -> {rated}"]
        out += [
            f"{bullet}Instead: {a['procedure']} ({a['category']}, {a['median_rating']}/9)" for a in o["alternatives"]
        ]
        if o["note"]:
            out.append(f"{bullet}{o['note']}")
    if d["insufficient_data"]:
        out += ["", f"{head}Insufficient data:"] + [f"{bullet}{x}" for x in d["insufficient_data"]]
    for key, title in (("considerations", "Why"), ("next_steps", "Next steps"), ("pitfalls", "Pitfalls")):
        if d[key]:
            out += ["", f"{head}{title}:"] + [f"{bullet}{x['text']}" for x in d[key]]
    out += ["", f"{head}How this was decided:"]
    out += [f"{'' if markdown else '  '}{i}. {e['step']}  [{e['source']}]" for i, e in enumerate(d["explanation"], 1)]
    for a in d["assessments"]:
        out += ["", f"{head}Variant {a['variant']} ({a['purpose']}): {a['title']}"]
        out += [f"{bullet}{p['category']} {p['median_rating']}  {p['procedure']}" for p in a["procedures"]]
    out += ["", f"Knowledge: {d['knowledge_version']}."]
    return out


def to_text(d: dict[str, Any]) -> str:
    if "topic" in d:
        return "\n".join(_topic_lines(d, markdown=False)) + "\n"
    out = [
        f"RightScan - {d['summary']}",
        f"Systemic staging imaging: {_verdict_line(d)}",
        f"Stage: {_stage_line(d['stage'])}",
    ]
    if d["order"]:
        out += ["", "Proposed order:", *_order_lines(d["order"])]
    if d["red_flags"]:
        out += ["", "Red flags:"]
        for f in d["red_flags"]:
            urgent = " [URGENT]" if f["urgent"] else ""
            out.append(f"  - {f['finding']}{urgent}: {', '.join(f['suggested'])}. {f['why']}")
    if d["insufficient_data"]:
        out += ["", "Insufficient data:"] + [f"  - {x}" for x in d["insufficient_data"]]
    if d.get("assumptions"):
        out += ["", "Assumed:"] + [f"  - {a['field']}: {a['assumed']} - {a['why']}" for a in d["assumptions"]]
    for key, title in (("considerations", "Why"), ("next_steps", "Next steps"), ("pitfalls", "Pitfalls")):
        if d[key]:
            out += ["", f"{title}:"] + [f"  - {x['text']}" for x in d[key]]
    out += ["", "How this was decided:"]
    out += [f"  {i}. {e['step']}  [{e['source']}]" for i, e in enumerate(d["explanation"], 1)]
    suggested = _suggested_context(d)
    for a in d["assessments"]:
        out += ["", f"ACR variant {a['variant']} ({a['purpose']}): {a['title']}"]
        for p in a["procedures"]:
            finding = suggested.get((a["variant"], p["procedure"]))
            tail = f"  (rating for patients without symptoms; suggested here for {finding})" if finding else ""
            out.append(
                f"  {SHORT_CATEGORY[p['category']]:<4} {p['median_rating']}  {_rrl(p['rrl']):<6} "
                f"{p['adult_dose_msv']:>6} mSv  {p['procedure']}{tail}"
            )
    out += ["", f"Knowledge: {d['knowledge_version']}. Decision support, not a substitute for clinical judgement."]
    return "\n".join(out) + "\n"


def to_markdown(d: dict[str, Any]) -> str:
    if "topic" in d:
        return "\n".join(_topic_lines(d, markdown=True)) + "\n"
    out = [
        f"## {d['summary']}",
        "",
        f"**Systemic staging imaging:** {_verdict_line(d)}  ",
        f"**Stage:** {_stage_line(d['stage'])}",
    ]
    if d["order"]:
        out += ["", "### Proposed order", ""] + [f"- {line.strip()}" for line in _order_lines(d["order"])]
    if d["red_flags"]:
        out += ["", "### Red flags", ""]
        out += [
            f"- **{f['finding']}**{' (urgent)' if f['urgent'] else ''}: {', '.join(f['suggested'])}. "
            f"{f['why']} _({f['source']})_"
            for f in d["red_flags"]
        ]
    if d["insufficient_data"]:
        out += ["", "### Insufficient data", ""] + [f"- {x}" for x in d["insufficient_data"]]
    if d.get("assumptions"):
        out += ["", "### Assumed", ""] + [f"- {a['field']}: {a['assumed']} - {a['why']}" for a in d["assumptions"]]
    for key, title in (("considerations", "Why"), ("next_steps", "Next steps"), ("pitfalls", "Pitfalls")):
        if d[key]:
            out += ["", f"### {title}", ""]
            out += [f"- {x['text']} _({'; '.join(x['source'])})_" for x in d[key]]
    out += ["", "### How this was decided", ""]
    out += [f"{i}. {e['step']} _({e['source']})_" for i, e in enumerate(d["explanation"], 1)]
    suggested = _suggested_context(d)
    for a in d["assessments"]:
        out += [
            "",
            f"### ACR variant {a['variant']} ({a['purpose']})",
            "",
            f"_{a['title']}_",
            "",
            "| Procedure | Category | Rating | Radiation | Adult dose (mSv) |",
            "|---|---|---|---|---|",
        ]
        out += [
            f"| {p['procedure']} | {p['category']}"
            + (
                f" (for patients without symptoms; suggested here for {suggested[(a['variant'], p['procedure'])]})"
                if (a["variant"], p["procedure"]) in suggested
                else ""
            )
            + f" | {p['median_rating']} | {_rrl(p['rrl'])} | {p['adult_dose_msv']} |"
            for p in a["procedures"]
        ]
    out += ["", f"_Knowledge: {d['knowledge_version']}. Decision support, not a substitute for clinical judgement._"]
    return "\n".join(out) + "\n"
