"""Mentions -> ``Extraction``: apply the context policies, settle each field, build the facts.

No spaCy here. The policies come from ``context.yaml`` (what negation, family history ... do to
each family of mentions) and the settling rules from ``fields.yaml`` (what happens when several
mentions speak about one field). A field the mentions disagree on is left out of the facts and
reported in ``conflicts`` with every mention behind it.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from rightscan.adapters.text.model import Extraction, Mention
from rightscan.adapters.text.rules import STRENGTH_RANK, FieldRule, Rules
from rightscan.adapters.text.values import FACT, NOTE, UNPARSED, Finding
from rightscan.domain.setting import treated_cancer_setting
from rightscan.domain.vocabulary import TOP_FIELDS, TUMOR_FIELDS

ACCEPTED, IGNORED, UNCERTAIN, GATED = "accepted", "ignored", "uncertain", "gated"
FIELD_ORDER = TOP_FIELDS  # the input contract's order
TUMOR_ORDER = TUMOR_FIELDS
_REASONS = {
    "negated": "negated",
    "historical": "in the past or resolved",
    "hypothetical": "hypothetical (if, should she develop ...)",
    "family": "about a relative or another person",
    "explained": "chronic or explained by another cause",
    "uncertain": "uncertain (possible, suspected, rule out ...)",
    "question": "asked as a question",
    "proposed": "planned or proposed, not done",
    "performed": "a study already done",
    "past": "done in the past",
    "purpose": "the aim of a test (rule out, evaluate for), not a finding",
    "warning": "with a warning qualifier (new, progressive, at night, different from usual, no trauma)",
    "declined": "declined, cancelled or not ordered",
}


@dataclass(slots=True)
class _Candidate:
    field: str
    value: Any
    mention: Mention
    finding: Finding
    used: bool = True
    reason: str | None = None
    strength: str | None = None  # overrides the mention's strength (a value derived for another field)

    @property
    def rank(self) -> int:
        return STRENGTH_RANK[self.strength or self.mention.strength]


def _status(rules: Rules, m: Mention) -> tuple[str, str | None]:
    policy = rules.policies[m.family]
    effects = m.effects
    if "negated" in effects and m.negated_value is not None and not effects & {"family", "hypothetical"}:
        return ACCEPTED, "negated mention read as its negated value"
    for effect in policy.ignore:
        if effect in effects and not effects & set(policy.overridden_by.get(effect, ())):
            return IGNORED, _REASONS[effect]
    for effect in policy.to_unparsed:
        if effect in effects:
            # only a suspected finding stands for its uncertain value (a suspected metastasis after surgery is a
            # suspected recurrence); one named only in a plan ("receptors on the metastasis") is not used at all
            gated = m.uncertain_value and effect != "proposed"
            return (GATED if gated else UNCERTAIN), _REASONS[effect]
    if policy.require_one_of and not effects & set(policy.require_one_of):
        return IGNORED, f"no cue found ({' or '.join(policy.require_one_of)})"
    return ACCEPTED, None


def _same(a: Any, b: Any, tolerance: float) -> bool:
    if isinstance(a, float | int) and isinstance(b, float | int) and not isinstance(a, bool):
        return abs(float(a) - float(b)) <= tolerance + 1e-9
    return bool(a == b)


def _distinct(values: list[Any], tolerance: float) -> list[Any]:
    out: list[Any] = []
    for v in values:
        if not any(_same(v, o, tolerance) for o in out):
            out.append(v)
    return out


def _settle(rule: FieldRule, cands: list[_Candidate]) -> tuple[Any, bool]:
    """(value, conflict) for one field; marks the candidates that did not make the value."""
    live = [c for c in cands if c.used]
    if any(not c.finding.provisional for c in live):
        for c in live:
            if c.finding.provisional:
                c.used, c.reason = False, "provisional result superseded by a final one"
        live = [c for c in live if c.used]
    if not live:
        return None, False
    best = min(c.rank for c in live)
    for c in live:
        if c.rank > best:
            c.used, c.reason = False, "outweighed by a more explicit mention"
    live = [c for c in live if c.used]
    how = rule.resolve_derived if (best == STRENGTH_RANK["derived"] and rule.resolve_derived) else rule.resolve
    values = [c.value for c in live]
    if how == "union":
        return _distinct(values, 0.0), False
    if how == "priority":
        chosen = next(v for v in rule.order if v in values)
    elif how == "highest":
        present = set(values)
        for needed, gives in rule.combine:
            if needed <= present:
                present.add(gives)
        chosen = max(present, key=lambda v: rule.order.index(v) if v in rule.order else -1)
        contributing = {chosen} | next((set(n) for n, g in rule.combine if g == chosen and n <= set(values)), set())
        for c in live:
            if c.value not in contributing:
                c.used, c.reason = False, "a higher category was also described"
        return chosen, False
    elif how == "tiers":
        tier = next(t for t in rule.tiers if any(v in t for v in values))
        in_tier = [v for v in values if v in tier]
        distinct = _distinct(in_tier, rule.tolerance)
        if len(distinct) > 1:
            return None, True
        chosen = distinct[0]
    else:  # single
        distinct = _distinct(values, rule.tolerance)
        if len(distinct) > 1:
            return None, True
        chosen = distinct[0]
    for c in live:
        if not _same(c.value, chosen, rule.tolerance):
            c.used, c.reason = False, "outweighed by a more specific value"
    return chosen, False


def _put(facts: dict[str, Any], fieldname: str, value: Any) -> None:
    head, _, tail = fieldname.partition(".")
    if tail:
        facts.setdefault(head, {})[tail] = value
    else:
        facts[head] = value


def _ordered(facts: dict[str, Any]) -> dict[str, Any]:
    out = {k: facts[k] for k in FIELD_ORDER if k in facts}
    if "tumor" in out:
        out["tumor"] = {k: out["tumor"][k] for k in TUMOR_ORDER if k in out["tumor"]}
    return out


def assemble(rules: Rules, mentions: list[Mention], procedure_names: dict[str, str]) -> Extraction:
    cands: list[_Candidate] = []
    gated: list[Mention] = []
    to_confirm: list[dict[str, Any]] = []
    unclear_orders: list[Mention] = []

    def confirm(fieldname: str, values: list[Any], reason: str, ms: list[Mention]) -> None:
        for item in to_confirm:
            if item["field"] == fieldname and item["reason"] == reason:
                item["values"] = _distinct([*item["values"], *values], 0.0)
                item["evidence"] += [_where(m) for m in ms]
                return
        to_confirm.append({"field": fieldname, "values": values, "reason": reason, "evidence": [_where(m) for m in ms]})

    evidence_only: list[tuple[Mention, Finding, str | None]] = []
    unparsed: list[dict[str, Any]] = []

    def add_unparsed(m: Mention, fieldname: str, reason: str) -> None:
        unparsed.append(
            {"field": fieldname, "reason": reason, "start": m.start, "end": m.end, "text": m.sentence, "rule": m.rule}
        )

    done_sentences = _completed_surgery_sentences(rules, mentions)
    other_cancer = {m.sentence for m in mentions if m.family == "other_cancer" and _status(rules, m)[0] == ACCEPTED}
    for m in mentions:
        status, why = _status(rules, m)
        if m.family in _SURGERY_FAMILIES and m.sentence in other_cancer:  # "melanoma L calf 2015 (WLE)"
            status, why = IGNORED, "the operation of another cancer named in its sentence"
        if (
            status == IGNORED
            and m.family == "surgery"
            and why
            and why.startswith("no cue")
            and (m.sentence in done_sentences or _DATED.search(m.sentence))
        ):
            status, why = ACCEPTED, "completed: dated, or named with treatment already given"
        for f in m.findings:
            if f.kind == NOTE:
                evidence_only.append((m, f, f.reason))
                continue
            if status == IGNORED:
                if f.kind == FACT:
                    cands.append(_Candidate(f.field, f.value, m, f, used=False, reason=why))
                continue
            if f.kind == UNPARSED:
                add_unparsed(m, f.field, f.reason or "not understood")
                if status == ACCEPTED and m.confirm_values:  # a value the mention leaves possible may flip it
                    confirm(f.field, list(m.confirm_values), f.reason or "not understood", [m])
                if f.field == "order" and status == ACCEPTED:
                    unclear_orders.append(m)  # a study considered, but which one is not said
                continue
            if status == UNCERTAIN:
                add_unparsed(m, f.field, f"{why}: not used as a fact")
                cands.append(_Candidate(f.field, f.value, m, f, used=False, reason=why))
                if rules.confirms(f.field) and f.value is not None and "uncertain" in m.effects:
                    confirm(f.field, [f.value], "stated as uncertain", [m])
                continue
            if status == GATED:
                cands.append(_Candidate(f.field, f.value, m, f, used=False, reason=why))
                continue
            value = f.value
            if m.negated_value is not None and "negated" in m.effects:
                value = m.negated_value
            # a size felt on examination, or of an earlier lesion ("fibroadenoma 1.2 cm, 2009"), gives way to a
            # measured one
            weaker = "derived" if f.field == "tumor.size_cm" and m.effects & _WEAKER_SIZE else None
            cands.append(_Candidate(f.field, value, m, f, reason=why, strength=weaker))
        if status == GATED:
            gated.append(m)

    _explained_later(cands, mentions, rules)
    _declined_studies(cands)
    by_field: dict[str, list[_Candidate]] = {}
    for c in cands:
        by_field.setdefault(c.field, []).append(c)
    facts: dict[str, Any] = {}
    conflicts: list[dict[str, Any]] = []

    def settle(fieldname: str) -> None:
        group = by_field.get(fieldname, [])
        value, conflict = _settle(rules.field_rule(fieldname), group)
        if conflict:
            live = [c for c in group if c.used]
            conflicts.append(
                {
                    "field": fieldname,
                    "reason": "the note gives different values; the field is left out of the facts",
                    "values": [_evidence(c, procedure_names) for c in live],
                }
            )
            for c in live:
                c.used, c.reason = False, "conflicting values"
            if rules.confirms(fieldname):
                confirm(fieldname, _distinct([c.value for c in live], 0.0), "the note gives different values",
                        [c.mention for c in live])  # fmt: skip
        elif value is not None:
            _put(facts, fieldname, value)

    # prior surgery first: an uncertain metastasis becomes a suspected distant recurrence only after surgery
    settle("prior_surgery")
    for m in gated:
        field, val = m.uncertain_value  # type: ignore[misc]
        if all(_has(facts, f) for f in m.only_if_uncertain):
            f = Finding(field, val)
            by_field.setdefault(field, []).append(
                _Candidate(
                    field, val, m, f, reason="uncertain distant finding after breast surgery", strength="explicit"
                )
            )
        else:
            for f in m.findings:
                add_unparsed(m, f.field, "uncertain mention (suspected, rule out, ?): not used as a fact")
                if rules.confirms(f.field) and f.value is not None and "uncertain" in m.effects:
                    confirm(f.field, [f.value], "suspected, not proven", [m])
    settle("setting")
    assumptions = _infer_setting(rules, mentions, facts, cands, gated)
    setting = facts.get("setting")
    for c in cands:
        if c.used and setting is not None and setting in c.mention.unless_setting:
            c.used, c.reason = False, f"describes the current finding in a {setting.replace('_', ' ')} note"
        elif c.used and any(f in facts for f in c.mention.unless_facts):
            c.used, c.reason = False, "after breast surgery: not read as the clinical category of a primary"
    _pathology_size_after_surgery(rules, facts, by_field.get("tumor.size_cm", []), mentions)
    for fieldname in by_field:
        if fieldname not in ("prior_surgery", "setting"):
            settle(fieldname)
    sizes = [c for c in by_field.get("tumor.size_cm", []) if c.used]
    if (
        (facts.get("tumor") or {}).get("histology") == "DCIS"
        and "size_cm" in facts["tumor"]
        and not any(
            _INVASIVE.search(c.mention.sentence) and not _NOT_INVASIVE.search(c.mention.sentence) for c in sizes
        )
    ):
        # in situ only: a size is the DCIS extent, never an invasive tumour's (annotation guide 2, tumor.size_cm)
        facts["tumor"].pop("size_cm")
        for c in sizes:
            c.used, c.reason = False, "in situ carcinoma only: a size is its extent, not an invasive tumour's"
    if "order" in facts and unclear_orders:  # two studies considered, one of them ambiguous: no single order
        conflicts.append({"field": "order", "reason": "another study is considered too (named ambiguously); the "
                          "field is left out of the facts", "values": [_where(m) for m in unclear_orders]})  # fmt: skip
        facts.pop("order")
    if "order" in facts:
        facts["order"] = procedure_names.get(facts["order"], facts["order"])

    evidence = [_evidence(c, procedure_names) for c in cands]
    for m, f, note in evidence_only:
        evidence.append(
            {
                "field": f.field,
                "value": f.value,
                "start": m.start,
                "end": m.end,
                "text": m.sentence,
                "rule": m.rule,
                "used": False,
                "context": sorted(m.effects),
                "reason": note,
            }
        )
    evidence.sort(key=lambda e: (e["start"], e["end"], e["field"]))
    seen = set()
    unique_unparsed = []
    for u in sorted(unparsed, key=lambda u: (u["start"], u["field"])):
        key = (u["field"], u["start"], u["end"], u["reason"])
        if key not in seen:
            seen.add(key)
            unique_unparsed.append(u)
    return Extraction(
        facts=_ordered(facts),
        evidence=evidence,
        conflicts=conflicts,
        unparsed=unique_unparsed,
        rules_version=rules.version,
        assumptions=assumptions,
        to_confirm=[i for i in to_confirm if not _already_present(i, facts)],
    )


CLUES = ("treatment", "new_local", "new_distant", "pending", "followup", "other_cancer", "perioperative", "workup",
         "cancer_named", "preop_systemic", "known_metastatic")  # fmt: skip
RECURRENCE = ("suspected_local_recurrence", "suspected_distant_recurrence")
# an earlier year, a number of years, or six months or more ("18 months ago"): treatment that is not days old
_YEARS = re.compile(
    r"\b(?:19[5-9]\d|20[0-2]\d)\b|\b\d+\s*(?:y|yr|yrs|years?)\b(?!\s*old)|\bremote\b"
    r"|\b(?:[6-9]|[1-9]\d)\s*(?:mo|mos|months)\b(?!\s*old)",
    re.IGNORECASE,
)
_PROOF = ("tumor.histology", "tumor.er", "tumor.pr", "tumor.her2", "tumor.grade", "pathology.t", "pathology.n")


def _infer_setting(
    rules: Rules, mentions: list[Mention], facts: dict[str, Any], cands: list[_Candidate], gated: list[Mention]
) -> list[dict[str, Any]]:
    """The setting by clinical meaning, when the note's words do not settle it.

    - treated breast cancer (completed breast surgery, treatment given, a cancer of an earlier year)
      with a new finding suggesting distant spread (a red-flag symptom, a new lung or bone lesion, a
      suspected metastasis, rising liver tests) -> suspected distant recurrence; with a new finding in
      the breast, chest wall, skin or regional nodes -> suspected local recurrence; otherwise surveillance;
    - an untreated cancer proven by tissue (a histological type, receptors or grade) and described as
      being worked up (a biopsy, a referral, a surgical or neoadjuvant plan) -> new diagnosis (a note
      that does not say whether the cancer was treated keeps no setting);
    - just operated with adjuvant treatment to come (post-operative course, final pathology, "before
      chemo") and no earlier treatment -> new diagnosis;
    - a stated setting stands, except a new diagnosis inferred from "staging" while the biopsy is
      pending (nothing is proven yet) and a stated surveillance with a new suspicious finding.

    Each inferred setting is returned as an assumption with its evidence (the caller may override it);
    a note that says too little keeps no setting, and the decision then asks for it."""
    by: dict[str, list[Mention]] = {f: [] for f in CLUES}
    for m in mentions:
        if m.family in by and _status(rules, m)[0] == ACCEPTED:
            by[m.family].append(m)
    other = {m.sentence for m in by["other_cancer"]}
    treatment = [m for m in by["treatment"] if m.sentence not in other]
    earlier = [  # a cancer of the past ("hx of IDC", "ILC dx 2018"); a synoptic "Procedure:" line is not one
        c.mention
        for c in cands
        if c.field == "tumor.histology"
        and c.used
        and ("historical" in c.mention.effects or ("past" in c.mention.effects and _YEARS.search(c.mention.sentence)))
    ]
    surgery = [c.mention for c in cands if c.field == "prior_surgery" and c.used]
    # surgery of earlier years ("s/p lumpectomy 2019", "4 y s/p mastectomy") is a treated cancer in follow-up;
    # surgery alone may be days old (a post-operative note), which says nothing of the setting yet
    old_surgery = [m for m in surgery if _YEARS.search(m.sentence)]
    long_ago = treatment + earlier + old_surgery
    symptoms = [c.mention for c in cands if c.field == "symptoms" and c.used]
    distant = by["new_distant"] + symptoms + [m for m in gated if "uncertain" in m.effects]
    nodes = [
        c.mention for c in cands if c.field == "tumor.n" and c.used and c.value != "N0" and c.mention.family == "node"
    ]
    local = by["new_local"] + nodes  # regional nodes described in words: a new regional finding
    proven = sorted({c.field for c in cands if c.used and c.field in _PROOF})  # fields are settled later
    staged = [c.mention for c in cands if c.used and c.field in ("tumor.t", "tumor.n", "order")]
    workup = by["workup"] + staged  # clinical categories or a study asked for: a cancer being staged
    stated = facts.get("setting")
    inferred: tuple[str, str, list[Mention]] | None = None
    # metastases the note calls known ("known metastatic ER+ ILC on fulvestrant"): new lesions are progression and
    # the question is restaging, not one of the staging settings; a recurrence named only in the history stays history
    said = [c.mention for c in cands if c.field == "setting" and c.used]
    if by["known_metastatic"] and all(m.effects & {"past", "historical"} for m in said):
        facts.pop("setting", None)
        why = "metastatic disease already known: a restaging question, not one of the staging settings"
        return _left_open(why, by["known_metastatic"])
    if stated in RECURRENCE:
        return []
    current = [c.mention for c in cands if c.field == "tumor.histology" and c.used
               and not c.mention.effects & {"past", "historical"}]  # fmt: skip
    worked_up = {m.sentence for m in by["workup"]}
    new_primary = [m for m in current if m.sentence in worked_up and m.sentence not in {t.sentence for t in long_ago}]
    underway = [m for m in by["preop_systemic"] if not _YEARS.search(m.sentence)]  # "s/p neoadjuvant 2017": treated
    # "staging" said of the diagnosis ("Staging at dx: CT CAP negative") while neoadjuvant treatment is under way
    # names no current setting either
    staging_only = stated == "new_diagnosis" and said and all(m.family == "setting_staging" for m in said)
    if (stated is None or staging_only) and underway and not long_ago:
        facts.pop("setting", None)
        return _left_open("neoadjuvant treatment under way or completed: staging belonged to the diagnosis", underway)
    if stated is None and surgery and by["perioperative"] and by["pending"] and not facts.get("pathology"):
        why = "just operated, final pathology pending: whether post-operative staging is needed waits for it"
        return _left_open(why, surgery + by["pending"])
    if surgery and by["perioperative"] and long_ago and not (distant or local):
        return []  # just operated and an earlier cancer too: which one the note is about is not said
    if surgery and by["perioperative"] and not long_ago:
        inferred = ("new_diagnosis", "operated, adjuvant treatment still to come: the cancer is still being treated "
                    "for the first time", surgery + by["perioperative"])  # fmt: skip
    elif long_ago and not distant and (other_side := _other_breast(long_ago, current + local)):
        # the earlier cancer was in one breast, the new proven cancer or finding is in the other: a new primary
        if current:
            inferred = ("new_diagnosis", "a new cancer in the other breast, proven by tissue, after an earlier treated "
                        "one in the opposite breast", other_side)  # fmt: skip
        else:
            facts.pop("setting", None)
            return _left_open("a new finding in the other breast than the treated cancer: a new primary or not is "
                              "not proven yet", other_side)  # fmt: skip
    elif long_ago and new_primary and stated is None and not (distant or local):
        inferred = ("new_diagnosis", "a new cancer proven by tissue and being worked up, after an earlier treated "
                    "one", new_primary)  # fmt: skip
    elif long_ago or (surgery and (distant or local)):
        treated = long_ago or surgery  # the domain's rule for a treated cancer, the same as for a coded record
        found = treated_cancer_setting(distant_finding=bool(distant), local_finding=bool(local))
        if found.setting != "surveillance" or stated is None:
            seen = distant if distant else local if local else by["followup"]
            inferred = (str(found.setting), found.reason, treated + seen)
    elif surgery:
        return []  # operated, nothing said of what comes next: the setting stays open
    elif stated == "new_diagnosis" and by["pending"] and not proven:
        facts.pop("setting")
        return [{"field": "setting", "value": None, "reason": "the biopsy is pending: no proven cancer yet, setting "
                 "left open", "evidence": [_where(m) for m in by["pending"]]}]  # fmt: skip
    elif (
        stated is None
        and not proven
        and by["cancer_named"]
        and (by["workup"] or by["perioperative"])
        and not by["pending"]
    ):
        inferred = ("new_diagnosis", "a breast cancer named as the patient's, with treatment still to come",
                    by["cancer_named"][:1] + (by["workup"] + by["perioperative"])[:2])  # fmt: skip
    elif stated is None and proven and workup:  # a pending biopsy elsewhere does not unprove the cancer
        inferred = ("new_diagnosis", f"a cancer proven by tissue ({', '.join(proven)}), being worked up, with no "
                    "treatment described", workup[:3])  # fmt: skip
    if inferred is None or inferred[0] == stated:
        return []
    value, reason, evidence = inferred
    facts["setting"] = value
    return [{"field": "setting", "value": value, "reason": reason + "; inferred, not stated: override if wrong",
             "evidence": [_where(m) for m in evidence]}]  # fmt: skip


_LEFT = re.compile(r"\bleft\b|(?<![A-Za-z/])L(?![A-Za-z/])")
_RIGHT = re.compile(r"\bright\b|(?<![A-Za-z/])R(?![A-Za-z/])")


def _sides(sentence: str) -> set[str]:
    low_word = sentence.lower()
    found = set()
    if _LEFT.search(sentence) or re.search(r"\bleft\b", low_word):
        found.add("left")
    if _RIGHT.search(sentence) or re.search(r"\bright\b", low_word):
        found.add("right")
    return found


def _other_breast(treated: list[Mention], new: list[Mention]) -> list[Mention]:
    """The new findings that lie in the other breast than the treated cancer (each sentence naming one side only);
    empty unless every side-naming sentence of the treated cancer names one and the same side, and no new
    finding names the treated side."""
    treated_sides = [_sides(m.sentence) for m in treated]
    named = {frozenset(x) for x in treated_sides if x}
    if len(named) != 1 or len(next(iter(named))) != 1:
        return []
    side = next(iter(next(iter(named))))
    treated_sentences = {m.sentence for m in treated}
    fresh = [(m, _sides(m.sentence)) for m in new if m.sentence not in treated_sentences]
    if any(side in sides for _, sides in fresh):
        return []
    return [m for m, sides in fresh if sides and side not in sides]


def _pathology_size_after_surgery(
    rules: Rules, facts: dict[str, Any], sizes: list[_Candidate], mentions: list[Mention]
) -> None:
    """After breast surgery for this cancer the final pathology size is the current one (annotation guide 2): a
    size given in a sentence about imaging or the time before the operation ("pre-op US 2.9 cm", "2.0 cm on US")
    gives way when the note also gives a size without such words. A single size, of any kind, stays."""
    if "prior_surgery" not in facts or facts.get("setting") in (*RECURRENCE, "surveillance"):
        return
    live = [c for c in sizes if c.used]
    if len(live) < 2:
        return
    words = _before_surgery_words(rules)
    studied = {m.sentence for m in mentions if m.family == "procedure"}
    before = [
        c for c in live if c.mention.sentence in studied or any(p.search(c.mention.sentence.lower()) for p in words)
    ]
    if before and len(before) < len(live):
        for c in before:
            c.strength = "derived"


# a year in a surgery's sentence ("lumpectomy 02/2021", "WLE and SNB March 2022"), a dated heading ("Procedures 11/24:
# mastectomy") or a post-operative day: the operation is dated, so done (a planned one carries a cue of its own:
# planned, scheduled, booked ...; a day and month alone may be a future date, "scheduled 12/10", and is not enough)
_DATED = re.compile(
    r"\b(?:19[5-9]\d|20[0-4]\d)\b|(?<![\d/])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?:/\d{2,4})?\s*:"
    r"|\bPOD\s*#?\d|\bpost-?op(?:erative)?\s+day\b",
    re.IGNORECASE,
)


def _completed_surgery_sentences(rules: Rules, mentions: list[Mention]) -> set[str]:
    """Sentences that name breast-cancer treatment already given ("lumpectomy + SLNB, adjuvant TC x4, PMRT"): a
    surgery named with it was done too."""
    return {m.sentence for m in mentions if m.family == "treatment" and _status(rules, m)[0] == ACCEPTED}


# a size said of an invasive tumour ("Invasive tumour size: 21 mm") stands even when the only histology read is DCIS
_INVASIVE = re.compile(r"\binvasi(?:ve|on)\b", re.IGNORECASE)
_NOT_INVASIVE = re.compile(r"\b(?:no|non|without|negative for)[- ](?:\w+ ){0,2}invasi", re.IGNORECASE)
_SURGERY_FAMILIES = frozenset({"surgery", "surgery_done"})
_WEAKER_SIZE = frozenset({"palpation", "historical"})
_WORDS_CACHE: dict[int, tuple[re.Pattern[str], ...]] = {}


def _before_surgery_words(rules: Rules) -> tuple[re.Pattern[str], ...]:
    found = _WORDS_CACHE.get(id(rules))
    if found is None:
        from rightscan.adapters.text.phrases import word_patterns

        found = _WORDS_CACHE[id(rules)] = word_patterns(list(rules.parameters.get("size_before_surgery_words", ())))
    return found


def _left_open(reason: str, evidence: list[Mention]) -> list[dict[str, Any]]:
    """The setting deliberately not inferred, with why: the decision then asks for it."""
    return [{"field": "setting", "value": None, "reason": reason + "; setting left open",
             "evidence": [_where(m) for m in evidence]}]  # fmt: skip


def _explained_later(cands: list[_Candidate], mentions: list[Mention], rules: Rules) -> None:
    """A symptom the note later explains or calls resolved ("abdominal pain explained by cholecystitis -
    resolved") is not a current symptom, unless a mention of it carries a warning qualifier."""
    later: dict[Any, int] = {}
    for c in cands:
        e = c.mention.effects
        if c.field == "symptoms" and not c.used and e & {"explained", "historical"} and "negated" not in e:
            later[c.value] = max(later.get(c.value, -1), c.mention.start)
    for c in cands:
        late = c.field == "symptoms" and c.used and c.value in later and later[c.value] > c.mention.start
        if late and "warning" not in c.mention.effects:
            c.used, c.reason = False, "explained or resolved later in the note"


def _declined_studies(cands: list[_Candidate]) -> None:
    """A study the note says was declined, cancelled or not ordered ("PET/CT ordered by PCP -- will cancel", "PET
    not ordered") is not the order, wherever the note proposed it before (annotation guide 2, order); a request
    made after the note says so stands."""
    declined: dict[Any, int] = {}  # study -> where the note last says it was declined
    for c in cands:
        if c.field == "order" and "declined" in c.mention.effects:
            declined[c.value] = max(declined.get(c.value, -1), c.mention.start)
    for c in cands:  # a request after it stands ("asking why her PET was cancelled ... pt's request for PET/CT")
        if c.field == "order" and c.used and c.mention.start < declined.get(c.value, -1):
            c.used, c.reason = False, "the note says this study was declined, cancelled or not ordered"


def _already_present(item: dict[str, Any], facts: dict[str, Any]) -> bool:
    """An uncertain symptom that another mention states plainly, or a laboratory test called abnormal whose
    value the note also gives, needs no confirmation."""
    if item["field"].startswith("labs."):
        return _has(facts, item["field"])
    return item["field"] == "symptoms" and all(v in facts.get("symptoms", ()) for v in item["values"])


def _where(m: Mention) -> dict[str, Any]:
    return {"start": m.start, "end": m.end, "text": m.sentence, "rule": m.rule}


def _has(facts: dict[str, Any], fieldname: str) -> bool:
    head, _, tail = fieldname.partition(".")
    return head in facts and (not tail or tail in facts[head])


def _evidence(c: _Candidate, procedure_names: dict[str, str]) -> dict[str, Any]:
    value = procedure_names.get(c.value, c.value) if c.field == "order" else c.value
    entry = {
        "field": c.field,
        "value": value,
        "start": c.mention.start,
        "end": c.mention.end,
        "text": c.mention.sentence,
        "rule": c.mention.rule,
        "used": c.used,
        "context": sorted(c.mention.effects),
    }
    if c.reason or c.finding.reason:
        entry["reason"] = c.reason or c.finding.reason
    return entry


_FIELD_NAMES = re.compile(r"\b(?:tumor|pathology|labs|tumor_markers)\.[a-z_0-9]+\b")


def without_contradictions(kb: Any, extraction: Extraction, tries: int = 6) -> Extraction:
    """Facts the core refuses together (a stated cT1c with a 3.5 cm size) never fail the whole note:
    the fields the core names are left out, reported in ``conflicts`` and listed in ``to_confirm``
    (the decision then says whether they matter). Each round removes the fields one refusal names."""
    from rightscan.adapters.input_json import load_facts
    from rightscan.domain.model import InputError
    from rightscan.domain.staging import resolve_t

    facts = extraction.facts
    conflicts = list(extraction.conflicts)
    to_confirm = list(extraction.to_confirm)
    changed = False
    for _ in range(tries):
        try:
            checked = load_facts(kb, facts)  # the input contract
            if checked.tumor is not None:
                resolve_t(kb.staging, checked.tumor)  # the clinical agreement of T, size, DCIS, T4d
            break
        except InputError as exc:
            named = [exc.field, *(f for f in _FIELD_NAMES.findall(exc.message) if f != exc.field)]
            present = [f for f in dict.fromkeys(named) if _has(facts, f)]
            if not present:
                break  # nothing of ours to leave out: let the caller report it
            facts = copy.deepcopy(facts)
            values = []
            for f in present:
                head, _, tail = f.partition(".")
                values.append({"field": f, "value": facts[head].pop(tail) if tail else facts.pop(head)})
                if tail and not facts[head]:
                    facts.pop(head)
            conflicts.append({"field": " / ".join(present), "reason": f"the core refuses these facts together: "
                              f"{exc.message}; left out of the facts", "values": values})  # fmt: skip
            for v in values:
                to_confirm.append({"field": v["field"], "values": [v["value"]], "reason": "contradicts another fact "
                                   "of the note", "evidence": []})  # fmt: skip
            changed = True
    if not changed:
        return extraction
    return dataclasses.replace(extraction, facts=facts, conflicts=conflicts, to_confirm=to_confirm)
