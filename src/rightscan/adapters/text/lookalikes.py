"""Round 22s (eighth security pass): characters that look like the letters of a word but are other characters.

A clinician reads "bone‐pain" (U+2010 HYPHEN, what a word processor's autocorrect writes), "bone pаin" (a Cyrillic
"а"), "𝐛𝐨𝐧𝐞 𝐩𝐚𝐢𝐧" (mathematical bold, from a rich-text editor) or "bone pain̲" (a combining low line, what an
underline becomes in some conversions to plain text) as "bone pain"; the rules did not, and the red flag was
silently missed. Each mapping here is one character for one character, so the note keeps its length and offsets
(combining marks are taken out of their line as ``visible`` does for invisible characters):

- hyphen look-alikes (U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN, U+2012 FIGURE DASH, U+2043 HYPHEN BULLET) -> "-";
- a letter or digit of the mathematical alphanumeric and letterlike blocks whose compatibility form (NFKC) is one
  ASCII letter or digit -> that letter (superscripts and fractions are left alone: "10⁹/L" is no "109/L");
- a Cyrillic or Greek letter drawn as a Latin one (``CONFUSABLE``) -> the Latin letter, only inside a word that
  also holds a Latin letter (a word written wholly in Greek or Cyrillic, "α" or "β" alone, is left as written);
- combining marks (U+0300-U+036F and the other combining blocks, U+034F among them) -> removed (``COMBINING``).
"""

from __future__ import annotations

import re
import unicodedata

_HYPHENS = {0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2043: "-"}


def _compatible_letters() -> dict[int, str]:
    table: dict[int, str] = {}
    for lo, hi in ((0x2100, 0x2150), (0x1D400, 0x1D800)):
        for cp in range(lo, hi):
            c = chr(cp)
            if unicodedata.category(c) not in ("Lu", "Ll", "Lt", "Lo", "Nd"):
                continue
            plain = unicodedata.normalize("NFKC", c)
            if len(plain) == 1 and plain.isascii() and plain.isalnum():
                table[cp] = plain
    return table


SAME_LENGTH = str.maketrans(_HYPHENS | _compatible_letters())
SAME_LENGTH_CHARS = "\u2010-\u2012\u2043\u2100-\u214f\U0001d400-\U0001d7ff"

# Cyrillic and Greek letters drawn as Latin ones (Unicode's confusables, the unambiguous ones)
CONFUSABLE = str.maketrans(
    {
        **dict(zip("аеорсухѕіјһԁԛԝӏкԍ", "aeopcyxsijhdqwlkg", strict=True)),
        **dict(zip("АВЕКМНОРСТУХЅІЈԚԜ", "ABEKMHOPCTYXSIJQW", strict=True)),
        **dict(zip("οινκ", "oivk", strict=True)),
        **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX", strict=True)),
    }
)
_CONFUSABLE_CHARS = "аеорсухѕіјһԁԛԝӏкԍАВЕКМНОРСТУХЅІЈԚԜοινκΑΒΕΖΗΙΚΜΝΟΡΤΥΧ"
HAS_CONFUSABLE = re.compile(f"[{_CONFUSABLE_CHARS}]")
WORD = re.compile(r"[^\W\d_]+")  # a run of letters: linear, every word matched once
_LATIN = re.compile(r"[A-Za-z]")

COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"


def unconfused(match: re.Match[str]) -> str:
    """A word with its look-alike letters made Latin, when it mixes them with Latin letters."""
    word = match.group(0)
    if HAS_CONFUSABLE.search(word) and _LATIN.search(word):
        return word.translate(CONFUSABLE)
    return word
