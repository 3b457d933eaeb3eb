"""ConText's token-pattern cues, matched only by the patterns a note can match, only where they can match.

spaCy's token ``Matcher`` starts every pattern at every token and evaluates the Python predicates of its first
steps there (a word list or a regex is one such predicate), so each pattern costs the whole note even when the
words it needs are nowhere in it. ``AnchoredMatcher`` stands in for that matcher inside medspaCy's ConText.

1. A pattern's required tokens (those that are not optional) each accept only some tokens: listed words, or
   words a regex finds. A note with no such token for one of them cannot hold a match, so only the patterns whose
   every required token has a candidate in the note are run, by a ``Matcher`` holding just them (built once per
   such choice, then reused). spaCy keeps each pattern's partial matches apart and in pattern order, so that
   matcher reports exactly the matches of those patterns, in the order the full matcher reports them.
2. A match holds a token its rarest required token accepts (an anchor), and a pattern without an unbounded
   operator reaches a known number of tokens either side of it. A pattern with one ("*", "+") reaches as far as
   the tokens its specs accept run on from the anchor (``Stretch``: each spec's word test, and a count of tokens
   for the specs that test no word). So each chosen pattern is run alone (a matcher per pattern, built once) over
   the windows around its own anchors, merged (a window's matches are matches of the note: every test is on one
   token). Matches come out grouped by pattern and window, not in the full matcher's order; medspaCy sorts them
   by (start, end) before it uses them (``prune_overlapping_matches``, stable), so the order only matters
   between two matches of one span: when two share a span, the note is matched whole as in 1.
"""

from __future__ import annotations

import re
from collections import Counter, OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.attrs import LOWER, ORTH
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

MAX_MATCHERS = 512  # choices of patterns kept built (each a few patterns): past this, the oldest is dropped
_ATTRS = {"LOWER": LOWER, "ORTH": ORTH, "TEXT": ORTH}
Pattern = list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class Need:
    """What one required token of a pattern accepts (a superset is enough): words by id, or a regex, on
    ``attr``; and how many tokens a match may hold before it and from it on (None: no limit)."""

    attr: int
    words: frozenset[int] | None
    regex: re.Pattern[str] | None
    before: int | None
    after: int | None


def _bounds(op: str | None) -> tuple[int, int | None]:
    """Least and most tokens a spec's operator lets it take (None: no most)."""
    if op is None:
        return 1, 1
    if op == "?":
        return 0, 1
    if op == "*":
        return 0, None
    if op == "+":
        return 1, None
    if op == "!":
        return 0, 1  # a negated token takes none or one: it is never read as a need
    if op.startswith("{") and op.endswith("}"):
        low, _, high = op[1:-1].partition(",")
        least = int(low) if low.strip() else 0
        most = int(high) if high.strip() else (None if "," in op else least)
        return least, most
    raise ValueError(f"unknown operator {op!r}")


def _accepts(spec: dict[str, Any]) -> list[tuple[int, frozenset[int] | None, re.Pattern[str] | None]]:
    """What ``spec`` requires of its token, one entry per plain word list or regex on a text attribute."""
    out: list[tuple[int, frozenset[int] | None, re.Pattern[str] | None]] = []
    for key, value in spec.items():
        attr = _ATTRS.get(key)
        if attr is None:
            continue
        if isinstance(value, str):
            out.append((attr, frozenset({get_string_id(value)}), None))
        elif isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
            out.append((attr, frozenset(get_string_id(v) for v in value["IN"]), None))
        elif isinstance(value, dict) and set(value) == {"REGEX"} and isinstance(value["REGEX"], str):
            out.append((attr, None, re.compile(value["REGEX"])))  # spaCy's own test: search, no flags
    return out


@dataclass(frozen=True, slots=True)
class Stretch:
    """What any token of a match of a pattern with an unbounded operator accepts (a superset): for each spec that
    tests a word, one of its tests (``accepts``, as needs with no reach); and how many tokens in all the specs that
    test no word may take (``free``). A match is then a run of tokens ``accepts`` admits, save at most ``free``."""

    accepts: tuple[Need, ...]
    free: int


