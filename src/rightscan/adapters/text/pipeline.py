"""The medspaCy pipeline: a note -> mentions with their context effects.

Built once, on first use, on ``spacy.blank("en")`` through ``medspacy.load`` (no model download):
medspaCy's tokenizer, PyRuSH sentences, a sectionizer with RightScan's section titles, the target
matcher with the concept phrases of ``targets.yaml`` (plus every procedure name, synonym and CPT
code of the core catalogue), a component that adds the regex value mentions of ``values.yaml``,
and ConText with the modifiers of ``context.yaml``. All matches live in one span group so that
overlapping mentions (a size inside "cT2 (3.2 cm)") are all kept and all get their context.

Importing this module imports spaCy; ``rightscan.adapters.text`` imports it only when a note is
first extracted.
"""

from __future__ import annotations

import bisect
import logging
import re
import warnings
from collections.abc import Iterable, Iterator
from typing import Any, Optional

import medspacy.context.context as _medspacy_context
import numpy
from loguru import logger
from medspacy.context.context_graph import ConTextGraph
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from rightscan.adapters.text import values as value_layer
from rightscan.adapters.text.layout import compile_layout, normalise
from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.rules import Rules, load_rules
from rightscan.adapters.text.values import FACT, NOTE, UNPARSED, Finding

GROUP = "rightscan"
_VALUE_KEY = "rightscan_values"
PROCEDURE_PREFIX = "procedure."

logger.disable("PyRuSH")  # PyRuSH logs every sentence at DEBUG level through loguru


class _QuietSentenceRules(logging.Filter):
    """PyFastNER (under PyRuSH's sentence splitter) writes one INFO line per rule character it cannot use,
    straight to the root logger: 85-200 lines per note. Those lines are dropped; its warnings are kept."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING or "PyFastNER" not in record.pathname


logging.getLogger().addFilter(_QuietSentenceRules())


class SentenceGraph(ConTextGraph):
    """ConText's graph, compared sentence by sentence.

    medspaCy 1.3.1 compares every modifier with every other modifier and with every target of the
    document, which is quadratic in the length of the note (100k characters took over a minute). A
    modifier's scope never leaves its sentence (the component runs without a window ``max_scope``,
    so each scope is the sentence, cut by the rule's own ``max_scope``), so only pairs in the same
    sentence can interact and the answer is the same, in time linear in the number of sentences."""

    def _by_sentence(self) -> dict[int, tuple[list[Any], list[Span]]]:
        """First token of a sentence -> (its modifiers, its targets)."""
        buckets: dict[int, tuple[list[Any], list[Span]]] = {}
        targets = list(self.targets)
        if not self.modifiers or not targets:
            return buckets
        sent_of = _sentence_starts(targets[0].doc)
        for m in self.modifiers:
            buckets.setdefault(sent_of[m.modifier_span[0]], ([], []))[0].append(m)
        for t in targets:
            bucket = buckets.get(sent_of[t.start])
            if bucket is not None:
                bucket[1].append(t)
        return buckets

    def update_scopes(self) -> None:
        self._buckets = self._by_sentence()
        for modifiers, _ in self._buckets.values():
            for i in range(len(modifiers) - 1):
                m1 = modifiers[i]
                for j in range(i + 1, len(modifiers)):
                    m2 = modifiers[j]
                    m1.limit_scope(m2)
                    m2.limit_scope(m1)

    def apply_modifiers(self) -> None:
        if self.prune_on_modifier_overlap:  # not used by RightScan: keep medspaCy's own code path
            super().apply_modifiers()
            return
        buckets = getattr(self, "_buckets", None) or self._by_sentence()
        for modifiers, targets in buckets.values():
            for target in targets:
                for modifier in modifiers:
                    if modifier.modifies(target):
                        modifier.modify(target)
        edges = []
        for modifier in self.modifiers:
            modifier.reduce_targets()
            for target in modifier._targets:
                edges.append((target, modifier))
        self.edges = edges
        self._buckets = {}


def _sentence_starts(doc: Doc) -> list[int]:
    """Token index -> index of the first token of its sentence."""
    out = [0] * len(doc)
    current = 0
    for i, tok in enumerate(doc):
        if tok.is_sent_start:
            current = i
        out[i] = current
    return out


_CONTRAST_AFTER = re.compile(
    r"(?:\s*(?:w/wo|w/w/o|w/o|w\+wo|w/|wo|w|with and without|without and with|with|without|and|\+|&|iv|i\.v\.|"
    r"contrast|gadolinium|gad|/|-)(?![a-z0-9]))+",
    re.IGNORECASE,
)


def _order_words(text: str, span: Span) -> str:
    """A study's words for the resolver: the matched phrase and any contrast words right after it
    ("CT chest" + " w contrast", "MRI brain" + " w/wo"), which the phrase itself may not include."""
    more = _CONTRAST_AFTER.match(text, span.end_char)
    words = more.group(0) if more else ""
    says_contrast = "contrast" in words.lower() or re.search(r"\bw", words, re.IGNORECASE) is not None
    tail = words if says_contrast else ""  # a bare "and" or "/" after the study is not about it
    return text[span.start_char : span.end_char] + tail


def _quote(original: str, sent: Span) -> str:
    return original[sent.start_char : sent.end_char]


class _Sentences:
    """The sentences of a doc, computed once (``Span.sent`` scans the whole doc on every call)."""

    def __init__(self, doc: Doc) -> None:
        self.spans = list(doc.sents)
        self.index = [0] * len(doc)
        for k, sent in enumerate(self.spans):
            for i in range(sent.start, sent.end):
                self.index[i] = k

    def of(self, token_index: int) -> Span:
        return self.spans[self.index[token_index]]


# medspaCy's ConText component builds its graph from this module-level name on every call.
_medspacy_context.ConTextGraph = SentenceGraph  # type: ignore[misc]
# medspaCy's matcher keeps an empty token Matcher when all rules are phrases, and spaCy warns on every note.
_QUIET = r".*\[W036\].*"


class ValueMatcher:
    """Adds the ``values.yaml`` regex matches to the span group (after the target matcher)."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        group = doc.spans[GROUP]
        kept: dict[str, tuple[list[int], list[int]]] = {}  # per group: sorted disjoint (starts, ends)
        found: list[tuple[Any, Any]] = []
        for rule in self.rules.values:
            starts, ends = kept.setdefault(rule.group, ([], []))
            for m in rule.regex.finditer(text):
                start, end = m.span()
                if start == end:
                    continue
                pos = bisect.bisect_right(starts, start)
                if (pos and ends[pos - 1] > start) or (pos < len(starts) and starts[pos] < end):
                    continue
                if value_layer.rejected(rule, text, start, end):
                    continue
                span = doc.char_span(start, end, label=f"V{len(found)}", alignment_mode="expand")
                if span is None:
                    continue
                starts.insert(pos, start)
                ends.insert(pos, end)
                found.append((rule, m))
                group.append(span)
        doc.user_data[_VALUE_KEY] = found
        return doc


