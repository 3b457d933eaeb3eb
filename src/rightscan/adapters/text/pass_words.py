"""The words the rule passes after ConText share: how a clause ends, and how a word list of context.yaml is read.

A pass reads a list by its key (``word_sets``: ``words["telling_verbs"]``), lower case with blanks folded
(``norm``), and matches a phrase of it against the tokens before, at or after a point (``ends_with``,
``starts_with``, ``words_at``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from spacy.attrs import LOWER
from spacy.tokens import Doc

CLAUSE_BREAKS = frozenset({";", ".", ":", "!", "?"})  # the marks that end a clause
CLAUSE_REACH = 24  # how far after a symptom (in tokens) its clause is read (as scopes.IN_CLAUSE_REACH)


def norm(words: Iterable[str]) -> frozenset[str]:
    """A word list of context.yaml, lower case, blanks folded, empty entries left out."""
    return frozenset(" ".join(w.lower().split()) for w in words if w.strip())


def word_sets(section: Mapping[str, Iterable[str]]) -> Mapping[str, frozenset[str]]:
    """Every word list of a context.yaml section (``norm``), by its key: a pass reads ``words["telling_verbs"]``, the
    name the knowledge file gives the list, and a key the section does not have fails (KeyError) instead of reading
    as an empty list."""
    return MappingProxyType({key: norm(words) for key, words in section.items()})


LOWERS_KEY = "rightscan_lowers"


def lowers(doc: Doc) -> list[str]:
    """Every token's lower-case text, read once per doc and kept in ``doc.user_data`` (a ``Token`` object per word
    read costs more than the word)."""
    held = doc.user_data.get(LOWERS_KEY)
    if held is None:
        strings = doc.vocab.strings
        held = doc.user_data[LOWERS_KEY] = [strings[k] for k in doc.to_array(LOWER).tolist()] if len(doc) else []
    return held


def words_at(doc: Doc, start: int, end: int) -> str:
    """The tokens from ``start`` to ``end``, lower case, joined by single blanks."""
    return " ".join(lowers(doc)[start:end])


def starts_with(doc: Doc, start: int, phrases: frozenset[str], longest: int) -> int | None:
    """The end (exclusive) of a phrase of ``phrases`` starting at token ``start``, or None."""
    for n in range(min(longest, len(doc) - start), 0, -1):
        if words_at(doc, start, start + n) in phrases:
            return start + n
    return None


def longest_phrase(phrases: Iterable[str]) -> int:
    """How many words the longest phrase of a list has (0 for an empty list)."""
    return max((len(p.split()) for p in phrases), default=0)


def ends_with(doc: Doc, end: int, phrases: frozenset[str], longest: int) -> int | None:
    """The first token of a phrase of ``phrases`` ending right before token ``end``, or None."""
    for n in range(min(longest, end), 0, -1):
        if words_at(doc, end - n, end) in phrases:
            return end - n
    return None


def phrase_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """One case-blind pattern for a list of phrases, longest first, each a whole word or run of words (any spacing
    between them); None for an empty list."""
    listed = sorted({" ".join(w.lower().split()) for w in words if w.strip()}, key=len, reverse=True)
    if not listed:
        return None
    alts = "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in listed)
    return re.compile(rf"(?<![\w/-])(?:{alts})(?![\w-])", re.IGNORECASE)
