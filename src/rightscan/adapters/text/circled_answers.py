"""Round 28: a Yes/No pair answered by circling one of its letters ("Cough ........ Y   (N)", "Bone pain .. (Y)  N").

A paper questionnaire asks the patient to circle Y or N; typed out, the circle becomes brackets around the chosen
letter. Read as written, "Y (N)" offers both answers and the item stood as a stated symptom (v28 blind note ia-012:
three red flags from a form circled No). Here, where a line holds a pair of opposite answers with exactly one of them
bracketed, the chosen one is kept and the other and the brackets are blanked, so "Cough ...... Y   (N)" reads as the
grid row "Cough ......     N" that the layout already answers (``grid_rows``). Two bracketed, none bracketed, two
answers of one kind, or a bracket holding anything else: the line is left as it is. Same length, same offsets.

The answer words are the layout's own ("yes" and "no" of ``layout`` in context.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence


def compile_circled(spec: Mapping[str, Sequence[str]]) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted({*spec["yes"], *spec["no"]}, key=len, reverse=True))
    one = rf"(?:\([ \t]*(?:{words})[ \t]*\)|(?:{words}))"
    # the pair: two answers side by side (a gap or a slash between), neither glued to a word or a bracket outside
    return re.compile(rf"(?<![\w(])(?P<a>{one})(?P<gap>[ \t]+|[ \t]*/[ \t]*)(?P<b>{one})(?![\w)])", re.IGNORECASE)


def _word(part: str) -> tuple[str, bool]:
    inner = part.strip()
    circled = inner.startswith("(")
    return inner.strip("() \t").lower(), circled


def circled_answers(pattern: re.Pattern[str], yes: Sequence[str], no: Sequence[str], text: str) -> str:
    """``text`` with each circled Yes/No pair reduced to its chosen answer (same length)."""
    if "(" not in text:
        return text
    yes_words, no_words = {w.lower() for w in yes}, {w.lower() for w in no}
    chars: list[str] | None = None
    for m in pattern.finditer(text):
        (a, a_circled), (b, b_circled) = _word(m.group("a")), _word(m.group("b"))
        opposite = (a in yes_words and b in no_words) or (a in no_words and b in yes_words)
        if not opposite or a_circled == b_circled:
            continue
        chars = chars if chars is not None else list(text)
        keep, drop = ("a", "b") if a_circled else ("b", "a")
        kept = _word(m.group(keep))[0]
        start, end = m.span(keep)
        chars[start:end] = list(kept.upper().center(end - start))
        start, end = m.span(drop)
        chars[start:end] = [" "] * (end - start)
        if "/" in m.group("gap"):
            start, end = m.span("gap")
            chars[start:end] = [" "] * (end - start)
    return text if chars is None else "".join(chars)
