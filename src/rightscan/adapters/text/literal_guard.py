"""A literal guard for the value regexes (a speed-up only; matches are unchanged).

A pattern such as ``...[ \\t]*+stage[ \\t]*+(?:iv|4)...`` cannot match a note that does not hold "stage" (in any
case); asking the note's lower-cased text for that word is one fast substring search, where running the pattern
tries it at every position that may start a match. ``required_literals(regex)`` reads, from the parsed pattern,
literal strings one of which every match needs, grouped into clauses: a clause ``("iv", "4")`` is met when the
note holds either. ``may_match(clauses, lower, held)`` is False only when some clause is met by none of its strings, and
then the pattern has no match in the note.

The lower-cased note stands for the note only when case-insensitive matching of the literals' characters agrees
with ``str.lower``: it does for every ASCII character except "i" and "s", which ``re`` also matches with "İ", "ı"
and "ſ" under IGNORECASE (``str.lower`` keeps "ı" and "ſ"). A note holding one of these three is not guarded
(``guardable``).
"""

from __future__ import annotations

import re
from typing import Any

try:  # Python 3.11+
    import re._constants as _c  # type: ignore[import-not-found]
    import re._parser as _p  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

Clauses = tuple[tuple[str, ...], ...]

_ODD_CASE = ("\u0130", "\u0131", "\u017f")  # "İ", "ı", "ſ": matched by "i" / "s" under IGNORECASE
_MIN_LENGTH = 3  # shorter literals are in nearly every note: not worth a search
_MAX_CLAUSES = 3
_REPEATS = tuple(getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, name))


def _sequence(items: Any) -> list[tuple[str, ...]]:
    """Clauses every match of this sequence meets: runs of ASCII literals, and the clauses of its required parts."""
    out: list[tuple[str, ...]] = []
    run: list[str] = []

    def close() -> None:
        if len(run) >= _MIN_LENGTH:
            out.append(("".join(run).lower(),))
        run.clear()

    for op, av in items:
        if op is _c.LITERAL and av < 128:
            run.append(chr(av))
            continue
        close()
        out += _item(op, av)
    close()
    return out


def _item(op: Any, av: Any) -> list[tuple[str, ...]]:
    if op is _c.SUBPATTERN:
        return _sequence(av[3])
    if op in _REPEATS:
        lo, _hi, sub = av
        return _sequence(sub) if lo >= 1 else []
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(av)
    if op is _c.ASSERT:  # a look-ahead or look-behind that must hold: its words are in the note too
        return _sequence(av[1])
    if op is _c.BRANCH:  # one of the alternatives: met when the note holds a word of any of them
        words: list[str] = []
        for alternative in av[1]:
            clauses = _sequence(alternative)
            if not clauses:
                return []
            words.append(max((w for clause in clauses if len(clause) == 1 for w in clause), key=len, default=""))
            if not words[-1]:
                return []
        return [tuple(dict.fromkeys(words))]
    return []


def required_literals(regex: re.Pattern[str]) -> Clauses:
    """Clauses of literal strings (lower case) that every match of ``regex`` needs in the note; () when none are
    found (the pattern is then always run)."""
    if not isinstance(regex.pattern, str):
        return ()
    try:
        clauses = _sequence(_p.parse(regex.pattern, regex.flags))
    except (re.error, RecursionError):
        return ()
    # the most selective first: single long words before alternatives of short ones
    ranked = sorted(dict.fromkeys(clauses), key=lambda clause: (len(clause), -min(map(len, clause))))
    return tuple(ranked[:_MAX_CLAUSES])


def guardable(text: str) -> bool:
    """Whether ``text.lower()`` can stand for ``text`` in ``may_match``."""
    return not any(c in text for c in _ODD_CASE)


def may_match(clauses: Clauses, lower: str, held: dict[str, bool]) -> bool:
    """False when the lower-cased note lacks every word of some clause: the pattern cannot match it (``held``: each
    word's answer, kept for the note, since many patterns need the same words)."""
    for clause in clauses:
        for word in clause:
            there = held.get(word)
            if there is None:
                there = held[word] = word in lower
            if there:
                break
        else:
            return False
    return True
