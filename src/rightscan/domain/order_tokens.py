"""The lexical layer of order texts: accent folding, the normalised form two spellings of a name meet in,
the tokens the resolver reads, and the CPT, HCPCS and LOINC codes taken out of a text. Pure, no vocabulary."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TOKEN = re.compile(r"[a-z0-9]+|[/+\-;,:&]")
_NOT = re.compile(r"(?<=[a-z])n['\u2019]t\b")  # "can't", "won't", "doesn't"
_DOTTED = re.compile(r"(?<![a-z0-9.])[a-z](?:\.[a-z])+\.?(?![a-z0-9])")  # letters with full stops: "c.t.", "m.r.i."
_LOINC = re.compile(r"(?<![\w-])(\d{3,6}-\d)(?![\w-])")
_CPT = re.compile(r"(?<![\w-])(\d{4}[0-9T])(?:-(?:[A-Z]{2}|\d{2}))?(?![\w-])", re.IGNORECASE)  # 77065-RT
# a suspended hyphen: "C-, T- and L-spine", "pre- and post-contrast" share the last compound's second word
_SUSPENDED = re.compile(
    r"\b((?:[a-z0-9]{1,5}-\s*(?:,|/|\band\b|\bor\b)\s*(?:and\s+|or\s+)?)+)([a-z0-9]{1,5})-([a-z]{3,})\b", re.IGNORECASE
)
_HANGING = re.compile(r"([a-z0-9]{1,5})-(?=\s*(?:,|/|\band\b|\bor\b))", re.IGNORECASE)
_HCPCS = re.compile(r"(?<![\w-])([A-Z]\d{4})(?:-(?:[A-Z]{2}|\d{2}))?(?![\w-])", re.IGNORECASE)  # G0279-26 (21o)
# round 48q: an order's or a requisition's own number after its label ("Replaces order #55102", "req no. 77001"): an
# identifier, never a billing code; round 52o: "ord" is the order's label too, and the name may follow the number joined
# by a hyphen ("ORD#88213-CT CHEST W IV CONTRAST")
_ORDER_ID = re.compile(
    r"(?<![\w-])((?:order|ord|requisition|req|accession|acc)\s*(?:#|no\.?|number)\s*)\d+(?!\w|-\d)", re.IGNORECASE
)


def fold(text: str) -> str:
    """Lower-case without accents: 'Tórax', 'crânio' and 'ecografía' are read as 'torax', 'cranio', 'ecografia'."""
    text = text.lower()
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Lower-case, unify separators and spaces, so that 'PET-CT', 'pet ct' and 'PET/CT' meet."""
    text = fold(text.strip()).replace("&", " and ")
    text = re.sub(r"[\s_/\-]+", " ", text)
    text = re.sub(r"[^a-z0-9+<>. ]", "", text).strip()
    return re.sub(r"\s*\+\s*", "+", text)


def tokenize(text: str) -> tuple[str, ...]:
    """Words, numbers and the separators that carry meaning in orders ("w/o", "C+", "+/-", "C/A/P")."""
    text = fold(text).replace("\u2212", "-").replace("\u2013", "-")
    # "&" is "and" ("pre & post gad"), "\u00b1" is "+/-" ("CT chest \u00b1 contrast"), "C.T." is "CT", "can't" is "cant"
    text = _NOT.sub("nt", text)
    text = _DOTTED.sub(lambda m: m.group().replace(".", ""), text.replace("&", " and ").replace("\u00b1", " +/- "))
    return tuple(_TOKEN.findall(text))


def share_suspended(text: str) -> str:
    """A suspended hyphen written out: 'C-, T- and L-spine' is 'C-spine, T-spine and L-spine' (its 'C-' is not
    'without contrast'), 'pre- and post-contrast' is 'pre-contrast and post-contrast'."""
    return _SUSPENDED.sub(_share_second_word, text) if "-" in text else text


def _share_second_word(match: re.Match[str]) -> str:
    word = match.group(3)
    return _HANGING.sub(lambda m: f"{m.group(1)}-{word}", match.group(1)) + f"{match.group(2)}-{word}"


def extract_codes(text: str) -> tuple[tuple[str, ...], str]:
    """CPT, HCPCS and LOINC codes in the text, and the text without them."""
    codes: list[str] = []

    def take(match: re.Match[str]) -> str:
        codes.append(match.group(1).upper())
        return " "

    rest = _LOINC.sub(take, _ORDER_ID.sub(r"\1", text))
    rest = _HCPCS.sub(take, rest)
    rest = _CPT.sub(take, rest)
    return tuple(codes), rest
