"""A hybrid study written with its tracer between its two modalities (round 54o), read by ``order_text``.

Nuclear-medicine catalogues name a PET/CT with the tracer between the PET and its CT: "NM PET F-18 FLUOROESTRADIOL
(FES) CT", "PET FDG/CT", "PET (F-18 FDG) CT skull base to thigh". The tracer (and its isotope, in brackets or not)
says which PET it is; the CT (or MR) right after it is that PET's partner, one hybrid study, as "FES PET/CT" is. Only
tracer words and words that state nothing may stand between the two: a comma, a semicolon, a region or any other word
between them ("PET FDG, CT chest", "PET then CT") keeps them two studies named side by side, which ask.

Pure; the words are ``knowledge/order_vocabulary.yaml``'s.
"""

from __future__ import annotations

from rightscan.domain.knowledge import OrderVocabulary, TermMeaning
from rightscan.domain.order_forms import _items
from rightscan.domain.order_tokens import tokenize

_PARTNERS = (frozenset({"CT"}), frozenset({"MR"}))
_FILLER = TermMeaning(noise=True)


def tracer_between(vocab: OrderVocabulary, text: str) -> set[str]:
    """The hybrid's modalities where a PET, its tracer and then its partner modality are written one after another;
    empty otherwise."""
    items = _items(vocab, tokenize(text))
    for k, (_, pet) in enumerate(items):
        if pet is None or pet.modality != {"PT"} or pet.regions:
            continue
        j, tracer = k + 1, False
        while j < len(items) and (_stated_nothing(items[j][1]) or items[j][0] == "/" or _tracer(items[j][1])):
            tracer = tracer or _tracer(items[j][1])
            j += 1
        partner = items[j][1] if j < len(items) else None
        if tracer and partner is not None and partner.modality in _PARTNERS and not partner.regions:
            return {"PT", *partner.modality}
    return set()


def _tracer(m: TermMeaning | None) -> bool:
    return m is not None and m.pharmaceutical is not None and not m.modality and not m.regions


def _stated_nothing(m: TermMeaning | None) -> bool:
    """A word that does not change the study and says nothing else (an isotope's name: "F-18"); not "then" (the next
    step), a priority or a timing."""
    return m == _FILLER
