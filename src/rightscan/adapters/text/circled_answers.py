"""Round 28: a Yes/No pair answered by circling one of its letters ("Cough ........ Y   (N)", "Bone pain .. (Y)  N").

A paper questionnaire asks the patient to circle Y or N; typed out, the circle becomes brackets around the chosen
letter. Read as written, "Y (N)" offers both answers and the item stood as a stated symptom (v28 blind note ia-012:
three red flags from a form circled No). Here, where a line holds a pair of opposite answers with exactly one of them
marked, the chosen one is kept and the other and the marks are blanked, so "Cough ...... Y   (N)" reads as the
grid row "Cough ......     N" that the layout already answers (``grid_rows``). None marked, two answers of one kind,
or a bracket holding anything else: the line is left as it is; both marked (round 37a): the marks are blanked, and
the pair reads as an unanswered one ("Y   N": to confirm, never a Yes). Same length, same offsets.

Round 37a (v37 al-006: five red flags from a checklist whose "Y / [N]" rows were ticked No): the chosen option may be
marked otherwise than by round brackets: square brackets ("Bone pain   Y / [N]", "[Y] / N", "Y [N]"), the same mark
glued on both sides ("Y / __N__", "Y / **N**", "*N*"), one mark glued on one side ("Y / N*"), a ticked box glued
before it ("Y / (X)N", "[x]N"), or a circled letter ("Y / Ⓝ"). The marks are data (``layout.chosen_*`` and
``circled_letters``); a box after its option ("N(X)") and boxes apart from their options stay the layout's.

The answer words are the layout's own ("yes" and "no" of ``layout`` in context.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

_SPACE = r"[ \t]*"


def _marked_forms(spec: Mapping[str, Any], words: str) -> list[str]:
    """The regexes of one option marked as chosen, in the order they are tried (the widest first)."""
    forms = []
    for pair in spec.get("chosen_brackets", ("()",)):
        opening, closing = re.escape(pair[0]), re.escape(pair[1])
        forms.append(rf"{opening}{_SPACE}(?:{words}){_SPACE}{closing}")
    for mark in sorted(spec.get("chosen_around", ()), key=len, reverse=True):
        forms.append(rf"{re.escape(mark)}(?:{words}){re.escape(mark)}")
    for mark in spec.get("chosen_beside", ()):
        forms += [rf"{re.escape(mark)}(?:{words})", rf"(?:{words}){re.escape(mark)}"]
    square = "".join(re.escape(c) for c in spec.get("checked", ()) if c.strip())
    round_ = "".join(re.escape(c) for c in spec.get("round_checked", ()) if c.strip())
    if square:
        forms.append(rf"\[[{square}]\](?:{words})")
    if round_:
        forms.append(rf"\([{round_}]\)(?:{words})")
    circled = "".join(re.escape(c) for c in spec.get("circled_letters", {}))
    if circled:
        forms.append(rf"[{circled}]")
    return forms


def compile_circled(spec: Mapping[str, Any]) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted({*spec["yes"], *spec["no"]}, key=len, reverse=True))
    one = rf"(?:{'|'.join([*_marked_forms(spec, words), f'(?:{words})'])})"
    # the pair: two answers side by side (a gap or a slash between), neither glued to a word or a mark outside; an
    # answer glued to a slash and a word after it is no option ("[Y] N/V": nausea and vomiting)
    return re.compile(
        rf"(?<![\w(\[*])(?P<a>{one})(?P<gap>[ \t]+|[ \t]*/[ \t]*)(?P<b>{one})(?![\w)\]*]|/\w)", re.IGNORECASE
    )


_BOX_BEFORE = re.compile(r"^[\[(][^\s\[\]()][\])](?=\w)")


def _word(part: str, circled: Mapping[str, str]) -> tuple[str, bool]:
    """The answer word of one option and whether it is marked."""
    inner = part.strip()
    if inner in circled:
        return circled[inner].lower(), True
    word = _BOX_BEFORE.sub("", inner).strip("()[]*_ \t")
    return word.lower(), word != inner


def circled_answers(
    pattern: re.Pattern[str], yes: Sequence[str], no: Sequence[str], text: str, circled: Mapping[str, str] | None = None
) -> str:
    """``text`` with each Yes/No pair with one option marked reduced to its chosen answer (same length)."""
    letters = circled or {}
    if not any(c in text for c in "([*_") and not any(c in text for c in letters):
        return text
    yes_words, no_words = {w.lower() for w in yes}, {w.lower() for w in no}
    chars: list[str] | None = None
    for m in pattern.finditer(text):
        (a, a_marked), (b, b_marked) = _word(m.group("a"), letters), _word(m.group("b"), letters)
        opposite = (a in yes_words and b in no_words) or (a in no_words and b in yes_words)
        if not opposite or not (a_marked or b_marked):
            continue
        chars = chars if chars is not None else list(text)
        if a_marked and b_marked:  # both chosen: a conflict, read as the unanswered pair ("Y   N"), never as a Yes
            start, end = m.span("a")  # the two words kept next to their gap: "[Y] / [N]" -> " Y / N "
            chars[start:end] = list(a.upper()[: end - start].rjust(end - start))
            start, end = m.span("b")
            chars[start:end] = list(b.upper()[: end - start].ljust(end - start))
            continue
        keep, drop = ("a", "b") if a_marked else ("b", "a")
        kept = a if a_marked else b
        start, end = m.span(keep)
        chars[start:end] = list(kept.upper()[: end - start].center(end - start))
        start, end = m.span(drop)
        chars[start:end] = [" "] * (end - start)
        if "/" in m.group("gap"):
            start, end = m.span("gap")
            chars[start:end] = [" "] * (end - start)
    return text if chars is None else "".join(chars)
