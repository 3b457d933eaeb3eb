"""The value matcher tries each pattern only where its first two, or three, characters stand: the same matches
as the plain left-to-right search (a speed-up only; ``firstchars.candidates_of``)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rightscan.adapters.text.firstchars import (
    candidates_of,
    finditer_at,
    pair_positions,
    three_char_starts,
    triple_positions,
)
from rightscan.adapters.text.rules import load_rules

_RULES = [r for r in load_rules().values if r.starts is not None]
_THREES = [three_char_starts(r.regex) for r in _RULES]
_PAIRS = frozenset(p for r in _RULES for p in r.starts or ())
_ALPHABET = list("ERPHGNTMalpstbigrdeoncmyx+-/%:=0123456789 .,()\n")
_WORDS = ["ER", "PR", "HER2", "Ki-67", "cm", "mm", "grade", "T2", "N1", "positive", "neg", "yo", "F", "x", "of"]


def _same_matches(text: str) -> None:
    positions = pair_positions(text, _PAIRS)
    assert positions is not None
    triples = triple_positions(text, positions)
    for rule, three in zip(_RULES, _THREES, strict=True):
        candidates = candidates_of(tuple(sorted(rule.starts or ())), three, positions, triples)
        expected = [m.span() for m in rule.regex.finditer(text)]
        assert [m.span() for m in finditer_at(rule.regex, text, candidates)] == expected, rule.id


def test_most_value_patterns_have_a_three_character_guard() -> None:
    assert sum(t is not None for t in _THREES) > 80


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(st.sampled_from(_WORDS), st.text(alphabet=st.sampled_from(_ALPHABET), max_size=6)), max_size=25)
)
def test_three_character_guard_finds_the_same_matches(parts: list[str]) -> None:
    _same_matches(" ".join(parts))


def test_three_character_guard_on_written_values() -> None:
    # a match that ends after two characters ("ER" at the end of the text) and matches at the text's edges
    for text in ("ER", "ER+ PR- HER2 2+", "2.1 x 1.5 cm", "pT2 N1a", "67yo F", "Ki-67 20%", "grade 3", "3 cm"):
        _same_matches(text)
