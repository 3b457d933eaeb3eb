"""Mentions -> ``Extraction``: apply the context policies, settle each field, build the facts.

No spaCy here. The policies come from ``context.yaml`` (what negation, family history ... do to
each family of mentions) and the settling rules from ``fields.yaml`` (what happens when several
mentions speak about one field). A field the mentions disagree on is left out of the facts and
reported in ``conflicts`` with every mention behind it.

Neighbours: ``candidates`` (a mention's status under its policy, the values it offers), ``note_setting`` (the
setting inferred by clinical meaning) and ``contradictions`` (facts the core refuses together).
"""

from __future__ import annotations

import re
from typing import Any

from rightscan.adapters.text.candidates import (
    ACCEPTED,
    GATED,
    IGNORED,
    UNCERTAIN,
    Candidate,
    has_field,
    status_of,
    where,
)
from rightscan.adapters.text.course_explained import explained_later
from rightscan.adapters.text.explained_elsewhere import CONFIRM_REASON, restated_after_explanation
from rightscan.adapters.text.inflammatory_doubt import REASON as INFLAMMATORY_DOUBT
from rightscan.adapters.text.inflammatory_doubt import doubted_extent
from rightscan.adapters.text.lab_agreement import restated_multiples
from rightscan.adapters.text.model import DISTANT_FINDING_RULES, Extraction, Mention
from rightscan.adapters.text.no_cancer_yet import unproven_mass
from rightscan.adapters.text.node_pending import node_biopsy_pending
from rightscan.adapters.text.note_setting import infer_setting
from rightscan.adapters.text.order_time import future_studies
from rightscan.adapters.text.request_owner import set_aside_other_askers
from rightscan.adapters.text.rules import STRENGTH_RANK, FieldRule, Rules
from rightscan.adapters.text.setting_course import NOTE_DATE, after_note_date, note_date
from rightscan.adapters.text.setting_subject import set_aside_other_subjects
from rightscan.adapters.text.size_current import (
    rounded_restatement,
    several_foci_sentence,
    size_of_the_named_study,
    size_of_the_stated_t,
    span_of_several_foci,
    summary_size,
)
from rightscan.adapters.text.size_lesions import largest_lesion
from rightscan.adapters.text.size_links import (
    in_situ_cancer_extent,
    set_aside_other_measures,
    smaller_other_focus,
)
from rightscan.adapters.text.stage_unknown import nodal_status_unknown
from rightscan.adapters.text.stage_values import (
    denied_categories,
    earlier_cancer_size,
    earlier_operation_values,
    earlier_primary,
    earlier_receptors,
    is_second_primary,
    named_new,
    pathology_size_after_surgery,
    revised_histology,
    several_foci,
    stated_current,
)
from rightscan.adapters.text.study_changes import declined_studies, requested_studies, still_unclear
from rightscan.adapters.text.study_choice import choose_studies
from rightscan.adapters.text.study_reported import REPORTED_DONE, reported_with_result
from rightscan.adapters.text.surgery_done import DATED, completed_surgery_sentences, years_beside
from rightscan.adapters.text.surgery_to_come import operation_to_come
from rightscan.adapters.text.ticked_rows import had_rows, ticked_as_had
from rightscan.adapters.text.values import FACT, NOTE, UNPARSED, Finding
from rightscan.domain.vocabulary import TOP_FIELDS, TREATED_SETTINGS, TUMOR_FIELDS

FIELD_ORDER = TOP_FIELDS  # the input contract's order
TUMOR_ORDER = TUMOR_FIELDS
_SURVEILLANCE_WORD = "setting.surveillance"  # targets.yaml: "surveillance", "survivorship", "NED"
_TITLE_CHARS = 60  # a note's title: within its first characters
DIFFERENT_VALUES = "the note gives different values"  # a field to confirm: its mentions disagree


# the doubts that make a confirmable fact "to confirm" rather than drop it, with the reason shown
_CONFIRMED_DOUBTS = {
    "uncertain": "stated as uncertain",
    "unread_mark": "in a form row whose marking could not be read",
    "cut_short": "named right after a negation or another cue that a cut in an overlong run-on sentence kept from it",
}


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