def stretch_of(pattern: Sequence[dict[str, Any]]) -> Stretch | None:
    """``pattern``'s ``Stretch``, or None when a spec that tests no word may take any number of tokens. A negated
    spec ("!") takes a token its tests refuse: it tests no word here."""
    accepts: list[Need] = []
    free = 0
    for spec in pattern:
        found = [] if spec.get("OP") == "!" else _accepts(spec)
        if found:
            attr, words, regex = min(found, key=lambda f: f[1] is None)  # a word list if any: cheaper to test
            accepts.append(Need(attr, words, regex, None, None))
            continue
        most = _bounds(spec.get("OP"))[1]
        if most is None:
            return None
        free += most
    return Stretch(tuple(accepts), free)


def needs_of(pattern: Sequence[dict[str, Any]]) -> tuple[Need, ...]:
    """The needs of ``pattern``'s required tokens, each with the reach of a match around the token."""
    bounds = [_bounds(spec.get("OP")) for spec in pattern]
    out = []
    for k, spec in enumerate(pattern):
        if bounds[k][0] < 1 or spec.get("OP") == "!":
            continue
        most = [b[1] for b in bounds]
        # the token may be any repeat of its spec: up to most[k] - 1 of them before it, and most[k] from it on
        ahead, behind = most[: k + 1], most[k:]
        before = None if None in ahead else sum(m or 0 for m in ahead) - 1
        after = None if None in behind else sum(m or 0 for m in behind)
        out.extend(Need(attr, words, regex, before, after) for attr, words, regex in _accepts(spec))
    return tuple(sorted(out, key=lambda need: need.words is None))  # word lists first: they are cheaper to test


# (attribute, regex) -> (the words tried, those the regex accepts), by string id; cleared past MAX_REGEX_WORDS words
_REGEX_WORDS: dict[tuple[int, re.Pattern[str]], tuple[set[int], set[int]]] = {}
MAX_REGEX_WORDS = 200_000


