"""An order set's medication items, set aside before the order is read (round 57o).

An EHR order set or a care pathway pastes its orders into one line, its name first and its items separated by
semicolons: the imaging study among medication orders, nursing orders and consults ("Neuro-onc admission set: MRI
BRAIN W WO CONTRAST; dexamethasone 4 mg PO q6h; neuro checks q4h"; vocabulary source ``order_sets``). A medication item
is a drug with its dose - a quantity, a number with one of the vocabulary's ``units`` ("4 mg", "50 mg") - and its
route and frequency: it names no study, so it is set aside whole, before the quantities are, and its words are never
read as the study's - neither the drug's name as words the order cannot read (nor as study words run together:
"dexamethasone" is no "DEXA"), nor its route as the contrast's ("IV", "PO"), nor a premedication's steroid as a
contrast of the study. An item is a medication only when, its quantities aside, it states nothing a study is told
by: no modality, region, side, contrast timing or contrast noun, contrast question (the kidneys, an allergy), technique,
tracer or intent ("Omnipaque 350 100 mL", "eGFR 25 mL/min", "FDG 10 mCi" are kept and read). What is left - the set's
name, the imaging item or items, the nursing orders and consults - is read as ever: one imaging item is the order,
two stay two studies and ask.

Pure; the units and the words are ``knowledge/order_vocabulary.yaml``'s.
"""

from __future__ import annotations

import re

from rightscan.domain.knowledge import OrderVocabulary, TermMeaning
from rightscan.domain.order_forms import _items
from rightscan.domain.order_patient import quantities
from rightscan.domain.order_tokens import tokenize

_ITEM = ";"
# the set's name before its first item ("Neuro-onc admission set: ..."): a colon that is no clock time's
_HEADING = re.compile(r"^(.*?(?<!\d):(?!\d))(.*)$", re.DOTALL)


def medication_items(vocab: OrderVocabulary, text: str) -> str:
    """The text without the medication items of an order set (module docstring); the text as it is otherwise."""
    if _ITEM not in text:
        return text
    kept: list[str] = []
    for item in text.split(_ITEM):
        heading = _HEADING.match(item)
        name, body = (heading.group(1), heading.group(2)) if heading is not None else ("", item)
        kept.append(f"{name} " if _medication(vocab, body) else item)
    return _ITEM.join(kept)


def _medication(vocab: OrderVocabulary, item: str) -> bool:
    rest = quantities(vocab, item)
    if rest == item or not rest.strip():
        return False  # no dose: a nursing order, a consult or a study, read as ever
    return all(meaning is None or not _tells_study(meaning) for _, meaning in _items(vocab, tokenize(rest)))


def _tells_study(m: TermMeaning) -> bool:
    """Whether a word states something a study is told by (a route, a priority, a timing or filler do not)."""
    said = (m.modality, m.regions, m.laterality, m.contrast, m.contrast_word, m.contrast_question, m.technique)
    return any(said) or bool(m.intent or m.extent or m.pharmaceutical or m.procedure or m.cancer or m.protocol)