class SentenceBreaks:
    """RightScan's sentence splitter, linear in the note (it replaced PyRuSH, whose pure-Python rule
    engine took half of the extraction time). A sentence starts:

    - after a line break, unless the line break only wraps a sentence (the next line starts with a
      lower-case word and the line before does not end with a full stop, colon or question mark);
    - after a token ending with one of `after` ("." "!" "?") and followed by a space, when the next
      word starts with a capital, a digit or a bracket, unless the word before the mark is a listed
      abbreviation ("Dr. Smith", "approx. 2 cm")."""

    def __init__(self, rules: Rules) -> None:
        self.after = tuple(rules.sentence_break_after)
        self.exceptions = rules.sentence_break_except

    def __call__(self, doc: Doc) -> Doc:
        tokens = list(doc)
        n = len(tokens)
        starts = [False] * n
        if n:
            starts[0] = True
        after, exceptions = self.after, self.exceptions
        for i in range(n - 1):
            tok = tokens[i]
            text = tok.text
            nxt = tokens[i + 1].text
            if tok.is_space:
                if "\n" in text:
                    prev = tokens[i - 1].text if i else ""
                    wraps = nxt[:1].islower() and "\n\n" not in text and not prev.endswith((".", ":", "?", "!"))
                    if not wraps:
                        starts[i] = (i > 0 and not tokens[i - 1].is_space) or starts[i]
                        starts[i + 1] = True
                continue
            ws = tok.whitespace_
            if not ws:
                continue
            if "\n" in ws:
                starts[i + 1] = True
                continue
            if not text.endswith(after):
                continue
            first = nxt[:1]
            if not (first.isupper() or first.isdigit() or first in "([-*•"):
                continue
            word = tokens[i - 1].lower_ if (text in after and i) else text[:-1].lower()
            if word not in exceptions:
                starts[i + 1] = True
        if n:  # one array write: setting Token.is_sent_start scans the whole doc on every call
            flags = numpy.array([1 if start else -1 for start in starts], dtype="int64").astype("uint64")
            doc.from_array([SENT_START], flags.reshape(-1, 1))
        return doc