class _Tokens:
    """A doc's words by attribute, read once per doc for every need."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        columns = doc.to_array([LOWER, ORTH]).T.tolist()
        self.values = {LOWER: columns[0], ORTH: columns[1]}
        self.counts = {attr: Counter(values) for attr, values in self.values.items()}
        self.present = {attr: set(counts) for attr, counts in self.counts.items()}
        self._found: dict[tuple[int, str], set[int]] = {}
        self._admitted: dict[int, list[tuple[list[int], set[int]]]] = {}  # id of a Stretch -> its words by column

    def hits(self, need: Need) -> set[int]:
        """The words of the doc that ``need`` accepts."""
        present = self.present[need.attr]
        if need.words is not None:
            return present & need.words
        assert need.regex is not None
        key = (need.attr, need.regex.pattern)
        found = self._found.get(key)
        if found is None:
            # a word's answer is kept across notes (``_REGEX_WORDS``): only the words no earlier note had are tried
            seen, accepted = _REGEX_WORDS.setdefault((need.attr, need.regex), (set(), set()))
            new = present - seen
            if new:
                if len(seen) > MAX_REGEX_WORDS:
                    seen.clear()
                    accepted.clear()
                    new = present
                strings = self.doc.vocab.strings
                accepted.update(v for v in new if need.regex.search(strings[v]))
                seen.update(new)
            found = self._found[key] = present & accepted
        return found

    def count(self, need: Need, hits: set[int]) -> int:
        counts = self.counts[need.attr]
        return sum(counts[v] for v in hits)

    def positions(self, need: Need, hits: set[int]) -> list[int]:
        return [i for i, v in enumerate(self.values[need.attr]) if v in hits]

    def reach(self, stretch: Stretch, at: int) -> tuple[int, int]:
        """The tokens a match of a pattern with ``stretch`` holding token ``at`` may take: out from ``at`` through
        the tokens ``stretch.accepts`` admits, with up to ``stretch.free`` others on each side."""
        columns = self._admitted.get(id(stretch))
        if columns is None:
            admitted: dict[int, set[int]] = {}
            for need in stretch.accepts:
                admitted.setdefault(need.attr, set()).update(self.hits(need))
            columns = self._admitted[id(stretch)] = [(self.values[attr], words) for attr, words in admitted.items()]
        n = len(self.values[LOWER])
        ends = []
        for step, stop in ((1, n), (-1, -1)):
            j, left = at + step, stretch.free
            while j != stop:
                if not any(values[j] in words for values, words in columns):
                    if not left:
                        break
                    left -= 1
                j += step
            ends.append(j)
        return ends[1] + 1, ends[0]


class AnchoredMatcher:
    """A stand-in for spaCy's ``Matcher`` over ConText's token-pattern cues: the same matches; in the same order
    with ``windows`` off, else perhaps grouped by window (for a caller that sorts them, see the module)."""

    def __init__(self, vocab: Vocab, patterns: Sequence[tuple[str, Pattern]], windows: bool = False) -> None:
        self.vocab = vocab
        self.patterns = list(patterns)
        self.needs = [needs_of(pattern) for _, pattern in self.patterns]
        self.stretches = [stretch_of(pattern) for _, pattern in self.patterns]
        self.windows = windows
        self._built: OrderedDict[tuple[int, ...], Matcher] = OrderedDict()
        # with windows, each pattern is run alone over its own windows: one matcher per pattern, built once
        self._alone = [self._single(key, pattern) for key, pattern in self.patterns] if windows else []

    def _single(self, key: str, pattern: Pattern) -> Matcher:
        matcher = Matcher(self.vocab, validate=False)  # checked when medspaCy added it to its own matcher
        matcher.add(key, [pattern])
        return matcher

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
        n = len(doc)
        if not n:
            return []
        tokens = _Tokens(doc)
        chosen: list[int] = []
        windows: list[list[tuple[int, int]]] = []  # per chosen pattern, the windows its matches may lie in
        for i, needs in enumerate(self.needs):
            found = []
            for need in needs:  # word lists first (cheap), regexes after
                hits = tokens.hits(need)
                if not hits:
                    break  # a required token has no candidate: the pattern cannot match this note
                found.append((need, hits))
            else:
                chosen.append(i)
                if not found:
                    windows.append([(0, n)])
                    continue
                need, hits = min(found, key=lambda f: tokens.count(*f))
                before, after = need.before, need.after
                stretch = self.stretches[i] if before is None or after is None else None
                spans = []
                for a in tokens.positions(need, hits):
                    lo, hi = (0 if before is None else max(0, a - before), n if after is None else min(n, a + after))
                    if stretch is not None:  # an unbounded operator: only as far as its tokens run
                        first, end = tokens.reach(stretch, a)
                        lo, hi = max(lo, first), min(hi, end)
                    spans.append((lo, hi))
                windows.append(spans)
        if not chosen:
            return []
        if not self.windows:
            return self._matcher(tuple(chosen))(doc)
        out: list[tuple[int, int, int]] = []
        for i, spans in zip(chosen, windows, strict=True):
            matcher = self._alone[i]
            for lo, hi in _merged(spans):
                if lo == 0 and hi == n:
                    out += matcher(doc)
                else:
                    out += [(key, start + lo, end + lo) for key, start, end in matcher(doc[lo:hi])]
        if len({(start, end) for _, start, end in out}) < len(out):
            return self._matcher(tuple(chosen))(doc)  # two matches of one span: their order counts, the full matcher's
        return out


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching windows joined, in order."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1]:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def anchor(context: Any) -> None:
    """Put an ``AnchoredMatcher`` in place of the token matcher of medspaCy's ConText component ``context``,
    over the same patterns under the same keys, in the order they were added. Windows only when medspaCy sorts
    the matches (``prune``). A cue with a match callback keeps spaCy's matcher (a callback is handed the whole
    list of matches, which a subset would change)."""
    rules = context._ConText__matcher  # medspaCy 1.3.1 keeps its matchers private
    cues = [(key, rule) for key, rule in rules.rule_map.items() if isinstance(rule.pattern, list)]
    if any(rule.on_match is not None for _, rule in cues):
        return
    patterns = [(key, rule.pattern) for key, rule in cues]
    rules._MedspacyMatcher__matcher = AnchoredMatcher(context.nlp.vocab, patterns, windows=bool(rules._prune))
