"""Round 45w: a change of habits the note denies right before it is no cause of a weight loss.

Round 16b lets a habit taken up on purpose ("dietary changes", "lifestyle changes", context.yaml ``habit_causes``)
explain a weight loss told before it in its clause. "No change in diet" denies the habit, but "no change" is a
pseudo-negation for ConText (a finding stable in size), so its scope never reaches the habit: the words right before
the habit (``habit_denials``, past ``cause_fillers`` such as "any") are read here instead.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc


def habit_denied(doc: Doc, j: int, start: int, words: Mapping[str, frozenset[str]]) -> bool:
    """Whether a denial word stands right before the habit at token ``j``, after the symptom (token ``start`` on)."""
    denials = words.get("habit_denials", frozenset())
    fillers = words.get("cause_fillers", frozenset())
    k = j - 1
    while k >= start and doc[k].lower_ in fillers:
        k -= 1
    return k >= start and doc[k].lower_ in denials
