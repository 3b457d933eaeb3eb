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
glued on both sides ("Y / __N__", "Y / **N**", "*N*"), one mark glued on one side ("Y / N*"), or a circled letter
("Y / Ⓝ"). The marks are data (``layout.chosen_*`` and ``circled_letters``). Brackets holding a tick mark or a blank
are a checkbox, whose content is the mark, never a choice mark: a checkbox pair ("[x]Y [ ]N", "( )Y (x)N") or a blank
box glued to an option is left to the layout as written (a row of such pairs had lost its checked headache when the
reader paired one item's "[ ]Y" with the next item's "[x]N"); a lone ticked box glued to one option of a bare pair
("Y / (X)N": no checkbox pair the layout reads) makes the pair an unanswered one, to confirm. A box after its option
("N(X)") and boxes apart from their options stay the layout's.

The answer words are the layout's own ("yes" and "no" of ``layout`` in context.yaml).

Round 50t (v50 bx-034: "Any new headaches?  ○ Yes  ● No" raised three red flags from radio buttons answered No): a
radio button drawn bare before its option, filled for the chosen one ("● Yes  ○ No", "◉ No ◯ Yes", "■ N □ Y";
``radio_filled``, ``radio_empty``): the filled one is the chosen option, the empty one is not. Both filled or both
empty, the pair is unanswered. Bracketed buttons ("(•) No ( ) Yes", "[■] Yes") stay the layout's.

Round 50t (v50 bx-012: "Headaches?   Y / N   (N circled)" raised a headache and a weight loss from a paper form
transcribed by an MA): the choice told in words after the unmarked pair ("(N circled)", "(Y circled)", "- circled N",
"answered no"; the verbs are ``told_answer_verbs``): the told option is the chosen one, as if it were marked; the
words telling it are blanked. A told answer that is neither option of the pair, or two told answers, leave the line.

Round 50t (v50 bx-016: "Symptom checklist (upper case = answer): bone pain yes/NO  SOB yes/NO" raised a dyspnea): a
pair of answer words with exactly one written in capitals and the other in lower case ("yes/NO", "YES / no") is
answered by the capitalised one, as the form's key says and as such a form is read without one; a pair written
alike ("Yes/No", "yes/no", "YES/NO") or single letters ("Y/n") stay unanswered.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

_SPACE = r"[ \t]*"


def _box_pattern(spec: Mapping[str, Any]) -> str:
    """A checkbox, square or round, holding a tick mark or a blank (``checked``, ``unchecked``, ``round_checked``)."""
    square = "".join(re.escape(c) for c in {*spec.get("checked", ()), *spec.get("unchecked", ())} if c.strip())
    round_ = "".join(re.escape(c) for c in spec.get("round_checked", ()) if c.strip())
    return rf"(?:\[[ \t{square}]?\]|\([ \t{round_}]?\))"


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
    # a checkbox glued before an option, ticked or blank ("[x]Y [ ]N", "( )Y (x)N", "Y / (X)N"): read whole, so that
    # no pair is found inside a row of boxes, and then left alone (see ``_box``)
    forms.append(rf"{_box_pattern(spec)}(?:{words})")
    radios = "".join(re.escape(c) for c in (*spec.get("radio_filled", ()), *spec.get("radio_empty", ())))
    if radios:  # round 50t: a bare radio button before its option ("● Yes", "○ No")
        forms.append(rf"[{radios}][ \t]?(?:{words})")
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


# round 50t: a radio button's glyph, filled or empty, as ``circled_marks`` gives it with the circled letters
RADIO_FILLED, RADIO_EMPTY = "\x00filled", "\x00empty"


def circled_marks(spec: Mapping[str, Any]) -> dict[str, str]:
    """The circled letters (their answer word) and the bare radio buttons (filled or empty) of ``spec``."""
    out = dict(spec.get("circled_letters") or {})
    out.update(dict.fromkeys(spec.get("radio_filled", ()), RADIO_FILLED))
    out.update(dict.fromkeys(spec.get("radio_empty", ()), RADIO_EMPTY))
    return out


_BOX_BEFORE = re.compile(r"^[\[(][^\[\]()]?[\])](?=\w)")


def _box(part: str) -> str | None:
    """The content of the checkbox glued before an option ("[x]N" -> "x", "[ ]Y" -> ""), None without one."""
    box = _BOX_BEFORE.match(part.strip())
    return None if box is None else box.group()[1:-1].strip()


def _word(part: str, circled: Mapping[str, str]) -> tuple[str, bool]:
    """The answer word of one option and whether it is marked."""
    inner = part.strip()
    if inner in circled:
        return circled[inner].lower(), True
    if inner[:1] in circled and circled[inner[:1]] in (RADIO_FILLED, RADIO_EMPTY):  # round 50t: "● Yes", "○ No"
        return inner[1:].strip().lower(), circled[inner[:1]] == RADIO_FILLED
    word = _BOX_BEFORE.sub("", inner).strip("()[]*_ \t")
    return word.lower(), word != inner


