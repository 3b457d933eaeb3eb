"""Safety nets around the assembled reading: facts too weakly stated to decide alone go to ``to_confirm``.

``read(rules, mentions, procedure_names)`` is ``assemble.assemble`` with these checks around it:

- a bare M1 (no c/p prefix; values.yaml ``tnm.m``) with no T or N category and no other statement of distant
  disease in its sentence is not made a fact: a mammogram's grade on the five-point scale ("reported as normal
  (M1)"), a list's numbering or a form code read alone would otherwise stage the cancer IV. It is listed in
  ``to_confirm`` instead, so the answer waits when M1 would change it. Never the other way: a doubt only ever
  takes an M1 away from the facts.
- a newly diagnosed cancer whose note states its stage group 0-III ("cT2 cN2a, stage IIIA") while M1 is read only
  from words describing metastasis (no M category written) contradicts itself: the M1 is left to confirm.
- an M1 read from words that name a metastasis as what an evaluation looks for ("warrants evaluation for osseous
  metastasis", values.yaml ``clue.metastasis_sought``) is no finding: it is kept as evidence only (round 9c).
- a laboratory test called raised in words ("raised ALP") needs no confirmation when the note gives the
  test's value too, even when it gives two values (those are then confirmed as two values).
- a test given twice in dated rows of a results table ("9/5/26  ALP 198 (35-104)" ... "9/12/26  ALP 214 (35-104)") is
  read from the latest row, when the dates order the rows the same way read day-first or month-first.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from rightscan.adapters.text import (
    back_references,
    foreign_pronouns,
    m_lookalikes,
    metastasis_compared,
    named_again,
    relative_story,
    resolved_afterwards,
    treatment_weight,
    unsettled_m,
)
from rightscan.adapters.text.assemble import DIFFERENT_VALUES, assemble
from rightscan.adapters.text.candidates import ACCEPTED, has_field, status_of, where
from rightscan.adapters.text.model import Extraction, Mention
from rightscan.adapters.text.rules import Rules
from rightscan.adapters.text.sides import sides_of
from rightscan.adapters.text.values import FACT, NOTE, Finding
from rightscan.domain.vocabulary import TOP_FIELDS

BARE_M = "tnm.m"  # values.yaml: the M category written without its c/p prefix
# the stage fields whose statement in the same sentence makes a bare M a TNM category ("T2 N1 M1")
_STAGE_FIELDS = frozenset({"tumor.t", "tumor.n", "pathology.t", "pathology.n"})
_BARE_M_REASON = (
    "a bare M1 with no T or N category and no other statement of distant disease beside it (it may be a "
    "mammogram grade or a code): confirm distant metastasis"
)


def read(rules: Rules, mentions: list[Mention], procedure_names: dict[str, str]) -> Extraction:
    """The note's reading with the safety nets of this module applied."""
    mentions = _regional_sample_not_distant(rules, _sought_not_found(mentions))
    mentions = metastasis_compared.set_aside(mentions)  # round 22b: the less likely side of a comparison
    mentions = foreign_pronouns.carry(rules, back_references.carry(rules, mentions))
    # round 39b: a symptom named again only as another's cause or the examination's sign; weight lost with the
    # treatment's side effects
    mentions = treatment_weight.carry(rules, named_again.carry(rules, mentions))
    mentions, unsettled = unsettled_m.set_aside(mentions)  # round 31s: "cM1?", "M1 (query)", "Mets: pending"
    mentions, lookalike = m_lookalikes.set_aside(mentions)  # round 34s1: another disease's stage, METs
    mentions, doubted = _doubt_bare_m(rules, mentions)
    extraction = assemble(rules, mentions, procedure_names)
    # round 14v-a: a raised symptom told in a relative's story, or told later as over, is read again as uncertain
    raised = frozenset(extraction.facts.get("symptoms", ()))
    doubted_raised = resolved_afterwards.carry(rules, relative_story.carry(rules, mentions, raised), raised)
    if doubted_raised is not mentions:
        mentions = doubted_raised
        extraction = assemble(rules, mentions, procedure_names)
    extraction = unsettled_m.to_confirm(_bare_m_to_confirm(extraction, doubted), unsettled + lookalike)
    extraction = _stage_group_against_m1(rules, mentions, extraction)
    return _lab_values_given(_latest_dated_row(extraction))


