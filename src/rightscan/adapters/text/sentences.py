"""The sentences of a spaCy doc, split once per note and quoted from the original note."""

from __future__ import annotations

from spacy.tokens import Doc, Span


class Sentences:
    """The sentences of a doc, computed once (``Span.sent`` scans the whole doc on every call)."""

    def __init__(self, doc: Doc) -> None:
        from rightscan.adapters.text.components import sentence_bounds

        first, end = sentence_bounds(doc)  # the bounds ConText read, shared (the same sentences as ``doc.sents``)
        self.spans: list[Span] = []
        self._quoted: dict[int, str] = {}
        self.index = [0] * len(doc)
        k, current = -1, -1
        for i, start in enumerate(first):
            if start != current:
                k, current = k + 1, start
                self.spans.append(doc[start : end[start]])
            self.index[i] = k

    def of(self, token_index: int) -> Span:
        return self.spans[self.index[token_index]]

    def quote(self, original: str, token_index: int, where: list[int] | None = None) -> str:
        """The words of the token's sentence in the original note, cut once per sentence (``where``: the
        original offset of each character the doc was built on, when blanks were squeezed)."""
        k = self.index[token_index]
        quoted = self._quoted.get(k)
        if quoted is None:
            start, end = self.spans[k].start_char, self.spans[k].end_char
            if where is not None:
                start, end = where[start], where[end]
            quoted = self._quoted[k] = original[start:end]
        return quoted

    def start(self, token_index: int, where: list[int] | None = None) -> int:
        """The original offset of the token's sentence (round 38l: to cut a clause out of ``quote``)."""
        start = self.spans[self.index[token_index]].start_char
        return start if where is None else where[start]
