"""Round 51h: what a hospital discharge tells the patient to come back for is no symptom she has.

A discharge summary ends with its advice: "Return: belly pain getting worse, fever, blood in stool.", or a template's
"Return to ED if:" with the precautions the clinician ticked ("[x] shortness of breath", "[x] new weakness"). Outside
a discharge these words may be something else, and round 24 left them to confirm: a bare "Return:" may head a return
visit's complaint (an ADVICE_HEADING cue of context_rules.json, effect uncertain), and a ticked box under a list of
what to report may be the patient's answer (``hypothetical_lists``: the line is uncertain, and marked ``TICKED``).

In a document that is a discharge (context.yaml ``red_flag_readings.discharge_titles``, in its title: one of the
first lines of the note) such a list is the instruction, never the patient's present symptom: the mention is lowered
to hypothetical (not counted), but only when nothing else in the note states the same symptom. A symptom the course
tells as present, or leaves unsure, keeps the note's reading ("pain controlled on oxycodone" for a new hip pain
stays present, and the advice then changes nothing). A return list in any other note keeps round 24's reading.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rightscan.adapters.text.hypothetical_lists import TICKED
from rightscan.adapters.text.rule_pass import ANY_SYMPTOM, NoteMentions
from rightscan.adapters.text.value_findings import FACT

ADVICE = "ADVICE_HEADING"  # context.yaml categories: a bare 'Return:' heading (effect uncertain)
UNCERTAIN = "uncertain"
HYPOTHETICAL = "hypothetical"
TITLE_LINES = 3  # a document's title stands in its first lines (a fax header may come first)
# what leaves a mention not counted as the patient's present symptom (context.yaml policies, symptom families)
_NOT_COUNTED = frozenset({"negated", "historical", "hypothetical", "family"})


def _pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’])(?:{alts})(?![\w'’])", re.IGNORECASE)


ANY = "*"  # a symptom's note that names no code (it may be any of them)


def _codes(d: Mapping) -> set[object]:
    """The symptoms a mention names or leaves possible; ``ANY`` for a note that names none."""
    found = d.get("findings") or ()
    out: set[object] = {f.value for f in found if f.field == "symptoms" and f.kind == FACT}
    out |= set(d.get("confirm_values") or ())
    if d.get("uncertain_value"):
        out.add(d["uncertain_value"][1])
    if not out and found:
        out.add(ANY)
    return out


def _states(effects: set[str]) -> bool:
    """Whether a mention tells the symptom as present or leaves it unsure (it is not set aside)."""
    if effects & _NOT_COUNTED:
        return False
    return not ("explained" in effects and "warning" not in effects)


class DischargeAdvice:
    """The pass, with its words compiled once."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        self._titles = _pattern(words.get("discharge_titles", ()))

    def _is_discharge(self, text: str) -> bool:
        if self._titles is None:
            return False
        lines = [line for line in text.splitlines() if line.strip()][:TITLE_LINES]
        return any(self._titles.search(line) for line in lines)

    def apply(self, note: NoteMentions) -> None:
        headed = {
            (target.start, target.end) for target, mod in note.doc._.context_graph.edges if mod.category == ADVICE
        }
        advice = [
            t
            for t in note.mentions(ANY_SYMPTOM, having={UNCERTAIN})
            if TICKED in t.effects or (t.span.start, t.span.end) in headed
        ]
        if not advice or not self._is_discharge(note.doc.text):
            return
        chosen = {t.i for t in advice}
        stated: set[object] = set()
        for t in note.mentions(ANY_SYMPTOM):
            if t.i not in chosen and _states(t.effects):
                stated |= _codes(t.d)
        for t in advice:
            codes = _codes(t.d)
            if not codes or ANY in codes or ANY in stated or codes & stated:
                continue  # the note states it elsewhere (or names no symptom): the advice changes nothing
            t.effects.discard(UNCERTAIN)
            t.effects.add(HYPOTHETICAL)
