"""Round 13a: a symptom told after a relative's pronoun that cannot be the patient's is left to confirm.

A note names a relative of the other sex than the patient's and goes on with that relative's pronoun ("wife has
ovarian ca, on chemo - she's had terrible pain in her bones", in a man's note). ConText's relative scope ends at the
dash or the semicolon, and the symptom was read as the patient's. The pronoun cannot be the patient: the symptom told
after it in its sentence is not surely the patient's, so it is left uncertain (sent to confirmation), never stated and
never dropped. Nothing changes when the patient's sex is not read (or read both ways), when the symptom already
carries a relative's effect, or when a pronoun of the patient's sex or a word naming the patient stands between the
other pronoun and the symptom ("his wife says she has noticed he has back pain").

The word lists are ``red_flag_readings`` in context.yaml (female_/male_relatives, female_/male_pronouns,
patient_words); a pure function over the mentions already read.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping

from rightscan.adapters.text.candidates import ACCEPTED, status_of
from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.rules import Rules
from rightscan.adapters.text.values import FACT

SYMPTOM_FAMILIES = frozenset({"symptom", "symptom_unsure", "symptom_felt"})  # symptom_felt: round 44x
UNCERTAIN = "uncertain"  # context.yaml families.symptom.to_unparsed: sent to confirmation
FAMILY = "family"
_WORD = re.compile(r"[a-z]+(?:['’-][a-z]+)*")


def _sex(rules: Rules, mentions: Iterable[Mention]) -> str | None:
    found = {
        f.value
        for m in mentions
        for f in m.findings
        if f.kind == FACT and f.field == "sex" and status_of(rules, m)[0] == ACCEPTED
    }
    return next(iter(found)) if len(found) == 1 else None


_PHRASES: dict[int, tuple[Rules, dict[str, tuple[str, ...]]]] = {}


def _rule_phrases(rules: Rules, rule_id: str) -> tuple[str, ...]:
    """A target rule's expanded phrases, indexed once per rule set."""
    held = _PHRASES.get(id(rules))
    if held is None or held[0] is not rules:
        held = _PHRASES[id(rules)] = (rules, {r.id: r.phrases for r in rules.targets})
        if len(_PHRASES) > 4:  # rule sets are few (the shipped one, a candidate directory): keep few
            _PHRASES.pop(next(iter(_PHRASES)))
    return held[1].get(rule_id, ())


def _phrases(words: Iterable[str]) -> list[tuple[str, ...]]:
    return [tuple(w.split()) for w in words if w.strip()]


def _hits(tokens: list[str], phrases: list[tuple[str, ...]]) -> list[int]:
    """Indexes of the tokens that start one of the phrases."""
    firsts = {p[0] for p in phrases}
    return [i for i, t in enumerate(tokens) if t in firsts and any(tuple(tokens[i : i + len(p)]) == p for p in phrases)]


def _symptom_at(rules: Rules, m: Mention) -> int | None:
    """Where the mention's words start in its sentence, when its rule's phrases place it at one spot only."""
    length = m.end - m.start
    low = m.sentence.lower()
    phrases = [p.lower() for p in _rule_phrases(rules, m.rule) if len(p) == length]
    spots = {at for phrase in phrases for at in _whole(low, phrase)}
    return spots.pop() if len(spots) == 1 else None


def _whole(text: str, phrase: str) -> list[int]:
    """Where the phrase stands in the text as whole words."""
    spots: list[int] = []
    at = text.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        if not (at and text[at - 1].isalpha()) and not (end < len(text) and text[end].isalpha()):
            spots.append(at)
        at = text.find(phrase, at + 1)
    return spots


def _tokens(text: str) -> list[str]:
    return [t.replace("’", "'") for t in _WORD.findall(text.lower())]


def carry(rules: Rules, mentions: list[Mention]) -> list[Mention]:
    """The mentions, with each symptom told after another-sex relative's pronoun made uncertain."""
    words: Mapping[str, tuple[str, ...]] = rules.red_flag_readings
    sex = _sex(rules, mentions)
    if sex not in ("female", "male") or not any(m.family in SYMPTOM_FAMILIES for m in mentions):
        return mentions
    other = "male" if sex == "female" else "female"
    relatives = _phrases(words.get(f"{other}_relatives", ()))
    theirs = _phrases(words.get(f"{other}_pronouns", ()))
    ours = _phrases((*words.get(f"{sex}_pronouns", ()), *words.get("patient_words", ())))
    out: list[Mention] = []
    for m in mentions:
        if (
            m.family in SYMPTOM_FAMILIES
            and FAMILY not in m.effects
            and _hits(_tokens(m.sentence), relatives)
            and status_of(rules, m)[0] == ACCEPTED
        ):
            at = _symptom_at(rules, m)
            if at is not None and _foreign(_tokens(m.sentence[:at]), relatives, theirs, ours):
                m = dataclasses.replace(m, effects=m.effects | {UNCERTAIN})
        out.append(m)
    return out


def _foreign(
    before: list[str], relatives: list[tuple[str, ...]], theirs: list[tuple[str, ...]], ours: list[tuple[str, ...]]
) -> bool:
    """Whether the words before a symptom name another-sex relative, then that relative's pronoun, and nothing of
    the patient after the pronoun."""
    named = _hits(before, relatives)
    if not named:
        return False
    pronouns = [i for i in _hits(before, theirs) if i > named[0]]
    if not pronouns:
        return False
    return not any(i > pronouns[-1] for i in _hits(before, ours))
