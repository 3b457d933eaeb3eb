"""Codes written before an order's name: a local catalogue code or mnemonic ("NMB-01 BONE SCAN", "CTCAPC"), or a
site's prefix joined by underscores ("XY_CT_CHEST_WO"); split from ``order_text``. Pure functions."""

from __future__ import annotations

import re
from collections.abc import Callable

from rightscan.domain.knowledge import OrderVocabulary, TermMeaning
from rightscan.domain.order_parse import _Parse
from rightscan.domain.order_typos import correct

# a local catalogue code written before the name, with no separator after it ("NMB-01 BONE SCAN", "CTCAPC CT
# CHEST ..."): capitals and digits, in groups joined by "-" or "_", in brackets or not
_LEADING_CODE = re.compile(r"^\s*\[?([A-Z0-9]+(?:[-_][A-Z0-9]+)*)\]?(?=[\s:|>]+\S)")
# a site's or department's code before an identifier joined by underscores ("XY_MG_SCREEN_BILAT": a DICOM study
# description or a RIS code, round 22o)
_SITE_PREFIX = re.compile(r"^\s*([A-Z][A-Z0-9]{1,7})_(?=[A-Z0-9])")
# round 46q: the breast-imaging section's prefix of RIS procedure names ("BR US AXILLA BILAT", "BR MRI BREAST BILAT",
# orders v42; source: ris_names), written in capitals before the modality
_BREAST_SECTION = re.compile(r"^\s*BR\s+(?=\S)")
_SECTION_PARTS = frozenset({"breast", "axilla"})


def orderable_code(vocab: OrderVocabulary, raw: str) -> bool:
    """Whether a segment is one EHR orderable code or mnemonic ("CTCAPC", "MRBRWO", "IMG2460"): a single
    capitalised token that is no vocabulary word and no typo of one (so "MAMO - screening" is not one)."""
    word = raw.strip()
    if not word.isalnum() or not word.isupper() or len(word) < 3 or not word.isascii():
        return False
    token = word.lower()
    return token not in vocab.words and correct(vocab, token, _Parse()) == (token,)


def leading_code(
    vocab: OrderVocabulary,
    text: str,
    names_modality: Callable[[str], bool],
    names_part: Callable[[str], frozenset[str]] | None = None,
) -> str:
    """The text without a local catalogue code before the name ("NMB-01 BONE SCAN", "MRBRWWO MRI BRAIN W WO"):
    a code is capitals (with digits, or a mnemonic no vocabulary word or typo fix reads), each of its
    groups no word that states anything (so "GA-68 PET" and "FES-PET" keep their tracer, "MR-BR-001" its
    modality), and the rest must name a modality on its own; otherwise the text as it is."""
    section = _BREAST_SECTION.match(text)
    if section is not None and names_part is not None:
        return breast_section(text[section.end() :], text, names_modality, names_part)
    match = _LEADING_CODE.match(text)
    if match is None:
        return _site_prefix(vocab, text, names_modality)
    code = match.group(1)
    groups = [g.lower() for g in re.split(r"[-_]", code)]
    filler = TermMeaning(noise=True)
    if any(g in vocab.words and vocab.phrases.get((g,)) != filler for g in groups):
        return text
    if not any(c.isdigit() for c in code) and not orderable_code(vocab, code.replace("-", "").replace("_", "")):
        return text
    rest = text[match.end() :]
    return rest if names_modality(rest) else text


def _site_prefix(vocab: OrderVocabulary, text: str, names_modality: Callable[[str], bool]) -> str:
    """The text without a site's or department's code before an identifier joined by underscores ("HQ_MG_SCREEN_
    4VIEW", "XY_CT_CHEST_WO"; round 22o): the code is no vocabulary word and no typo of one, and the rest names a
    modality on its own; otherwise the text as it is ("R_MG_DIAG" keeps its side, "CE_MG" its contrast)."""
    match = _SITE_PREFIX.match(text)
    if match is None:
        return text
    code = match.group(1).lower()
    if code in vocab.words or correct(vocab, code, _Parse()) != (code,):
        return text
    rest = text[match.end() :]
    return rest if names_modality(rest) else text


def breast_section(
    rest: str, text: str, names_modality: Callable[[str], bool], names_part: Callable[[str], frozenset[str]]
) -> str:
    """The name without the breast-imaging section's prefix "BR" when the name after it opens with its modality and
    names its own part, one the section images ("BR US AXILLA BILAT" is the axilla's ultrasound, round 46q): the section
    says where the study is done, not which part; with no part of its own ("BR US LEFT", "BR MRI BILAT") "BR" stays the
    breast, and with a part no breast study images ("BR US ABDOMEN") the name stays as written and asks."""
    first = rest.split(maxsplit=1)[0]
    parts = names_part(rest)
    return rest if names_modality(first) and parts and parts <= _SECTION_PARTS else text
