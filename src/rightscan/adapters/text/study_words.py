"""The words a study is read from: its name, the contrast words right after it, and the qualifiers
written around it in its clause. Plain text work, no spaCy objects (offsets in, strings out)."""

from __future__ import annotations

import re

# round 29c: dictation's "contracts" for contrast ("MRI brain without contracts"), read as heard by the order vocabulary
CONTRAST_AFTER = re.compile(
    r"(?:\s*(?:pre\s*(?:\+|&|and|/)\s*post|w/wo|w/w/o|w/o|w\+wo|w/|wo|w|with and without|without and with|with|"
    r"without|and|\+|&|iv|i\.v\.|contrast|contracts|gadolinium|gad|/|-)(?![a-z0-9]))+",
    re.IGNORECASE,
)


_SAYS_CONTRAST = re.compile(
    r"contrast|contracts|gad|(?<![a-z])(?:iv|i\.v\.|w/|w\+|wo|w|with and without|without and with)(?![a-z])",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[;,.:\n]|\s[-–—]\s")
NOT_ONE_CLAUSE = re.compile(r"[;,.\n]")
WORDS = re.compile(r"[^\s()\[\]]+")
_NEIGHBOURS = 6  # words looked at on each side of a study's name
_REACH = 400  # characters of the clause read on each side (six words are far shorter)


def neighbour_words(text: str, start: int, end: int) -> list[str]:
    """The words next to a study's name in its clause (up to a comma, colon, semicolon, full stop or
    line break), nearest first: where a writer puts its qualifiers ("mammogram (screening)", "MAMMO
    DIAGNOSTIC BILATERAL", "diagnostic mammogram due (tomosynthesis)")."""

    def words(part: str) -> list[str]:
        cleaned = (w.strip("()[]{}\"'") for w in part.split())
        return [w for w in cleaned if any(c.isalpha() for c in w)]

    # the clause is read no further than _REACH characters on each side (a clause without punctuation can
    # be the whole note, and reading it for every study made a note of studies quadratic); a word the
    # reach cuts in two is left out
    lo, hi = max(0, start - _REACH), min(len(text), end + _REACH)
    clause_start = max(text.rfind(c, lo, start) for c in ";,.:\n") + 1
    before = text[clause_start or lo : start]
    if not clause_start and lo > 0 and not (text[lo - 1].isspace() or text[lo].isspace()):
        before = before[len(before.split(None, 1)[0]) :]
    stop = _CLAUSE_END.search(text, end, hi)
    after = text[end : stop.start() if stop else hi]
    if stop is None and hi < len(text) and not (text[hi].isspace() or text[hi - 1].isspace()):
        after = after[: len(after) - len(after.rsplit(None, 1)[-1])]
    return words(after)[:_NEIGHBOURS] + words(before)[-_NEIGHBOURS:][::-1]


# round 22d: the side or sides of a study written between its name and its contrast words, as an order line puts them
# ("MRI BREAST BILATERAL WITHOUT CONTRAST", "MRI breast left w/wo"): the contrast words are still the study's own
_SIDE_BETWEEN = re.compile(r"[ \t]+(?:bilateral|bilat|b/l|unilateral|left|right|lt|rt)(?![a-z/])", re.IGNORECASE)


# round 23d: the contrast of a study set off after its name by a comma, a bracket or a dash, as letters and board
# outcomes write it ("MRI lumbar spine, non-contrast, to characterise L2", "an MRI of the lumbar spine (non-contrast)",
# "CT thorax/abdomen/pelvis - non-contrast given eGFR 38"): only words about contrast, never the next study's name
_SET_OFF_CONTRAST = re.compile(
    r"[ \t]*+(?:,|\(|\[|-{1,2}|–|—)[ \t]*+"
    r"((?:(?:with|without|w/o|w/wo|w/|iv|i\.v\.|and|&|\+|/)[ \t]++)*+"
    r"(?:non[- ]?contrast(?:ed)?|non[- ]?con|non[- ]?enhanced|unenhanced|contrast(?:[- ]enhanced)?|plain|gadolinium|"
    r"with(?:out)?[ \t]++(?:iv[ \t]++|i\.v\.[ \t]++)?(?:contrast|gadolinium|gad|dye)))"
    r"(?![a-z0-9/-])(?![ \t]*+(?:ct|mri?|pet|us|usg|xr|x-?ray|scan|bone|mammo|ultrasound)(?![a-z]))",
    re.IGNORECASE,
)


# round 46c: a lone "w/" (or "w") after a study's name, and the word it joins when that word is no contrast word
_BARE_WITH = re.compile(r"\s*w/?\s*", re.IGNORECASE)
_JOINS_OTHER = re.compile(
    r"\s*(?!(?:oral|po|dye|enhanc\w*|contrast\w*|gad\w*|iodinated|omnipaque|isovue|multihance|dotarem|eovist|prohance|"
    r"clariscan|iv|i\.v)(?![a-z]))[a-z]",
    re.IGNORECASE,
)


def order_words(text: str, start: int, end: int) -> str:
    """A study's words for the resolver: the matched phrase and any contrast words right after it
    ("CT chest" + " w contrast", "MRI brain" + " w/wo"), which the phrase itself may not include; a side written
    between the name and its contrast words is passed over (round 22d)."""
    side = _SIDE_BETWEEN.match(text, end)
    if side is not None:
        beyond = CONTRAST_AFTER.match(text, side.end())
        if beyond is not None and _SAYS_CONTRAST.search(beyond.group(0)) is not None:
            return text[start:end] + beyond.group(0)
    more = CONTRAST_AFTER.match(text, end)
    words = more.group(0) if more else ""
    # a bare "with" or "without" is not about contrast ("mammogram with tomosynthesis")
    says_contrast = _SAYS_CONTRAST.search(words) is not None
    # round 46c (v46 bm-018): nor is a bare "w/" joining the study to a technique other than contrast ("diagnostic mammo
    # w/ mag views", "dx mammogram w/ spot compression"): the magnification views of a diagnostic mammogram, never the
    # contrast-enhanced one; "w/ contrast", "w/ IV", "w/ gad", "w/ and w/o" still say contrast
    if says_contrast and _BARE_WITH.fullmatch(words) and _JOINS_OTHER.match(text, end + len(words)):
        says_contrast = False
    tail = words if says_contrast else ""  # a bare "and" or "/" after the study is not about it
    return text[start:end] + (tail or set_off_contrast(text, end))


def set_off_contrast(text: str, end: int) -> str:
    """Round 23d: the contrast words set off after a study's name ending at ``end`` ("MRI lumbar spine, non-contrast",
    "CT TAP (with contrast)"), with a space before them, or ""."""
    set_off = _SET_OFF_CONTRAST.match(text, end)
    return " " + set_off.group(1) if set_off is not None else ""


# round 40o (v40 blind): the side a study is done on, or its extent, written around its name on an order line
# ("Bilateral diagnostic mammogram.", "US R breast/chest wall, targeted."): the study still stands alone in its sentence
_SIDE_OR_EXTENT = re.compile(
    r"(?:[^a-z0-9]*(?<![a-z0-9])(?:bilateral|bilat|b/l|unilateral|left|right|lt|rt|l|r|targeted|focused|focal|limited)"
    r"(?![a-z0-9/]))*[^a-z0-9]*",
    re.IGNORECASE,
)

# round 43o (v43 blind): the organ a study is aimed at, in brackets after its name on an order line ("MRI ABDOMEN
# (LIVER) W/WO CONTRAST"): the study still stands alone in its sentence; only an organ's name, never other words
_PART_IN_BRACKETS = re.compile(
    r"\(\s*(?:liver|hepatic|pancreas|kidneys?|renal|adrenals?|spleen|chest|lungs?|abdomen|pelvis|brain|head|spine|"
    r"breasts?|axillae?|axillary|bones?)\s*\)\s*",
    re.IGNORECASE,
)


def only_qualifiers(words: str) -> bool:
    """Whether the words after a study's name, up to its sentence's end, are only its contrast qualifiers, its side
    or extent, and punctuation ("CT CHEST ABD PELVIS" + " W IV CONTRAST."): the study then still stands alone in its
    sentence, as an order line or a reason-for-exam line writes it."""
    rest = words.strip(" \t\n.;:,!")
    if not rest:
        return True
    part = _PART_IN_BRACKETS.match(rest)  # round 43o: "MRI ABDOMEN" + " (LIVER) W/WO CONTRAST"
    rest = rest[part.end() :] if part else rest
    if not rest:
        return True
    side = _SIDE_OR_EXTENT.match(rest)  # round 40o: "..., targeted", "... bilateral w/wo"
    rest = rest[side.end() :] if side else rest
    return not rest or CONTRAST_AFTER.fullmatch(" " + rest) is not None or only_sides(rest)


# round 44o (v44 bg-032): the intent and side a note's title writes before its study ("DIAGNOSTIC BILAT TOMOSYNTHESIS",
# "SCREENING 3D MAMMOGRAM"): still the study the note opens with
_TITLE_QUALIFIERS = re.compile(
    r"(?:[^a-z0-9]*(?<![a-z0-9])(?:bilateral|bilat|b/l|unilateral|left|right|lt|rt|diagnostic|diag|dx|screening|3d|2d)"
    r"(?![a-z0-9/]))*[^a-z0-9]*",
    re.IGNORECASE,
)


def only_title_qualifiers(words: str) -> bool:
    """Round 44o: whether the words before the study a note opens with are only its intent and side."""
    return _TITLE_QUALIFIERS.fullmatch(words) is not None


def only_sides(words: str) -> bool:
    """Round 40o: whether the words before a study's name in its sentence are only its side or extent and punctuation
    ("Bilateral" + " diagnostic mammogram.", "- R" + " breast US"), as an order line writes it."""
    return _SIDE_OR_EXTENT.fullmatch(words) is not None


# round 21d: a study's words joined to what follows by "with" or "using" ("PET/CT w/ fluoroestradiol F-18 (FES)")
_JOINED_BY_WITH = re.compile(r"(?:w/|with|using)\s*$", re.IGNORECASE)
_USING = re.compile(r"\s+using\s+", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s*([A-Za-z][A-Za-z0-9-]*)")


def word_joined_after(text: str, end: int) -> str | None:
    """The word a study's name (ending at ``end``) is joined to by "with" or "using" after its contrast words
    ("PET/CT w/ fluoroestradiol" -> "fluoroestradiol"), or None: what the study is done with, such as its tracer."""
    more = CONTRAST_AFTER.match(text, end)
    at = more.end() if more and _JOINED_BY_WITH.search(more.group(0)) else None
    if at is None and (using := _USING.match(text, end)):
        at = using.end()
    word = _NEXT_WORD.match(text, at) if at is not None else None
    return word.group(1) if word else None


_TRAILING_JOIN = re.compile(r"(?:\s*(?:and|&|\+|/|-))+\s*$", re.IGNORECASE)


def qualifiers_end(text: str, end: int) -> int:
    """Where a study's own contrast words end after its name ("CT chest/abdomen/pelvis" + " with contrast"), a
    connector after them left out ("... with contrast AND whole-body bone scan": the "AND" joins two studies)."""
    more = CONTRAST_AFTER.match(text, end)
    if more is None or _SAYS_CONTRAST.search(more.group(0)) is None:
        return end
    words = _TRAILING_JOIN.sub("", more.group(0))
    return end + len(words)
