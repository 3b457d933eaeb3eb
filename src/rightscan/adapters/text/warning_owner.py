"""Round 14v-b: a warning qualifier belongs to the symptom it qualifies.

``scopes._warning_after_contrast`` lets a warning told after a contrast ("... puts it down to her arthritis, but it is
now waking her at night") overrule the benign cause of the symptom named before the contrast. When the warning cue
is itself attached to another symptom named after it ("Cough most consistent with a viral bronchitis. However, her
progressive exertional dyspnoea ..."), it describes that other symptom, which is raised by its own warning; it tells
nothing about the explained one, whose benign cause then still stands.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span


def warnings_of_others(doc: Doc, spans: Sequence[Span], targets: Sequence[int], warning_categories: frozenset[str]
                       ) -> dict[int, set[int]]:  # fmt: skip
    """For each warning cue (its first token), the symptom mentions (indices into ``spans``, among ``targets``)
    that ConText attached it to and that start after the cue (the warning qualifies what it precedes or sits in)."""
    at: dict[tuple[int, int], int] = {(spans[i].start, spans[i].end): i for i in targets}
    owned: dict[int, set[int]] = {}
    for target, mod in doc._.context_graph.edges:
        if mod.category not in warning_categories:
            continue
        i = at.get((target.start, target.end))
        cue = mod.modifier_span[0]
        if i is not None and target.start > cue:
            owned.setdefault(cue, set()).add(i)
    return owned


def qualifies_another(owned: dict[int, set[int]], cue: int, mention: int) -> bool:
    """The warning cue starting at token ``cue`` qualifies a symptom other than ``mention``, named after it."""
    return bool(owned.get(cue, set()) - {mention})
