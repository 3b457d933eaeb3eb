"""Decision dict -> text for a clinician, or Markdown. (JSON is the dict itself, via orjson.)"""

from __future__ import annotations

from functools import cache
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


# One template per format; the helpers above compute the few lines that carry logic (the stage line, the
# verdict, the order's ratings), the templates lay them out.
_SECTIONS = (("considerations", "Why"), ("next_steps", "Next steps"), ("pitfalls", "Pitfalls"))


@cache
def _templates() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(
        loader=PackageLoader("rightscan.adapters", "templates"),
        autoescape=False,  # plain text and Markdown, never HTML
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )


def _render(name: str, d: dict[str, Any], **extra: Any) -> str:
    return _templates().get_template(name).render(d=d, sections=_SECTIONS, **extra)


def _decision(name: str, d: dict[str, Any]) -> str:
    return _render(
        name,
        d,
        verdict=_verdict_line(d),
        stage=_stage_line(d["stage"]),
        order_lines=_order_lines(d["order"]) if d["order"] else [],
        suggested=_suggested_context(d),
        short=SHORT_CATEGORY,
        rrl=_rrl,
    )


def to_text(d: dict[str, Any]) -> str:
    if "topic" in d:
        return _render("topic.j2", d, md=False)
    return _decision("decision.txt.j2", d)


def to_markdown(d: dict[str, Any]) -> str:
    if "topic" in d:
        return _render("topic.j2", d, md=True)
    return _decision("decision.md.j2", d)
