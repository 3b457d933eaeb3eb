"""Round 48o (v48 blind): which of several studies a note considers now, read from the words that choose between them.

Annotation guide 2, order: the one study being considered now (asked about, requested, proposed); absent when two are.
The words live once, in context.yaml `study_choice`; these passes read them over the order candidates, after the cues:

- a study chosen "rather than / instead of / preferred (for stage III) over" other studies in its sentence is the one
  considered, though no plan word marks it ("Consensus: FDG PET/CT rather than separate CT + bone scan"), and the
  studies after those words are set aside ("PET/CT for systemic staging (preferred for stage III over separate CT +
  bone scan) - ordered");
- a study a payer refused ("PET/CT denied by insurance") gives way to another study the note asks for ("CT CHEST/ABD/
  PELVIS W IV CONTRAST - baseline staging"); alone it is still the study considered (appeal, peer-to-peer);
- a study the patient asks about ("pt asks if he should have one too") and the note then judges not needed ("bone scan
  not indicated - reassured") is the study considered, as "bone scan requested; bone scan not indicated per NCCN" is; a
  relative's study nobody asks about is not;
- a study right under a staging heading, its clause only its contrast and side words ("Staging: CT chest/abdomen/pelvis
  WITHOUT IV contrast - anaphylaxis to iodinated contrast 2019"), is the staging to be done; dated or with a result it
  is a report ("Staging: CT CAP 3/2025 negative").

Only order candidates are touched; a study done, declined, supposed or a relative's is never made the order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from rightscan.adapters.text.candidates import Candidate
from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.study_reported import reported_with_result
from rightscan.adapters.text.study_words import only_qualifiers

SET_ASIDE = "another study is chosen over it in its sentence"
PAYER_REFUSED = "refused by the payer; the note asks for another study"
OFFERED_BESIDE = "another study, named by its modality only, is offered beside it"
# what keeps a study from being the one chosen: said not to be done, done, supposed, someone else's
_NOT_CHOSEN = frozenset({"negated", "performed", "past", "hypothetical", "declined", "historical", "family", "copied"})
_NOT_ASKED = _NOT_CHOSEN - {"negated"}  # a study judged not needed is negated by those very words
_CLAUSE_BREAK = re.compile(r"[;\n]|\.(?:\s|$)")
_SET_ASIDE_END = re.compile(r"[;)\n]|\.(?:\s|$)")  # the studies set aside run to the end of their clause or bracket
_CHOSEN_REACH = 80  # characters between the chosen study and the words that choose it
_JUDGED_REACH = re.compile(r"^[\s,:-]*(?:(?:is|was|are|felt|deemed|considered|thought|judged|likely|to be|as)\s+){0,3}")
_DATE = re.compile(r"\d{1,2}/\d{1,2}|\d{1,2}/\d{2,4}|(?<!\d)(?:19|20)\d\d(?!\d)")
_ALTERNATIVE_END = re.compile(r"[;\n]|\.(?:\s|$)|\s[-\u2013\u2014]\s")  # a bracket may stand between
_CLAUSE_AFTER = re.compile(r"\s[-\u2013\u2014]\s|[,;:(\n]|\.(?:\s|$)")


@lru_cache(maxsize=16)
def _phrases(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """The words as one pattern, matched whole and case-insensitively, a space for any run of blanks."""
    if not words:
        return None
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![a-z])(?:{alternatives})(?![a-z])", re.IGNORECASE)


def _pattern(choice: Mapping[str, Any], key: str) -> re.Pattern[str] | None:
    return _phrases(tuple(choice.get(key) or ()))


@lru_cache(maxsize=4)
def _preferred_over(prefers: tuple[str, ...], over: tuple[str, ...]) -> re.Pattern[str] | None:
    """A word of preference, then within seven words of its clause the word before the studies set aside ("preferred
    for stage III over", "favoured in this setting over")."""
    if not prefers or not over:
        return None
    pre = "|".join(map(re.escape, sorted(prefers, key=len, reverse=True)))
    post = "|".join(map(re.escape, sorted(over, key=len, reverse=True)))
    return re.compile(rf"(?<![a-z])(?:{pre})(?:\s+[^\s.;,:()\[\]]+){{0,7}}?\s+(?:{post})(?![a-z])", re.IGNORECASE)


def _choice(rules: Any) -> Mapping[str, Any]:
    return getattr(rules, "study_choice", None) or {}


def _orders(cands: Iterable[Candidate]) -> list[Candidate]:
    return [c for c in cands if c.field == "order" and c.value is not None and c.mention.sentence_start >= 0]


def _by_sentence(orders: list[Candidate]) -> dict[int, list[Candidate]]:
    out: dict[int, list[Candidate]] = {}
    for c in orders:
        out.setdefault(c.mention.sentence_start, []).append(c)
    return out


def choose_studies(rules: Any, cands: list[Candidate], mentions: Iterable[Mention] = ()) -> None:
    """Round 48o: the four readings of this module, in order (assemble calls this once, before the order is settled)."""
    choice = _choice(rules)
    if not choice:
        return
    chosen_over_others(choice, cands)
    bare_alternative(choice, cands, [(m.start, m.end) for m in mentions if m.family == "procedure"])
    refused_by_payer(choice, cands)
    asked_then_judged(choice, cands)
    under_staging_heading(choice, cands)


def chosen_over_others(choice: Mapping[str, Any], cands: list[Candidate]) -> None:
    """A study chosen over other studies in its sentence is considered; the studies after the choosing words are not."""
    cues = [p for p in (_pattern(choice, "set_aside_after"),
                        _preferred_over(tuple(choice.get("prefers") or ()), tuple(choice.get("prefers_over") or ())))
            if p is not None]  # fmt: skip
    if not cues:
        return
    for start, group in _by_sentence(_orders(cands)).items():
        text = group[0].mention.sentence
        for cue in cues:
            for match in cue.finditer(text):
                at, end = match.start(), match.end()
                stop = _SET_ASIDE_END.search(text, end)
                limit = stop.start() if stop else len(text)
                after = [c for c in group if end <= c.mention.start - start < limit]
                before = [
                    c
                    for c in group
                    if c.mention.end - start <= at
                    and at - (c.mention.end - start) <= _CHOSEN_REACH
                    and not _CLAUSE_BREAK.search(text, c.mention.end - start, at)
                ]
                # "we would favour a bone scan in this setting over an FDG PET/CT": the study inside the words
                inside = [c for c in group if at <= c.mention.start - start and c.mention.end - start <= end]
                if not after or not (before or inside):
                    continue
                if inside:
                    first = min(c.mention.start for c in inside)
                    chosen = [c for c in inside if c.mention.start == first]
                else:
                    nearest = max(c.mention.start for c in before)
                    chosen = [c for c in before if c.mention.start == nearest]
                value = chosen[0].value
                if any(c.mention.effects & _NOT_CHOSEN for c in chosen) or any(c.value == value for c in after):
                    continue
                for c in chosen:
                    c.used, c.reason = True, None
                for c in after:
                    c.used, c.reason = False, SET_ASIDE


def refused_by_payer(choice: Mapping[str, Any], cands: list[Candidate]) -> None:
    """A study a payer refused gives way to another study the note asks for in a sentence of its own."""
    payer = _pattern(choice, "payer_refusal")
    if payer is None:
        return
    orders = _orders(cands)
    refused: set[Any] = set()
    for group in _by_sentence(orders).values():
        named = {c.value for c in group if not c.mention.effects & _NOT_CHOSEN}
        if len(named) == 1 and payer.search(group[0].mention.sentence):
            refused |= named
    others = [c for c in orders if c.used and c.value not in refused and not payer.search(c.mention.sentence)]
    if not refused or not others:
        return
    for c in orders:
        if c.used and c.value in refused:
            c.used, c.reason = False, PAYER_REFUSED


def asked_then_judged(choice: Mapping[str, Any], cands: list[Candidate]) -> None:
    """A study the patient asks about, then judged not needed, is the study considered, when no other study is."""
    judged_words, asked_words = _pattern(choice, "judged_not_needed"), _pattern(choice, "asked_about")
    if judged_words is None or asked_words is None:
        return
    orders = _orders(cands)
    if any(c.used for c in orders):
        return  # another study is considered: the judgement takes nothing from it
    judged = []
    for c in orders:
        if "negated" not in c.mention.effects or c.mention.effects & _NOT_ASKED:
            continue
        rest = c.mention.sentence[c.mention.end - c.mention.sentence_start :]
        lead = _JUDGED_REACH.match(rest)
        if judged_words.match(rest, lead.end() if lead else 0):
            judged.append(c)
    if len({c.value for c in judged}) != 1:
        return
    first = min(c.mention.start for c in judged)
    asked = any(
        c.value == judged[0].value and c.mention.start < first and asked_words.search(c.mention.sentence)
        for c in orders
    )
    if asked:
        for c in judged:
            c.used, c.reason = True, None


def under_staging_heading(choice: Mapping[str, Any], cands: list[Candidate]) -> None:
    """A study right under a staging heading, its clause only its contrast and side words, is the staging to be done."""
    headings, results = _pattern(choice, "plan_headings"), _pattern(choice, "report_words")
    if headings is None:
        return
    orders = _orders(cands)
    named = _by_sentence(orders)
    for c in orders:
        m = c.mention
        if len({o.value for o in named[m.sentence_start]}) != 1:
            continue  # "Staging: CT CAP w contrast, bone scan": two studies
        if c.used or not (c.reason or "").startswith("no cue") or m.effects & _NOT_CHOSEN:
            continue
        before = m.sentence[: m.start - m.sentence_start]
        heading = headings.match(before.strip(" \t-*•"))
        if heading is None or not re.fullmatch(r"\s*:\s*", before.strip(" \t-*•")[heading.end() :]):
            continue
        rest = m.sentence[m.end - m.sentence_start :]
        stop = _CLAUSE_AFTER.search(rest)
        clause = rest[: stop.start()] if stop else rest
        if reported_with_result(m) or _DATE.search(clause) or not only_qualifiers(clause):
            continue
        if results is not None and results.search(rest):
            continue  # "Staging: PET/CT - no distant disease" is a report
        if stop is not None and rest[stop.start()] == ":":
            continue  # "Staging: PET/CT: no distant disease" is a report
        c.used, c.reason = True, None


def bare_alternative(choice: Mapping[str, Any], cands: list[Candidate], studies: list[tuple[int, int]]) -> None:
    """A study offered with an alternative named by its modality alone ("MRI abdomen w/wo today vs urgent CT - please
    advise", "bone scan or CT?"): two studies are considered, so neither is the order (the bare one names no study)."""
    joins, modalities = _pattern(choice, "alternative_words"), _pattern(choice, "bare_modalities")
    if joins is None or modalities is None:
        return
    leading = _pattern(choice, "alternative_leading")
    for start, group in _by_sentence(_orders(cands)).items():
        text = group[0].mention.sentence
        # every study the note names, ambiguous ones too ("Bone scan vs MRI spine?": a conflict of its own)
        spans = [(s - start, e - start) for s, e in studies]
        offered = False
        for c in group:
            if not c.used:
                continue
            at = c.mention.end - start
            stop = _ALTERNATIVE_END.search(text, at)
            clause_end = stop.start() if stop else len(text)
            for join in joins.finditer(text, at, clause_end):
                pos = join.end()
                while leading is not None and (lead := leading.match(text, len(text[:pos]) + _blanks(text, pos))):
                    pos = lead.end()
                pos += _blanks(text, pos)
                bare = modalities.match(text, pos)
                if bare is not None and not any(s <= bare.start() < e for s, e in spans):
                    offered = True
                    break
        if offered:
            for c in group:
                if c.used:
                    c.used, c.reason = False, OFFERED_BESIDE


def _blanks(text: str, pos: int) -> int:
    n = 0
    while pos + n < len(text) and text[pos + n] in " \t":
        n += 1
    return n
