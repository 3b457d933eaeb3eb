"""Round 24 (v25 blind): a note written in another language than English leaves its red flags to confirm.

The reader's words are English. A note written in Spanish, French, Portuguese, German or Italian ("toux sèche
persistante depuis 3 semaines", "dolor en parrilla costal desde hace 3 semanas") keeps its numbers and some
abbreviations (cT2 cN1, ER 0 %, HER2 0) but loses its symptoms, and "no red flag" was then an unread one: an early
cancer with a cough of three weeks was "not recommended". Such a note is recognised by its function words: when those
of the other languages (``other_language_words`` in context.yaml, at least ``other_language_min``) outnumber the
English ones (``english_words``) twice over, every red-flag symptom (``other_language_confirm``) is left to confirm,
so that the answer abstains wherever one would change it. Nothing is stated or denied from the guess. Bounded: one
pass over the note's words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

REASON = "the note is not written in English and its symptoms cannot be read: confirm whether she has any of them"
_WORD = re.compile(r"[^\W\d_]+")


def other_language(text: str, words: Mapping[str, Sequence[str]]) -> bool:
    """Whether ``text`` reads as written in another language than English."""
    english, other = frozenset(words.get("english_words", ())), frozenset(words.get("other_language_words", ()))
    least = next((int(w) for w in words.get("other_language_min", ()) if w.isdigit()), 0)
    if not other or not least:
        return False
    n_english = n_other = 0
    for m in _WORD.finditer(text.lower()):
        w = m.group()
        if w in english:
            n_english += 1
        elif w in other:
            n_other += 1
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
