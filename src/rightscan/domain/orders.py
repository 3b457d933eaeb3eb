"""Recognise a proposed order (ACR name, common synonym or CPT code) in the procedure catalogue."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from rightscan.domain.knowledge import Knowledge, Procedure
from rightscan.domain.model import InputError


class UnknownOrder(InputError):
    """The order text names no catalogued procedure. Carries close matches, never a guess."""

    def __init__(self, field_path: str, suggestions: list[str]) -> None:
        hint = f"; did you mean: {', '.join(suggestions)}" if suggestions else ""
        super().__init__(field_path, f"not a known imaging procedure, synonym or CPT code{hint}")
        self.suggestions = suggestions


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Lower-case, unify separators and spaces, so that 'PET-CT', 'pet ct' and 'PET/CT' meet."""
    text = text.strip().lower().replace("&", " and ")
    text = re.sub(r"[\s_/\-]+", " ", text)
    text = re.sub(r"[^a-z0-9+<>. ]", "", text).strip()
    return re.sub(r"\s*\+\s*", "+", text)


def resolve(kb: Knowledge, text: str, field_path: str = "order") -> Procedure:
    key = normalise(text)
    pid = kb.lookup.get(key)
    if pid is None and key.startswith("cpt "):
        pid = kb.lookup.get(key[4:])
    if pid is None:
        raise UnknownOrder(field_path, close_matches(kb, key))
    return kb.procedures[pid]


def close_matches(kb: Knowledge, key: str, limit: int = 5) -> list[str]:
    """Catalogue names whose name, synonym or code resembles the text (best first, no duplicates)."""
    if not key:
        return []
    hits = difflib.get_close_matches(key, list(kb.lookup), n=limit * 3, cutoff=0.6)
    words = set(key.split())
    if len(hits) < limit and words:
        hits += [k for k in kb.lookup if words & set(k.split()) and k not in hits]
    names: list[str] = []
    for hit in hits:
        name = kb.procedures[kb.lookup[hit]].name
        if name not in names:
            names.append(name)
        if len(names) == limit:
            break
    return names
