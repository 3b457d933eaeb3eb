"""Round 50v: a message a relative writes for the patient - the writer's "I" is the writer, not the patient.

A portal message or a letter is often written by a relative for the patient ("Frank Russo here writing for my wife
Angela", "This is Evelyn's daughter, I help her with MyChart", "I'm writing on behalf of my mother"). In such a
message the first person is the writer: "I've had a cough myself for two weeks, should I wear a mask?" is the
husband's cough, while "she", "her", the patient's name or the relation naming her ("Mom", "my wife") is the patient.
The patient's own message (no such opening) is read as before: there "I" is the patient.

- ``carry(rules, mentions, text)``: in a proxy message, a symptom whose clause has a first-person word as its last
  person word before it (``red_flag_readings.speaker_first_person``; "my" before a relation names the patient, not
  the writer), with no verb of seeing or thinking after it ("I noticed", "I think": the writer telling of the
  patient, ``proxy_perceiving``), is the writer's own: read as a relative's (``family``). When the clause names the
  patient too ("my wife and I both have a cough", "I've had a cough and so has she") it is not surely whose: left
  uncertain (to confirm), never dropped.
- ``demographics(rules, extraction, text)``: the relation naming the patient in the proxy opening gives her sex
  ("my wife", "Mom": female); "<that relation or her name> is 79" gives her age. Only filled when the note states
  neither (never against a value read elsewhere).

The words are ``red_flag_readings`` of context.yaml (``proxy_leads``, ``proxy_writer_selves``, ``proxy_perceiving``,
with ``female_relatives`` / ``male_relatives`` and the speaker person words of round 47m). Pure functions.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from rightscan.adapters.text.candidates import ACCEPTED, IGNORED, status_of
from rightscan.adapters.text.foreign_pronouns import FAMILY, SYMPTOM_FAMILIES, UNCERTAIN
from rightscan.adapters.text.model import Extraction, Mention
from rightscan.adapters.text.rules import Rules

CLAUSE_REACH = 160  # characters before a symptom its clause may start
_CLAUSE_BREAK = re.compile(r"[.;!?\n]|\s[-–—]\s|[–—]|\bbut\b|\bwhile\b|\bwhereas\b", re.IGNORECASE)
_PRONOUNS = frozenset({"she", "her", "he", "his", "him", "herself", "himself"})
_QUOTES = re.compile(r"[\"\u201c\u201d]")
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_AGE_AFTER = (
    r"(?:[ \t]+is[ \t]+(?:now[ \t]+|only[ \t]+|just[ \t]+)?|,[ \t]*)(?P<age>1[89]|[2-9]\d|1[01]\d)(?![\d.,]\d)"
    r"(?![ \t]*(?:%|cm|mm|kg|lbs?|mg|minutes?|mins?|hours?|days?|weeks?|months?|years?[ \t]+(?:ago|out|since|after)))\b"
)


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(r"[ \t]+".join(re.escape(p) for p in w.split()) for w in sorted(words, key=len, reverse=True))


def _relatives(words: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    """Each relation word with the sex it names."""
    out = {w.lower(): "male" for w in words.get("male_relatives", ())}
    out.update({w.lower(): "female" for w in words.get("female_relatives", ())})
    return out


@lru_cache(maxsize=8)
def _patterns(
    leads: tuple[str, ...],
    selves: tuple[str, ...],
    helpers: tuple[str, ...],
    parents: tuple[str, ...],
    relatives: tuple[str, ...],
) -> tuple[re.Pattern[str] | None, re.Pattern[str], re.Pattern[str]]:
    """``proxy_patient``'s patterns (a lead naming the relation, the writer naming herself, a parent), built once for
    the rules' words rather than for each note."""
    rel = _alternatives(relatives)
    lead = None
    if leads:
        lead = re.compile(
            rf"(?<![\w])(?:{_alternatives(leads)})[ \t]+(?:my[ \t]+|our[ \t]+)?(?P<rel>{rel})(?![\w-])"
            rf"(?:,?[ \t]+(?P<name>(?-i:[A-Z][a-z]+)))?",
            re.IGNORECASE,
        )
    alone = rf"|(?:{_alternatives(helpers)})(?![\w])" if helpers else ""
    self_named = re.compile(
        rf"(?<![\w])(?:this[ \t]+is[ \t]+(?P<name>(?-i:[A-Z][a-z]+))['’]s[ \t]+(?:{rel})(?![\w-])"
        rf"|(?:{_alternatives(selves) or '(?!)'})[ \t]+(?:{rel})(?![\w-]){alone})",
        re.IGNORECASE,
    )
    parent = re.compile(
        rf"(?<![\w])(?P<rel>{_alternatives(parents) or '(?!)'})(?=[ \t]+(?:is|has|had|was|\())", re.IGNORECASE
    )
    return lead, self_named, parent


