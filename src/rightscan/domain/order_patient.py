"""What an order says about the patient and the conduct of its one study (round 53o), read by the order resolver.

- A quantity: a number with a unit of the vocabulary's ``units`` ("370 MBq", "Tc-99m MDP 25 mCi", "glucose < 200
  mg/dL", "0.1 mmol/kg") is a dose, an activity, a volume or a lab value of the study's conduct: set aside, number and
  unit, before the order is read (``quantities``), so that "mg" of "mg/dL" is no mammogram and "MBq" no unread word. The
  agent or tracer named beside the quantity is read as ever ("20 mL Omnipaque", "10 mCi FDG").
- A device the patient has or wears, named for the study's safety or positioning (the vocabulary's ``device`` words:
  "cochlear implant", "pacemaker", "tissue expander with magnetic port", "abdominal shield"): the side and the region
  written with it, just before or just after it ("left chest pacemaker", "pacemaker R chest"), are its place, not the
  study's side or a site of the complaint (``device_words``); the device itself states nothing of the study.
- A study of a modality the catalogue never gives contrast with (the radiograph): a text that puts contrast in question
  ("pregnant", "contrast allergy") has nothing to ask of it (``never_enhanced``): the study is taken without contrast.

Pure; the words are ``knowledge/order_vocabulary.yaml``'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rightscan.domain.knowledge import OrderVocabulary, Procedure, TermMeaning
from rightscan.domain.orders_items import CLAUSE_ENDS, SEPARATORS

# the most words of a device's place on either side of it ("left upper chest", "right anterior chest wall")
_PLACE_WORDS = 3
# a number of a quantity: not a code's (five digits), not part of a word or a tracer's mass number ("Tc-99m", "F-18")
_NUMBER = r"(?<![\w.\-/])\d{1,4}(?:[.,]\d+)?"


@lru_cache(maxsize=8)
def _quantity_pattern(units: tuple[str, ...]) -> re.Pattern[str] | None:
    if not units:
        return None

    def spelled(unit: str) -> str:  # "mg/dl" is also "mg / dL", "ml/min/1.73 m2" also "mL/min/1.73m2"
        return r"\s*/\s*".join(r"\s*".join(map(re.escape, part.split())) for part in unit.split("/"))

    words = "|".join(spelled(unit) for unit in sorted(units, key=len, reverse=True))
    return re.compile(rf"{_NUMBER}\s*(?:{words})(?![\w])", re.IGNORECASE)


def quantities(vocab: OrderVocabulary, text: str) -> str:
    """The text without its quantities: a number and the unit after it, spaced or joined ("25 mCi", "370MBq")."""
    pattern = _quantity_pattern(vocab.units)
    return text if pattern is None else pattern.sub(" ", text)


def device_words(items: list[tuple[str, TermMeaning | None]]) -> frozenset[int]:
    """The items that place a device: the sides and regions right before a ``device`` word and right after it, up to a
    few, within its clause ("left chest pacemaker", "abdominal shield", "pacemaker R chest")."""
    out: set[int] = set()
    for k, (_, meaning) in enumerate(items):
        if meaning is None or not meaning.device:
            continue
        for step in (-1, 1):
            j, taken = k + step, 0
            while 0 <= j < len(items) and taken < _PLACE_WORDS and items[j][0] not in CLAUSE_ENDS:
                word, said = items[j]
                if said is not None and (said.laterality or said.regions) and not said.modality:
                    out.add(j)
                    taken += 1
                elif word not in SEPARATORS:
                    break
                j += step
    return frozenset(out)


def never_enhanced(procedures: Iterable[Procedure]) -> frozenset[str]:
    """The modalities whose every catalogue study is taken without contrast (the radiograph's XR)."""
    contrast: dict[str, set[str]] = {}
    for proc in procedures:
        attrs = proc.attributes
        if attrs is not None:
            contrast.setdefault(attrs.primary_modality, set()).update(attrs.contrast or {"with", "without"})
    return frozenset(m for m, said in contrast.items() if said == {"without"})
