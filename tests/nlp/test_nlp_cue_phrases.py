"""Word-list cue patterns are read as the phrases they spell, and nothing else is (adapters/text/cue_phrases.py)."""

from __future__ import annotations

import spacy

from rightscan.adapters.text.cue_phrases import phrases_of

_NLP = spacy.blank("en")


def _tokens(text: str) -> list[str]:
    return [t.lower_ for t in _NLP.make_doc(text)]


def test_a_word_list_pattern_spells_every_phrase_it_matches_with_optional_tokens_left_out() -> None:
    pattern = [{"LOWER": {"IN": ["as", "like"]}}, {"LOWER": "always"}, {"LOWER": "usual", "OP": "?"}]
    assert sorted(phrases_of(pattern, _tokens) or []) == sorted(
        ["as always", "as always usual", "like always", "like always usual"]
    )


def test_punctuation_through_orth_is_kept_and_a_split_word_is_left_out() -> None:
    pattern = [{"ORTH": {"IN": [";", ","]}}, {"LOWER": {"IN": ["isn't", "nothing"]}}, {"LOWER": "new"}]
    # "isn't" is two tokens to spaCy, so the pattern never matched it as one: no phrase for it
    assert sorted(phrases_of(pattern, _tokens) or []) == [", nothing new", "; nothing new"]


def test_anything_but_a_plain_word_list_stays_a_pattern() -> None:
    assert phrases_of([{"LOWER": {"REGEX": "^pain"}}], _tokens) is None
    assert phrases_of([{"LOWER": "no"}, {"LOWER": "pain", "OP": "*"}], _tokens) is None
    assert phrases_of([{"ORTH": "Pain"}], _tokens) is None  # a letter through ORTH is case-sensitive
    assert phrases_of([{"TEXT": {"REGEX": "^(?:[.;]|\\n+)$"}}], _tokens) is None


def test_a_pattern_spelling_too_many_phrases_stays_a_pattern() -> None:
    many = [{"LOWER": {"IN": [f"w{i}" for i in range(30)]}} for _ in range(2)]
    assert phrases_of(many, _tokens) is None  # 900 phrases, over the limit
