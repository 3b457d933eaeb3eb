"""Round 16b: a doubt whose reach a slashed shorthand used up.

ConText counts a cue's reach (``max_scope``) in tokens, and the tokenizer splits a clinician's slashed shorthand into
pieces: "w/" is two tokens ("w", "/"), "s/p" and "c/w" three, while "with", "status post" and "consistent with" are
what they stand for. A doubt told before such a shorthand then stops short of the finding it doubts ("highly concerning
for recurrent breast ca w/ bone mets": "mets" is the sixth word but the seventh token), and the finding reads as
stated although the same sentence with "with" spelled out is doubted. Here a forward doubt (an uncertainty, a purpose
or a question cue) whose scope ran to its full ``max_scope`` inside its sentence reaches as many tokens further as the
shorthand pieces inside it took, and the mentions that start there take its effect. Only doubts: they send a finding to
confirmation and never drop one; a negation is left as ConText read it (extending it could deny a present symptom).
The reach stops at the sentence's end and at the next cue.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from spacy.tokens import Doc, Span

from rightscan.adapters.text.sentences import Sentences

# the readings a doubt gives (context.yaml categories), extended here
_DOUBTS = frozenset({"uncertain", "purpose", "question"})
# what keeps a mention from being read as stated already: nothing to extend to it
_SETTLED = frozenset({"negated", "hypothetical", "family", "historical", "uncertain", "purpose", "question"})
_SHORT = 2  # a shorthand's letters on either side of its slash ("w/", "s/p", "c/w", "h/o", "r/o")


def _piece(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a piece of a slashed shorthand after its first letters: the slash glued to one or two
    letters before it, or one or two letters glued after such a slash."""
    tok = doc[i]
    if tok.text == "/":
        return i > 0 and not doc[i - 1].whitespace_ and doc[i - 1].is_alpha and len(doc[i - 1]) <= _SHORT
    return (
        i > 1
        and doc[i - 1].text == "/"
        and not doc[i - 1].whitespace_
        and tok.is_alpha
        and len(tok) <= _SHORT
        and _piece(doc, i - 1)
    )


def doubt_past_shorthand(
    doc: Doc,
    spans: Sequence[Span],
    effects: list[set[str]],
    sents: Sentences,
    categories: Mapping[str, str | None],
) -> None:
    """Give a forward doubt's effect to the mentions right after its scope that it would have reached had each slashed
    shorthand inside it counted as one word."""
    mods: list[Any] = list(doc._.context_graph.modifiers)
    cue_starts = sorted(m.modifier_span[0] for m in mods)
    for mod in mods:
        effect = categories.get(mod.category)
        if effect not in _DOUBTS or mod.max_scope is None or mod.direction.upper() not in ("FORWARD", "BIDIRECTIONAL"):
            continue
        cue_end = mod.modifier_span[1]
        scope_end = mod.scope_span[1]
        sent_end = sents.of(mod.modifier_span[0]).end
        if scope_end != cue_end + mod.max_scope or scope_end >= sent_end:
            continue  # stopped by a terminator, or by the sentence's end: nothing cut it short
        stop, seen = scope_end, cue_end
        while True:  # the pieces inside the reach, then those inside what they added
            extra = sum(1 for i in range(seen, stop) if _piece(doc, i))
            new_stop = min(sent_end, scope_end + extra + sum(1 for i in range(cue_end, seen) if _piece(doc, i)))
            if new_stop <= stop:
                break
            seen, stop = stop, new_stop
        stop = min([stop, *(s for s in cue_starts if scope_end <= s < stop)])
        if stop <= scope_end:
            continue
        for i, span in enumerate(spans):
            if scope_end <= span.start < stop and mod.allows(span.label_) and not effects[i] & _SETTLED:
                effects[i].add(effect)
