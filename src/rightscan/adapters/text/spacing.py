"""Runs of blanks inside a line, read as one space.

A clinician reads "new bone  pain" (two spaces, as left by an edit, a justified PDF or a form field) as
"new bone pain", but the tokenizer gives the second space a token of its own, and the phrase "bone pain"
no longer matches: the red flag was silently lost. So the pipeline reads the note with every run of
spaces and tabs (or a single tab) *between two words of one line* made a single space. Line breaks, indentation at the
start of a line and blanks at its end are kept, because the layout and the sections read them; only the
break of a hard-wrapped line of prose (a long line stopping mid-sentence, the next going on in lower case:
"... new bone\npain") is read as a space, as a person reads it.

Round 29a: a word split over two lines by a hyphen (OCR of a fax, a typed letter's justification: "Denies bone pain,
cough, ab-\ndominal pain, wt loss") is read as one word, the line break gone: "abdominal" when the joined word is
one the rules know (a target's, a cue's, a section's or a study's word), else "ab-dominal" (a compound written with its
hyphen, "well-\ndifferentiated", stays one). The hyphen must end a long line right after a letter and the next line go
on in lower case at once; the denial before it then reaches the words after the break, as a reader's does.

A run of blank lines is read as one blank line (ninth security pass: a paragraph break means the same however many
blank lines make it, and a long run cost some value rules time out of proportion).

The text read is then shorter than the note, so :func:`squeeze` also returns where each of its
characters came from; the reader maps every offset it reports (a mention's start and end, a quoted
sentence) back through it, so evidence still points into the note as written.
"""

from __future__ import annotations

import re

# a single tab too (a token of its own), and any other blank of a line (no-break and other Unicode spaces: one of them
# split "2\u00a0cm" into two tokens, and a run of them cost some value rules time out of proportion, ninth pass)
_GAP = re.compile(r"(?<=[^\s])(?:[^\S\n\r\f\v]{2,}|[^\S \n\r\f\v])(?=[^\s])")
# Ninth security pass: a run of blank lines (three line breaks or more, blanks between them) is read as one blank line.
# A paragraph break means the same however many blank lines make it, and a long run cost the value rules time out of
# proportion (a rule whose blanks split a run several ways, one C call holding the interpreter's lock: "HER2" and
# 2,000 line breaks took minutes). Blanks after the run's last line break stay (a list's indentation).
_BLANK_LINES = re.compile(r"\n(?:[^\S\n]*+\n){2,}+")
# Fourteenth security pass (F1b): a line's long indentation read as one space. The gap
# rule above squeezes blanks between two words of a line only; a value at a line's end and a next line led by
# thousands of blanks gave a rule's two or three "\s*" in a row (a size's "\s*-?\s*", a grade's score) every way to
# split them: quadratic or worse in one C call the CPU budget cannot stop. No value rule reads the width of an
# indentation this long (the layout reader, which does, runs on the text before this).
EDGE_BLANKS = 16
# (a line's trailing blanks are left: a form's answered boxes are blanked to a trailing run, and its width is read)
_EDGE = re.compile(rf"(?<=\n)[^\S\n\r\f\v]{{{EDGE_BLANKS},}}+")


# a hard-wrapped line of prose: a long, punctuated line that stops mid-sentence (a letter or a comma) and a
# next line that goes on in lower case ("... new bone\npain in the hip"); a heading, a list item or a short
# table row does not look like this, and in dictated text without punctuation a line break is the only
# boundary between utterances, so it is kept
# Round 24: a long line that stops on a comma is wrapped too, without another mark of prose ("fyi pt mentioned R hip
# pain - she had a R hip replacement 2019,\nsays the ache is the same ..."; a fax's "stone (passed,\npain resolved)")
_WRAP = re.compile(r"(?m)^((?=[^\n]*[.,;] )[^\n]{40,}[a-z,]|[^\n]{40,},)[ \t]*\n(?=[a-z])")


# a short heading ending in a colon, then short items one per line, each bulleted or indented (so that a
# sentence that merely follows is not taken into the list; a numbered list is a plan's separate steps),
# with no colon, check box or table padding of its own (the layout reads those rows line by line):
# "Denies:\n- bone pain\n- headache". Read on one line, as "Denies: bone pain, headache", the heading's
# cue reaches every item, as it does when the list is written across (ConText's scope ends at a break)
_VERTICAL = re.compile(
    r"(?m)^[^\n:]{1,40}:[ \t]*(?:\n(?![^\n]*(?:[\[\]☐☒☑✓✔■□○●]|\S(?: {2,}|\t)\S))"
    r"(?:[ \t]*[-*•·▪◦‣–][ \t]*|[ \t]+)[^\s:\d][^\n:]{0,39}(?<=\S)[ \t]*)+$"
)
_ITEM_BREAK = re.compile(r"\n([ \t]*)([-*•·▪◦‣–])?")


def _one_line(m: re.Match[str]) -> str:
    block = m.group(0)
    first = block.index("\n")

    def joined(b: re.Match[str]) -> str:
        at = b.start()
        return (" " if at == first else ",") + b.group(1) + " " * len(b.group(2) or "")

    return _ITEM_BREAK.sub(joined, block)


def unwrap(text: str) -> str:
    """``text`` with the line breaks of hard-wrapped prose, and of a short list under its heading, read
    as spaces and commas (the same length)."""
    if "\n" not in text:
        return text
    return _VERTICAL.sub(_one_line, _WRAP.sub(lambda m: m.group(0)[:-1] + " ", text))