def _make_sentence_breaks(nlp: Language, name: str, directory: str | None) -> SentenceBreaks:
    return SentenceBreaks(load_rules(directory))


def _make_value_matcher(nlp: Language, name: str, directory: str | None) -> ValueMatcher:
    return ValueMatcher(load_rules(directory))


# spaCy validates a factory's arguments from its annotations, which must be real objects here
# (this module postpones annotations), so they are given explicitly.
for _factory in (_make_value_matcher, _make_sentence_breaks):
    _factory.__annotations__ = {"nlp": Language, "name": str, "directory": Optional[str]}  # noqa: UP045
Language.factory("rightscan_values", default_config={"directory": None}, func=_make_value_matcher)
Language.factory("rightscan_sentence_breaks", default_config={"directory": None}, func=_make_sentence_breaks)


def build(directory: str | None = None) -> Language:
    """The configured pipeline (a few hundred ms; callers cache it). ``directory``: candidate rules."""
    import medspacy
    from medspacy.context import ConTextRule
    from medspacy.section_detection import SectionRule
    from medspacy.target_matcher import TargetRule

    from rightscan.adapters.knowledge_files import load_knowledge

    rules = load_rules(directory)
    kb = load_knowledge()
    nlp = medspacy.load(medspacy_enable=["medspacy_tokenizer"])
    nlp.add_pipe("rightscan_sentence_breaks", config={"directory": directory})
    sectionizer = nlp.add_pipe(
        "medspacy_sectionizer",
        config={"rules": None, "require_start_line": rules.require_start_line, "span_attrs": None},
    )
    sectionizer.add([SectionRule(literal=t, category=s.category) for s in rules.sections for t in s.titles])
    matcher = nlp.add_pipe("medspacy_target_matcher", config={"result_type": "group", "span_group_name": GROUP})
    targets = [TargetRule(literal=p, category=r.id) for r in rules.targets for p in r.phrases]
    for pid, proc in kb.procedures.items():
        names = {
            proc.name.lower(),
            *(s.lower() for s in proc.synonyms),
            *proc.cpt,
            *rules.procedure_phrases.get(pid, ()),
        }
        targets.extend(TargetRule(literal=n, category=PROCEDURE_PREFIX + pid) for n in sorted(names))
    matcher.add(targets)
    nlp.add_pipe("rightscan_values", config={"directory": directory})
    # terminating types go on each rule: the component's own `terminating_types` setting reaches only
    # the first rule of a category in medspaCy 1.3.1 (the lists become one-shot iterators).
    context = nlp.add_pipe(
        "medspacy_context", config={"rules": None, "input_span_type": "group", "span_group_name": GROUP}
    )
    context.add(
        [
            ConTextRule(
                literal=m.literal,
                category=m.category,
                direction=m.direction,
                pattern=list(m.pattern) if m.pattern is not None else None,
                max_scope=m.max_scope,
                terminated_by=set(rules.terminating_types.get(m.category, ())),
            )
            for m in rules.modifiers
        ]
    )
    return nlp