def _settle(rule: FieldRule, cands: list[Candidate]) -> tuple[Any, bool]:
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
    if rule.refines and how in ("single", "tiers"):
        live = _most_specific(rule, live)
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
        # round 54k: a value of no tier (a field given tiers later) keeps every value in play, as `single` does
        tier = next((t for t in rule.tiers if any(v in t for v in values)), tuple(values))
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


def _most_specific(rule: FieldRule, live: list[Candidate]) -> list[Candidate]:
    """Values of one hierarchy agree ("cN3c" and later "given N3 disease"): a category gives way to a more specific
    one inside it (fields.yaml ``refines``), with no conflict; two different subcategories still conflict."""
    present = {c.value for c in live}
    for c in live:
        if rule.refines.get(c.value, frozenset()) & present:
            c.used, c.reason = False, "a more specific category of the same hierarchy is also given"
    return [c for c in live if c.used]


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


_HIGHER_IN_WORDS = (
    "the note's words describe fixed or matted axillary nodes ({}), a higher category than its stated code ({})"
)
_NOT_HERS = frozenset({"negated", "family", "hypothetical", "historical", "uncertain"})


def _higher_nodes_in_words(facts: dict[str, Any], cands: list[Candidate]) -> list[Candidate]:
    """Thirteenth security pass (F4): a stated code outranks the words (annotation guide 2), but fixed or matted
    axillary nodes (N2a: the only words that give it) beside a lower code ("cN1 on US; on exam the axillary nodes are
    fixed") are not dropped silently: N2a is left to confirm. Other node words a code outranks stay as they were (a
    negation they missed is no question)."""
    code = (facts.get("tumor") or {}).get("n")
    if not isinstance(code, str) or not code[1:2].isdigit() or int(code[1]) >= 2:
        return []
    return [
        c
        for c in cands
        if not c.used
        and c.reason == "outweighed by a more explicit mention"
        and c.value == "N2a"
        and not c.mention.effects & _NOT_HERS
    ]


_LARGER_ON_EXAM = "a larger size on examination than the measured one; which is current is not said"


def _larger_on_examination(facts: dict[str, Any], cands: list[Candidate]) -> list[Candidate]:
    """Thirteenth security pass (F10): a size felt on examination gives way to a measured one, but one larger than the
    size kept ("Clinically 6 cm, US 4.8 cm") is not dropped silently: it is left to confirm (annotation guide 2: sizes
    that differ, none presented as current, are a conflict)."""
    size = (facts.get("tumor") or {}).get("size_cm")
    if not isinstance(size, float | int):
        return []
    return [
        c
        for c in cands
        if not c.used
        and c.reason == "outweighed by a more explicit mention"
        and ("palpation" in c.mention.effects or c.mention.rule == "size.examined")
        and not c.mention.effects & _NOT_HERS
        and isinstance(c.value, float | int)
        and c.value > size
    ]


