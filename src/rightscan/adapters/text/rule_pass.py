"""What every rule pass of the note reader takes: one note's mentions as ConText read them.

``Scopes.spread`` runs, after ConText, the passes that read more than one mention (family_rows, reported_readings,
red_flag_readings, denied_change, chronic_baseline, resolved_later, warning_after, negation_reach, denial_layouts).
Each takes one ``NoteMentions``, built once per note: the doc, the mentions' spans and descriptions, their effect
sets (which the passes change in place), the sentences, the sections, and the categories that say what each ConText
cue does. ``NoteMentions.mentions`` is the walk every pass makes over the mentions of some families, keeping those
that carry some effects and none of others, so that a pass states only its own rule; ``cues`` and ``cues_by_target``
read the cues of one effect from the ConText graph. The words the passes share are in ``pass_words``.
"""

from __future__ import annotations

from collections.abc import Container, Hashable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from spacy.tokens import Doc, Span

from rightscan.adapters.text.sentences import Sentences

Described = list[dict[str, Any]]  # rule, family, offsets and findings of each mention (``pipeline.Analyser``)
Effects = list[set[str]]  # the effects of each mention, added to in place
Sections = list[tuple[str, int] | None]  # token -> (section category, first token of its title)
CueSpan = tuple[int, int]  # first token of a ConText cue, and the token after it

FAMILY_SECTION = "family_history"  # context.yaml sections: a family history

# the families a pass reads (context.yaml ``families``)
SYMPTOM = frozenset({"symptom"})  # a symptom stated as such
SYMPTOM_OR_UNSURE = frozenset({"symptom", "symptom_unsure"})  # and one the note leaves unsure


class _Named:
    """The families whose name starts with ``prefix``."""

    __slots__ = ("prefix",)

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    def __contains__(self, family: object) -> bool:
        return isinstance(family, str) and family.startswith(self.prefix)


ANY_SYMPTOM: Container[str] = _Named("symptom")  # every kind: "symptom", "symptom_unsure", "symptom_joint" ...
ANY_FAMILY: Container[str] = _Named("")  # every mention

_NONE: frozenset[str] = frozenset()


class Target(NamedTuple):
    """One mention a pass reads: its index, its span, its description and its effects (to change in place)."""

    i: int
    span: Span
    d: dict[str, Any]
    effects: set[str]


@dataclass(frozen=True, slots=True)
class NoteMentions:
    """One note's mentions with their context effects, as the rule passes after ConText read them."""

    doc: Doc
    spans: Sequence[Span]
    described: Described
    effects: Effects
    sents: Sentences
    sections: Sections
    categories: Mapping[str, str | None]  # context.yaml: a cue category -> the effect it gives
    # families (a hashable container the passes name) -> the indices of its mentions: a mention's family never changes
    # during the passes, and some 150 passes a note each walk the mentions of a few families
    _of_families: dict[Container[str], list[int]] = field(default_factory=dict, compare=False, repr=False)

    def mentions(
        self, families: Container[str], having: AbstractSet[str] = _NONE, without: AbstractSet[str] = _NONE
    ) -> Iterator[Target]:
        """The mentions of ``families`` that carry every effect of ``having`` and none of ``without``, in order; each
        is tested when it is reached, so what a pass adds to an earlier mention is seen."""
        spans, described, effects = self.spans, self.described, self.effects
        for i in self._indices(families):
            e = effects[i]
            if having <= e and not e & without:
                yield Target(i, spans[i], described[i], e)

    def _indices(self, families: Container[str]) -> list[int]:
        """The indices of the mentions of ``families``, in order (kept for the note when ``families`` is hashable)."""
        hashable = isinstance(families, Hashable)
        held = self._of_families.get(families) if hashable else None
        if held is None:
            if len(self.spans) != len(self.described):
                raise ValueError("mentions and descriptions differ in number")
            held = [i for i, d in enumerate(self.described) if d["family"] in families]
            if hashable:
                self._of_families[families] = held
        return held

    def starts(self, families: Container[str]) -> list[int]:
        """The first tokens of the mentions of ``families``, sorted."""
        return sorted(span.start for span, d in zip(self.spans, self.described, strict=True) if d["family"] in families)

    def in_family_section(self, span: Span) -> bool:
        """Whether the mention stands in a family-history section."""
        where = self.sections[span.start]
        return where is not None and where[0] == FAMILY_SECTION

    def cues(self, effect: str) -> list[CueSpan]:
        """The cues that give ``effect``, in the ConText graph's order."""
        graph = self.doc._.context_graph
        return [m.modifier_span for m in graph.modifiers if self.categories.get(m.category) == effect]

    def cues_by_target(self, effect: str) -> dict[CueSpan, list[CueSpan]]:
        """Target (first token, token after it) -> the cues that give it ``effect``, in the graph's order."""
        out: dict[CueSpan, list[CueSpan]] = {}
        for target, mod in self.doc._.context_graph.edges:
            if self.categories.get(mod.category) == effect:
                out.setdefault((target.start, target.end), []).append(mod.modifier_span)
        return out
