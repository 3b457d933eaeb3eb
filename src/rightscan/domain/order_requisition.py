"""A paper requisition after fax and OCR (round 33o), read back into the words that were written on it.

- What the fax machine, a scanner and the receiving office print on the page - a stamp with its date and time
  ("RECEIVED DEC 01 2026"), a page marker with its numbers ("FAX PAGE 2 OF 3"), a banner ("** CONFIDENTIAL **"), a fax
  or phone number with its label - is no word of the order: set aside where it stands on a field of its own (between
  line breaks, wide gaps or "|") or between asterisks. The words are the order vocabulary's ``fax_marks``; a stamp needs
  its date or time. The same words inside the order's own words are left to the reader ("PET/CT received 12/01").
- A word the form broke across a line with a hyphen ("ULTRA-" over "SOUND", "CON-" over "TRAST") is joined when the
  joined word is a one-word form of the vocabulary; otherwise the hyphen and the line stay.
- OCR confuses, inside a word written in capitals, the digit zero with the letter O and a lower-case l or the digit 1
  with a capital I ("C0NTRAST", "MRl", "B1LATERAL", "W/0"). A word is read with the letters only where it is otherwise
  letters - two capitals or more - and the word read is a word of the vocabulary's forms; a word of one capital
  ("T0", the "0" of "W/0") only where it completes a form of two words or more with the words around it ("SKULL BASE
  T0 MID-THIGH", "W/0"). A number is never read as letters: "T10", "C7", "L1", "99m", "2D/3D", a CPT code or a date
  have no such reading. Each reading is reported as a correction.

Pure; the words are ``knowledge/order_vocabulary.yaml``'s. Linear in the text's length.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rightscan.domain.knowledge import OrderVocabulary
from rightscan.domain.order_typos import Noted

MAX_TEXT = 2000  # characters of an order read for a requisition's marks (an order name is far shorter)

# where a requisition's field ends: a line break, a tab, a wide gap, "|"
_FIELDS = re.compile(r"(\r\n|\r|\n|\t|[ ]{2,}|\|)")
_DATE = (
    r"(?:[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{2,4}"  # DEC 01 2026, Dec. 1st, 2026
    r"|\d{1,2}[\s-][A-Za-z]{3,9}\.?,?[\s-]\d{2,4}"  # 01 DEC 2026, 1-Dec-26
    r"|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}"  # 12/01/2026, 2026-12-01
    r"|\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)"  # 14:32, 2:32 PM
)
_PHONE = r"\+?\(?\d[\d ().-]{5,18}\d"
_BROKEN = re.compile(r"(?<![A-Za-z0-9])([A-Za-z0-9]+)-[ \t]*(?:\r\n|\r|\n)[ \t]*([A-Za-z0-9]+)")
_WORD = re.compile(r"[A-Za-z0-9]+")
_TOKEN = re.compile(r"[A-Za-z0-9]+|[/+\-;,:&]")
_OCR = str.maketrans({"0": "O", "1": "I", "l": "I"})
_DIGITS = str.maketrans({"0": "o", "1": "i"})  # in a word not written in capitals, "l" is a letter
_FIELD_MAX = 120  # characters of a field that may be a fax mark (a stamp with its date and time is far shorter)
_WEAK_REACH = 6  # words before a one-capital word that a form it completes may start at


def read_requisition(vocab: OrderVocabulary, text: str, noted: Noted) -> str:
    """The text without a requisition's fax marks, its broken words joined, its OCR confusions read (see the module's
    docstring); each word read otherwise is recorded in ``noted.corrections``."""
    if len(text) > MAX_TEXT:
        return text
    text = _without_marks(vocab, text)
    if "-" in text and ("\n" in text or "\r" in text):
        text = _BROKEN.sub(lambda m: _joined(vocab, m, noted), text)
    confusable = "0" in text or "1" in text or ("l" in text and any(c.isupper() for c in text))
    return _ocr_read(vocab, text, noted) if confusable else text


# ------------------------------------------------------------------ fax marks
def _alternatives(entries: tuple[str, ...]) -> str:
    forms = sorted({r"\s+".join(re.escape(p) for p in e.split()) for e in entries if e.strip()}, key=len, reverse=True)
    return "|".join(forms) or r"(?!)"


@lru_cache(maxsize=8)
def _marks(vocab: OrderVocabulary) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a field that is only fax marks, fax marks between asterisks anywhere)."""
    marks = vocab.fax_marks
    stamp = rf"(?:{_alternatives(marks.stamps)})(?:[\s:,#-]*{_DATE})+"
    page = rf"(?:{_alternatives(marks.pages)})\.?\s*#?\s*\d{{1,3}}(?:\s*(?:of|/)\s*\d{{1,3}})?"
    number = rf"(?:{_alternatives(marks.numbers)})\.?\s*[:#]?\s*{_PHONE}"
    piece = rf"(?<![A-Za-z0-9])(?:{stamp}|{page}|{number}|{_alternatives(marks.banners)})(?![A-Za-z0-9])"
    run = rf"{piece}(?:[\s,;:*=-]+{piece})*"
    field = re.compile(rf"[\s*=_~-]*{run}[\s*=_~.-]*", re.IGNORECASE)
    starred = re.compile(rf"(?<!\*)\*+[ \t]*{run}[ \t]*\*+", re.IGNORECASE)
    return field, starred


def _without_marks(vocab: OrderVocabulary, text: str) -> str:
    marks = vocab.fax_marks
    if not (marks.stamps or marks.pages or marks.banners or marks.numbers):
        return text
    field, starred = _marks(vocab)
    text = starred.sub("  ", text)
    parts = _FIELDS.split(text)  # fields at even places, the breaks between them at odd ones
    return "".join("" if n % 2 == 0 and _only_marks(field, part) else part for n, part in enumerate(parts))


