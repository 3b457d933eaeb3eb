"""Round 48s (v48 bq-033): "no longer" right before a symptom tells it over.

"At discharge afebrile, SpO2 95% RA, cough much improved, no longer short of breath at rest": ConText's "no longer"
looks back ("the back pain is no longer there"), so a symptom named after it was read as told, and "at rest" in its
clause as a warning. A symptom mention after a cue of ``resolved_before_cues`` (context.yaml ``red_flag_readings``:
"no longer") on its line, with only words of ``resolved_before_fillers`` between (at most two: "no longer very short
of breath", "no longer troubled by cough"), is historical, and a warning read in its own clause is part of what is over
(dropped): the qualifier tells how the symptom was, not how it is. Never past another word ("no longer just a cough",
"no longer able to walk for the back pain") nor a mark, nor when a word right after the symptom turns it round
(``resolved_before_turns``: "no longer SOB-free on the stairs" says the breathlessness is back).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rightscan.adapters.text.components import doc_text
from rightscan.adapters.text.contrast_resolutions import ContrastResolutions
from rightscan.adapters.text.pass_words import norm
from rightscan.adapters.text.rule_pass import ANY_SYMPTOM, NoteMentions

_SET_ASIDE = frozenset({"negated", "historical", "hypothetical", "family"})
MAX_FILLERS = 2  # words that may stand between the cue and the symptom


class ResolvedBefore:
    """Reads a symptom after "no longer" as over (module doc)."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        cues = sorted(norm(words.get("resolved_before_cues", ())), key=len, reverse=True)
        self._fillers = norm(words.get("resolved_before_fillers", ()))
        self._contrasts = ContrastResolutions(words)  # integration 48: "back pain but the rash has cleared"
        turned = sorted(norm(words.get("resolved_before_turns", ())), key=len, reverse=True)
        turns = "|".join(re.escape(w) for w in turned)
        # a word right after the symptom that turns it round ("no longer SOB-free"): the symptom is back, not over
        self._turned = re.compile(rf"[\s-]*(?:{turns})(?![\w])", re.I) if turns else None
        alts = "|".join(r"\s+".join(re.escape(p) for p in c.split()) for c in cues)
        # the cue, then plain words only, up to the symptom
        self._cue = re.compile(rf"(?<![\w-])(?:{alts})((?:\s+[a-z]+){{0,{MAX_FILLERS}}})\s+$", re.I) if cues else None

    def apply(self, note: NoteMentions) -> None:
        self._contrasts.apply(note)  # integration 48: a resolution told of another subject is not the symptom's
        if self._cue is None:
            return
        text = doc_text(note.doc)
        for _, span, _d, e in note.mentions(ANY_SYMPTOM, without=_SET_ASIDE):
            start = span.start_char
            line_start = text.rfind("\n", 0, start) + 1
            m = self._cue.search(text[max(line_start, start - 80) : start])
            if m is None or any(w not in self._fillers for w in m.group(1).lower().split()):
                continue
            if self._turned is not None and self._turned.match(text, span.end_char):
                continue
            e.add("historical")
            e.discard("warning")
