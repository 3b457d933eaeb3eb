"""Round 36a: symptoms named by a criterion, and an indication quoted from another clinician.

Two readings over one note's mentions (``rule_pass.NoteMentions``), after ``Scopes.spread``:

- **a criterion she is said to meet** (``criterion_met``): a statement of when a study is supported or appropriate (a
  CRITERION cue of context_rules.json: "Bone imaging is supported for new or unexplained localized bone pain, or raised
  ALP", "criteria include ...") names symptoms in general, never this patient's: ConText reads them as hypothetical.
  When the sentence after it, or the rest of its own sentence after the symptoms, says she meets it (context.yaml
  ``red_flag_readings.criterion_met_words``: "She has exactly that", "..., which she has") with no denial in it
  (``criterion_met_denials``: "she does not meet these"), the criterion's symptoms are hers again: one symptom is
  stated, several are left to confirm (which of them she has, the words do not say).
- **an indication quoted from another clinician** (``quoted_indication``): "Ordering NP's indication: 'bone pain'." (a
  QUOTED_INDICATION cue) tells what someone else wrote on the order. When the note itself later denies or explains the
  same symptom ("no focal bone pain", "joint symptoms explained by AI arthralgia"), the quoted telling is not surely
  the patient's present symptom: it is left to confirm, never stated and never dropped. Without such a later telling it
  stands, as does an indication the note's own writer gives ("Indication: new bone pain").

Round 51h: the advice of a discharge (discharge_advice.py) is read after these two, from ``CriteriaMet.apply``.

The words are in the knowledge files; the passes change the mentions' effect sets in place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rightscan.adapters.text.discharge_advice import DischargeAdvice
from rightscan.adapters.text.rule_pass import ANY_SYMPTOM, NoteMentions

CRITERION = "CRITERION"  # context.yaml categories: a criterion or a policy (effect hypothetical)
QUOTED = "QUOTED_INDICATION"  # context.yaml categories: an indication quoted from another clinician
HYPOTHETICAL = "hypothetical"
UNCERTAIN = "uncertain"
_LATER_DENIALS = frozenset({"negated"})  # a later explanation is assemble's (explained later in the note)
_NOT_HERS = frozenset({"hypothetical", "family", "question", "uncertain", "warning"})


def _pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’])(?:{alts})(?![\w'’])", re.IGNORECASE)


class CriteriaMet:
    """The two passes of this module, with their words compiled once."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        self._met = _pattern(words.get("criterion_met_words", ()))
        self._denied = _pattern(words.get("criterion_met_denials", ()))
        self._advice = DischargeAdvice(words)  # round 51h

    def apply(self, note: NoteMentions) -> None:
        self.criterion_met(note)
        quoted_indication(note)
        self._advice.apply(note)  # round 51h: what a discharge tells her to come back for

    def _says_met(self, text: str) -> bool:
        return bool(self._met and self._met.search(text)) and not (self._denied and self._denied.search(text))

    def criterion_met(self, note: NoteMentions) -> None:
        """The symptoms a criterion names are given back when the note then says she meets it."""
        if self._met is None:
            return
        at = {(t.span.start, t.span.end): t for t in note.mentions(ANY_SYMPTOM, having={HYPOTHETICAL})}
        named: dict[tuple[int, int], list] = {}
        for target, mod in note.doc._.context_graph.edges:
            if mod.category == CRITERION and (t := at.get((target.start, target.end))) is not None:
                named.setdefault(mod.modifier_span, []).append(t)
        for (_cue, cue_end), targets in named.items():
            sent = note.sents.of(cue_end - 1)
            last = max(t.span.end for t in targets)
            rest = note.doc[last : sent.end].text if last < sent.end else ""
            after = note.sents.spans[note.sents.index[sent.end - 1] + 1] if sent.end < len(note.doc) else None
            if not (self._says_met(rest) or (after is not None and self._says_met(after.text))):
                continue
            several = len({t.d["rule"] for t in targets}) > 1
            for t in targets:
                t.effects.discard(HYPOTHETICAL)
                if several:
                    t.effects.add(UNCERTAIN)


def quoted_indication(note: NoteMentions) -> None:
    """An indication quoted from another clinician is left to confirm when the note later denies or explains it."""
    quoted = {(target.start, target.end) for target, mod in note.doc._.context_graph.edges if mod.category == QUOTED}
    if not quoted:
        return
    symptoms = list(note.mentions(ANY_SYMPTOM))
    for t in symptoms:
        if (t.span.start, t.span.end) not in quoted or t.effects & (_NOT_HERS | _LATER_DENIALS):
            continue
        if any(
            o.span.start >= t.span.end
            and o.d["rule"] == t.d["rule"]
            and o.effects & _LATER_DENIALS
            and not o.effects & {"hypothetical", "family", "question"}
            for o in symptoms
        ):
            t.effects.add(UNCERTAIN)
