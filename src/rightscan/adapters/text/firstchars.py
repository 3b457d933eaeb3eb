"""A fast first-character guard for the value regexes (a speed-up only; matches are unchanged).

Python's ``re`` tries a pattern at every position of the note; patterns that open with alternations
and look-behinds (the receptor and laboratory names) cost several steps per character even where no
match can start. ``guarded(regex)`` computes the set of characters a match can start with, from the
parsed pattern, and returns the pattern behind a look-ahead on that set (``(?=[...])``), so that most
positions fail in one step. When the set cannot be computed safely (a pattern that can start with
anything or match the empty string), the regex is returned unchanged.
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

_ANY = None  # "can start with any character"


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
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
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
