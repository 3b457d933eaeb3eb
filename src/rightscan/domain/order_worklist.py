"""A scheduling worklist line's room field, set aside before the order is read (round 55o).

A radiology scheduling worklist writes a booked study as fields split by "|": the accession number, the study, the
room or the scanner, the time, the preparation ("ACC# 40718832 | NM BONE WB 3HR DELAY | NM ROOM 2 | 10:30",
"MG DIAG MAMMO LT W CAD | MAM RM B | 09:15"; vocabulary source ``worklist_lines``). A field that is only a room - a
``places`` label ("RM", "ROOM") with its number or its letter, after a department's modality word or none ("MAM RM
B", "NM ROOM 2") - or only a scanner - a modality word joined to its number ("CT3", "MR1", "US 2") - says where the
study is done, not which study: it is set aside, so that "RM" (the Spanish and Italian MR) or "MR1" never names a
second modality. Only whole fields of a line with "|" are set aside; the same words inside a field are read as ever
("RM mama", "rm 12" keep their readings: ``order_wrappers``). Round 57o: so is a field that is only the booked clock
time ("08:40 | MR SPINE CERV WO CO | Rm 3": when, not which study), and the line's empty first and last fields, so that
the study's field is the line's start and end (a name cut at the width there is read as cut: ``order_cuts``).

Pure; the labels and modality words are the order vocabulary's (``knowledge/order_vocabulary.yaml``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rightscan.domain.knowledge import OrderVocabulary

_FIELD = "|"
# a room's own number or letter: "2", "4B", "B", "B4" (never a word: "RM MAMA" stays the Spanish breast MRI; never a
# field strength: "RM 3T" stays the Spanish MR's)
_ROOM_ID = r"(?:\d{1,3}[A-SU-Za-su-z]?|[A-Za-z]\d{0,3})"
# a scanner: a modality word joined to (or spaced from) its number, "CT3", "MR 1", "CT-2"
_SCANNER = re.compile(r"([A-Za-z]{2,4})\s*-?\s*(\d{1,2})")
# round 57o: a booked clock time alone in its field ("08:40", "8:40 AM", "14.30h")
_TIME = re.compile(r"\s*(?:[01]?\d|2[0-3])[:.][0-5]\d\s*(?:[AaPp]\.?[Mm]\.?|h)?\s*")


def _modality_word(vocab: OrderVocabulary, word: str) -> bool:
    meaning = vocab.phrases.get((word.lower(),))
    return meaning is not None and bool(meaning.modality) and not meaning.regions


def _room(vocab: OrderVocabulary, field: str) -> bool:
    """Whether a worklist field is only a room or a scanner."""
    words = field.split()
    if not words:
        return False
    scanner = _SCANNER.fullmatch(field.strip())
    if scanner is not None:
        return _modality_word(vocab, scanner.group(1))
    if words and _modality_word(vocab, words[0]) and len(words) > 1:
        words = words[1:]  # the department's word before the room: "MAM RM B", "NM ROOM 2"
    return _room_pattern(vocab.places).fullmatch(" ".join(words)) is not None


@lru_cache(maxsize=8)
def _room_pattern(labels: tuple[str, ...]) -> re.Pattern[str]:
    """A place label ("RM", "ROOM", "ROOM NO"), ": " or " #", and a room's number or letter: the whole of it."""
    spaced = (r"\s+".join(map(re.escape, label.split())) for label in sorted(labels, key=len, reverse=True))
    return re.compile(rf"(?:{'|'.join(spaced) or '(?!)'})\s*[#:.]?\s*{_ROOM_ID}", re.IGNORECASE)


def worklist_rooms(vocab: OrderVocabulary, text: str) -> str:
    """The text without the room and scanner fields of a worklist line (module docstring)."""
    if _FIELD not in text:
        return text
    fields = text.split(_FIELD)
    kept = [" " if _room(vocab, field) or _TIME.fullmatch(field) else field for field in fields]
    if not any(k.strip() for k in kept):
        return text
    # round 57o: the line's empty first and last fields set aside: the study's field starts and ends it
    while not kept[0].strip():
        kept.pop(0)
    while not kept[-1].strip():
        kept.pop()
    return _FIELD.join(kept)