def _only_marks(field: re.Pattern[str], part: str) -> bool:
    said = part.strip()
    return bool(said) and len(said) <= _FIELD_MAX and field.fullmatch(said) is not None


# ------------------------------------------------------------------ a word broken across a line
def _joined(vocab: OrderVocabulary, match: re.Match[str], noted: Noted) -> str:
    whole = match.group(1) + match.group(2)
    read = (_ocr_word(whole) or whole).lower()
    if (read,) not in vocab.phrases:
        return match.group()
    noted.corrections.append((f"{match.group(1)}-{match.group(2)}".lower(), read))
    return whole


# ------------------------------------------------------------------ OCR confusions in capitals
def _ocr_word(word: str) -> str | None:
    """The word with 0 read as O and 1 or l as I, when it is capitals otherwise; else None."""
    if not any(c in "01l" for c in word):
        return None
    capitals = [c for c in word if c.isalpha() and c != "l"]
    if not capitals or not all(c.isupper() for c in capitals):
        return None
    read = word.translate(_OCR)
    return read if read.isalpha() else None


def _capitals(word: str) -> int:
    return sum(1 for c in word if c.isalpha() and c != "l")


def _ocr_read(vocab: OrderVocabulary, text: str, noted: Noted) -> str:
    spans: list[tuple[int, int, str]] = []
    for match in _WORD.finditer(text):
        word = match.group()
        read = _ocr_word(word)
        if read is not None and _capitals(word) >= 2 and _vocabulary_word(vocab, read, word):
            spans.append((match.start(), match.end(), read))
    text = _replaced(text, spans, noted)
    # a word of one capital ("T0") or a lone zero after "W/" ("W/0"): only inside a form of two words or more
    tokens = list(_TOKEN.finditer(text))
    at_token = [n for n, t in enumerate(tokens) if t.group()[0].isalnum()]  # the words, as token indexes
    words = [tokens[n].group().lower() for n in at_token]
    weak: list[tuple[int, int, str]] = []
    for at, n in enumerate(at_token):
        word = tokens[n].group()
        lone_zero = word == "0" and _after_letter_slash(tokens, n)
        capital = lone_zero and tokens[n - 2].group().isupper()
        read = "O" if capital else _ocr_word(word) if _capitals(word) == 1 else None
        if read is not None and _completes_form(vocab, words, at, read.lower()):
            weak.append((tokens[n].start(), tokens[n].end(), read))
        elif lone_zero or any(c in "01" for c in word):
            _unreadable_timing(vocab, tokens, n, lone_zero, noted)
    return _replaced(text, weak, noted)


def _unreadable_timing(vocab: OrderVocabulary, tokens: list[re.Match[str]], n: int, zero: bool, noted: Noted) -> None:
    """A word with a zero or a one that is not read, whose letters would be a contrast timing before a contrast noun
    ("W0 CONTRAST", "n0 gad", "w/0 contrast" typed in lower case): the contrast cannot be read. Left as written it
    would be dropped, and the noun read as "with": so the order asks (``contrast_unclear``)."""
    word = tokens[n].group()
    if zero:
        letters = f"{tokens[n - 2].group()}/o".lower()  # "w/0": read as "w / o"?
        timing = vocab.phrases.get(tuple(_TOKEN.findall(letters)))
        noted.contrast_unclear = noted.contrast_unclear or bool(timing and (timing.contrast or timing.with_marker))
        return
    read = word.translate(_OCR if word.isupper() else _DIGITS).lower()
    meaning = vocab.phrases.get((read,))
    if not (read in vocab.negators or (meaning is not None and (meaning.contrast or meaning.with_marker))):
        return
    after = next((t.group().lower() for t in tokens[n + 1 :] if t.group()[0].isalnum()), "")
    noun = vocab.phrases.get((after,))
    noted.contrast_unclear = noted.contrast_unclear or bool(noun and noun.contrast_word)


def _vocabulary_word(vocab: OrderVocabulary, read: str, word: str) -> bool:
    """Whether a word read with letters is a word of the vocabulary's forms, and the word as written is not."""
    return read.lower() in vocab.words and word.lower() not in vocab.words


def _after_letter_slash(tokens: list[re.Match[str]], n: int) -> bool:
    """Whether token ``n`` follows "<letter>/" with nothing between ("W/0")."""
    if n < 2 or tokens[n - 1].group() != "/" or tokens[n - 1].end() != tokens[n].start():
        return False
    letter = tokens[n - 2].group()
    return len(letter) == 1 and letter.isalpha() and tokens[n - 2].end() == tokens[n - 1].start()


def _completes_form(vocab: OrderVocabulary, words: list[str], at: int, read: str) -> bool:
    """Whether the words, the one at ``at`` read as ``read``, spell a vocabulary form of two words or more that holds it
    (the separators of the form are optional, as the segment reader matches forms)."""
    for start in range(max(0, at - _WEAK_REACH), at + 1):
        first = read if start == at else words[start]
        for form in vocab.by_first.get(first, ()):
            spelled = [t for t in form if t[0].isalnum()]
            end = start + len(spelled)
            if len(spelled) < 2 or end <= at or end > len(words):
                continue
            if all((read if start + k == at else words[start + k]) == t for k, t in enumerate(spelled)):
                return True
    return False


def _replaced(text: str, spans: list[tuple[int, int, str]], noted: Noted) -> str:
    out, at = [], 0
    for start, end, read in spans:
        noted.corrections.append((text[start:end].lower(), read.lower()))
        out.extend((text[at:start], read))
        at = end
    out.append(text[at:])
    return "".join(out)
