"""ConText's token-pattern cues, matched only by the patterns a note can match.

spaCy's token ``Matcher`` starts every pattern at every token and evaluates the Python predicates of its first
steps there (a word list is one such predicate), so each pattern costs the whole note even when the words it needs
are nowhere in it. ``AnchoredMatcher`` stands in for that matcher inside medspaCy's ConText: a pattern whose
required token (one that is not optional) accepts only listed words cannot match a note without one of those words,
so only the patterns whose every required word list meets the note's words are run, by a ``Matcher`` holding just
them (built once per such choice of patterns, then reused).

The answer is the full matcher's, in the same order: spaCy keeps each pattern's partial matches apart and in
pattern order, so a matcher given a subset of the patterns (added in the same order, under the same keys) reports
exactly the matches of those patterns, in the order the full matcher reports them; the patterns left out have
none to report.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from spacy.attrs import LOWER, ORTH
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

MAX_MATCHERS = 512  # choices of patterns kept built (each a few patterns): past this, the oldest is dropped
_ATTRS = {"LOWER": LOWER, "ORTH": ORTH, "TEXT": ORTH}


def _required(op: str | None) -> bool:
    """Whether a token spec must accept a token of every match: no operator, "+", or "{n...}" with n >= 1 (a
    negated token "!" requires none of its words, so it is not read as a word list)."""
    if op is None or op == "+":
        return True
    if op.startswith("{"):
        low = op[1:-1].split(",")[0].strip()
        return low.isdigit() and int(low) > 0
    return False


def _words(spec: dict[str, Any]) -> list[tuple[int, frozenset[int]]]:
    """The word lists a token must be in for ``spec`` to accept it: (attribute, ids) per plain key."""
    out = []
    for key, value in spec.items():
        attr = _ATTRS.get(key)
        if attr is None:
            continue
        if isinstance(value, str):
            words = [value]
        elif isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
            words = list(value["IN"])
        else:
            continue  # a regex, a negated list: no word is required
        out.append((attr, frozenset(get_string_id(w) for w in words)))
    return out


def required_words(pattern: Sequence[dict[str, Any]]) -> tuple[tuple[int, frozenset[int]], ...]:
    """Per required token of ``pattern``, the words one of which a note must hold for the pattern to match it."""
    out: list[tuple[int, frozenset[int]]] = []
    for spec in pattern:
        if _required(spec.get("OP")):
            out.extend(_words(spec))
    return tuple(out)


class AnchoredMatcher:
    """A stand-in for spaCy's ``Matcher`` over ConText's token-pattern cues (the same matches, same order)."""

    def __init__(self, vocab: Vocab, patterns: Sequence[tuple[str, list[dict[str, Any]]]]) -> None:
        self.vocab = vocab
        self.patterns = list(patterns)
        self.needs = [required_words(pattern) for _, pattern in self.patterns]
        self._built: OrderedDict[tuple[int, ...], Matcher] = OrderedDict()

    def _matcher(self, chosen: tuple[int, ...]) -> Matcher:
        matcher = self._built.get(chosen)
        if matcher is not None:
            self._built.move_to_end(chosen)
            return matcher
        matcher = Matcher(self.vocab, validate=False)  # checked when medspaCy added them to its own matcher
        for i in chosen:
            key, pattern = self.patterns[i]
            matcher.add(key, [pattern])
        self._built[chosen] = matcher
        if len(self._built) > MAX_MATCHERS:
            self._built.popitem(last=False)
        return matcher

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        if not len(doc):
            return []
        present = {attr: set(doc.to_array(attr).tolist()) for attr in (LOWER, ORTH)}
        chosen = tuple(
            i for i, needs in enumerate(self.needs) if all(not words.isdisjoint(present[attr]) for attr, words in needs)
        )
        return self._matcher(chosen)(doc) if chosen else []


def anchor(context: Any) -> None:
    """Put an ``AnchoredMatcher`` in place of the token matcher of medspaCy's ConText component ``context``,
    over the same patterns under the same keys, in the order they were added. A cue with a match callback keeps
    spaCy's matcher (a callback is handed the whole list of matches, which a subset would change)."""
    rules = context._ConText__matcher  # medspaCy 1.3.1 keeps its matchers private
    cues = [(key, rule) for key, rule in rules.rule_map.items() if isinstance(rule.pattern, list)]
    if any(rule.on_match is not None for _, rule in cues):
        return
    patterns = [(key, rule.pattern) for key, rule in cues]
    rules._MedspacyMatcher__matcher = AnchoredMatcher(context.nlp.vocab, patterns)
