"""Round 52d (v52 cd-021, v27 hb-032): a symptom named as the object of a fear, not as a present complaint.

"Ever since the breast cancer every headache makes me panic that it's spread to my brain", "I worry every ache is
cancer", "she is afraid any headache means brain mets", "Would a headache mean it's in my brain?": the symptom is
named in general, as what the patient fears or asks the meaning of; the sentence says nothing of a headache she has
now. ConText read it as stated, which raised a red flag from a worry (an unsafe answer). Such a mention is
hypothetical:

- **a fear of any instance** (``feared_quantifiers``): a word naming every or any instance right before the symptom
  ("every", "any", "each"; past a word of ``feared_fillers``: "every little ache"), and in the same clause a word of
  fear or of meaning (``feared_feelings``, ``feared_meanings``) right after the symptom (up to ``AFTER_REACH`` words:
  "every headache makes me panic", "any headache means") or right before the quantifier (up to ``BEFORE_REACH``
  words: "I worry every ache is cancer", "afraid that any headache");
- **the meaning asked** (``feared_asking``): an indefinite article after an asking word ("would a headache", "does a
  backache") and a word of meaning after the symptom in a sentence that ends with a question mark ("Would a headache
  mean it's in my brain?", "Could a cough be a sign it has spread?").

A symptom told as hers and worried about ("I've had a headache for 2 weeks and I'm scared it's spread") has no such
quantifier or article and keeps its reading, as does one a word after it tells as hers (``feared_own``: "a headache
like this", "every headache since June has ..."); a warning of the mention's own ("every new headache") leaves it to
confirm rather than dropping it. Words are data (context.yaml ``red_flag_readings``).

Round 55u (v55 cl-016): **a symptom named as what it can mean for anyone** (``feared_generic``): the symptom bare at
the head of its clause (nothing before it, or only a word that opens a clause, ``feared_openers``: "I read that back
pain can mean it spread to the bones", "Headaches can be a sign of brain mets, her sister said"; an indefinite article
may stand between: "she read that a cough can mean ...") and right after it a generic modal (``feared_generic``: "can",
"often", "sometimes") with a word of meaning in reach: general knowledge, no symptom of hers (hypothetical).
Her own symptom has a possessive, a qualifier or a verb before it ("her new back pain can be a sign of ...", "she has
back pain, which can mean ...") and keeps its reading.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Span

from rightscan.adapters.text.pass_words import norm
from rightscan.adapters.text.rule_pass import Described, Effects
from rightscan.adapters.text.sentences import Sentences

# effects that already keep a symptom from being stated: such a mention is left as it is
_SETTLED = frozenset({"negated", "historical", "hypothetical", "family", "explained", "uncertain", "purpose"})
_CLAUSE_MARKS = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "-", "–", "—", "\n"})
AFTER_REACH = 5  # words from the symptom to the word of fear or meaning after it ("every headache makes me panic")
BEFORE_REACH = 4  # words from the word of fear to the quantifier after it ("I worry every ache")
FILLER_REACH = 1  # words between the quantifier and the symptom ("every little ache")


class FearedMentions:
    """Symptoms named as what the patient fears or asks the meaning of: hypothetical (module doc)."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        self._quantifiers = norm(words.get("feared_quantifiers", ()))
        self._fillers = norm(words.get("feared_fillers", ()))
        self._own = norm(words.get("feared_own", ()))
        self._feelings = norm(words.get("feared_feelings", ()))
        self._meanings = norm(words.get("feared_meanings", ()))
        self._asking = norm(words.get("feared_asking", ()))
        self._articles = frozenset({"a", "an"})
        self._generic = norm(words.get("feared_generic", ()))  # round 55u
        self._openers = norm(words.get("feared_openers", ()))

    def apply(self, doc: Doc, spans: Sequence[Span], described: Described, effects: Effects, sents: Sentences) -> None:
        if not self._quantifiers or not (self._feelings or self._meanings):
            return
        for span, d, e in zip(spans, described, effects, strict=True):
            if not d["family"].startswith("symptom") or e & _SETTLED:
                continue
            if self._feared(doc, span, sents):
                e.add("uncertain" if "warning" in e else "hypothetical")

    def _feared(self, doc: Doc, span: Span, sents: Sentences) -> bool:
        sent = sents.of(span.start)
        before = self._words_before(doc, span.start, sent.start, FILLER_REACH + 1)
        if self._generic and self._general(doc, span, sent, before):
            return True
        if not before:
            return False
        # the word right before the symptom, or one filler before it
        lead = before[0] if before[0][1] not in self._fillers or len(before) < 2 else before[1]
        k, word = lead
        if word in self._quantifiers:
            return self._fear_after(doc, span.end, sent.end, self._feelings | self._meanings) or self._fear_before(
                doc, k, sent.start
            )
        if word in self._articles:
            asked = self._words_before(doc, k, sent.start, 1)
            last = next((t for t in reversed(sent) if not t.is_space), None)
            return (
                bool(asked) and asked[0][1] in self._asking and last is not None and last.text == "?"
                and self._fear_after(doc, span.end, sent.end, self._meanings)
            )  # fmt: skip
        return False

    def _general(self, doc: Doc, span: Span, sent: Span, before: list[tuple[int, str]]) -> bool:
        """Round 55u: the bare symptom heads its clause and a generic modal right after it says what it can mean."""
        lead = before[1:] if before and before[0][1] in self._articles else before  # "that a cough can mean"
        if lead and lead[0][1] not in self._openers:
            return False
        after = next((t for t in doc[span.end : sent.end] if not t.is_space), None)
        return (
            after is not None and after.lower_ in self._generic
            and self._fear_after(doc, after.i + 1, sent.end, self._meanings)
        )  # fmt: skip

    @staticmethod
    def _words_before(doc: Doc, start: int, floor: int, n: int) -> list[tuple[int, str]]:
        """Up to ``n`` words right before token ``start`` in its clause (nearest first)."""
        out: list[tuple[int, str]] = []
        k = start - 1
        while k >= floor and len(out) < n:
            t = doc[k]
            if t.is_space:
                k -= 1
                continue
            if t.text in _CLAUSE_MARKS:
                break
            out.append((k, t.lower_))
            k -= 1
        return out

    def _fear_after(self, doc: Doc, start: int, end: int, words: frozenset[str]) -> bool:
        seen = 0
        for k in range(start, end):
            t = doc[k]
            if t.is_space:
                continue
            if t.text in _CLAUSE_MARKS or t.lower_ in self._own or seen >= AFTER_REACH + 1:
                return False
            if t.lower_ in words:
                return True
            seen += 1
        return False

    def _fear_before(self, doc: Doc, quantifier: int, floor: int) -> bool:
        return any(w in self._feelings for _k, w in self._words_before(doc, quantifier, floor, BEFORE_REACH))
