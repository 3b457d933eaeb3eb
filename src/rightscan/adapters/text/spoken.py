"""An unedited dictation's spoken forms, read as the written forms the rules read (round 22e).

Speech recognition writes what was said: "a forty seven year old", "four point two centimeters", "grade three",
"E R positive P R negative her to new three plus", "P T one C P N zero", "period", "comma", "new paragraph", and the
speaker's own corrections ("E R positive scratch that E R negative"). Read as written, the age, the size, the grade,
the receptors and the pathology stage are lost, and a sentence runs on into the next. Here each is rewritten in the
layout's text (``chars``, the same length as the note: the written form padded with blanks, so offsets stay):

- receptor letters and sound-alikes (``layout`` ``spoken_forms`` in context.yaml, the syntax of ``dictation``), only
  right before a status word: "her" alone is a pronoun, "two" alone is no HER2;
- numbers said as words, only next to what they count: a unit or "year old" after them (the digits written at the
  end of the words, next to the unit), a grade or an age word before them (at the start, next to the word);
- a liver test's value and reference range said as words right after the test's name (round 45d): "alk phos one
  forty two reference thirty five to one oh four" as "alk phos 142 reference 35 to 104", the hundreds said the short
  way read only there;
- the pathology stage spelled apart: "P T one C" as "pT1c";
- spoken punctuation, only in a note that says "comma" and at least one more command (a written note says
  "period" for a span of time, never "comma"), not after a word that makes "period" a time; round 56d: the word after
  a full stop said opens its sentence with a capital, as written (the splitter needs it);
- a correction ("scratch that", "I mean"): the words before it that the words after it say again, or the one value
  it replaces, are blanked with it; where neither is found both stand, and a disagreement goes to confirmation.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rightscan.adapters.text.dictation import Misheard, compile_misheard, hear
from rightscan.adapters.text.firstchars import guarded


@dataclass(frozen=True, slots=True)
class Spoken:
    forms: Misheard | None
    values: dict[str, int]  # a number word -> its value ("forty" 40, "zero" 0)
    point: re.Pattern[str]  # the decimal point said
    after: re.Pattern[str] | None  # a number followed by its unit
    before: re.Pattern[str] | None  # a grade or age word followed by a number
    stage: re.Pattern[str] | None
    prefixes: dict[str, str]
    stages: dict[str, str]
    commands: re.Pattern[str] | None
    punct: dict[str, str]
    not_after: frozenset[str]
    proof: frozenset[str]  # round 45s: the commands that prove a dictation (spoken_dictation_proof)
    corrections: re.Pattern[str] | None
    correction_values: frozenset[str]
    clinical: re.Pattern[str] | None = None  # round 45d: "T three N one M X" (the letters said apart, T before N)
    lab: re.Pattern[str] | None = None  # round 45d: a liver test's name, its value and its reference range said
    colon_not_after: frozenset[str] = frozenset()  # round 51c: "history of colon", "sigmoid colon": the bowel
    colon_not_before: frozenset[str] = frozenset()  # round 51c: "colon cancer", "colon polyps": the bowel


def _alt(words: Sequence[str], flags: str = "") -> str:
    ordered = sorted(dict.fromkeys(w.strip() for w in words if w.strip()), key=len, reverse=True)
    body = "|".join(r"[ \t]+".join(re.escape(p) for p in w.split()) for w in ordered) or "(?!)"
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


def _pairs(entries: Sequence[str]) -> dict[str, str]:
    out = {}
    for e in entries:
        heard, _, meant = e.partition("=>")
        out[" ".join(heard.split())] = meant.strip()
    return out


def compile_spoken(spec: Mapping[str, Sequence[str]]) -> Spoken | None:
    units, tens = list(spec.get("spoken_units", ())), list(spec.get("spoken_tens", ()))
    zero, hundred, point = spec.get("spoken_zero", ()), spec.get("spoken_hundred", ()), spec.get("spoken_point", ())
    values = {w.lower(): k + 1 for k, w in enumerate(units)} | {w.lower(): 20 + 10 * k for k, w in enumerate(tens)}
    values |= {w.lower(): 0 for w in zero}
    after = before = None
    if units and tens:
        u9, u19, tt = _alt(units[:9]), _alt(units), _alt(tens)
        below = rf"(?:{tt}(?:[ \t-]+{u9})?|{u19})"
        digit = rf"(?:{u9}|{_alt(zero)})"
        whole = rf"(?:{u9}[ \t]+{_alt(hundred)}(?:[ \t]+and)?(?:[ \t]+{below})?|{below}|{_alt(zero[:1])})"
        num = rf"(?<![A-Za-z'-])(?P<num>{whole}(?:[ \t]+{_alt(point)}(?:[ \t]+{digit})+)?)"
        if spec.get("spoken_number_after"):
            after = re.compile(rf"{num}(?=[ \t]+{_alt(spec['spoken_number_after'])}(?![A-Za-z]))", re.IGNORECASE)
        if spec.get("spoken_number_before"):
            lead = _alt(spec["spoken_number_before"])
            before = re.compile(rf"(?<![A-Za-z]){lead}[ \t]+{num}(?![A-Za-z'-])", re.IGNORECASE)
    lab = None
    if units and tens and spec.get("spoken_lab_names"):
        # round 45d: the short hundreds of a lab value ("one forty two", "one oh four", "one fifty"), then any number
        short = rf"(?:{u9}[ \t]+(?:{tt}(?:[ \t]+{u9})?|{_alt(units[9:])}|{_alt(zero[1:])}[ \t]+{u9}))"
        value = rf"(?:{short}|{whole})(?:[ \t]+{_alt(point)}(?:[ \t]+{digit})+)?(?![A-Za-z'-])"
        ranges = _alt(spec.get("spoken_lab_ranges", ())) if spec.get("spoken_lab_ranges") else "(?!)"
        # round 56n (v56 co-004, co-016, co-036): the comma said as a word before the range ("one forty eight comma
        # upper limit of normal one twenty nine"), and the upper limit said alone ("normal less than one point two")
        commas = [k for k, v in _pairs(spec.get("spoken_commands", ())).items() if v == ","]
        comma = rf"(?:[ \t]*,|[ \t]+{_alt(commas)})?" if commas else r"[ \t]*,?"
        limits = spec.get("spoken_lab_limit_words", ())
        limit = rf"(?:{_alt(limits)}[ \t]+)?" if limits else ""
        lab = re.compile(
            rf"(?<![A-Za-z]){_alt(spec['spoken_lab_names'])}[ \t]*[,:]?[ \t]+(?P<num>{value})"
            rf"(?:{comma}[ \t]+{ranges}[ \t]*[,:]?[ \t]+(?:(?P<lo>{value})[ \t]+to[ \t]+(?P<hi>{value})"
            rf"|{limit}(?P<up>{value})))?",
            re.IGNORECASE,
        )
    prefixes, stages = _pairs(spec.get("spoken_stage_prefixes", ())), _pairs(spec.get("spoken_stage_values", ()))
    stage = None
    if prefixes and stages:  # the letters as dictated, in capitals; the value in any case; a capital sub-letter
        stage = re.compile(
            rf"(?<![A-Za-z])(?P<pre>{_alt(list(prefixes))})[ \t]+(?P<val>{_alt(list(stages), 'i')})"
            r"(?:[ \t]+(?P<sub>[A-D]|(?i:mi)))?(?![A-Za-z0-9])"
        )
    clinical = None
    letters = list(spec.get("spoken_clinical_letters", ()))
    if stages and len(letters) == 3:  # round 45d: T said right before N said, then perhaps M
        val, sub = _alt(list(stages), "i"), r"(?:[ \t]+(?P<{}>[A-D]|(?i:mi)))?"
        t, n, m = (re.escape(w) for w in letters)
        clinical = re.compile(
            rf"(?<![A-Za-z])(?P<T>{t}[ \t]+(?P<tv>{val}){sub.format('ts')})[ \t]+"
            rf"(?P<N>{n}[ \t]+(?P<nv>{val}){sub.format('ns')})(?:[ \t]+(?P<M>{m}[ \t]+(?P<mv>{val})))?(?![A-Za-z0-9])"
        )
    # round 51c: a paragraph or a line said ("new paragraph", "next line") written as "\\n" in the knowledge: a line
    # break, so that the heading dictated after it opens its line as a written heading does ("new paragraph
    # assessment and plan colon" ends the past medical history above it, as "\n\nAssessment and plan:" does)
    punct = {k.lower(): v.replace("\\n", "\n") for k, v in _pairs(spec.get("spoken_commands", ())).items()}
    # the blanks before a command only from the run's start, possessive (a run of blanks read from each of its
    # positions was quadratic: 10,000 blanks before a symptom cost 8 s, the eighth pass's freeze again)
    lead = r"(?:(?<![ \t])[ \t]++)?"
    commands = re.compile(rf"{lead}(?<![A-Za-z])(?P<cmd>{_alt(list(punct))})(?![A-Za-z])", re.IGNORECASE)
    fixes = spec.get("spoken_corrections", ())
    corrections = re.compile(rf"(?<![A-Za-z]){_alt(fixes)}(?![A-Za-z])", re.IGNORECASE) if fixes else None
    return Spoken(
        forms=compile_misheard(spec.get("spoken_forms", ()), "context.yaml: layout.spoken_forms"),
        values=values,
        point=re.compile(rf"(?<![a-z]){_alt(point)}(?![a-z])"),
        # guarded: tried only where their first characters stand (the same matches, firstchars.py)
        after=guarded(after) if after is not None else None,
        before=guarded(before) if before is not None else None,
        stage=guarded(stage) if stage is not None else None,
        prefixes=prefixes,
        stages=stages,
        commands=guarded(commands) if punct else None,
        punct=punct,
        not_after=frozenset(w.lower() for w in spec.get("spoken_command_not_after", ())),
        # without a list, "comma" alone proves it (the commands said as a comma)
        proof=frozenset(" ".join(w.lower().split()) for w in spec.get("spoken_dictation_proof", ()))
        or frozenset(k for k, v in punct.items() if v == ","),
        corrections=guarded(corrections) if corrections is not None else None,
        correction_values=frozenset(w.lower() for w in spec.get("spoken_correction_values", ())),
        lab=guarded(lab) if lab is not None else None,
        clinical=guarded(clinical) if clinical is not None else None,
        colon_not_after=frozenset(w.lower() for w in spec.get("spoken_colon_not_after", ())),
        colon_not_before=frozenset(w.lower() for w in spec.get("spoken_colon_not_before", ())),
    )


def _value(spoken: Spoken, words: str, short: bool = False) -> str | None:
    parts = spoken.point.split(words.lower().replace("-", " "), maxsplit=1)
    whole, frac = parts[0], parts[1] if len(parts) > 1 else ""
    total, current = 0, 0
    said = whole.split()
    if short and len(said) > 1 and 1 <= spoken.values.get(said[0], 0) <= 9 and said[1] in spoken.values:
        total, said = spoken.values[said[0]] * 100, said[1:]  # "one forty two" 142, "one oh four" 104 (a lab value)
    for w in said:
        if w in spoken.values:
            current += spoken.values[w]
        elif w == "and":
            continue
        else:  # "hundred"
            current = max(current, 1) * 100
    total += current
    digits = "".join(str(spoken.values.get(w, "")) for w in frac.split())
    return f"{total}.{digits}" if digits else str(total)


_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'+-]*")
_BOUNDARY = re.compile(r"[.!?;\n]")


def _put(chars: list[str], text: str, s: int, e: int, word: str, right: bool) -> None:
    if len(word) > e - s or "".join(chars[s:e]) != text[s:e]:
        return  # another layout step rewrote it already
    chars[s:e] = list(word.rjust(e - s) if right else word.ljust(e - s))


def _numbers(spoken: Spoken, text: str, chars: list[str]) -> None:
    for pattern, right in ((spoken.after, True), (spoken.before, False)):
        if pattern is None:
            continue
        for m in pattern.finditer(text):
            s, e = m.span("num")
            value = _value(spoken, m.group("num"))
            if value is not None:
                _put(chars, text, s, e, value, right)


def _clinical(spoken: Spoken, text: str, chars: list[str]) -> None:
    """Round 45d: the clinical T, N (and M) said as letters apart, written together at the T ("T3 N1 Mx")."""
    if spoken.clinical is None:
        return
    for m in spoken.clinical.finditer(text):
        parts = []
        for letter, value, sub in (("T", "tv", "ts"), ("N", "nv", "ns"), ("M", "mv", None)):
            if m.group(value) is None:
                continue
            said = m.group(value)
            parts.append(
                m.group(letter).split()[0]
                + spoken.stages.get(said, spoken.stages.get(said.lower(), ""))
                + ((m.group(sub) or "").lower() if sub else "")
            )
        _put(chars, text, m.start(), m.end(), " ".join(parts), False)


def _labs(spoken: Spoken, text: str, chars: list[str]) -> None:
    """Round 45d: a liver test's value said after its name, and its reference range after the value: the value next
    to the name, the range's ends next to their "to" ("alk phos 142 reference     35 to 104")."""
    if spoken.lab is None:
        return
    for m in spoken.lab.finditer(text):
        for group, right in (("num", False), ("lo", True), ("hi", False), ("up", False)):
            if m.group(group) is not None:
                s, e = m.span(group)
                _put(chars, text, s, e, _value(spoken, m.group(group), short=True) or "", right)


