"""The sides of the body a sentence names, and new findings in the other breast than a treated cancer (split from
``note_setting``)."""

from __future__ import annotations

import re

from rightscan.adapters.text.model import Mention

# round 20e: the breast, its cancer or its operation named in any form
BREAST_WORDS = re.compile(
    r"\b(?:breasts?|mammary|mastectom\w*|lumpectom\w*|BCT|BCS|WLE|IDC|ILC|DCIS|TNBC|oncology|onc)\b", re.IGNORECASE
)

_LEFT = re.compile(r"\bleft\b|(?<![A-Za-z/])L(?![A-Za-z/])")
# "right" as an adverb of place or time ("a lump right next to the scar", "right under the incision") names no side
_NOT_A_SIDE = (
    r"(?!\s+(?:next|beside|by|under|underneath|over|above|below|behind|at|on|near|around|along|after|before|where"
    r"|there|here|away|now)\b)"
)
_RIGHT = re.compile(rf"\bright\b{_NOT_A_SIDE}|(?<![A-Za-z/])R(?![A-Za-z/])")


def _sides(sentence: str) -> set[str]:
    low_word = sentence.lower()
    found = set()
    if _LEFT.search(sentence) or re.search(r"\bleft\b", low_word):
        found.add("left")
    if _RIGHT.search(sentence) or re.search(rf"\bright\b{_NOT_A_SIDE}", low_word):
        found.add("right")
    return found


def sides_of(sentence: str) -> set[str]:
    """The sides of the body a sentence names ("left", "right"; "Lt", "Rt" too), each a word or a lone L or R."""
    found = _sides(sentence)
    if re.search(r"\bLt\b", sentence):
        found.add("left")
    if re.search(r"\bRt\b", sentence):
        found.add("right")
    return found


def other_breast(treated: list[Mention], new: list[Mention]) -> list[Mention]:
    """The new findings that lie in the other breast than the treated cancer (each sentence naming one side only);
    empty unless the side-naming sentences of the treated cancer share one and the same side, and no new finding
    names the treated side."""
    # round 20e: a sentence that tells the treated cancer and the new one together ("remote R breast cancer (2014: ... R
    # mastectomy) now with a new L breast cancer") names both sides; the treated side is the one every side-naming
    # sentence of the treated cancer shares
    # round 22c: only a sentence naming the breast, its cancer or its operation tells the treated side (a hip or a
    # shoulder named in the sentence of the treatment, "new R hip pain in pt on AI", is no breast's side)
    named = [_sides(m.sentence) for m in treated if _sides(m.sentence) and BREAST_WORDS.search(m.sentence)]
    common = set.intersection(*named) if named else set()
    if len(common) != 1:
        return []
    side = next(iter(common))
    treated_sentences = {m.sentence for m in treated}
    fresh = [(m, _sides(m.sentence)) for m in new if m.sentence not in treated_sentences]
    if any(side in sides for _, sides in fresh):
        return []
    return [m for m, sides in fresh if sides and side not in sides]
