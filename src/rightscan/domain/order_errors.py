"""The error an order text that names no single study raises, and the missing attributes in words (split from
``orders``)."""

from __future__ import annotations

from collections.abc import Iterable

from rightscan.domain.model import InputError


class UnknownOrder(InputError):
    """The order text names no single catalogued study. Carries the resolver's choices, never a guess."""

    def __init__(self, field_path: str, suggestions: list[str], ambiguous: bool = False, missing: str = "") -> None:
        hint = f"; did you mean: {', '.join(suggestions)}" if suggestions else ""
        if ambiguous:
            what = f"does not say which study it is{f' ({missing})' if missing else ''}"
        else:
            what = "not a known imaging procedure, synonym or CPT code"
        super().__init__(field_path, f"{what}{hint}")
        self.suggestions = suggestions
        self.ambiguous = ambiguous


_MISSING = {
    "contrast": "with or without contrast",
    "intent": "screening or diagnostic",
    "extent": "the extent",
    "pharmaceutical": "the tracer",
    "modality": "the modality",
    "regions": "the body region",
    "conflict": "it states conflicting attributes",
    "unread words": "some words were not understood",
    "status": "the study named is done, cancelled or declined: which study is ordered now",
    "choice": "a choice on the order form is left open or made twice",
    "default": "a field filled in by default is contradicted by what was typed",
}


def missing_words(axes: Iterable[str]) -> str:
    return ", ".join(_MISSING.get(a, a) for a in axes)
