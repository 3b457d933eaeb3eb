"""Characters that hide words from the note reader without changing what a person sees.

A soft hyphen inside ``bo\u00adne pa\u00adin``, a NUL between two words, a bidirectional override
around a phrase, or the full-width letters of ``ｂｏｎｅ ｐａｉｎ`` (from an East Asian input method)
read to a clinician as "bone pain", but split or disguise the words the rules look for, so the red
flag was silently missed and the answer stayed "not recommended". Such text comes from copy and paste
(word processors, PDFs, web pages) as well as from an attacker.

:func:`visible` gives the text the reader should see, **with the same length**, so that every offset
of the evidence still points into the note as it was written:

- invisible format characters (soft hyphen, zero-width space, joiner and non-joiner, word joiner,
  byte-order mark, bidirectional marks, embeddings, overrides and isolates) are taken out of their line,
  and as many spaces are put at the line's end, so the letters around them join up again and no two
  words of a phrase end up two spaces apart (words after them on that line start that many characters
  early in the evidence offsets; every other line keeps its offsets exactly);
- control characters other than tab and line breaks (NUL among them) become spaces;
- full-width ASCII forms (U+FF01-U+FF5E) become their ASCII letters, the ideographic space a space.
"""

from __future__ import annotations

import re

_INVISIBLE = "\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
_LINE_WITH_INVISIBLE = re.compile(rf"[^\r\n]*[{_INVISIBLE}][^\r\n]*")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_FULL_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_ANY = re.compile(rf"[{_INVISIBLE}\x00-\x08\x0e-\x1f\x7f\uff01-\uff5e\u3000]")


def _joined(match: re.Match[str]) -> str:
    line = match.group(0)
    kept = "".join(c for c in line if c not in _INVISIBLE)
    return kept + " " * (len(line) - len(kept))


def visible(text: str) -> str:
    """``text`` as a reader should see it, the same length (see the module's description)."""
    if not _ANY.search(text):
        return text  # the usual case: nothing to do
    text = _CONTROL.sub(" ", text).translate(_FULL_WIDTH)
    return _LINE_WITH_INVISIBLE.sub(_joined, text)
