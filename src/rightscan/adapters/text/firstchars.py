"""A fast first-character guard for the value regexes (a speed-up only; matches are unchanged).

Python's ``re`` tries a pattern at every position of the note; patterns that open with alternations
and look-behinds (the receptor and laboratory names) cost several steps per character even where no
match can start. ``guarded(regex)`` computes the set of characters a match can start with, from the
parsed pattern, and returns the pattern behind a look-ahead on that set (``(?=[...])``), so that most
positions fail in one step. When the set cannot be computed safely (a pattern that can start with
anything or match the empty string), the regex is returned unchanged.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

import numpy

try:  # Python 3.11+
    import re._constants as _c  # type: ignore[import-not-found]
    import re._parser as _p  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_T = TypeVar("_T")
_REPEATS = tuple(getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, name))
_ANY = None  # "can start with any character"
_SPACES = frozenset(c for c in map(chr, range(0x3001)) if c.isspace())  # what \s matches in a str pattern


class _Unknown(Exception):
    pass


def _first(items: list[tuple[Any, Any]], flags: int) -> tuple[set[str], bool]:
    """(characters a match of this sequence can start with, whether it can match empty)."""
    out: set[str] = set()
    for op, av in items:
        chars, empty = _one(op, av, flags)
        out |= chars
        if not empty:
            return out, False
    return out, True


def _lit(code: int, flags: int) -> set[str]:
    ch = chr(code)
    return {ch.lower(), ch.upper()} if flags & re.IGNORECASE else {ch}


def _one(op: Any, av: Any, flags: int) -> tuple[set[str], bool]:
    if op is _c.LITERAL:
        return _lit(av, flags), False
    if op is _c.IN:
        out: set[str] = set()
        for iop, iav in av:
            if iop is _c.LITERAL:
                out |= _lit(iav, flags)
            elif iop is _c.RANGE:
                lo, hi = iav
                if hi - lo > 400:
                    raise _Unknown
                for code in range(lo, hi + 1):
                    out |= _lit(code, flags)
            elif iop is _c.CATEGORY and iav is _c.CATEGORY_DIGIT:
                out |= set("0123456789")
            elif iop is _c.CATEGORY and iav is _c.CATEGORY_SPACE:
                out |= _SPACES
            else:
                raise _Unknown
        return out, False
    if op is _c.SUBPATTERN:
        _group, add, remove, sub = av
        sub_flags = (flags | add) & ~remove
        return _first(list(sub), sub_flags)
    if op is _c.BRANCH:
        out, empty = set(), False
        for alt in av[1]:
            chars, e = _first(list(alt), flags)
            out |= chars
            empty = empty or e
        return out, empty
    if op in _REPEATS:  # greedy, lazy or possessive: a match starts as one of its repeats or as what follows
        lo, _hi, sub = av
        chars, empty = _first(list(sub), flags)
        return chars, empty or lo == 0
    if op in (_c.AT, _c.ASSERT_NOT, _c.ASSERT):
        return set(), True  # zero-width: the next item decides
    raise _Unknown


def guarded(regex: re.Pattern[str]) -> re.Pattern[str]:
    try:
        parsed = _p.parse(regex.pattern, regex.flags)
        chars, empty = _first(list(parsed), regex.flags)
    except (_Unknown, re.error, RecursionError):
        return regex
    if empty or not chars or len(chars) > 120:
        return regex
    cls = "".join(re.escape(c) for c in sorted(chars))
    try:
        return re.compile(f"(?=[{cls}])(?:{regex.pattern})", regex.flags)
    except re.error:
        return regex


# ------------------------------------------------------------------ two-character starts
_MAX_STARTS = 300
_Starts = set[tuple[str, bool]]  # (first characters, open): open = anything may follow them


def _seq_starts(items: list[tuple[Any, Any]], flags: int, k: int) -> _Starts:
    """The strings of up to ``k`` characters a match of this sequence can start with."""
    current: _Starts = {("", False)}
    for op, av in items:
        if all(is_open or len(s) >= k for s, is_open in current):
            break
        nxt: _Starts = set()
        for s, is_open in current:
            if is_open or len(s) >= k:
                nxt.add((s, True))
                continue
            for t, t_open in _item_starts(op, av, flags, k - len(s)):
                nxt.add((s + t, t_open or len(s + t) >= k))
        if len(nxt) > _MAX_STARTS:
            raise _Unknown
        current = nxt
    return current


def _item_starts(op: Any, av: Any, flags: int, k: int) -> _Starts:
    if op is _c.LITERAL or op is _c.IN:
        chars, _empty = _one(op, av, flags)
        return {(c, False) for c in chars}
    if op is _c.SUBPATTERN:
        _group, add, remove, sub = av
        return _seq_starts(list(sub), (flags | add) & ~remove, k)
    if op is _c.BRANCH:
        out: _Starts = set()
        for alt in av[1]:
            out |= _seq_starts(list(alt), flags, k)
        return out
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        lo, hi, sub = av
        once = _seq_starts(list(sub), flags, k)
        out = {("", False)} if lo == 0 else set()
        for s, is_open in once:
            out.add((s, is_open))  # one repeat, then what follows the repeat
            if not is_open and len(s) < k and hi != 1:  # or a second repeat (further ones are not looked at)
                out |= {(s + t, True) for t, _open in _seq_starts(list(sub), flags, k - len(s))}
        return out
    if op in (_c.AT, _c.ASSERT_NOT, _c.ASSERT):
        return {("", False)}  # zero-width: the next item decides
    raise _Unknown


def two_char_starts(regex: re.Pattern[str]) -> frozenset[str] | None:
    """The lower-cased first two characters of every possible match, or None when they cannot be
    computed safely (a match that may be shorter than two characters, or start with anything)."""
    try:
        starts = _seq_starts(list(_p.parse(regex.pattern, regex.flags)), regex.flags, 2)
    except (_Unknown, re.error, RecursionError):
        return None
    words = frozenset(s.lower() for s, _open in starts)
    if not words or any(len(w) != 2 for w in words):
        return None
    return words


def pair_positions(text: str, pairs: frozenset[str]) -> dict[str, list[int]] | None:
    """Where each two-character string starts in the lower-cased text (None when lower-casing changes
    the text's length, so that positions would not line up). Each position's pair is read as one number
    (its two code points) and looked up among the pairs' numbers with numpy: the same sorted positions as
    one pass over the note in Python, in about a third of the time."""
    low = text.lower()
    if len(low) != len(text):
        return None
    codes = _pair_codes(pairs)
    if len(low) < 2 or not len(codes):
        return {}
    points = numpy.frombuffer(low.encode("utf-32-le"), dtype=numpy.uint32).astype(numpy.uint64)
    keys = (points[:-1] << numpy.uint64(21)) | points[1:]  # a code point has at most 21 bits
    slots = numpy.minimum(numpy.searchsorted(codes, keys), len(codes) - 1)
    at = numpy.flatnonzero(codes[slots] == keys)  # the positions where a pair starts, ascending
    if not len(at):
        return {}
    ids = slots[at]
    order = numpy.argsort(ids, kind="stable")  # by pair, each pair's positions still ascending
    ids, at = ids[order], at[order]
    cuts = (numpy.flatnonzero(ids[1:] != ids[:-1]) + 1).tolist()
    where = at.tolist()
    return {low[where[a] : where[a] + 2]: where[a:b] for a, b in zip([0, *cuts], [*cuts, len(where)], strict=True)}


_PAIR_CODES: dict[frozenset[str], Any] = {}


def _pair_codes(pairs: frozenset[str]) -> Any:
    """The pairs as sorted numbers (``pair_positions``), computed once per set of pairs."""
    held = _PAIR_CODES.get(pairs)
    if held is None:
        codes = sorted({(ord(p[0]) << 21) | ord(p[1]) for p in pairs if len(p) == 2})
        held = _PAIR_CODES[pairs] = numpy.array(codes, dtype=numpy.uint64)
    return held


def finditer_at(regex: re.Pattern[str], text: str, candidates: list[int]) -> Iterator[re.Match[str]]:
    """``regex.finditer(text)`` when every match starts at one of ``candidates`` (sorted): the same
    leftmost, non-overlapping matches, tried only where a match can start."""
    resume = 0
    for pos in candidates:
        if pos < resume:
            continue
        m = regex.match(text, pos)
        if m is not None:
            yield m
            resume = m.end() if m.end() > pos else pos + 1


def guard_fields(obj: _T, names: Iterable[str]) -> _T:
    """``obj`` (a frozen dataclass) with its patterns ``names`` guarded (``guarded``: the same matches, found
    faster where few characters can start one); a field left None stays None."""
    found = {name: getattr(obj, name) for name in names}
    return dataclasses.replace(obj, **{name: guarded(rx) for name, rx in found.items() if rx is not None})
