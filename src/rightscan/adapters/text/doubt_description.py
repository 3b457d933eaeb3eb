"""Round 37: a doubt whose reach a finding's own description used up.

ConText counts a doubt's reach (``max_scope``) in tokens. A radiologist's doubt often names the finding after a pile
of its describing words ("concerning for extensive new bilateral hepatic and osseous metastatic disease"): the finding's
noun is then past the reach, and the metastasis read as stated (M1 without proven distant disease) although the same
sentence with two fewer adjectives was doubted. Here a doubt whose scope ran to its full reach, with nothing but
describing words from its cue on, reaches on across further describing words to the findings they describe (the
families of ``context.yaml`` ``doubt_description``, never a symptom), for at most ``max_extra`` more tokens.

A describing word is a word that is no function word (spaCy's stop list for English: an article, a pronoun, a verb of
being or having, a preposition), a number, or one of the ``joiners`` ("and", "or", a comma, a slash, a hyphen, and the
function words that count lesions: "several", "many"). A
function word, any other punctuation, or a cue other than a warning ("new", "enlarging") ends the run: "concerning for
infection and the patient has liver metastases" keeps its metastases as stated. Only doubts are carried: they send a
finding to confirmation and never drop one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from spacy.tokens import Doc, Span, Token

from rightscan.adapters.text.sentences import Sentences

_DOUBTS = frozenset({"uncertain", "purpose", "question"})
_SETTLED = frozenset({"negated", "hypothetical", "family", "historical", "uncertain", "purpose", "question"})
_WARNING = "warning"


class DoubtDescription:
    """The reach of doubts over a finding's describing words (``spread`` of ``scopes.Scopes``)."""

    def __init__(self, config: Mapping[str, Any], categories: Mapping[str, str | None]) -> None:
        self.families: frozenset[str] = frozenset(config.get("families", ()))
        self.joiners: frozenset[str] = frozenset(w.lower() for w in config.get("joiners", ()))
        self.max_extra = int(config.get("max_extra", 0))
        self.categories = categories

    def _describing(self, tok: Token) -> bool:
        text = tok.lower_
        return text in self.joiners or tok.like_num or (tok.is_alpha and not tok.is_stop)

    def apply(
        self,
        doc: Doc,
        spans: Sequence[Span],
        described: Sequence[Mapping[str, Any]],
        effects: list[set[str]],
        sents: Sentences,
    ) -> None:
        if not self.families or self.max_extra <= 0:
            return
        mods: list[Any] = list(doc._.context_graph.modifiers)
        # where each cue starts, with its effect: a cue other than a warning ends a run of describing words
        cue_starts = {m.modifier_span[0]: self.categories.get(m.category) for m in mods}
        for mod in mods:
            effect = self.categories.get(mod.category)
            forward = mod.direction.upper() in ("FORWARD", "BIDIRECTIONAL")
            if effect not in _DOUBTS or mod.max_scope is None or not forward:
                continue
            cue_end = mod.modifier_span[1]
            scope_end = mod.scope_span[1]
            sent = sents.of(mod.modifier_span[0])
            if scope_end != min(cue_end + mod.max_scope, sent.end) or scope_end >= sent.end:
                continue  # cut short by the sentence or by another cue, not by its reach
            stop = self._run_end(doc, cue_end, scope_end, min(sent.end, scope_end + self.max_extra), cue_starts)
            if stop is None:
                continue
            for i, span in enumerate(spans):
                if (
                    scope_end <= span.start < stop
                    and span.end <= sent.end
                    and described[i]["family"] in self.families
                    and mod.allows(span.label_)
                    and not effects[i] & _SETTLED
                ):
                    effects[i].add(effect)

    def _run_end(
        self, doc: Doc, start: int, scope_end: int, limit: int, cue_starts: Mapping[int, str | None]
    ) -> int | None:
        """Where the run of describing words that fills the doubt's whole scope (from ``start``) ends past it, up to
        ``limit``; None when the scope itself holds anything else, or nothing describing follows it."""
        for i in range(start, scope_end):
            if not self._describing(doc[i]) or (i in cue_starts and cue_starts[i] != _WARNING):
                return None
        i = scope_end
        while i < limit and self._describing(doc[i]) and cue_starts.get(i, _WARNING) == _WARNING:
            i += 1
        return i if i > scope_end else None
