"""Sixteenth security pass F7: a denial that ends its line keeps its reach into the sentence the next line goes on with.

A denial told after what it denies may close its sentence with a line break ("bone pain, headache - she denies all of
them\\n"; context_rules.json's "she denies all of them" ends on a full stop or a line break). Its words also begin
the ordinary forward denial ("denies", "denies any"), and medspaCy keeps only the longest of two overlapping cues: in
"Patient denies any\\nbone pain." or "Denies\\nheadache or bone pain." the closing cue won, found nothing before it to
deny, and hid the forward one, so the symptoms on the next line were read as stated (a red flag from a denied
mention). A line break closes the sentence only where the sentence splitter ends it (``SentenceBreaks``: a next line
that goes on in lower case wraps the sentence). Where the sentence reads on across the break, the closing denial is
kept (it still denies what stands before it) and the shorter denials its words hid are given back, so that "denies"
reaches the next line as it does when the sentence is written on one line. Where the break ends the sentence, the
cues are left as medspaCy keeps them.
"""

from __future__ import annotations

from typing import Any

from medspacy.common.util import prune_overlapping_matches
from spacy.tokens import Doc

DENIAL = "NEGATED_EXISTENCE"
Match = tuple[int, int, int]


def _closes_on_wrap(doc: Doc, end: int, first: list[int]) -> bool:
    """The cue's last token is a line break after which its sentence reads on (``first``: each token's sentence)."""
    last = doc[end - 1]
    return end < len(doc) and last.is_space and "\n" in last.text and first[end] != end


def with_wrapped_denials(
    doc: Doc, matcher: Any, matches: list[Match], first: list[int]
) -> tuple[list[Match], frozenset[int]]:
    """``matches`` (medspaCy's, pruned to the longest of overlapping cues) with the shorter denials given back that a
    backward denial ending on a line break hid, when the sentence reads on after that break; and the first tokens of
    the denials given back."""
    rules, strings = matcher.rule_map, doc.vocab.strings
    hiding = [
        (start, end)
        for key, start, end in matches
        if end - start > 1
        and _closes_on_wrap(doc, end, first)
        and (rule := rules[strings[key]]).category == DENIAL
        and rule.direction.upper() == "BACKWARD"
    ]
    if not hiding:
        return matches, frozenset()
    raw = (  # the matches before medspaCy pruned them (MedspacyMatcher.__call__ without its prune)
        list(matcher._MedspacyMatcher__matcher(doc))
        + list(matcher._MedspacyMatcher__phrase_matcher(doc))
        + list(matcher._MedspacyMatcher__regex_matcher(doc))
    )
    hidden = [
        (key, start, end)
        for key, start, end in raw
        if rules[strings[key]].category == DENIAL
        and rules[strings[key]].direction.upper() != "BACKWARD"
        and any(lo <= start and end < hi for lo, hi in hiding)  # inside, short of the line break
    ]
    if not hidden:
        return matches, frozenset()
    kept = [m for m in matches if (m[1], m[2]) not in hiding]
    given = [
        m for m in prune_overlapping_matches(hidden) if not any(m[1] < e and s < m[2] for _, s, e in kept)
    ]  # fmt: skip
    return sorted(matches + given, key=lambda m: (m[1], m[2])), frozenset(m[1] for m in given)


def reach_of_given(doc: Doc, scope_start: int, scope_end: int, stops: frozenset[str]) -> int:
    """Where the scope of a denial given back ends: at a later line break whose next line opens with a word that
    starts a statement of its own or a qualified item (``stops``: the headed lists' stops, "Denies:\nfever\nworsening
    headache"), as a list under a heading ends there (headed_lists.py)."""
    crossed = False
    for k in range(scope_start, min(scope_end, len(doc) - 1)):
        token = doc[k]
        if token.is_space and "\n" in token.text:
            if crossed and doc[k + 1].lower_ in stops:
                return k
            crossed = True
    return scope_end
