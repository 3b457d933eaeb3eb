"""Round 52d (v52 cd-046, ce-023): the later sites of a list that shares one pain word read as its first site reads.

"Aching in the R ribs and mid-back for ~2 months", "aching in her low back, pelvis and both upper arms": one pain
word names every place of the list. The first place is a target phrase (targets.yaml: "aching in the R ribs") that
every ConText cue reads; the later places are read by value rules spanning the whole list (values.yaml, the ids of
context.yaml ``red_flag_readings.site_list_rules``), and a value rule's mention is not one a cue told for a symptom's
target (its ``allowed_types``) acts on. So "aching in her ribs and mid-back since the fall last week" read the ribs
as the fall's and the back as a new red flag (a red flag raised from an explained mention).

A list mention takes what keeps its first place from being stated (negated, historical, hypothetical, family,
explained, uncertain): the first place is the mention of a symptom that opens on the same word. Only what a cue
outside the list gives, or a pass: a cue standing inside the list, after the first place ("aching in her low back
from the old disc injury and hips" is no list; "pain in the ribs, sore since the fall, and back" neither), speaks of
the first place only and is not carried. A warning of the list mention's own is kept.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rightscan.adapters.text.rule_pass import ANY_SYMPTOM, NoteMentions

_SHARED = frozenset({"negated", "historical", "hypothetical", "family", "explained", "uncertain"})


def shared_list_heads(note: NoteMentions, words: Mapping[str, Sequence[str]]) -> None:
    """Each list mention (``site_list_rules``) takes the settled effects of the symptom mention its list opens with."""
    list_rules = frozenset(words.get("site_list_rules", ()))
    if not list_rules:
        return
    lists = [t for t in note.mentions(ANY_SYMPTOM) if t.d.get("rule") in list_rules]
    if not lists:
        return
    heads = [t for t in note.mentions(ANY_SYMPTOM) if t.d.get("rule") not in list_rules]
    graph = note.doc._.context_graph
    for lst in lists:
        for head in heads:
            if head.span.start != lst.span.start or head.span.end >= lst.span.end:
                continue
            inside: dict[str, bool] = {}  # effect -> every cue giving it to the head stands inside the list
            for target, mod in graph.edges:
                if (target.start, target.end) != (head.span.start, head.span.end):
                    continue
                effect = note.categories.get(mod.category)
                if effect in _SHARED:
                    ms, me = mod.modifier_span
                    within = head.span.end <= ms and me <= lst.span.end
                    inside[effect] = inside.get(effect, True) and within
            for effect in head.effects & _SHARED:
                if not inside.get(effect, False):
                    lst.effects.add(effect)
