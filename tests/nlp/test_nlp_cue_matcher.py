"""The anchored cue matcher finds exactly what spaCy's matcher finds (adapters/text/cue_matcher.py)."""

from __future__ import annotations

import json
from pathlib import Path

import spacy
from spacy.matcher import Matcher

from rightscan.adapters.text.cue_matcher import AnchoredMatcher, needs_of, stretch_of
from rightscan.adapters.text.rules import context_rules_path

_NLP = spacy.blank("en")
_NOTES = Path(__file__).parent / "devset.jsonl"


def _cue_patterns() -> list[tuple[str, list[dict]]]:
    rules = json.loads(Path(context_rules_path(None)).read_text(encoding="utf-8"))["context_rules"]
    return [(f"cue_{i}", r["pattern"]) for i, r in enumerate(rules) if isinstance(r.get("pattern"), list)]


def _texts() -> list[str]:
    notes = [json.loads(line)["note"] for line in _NOTES.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [*notes, "Seen in 2019 - she declines further scans.", "call us for: fever", "not yet been confirmed"]


def test_the_same_matches_as_spacy_in_the_same_order_over_the_whole_note() -> None:
    patterns = _cue_patterns()
    full = Matcher(_NLP.vocab)
    for key, pattern in patterns:
        full.add(key, [pattern])
    anchored = AnchoredMatcher(_NLP.vocab, patterns)
    for text in _texts():
        doc = _NLP.make_doc(text)
        assert anchored(doc) == full(doc), text


def test_the_same_matches_with_windows_and_the_same_order_once_sorted() -> None:
    patterns = _cue_patterns()
    full = Matcher(_NLP.vocab)
    for key, pattern in patterns:
        full.add(key, [pattern])
    anchored = AnchoredMatcher(_NLP.vocab, patterns, windows=True)
    for text in _texts():
        doc = _NLP.make_doc(text)
        found, expected = anchored(doc), full(doc)
        assert sorted(found) == sorted(expected), text
        # medspaCy sorts by span, stably: two matches of one span keep the full matcher's order
        assert sorted(found, key=lambda m: m[1:]) == sorted(expected, key=lambda m: m[1:]), text


def test_a_required_token_reaches_as_far_as_its_pattern_can() -> None:
    pattern = [{"LOWER": "call"}, {"IS_ALPHA": True, "OP": "{1,8}"}, {"LOWER": {"IN": ["for", "if"]}}]
    call, words_for = needs_of(pattern)
    assert (call.before, call.after) == (0, 10)
    assert (words_for.before, words_for.after) == (9, 1)
    unbounded = needs_of([{"LOWER": "not"}, {"LOWER": "yet", "OP": "*"}, {"LOWER": "confirmed"}])
    assert [(n.before, n.after) for n in unbounded] == [(0, None), (None, 1)]
    assert needs_of([{"LOWER": "now", "OP": "?"}, {"LIKE_NUM": True}]) == ()


def test_an_unbounded_pattern_reaches_as_far_as_its_words_run() -> None:
    pattern = [{"LOWER": "not"}, {"LOWER": "yet", "OP": "*"}, {"LIKE_NUM": True, "OP": "?"}, {"LOWER": "confirmed"}]
    stretch = stretch_of(pattern)
    assert stretch is not None and stretch.free == 1 and len(stretch.accepts) == 3
    assert stretch_of([{"LOWER": "a"}, {"IS_TITLE": True, "OP": "*"}]) is None  # no word test, no limit
    negated = stretch_of([{"LOWER": "no"}, {"LOWER": "b", "OP": "!"}])
    assert negated is not None and negated.free == 1 and len(negated.accepts) == 1  # "!" takes a word it refuses
    patterns = [("p", pattern), ("q", [{"LOWER": "no"}, {"LOWER": "pain", "OP": "!"}, {"LOWER": "yet", "OP": "+"}])]
    full = Matcher(_NLP.vocab)
    for key, p in patterns:
        full.add(key, [p])
    anchored = AnchoredMatcher(_NLP.vocab, patterns, windows=True)
    texts = ("x not yet yet 3 confirmed y not confirmed. not yet yet yet", "no x yet yet not 3 4 confirmed no pain yet")
    for text in texts:
        doc = _NLP.make_doc(text)
        assert sorted(anchored(doc)) == sorted(full(doc)), text