class Analyser:
    """Pipeline + rules: text in, mentions out."""

    def __init__(self, directory: str | None = None) -> None:
        self.rules = load_rules(directory)
        self.nlp = build(directory)
        self._targets = {r.id: r for r in self.rules.targets}
        self._section_effects = {s.category: s.implies for s in self.rules.sections}
        self._section_scope = {s.category: s.scope for s in self.rules.sections}
        # cue categories that end an explaining cue's scope also end the clause it explains (in_clause)
        self._clause_breaks = frozenset("|" + c for c in self.rules.terminating_types.get("EXPLAINED", ()))
        self.layout = compile_layout(self.rules)
        from rightscan.adapters.knowledge_files import load_knowledge

        self.kb = load_knowledge()

    def mentions(self, text: str) -> list[Mention]:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=_QUIET)
            return self._mentions(self.nlp(normalise(self.layout, text)), text)

    def mentions_many(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[list[Mention]]:
        originals: list[str] = []

        def rewritten() -> Iterator[str]:
            for text in texts:
                originals.append(text)
                yield normalise(self.layout, text)

        docs = self.nlp.pipe(rewritten(), batch_size=batch_size)
        k = 0
        while True:
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message=_QUIET)
                doc = next(docs, None)
            if doc is None:
                return
            yield self._mentions(doc, originals[k])
            originals[k] = ""
            k += 1

    # -------------------------------------------------------------- doc -> mentions
    @staticmethod
    def _sections(doc: Doc) -> list[tuple[str, int] | None]:
        """Token index -> (section category, first token of its title), read once per note (the
        token-level extension getters of medspaCy are slow when called for every mention)."""
        out: list[tuple[str, int] | None] = [None] * len(doc)
        for section in doc._.sections:
            if section.category is None:
                continue
            start, end = section.section_span
            title_start = section.title_span[0]
            for i in range(start, end):
                out[i] = (section.category, title_start)
        return out

    def _effects(
        self, span: Span, shielded: list[bool], sents: _Sentences, sections: list[tuple[str, int] | None]
    ) -> set[str]:
        effects = set()
        for mod in span._.modifiers:
            ms, me = mod.modifier_span
            # A cue inside this mention or inside another mention does not act on it. (medspaCy 1.3.1
            # misses a cue that lies wholly inside the target: its overlap test is not symmetric.)
            if (ms < span.end and span.start < me) or any(shielded[ms:me]):
                continue
            effects.add(self.rules.categories.get(mod.category))
        where = sections[span.start]
        if where is not None:
            section, title_start = where
            if self._section_scope.get(section) != "sentence" or (
                sents.of(title_start).start == sents.of(span.start).start
            ):
                effects |= self._section_effects.get(section, frozenset())
        effects.discard(None)
        return effects  # type: ignore[return-value]

    def _at_note_start(self, doc: Doc, span: Span, sents: _Sentences) -> bool:
        """The mention opens the note ("PET/CT. 52F ...", "Bone scan: 70F"), but is not a heading
        followed by a measurement, which reads as a result ("Mammo: 14 mm mass")."""
        first = next((t.i for t in doc if not (t.is_space or t.is_punct)), None)
        if first is None or span.start - first > 1 or sents.of(span.start).start != sents.of(first).start:
            return False
        if span.end + 1 < len(doc) and doc[span.end].text == ":":
            return not doc[span.end + 1].like_num
        return True

    @staticmethod
    def _alone_in_sentence(span: Span, sents: _Sentences) -> bool:
        sent = sents.of(span.start)
        return all(t.is_punct or t.is_space for t in (*sent[: span.start - sent.start], *sent[span.end - sent.start :]))

    def _order_finding(self, text: str, matched: str) -> Finding:
        """The study the words name, read by the order resolver (one vocabulary for every channel): a
        resolved reading names its study; an ambiguous one ("MRI brain": with or without contrast?) is
        unparsed with the resolver's choices, never a guess; words the resolver does not read keep the
        study the catalogue phrase matched."""
        from rightscan.domain import orders

        reading = orders.interpret(self.kb, text)
        if reading.status == "resolved" and reading.study is not None:
            return Finding("order", reading.study.id)
        if reading.status == "ambiguous":
            choices = ", ".join(p.name for p in reading.choices[:4])
            return Finding("order", None, UNPARSED, f"the study named is ambiguous; one of: {choices}")
        return Finding("order", matched)

    def _describe(self, span: Span, values: list[Any], text: str) -> dict[str, Any]:
        """Rule, family and findings of one span of the group."""
        label = span.label_
        if label.startswith("V") and label[1:].isdigit():
            rule, match = values[int(label[1:])]
            return {
                "rule": rule.id,
                "family": rule.family,
                "start": match.start(),
                "end": match.end(),
                "findings": tuple(value_layer.parse(self.rules, rule, match)),
                "strength": rule.strength,
                "unless_setting": rule.unless_setting,
                "unless_facts": rule.unless_facts,
            }
        if label.startswith(PROCEDURE_PREFIX):
            return {
                "rule": label,
                "family": "procedure",
                "start": span.start_char,
                "end": span.end_char,
                "findings": (self._order_finding(_order_words(text, span), label[len(PROCEDURE_PREFIX) :]),),
            }
        target = self._targets[label]
        if target.unparsed:
            findings: tuple[Finding, ...] = (Finding(target.field or target.id, None, UNPARSED, target.unparsed),)
        elif target.note:
            findings = (Finding(target.field or target.id, target.note, NOTE, target.note),)
        elif target.field is not None:
            findings = (Finding(target.field, target.value, FACT),)
        else:
            findings = ()  # a shield: it only keeps its words from shorter rules
        return {
            "rule": target.id,
            "family": target.family,
            "start": span.start_char,
            "end": span.end_char,
            "findings": findings,
            "strength": target.strength,
            "negated_value": target.negated_value,
            "unless_setting": target.unless_setting,
            "unless_facts": target.unless_facts,
            "uncertain_value": target.uncertain_value,
            "only_if_uncertain": target.only_if_uncertain,
        }

    def _mentions(self, doc: Doc, original: str) -> list[Mention]:
        """Mentions of a doc built on the layout-normalised text; sentences quoted from the original."""
        values = doc.user_data.get(_VALUE_KEY, [])
        spans = list(doc.spans[GROUP])
        text = doc.text  # built once: Doc.text joins every token on each call
        described = [self._describe(span, values, text) for span in spans]
        shielded = [False] * len(doc)  # token i lies inside a mention that protects its words
        for span, d in zip(spans, described, strict=True):
            if d["family"] not in self.rules.not_shielding:
                shielded[span.start : span.end] = [True] * (span.end - span.start)
        sents = _Sentences(doc)
        sections = self._sections(doc)
        effects = []
        for span, d in zip(spans, described, strict=True):
            e = self._effects(span, shielded, sents, sections)
            policy = self.rules.policies[d["family"]]
            if policy.at_note_start and self._at_note_start(doc, span, sents):
                e |= set(policy.at_note_start)
            if policy.alone_in_sentence and self._alone_in_sentence(span, sents):
                e |= set(policy.alone_in_sentence)
            effects.append(e)
        self._coordinate(doc, spans, described, effects, sents)
        self._share_in_lists(doc, described, effects)
        self._in_clause(doc, spans, described, effects, sents)
        self._carry_family(doc, spans, described, effects, sents)
        out = [
            Mention(sentence=_quote(original, sents.of(span.start)), effects=frozenset(e), **d)
            for span, d, e in zip(spans, described, effects, strict=True)
        ]
        out.sort(key=lambda m: (m.start, m.end))
        return out

    def _in_clause(
        self, doc: Doc, spans: list[Span], described: list[dict[str, Any]], effects: list[set[str]], sents: _Sentences
    ) -> None:
        """Effects a family reads from its whole clause (``in_clause``, ``implied_by`` in context.yaml)."""
        cues: list[tuple[int, int, str]] | None = None
        text = doc.text
        for i, (span, d) in enumerate(zip(spans, described, strict=True)):
            policy = self.rules.policies[d["family"]]
            e = effects[i]
            for effect, combos in policy.implied_by.items():
                if any(combo <= e for combo in combos):
                    e.add(effect)
            if not policy.in_clause or "warning" in e or "negated" in e:
                continue
            if cues is None:
                cues = []
                for mod in doc._.context_graph.modifiers:
                    effect = self.rules.categories.get(mod.category)
                    cues.append((*mod.modifier_span, effect if effect is not None else "|" + mod.category))
            sent = sents.of(span.start)
            line_start = text.rfind("\n", 0, span.start_char) + 1
            nl = text.find("\n", span.end_char)
            line_end = len(text) if nl < 0 else nl
            # a negated warning is reassurance ("no new weakness"): a warning right after a negation cue is dropped
            negated_at = {t for s, t, x in cues if x == "negated"}
            here = [(s, effect) for s, t, effect in cues
                    if sent.start <= s and t <= sent.end and line_start <= doc[s].idx < line_end
                    and not (effect == "warning" and s in negated_at)]  # fmt: skip
            if any(effect == "warning" for _, effect in here):
                # a warning later in the symptom's own clause applies to it ("headaches from known OA, worse at
                # night"): the clause ends at a terminator, a new onset or the next finding of its family
                nxt = [sp.start for sp, dd in zip(spans, described, strict=True)
                       if dd["family"] == d["family"] and sp.start >= span.end]  # fmt: skip
                stop = min([s for s, x in here if x.startswith("|") and s >= span.end] + nxt, default=sent.end)
                if any(x == "warning" and span.end <= s < stop for s, x in here):
                    e.add("warning")
                continue
            # the clause ends at a new-onset cue ("back pain x 3 wks, now w/ leg weakness, tripped twice")
            stop = min((s for s, x in here if x in self._clause_breaks and s >= span.end), default=sent.end)
            # a negated explanation explains nothing ("no URI", "not related to meals")
            for effect in policy.in_clause:
                if any(x == effect and span.end <= s < stop and s not in negated_at and s - 1 not in negated_at
                       for s, x in here):  # fmt: skip
                    e.add(effect)

    def _carry_family(
        self, doc: Doc, spans: list[Span], described: list[dict[str, Any]], effects: list[set[str]], sents: _Sentences
    ) -> None:
        """``carried_family`` in context.yaml: "my mom had ... . She had bone pain" is about the mother."""
        if not self.rules.carried_possessives or not any(t.lower_ in self.rules.carried_possessives for t in doc):
            return
        family_cues = [mod.modifier_span[0] for mod in doc._.context_graph.modifiers
                       if self.rules.categories.get(mod.category) == "family"]  # fmt: skip
        for i, (span, d) in enumerate(zip(spans, described, strict=True)):
            if "family" not in self.rules.policies[d["family"]].ignore or "family" in effects[i]:
                continue
            sent = sents.of(span.start)
            first = next((t for t in sent if not (t.is_space or t.is_punct)), None)
            if first is None or first.lower_ not in self.rules.carried_pronouns or sent.start == 0:
                continue
            prev = sents.of(sent.start - 1)
            if any(prev.start <= c < prev.end and c > 0 and doc[c - 1].lower_ in self.rules.carried_possessives
                   for c in family_cues):  # fmt: skip
                effects[i].add("family")

    def _share_in_lists(self, doc: Doc, described: list[dict[str, Any]], effects: list[set[str]]) -> None:
        """Findings joined by list connectors share a negated, hypothetical or family scope: in "call us if
        you develop bone pain, headaches or shortness of breath" every item is hypothetical, however long
        the list (a cue's own scope may stop before the last items)."""
        text = doc.text
        idx = sorted((i for i, d in enumerate(described) if d["family"] in self.rules.list_families),
                     key=lambda i: described[i]["start"])  # fmt: skip
        chains: list[list[int]] = []
        for i in idx:
            if chains:
                prev = chains[-1][-1]
                between = " ".join(text[described[prev]["end"] : described[i]["start"]].split()).lower()
                if between in self.rules.list_connectors:
                    chains[-1].append(i)
                    continue
            chains.append([i])
        for chain in chains:
            if len(chain) > 1:
                shared = set().union(*(effects[i] & self.rules.list_share for i in chain))
                for i in chain:
                    effects[i] |= shared

    def _coordinate(
        self,
        doc: Doc,
        spans: list[Span],
        described: list[dict[str, Any]],
        effects: list[set[str]],
        sents: _Sentences,
    ) -> None:
        """Studies joined by a connector share the coordination effects ("CT CAP and bone scan?"); a
        comparison ("X vs Y") or a sentence made only of joined studies is a proposal."""
        text = doc.text
        share = self.rules.coordination_share
        idx = sorted(
            (i for i, d in enumerate(described) if d["family"] in self.rules.coordination_families),
            key=lambda i: described[i]["start"],
        )
        chains: list[list[int]] = []
        proposing: list[bool] = []
        for i in idx:
            if chains:
                prev = chains[-1][-1]
                between = text[described[prev]["end"] : described[i]["start"]].strip().lower()
                if between in self.rules.coordination_connectors:
                    chains[-1].append(i)
                    proposing[-1] = proposing[-1] or between in self.rules.coordination_proposing
                    continue
            chains.append([i])
            proposing.append(False)
        for chain, compares in zip(chains, proposing, strict=True):
            if len(chain) < 2:
                continue
            shared = set().union(*(effects[i] & share for i in chain))
            first, last = spans[chain[0]], spans[chain[-1]]
            sent = sents.of(first.start)
            alone = sent.start == sents.of(last.start).start and all(
                t.is_punct or t.is_space for t in (*doc[sent.start : first.start], *doc[last.end : sent.end])
            )
            if compares or alone:
                shared.add("proposed")
            for i in chain:
                effects[i] |= shared