def assemble(rules: Rules, mentions: list[Mention], procedure_names: dict[str, str]) -> Extraction:
    cands: list[Candidate] = []
    gated: list[Mention] = []
    to_confirm: list[dict[str, Any]] = []
    unclear_orders: list[Mention] = []

    def confirm(fieldname: str, values: list[Any], reason: str, ms: list[Mention]) -> None:
        for item in to_confirm:
            if item["field"] == fieldname and item["reason"] == reason:
                item["values"] = _distinct([*item["values"], *values], 0.0)
                item["evidence"] += [where(m) for m in ms]
                return
        to_confirm.append({"field": fieldname, "values": values, "reason": reason, "evidence": [where(m) for m in ms]})

    evidence_only: list[tuple[Mention, Finding, str | None]] = []
    unparsed: list[dict[str, Any]] = []

    def add_unparsed(m: Mention, fieldname: str, reason: str) -> None:
        unparsed.append(
            {"field": fieldname, "reason": reason, "start": m.start, "end": m.end, "text": m.sentence, "rule": m.rule}
        )

    done_sentences = completed_surgery_sentences(rules, mentions)
    # a note titled as a surveillance or survivorship visit ("SURVIVORSHIP VISIT" on its first line): the operations its
    # history names without a plan word were done ("L lumpectomy + whole breast RT."); a surveillance word further
    # down may sit beside a plan ("surveillance mammogram showed ...; before deciding on salvage mastectomy")
    surveillance_note = any(
        m.rule == _SURVEILLANCE_WORD
        and m.start < _TITLE_CHARS
        and status_of(rules, m)[0] == ACCEPTED
        and not m.effects & {"past", "historical", "proposed", "uncertain"}
        for m in mentions
    )
    other_cancer = {m.sentence for m in mentions if m.family == "other_cancer" and status_of(rules, m)[0] == ACCEPTED}
    breast_named = {m.sentence for m in mentions if m.family == "histology"}
    written = next((d for m in mentions if m.rule == NOTE_DATE and (d := note_date(m.sentence))), None)
    had = had_rows(mentions)
    for m in mentions:
        status, why = status_of(rules, m)
        if m.family in _SURGERY_FAMILIES and m.sentence in other_cancer:  # "melanoma L calf 2015 (WLE)"
            status, why = IGNORED, "the operation of another cancer named in its sentence"
        elif m.family == "metastasis" and m.sentence in other_cancer and m.sentence not in breast_named:
            # "colon ca with liver mets 2015, resected": that cancer's distant disease, not the breast cancer's M
            status, why = IGNORED, "the metastasis of another cancer named in its sentence"
        elif m.family == "procedure" and status != IGNORED and reported_with_result(m):
            status, why = IGNORED, REPORTED_DONE  # round 45o: "XR R femur 3/20/25: lytic lesion, ? fracture"
        if (
            status == IGNORED
            and m.family == "surgery"
            and why
            and (why.startswith("no cue") or ticked_as_had(m, had))  # round 21c: ticked on a history row
            and (
                m.sentence in done_sentences
                or DATED.search(m.sentence)
                or years_beside(m, mentions)
                or surveillance_note
            )
            and not m.effects & {"uncertain", "purpose", "declined"}  # "mastectomy may be needed": not done
            and not after_note_date(m.sentence, written)  # round 10c: dated after the note's own date: booked
        ):
            status, why = ACCEPTED, "completed: dated, or named with treatment already given"
        for f in m.findings:
            if f.kind == NOTE:
                evidence_only.append((m, f, f.reason))
                continue
            if status == IGNORED:
                if f.kind == FACT:
                    cands.append(Candidate(f.field, f.value, m, f, used=False, reason=why))
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
                cands.append(Candidate(f.field, f.value, m, f, used=False, reason=why))
                doubt = next((e for e in _CONFIRMED_DOUBTS if e in m.effects), None)
                if doubt is not None and rules.confirms(f.field) and f.value is not None:
                    confirm(f.field, [f.value], _CONFIRMED_DOUBTS[doubt], [m])
                continue
            if status == GATED:
                cands.append(Candidate(f.field, f.value, m, f, used=False, reason=why))
                continue
            value = f.value
            if m.negated_value is not None and "negated" in m.effects:
                value = m.negated_value
            # a size felt on examination, or of an earlier lesion ("fibroadenoma 1.2 cm, 2009"), gives way to a
            # measured one
            # round 45z (v45 bi-038): so does the upper end of an estimated range ("now mass 5-6 cm")
            weaker = "derived" if f.field == "tumor.size_cm" and (m.effects & _WEAKER_SIZE or _range_end(m)) else None
            cands.append(Candidate(f.field, value, m, f, reason=why, strength=weaker))
        if status == GATED:
            gated.append(m)

    explained_later(cands, rules, mentions)  # round 37b: course_explained.py; round 56u: a resolved abbreviation
    for c in restated_after_explanation(cands):  # round 14v-b: explained, then restated plainly: to confirm
        confirm(c.field, [c.value], CONFIRM_REASON, [c.mention])
    for c in doubted_extent(rules, cands, mentions):  # round 23c: "?inflammatory-type recurrence vs cellulitis"
        confirm(c.field, [c.value], INFLAMMATORY_DOUBT, [c.mention])
    for c, why in node_biopsy_pending(rules, cands, mentions):
        confirm("tumor.n", [c.value, "N0"], why, [c.mention])
    future_studies(cands, mentions)
    set_aside_other_askers(rules, cands, mentions)  # round 20p: a proxy's or a man's request is not the patient's
    requested_studies(cands)  # round 18g: the study the patient asks for is considered
    declined_studies(cands)
    restated_multiples(cands)
    choose_studies(rules, cands, mentions)  # round 48o: chosen over others, refused by a payer, asked about, ...
    by_field: dict[str, list[Candidate]] = {}
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
                    "reason": f"{DIFFERENT_VALUES}; the field is left out of the facts",
                    "values": [_evidence(c, procedure_names) for c in live],
                }
            )
            for c in live:
                c.used, c.reason = False, "conflicting values"
            if rules.confirms(fieldname):
                confirm(fieldname, _distinct([c.value for c in live], 0.0), DIFFERENT_VALUES,
                        [c.mention for c in live])  # fmt: skip
        elif value is not None:
            _put(facts, fieldname, value)

    set_aside_other_subjects(rules, mentions, cands)  # another cancer's follow-up, another site's excision
    # prior surgery first: an uncertain metastasis becomes a suspected distant recurrence only after surgery
    operation_to_come(rules, mentions, by_field.get("prior_surgery", []))  # round 12b: planned, not done
    settle("prior_surgery")
    for m in gated:
        field, val = m.uncertain_value  # type: ignore[misc]
        if all(has_field(facts, f) for f in m.only_if_uncertain):
            f = Finding(field, val)
            by_field.setdefault(field, []).append(
                Candidate(
                    field, val, m, f, reason="uncertain distant finding after breast surgery", strength="explicit"
                )
            )
        else:
            for f in m.findings:
                add_unparsed(m, f.field, "uncertain mention (suspected, rule out, ?): not used as a fact")
                if rules.confirms(f.field) and f.value is not None and "uncertain" in m.effects:
                    confirm(f.field, [f.value], "suspected, not proven", [m])
    settle("setting")
    assumptions = infer_setting(rules, mentions, facts, cands, gated)
    setting = facts.get("setting")
    if setting in TREATED_SETTINGS:  # round 28b: a distant finding's M is the recurrence work-up's question
        to_confirm[:] = [i for i in to_confirm if not _distant_finding_doubt(i)]
    second_primary = is_second_primary(rules, mentions, by_field, setting)
    for c in cands:
        if c.used and setting is not None and setting in c.mention.unless_setting:
            c.used, c.reason = False, f"describes the current finding in a {setting.replace('_', ' ')} note"
        elif (
            c.used
            and any(f in facts for f in c.mention.unless_facts)
            and not (second_primary and set(c.mention.unless_facts) <= {"prior_surgery"})
        ):
            c.used, c.reason = False, "after breast surgery: not read as the clinical category of a primary"
    sizes, categories = by_field.get("tumor.size_cm", []), by_field.get("tumor.t", [])
    set_aside_other_measures(rules, sizes)  # round 14d: DCIS extent, a benign finding, a specimen, another cancer
    in_situ_cancer_extent(by_field)  # round 42z: a DCIS-only note's sizes are the in-situ extent
    smaller_other_focus(rules, by_field)  # round 42z: "second separate focus ..., 0.3 cm" beside a larger size
    gives_way = pathology_size_after_surgery(rules, facts, sizes, mentions, categories)
    assumptions += several_foci(by_field.get("tumor.size_cm", []))
    span_of_several_foci(rules, by_field)  # round 43y: "3 masses, 1.8, 1.2 and 0.6 cm, spanning 4.5 cm"
    assumptions += several_foci_sentence(rules, by_field)
    assumptions += largest_lesion(rules, by_field, mentions)  # round 29c: lesions at their own clock positions
    stated_current(rules, by_field)
    revised_histology(rules, by_field)  # round 44m: a pathology review's revised diagnosis
    denied_categories(by_field)  # round 21b: a category the note denies
    size_of_the_stated_t(by_field, facts)  # round 43y: "MRI 5.5 cm ... cT3 by MRI" beside a mammogram's 3.0 cm
    size_of_the_named_study(rules, by_field, facts, {m.sentence for m in mentions})  # round 54k: "uses MRI size for T"
    summary_size(rules, by_field)
    rounded_restatement(rules, by_field)  # round 18f: "a 2 cm tumor" in the discussion of a 2.1 cm mass
    earlier_receptors(rules, facts, by_field, mentions)
    earlier_primary(facts, by_field, mentions, named_new(rules, mentions))
    earlier_operation_values(by_field, mentions, second_primary)  # round 20f: even with no current value
    earlier_cancer_size(rules, facts, by_field)  # round 18f: an earlier cancer's size told as the past
    nodal_status_unknown(rules, facts, by_field, mentions, to_confirm)
    for fieldname in by_field:
        if fieldname not in ("prior_surgery", "setting"):
            settle(fieldname)
    for c in _higher_nodes_in_words(facts, by_field.get("tumor.n", [])):
        confirm("tumor.n", [c.value], _HIGHER_IN_WORDS.format(c.value, facts["tumor"]["n"]), [c.mention])
    for c in _larger_on_examination(facts, by_field.get("tumor.size_cm", [])):
        confirm("tumor.size_cm", [c.value], _LARGER_ON_EXAM, [c.mention])
    unproven_mass(rules, facts, by_field, mentions)  # round 16g: a mass measured before any cancer is proven
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
    unclear_orders = still_unclear(unclear_orders, procedure_names.get(facts["order"]) if "order" in facts else None)
    if "order" in facts and unclear_orders:  # two studies considered, one of them ambiguous: no single order
        conflicts.append({"field": "order", "reason": "another study is considered too (named ambiguously); the "
                          "field is left out of the facts", "values": [where(m) for m in unclear_orders]})  # fmt: skip
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
        gives_way=gives_way,
    )


