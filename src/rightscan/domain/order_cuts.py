"""An order name cut short (round 47q): an ellipsis after the words of a contrast statement that it leaves open.

A name cut off in a worklist column or a pasted list ends in an ellipsis ("CT CHEST W...", "MRI brain wit\u2026"). When
the words just before the cut are a contrast timing with no contrast noun after it - "W", "WO", "W/O", "with and",
"non" - or the first letters of one ("wi", "witho", "n"), the cut may have taken the rest of the statement: "W..." is
"with", "without" or "with and without" alike, and "W/O..." may go on "& W CONTRAST". Those words are no contrast
choice: they are set aside and the contrast is in question, so the order asks (and never takes a study's routine
contrast). A statement closed before the cut keeps its reading: a contrast noun ends it ("W CONTRAST...", "non-con..."),
or both phases are stated ("W/WO..."). An ellipsis after any other word changes nothing.

Round 50q, a name cut at its field's width with no ellipsis (:func:`cut_at_width`): a RIS exam description written in
capitals that ends in a lone "W" ("MR BREAST BILAT W", "CT CHEST W") may have lost "/O" or "/WO" to the width: the "W"
is set aside and the contrast asks; round 51o: so does a last "WITH" or the first letters of "WITHOUT" ("WITHO").
It is the lone capital word only: "W/", "W CON", "W IV", "W WO", "W/O" stay as read,
and a trailing lower-case "w" stays the Playbook's short name for "with" ("CT Chest w", "MR Abd w", "ctcap w"), which
the Playbook writes in mixed case and which is not cut. A last word the vocabulary does not read that is the first
letters of a study word of its own ("WHOLE BO" of body, "W CO" of contrast, "ABD PEL" of pelvis) is the rest of a word
the width cut off: it is set aside (a cut timing, "BRAIN WI", still asks).

Pure; the words and their meanings are ``knowledge/order_vocabulary.yaml``'s, read by the caller's ``read``
(``order_text``), so that this module imports no reader of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from rightscan.domain.knowledge import OrderVocabulary, TermMeaning

Items = list[tuple[str, TermMeaning | None]]

# an ellipsis written after a word or a slash ("W/..."), spaced or not: three full stops (or two), or the one character
_CUT = re.compile(r"(?:(?<=[^\W\d_])|(?<=/))\s*(?:\.{2,}|\u2026)")
# words and signs that join or separate the parts of one contrast statement ("w/o & w", "w and wo", "w/ wo")
_BETWEEN = frozenset({"-", "/", ",", ":", "+", "and", "or", "&"})


def cut_short(vocab: OrderVocabulary, text: str, read: Callable[[str], Items]) -> tuple[str, bool]:
    """The text without the open contrast words before each cut, and whether any were set aside (the contrast is then
    in question). See the module's docstring."""
    if "..." not in text and ".." not in text and "\u2026" not in text:
        return text, False
    cut = False
    for found in reversed(list(_CUT.finditer(text))):
        before = text[: found.start()]
        words = _open_words(vocab, read(before))
        if not words:
            continue
        kept = _without_last(before, words)
        if kept is None:  # the words could not be found again as written: read as before, but the contrast asks
            kept = before
        text = f"{kept} {text[found.end() :]}".rstrip()
        cut = True
    return text, cut


def cut_at_width(vocab: OrderVocabulary, text: str, read: Callable[[str], Items]) -> tuple[str, bool]:
    """Round 50q: the text without a lone capital "W" that ends it, and whether it was set aside (the contrast is then
    in question). See the module's docstring."""
    if "..." in text or "\u2026" in text or text.upper() != text or not (found := _LONE_W.search(text)):
        return text, False
    last = found.group(1).lower()
    kept = _without_last(text, [last]) if _open_words(vocab, read(text)) == [last] else None
    return (text, False) if kept is None else (kept.rstrip(), True)


def cut_word(vocab: OrderVocabulary, text: str, unread: list[str], read: Callable[[str], Items]) -> tuple[str, bool]:
    """Round 50q: the text without its last word, when that word is the only one the reading left unread, is written
    in capitals and is the first letters of a study word ("WHOLE BO", "WO/W CO"); and whether the contrast is then in
    question (the first letters of a timing with no timing before them: "BRAIN WI"). The text as it is otherwise."""
    items = read(text)
    if items and "..." not in text and "\u2026" not in text and (whole := _completed(vocab, text, items)) is not None:
        return whole, False
    if len(unread) != 1 or not items or "..." in text or "\u2026" in text:
        return text, False
    word, meaning = items[-1]
    written = text.rstrip()[-len(word) :]
    if meaning is not None or word != unread[0] or not written.isupper() or not _begins_study_word(vocab, word):
        return text, False
    kept = _without_last(text, [word])
    if kept is None or not kept.strip():
        return text, False
    stated = any(m is not None and (m.contrast or m.with_marker) for _, m in items[:-1])
    return kept.rstrip(), _begins_timing(vocab, word) and not stated