# ------------------------------------------------------------------ a bare M1
def _states(m: Mention, fields: frozenset[str]) -> bool:
    return any(f.kind == FACT and f.field in fields for f in m.findings)


def _says_m1(m: Mention) -> bool:
    return any(f.kind == FACT and f.field == "tumor.m" and f.value == "M1" for f in m.findings)


def _doubt_bare_m(rules: Rules, mentions: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """The mentions with each lone bare M1 turned into evidence only, and those M1 mentions."""
    doubted: list[Mention] = []
    out: list[Mention] = []
    for m in mentions:
        if m.rule == BARE_M and _says_m1(m) and status_of(rules, m)[0] == ACCEPTED:
            beside = [o for o in mentions if o is not m and o.sentence == m.sentence]
            if not any(_states(o, _STAGE_FIELDS) or (_says_m1(o) and o.rule != BARE_M) for o in beside):
                doubted.append(m)
                m = dataclasses.replace(m, findings=(Finding("tumor.m", "M1", NOTE, _BARE_M_REASON),))
        out.append(m)
    return out, doubted


def _bare_m_to_confirm(extraction: Extraction, doubted: list[Mention]) -> Extraction:
    if not doubted or (extraction.facts.get("tumor") or {}).get("m") == "M1":
        return extraction
    item = {"field": "tumor.m", "values": ["M1"], "reason": _BARE_M_REASON, "evidence": [where(m) for m in doubted]}
    return dataclasses.replace(extraction, to_confirm=[*extraction.to_confirm, item])


# ------------------------------------------------------------------ a metastasis named as the aim of an evaluation
SOUGHT = "clue.metastasis_sought"  # values.yaml (round 9c): "evaluation for", "work-up for" before metastasis words
_SOUGHT_REACH = 60  # characters from the end of "evaluation for" to the metastasis words it looks for
_SOUGHT_REASON = (
    "a metastasis named as what an evaluation or a form's question looks for (evaluation for, work-up for, red flags"
    " for ...:): not a finding"
)
SOUGHT_AFTER = "clue.metastasis_then_sought"  # values.yaml (round 22m): "bone mets eval", "mets r/o": the same question


def _sought_not_found(mentions: list[Mention]) -> list[Mention]:
    """The mentions with each M1 read from words right after "evaluation for" (in its sentence), or from words the
    word of evaluating them follows ("bone mets eval", "mets r/o", round 22m), made evidence only."""
    sought = [m for m in mentions if m.rule == SOUGHT and not m.effects & {"negated"}]
    after = [m for m in mentions if m.rule == SOUGHT_AFTER]
    if not sought and not after:
        return mentions
    out: list[Mention] = []
    for m in mentions:
        if (
            _says_m1(m)
            and not m.rule.startswith(_STATED_M)
            and (
                any(s.sentence == m.sentence and 0 <= m.start - s.end <= _SOUGHT_REACH for s in sought)
                # the mention ends in the clue's metastasis words (a denied one keeps its M0)
                or (not m.effects & {"negated"} and any(s.start < m.end <= s.end for s in after))
            )
        ):
            m = dataclasses.replace(m, findings=(Finding("tumor.m", "M1", NOTE, _SOUGHT_REASON),))
        out.append(m)
    return out


# ------------------------------------------------------------------ a regional node sampled (round 18d)
SAMPLE = "clue.sample_taken"  # values.yaml (round 18d): FNA, FNAC, core, biopsy, cytology, punch
DISTANT_ORGAN = "clue.distant_organ_named"  # values.yaml (round 18d): lung, liver, bone, brain, contralateral ...
_REGIONAL_FAMILIES = frozenset({"node", "new_local"})  # context.yaml: regional nodes; a new finding in breast or scar
_NOT_A_FINDING = frozenset({"negated", "hypothetical", "family", "historical"})
_OPERATION_FAMILIES = frozenset({"surgery", "surgery_done"})  # context.yaml: the breast operations
_BENIGN_RESULT = "clue.local_benign_result"  # values.yaml (round 16c): a biopsy read benign, no finding itself
_REGIONAL_REASON = (
    "metastatic carcinoma found by sampling a regional node or a local finding (no distant organ named): regional "
    "disease, not distant metastasis"
)


def _regional_sample_not_distant(rules: Rules, mentions: list[Mention]) -> list[Mention]:
    """The mentions with each M1 read from words naming no site ("FNAC: metastatic ca c/w breast primary") made evidence
    only, when its sentence tells a sample taken and it, or the sentence before it, tells a regional node or a local
    finding (not denied, feared or a relative's), and neither of those sentences names a distant organ or the
    contralateral side (annotation guide: M1 only for distant metastasis; a contralateral axilla is distant)."""
    if not any(m.rule == SAMPLE for m in mentions):
        return mentions
    order = list(dict.fromkeys(m.sentence for m in sorted(mentions, key=lambda m: m.start)))
    before = {s: order[i - 1] for i, s in enumerate(order) if i}
    sampled = {m.sentence for m in mentions if m.rule == SAMPLE}
    # round 38a (v38 an-038): a distant site named only as what is to be excluded, denied or in general ("exclusion of
    # distant disease is essential", "no liver mets") is no distant organ of the sample's sentence
    set_aside = [(m.start, m.end) for m in mentions if m.family == "metastasis" and status_of(rules, m)[0] != ACCEPTED]
    distant = {
        m.sentence
        for m in mentions
        if m.rule == DISTANT_ORGAN and not any(s <= m.start and m.end <= e for s, e in set_aside)
    }
    regional = {
        m.sentence
        for m in mentions
        if m.family in _REGIONAL_FAMILIES
        and m.rule != _BENIGN_RESULT
        and not m.effects & _NOT_A_FINDING
        and status_of(rules, m)[0] == ACCEPTED
    }

    # the side of the treated cancer, where its operations name one side only: a node of the other side is the
    # contralateral axilla, distant disease
    operated = {side for m in mentions if m.family in _OPERATION_FAMILIES for side in sides_of(m.sentence)}

    def same_side(sentence: str) -> bool:
        named = sides_of(sentence)
        return not named or len(operated) != 1 or bool(named & operated)

    def regional_only(sentence: str) -> bool:
        if sentence not in sampled or sentence in distant or not same_side(sentence):
            return False
        if sentence in regional:
            return True
        prior = before.get(sentence)
        return prior is not None and prior in regional and prior not in distant and same_side(prior)

    out: list[Mention] = []
    for m in mentions:
        if _says_m1(m) and m.family == "metastasis" and not m.rule.startswith(_STATED_M) and regional_only(m.sentence):
            m = dataclasses.replace(
                m, findings=(Finding("tumor.m", "M1", NOTE, _REGIONAL_REASON),), uncertain_value=None
            )
        out.append(m)
    return out


# ------------------------------------------------------------------ a stage group 0-III against an M1 read from words
STAGE_GROUP = "stage_group"  # context.yaml family of values.yaml clue.stage_group_non_metastatic
_STATED_M = "tnm."  # the rules that read a written M category (values.yaml, tnm.*)
_STAGE_GROUP_REASON = (
    "the note states a stage group 0-III for this cancer, but M1 is read only from words describing metastasis: "
    "a contradiction - confirm distant metastasis"
)


def _stage_group_against_m1(rules: Rules, mentions: list[Mention], extraction: Extraction) -> Extraction:
    facts = extraction.facts
    if facts.get("setting") != "new_diagnosis" or (facts.get("tumor") or {}).get("m") != "M1":
        return extraction
    stated = [m for m in mentions if m.family == STAGE_GROUP and status_of(rules, m)[0] == ACCEPTED]
    used = [e for e in extraction.evidence if e["field"] == "tumor.m" and e["used"] and e["value"] == "M1"]
    if not stated or not used or any(e["rule"].startswith(_STATED_M) for e in used):
        return extraction
    tumor = {k: v for k, v in facts["tumor"].items() if k != "m"}
    out_facts = {k: v for k, v in facts.items() if k != "tumor"}
    if tumor:
        out_facts["tumor"] = tumor
    out_facts = {k: out_facts[k] for k in facts if k in out_facts}  # the contract's order kept
    evidence = [
        {**e, "used": False, "reason": _STAGE_GROUP_REASON} if any(e is u for u in used) else e
        for e in extraction.evidence
    ]
    item = {
        "field": "tumor.m",
        "values": ["M1"],
        "reason": _STAGE_GROUP_REASON,
        "evidence": [{k: e[k] for k in ("start", "end", "text", "rule")} for e in used] + [where(m) for m in stated],
    }
    return dataclasses.replace(
        extraction, facts=out_facts, evidence=evidence, to_confirm=[*extraction.to_confirm, item]
    )


# ------------------------------------------------------------------ a test called raised, with its value given
def _valued(evidence: list[dict[str, Any]], fieldname: str) -> bool:
    return any(
        e["field"] == fieldname
        and isinstance(e.get("value"), dict)
        and "value" in e["value"]
        and (e.get("used") or e.get("reason") == "conflicting values")
        for e in evidence
    )


def _lab_values_given(extraction: Extraction) -> Extraction:
    """A test called raised in words whose value the note gives in numbers is read from the numbers: the
    'called raised without its value' confirmation goes (two different values stay to confirm as such)."""
    kept = [
        i
        for i in extraction.to_confirm
        if not (
            i["field"].startswith("labs.")
            and i["reason"] != DIFFERENT_VALUES
            and _valued(extraction.evidence, i["field"])
        )
    ]
    if len(kept) == len(extraction.to_confirm):
        return extraction
    return dataclasses.replace(extraction, to_confirm=kept)


# ------------------------------------------------------------------ a test given in dated rows: the latest is current
_ROW_DATE = re.compile(
    r"^\s*(?:(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})|(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<yy>\d{2}|\d{4}))\b"
)


def _row_dates(text: str) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    """The date opening a table row, as (year, month, day) read month-first and day-first (the same for ISO)."""
    found = _ROW_DATE.match(text)
    if found is None:
        return None
    if found["y"]:
        iso = (int(found["y"]), int(found["m"]), int(found["d"]))
        return iso, iso
    year = int(found["yy"]) + (2000 if len(found["yy"]) == 2 else 0)
    a, b = int(found["a"]), int(found["b"])
    return (year, a, b), (year, b, a)


def _same(e: dict[str, Any], r: dict[str, Any]) -> bool:
    return bool(e["start"] == r["start"] and e["end"] == r["end"] and e["value"] == r["value"])


def _in_order(facts: dict[str, Any]) -> dict[str, Any]:
    return {
        k: facts[k] for k in sorted(facts, key=lambda k: TOP_FIELDS.index(k) if k in TOP_FIELDS else len(TOP_FIELDS))
    }


def _latest_dated_row(extraction: Extraction) -> Extraction:
    """A laboratory test the note gives different values for, each in a row opened by its date: the latest row's
    value is the current one, when reading the dates month-first or day-first names the same latest row."""
    facts, conflicts, to_confirm, evidence = extraction.facts, list(extraction.conflicts), extraction.to_confirm, None
    for conflict in extraction.conflicts:
        fieldname = conflict["field"]
        head, _, tail = fieldname.partition(".")
        if head != "labs" or not tail or has_field(facts, fieldname):
            continue
        rows = conflict["values"]
        dates = [_row_dates(r.get("text", "")) for r in rows]
        if len(rows) < 2 or any(d is None for d in dates):
            continue
        latest = {max(range(len(rows)), key=lambda k, w=w: dates[k][w]) for w in (0, 1)}  # type: ignore[index]
        orders = [sorted(d[w] for d in dates) for w in (0, 1)]  # type: ignore[index]
        if len(latest) != 1 or any(len(set(o)) < len(o) for o in orders):
            continue  # the two readings disagree, or two rows share a date
        chosen = rows[latest.pop()]
        facts = _in_order({**facts, head: {**facts.get(head, {}), tail: chosen["value"]}})
        conflicts.remove(conflict)
        to_confirm = [i for i in to_confirm if not (i["field"] == fieldname and i["reason"] == DIFFERENT_VALUES)]
        evidence = [
            {**e, "used": _same(e, chosen), "reason": None if _same(e, chosen) else "an earlier dated row"}
            if e["field"] == fieldname and any(_same(e, r) for r in rows)
            else e
            for e in (evidence or extraction.evidence)
        ]
    if evidence is None:
        return extraction
    evidence = [{k: v for k, v in e.items() if not (k == "reason" and v is None)} for e in evidence]
    return dataclasses.replace(extraction, facts=facts, conflicts=conflicts, to_confirm=to_confirm, evidence=evidence)