# a size said of an invasive tumour ("Invasive tumour size: 21 mm") stands even when the only histology read is DCIS
_INVASIVE = re.compile(r"\binvasi(?:ve|on)\b", re.IGNORECASE)
_NOT_INVASIVE = re.compile(r"\b(?:no|non|without|negative for)[- ](?:\w+ ){0,2}invasi", re.IGNORECASE)
_SURGERY_FAMILIES = frozenset({"surgery", "surgery_done"})
_WEAKER_SIZE = frozenset({"palpation", "historical"})
# round 45z (v45 bi-038): a size read as the upper end of a range ("mass 5-6 cm", "2 to 3 cm") is an estimate: it gives
# way to a measured size, as one felt on examination does (annotation guide: a size is by imaging or pathology)
# never a date's dash ("dx mammo/US 8/1 - 3.0 cm": the 1 is a day, no range's start)
_RANGE_BEFORE = re.compile(r"(?<![\d/.])\d+(?:\.\d+)?\s*(?:-|–|to)\s*$")


def _range_end(m: Mention) -> bool:
    """The size mention is the second number of a range ("5-6 cm"): the text right before it ends "5-"."""
    if m.sentence_start < 0 or not m.sentence_start <= m.start <= m.sentence_start + len(m.sentence):
        return False
    return bool(_RANGE_BEFORE.search(m.sentence[max(0, m.start - m.sentence_start - 16) : m.start - m.sentence_start]))


def _already_present(item: dict[str, Any], facts: dict[str, Any]) -> bool:
    """An uncertain symptom that another mention states plainly, or a laboratory test called abnormal whose
    value the note also gives, needs no confirmation."""
    if item["field"].startswith("labs."):
        return has_field(facts, item["field"])
    return item["field"] == "symptoms" and all(v in facts.get("symptoms", ()) for v in item["values"])


def _evidence(c: Candidate, procedure_names: dict[str, str]) -> dict[str, Any]:
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


# round 28b: after a treated cancer a distant finding makes the setting a suspected distant recurrence (note_setting),
# whose imaging answers M, so its doubt is not asked
def _distant_finding_doubt(item: dict[str, Any]) -> bool:
    """A to-confirm item that is only a distant finding's M (every piece of its evidence one of those rules)."""
    return item["field"] == "tumor.m" and all(e.get("rule") in DISTANT_FINDING_RULES for e in item["evidence"])
