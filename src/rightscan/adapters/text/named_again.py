"""Round 39b: a symptom named again only as the cause of another, or as the examination's sign of it.

A note tells a symptom once with what it is (resolved, explained) and names it again without telling it anew:

- **as the cause of another symptom** ("L rib pain started during a bronchitis with coughing fits; cough gone since
  March ... A/P: rib pain initially attributed to cough strain but progressive + nocturnal"): after a word of cause
  (``cause_position_leads``: attributed to, put down to, from, due to, 2/2 ...) and at most a few plain words
  (``cause_position_fillers``), the symptom is what explained the other one. It is the symptom the note told before;
  the warnings of its sentence are the other symptom's ("progressive + nocturnal" is the rib pain's);
- **as the examination's sign of it** ("crampy lower abd pain ... same pattern she has had for >20 yrs ... Exam: soft,
  mild LLQ tenderness"): tenderness (``exam_sign_words``) of the codes in ``exam_sign_codes`` on a line the
  examination opens (``exam_sign_heads`` then a colon) is the finding of the pain the history told. A spine tender to
  percussion is no such sign (a red flag of its own, targets.yaml symptom.back_pain), so only the codes listed.

When every other mention of that symptom in the note was left out as historical or explained (and none stands), the
one named again takes those qualifiers: the cough gone since March does not come back as the rib pain's cause.
Nothing changes when another mention of it stands, when there is none (the "chest wall pain from persistent coughing x 3
wks" is a cough she has), when the other mentions were only denied, a relative's or hypothetical (a denial does not
undo a sign found on examination), or when a warning stands between the word of cause and the symptom ("from her
worsening cough") or in the examination's own sign ("new RUQ tenderness"). A pure function over the mentions.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from rightscan.adapters.text.candidates import ACCEPTED, status_of
from rightscan.adapters.text.foreign_pronouns import SYMPTOM_FAMILIES, _symptom_at
from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.resolved_afterwards import symptom_codes
from rightscan.adapters.text.rules import Rules

WARNING = "warning"
CARRIED = frozenset({"historical", "explained"})  # the qualifiers the earlier telling gives the symptom named again
_FILLERS_AT_MOST = 3


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


class _Words:
    def __init__(self, rules: Rules) -> None:
        words = rules.red_flag_readings
        leads = words.get("cause_position_leads", ())
        fillers = words.get("cause_position_fillers", ())
        filler = rf"(?:(?:{_alternatives(fillers)})\s+){{0,{_FILLERS_AT_MOST}}}" if fillers else ""
        self.cause = re.compile(rf"(?<![\w/])(?:{_alternatives(leads)})\s+{filler}$", re.IGNORECASE) if leads else None
        heads = words.get("exam_sign_heads", ())
        self.exam_head = re.compile(rf"^\W*(?:{_alternatives(heads)})\s*:", re.IGNORECASE) if heads else None
        signs = words.get("exam_sign_words", ())
        self.sign = re.compile(rf"\b(?:{_alternatives(signs)})\b", re.IGNORECASE) if signs else None
        self.codes = frozenset(words.get("exam_sign_codes", ()))


def _offset(rules: Rules, m: Mention) -> int | None:
    if m.sentence_start >= 0 and 0 <= m.start - m.sentence_start <= len(m.sentence):
        return m.start - m.sentence_start
    return _symptom_at(rules, m)


def _named_again(rules: Rules, words: _Words, m: Mention) -> bool:
    """Whether the mention names its symptom as another's cause, or as the examination's sign of it."""
    at = _offset(rules, m)
    if at is None:
        return False
    if words.cause is not None and words.cause.search(m.sentence[:at]):
        return True
    if WARNING in m.effects or words.exam_head is None or words.sign is None:
        return False
    text = m.sentence[at : at + m.end - m.start]
    return bool(symptom_codes(m) & words.codes and words.sign.search(text) and words.exam_head.search(m.sentence))


def carry(rules: Rules, mentions: list[Mention]) -> list[Mention]:
    """The mentions, with each symptom named again (module docstring) given the qualifiers of its other tellings when
    none of them stands and one was historical or explained."""
    words = _Words(rules)
    if words.cause is None and words.exam_head is None:
        return mentions
    again = {
        i
        for i, m in enumerate(mentions)
        if m.family in SYMPTOM_FAMILIES
        and symptom_codes(m)
        and status_of(rules, m)[0] == ACCEPTED
        and _named_again(rules, words, m)
    }
    if not again:
        return mentions
    out = list(mentions)
    for i in again:
        m = mentions[i]
        codes = symptom_codes(m)
        others = [o for j, o in enumerate(mentions) if j not in again and symptom_codes(o) & codes]
        if not others or any(status_of(rules, o)[0] == ACCEPTED for o in others):
            continue
        carried = frozenset(e for o in others for e in o.effects if e in CARRIED)
        if carried:
            out[i] = dataclasses.replace(m, effects=(m.effects - {WARNING}) | carried)
    return out
