"""Facts the core refuses together are left out of a note's facts, never failing the whole note."""

from __future__ import annotations

import copy
import dataclasses
import re
from typing import Any

from rightscan.adapters.text.candidates import has_field
from rightscan.adapters.text.model import Extraction

_FIELD_NAMES = re.compile(r"\b(?:tumor|pathology|labs|tumor_markers)\.[a-z_0-9]+\b")


def without_contradictions(kb: Any, extraction: Extraction, tries: int = 6) -> Extraction:
    """Facts the core refuses together (a stated cT1c with a 3.5 cm size) never fail the whole note:
    the fields the core names are left out, reported in ``conflicts`` and listed in ``to_confirm``
    (the decision then says whether they matter). Each round removes the fields one refusal names."""
    from rightscan.adapters.input_json import load_facts
    from rightscan.domain.model import InputError
    from rightscan.domain.staging import resolve_t

    facts = extraction.facts
    conflicts = list(extraction.conflicts)
    to_confirm = list(extraction.to_confirm)
    changed = False
    for _ in range(tries):
        try:
            checked = load_facts(kb, facts)  # the input contract
            if checked.tumor is not None:
                resolve_t(kb.staging, checked.tumor)  # the clinical agreement of T, size, DCIS, T4d
            break
        except InputError as exc:
            named = [exc.field, *(f for f in _FIELD_NAMES.findall(exc.message) if f != exc.field)]
            present = [f for f in dict.fromkeys(named) if has_field(facts, f)]
            if not present:
                break  # nothing of ours to leave out: let the caller report it
            yielding = [f for f in present if f in extraction.gives_way]
            if yielding and len(yielding) < len(present):  # the pre-operative T against the pathology size
                present = yielding
            facts = copy.deepcopy(facts)
            values = []
            for f in present:
                head, _, tail = f.partition(".")
                values.append({"field": f, "value": facts[head].pop(tail) if tail else facts.pop(head)})
                if tail and not facts[head]:
                    facts.pop(head)
            conflicts.append({"field": " / ".join(present), "reason": f"the core refuses these facts together: "
                              f"{exc.message}; left out of the facts", "values": values})  # fmt: skip
            for v in values:
                to_confirm.append({"field": v["field"], "values": [v["value"]], "reason": "contradicts another fact "
                                   "of the note", "evidence": []})  # fmt: skip
            changed = True
    if not changed:
        return extraction
    return dataclasses.replace(extraction, facts=facts, conflicts=conflicts, to_confirm=to_confirm)
