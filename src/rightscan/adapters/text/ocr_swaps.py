"""Round 29a: the letter-for-digit swaps of OCR, undone only where they are unambiguous (the same length).

A faxed laboratory sheet read by OCR writes "40-1l5" for the range 40-115, "1O-40" for 10-40, "ALK PH0SPHATASE" and
"BlLlRUBIN" for the names (v30 mc-011: no liver test was read). Only these are undone:

- inside a number: a lower-case l or a capital I between two digits is a 1 ("1l5"), a capital O between two digits, or
  between a digit and a range's dash before a digit ("1O-40"), a 0;
- inside a word in capitals (four characters at least, no other digit): a 0 between two capitals is an O
  ("LAB0RATORY", "PH0SPHATASE", "SG0T"), never after a T, N or M (a TNM run: "N0M0", "TXN0MX"); and a lower-case l
  in a word otherwise written in capitals (four of them at least) an I ("BlLlRUBIN", "ALBUMlN").

- round 39o, a receptor's value (a percentage or an IHC score): a capital O after a digit before the per cent sign is
  a 0 ("ER 9O%"), a lower-case l or a capital I opening a percentage ("PR l0%") or after a digit before it ("ER 1l%") a
  1; after "IHC" (or "score") a lone l or I before the plus sign is a 1 ("HER2 IHC l+"), a lone O before the plus sign,
  a bracket or the end of the clause a 0 ("HER2 IHC O (negative)").

A number whose swap is not certain ("3OO", "l80": is it 180?) is left as written, so no value is read from it.
"""

from __future__ import annotations

import re

from rightscan.adapters.text.firstchars import finditer_at

_DIGIT_ONE = re.compile(r"(?<=\d)[lI](?=\d)")
_DIGIT_ZERO = re.compile(r"(?<=\d)O(?=\d|[-–]\d)")
_CAPS_WORD_ZERO = re.compile(r"(?<![A-Za-z0-9])(?=[A-Z0]{4,}(?![A-Za-z0-9]))[A-Z]+(?:0[A-Z]+)+")
_CAPS_ZERO = re.compile(r"(?<=[A-LO-SU-Z])0(?=[A-Z])")
_PERCENT_ZERO = re.compile(r"(?<=\d)O(?=\s?%)")
_PERCENT_ONE = re.compile(r"(?<![A-Za-z0-9])[lI](?=\d{1,2}\s?%)|(?<=\d)[lI](?=\s?%)")
_SCORE_WORDS = ("IHC ", "ihc ", "score ", "Score ", "SCORE ")  # what _SCORE_BEFORE looks behind for
_SCORE_BEFORE = r"(?:(?<=\bIHC )|(?<=\bihc )|(?<=\bscore )|(?<=\bScore )|(?<=\bSCORE ))"
_SCORE_ONE = re.compile(_SCORE_BEFORE + r"[lI](?=\s?\+)")
_SCORE_ZERO = re.compile(_SCORE_BEFORE + r"O(?=\s?\+|\s?\(|\s?[,;.]|\s*$)", re.M)
_CAPS_WORD_L = re.compile(r"(?<![A-Za-z0-9])(?=[A-Zl]*l)(?=(?:[^\sA-Z]*[A-Z]){4})[A-Z][A-Zl]*[A-Z](?![A-Za-z0-9])")


def undo_swaps(text: str) -> str:
    """``text`` with OCR's unambiguous letter-for-digit swaps undone (the same length, the same offsets)."""
    if not any(c in text for c in "lIO0"):
        return text
    out = _DIGIT_ONE.sub("1", text)
    out = _DIGIT_ZERO.sub("0", out)
    if "%" in out:  # the per cent patterns need their sign; the score patterns their word (a look-behind at every
        out = _PERCENT_ZERO.sub("0", out)  # position of the note is slow): the same text without them when absent
        out = _PERCENT_ONE.sub("1", out)
    after = _after_score_words(out)
    if after:
        out = _sub_at(_SCORE_ONE, "1", out, after)
        out = _sub_at(_SCORE_ZERO, "0", out, after)
    out = _CAPS_WORD_ZERO.sub(lambda m: _CAPS_ZERO.sub("O", m.group(0)), out)
    return _CAPS_WORD_L.sub(lambda m: m.group(0).replace("l", "I"), out)


def _after_score_words(text: str) -> list[int]:
    """Where a score's value may stand: right after one of the words _SCORE_BEFORE looks behind for (sorted)."""
    at: set[int] = set()
    for word in _SCORE_WORDS:
        k = text.find(word)
        while k >= 0:
            at.add(k + len(word))
            k = text.find(word, k + 1)
    return sorted(at)


def _sub_at(pattern: re.Pattern[str], replacement: str, text: str, candidates: list[int]) -> str:
    """``pattern.sub(replacement, text)`` for a pattern whose every match starts at one of ``candidates``: the same
    text, the pattern tried only there (its look-behind at every position of the note is slow)."""
    pieces: list[str] = []
    last = 0
    for m in finditer_at(pattern, text, candidates):
        pieces += [text[last : m.start()], replacement]
        last = m.end()
    return "".join(pieces) + text[last:] if pieces else text