def _stages(spoken: Spoken, text: str, chars: list[str]) -> None:
    if spoken.stage is None:
        return
    for m in spoken.stage.finditer(text):
        pre = spoken.prefixes[" ".join(m.group("pre").split())]
        val = spoken.stages.get(m.group("val"), spoken.stages.get(m.group("val").lower(), ""))
        _put(chars, text, m.start(), m.end(), f"{pre}{val}{(m.group('sub') or '').lower()}", True)


def _commands(spoken: Spoken, text: str, chars: list[str]) -> None:
    if spoken.commands is None:
        return
    found = list(spoken.commands.finditer(text))
    # round 45s (v45 bh-034): a command a written note never says ("comma", "new paragraph") proves the dictation; a
    # "period" alone may be a span of time
    if len(found) < 2 or not any(" ".join(m.group("cmd").lower().split()) in spoken.proof for m in found):
        return  # not a dictation's punctuation
    ends: list[int] = []
    for m in found:
        words = _WORD.findall(text[max(0, m.start() - 30) : m.start()])
        if words and words[-1].lower() in spoken.not_after:
            continue  # "her last menstrual period"
        said = spoken.punct[" ".join(m.group("cmd").lower().split())]
        if said == ":" and _bowel(spoken, words, text, m.end()):
            continue  # round 51c: "history of colon cancer" is the bowel, not a heading's colon
        if said.endswith("\n") and m.end() - m.start() >= len(said):  # round 51c: the break last, by the next line
            said = said[:-1].ljust(m.end() - m.start() - 1) + "\n"
        _put(chars, text, m.start(), m.end(), said, False)
        if chars[m.start()] in ".?!":  # a sentence said ended (written here, not by an earlier step's words)
            ends.append(m.end())
    _open_sentences(text, chars, ends)


