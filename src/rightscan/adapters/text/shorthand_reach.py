"""Round 16b: a doubt whose reach a slashed shorthand used up.

ConText counts a cue's reach (``max_scope``) in tokens, and the tokenizer splits a clinician's slashed shorthand into
pieces: "w/" is two tokens ("w", "/"), "s/p" and "c/w" three, while "with", "status post" and "consistent with" are
what they stand for. A doubt told before such a shorthand then stops short of the finding it doubts ("highly concerning
for recurrent breast ca w/ bone mets": "mets" is the sixth word but the seventh token), and the finding reads as
stated although the same sentence with "with" spelled out is doubted. Here a doubt (an uncertainty, a purpose or a
question cue) whose scope ran to its full ``max_scope`` inside its sentence reaches as many tokens further as the
shorthand pieces inside it took, and the mentions there take its effect: after a forward cue, and (round 28) before a
backward one ("spinal mets w/ epidural cord compression until proven otherwise" had read as M1). Only doubts: they send
a finding to confirmation and never drop one; a negation is left as ConText read it (extending it could deny a present
symptom). The reach stops at the sentence's edge and at the next cue.

Round 36b: an aside in brackets inserted in a doubt's reach uses it up the same way ("highly concerning for hepatic (and
possibly peritoneal, lobular pattern) metastatic disease" had read as M1, v36 ag-030): a bracketed aside the doubt's cue
is not itself in counts as no word, and a cue inside that aside (its own "possibly") does not end the outer doubt's
reach. Brackets are paired within the sentence; an unclosed bracket is no aside.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from spacy.tokens import Doc, Span

from rightscan.adapters.text.sentences import Sentences

# the readings a doubt gives (context.yaml categories), extended here
_DOUBTS = frozenset({"uncertain", "purpose", "question"})
# what keeps a mention from being read as stated already: nothing to extend to it
_SETTLED = frozenset({"negated", "hypothetical", "family", "historical", "uncertain", "purpose", "question"})
_SHORT = 2  # a shorthand's letters on either side of its slash ("w/", "s/p", "c/w", "h/o", "r/o")
_OPENS = {"(": ")", "[": "]", "{": "}"}


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


def asides(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The outermost bracketed asides of tokens ``start``-``end`` (a sentence): (first, last) token of each, brackets
    included, each closed by its own kind of bracket within the range (nested ones are inside their outer aside)."""
    found: list[tuple[int, int]] = []
    stack: list[tuple[int, str]] = []
    for i in range(start, end):
        text = doc[i].text
        if text in _OPENS:
            stack.append((i, _OPENS[text]))
        elif stack and text == stack[-1][1]:
            first, _close = stack.pop()
            if not stack:
                found.append((first, i))
        elif text in _OPENS.values():
            stack.clear()  # a stray closing bracket: what was open is no aside
    return found


def _outside_asides(sides: list[tuple[int, int]], cue_start: int, cue_end: int) -> set[int]:
    """The tokens of the asides the cue (``cue_start``-``cue_end``) is not in."""
    return {i for a, b in sides if not (a <= cue_start and cue_end - 1 <= b) for i in range(a, b + 1)}


def _reach(doc: Doc, near: int, far: int, step: int, limit: int, aside: Collection[int] = ()) -> int:
    """Where a scope that ran from ``near`` to ``far`` (``step`` +1 forward, -1 backward) ends when each slashed
    shorthand inside it counts as one word, and each token of ``aside`` (a bracketed aside, round 36b) as none: it
    grows by the pieces inside it, then by those inside what it added, up to ``limit`` (the sentence's edge)."""
    stop, counted, extra = far, near, 0
    while True:
        lo, hi = sorted((counted, stop))
        extra += sum(1 for i in range(lo, hi) if i in aside or _piece(doc, i))
        new_stop = max(limit, far - extra) if step < 0 else min(limit, far + extra)
        if new_stop == stop:
            return stop
        counted, stop = stop, new_stop


def doubt_past_shorthand(
    doc: Doc,
    spans: Sequence[Span],
    effects: list[set[str]],
    sents: Sentences,
    categories: Mapping[str, str | None],
) -> None:
    """Give a doubt's effect to the mentions just past its scope (after a forward cue's, before a backward one's:
    "spinal mets w/ epidural cord compression until proven otherwise") that it would have reached had each slashed
    shorthand inside it counted as one word."""
    mods: list[Any] = list(doc._.context_graph.modifiers)
    cue_spans = sorted(m.modifier_span for m in mods)
    sent_asides: dict[int, list[tuple[int, int]]] = {}
    for mod in mods:
        effect = categories.get(mod.category)
        if effect not in _DOUBTS or mod.max_scope is None:
            continue
        direction = mod.direction.upper()
        cue_start, cue_end = mod.modifier_span
        sent = sents.of(cue_start)
        if sent.start not in sent_asides:
            sent_asides[sent.start] = asides(doc, sent.start, sent.end)
        aside = _outside_asides(sent_asides[sent.start], cue_start, cue_end)
        # a cue inside an aside the doubt is not in neither ends its reach nor cut its scope (round 36b)
        ends = [(s, e) for s, e in cue_spans if s not in aside]
        if direction in ("FORWARD", "BIDIRECTIONAL"):
            scope_end = mod.scope_span[1]
            full = min(cue_end + mod.max_scope, sent.end)
            # nothing but the reach cut it short, or a cue inside an aside did
            if scope_end < sent.end and (scope_end == full or (scope_end < full and scope_end in aside)):
                stop = _reach(doc, cue_end, full, 1, sent.end, aside)
                stop = min([stop, *(s for s, _ in ends if scope_end <= s < stop)])
                _give(spans, effects, mod, effect, lambda span: scope_end <= span.start < stop)  # noqa: B023
        if direction in ("BACKWARD", "BIDIRECTIONAL"):
            scope_start = mod.scope_span[0]
            full = max(cue_start - mod.max_scope, sent.start)
            if scope_start > sent.start and (scope_start == full or (scope_start > full and scope_start - 1 in aside)):
                start = _reach(doc, cue_start, full, -1, sent.start, aside)
                start = max([start, *(e for _, e in ends if start < e <= scope_start)])
                _give(spans, effects, mod, effect, lambda span: start < span.end <= scope_start)  # noqa: B023


def _give(spans: Sequence[Span], effects: list[set[str]], mod: Any, effect: str, reached: Any) -> None:
    for i, span in enumerate(spans):
        if reached(span) and mod.allows(span.label_) and not effects[i] & _SETTLED:
            effects[i].add(effect)
