"""An order segment's words as the vocabulary's forms (split from ``order_text``, round 52o): the longest form at each
word, left to right, a form's last word in a plural the vocabulary reads as it ("bone scans"), a cancer's TNM category
as one word. Pure; the forms are ``knowledge/order_vocabulary.yaml``'s."""

from __future__ import annotations

from rightscan.domain.knowledge import OrderVocabulary, TermMeaning
from rightscan.domain.orders_items import SEPARATORS, tnm


def _match_at(
    tokens: tuple[str, ...], i: int, form: tuple[str, ...], plurals: frozenset[str] = frozenset()
) -> int | None:
    """Where ``form`` ends when it is read at ``tokens[i]``; a form's last word may be written in a plural the
    vocabulary reads as that word ("bone scans", "screening mammograms": ``plurals``)."""
    j, n = i, len(tokens)
    for k, t in enumerate(form):
        if t in SEPARATORS:
            if j < n and tokens[j] == t:
                j += 1
            elif k == len(form) - 1:
                return None  # a trailing separator is part of the form ("C-", "w/")
            continue
        if k > 0:
            while j < n and tokens[j] in SEPARATORS:
                j += 1
        if j < n and (tokens[j] == t or (k == len(form) - 1 > 0 and tokens[j] == t + "s" and t in plurals)):
            j += 1
        else:
            return None
    return j


def _items(vocab: OrderVocabulary, tokens: tuple[str, ...]) -> list[tuple[str, TermMeaning | None]]:
    """Longest vocabulary forms, left to right; unmatched tokens come back with meaning None."""
    out: list[tuple[str, TermMeaning | None]] = []
    i, n = 0, len(tokens)
    while i < n:
        best_end, best = None, None
        for form in vocab.by_first.get(tokens[i], ()):
            end = _match_at(tokens, i, form, vocab.plural_same)
            if end is not None and (best_end is None or end > best_end):
                best_end, best = end, form
        if best is None or best_end is None:  # a TNM category ("cT3N1") is what the study is for (round 24o)
            out.append((tokens[i], vocab.phrases.get(("tnm",)) if tnm(tokens[i]) else None))
            i += 1
        else:
            out.append((" ".join(best), vocab.phrases[best]))
            i = best_end
    return out