def proxy_patient(rules: Rules, text: str) -> tuple[bool, str | None, str | None]:
    """Whether a relative writes the message, and the relation and name the opening gives the patient ("writing for my
    wife Angela": "wife", "Angela"), when it gives them."""
    words = rules.red_flag_readings
    leads, selves = words.get("proxy_leads", ()), words.get("proxy_writer_selves", ())
    relatives = _relatives(words)
    if not relatives or not (leads or selves or words.get("proxy_helpers")):
        return False, None, None
    lead, self_named, parent_named = _patterns(
        tuple(leads),
        tuple(selves),
        tuple(words.get("proxy_helpers", ())),
        tuple(words.get("proxy_parents", ())),
        tuple(relatives),
    )
    if lead is not None:
        found = lead.search(text)
        if found:
            return True, found.group("rel").lower(), found.group("name")
    found = self_named.search(text)
    if found:
        parent = parent_named.search(text)
        return True, parent.group("rel").lower() if parent else None, found.group("name")
    return False, None, None


def carry(rules: Rules, mentions: list[Mention], text: str) -> list[Mention]:
    """The mentions, with each symptom the writer of a relative's message tells of herself read as a relative's (or
    left uncertain when the clause names the patient too)."""
    if not any(m.family in SYMPTOM_FAMILIES for m in mentions):
        return mentions
    proxy, relation, name = proxy_patient(rules, text)
    if not proxy:
        return mentions
    words = rules.red_flag_readings
    first = {w.lower().replace("’", "'") for w in words.get("speaker_first_person", ())}
    third = {w.lower().replace("’", "'") for w in words.get("speaker_third_person", ())}
    third |= set(_relatives(words)) | {n.lower() for n in (relation, name) if n}
    relatives = set(_relatives(words))
    perceiving = {w.lower() for w in words.get("proxy_perceiving", ())}
    patient = {n.lower() for n in (relation, name) if n}
    for group in words.get("relation_names", ()):  # "mother, mum, mom": every word for the relation names her
        names = {w.strip().lower() for w in group.split(",")}
        if patient & names:
            patient |= names
    out: list[Mention] = []
    for m in mentions:
        if m.family in SYMPTOM_FAMILIES and FAMILY not in m.effects and status_of(rules, m)[0] == ACCEPTED:
            whose = _whose(text, m.start, m.end, first, third, relatives, perceiving)
            if whose is not None:
                m = dataclasses.replace(m, effects=m.effects | {whose})
        elif m.family in SYMPTOM_FAMILIES and FAMILY in m.effects and _the_patients(text, m, patient, third):
            whose = _whose(text, m.start, m.end, first, third, relatives, perceiving)
            if whose != FAMILY:  # hers, or hers and the writer's ("Mom and I both have a cough"): to confirm
                theirs = dataclasses.replace(m, effects=(m.effects - {FAMILY}) | ({whose} if whose else set()))
                if status_of(rules, theirs)[0] != IGNORED:
                    m = theirs
        out.append(m)
    return out