def _completed(vocab: OrderVocabulary, text: str, items: Items) -> str | None:
    """Round 52o: the text with its last word written in full, when the width cut it inside a form of several words
    that states a field or an extent ("SKULL BASE TO MID-TH" of "mid thigh"): the word is in capitals, unread, and
    the first letters of the last word of the one form whose other words stand just before it. A contrast statement
    is never completed ("W CO" may go on as "W CON" or "W/O"); None otherwise."""
    word, meaning = items[-1]
    written = text.rstrip()[-len(word) :]
    if meaning is not None or len(word) < 2 or not word.isalpha() or not written.isupper():
        return None
    before = [t for w, _ in items[:-1] for t in w.split() if t not in _BETWEEN]
    ends = {
        form[-1]
        for form in _field_forms(vocab)
        if form[-1].startswith(word) and form[-1] != word and before[len(before) - len(form) + 1 :] == list(form[:-1])
    }
    whole = min(ends, key=len, default="")
    if not whole or not all(end.startswith(whole) for end in ends):  # "thigh" or its plural "thighs": one word
        return None
    return text.rstrip()[: -len(word)] + whole.upper()


@lru_cache(maxsize=8)
def _field_forms(vocab: OrderVocabulary) -> tuple[tuple[str, ...], ...]:
    """The vocabulary's forms of two or more words that state a field or an extent and no contrast, without their
    separators."""
    out = []
    for form, m in vocab.phrases.items():
        words = tuple(t for t in form if t not in _BETWEEN)
        states = (m.extent or m.regions) and not (m.contrast or m.contrast_word or m.with_marker or m.status)
        if len(words) > 1 and states:
            out.append(words)
    return tuple(out)


# a lone capital "W" that ends the name, after a space: no slash, sign or word after it
# round 51o: or "WITH", or the first letters of "WITHOUT" short of its end ("WI", "WIT", "WITHO": "MRI BRAIN WITHO"
# is "WITHOUT" or "WITH AND WITHOUT" cut at the width, never "with")
_LONE_W = re.compile(r"(?<=\s)(W|WI|WIT|WITH|WITHO)\s*$")


@lru_cache(maxsize=8)
def _study_words(vocab: OrderVocabulary) -> frozenset[str]:
    """The vocabulary's words of one word that state a study's attribute: a modality, a region, a contrast, an extent,
    a tracer, a technique."""
    return frozenset(
        form[0]
        for form, m in vocab.phrases.items()
        if len(form) == 1
        and form[0].isalpha()
        and (m.modality or m.regions or m.contrast or m.contrast_word or m.with_marker or m.extent or m.pharmaceutical
             or m.technique)
    )  # fmt: skip


def _begins_study_word(vocab: OrderVocabulary, word: str) -> bool:
    """Whether a word the vocabulary does not read is the first letters of a study word ("bo" of body, "co" of
    contrast, "pel" of pelvis)."""
    return any(start.startswith(word) and start != word for start in _study_words(vocab))


def _open_words(vocab: OrderVocabulary, items: Items) -> list[str]:
    """The words at the end of ``items`` that open a contrast statement and leave it open (their tokens, in order);
    none when the words end in a contrast noun, in both phases, or in no contrast word at all."""
    run: list[str] = []
    marks: set[str] = set()
    for k in range(len(items) - 1, -1, -1):
        word, meaning = items[k]
        if word in _BETWEEN:
            run.append(word)
            continue
        if meaning is not None and any(_noun(vocab, token) for token in word.split()):
            break  # "W CONTRAST...", "non-con...": the statement names its noun, closed
        if meaning is not None and (meaning.contrast or meaning.with_marker):
            run.append(word)
            marks.add(meaning.contrast or "with")
            continue
        if meaning is None and k == len(items) - 1 and word.isalpha() and _begins_timing(vocab, word):
            run.append(word)  # "wit...", "n...": the first letters of a contrast word
            marks.add("")
            continue
        break
    if not marks or "without_and_with" in marks or {"with", "without"} <= marks:
        return []
    while run and run[-1] in _BETWEEN:  # a sign before the statement belongs to what precedes it
        run.pop()
    return [token for word in reversed(run) for token in word.split()]


def _noun(vocab: OrderVocabulary, token: str) -> bool:
    meaning = vocab.phrases.get((token,))
    return meaning is not None and meaning.contrast_word


@lru_cache(maxsize=8)
def _timing_starts(vocab: OrderVocabulary) -> frozenset[str]:
    """The vocabulary's contrast timings of one word ("w", "with", "without", "noncon", "plain")."""
    return frozenset(
        form[0]
        for form, m in vocab.phrases.items()
        if len(form) == 1 and (m.contrast or m.with_marker) and form[0].isalpha()
    )


def _begins_timing(vocab: OrderVocabulary, word: str) -> bool:
    """Whether a word the vocabulary does not read is the first letters of a contrast timing of one word ("wi",
    "witho", "n")."""
    return any(start.startswith(word) and start != word for start in _timing_starts(vocab))


def _without_last(text: str, tokens: list[str]) -> str | None:
    """``text`` without its last words, when they are ``tokens`` as written ("&" for "and"); None otherwise."""
    parts = [r"(?:and|&)" if t == "and" else re.escape(t) for t in tokens]
    found = re.search(r"[^A-Za-z0-9]*".join(parts) + r"[^A-Za-z0-9]*$", text, re.IGNORECASE)
    if found is None or (found.start() > 0 and text[found.start() - 1].isalnum()):
        return None
    return text[: found.start()]