# round 29a: a word split by a hyphen at the end of a long line ("ab-\ndominal"): the first part ends the line right
# after the hyphen, the second opens the next line in lower case
_SPLIT_WORD = re.compile(r"(?<=[A-Za-z])-(?=[ \t]*\n[a-z]{2})")
SOFT_HYPHEN = "\u00ad"  # a hyphen there only for the line's break: the layout reads it as no sign or dash
_SOFT_SPLIT = re.compile(rf"(?<=[A-Za-z]){SOFT_HYPHEN}[ \t]*\n(?=(?P<second>[a-z]+))")
_WORD_BEFORE = re.compile(r"[A-Za-z]+$")
_LONG_LINE = 20  # the characters of a line before its hyphen: a wrapped line, not a table's row or a list's item


def soft_hyphens(text: str, known: frozenset[str] = frozenset()) -> str:
    """``text`` with the hyphen of each word split over two lines made a soft hyphen (the same length), so that the
    layout does not read "cough, ab-" as an item answered "-". Sixteenth pass F3: on a short line too when the joined
    word is ``known`` (a word the rules read: "Progressive short-\nness of breath", "New numb-\nness")."""
    if "-" not in text or "\n" not in text:
        return text
    chars = None
    for m in _SPLIT_WORD.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if m.start() - line_start >= _LONG_LINE or _joins_known(text, line_start, m.start(), known):
            chars = chars or list(text)
            chars[m.start()] = SOFT_HYPHEN
    return text if chars is None else "".join(chars)


_WORD_AFTER = re.compile(r"[ \t]*\n([a-z]+)")


def _joins_known(text: str, line_start: int, hyphen: int, known: frozenset[str]) -> bool:
    """The word before the hyphen and the one that opens the next line make a word of ``known``."""
    first = _WORD_BEFORE.search(text, line_start, hyphen)
    second = _WORD_AFTER.match(text, hyphen + 1)
    return bool(first and second and (first.group(0) + second.group(1)).lower() in known)


def split_words(text: str, known: frozenset[str]) -> list[tuple[int, int, str]]:
    """The (start, end, put) runs that join the words split over two lines (``soft_hyphens``): the hyphen and the
    break dropped when the joined word is ``known``, else the break dropped and the hyphen kept ("well-\ndifferentiated"
    is read "well-differentiated")."""
    runs = []
    for m in _SOFT_SPLIT.finditer(text):
        first = _WORD_BEFORE.search(text, text.rfind("\n", 0, m.start()) + 1, m.start())
        joined = ((first.group(0) if first else "") + m.group("second")).lower()
        runs.append((m.start(), m.end(), "" if joined in known else "-"))
    return runs


def squeeze(text: str, known: frozenset[str] = frozenset()) -> tuple[str, list[int] | None]:
    """``text`` with inner runs of blanks made one space, and the original offset of each of its
    characters (one more entry for the end); ``None`` when nothing changed (the usual case). A word split by a
    hyphen over two lines is joined (``known``: the words it is joined into without its hyphen)."""
    splits = split_words(text, known) if SOFT_HYPHEN in text else []
    edges = [(m.start(), m.end(), " ") for m in _EDGE.finditer(text)] if "\n" in text else []
    if not splits and not edges and not _GAP.search(text) and not ("\n" in text and _BLANK_LINES.search(text)):
        return text, None
    pieces: list[str] = []
    where: list[int] = []
    kept = 0  # original offset up to which text is copied
    runs = [(m.start(), m.end(), " ") for m in _GAP.finditer(text)]
    if "\n" in text:
        lines = [(m.start(), m.end(), "\n\n") for m in _BLANK_LINES.finditer(text)]
        runs += lines
        runs += [e for e in edges if not any(a < e[1] and e[0] < b for a, b, _ in lines)]  # not inside blank lines
    if splits:  # a gap run never overlaps a split (a gap lies between two words of one line)
        runs += splits
    runs.sort()
    for start, end, put in runs:
        pieces.append(text[kept:start])
        where.extend(range(kept, start))
        pieces.append(put)
        where.extend(range(start, start + len(put)))
        kept = end
    pieces.append(text[kept:])
    where.extend(range(kept, len(text) + 1))
    return "".join(pieces), where


# round 18f: a gap this wide (or a tab) between two words of a line parts a form's fields ("Size (USG): 2.0 cm   Dist
# from nipple: 3 cm"); a double space is an edit's slip and parts nothing
_WIDE = 3


def wide_gaps(text: str, where: list[int] | None, note: str | None = None) -> frozenset[int]:
    """The places in the squeezed text (``squeeze``) of the single spaces that stand for a wide gap or a tab of
    ``text``: where one field of a form's line ends and the next begins (``note``: the note as written, at the same
    offsets as ``text``)."""
    if where is None:
        return frozenset()
    said = note if note is not None and len(note) == len(text) else None
    return frozenset(
        i
        for i in range(len(where) - 1)
        if text[where[i]] not in "\n\r\f\v"
        and text[where[i]].isspace()  # round 29a: not a word joined over a line break ("ab-\ndominal")
        and (where[i + 1] - where[i] >= _WIDE or (text[where[i]] == "\t" and i and where[i] - where[i - 1] == 1))
        and not (said is not None and _said_number(said, text, where[i], where[i + 1]))
    )


def _said_number(note: str, text: str, start: int, end: int) -> bool:
    """Round 56d (v56 co-012, co-017): the blanks before a number a dictation said as words, written as digits next
    to its unit ("closest margin superior at zero point three centimeters" read "at          0.3 centimeters"), stand
    where words were said: no form's gap between two fields, so the words before the number still say what it
    measures (a margin, a core's length)."""
    return end < len(text) and text[end].isdigit() and any(c.isalpha() for c in note[start:end])