def _the_patients(text: str, m: Mention, patient: set[str], third: set[str]) -> bool:
    """Whether a symptom read as a relative's is told of the patient the proxy opening named: the last person word of
    its clause is hers (her pronoun, her relation, her name) and its sentence names no other relative ("she's been
    having headaches", "Mom's cough is worse"; never "her sister had back pain")."""
    head = text[max(0, m.start - CLAUSE_REACH) : m.start]
    breaks = list(_CLAUSE_BREAK.finditer(head))
    before = _tokens(head[breaks[-1].end() :] if breaks else head)
    if not patient:
        return False
    people = [t.removesuffix("'s") for t in before if t.removesuffix("'s") in third]
    if not people or people[-1] not in patient | _PRONOUNS:
        return False
    sentence = {t.removesuffix("'s") for t in _tokens(m.sentence)}
    others = (third - patient - _PRONOUNS - {"pt", "patient"}) & sentence
    return not others


def _tokens(text: str) -> list[str]:
    return [t.lower().replace("’", "'") for t in _WORD.findall(text)]


def _whose(
    text: str, start: int, end: int, first: set[str], third: set[str], relatives: set[str], perceiving: set[str]
) -> str | None:
    """``family`` when the symptom's clause gives it to the writer, ``uncertain`` when to the writer and the patient
    both, None when to the patient (or to no one)."""
    head = text[max(0, start - CLAUSE_REACH) : start]
    breaks = list(_CLAUSE_BREAK.finditer(head))
    before = _tokens(head[breaks[-1].end() :] if breaks else head)
    last_first = last_third = -1
    for i, t in enumerate(before):
        following = before[i + 1] if i + 1 < len(before) else ""
        if t in first and not (t in ("my", "our") and following in relatives):
            last_first = i
        elif t in third or (t in ("my", "our") and following in relatives):
            last_third = i
    if last_first < 0 or last_third > last_first or perceiving.intersection(before[last_first + 1 :]):
        return None
    if len(_QUOTES.findall(text[:start])) % 2:  # inside a quotation: the quoted speaker's "I" (often the patient's)
        return None
    tail = text[end : end + CLAUSE_REACH]
    stop = _CLAUSE_BREAK.search(tail)
    after = _tokens(tail[: stop.start()] if stop else tail)
    if last_third >= 0 or third.intersection(after) or {"both", "we", "us"}.intersection(before + after):
        return UNCERTAIN
    return FAMILY


def demographics(rules: Rules, extraction: Extraction, text: str) -> Extraction:
    """The extraction with the patient's sex and age filled from a relative's message where the note states neither."""
    facts = extraction.facts
    if "sex" in facts and "age" in facts:
        return extraction
    proxy, relation, name = proxy_patient(rules, text)
    if not proxy:
        return extraction
    relatives = _relatives(rules.red_flag_readings)
    added: dict[str, object] = {}
    evidence: list[dict[str, object]] = []
    if relation is not None and "sex" not in facts:
        added["sex"] = relatives[relation]
        spot = text.lower().find(relation)
        evidence.append(_evidence("sex", relatives[relation], spot, spot + len(relation)))
    subjects = [re.escape(w) for w in (relation, name) if w]
    if subjects and "age" not in facts:
        found = re.search(rf"(?<![\w])(?:my[ \t]+)?(?:{'|'.join(subjects)}){_AGE_AFTER}", text, re.IGNORECASE)
        if found:
            added["age"] = int(found.group("age"))
            evidence.append(_evidence("age", added["age"], found.start(), found.end()))
    if not added:
        return extraction
    return dataclasses.replace(extraction, facts={**facts, **added}, evidence=[*extraction.evidence, *evidence])


def _evidence(field: str, value: object, start: int, end: int) -> dict[str, object]:
    return {
        "field": field,
        "value": value,
        "used": True,
        "context": [],
        "reason": "the patient named by a relative writing for her (round 50v)",
        "start": start,
        "end": end,
        "rule": "proxy_writer.demographics",
    }
