"""Presentation helpers for the web pages: radiation symbols, citations, procedure tables.

Nothing here decides: it formats what the decision (the core output) already says.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

from rightscan.adapters.render import SHORT_CATEGORY, VERDICT_LABEL
from rightscan.application import Knowledge, StagingTables

RRL_MAX = 5
RRL_SYMBOL = "☢"
# The ACR prints a letter O for "no ionising radiation"; on screen it reads as a zero or a letter, so the
# page draws a slashed circle, always with the words in its accessible name and tooltip.
NO_RADIATION = "⊘"
VERDICT_SHORT = {
    "not_recommended": "Not recommended",
    "recommended": "Recommended",
    "individualize": "Individualise",
    "targeted": "Targeted imaging",
    "not_applicable": "Not applicable",
    "undetermined": "Undetermined",
}
CATEGORY_SHORT = SHORT_CATEGORY  # one spelling of the ACR category abbreviations (adapters.render)


def rrl_level(symbol: str | None) -> int | None:
    """'☢☢☢☢' -> 4, 'O' -> 0, None -> None (not rated)."""
    if not symbol:
        return None
    return symbol.count(RRL_SYMBOL)


def dose_text(dose: str | None) -> str:
    """'10-30' -> '10–30 mSv' (an en dash for a range)."""
    if dose is None:
        return "dose not rated"
    return f"{_range(dose)} mSv"


def rrl_label(symbol: str | None, dose: str | None) -> str:
    """The accessible name of a radiation level: 'relative radiation level 4 of 5, 10–30 mSv'."""
    level = rrl_level(symbol)
    if level is None:
        return "relative radiation level not rated by the ACR"
    if level == 0:
        return f"relative radiation level 0 of {RRL_MAX}, no ionising radiation (0 mSv)"
    return f"relative radiation level {level} of {RRL_MAX}, {dose_text(dose)}"


def rrl_html(symbol: str | None, dose: str | None, with_dose: bool = True) -> Markup:
    """The radiation symbols as the ACR draws them, with their accessible label and the dose range."""
    label = rrl_label(symbol, dose)
    level = rrl_level(symbol)
    if level is None:
        return Markup('<span class="rrl rrl-none">not rated</span>')
    shown = NO_RADIATION if level == 0 else RRL_SYMBOL * level
    out = Markup('<span class="rrl rrl-{level}" role="img" aria-label="{label}" title="{label}">{shown}</span>').format(
        level=level, label=label, shown=shown
    )
    if with_dose:
        out += Markup(' <span class="dose" aria-hidden="true">{}</span>').format(dose_text(dose))
    return out


# ------------------------------------------------------------------------------------------ legends
def _range(text: str) -> str:
    return text.replace("-", "–")  # an en dash for a range


def rating_legend(kb: Knowledge, *, short: bool) -> str:
    """The topic's rating scale in words, best band first. ``short``: led by the category abbreviation,
    as under a table of ratings ('UA usually appropriate (7–9), …'); else led by the range ('7–9 usually
    appropriate, …')."""
    if short:
        return ", ".join(
            f"{CATEGORY_SHORT[b.category]} {b.category.lower()} ({b.lowest}–{b.highest})" for b in kb.rating_scale
        )
    return ", ".join(f"{b.lowest}–{b.highest} {b.category.lower()}" for b in kb.rating_scale)


def radiation_legend(kb: Knowledge) -> str:
    """The ACR relative radiation levels with their adult effective-dose bands: '⊘ none, ☢ <0.1 mSv,
    ☢☢ 0.1–1, …, ☢☢☢☢☢ 30–100 mSv' (the unit after the first and the last band)."""
    parts = [f"{NO_RADIATION} none" for b in kb.rrl_scale if b.level == 0]
    rated = [b for b in kb.rrl_scale if b.level > 0]
    for n, b in enumerate(rated):
        unit = " mSv" if n in (0, len(rated) - 1) else ""
        parts.append(f"{b.symbol} {_range(b.adult_dose_msv)}{unit}")
    return ", ".join(parts)


def legends(kb: Knowledge) -> dict[str, str]:
    """The legends the pages show next to ratings and radiation symbols, from the knowledge (memoised)."""

    def build() -> dict[str, str]:
        return {
            "rating_legend": rating_legend(kb, short=True),
            "rating_ranges": rating_legend(kb, short=False),
            "radiation_legend": radiation_legend(kb),
        }

    return kb.remember(("web", "legends"), build)  # type: ignore[no-any-return]


def category_class(category: str | None) -> str:
    return "cat-" + re.sub(r"[^a-z]+", "-", (category or "none").lower()).strip("-")


def pretty(text: str) -> str:
    """Typography for display: ' - ' -> ' — ', ' -> ' -> ' → ', codes with underscores as words."""
    text = text.replace(" -> ", " → ").replace(" - ", " — ")
    return re.sub(r"\b([a-z]+)_([a-z_]+)\b", lambda m: m.group(0).replace("_", " "), text)


# ------------------------------------------------------------------------------------------ sources
def cite_anchor(source: str) -> str:
    """The /sources anchor for a source string as the core writes it."""
    s = source.lower()
    if "radiation dose" in s or "relative radiation" in s:
        return "acr-rrl"
    if s.startswith("acr") or "acr topic" in s or "acr ac" in s:
        m = re.search(r"variants? (\d+)", s)
        return f"acr-variant-{m.group(1)}" if m else "acr-310"
    if "ajcc" in s:
        return "ajcc8"
    if "nccn" in s:
        return "nccn"
    if "esmo" in s:
        return "esmo"
    if "european commission" in s:
        return "ecibc"
    if "asco" in s:
        return "asco"
    if "ncrp" in s:
        return "ncrp160"
    return "sources"


def cite_html(sources: str | list[str] | tuple[str, ...]) -> Markup:
    """One or more source strings -> linked citations (the ';'-joined form of the core is split)."""
    items = [sources] if isinstance(sources, str) else list(sources)
    parts: list[str] = []
    for item in items:
        parts += [p.strip() for p in item.split("; ") if p.strip()]
    links = [
        Markup('<a class="cite" href="/sources#{anchor}">{text}</a>').format(anchor=cite_anchor(p), text=p)
        for p in parts
    ]
    return Markup('<span class="sources">Source: {}</span>').format(Markup("; ").join(links))


class Footnotes:
    """Numbered source notes for one decision card: each statement carries small numbers ([1], [2]) that
    point to one list of sources at the end of the card, instead of a citation after every line."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.items: list[tuple[str, str, str]] = []  # (id, source text, /sources anchor)
        self._number: dict[str, int] = {}

    def cite(self, sources: str | list[str] | tuple[str, ...]) -> Markup:
        items = [sources] if isinstance(sources, str) else list(sources)
        parts: list[str] = []
        for item in items:
            parts += [p.strip() for p in item.split("; ") if p.strip()]
        refs = []
        for part in parts:
            n = self._number.get(part)
            if n is None:
                n = self._number[part] = len(self.items) + 1
                self.items.append((f"{self.prefix}-{n}", part, cite_anchor(part)))
            refs.append(Markup('<a class="fn" href="#{p}-{n}" title="{t}">{n}</a>').format(p=self.prefix, n=n, t=part))
        if not refs:
            return Markup("")
        return Markup('<sup class="fnrefs"><span class="visually-hidden">sources </span>{}</sup>').format(
            Markup(",").join(refs)
        )


def footnotes(item: int | str = 0) -> Footnotes:
    return Footnotes(f"src-{item}")


def clinical_words(kb: Knowledge) -> Any:
    """A filter that writes contract paths (``tumor.n``) and codes (``new_diagnosis``) in clinical words
    (the form's labels, "Clinical N (cN)"), for text shown to clinicians."""
    from rightscan.adapters import web_form

    path = re.compile(r"\b(?:tumor|pathology|labs|tumor_markers)\.[a-z0-9_]+(?:\.[a-z0-9_]+)?\b")

    def words(text: str) -> str:
        return pretty(path.sub(lambda m: web_form.label_of(kb, m.group(0)), text))

    return words


# The quick view asks about regional nodes in words, for clinicians who do not think in TNM: each option
# is the AJCC 8 clinical N category it stands for (its code is shown too). Categories without a phrase
# here (N1mi, N2, N3: umbrella or pathological-only) keep their code.
def quick_n_options(staging: StagingTables) -> list[tuple[str, str]]:
    """The clinical N categories the knowledge file describes in plain words, each with its code."""
    return [(n, f"{staging.n_in_words[n]} (c{n})") for n in staging.n_categories if n in staging.n_in_words]


def suggestion_hint(kb: Knowledge, query: str, names: list[str]) -> dict[str, Any]:
    """The study field's hint after the evaluator refused the text: its close matches, as buttons."""
    from rightscan.adapters.web_form import ProcedureMatch

    by_name = {p.name: p for p in kb.procedures.values()}  # the resolver's choices are catalogue studies
    matches = [ProcedureMatch(by_name[n], n) for n in names if n in by_name]
    return {"query": query.strip(), "resolved": None, "matches": matches}


def answer_class_of(kb: Knowledge) -> Any:
    """The colour of the answer about the study considered (the template's ``answer_class``): green for
    the topic's highest rating band, red for its lowest, amber between (knowledge file ``rating_scale``;
    the loader checks that every category, a qualified one too, lies in its band); a study that targets
    a red flag counts as appropriate; anything else (not rated, undetermined) is neutral."""

    def build() -> Any:
        bands = sorted(kb.rating_scale, key=lambda b: -b.lowest)
        last = len(bands) - 1
        colour = {
            n: "answer-good" if i == 0 else "answer-bad" if i == last else "answer-maybe"
            for i, b in enumerate(bands)
            for n in range(b.lowest, b.highest + 1)
        }

        def answer_class(order: dict[str, Any] | None) -> str:
            if not order:
                return "answer-neutral"
            if order.get("indicated_by_red_flags"):
                return "answer-good"
            medians = {r.get("median_rating") for r in order.get("ratings") or [] if r.get("category")}
            if order.get("category"):
                medians = {order.get("median_rating")}
            classes = {colour.get(m, "answer-neutral") for m in medians}
            return classes.pop() if len(classes) == 1 else "answer-neutral"

        return answer_class

    return kb.remember(("web", "answer_class"), build)


# ------------------------------------------------------------------------------------------ tables
SORTS = ("rating", "radiation")


def procedure_tables(decision: dict[str, Any], sort: str = "rating") -> list[dict[str, Any]]:
    """Every applicable variant with all its procedures, sorted, the considered study marked."""
    considered = (decision.get("order") or {}).get("procedure")
    # a study RightScan suggests for a red flag, rated low by a variant: why that rating does not apply
    contexts = {
        (r["variant"], x["procedure"]): r["context"]
        for x in decision.get("targeted_imaging") or []
        for r in x["acr_ratings"]
        if r.get("context")
    }
    tables = []
    for a in decision.get("assessments", []):
        rows = []
        for p in a["procedures"]:
            level = rrl_level(p["rrl"])
            rows.append(
                {
                    **p,
                    "rrl_level": level,
                    "considered": p["procedure"] == considered,
                    "red_flag_context": contexts.get((a["variant"], p["procedure"])),
                }
            )
        if sort == "radiation":
            rows.sort(key=lambda r: (r["rrl_level"] if r["rrl_level"] is not None else 99, -r["median_rating"]))
        else:
            rows.sort(key=lambda r: (-r["median_rating"], r["rrl_level"] if r["rrl_level"] is not None else 99))
        tables.append({"variant": a["variant"], "purpose": a["purpose"], "title": a["title"], "rows": rows})
    return tables


def variants_for_sources(kb: Knowledge) -> list[dict[str, Any]]:
    return [
        {
            "number": v.number,
            "title": v.title,
            "purpose": v.purpose,
            "rows": [r.as_dict | {"rrl_level": r.rrl_level} for r in v.ratings],
        }
        for v in kb.variants
    ]


# What the templates may call, by the name they call it: helpers and labels (globals), and filters.
TEMPLATE_GLOBALS: dict[str, Any] = {
    "rrl": rrl_html,
    "rrl_label": rrl_label,
    "cite": cite_html,
    "verdict_label": VERDICT_LABEL,
    "verdict_short": VERDICT_SHORT,
    "category_short": CATEGORY_SHORT,
    "footnotes": footnotes,
    "no_radiation": NO_RADIATION,
}
TEMPLATE_FILTERS: dict[str, Any] = {"pretty": pretty, "category_class": category_class, "dose": dose_text}


def install(templates: Any) -> None:
    """Register the helpers with a Jinja2Templates environment."""
    templates.env.globals.update(TEMPLATE_GLOBALS)
    templates.env.filters.update(TEMPLATE_FILTERS)
