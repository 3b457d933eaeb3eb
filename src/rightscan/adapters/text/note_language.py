"""Round 24 (v25 blind): a note written in another language than English leaves its red flags to confirm.

The reader's words are English. A note written in Spanish, French, Portuguese, German or Italian ("toux sèche
persistante depuis 3 semaines", "dolor en parrilla costal desde hace 3 semanas") keeps its numbers and some
abbreviations (cT2 cN1, ER 0 %, HER2 0) but loses its symptoms, and "no red flag" was then an unread one: an early
cancer with a cough of three weeks was "not recommended". Such a note is recognised by its function words: when those
of the other languages (``other_language_words`` in context.yaml, at least ``other_language_min``) outnumber the
English ones (``english_words``) twice over, every red-flag symptom (``other_language_confirm``) is left to confirm,
so that the answer abstains wherever one would change it. Nothing is stated or denied from the guess. Bounded: one
pass over the note's words.

Round 26 (twelfth security pass, F2): the same test also runs on each line, with a lower floor
(``other_language_line_min``), so that a short text (a CDS order's reason, "Dolor en la cadera derecha desde hace 3
semanas, peor por la noche") or a paragraph in another language inside an English note is caught; words that English
shares with those languages ("a", "no", "in", "as") count for neither, and only whole words count ("HER2" is not
"her").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

REASON = "the note is not written in English and its symptoms cannot be read: confirm whether she has any of them"
_WORD = re.compile(r"(?<!\w)[^\W\d_]+(?!\w)")  # whole words only: "HER2", "cT1c" are none


def _number(words: Mapping[str, Sequence[str]], key: str) -> int:
    return next((int(w) for w in words.get(key, ()) if w.isdigit()), 0)


def other_language(text: str, words: Mapping[str, Sequence[str]]) -> bool:
    """Whether ``text``, or one of its lines, reads as written in another language than English."""
    english, other = frozenset(words.get("english_words", ())), frozenset(words.get("other_language_words", ()))
    least, line_least = _number(words, "other_language_min"), _number(words, "other_language_line_min")
    if not other or not least:
        return False
    n_english = n_other = 0
    for line in text.lower().splitlines():
        line_english = line_other = 0
        for m in _WORD.finditer(line):
            w = m.group()
            if w in english:
                line_english += 1
            elif w in other:
                line_other += 1
        if line_least and line_other >= line_least and line_other >= 2 * line_english:
            return True
        n_english += line_english
        n_other += line_other
    return n_other >= least and n_other >= 2 * n_english


def symptoms_to_confirm(
    text: str, facts: Mapping[str, Any], words: Mapping[str, Sequence[str]]
) -> dict[str, Any] | None:
    """The to-confirm item for a note in another language (the red flags it does not already state), or None."""
    if not other_language(text, words):
        return None
    stated = set(facts.get("symptoms") or ())
    values = [code for code in words.get("other_language_confirm", ()) if code not in stated]
    return {"field": "symptoms", "values": values, "reason": REASON} if values else None
