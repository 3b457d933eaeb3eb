"""Negations that speech recognition wrote as other words, read as the words that were said.

An unedited dictation keeps what the recogniser heard: "she denies headache" comes out "she the nights headache",
"no supraclavicular adenopathy" "know supraclavicular adenopathy", "negative for" "negative four". Read as written,
the denied red flag stands. The mis-hearings are data (``layout`` ``misheard_negations`` in context.yaml), each
``[before] heard => meant``: the heard words (the phrase syntax of the rule files: "(a|b c)") are rewritten as the
meant cue, at the same offsets, only right after one of the ``before`` words when any are given ("she the nights",
not "pain during the nights"; "has know", not "let me know"), so that a real sentence holding the same words
keeps its reading.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rightscan.adapters.text.firstchars import finditer_at, guarded, pair_positions, two_char_starts
from rightscan.adapters.text.phrases import expand_phrase
from rightscan.adapters.text.rule_files import RulesError

_ENTRY = re.compile(
    r"^\s*(?:\[(?P<before>[^\]]+)\]\s*)?(?P<heard>[^=\[]+?)\s*(?:\[(?P<after>[^\]]+)\]\s*)?=>\s*(?P<meant>\S(?:.*\S)?)\s*$"
)


_WHERE = "context.yaml: layout.misheard_negations"


@dataclass(frozen=True, slots=True)
class Misheard:
    # (pattern with a "heard" group, the words meant, the last words of the heard forms: a note holding none of
    # them is not searched with the pattern)
    rules: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]
    # each pattern's first two characters, lower-cased (None: not known, firstchars.two_char_starts): the pattern is
    # tried only where they stand (the same matches, firstchars.finditer_at); and all of them, read once per note
    starts: tuple[tuple[str, ...] | None, ...] = ()
    pairs: frozenset[str] = frozenset()


def _alternation(phrases: Sequence[str]) -> str:
    ordered = sorted(dict.fromkeys(phrases), key=len, reverse=True)
    return "|".join(r"[ \t]+".join(re.escape(w) for w in p.split()) for p in ordered)


def compile_misheard(entries: Sequence[str], where: str = _WHERE) -> Misheard | None:
    """The rewriting rules for ``misheard_negations``; ``RulesError`` names an entry that cannot be read, or whose
    meant words are longer than a heard form (the note's offsets must not move)."""
    out = []
    for entry in entries:
        m = _ENTRY.match(entry)
        if m is None:
            raise RulesError(f"{where}: cannot read {entry!r} ('[before] heard => meant')")
        try:
            heard = expand_phrase(m.group("heard"))
        except ValueError as exc:
            raise RulesError(f"{where}: {entry!r}: {exc}") from exc
        meant = " ".join(m.group("meant").split())
        if any(len(h) < len(meant) for h in heard):
            raise RulesError(f"{where}: {meant!r} is longer than a heard form in {entry!r}")
        before = m.group("before")
        lead = rf"(?:{_alternation([b.strip() for b in before.split('|')])})[ \t]+" if before else ""
        after = m.group("after")
        follow = rf"[ \t]+(?:{_alternation([a.strip() for a in after.split('|')])})(?![A-Za-z'])" if after else ""
        heard_words = _alternation(heard)
        # guarded: tried only where its first characters stand (the same matches, firstchars.py)
        pattern = guarded(re.compile(rf"(?<![A-Za-z']){lead}(?P<heard>{heard_words})(?![A-Za-z']){follow}", re.I))
        out.append((pattern, meant, tuple(sorted({h.split()[-1] for h in heard}))))
    if not out:
        return None
    starts = [two_char_starts(pattern) for pattern, _, _ in out]
    pairs = frozenset(p for found in starts for p in found or ())
    return Misheard(tuple(out), tuple(None if f is None else tuple(sorted(f)) for f in starts), pairs)


def hear(misheard: Misheard, text: str, chars: list[str]) -> None:
    """Rewrite in ``chars`` (the layout's text, same length as ``text``) each misheard negation as the words meant,
    blank-padded."""
    lower = text.lower()
    starts = misheard.starts or (None,) * len(misheard.rules)
    positions: dict[str, list[int]] | None = None
    read = False
    for (pattern, meant, keys), firsts in zip(misheard.rules, starts, strict=True):
        if not any(k in lower for k in keys):
            continue
        if firsts is not None and not read:
            positions, read = pair_positions(text, misheard.pairs), True  # once per note, when a rule is first run
        if firsts is None or positions is None:
            matches: Iterator[re.Match[str]] = pattern.finditer(text)
        else:  # the same matches, tried only where the pattern's first two characters stand
            lists = [positions[p] for p in firsts if p in positions]
            if not lists:
                continue
            matches = finditer_at(pattern, text, lists[0] if len(lists) == 1 else sorted(itertools.chain(*lists)))
        for m in matches:
            s, e = m.span("heard")
            chars[s:e] = list(meant.ljust(e - s))
