"""Round 43u (v43 bb-027): a pain told in the sentence after the mechanical event that began it.

"Tripped over the dog going to the bathroom, fell onto R side. Now severe R hip/groin pain, cant bear weight." The
story of one injury runs over two sentences: the event, then "now" and the pain. Told in one sentence ("fell onto her
side, now hip pain") the pain is left to confirm (``RedFlagReadings.trigger_before``: "now" ends the trigger's scope, so
ConText reads no cause, yet the pain plainly follows the event); told over two it was read as a stated red flag. It is
now read as in one sentence: left to confirm, neither stated nor explained away.

And when the note, after the pain, names the same kind of mechanical event again as what it is working up ("Advised
ED for hip x-rays - concern for hip fracture after mechanical fall", "likely contusion from the fall"), the writer has
told the pain's cause: the pain is explained, as the annotation guide reads an injury's pain. Either reading only when
nothing warns: no warning cue (no trauma, at night, worsening, out of proportion ...) in the event's sentence, the
pain's or the restatement's, no denial in the event's sentence before its trigger ("no fall"), the two sentences in
one paragraph (no blank line between), and the pain's sentence opened by the onset word (``trigger_cuts``, "now").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from spacy.tokens import Doc, Span

from rightscan.adapters.text.pass_words import starts_with, words_at
from rightscan.adapters.text.rule_pass import SYMPTOM, NoteMentions

# a symptom that carries one of these is not one the event before may explain (red_flag_readings' _NOT_PLAIN_OR_PAST)
_NOT_PLAIN = frozenset({"explained", "warning", "negated", "hypothetical", "family", "uncertain", "historical"})
OPENING = 2  # how many tokens of the pain's sentence may stand before its onset word ("- Now", "1. Now")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def pain_after_event_sentence(note: NoteMentions, words: Mapping[str, frozenset[str]]) -> None:
    """A symptom whose sentence an onset word opens, the sentence before telling a mechanical event (module doc):
    uncertain, or explained when a later sentence names a mechanical event again. ``words``: red_flag_readings'
    lists (mechanical_triggers, mechanical_trigger_heads, trigger_cuts)."""
    doc = note.doc
    cuts = words.get("trigger_cuts", frozenset())
    if not cuts or not words.get("mechanical_triggers"):
        return
    longest = max(len(w.split()) for w in cuts)
    heads = words.get("mechanical_trigger_heads", frozenset())

    def mechanical(s: int, t: int) -> bool:
        told = words_at(doc, s, t)
        return told in words["mechanical_triggers"] or told.split(" ", 1)[0] in heads

    triggers = [s for s, t in note.cues("explained") if mechanical(s, t)]
    if not triggers:
        return
    warnings = [s for s, _ in note.cues("warning")]
    denials = [s for s, _ in note.cues("negated")]

    def plain(t: int) -> bool:
        """A trigger whose sentence holds no warning and no denial before it ("no fall")."""
        sent = note.sents.of(t)
        return not _any_in(warnings, sent) and not any(sent.start <= d < t for d in denials)

    for _, span, _, e in note.mentions(SYMPTOM, without=_NOT_PLAIN):
        sent = note.sents.of(span.start)
        if sent.start == 0 or _any_in(warnings, sent):
            continue
        if not any(starts_with(doc, t, cuts, longest) is not None for t in _opening(doc, sent, span)):
            continue
        before = note.sents.of(sent.start - 1)
        if _BLANK_LINE.search(doc.text[before.end_char : sent.start_char + 1]):
            continue
        if not any(before.start <= t < before.end and plain(t) for t in triggers):
            continue
        e.add("explained" if any(t >= sent.end and plain(t) for t in triggers) else "uncertain")


def _opening(doc: Doc, sent: Span, span: Span) -> list[int]:
    """The first tokens of the sentence before the symptom (blanks skipped)."""
    first = [t for t in range(sent.start, min(span.start, sent.end)) if not doc[t].is_space]
    return first[: OPENING + 1]


def _any_in(starts: list[int], sent: Span) -> bool:
    return any(sent.start <= s < sent.end for s in starts)