def _open_sentences(text: str, chars: list[str], ends: list[int]) -> None:
    """Round 56d (v56 co-008): a sentence said ended ("... noticed by his wife period mammogram showed ...") opens the
    next one with a capital, as a written note does: the sentence splitter starts a sentence after a full stop only
    before a capital (a lower-case word after it may be an abbreviation's), so a dictated note ran on as one sentence
    and a relative's scope ("noticed by his wife") reached the biopsy's result read after it. Only a lower-case
    letter still as said (a word another step rewrote keeps its form), at the same offset."""
    for end in ends:
        k = end
        while k < len(chars) and chars[k] in " \t\n":
            k += 1
        if (
            k < len(chars)
            and chars[k] == text[k]
            and chars[k].islower()
            and (k + 1 >= len(chars) or chars[k + 1] == text[k + 1])
        ):
            chars[k] = chars[k].upper()


def _bowel(spoken: Spoken, before: list[str], text: str, end: int) -> bool:
    """Round 51c: "colon" said after a word that makes it the organ ("of", "sigmoid", "the") or before one that does
    ("cancer", "polyps"), or as the first word said: the bowel, never a heading's colon."""
    after = _WORD.findall(text[end : end + 30])
    return (
        not before
        or before[-1].lower() in spoken.colon_not_after
        or bool(after and after[0].lower() in spoken.colon_not_before)
    )


