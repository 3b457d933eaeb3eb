"""Characters that hide words from the note reader without changing what a person sees.

A soft hyphen inside ``bo\u00adne pa\u00adin``, a NUL between two words, a bidirectional override
around a phrase, or the full-width letters of ``ｂｏｎｅ ｐａｉｎ`` (from an East Asian input method)
read to a clinician as "bone pain", but split or disguise the words the rules look for, so the red
flag was silently missed and the answer stayed "not recommended". Such text comes from copy and paste
(word processors, PDFs, web pages) as well as from an attacker.

:func:`visible` gives the text the reader should see, **with the same length**, so that every offset
of the evidence still points into the note as it was written:

- invisible format characters (soft hyphen, zero-width space, joiner and non-joiner, word joiner,
  byte-order mark, bidirectional marks, embeddings, overrides and isolates) and, since round 22s, combining
  marks ("pain\u0332", "bo\u0301ne") are taken out of their line, and as many spaces are put at the line's end,
  so the letters around them join up again and no two words of a phrase end up two spaces apart (words after
  them on that line start that many characters early in the evidence offsets; every other line keeps its
  offsets exactly);
- control characters other than tab and line breaks (NUL among them) become spaces;
- tenth pass: a line break of another kind (a lone carriage return, a form feed, a vertical tab, NEL, the Unicode
  line and paragraph separators) becomes a line feed;
- full-width ASCII forms (U+FF01-U+FF5E) become their ASCII letters, the ideographic space a space;
- round 22s: hyphen look-alikes, mathematical letters and Cyrillic or Greek look-alikes inside a Latin word
  become the Latin characters they look like (``lookalikes``).
"""

from __future__ import annotations

import re

from rightscan.adapters.text.lookalikes import (
    COMBINING,
    HAS_CONFUSABLE,
    SAME_LENGTH,
    SAME_LENGTH_CHARS,
    WORD,
    unconfused,
)

_INVISIBLE = "\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
_HIDDEN = re.compile(rf"[{_INVISIBLE}{COMBINING}]")
_LINE = re.compile(r"[^\r\n]+")  # a line: every line matched once (linear)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_FULL_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
# tenth security pass: the other line breaks (a carriage return not before a line feed, as old Mac files and some
# scanners write, a form feed between pages, a vertical tab, NEL and the Unicode line and paragraph separators) are
# line breaks as a reader sees them: each becomes a line feed, so that the squeezing of blank lines (spacing.py) reads
# their runs too (3,000 carriage returns after "HER2" had cost receptor.percent 52 s in one C call)
_BREAK = re.compile("\r(?!\n)|[\x0b\x0c\x85\u2028\u2029]")
_ANY = re.compile(
    rf"[{_INVISIBLE}{COMBINING}\x00-\x08\x0e-\x1f\x7f\uff01-\uff5e\u3000{SAME_LENGTH_CHARS}\u0370-\u03ff\u0400-\u052f]"
    "|\r(?!\n)|[\x0b\x0c\x85\u2028\u2029]"
)


def _joined(match: re.Match[str]) -> str:
    line = match.group(0)
    if not _HIDDEN.search(line):
        return line
    kept = _HIDDEN.sub("", line)
    return kept + " " * (len(line) - len(kept))


def visible(text: str) -> str:
    """``text`` as a reader should see it, the same length (see the module's description)."""
    if not _ANY.search(text):
        return text  # the usual case: nothing to do
    text = _BREAK.sub("\n", _CONTROL.sub(" ", text)).translate(_FULL_WIDTH).translate(SAME_LENGTH)
    if HAS_CONFUSABLE.search(text):
        text = WORD.sub(unconfused, text)
    if _HIDDEN.search(text):
        text = _LINE.sub(_joined, text)
    return text
