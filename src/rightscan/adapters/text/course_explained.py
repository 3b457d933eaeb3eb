"""A symptom the note explains later: before it, read with the explanation (split from assemble.py, round 37b).

``explained_later`` (assemble): a symptom the note later explains or calls resolved ("abdominal pain explained by
cholecystitis - resolved") is not a current symptom, unless a mention of it carries a warning qualifier.

Round 37b (v37 al-043): a warning of persistence only, told before the cause was known, is answered by the course
the note tells after it. "CT chest obtained for persistent cough: no pneumonia ... Cough improving, attributed to viral
URI (rhinovirus + on resp panel)": the cough was persistent until its cause was found, and it is now getting better.
An earlier mention with a warning gives way, for a symptom of ``red_flag_readings.course_symptoms`` (cough,
breathlessness: what an infection explains), only when all of these hold:

- the symptom's last mention in the note is explained (not denied, hypothetical or a relative's), carries no warning,
  and its sentence both attributes it (``course_attributions``: "attributed to", "due to", "secondary to") and tells a
  resolving course (``course_resolving``: "improving", "resolving", "settling");
- the earlier mention's sentence holds no warning cue (context_rules.json WARNING literals) other than a word of
  persistence (``course_persistence``: "persistent", "ongoing", "lingering").

A persistent cough the note never attributes, or attributes without a resolving course, or one that is also new,
worse or at night, stays a red flag. Plain functions over the candidates; every word is data.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any

from rightscan.adapters.text.rules import Rules

_WORD = re.compile(r"[a-z]{4,}")
_NOT_THE_PATIENTS = frozenset({"negated", "hypothetical", "family", "warning"})


def _words(words: Iterable[str]) -> re.Pattern[str] | None:
    return _compiled(frozenset(" ".join(w.lower().split()) for w in words if w.strip()))


@functools.lru_cache(maxsize=64)
def _compiled(words: frozenset[str]) -> re.Pattern[str] | None:
    """One pattern per word set, built once (the sets come from the knowledge files: a handful per run)."""
    listed = sorted(words, key=len, reverse=True)
    if not listed:
        return None
    alts = "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in listed)
    return re.compile(rf"(?<![\w/-])(?:{alts})(?![\w/-])", re.IGNORECASE)


# the rules' modifiers (by identity) -> (them, the persistence words, their literal warning cues): read once per rules
_WARNING_LITERALS: dict[int, tuple[Any, frozenset[str], frozenset[str]]] = {}


def _warning_literals(modifiers: Sequence[Any], persistence: frozenset[str]) -> frozenset[str]:
    """The literal warning cues, persistence words aside, as ``_words`` reads them (once per rules, not per note; the
    entry holds the modifiers it was read from, so an id reused by other rules is never mistaken for them)."""
    held = _WARNING_LITERALS.get(id(modifiers))
    if held is not None and held[0] is modifiers and held[1] == persistence:
        return held[2]
    found = frozenset(
        " ".join(m.literal.lower().split())
        for m in modifiers
        if m.category == "WARNING" and m.pattern is None and m.literal.lower() not in persistence and m.literal.strip()
    )
    if len(_WARNING_LITERALS) >= 8:
        _WARNING_LITERALS.clear()
    _WARNING_LITERALS[id(modifiers)] = (modifiers, persistence, found)
    return found


def explained_later(cands: Sequence[Any], rules: Rules, mentions: Sequence[Any] = ()) -> None:
    """Set unused the symptom candidates (assemble.Candidate) the note explains or resolves later (module docstring).

    Round 39a: for a red flag that gathers distinct findings (``red_flag_readings.explained_by_finding``: a weakness,
    a numbness, a change of sight or speech are all a neurologic deficit), the later explanation is that finding's
    only: a numbness put down to paclitaxel never explains a limb weakness told before it."""
    by_finding = frozenset(rules.red_flag_readings.get("explained_by_finding", ()))
    later: dict[Any, list[Any]] = {}
    for c in cands:
        e = c.mention.effects
        if c.field == "symptoms" and not c.used and e & {"explained", "historical"} and "negated" not in e:
            later.setdefault(c.value, []).append(c.mention)
    for m in _resolved_by_abbreviation(mentions):  # round 56u
        for value in m.confirm_values:
            later.setdefault(value, []).append(m)
    for c in cands:
        if not (c.field == "symptoms" and c.used and "warning" not in c.mention.effects):
            continue
        told = [m for m in later.get(c.value, ()) if m.start > c.mention.start]
        if c.value in by_finding:
            told = [m for m in told if _same_finding(m, c.mention)]
        if told:
            c.used, c.reason = False, "explained or resolved later in the note"
    _course_answers_persistence(cands, rules)


def _resolved_by_abbreviation(mentions: Sequence[Any]) -> list[Any]:
    """Round 56u (v56 cp-034): a symptom the note names in full and later says resolved by its abbreviation ("4 days
    of dull headache ... HA and nausea gone by HD2"). An abbreviation with more than one meaning (targets.yaml
    ``note.headache_abbreviation``: family ``symptom_unsure``) is never a fact of its own, so its resolution was lost;
    told of a symptom the note has already named in full, it speaks of that symptom: a resolved (historical) or
    explained mention of it, not denied, asked, doubted or a relative's, resolves the earlier plain mentions as a full
    word would (``explained_later``: never one that carries a warning). A persisting "HA" resolves nothing."""
    spoiled = {"negated", "hypothetical", "family", "question", "uncertain", "warning"}
    return [m for m in mentions if m.family == "symptom_unsure" and m.confirm_values
            and m.effects & {"historical", "explained"} and not m.effects & spoiled]  # fmt: skip


def _same_finding(a: Any, b: Any) -> bool:
    """Round 39a: two mentions (model.Mention) of one finding: the same rule, and a word of four letters or more
    in common ("numbness" ... "numbness"; not "weakness" ... "numbness", nor "vision" ... "weakness")."""
    if a.rule != b.rule or a.sentence_start < 0 or b.sentence_start < 0:
        return False  # unknown: not carried (the finding stays as told)
    said = [m.sentence[m.start - m.sentence_start : m.end - m.sentence_start].lower() for m in (a, b)]
    return bool(set(_WORD.findall(said[0])) & set(_WORD.findall(said[1])))


def _course_answers_persistence(cands: Sequence[Any], rules: Rules) -> None:
    words = rules.red_flag_readings
    symptoms = frozenset(words.get("course_symptoms", ()))
    attributed = _words(words.get("course_attributions", ()))
    resolving = _words(words.get("course_resolving", ()))
    persistence = frozenset(words.get("course_persistence", ()))
    if not symptoms or attributed is None or resolving is None:
        return
    others = _compiled(_warning_literals(rules.modifiers, persistence))
    for value in symptoms:
        told = [c for c in cands if c.field == "symptoms" and c.value == value]
        if not told:
            continue
        last = max(told, key=lambda c: c.mention.start)
        e = last.mention.effects
        if last.used or "explained" not in e or e & _NOT_THE_PATIENTS:
            continue
        if not (attributed.search(last.mention.sentence) and resolving.search(last.mention.sentence)):
            continue
        for c in told:
            if c is last or not c.used or "warning" not in c.mention.effects:
                continue
            if others is not None and others.search(c.mention.sentence):
                continue  # another warning than persistence ("new", "worse", "at night"): it stands
            c.used, c.reason = False, "persistent until explained later, and getting better since"