def _corrections(spoken: Spoken, text: str, chars: list[str]) -> None:
    if spoken.corrections is None:
        return
    for m in spoken.corrections.finditer(text):
        start = max(0, m.start() - 160)
        back = text[start : m.start()]
        cut = max((b.end() for b in _BOUNDARY.finditer(back)), default=0)
        before = [(w.group().lower(), start + cut + w.start()) for w in _WORD.finditer(back[cut:])][-12:]
        stop = _BOUNDARY.search(text, m.end(), m.end() + 80)
        after = [w.group().lower() for w in _WORD.finditer(text, m.end(), stop.start() if stop else m.end() + 80)]
        where = _corrected(spoken, before, after)
        if where is not None:  # blanked whatever an earlier step wrote there ("E R" -> "ER")
            chars[where : m.end()] = [" "] * (m.end() - where)


def _corrected(spoken: Spoken, before: list[tuple[str, int]], after: list[str]) -> int | None:
    """Where the words that the correction replaces start, or None when it is unclear."""
    words = [w for w, _ in before]
    for k in range(min(3, len(after)), 0, -1):
        for i in range(len(words) - k, -1, -1):
            if words[i : i + k] == after[:k]:
                return before[i][1]
    if words and after and words[-1] in spoken.correction_values and after[0] in spoken.correction_values:
        return before[-1][1]  # "grade two I mean three"
    return None


def speak(spoken: Spoken, text: str, chars: list[str]) -> None:
    """Rewrite in ``chars`` (the layout's text, same length as ``text``) the spoken forms of a dictation."""
    if spoken.forms is not None:
        hear(spoken.forms, text, chars)
    _stages(spoken, text, chars)
    _clinical(spoken, text, chars)
    _labs(spoken, text, chars)
    _numbers(spoken, text, chars)
    _commands(spoken, text, chars)
    if spoken.corrections is not None:
        _corrections(spoken, text, chars)
