"""Round 16h: the note reader's speed-ups read exactly what the slower code read.

Each helper made faster is checked against the plain code it replaced, on made-up text (hypothesis) and on
the kind of text a note holds (abbreviations, accented words, symbols outside the basic plane).
"""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from rightscan.adapters.text.firstchars import pair_positions
from rightscan.adapters.text.pass_words import ends_with, lowers, starts_with, words_at

PAIRS = frozenset({"er", "pr", "he", "ki", " c", "t1", "cm", "mm", "é ", "  ", "\n\n", "a😀", "😀b", "ii"})
_NLP = spacy.blank("en")


def _pairs_slowly(text: str, pairs: frozenset[str]) -> dict[str, list[int]] | None:
    """The pass over every character that ``pair_positions`` replaced."""
    low = text.lower()
    if len(low) != len(text):
        return None
    out: dict[str, list[int]] = {}
    for i in range(len(low) - 1):
        if low[i : i + 2] in pairs:
            out.setdefault(low[i : i + 2], []).append(i)
    return out


def test_pair_positions_on_a_note() -> None:
    note = "ER 95%, PR 80%, HER2 1+, Ki-67 20 %. cT1c (1.2 cm), 8 mm node.  Écho é  😀b\n\nIII"
    assert pair_positions(note, PAIRS) == _pairs_slowly(note, PAIRS)
    assert pair_positions(note, PAIRS)["er"] == [0, 17]  # "ER" and "HER2": every place, in order


def test_pair_positions_edges() -> None:
    for text in ("", "e", "er", "erer", "iii", "İstanbul er", "no pair here? 1234"):
        assert pair_positions(text, PAIRS) == _pairs_slowly(text, PAIRS)
    assert pair_positions("erer", frozenset()) == {}
    assert pair_positions("İ er", PAIRS) is None  # lower-casing changes its length: positions would not line up


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("erpHEKkiI1tcm é\n😀ab-İ")), max_size=80))
def test_pair_positions_as_the_slow_pass(text: str) -> None:
    assert pair_positions(text, PAIRS) == _pairs_slowly(text, PAIRS)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["No", "denies", "HEADACHE", "Écho", "-", "  ", "\n", "the", "CT", "😀"]), max_size=20),
    st.integers(-3, 25),
    st.integers(-3, 25),
)
def test_words_as_the_tokens_read_them(words: list[str], start: int, end: int) -> None:
    doc = _NLP(" ".join(words))
    assert lowers(doc) == [t.lower_ for t in doc]
    assert words_at(doc, start, end) == " ".join(t.lower_ for t in doc[start:end])
    phrases = frozenset({"no", "denies the", "écho -", "ct"})
    for k in range(len(doc) + 1):
        found = next((k + n for n in range(min(3, len(doc) - k), 0, -1)
                      if " ".join(t.lower_ for t in doc[k : k + n]) in phrases), None)  # fmt: skip
        assert starts_with(doc, k, phrases, 3) == found
        back = next((k - n for n in range(min(3, k), 0, -1)
                     if " ".join(t.lower_ for t in doc[k - n : k]) in phrases), None)  # fmt: skip
        assert ends_with(doc, k, phrases, 3) == back
