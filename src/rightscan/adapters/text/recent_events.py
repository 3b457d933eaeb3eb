"""Round 48m (v48 br-036, bq-029): an event of today or these days, recovered from, is no past event.

A seizure, or a transient neurologic deficit (a TIA's numbness, weakness or loss of speech), is an event: it is over
within minutes by nature. "First-ever generalized tonic-clonic seizure at home this AM, postictal ~20 min, now back to
baseline"; "3 episodes over the past 4 weeks of numbness of the R side of her face and R hand, each lasting 10-15 min
and then fully resolving; the last one was yesterday evening". That the patient has recovered from it does not make it
a past illness: today's or this week's seizure is the red flag (the annotation guide's "new seizure"; a neurologic
deficit that came back yesterday), whatever its resolution. ConText's resolution cues ("back to baseline", "fully
resolved", "resolving") make such a mention historical.

Here a mention of a symptom of ``recent_event_codes`` (context.yaml ``red_flag_readings``: seizure, neurologic_deficit)
that is historical and carries nothing else that sets it aside (denied, hypothetical, asked, a relative's, explained
by a cause, uncertain) is no longer historical when its sentence, cut to its line, dates the event recent:

- a time of ``recent_event_times`` ("this AM", "yesterday evening", "last night", "earlier this week"), or a number of
  hours or days before now ("2 days ago", "36 hrs ago": ``recent_event_ago_units`` before "ago");
- and nothing there dates it further back: no year, no word of ``recent_event_past_words`` ("h/o", "history of",
  "previous", "years ago", "as a child"). "h/o seizure 2015, none since", "TIA in 2019, fully resolved" stay past.

A known epilepsy's usual seizure is explained (chronic_baseline) and stays as it reads. Plain function over one note's
mentions (``rule_pass.NoteMentions``), run before the passes that read a stated seizure (seizure_headache) and before
a copied-forward entry's symptoms are set in the past (dated_entries); every word is data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rightscan.adapters.text.components import doc_text
from rightscan.adapters.text.pass_words import norm
from rightscan.adapters.text.rule_pass import SYMPTOM_OR_UNSURE, NoteMentions

_SET_ASIDE = frozenset({"negated", "hypothetical", "question", "family", "explained", "uncertain"})
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_NUMBER = r"(?:\d{1,3}(?:\.\d)?|a|an|one|two|three|four|five|six|few|a\s+few|couple(?:\s+of)?|a\s+couple(?:\s+of)?)"


def _pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    listed = sorted(norm(words), key=len, reverse=True)
    if not listed:
        return None
    alts = "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in listed)
    return re.compile(rf"(?<![\w/-])(?:{alts})(?![\w/-])", re.IGNORECASE)


class RecentEvents:
    """``red_flag_readings``' recent-event words, compiled once per rule set (module docstring)."""

    def __init__(self, words: Mapping[str, Iterable[str]]) -> None:
        self._codes = norm(words.get("recent_event_codes", ()))
        self._times = _pattern(words.get("recent_event_times", ()))
        self._past = _pattern(words.get("recent_event_past_words", ()))
        units = "|".join(map(re.escape, sorted(norm(words.get("recent_event_ago_units", ())), key=len, reverse=True)))
        ago = rf"(?<![\w/-]){_NUMBER}\s*(?:{units})\.?\s+ago(?![\w-])"
        self._ago = re.compile(ago, re.IGNORECASE) if units else None

    def apply(self, note: NoteMentions) -> None:
        """Lift ``historical`` from an event symptom its own sentence dates to today or these days (module doc)."""
        if not self._codes or (self._times is None and self._ago is None):
            return
        text = doc_text(note.doc)
        for _, span, d, e in note.mentions(SYMPTOM_OR_UNSURE, having=frozenset({"historical"}), without=_SET_ASIDE):
            codes = {f.value for f in d["findings"] if f.field == "symptoms"} | set(d.get("confirm_values") or ())
            if not codes & self._codes:
                continue
            sent = note.sents.of(span.start)
            lo = max(sent.start_char, text.rfind("\n", 0, span.start_char) + 1)
            nl = text.find("\n", span.end_char)
            hi = min(sent.end_char, len(text) if nl < 0 else nl)
            if self._recent(text[lo:hi]):
                e.discard("historical")

    def _recent(self, told: str) -> bool:
        """Whether a sentence dates its event to today or these days, and to nothing further back."""
        if _YEAR.search(told) or (self._past is not None and self._past.search(told)):
            return False
        return bool((self._times is not None and self._times.search(told)) or (self._ago and self._ago.search(told)))
