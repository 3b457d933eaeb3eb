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

SYMPTOM_FAMILIES = frozenset({"symptom", "symptom_unsure"})
UNCERTAIN = "uncertain"  # context.yaml families.symptom.to_unparsed: sent to confirmation
FAMILY = "family"
_WORD = re.compile(r"[a-z]+(?:['’-][a-z]+)*")


def _sex(rules: Rules, mentions: Iterable[Mention]) -> str | None:
    found = {
        f.value
        for m in mentions
        if status_of(rules, m)[0] == ACCEPTED
        for f in m.findings
        if f.kind == FACT and f.field == "sex"
    }
    return next(iter(found)) if len(found) == 1 else None


def _phrases(words: Iterable[str]) -> list[tuple[str, ...]]:
    return [tuple(w.split()) for w in words if w.strip()]


def _hits(tokens: list[str], phrases: list[tuple[str, ...]]) -> list[int]:
    """Indexes of the tokens that start one of the phrases."""
    return [i for i in range(len(tokens)) for p in phrases if tuple(tokens[i : i + len(p)]) == p]


def _symptom_at(rules: Rules, m: Mention) -> int | None:
    """Where the mention's words start in its sentence, when its rule's phrases place it at one spot only."""
    length = m.end - m.start
    rule = next((r for r in rules.targets if r.id == m.rule), None)
    if rule is None:
        return None
    low = m.sentence.lower()
    spots = {
        hit.start()
        for phrase in rule.phrases
        if len(phrase) == length
        for hit in re.finditer(rf"(?<![a-z]){re.escape(phrase.lower())}(?![a-z])", low)
    }
    return spots.pop() if len(spots) == 1 else None


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
        if m.family in SYMPTOM_FAMILIES and FAMILY not in m.effects and status_of(rules, m)[0] == ACCEPTED:
            at = _symptom_at(rules, m)
            if at is not None and _foreign(_tokens(m.sentence[:at]), relatives, theirs, ours):
                m = dataclasses.replace(m, effects=m.effects | {UNCERTAIN})
        out.append(m)
    return out


def _foreign(before: list[str], relatives: list[tuple[str, ...]], theirs: list[tuple[str, ...]],
             ours: list[tuple[str, ...]]) -> bool:
    """Whether the words before a symptom name another-sex relative, then that relative's pronoun, and nothing of
    the patient after the pronoun."""
    named = _hits(before, relatives)
    if not named:
        return False
    pronouns = [i for i in _hits(before, theirs) if i > named[0]]
    if not pronouns:
        return False
    return not any(i > pronouns[-1] for i in _hits(before, ours))