def compile_told(spec: Mapping[str, Any]) -> re.Pattern[str] | None:
    """An unmarked Y/N pair and, after it on its line, the answer told in words ("Y / N   (N circled)")."""
    verbs = "|".join(re.escape(v) for v in sorted(spec.get("told_answer_verbs", ()), key=len, reverse=True))
    if not verbs:
        return None
    words = "|".join(re.escape(w) for w in sorted({*spec["yes"], *spec["no"]}, key=len, reverse=True))
    told = (
        rf"(?:(?P<w1>{words})[ \t]+(?:was[ \t]+|is[ \t]+)?(?:{verbs})"
        rf"|(?:{verbs})[ \t]*:?[ \t]*(?P<w2>{words}))"
    )
    return re.compile(
        rf"(?<![\w(\[*/])(?P<a>{words})(?P<gap>[ \t]*/[ \t]*|[ \t]+)(?P<b>{words})(?![\w)\]*/])"
        rf"(?P<between>[ \t]*[-–—,;]?[ \t]*)(?P<told>\(?[ \t]*{told}[ \t]*\)?)(?![\w])",
        re.IGNORECASE,
    )


def told_answers(pattern: re.Pattern[str] | None, yes: Sequence[str], no: Sequence[str], text: str) -> str:
    """``text`` with each Y/N pair whose answer is told after it ("Y / N  (N circled)") reduced to that answer."""
    if pattern is None:
        return text
    yes_words, no_words = {w.lower() for w in yes}, {w.lower() for w in no}
    chars: list[str] | None = None
    for m in pattern.finditer(text):
        a, b = m.group("a").lower(), m.group("b").lower()
        said = (m.group("w1") or m.group("w2")).lower()
        if not ((a in yes_words and b in no_words) or (a in no_words and b in yes_words)):
            continue
        kind = yes_words if said in yes_words else no_words
        chars = chars if chars is not None else list(text)
        _keep_first(chars, "Y" if kind is yes_words else "N", m.start("a"), m.end("told"))
    return text if chars is None else "".join(chars)


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
        radios = [letters.get(m.group(k).strip()[:1]) in (RADIO_FILLED, RADIO_EMPTY) for k in ("a", "b")]
        if not opposite or not (a_marked or b_marked or all(radios)):  # round 50t: "○ Yes  ○ No" is unanswered
            continue
        boxes = [_box(m.group("a")), _box(m.group("b"))]
        if boxes != [None, None] and (None not in boxes or "" in boxes):
            continue  # a checkbox pair ("[x]Y [ ]N") or a blank box: the box's content is the mark, read by the layout
        chars = chars if chars is not None else list(text)
        # both chosen, or one ticked box beside a bare option ("Y / (X)N", no checkbox pair the layout reads): read as
        # the unanswered pair ("Y   N"), to confirm, never as a Yes
        if a_marked == b_marked or boxes != [None, None]:
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


def capital_answers(pattern: re.Pattern[str], no_words: frozenset[str], text: str) -> str:
    """``text`` with each pair of answer words of which one alone is in capitals ("yes/NO") reduced to that one."""
    chars: list[str] | None = None
    for m in pattern.finditer(text):
        a, b = m.group("a"), m.group("b")
        if a.lower() == b.lower() or not ((a.isupper() and b.islower()) or (a.islower() and b.isupper())):
            continue
        chars = chars if chars is not None else list(text)
        kept = (a if a.isupper() else b).lower()
        _keep_first(chars, "N" if kept in no_words else "Y", m.start("a"), m.end("b"))
    return text if chars is None else "".join(chars)


def _keep_first(chars: list[str], kept: str, start: int, end: int) -> None:
    """The chosen answer written as its letter where the pair starts, next to its item, the rest of the pair blanked
    ("dyspnea yes/NO   jaundice" -> "dyspnea N        jaundice", a grid row's answer: an answer word set apart by a
    gap, or a "NO" read as a word, had answered the next item)."""
    chars[start:end] = list(kept.ljust(end - start))


class ChosenAnswers:
    """Round 50t: the passes of this module in their order, as the pipeline runs them on a note: answers told in words
    ("Y / N  (N circled)"), then marked options and radio buttons ("Y / [N]", "○ Yes  ● No")."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.yes, self.no = tuple(spec["yes"]), tuple(spec["no"])
        self.no_words = frozenset(w.lower() for w in self.no)
        self.pattern, self.told, self.marks = compile_circled(spec), compile_told(spec), circled_marks(spec)
        words = "|".join(re.escape(w) for w in sorted({*self.yes, *self.no}, key=len, reverse=True) if len(w) > 1)
        self.capitals = re.compile(rf"(?<![\w/])(?P<a>{words})(?P<gap>[ \t]*/[ \t]*)(?P<b>{words})(?![\w/])", re.I)

    def __call__(self, text: str) -> str:
        told = told_answers(self.told, self.yes, self.no, capital_answers(self.capitals, self.no_words, text))
        return circled_answers(self.pattern, self.yes, self.no, told, self.marks)
