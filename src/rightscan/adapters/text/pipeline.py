"""The note reader: a note -> mentions with their context effects.

``Analyser`` runs the pipeline of ``components`` (built once, on first use, on ``spacy.blank("en")``
through ``medspacy.load``; no model download) over the note with its layout normalised, then reads each
mention's words, section and ConText cues into a ``Mention``. Importing this module imports spaCy;
``rightscan.adapters.text`` imports it only when a note is first extracted.
"""

from __future__ import annotations

import bisect
import itertools
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from spacy.tokens import Doc, Span

from rightscan.adapters.text import values as value_layer
from rightscan.adapters.text.components import GROUP, PROCEDURE_PREFIX, VALUE_KEY, build, doc_text
from rightscan.adapters.text.layout import Marks, break_runs, compile_layout, normalise_marked
from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.rules import load_rules
from rightscan.adapters.text.spacing import squeeze, unwrap
from rightscan.adapters.text.study_words import CONTRAST_AFTER, NOT_ONE_CLAUSE, WORDS, neighbour_words, order_words
from rightscan.adapters.text.values import FACT, NOTE, UNPARSED, Finding


class _Sentences:
    """The sentences of a doc, computed once (``Span.sent`` scans the whole doc on every call)."""

    def __init__(self, doc: Doc) -> None:
        self.spans = list(doc.sents)
        self._quoted: dict[int, str] = {}
        self.index = [0] * len(doc)
        for k, sent in enumerate(self.spans):
            for i in range(sent.start, sent.end):
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


# How far after a symptom (in tokens) a cue of its clause is read (``Analyser._in_clause``): a long clause. On the
# 748 notes of the repository sets this bound changes two answers, both dictated or typed run-ons in which an
# explanation (or a reassurance) 30-60 words on was read as part of the symptom's clause.
IN_CLAUSE_REACH = 24

# medspaCy's matcher keeps an empty token Matcher when all rules are phrases, and spaCy warns on every note.
_QUIET = r".*\[W036\].*"


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
        # any token equal to a possessive is also a match of this pattern (the converse need not hold)
        words = "|".join(re.escape(w) for w in sorted(self.rules.carried_possessives)) or "(?!)"
        self._possessive_words = re.compile(rf"(?<![^\W_])(?:{words})(?![^\W_])", re.IGNORECASE)
        from rightscan.adapters.knowledge_files import load_knowledge

        self.kb = load_knowledge()

    def rewrite(self, text: str) -> str:
        """The words the pipeline reads: layout made plain, overlong runs broken (same offsets)."""
        return self.rewrite_marked(text)[0]

    def rewrite_marked(self, text: str) -> tuple[str, Marks]:
        """``rewrite`` and the labels the layout answers "no" (``layout.normalise_marked``)."""
        plain, marks = normalise_marked(self.layout, unwrap(text))  # unwrap: same length, same offsets
        return break_runs(plain), marks

    def mentions(self, text: str) -> list[Mention]:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=_QUIET)
            plain, marks = self.rewrite_marked(text)
            read, where = squeeze(plain)
            return self._mentions(self.nlp(read), text, marks, where)

    def mentions_many(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[list[Mention]]:
        originals: list[str] = []
        marked: list[Marks] = []
        maps: list[list[int] | None] = []

        def rewritten() -> Iterator[str]:
            for text in texts:
                originals.append(text)
                plain, marks = self.rewrite_marked(text)
                read, where = squeeze(plain)
                marked.append(marks)
                maps.append(where)
                yield read

        docs = self.nlp.pipe(rewritten(), batch_size=batch_size)
        k = 0
        while True:
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message=_QUIET)
                doc = next(docs, None)
            if doc is None:
                return
            yield self._mentions(doc, originals[k], marked[k], maps[k])
            originals[k], marked[k], maps[k] = "", (), None
            k += 1

    # -------------------------------------------------------------- doc -> mentions
    def _sections(self, doc: Doc) -> list[tuple[str, int] | None]:
        """Token index -> (section category, first token of its title), read once per note (the
        token-level extension getters of medspaCy are slow when called for every mention)."""
        out: list[tuple[str, int] | None] = [None] * len(doc)
        for section in doc._.sections:
            if section.category is None:
                continue
            start, end = section.section_span
            title_start, title_end = section.title_span
            seen_words = False
            ends_at_blank = "proposed" in self._section_effects.get(section.category, ())
            for i in range(start, end):
                # a blank line after a plan's first words ends it: a letter's boxed "Recommendation: staging CT" is
                # followed by prose that proposes nothing ("Plan:\n\n1. CT" still reads as the plan)
                if ends_at_blank and seen_words and i >= title_end and doc[i].is_space and doc[i].text.count("\n") > 1:
                    break
                seen_words = seen_words or (i >= title_end and not doc[i].is_space)
                out[i] = (section.category, title_start)
        return out

    @staticmethod
    def _cues(doc: Doc) -> dict[tuple[int, int], list[Any]]:
        """(start, end character) of a target -> the ConText cues that modify it, in the order medspaCy
        gives them to ``Span._.modifiers`` (read once per note: that getter is slow for every mention)."""
        out: dict[tuple[int, int], list[Any]] = {}
        for target, modifier in doc._.context_graph.edges:
            out.setdefault((target.start_char, target.end_char), []).append(modifier)
        return out

    def _effects(
        self,
        span: Span,
        cues: dict[tuple[int, int], list[Any]],
        shielded: list[bool],
        sents: _Sentences,
        sections: list[tuple[str, int] | None],
    ) -> set[str]:
        effects = set()
        for mod in cues.get((span.start_char, span.end_char), ()):
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

    def _order_finding(self, text: str, matched: str, neighbours: Callable[[], Sequence[str]] = tuple) -> Finding:
        """The study the words name, read by the order resolver (one vocabulary for every channel): a
        resolved reading names its study; an ambiguous one ("MRI brain": with or without contrast?) is
        unparsed with the resolver's choices, never a guess; words the resolver does not read keep the
        study the catalogue phrase matched."""
        from rightscan.domain import orders

        reading = orders.interpret(self.kb, text)
        if reading.status == "ambiguous":
            # the name alone is ambiguous ("mammogram"): a qualifier next to it may settle it. Each
            # neighbouring word is tried alone with the name; only one study reached by all that
            # settle it is taken ("mammogram ... (screening)"), never one of two.
            # words about contrast or joining ("with", "and") only count right after the name (_order_words)
            choices = {c.id for c in reading.choices}
            settled = set()
            for word in neighbours():  # read only for an ambiguous name
                if CONTRAST_AFTER.fullmatch(" " + word):
                    continue
                tried = orders.interpret(self.kb, f"{text} {word}")
                if tried.status == "resolved" and tried.study is not None:
                    settled.add(tried.study.id)
            settled = settled if settled <= choices else set()  # never a study the name did not offer
            if len(settled) == 1:
                return Finding("order", settled.pop())
        if reading.status == "resolved" and reading.study is not None:
            return Finding("order", reading.study.id)
        if reading.status == "ambiguous":
            choices = ", ".join(p.name for p in reading.choices[:4])
            return Finding("order", None, UNPARSED, f"the study named is ambiguous; one of: {choices}")
        return Finding("order", matched)

    def _study_finding(self, words: str) -> tuple[Finding, ...]:
        """A study written radiology-style, read by the order resolver: its longest reading from the
        start that names one study ("XR R humerus 2 views first" -> the first five words). Choices are
        left to the catalogue phrases: a bare modality ("hold off on the CT for now") names nothing new."""
        from rightscan.domain import orders

        parts = words.split()
        for n in range(len(parts), 1, -1):
            reading = orders.interpret(self.kb, " ".join(parts[:n]))
            if reading.status == "resolved" and reading.study is not None:
                return (Finding("order", reading.study.id),)
        return ()

    def _describe(self, span: Span, values: list[Any], text: str) -> dict[str, Any]:
        """Rule, family and findings of one span of the group."""
        label = span.label_
        if label.startswith("V") and label[1:].isdigit():
            rule, match = values[int(label[1:])]
            if rule.parser == "study":
                return {
                    "rule": rule.id,
                    "family": rule.family,
                    "start": match.start(),
                    "end": match.end(),
                    "findings": self._study_finding(match.group(0)),
                }
            return {
                "rule": rule.id,
                "family": rule.family,
                "start": match.start(),
                "end": match.end(),
                "findings": (found := tuple(value_layer.parse(self.rules, rule, match))),
                "confirm_values": value_layer.flagged_high(self.rules, text, match.end(), found),
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
                "findings": (
                    self._order_finding(
                        order_words(text, span.start_char, span.end_char),
                        label[len(PROCEDURE_PREFIX) :],
                        lambda: neighbour_words(text, span.start_char, span.end_char),
                    ),
                ),
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
            "confirm_values": target.confirm_values,
        }

    def _mentions(self, doc: Doc, original: str, marks: Marks = (), where: list[int] | None = None) -> list[Mention]:
        """Mentions of a doc built on the layout-normalised text; sentences quoted from the original. A mention
        inside a label the layout answers (``marks``) takes its effect (negated, or uncertain when both Yes and No
        are ticked), whatever ConText's scopes reach. ``where`` maps the doc's characters back to the note's
        when blanks were squeezed (``spacing``): every offset a mention reports is the note's."""
        values = doc.user_data.get(VALUE_KEY, [])
        spans = list(doc.spans[GROUP])
        text = doc_text(doc)
        described = [self._describe(span, values, text) for span in spans]
        spans, described = self._without_repeated_studies(spans, described)
        shielded = [False] * len(doc)  # token i lies inside a mention that protects its words
        for span, d in zip(spans, described, strict=True):
            if d["family"] not in self.rules.not_shielding:
                shielded[span.start : span.end] = [True] * (span.end - span.start)
        sents = _Sentences(doc)
        sections = self._sections(doc)
        cues = self._cues(doc)
        effects = []
        for span, d in zip(spans, described, strict=True):
            e = self._effects(span, cues, shielded, sents, sections)
            policy = self.rules.policies[d["family"]]
            if policy.at_note_start and self._at_note_start(doc, span, sents):
                e |= set(policy.at_note_start)
            if policy.alone_in_sentence and self._alone_in_sentence(span, sents):
                e |= set(policy.alone_in_sentence)
            if marks:
                start, end = (span.start_char, span.end_char) if where is None else (where[span.start_char],
                                                                                     where[span.end_char])  # fmt: skip
                e |= {effect for s, t, effect in marks if s <= start and end <= t}
            effects.append(e)
        self._one_study_named_twice(text, described)
        self._coordinate(doc, spans, described, effects, sents)
        self._share_in_lists(doc, described, effects)
        self._in_clause(doc, spans, described, effects, sents)
        self._carry_family(doc, spans, described, effects, sents)
        self._carry_explanation(doc, spans, described, effects, sents)
        self._carry_resolution(doc, spans, described, effects, sents)
        if where is not None:
            for d in described:
                d["start"], d["end"] = where[d["start"]], where[d["end"]]
        out = [
            Mention(sentence=sents.quote(original, span.start, where), effects=frozenset(e), **d)
            for span, d, e in zip(spans, described, effects, strict=True)
        ]
        out.sort(key=lambda m: (m.start, m.end))
        return out

    @staticmethod
    def _without_repeated_studies(
        spans: list[Span], described: list[dict[str, Any]]
    ) -> tuple[list[Span], list[dict[str, Any]]]:
        """A radiology-style study mention (``parser: study``) that overlaps a catalogue phrase, or reads
        as no study, is dropped: the catalogue mention speaks for those words."""
        named = [(d["start"], d["end"]) for d in described if d["rule"].startswith(PROCEDURE_PREFIX)]
        keep = [
            not (d["family"] == "procedure" and not d["rule"].startswith(PROCEDURE_PREFIX))
            or (bool(d["findings"]) and not any(s < d["end"] and d["start"] < e for s, e in named))
            for d in described
        ]
        pairs = [(s, d) for s, d, k in zip(spans, described, keep, strict=True) if k]
        return [s for s, _ in pairs], [d for _, d in pairs]

    def _one_study_named_twice(self, text: str, described: list[dict[str, Any]]) -> None:
        """A study and its variant named in one clause without a connector ("diagnostic mammogram with
        tomosynthesis", "mammogram due (tomosynthesis)") are one study: when the two names read together
        settle on the study of one of them, both mentions name that study."""
        from rightscan.domain import orders

        procs = sorted((d for d in described if d["family"] == "procedure"), key=lambda d: d["start"])
        for a, b in itertools.pairwise(procs):
            between = text[a["end"] : b["start"]]
            if b["start"] < a["end"] or len(between) > 40 or NOT_ONE_CLAUSE.search(between):
                continue
            if any(w in self.rules.coordination_connectors for w in WORDS.findall(between.lower())):
                continue
            studies = {a["findings"][0].value, b["findings"][0].value}
            if len(studies) < 2:
                continue
            together = orders.interpret(self.kb, f"{text[a['start'] : a['end']]} {text[b['start'] : b['end']]}")
            if together.status == "resolved" and together.study is not None and together.study.id in studies:
                a["findings"] = b["findings"] = (Finding("order", together.study.id),)

    def _in_clause(
        self, doc: Doc, spans: list[Span], described: list[dict[str, Any]], effects: list[set[str]], sents: _Sentences
    ) -> None:
        """Effects a family reads from its whole clause (``in_clause``, ``implied_by`` in context.yaml)."""
        cues: dict[int, list[tuple[int, int, str]]] | None = None  # sentence -> its cues, in graph order
        backward: set[int] = set()  # first tokens of the cues that look back (a resolution: "... has resolved")
        negated_at: set[int] = set()
        first_of_family: dict[str, list[int]] = {}
        text = doc_text(doc)
        for i, (span, d) in enumerate(zip(spans, described, strict=True)):
            policy = self.rules.policies[d["family"]]
            e = effects[i]
            for effect, combos in policy.implied_by.items():
                if any(combo <= e for combo in combos):
                    e.add(effect)
            if not policy.in_clause or "warning" in e or "negated" in e:
                continue
            if cues is None:  # read once per note, kept per sentence (a cue's clause never leaves it)
                cues = {}
                for mod in doc._.context_graph.modifiers:
                    effect = self.rules.categories.get(mod.category)
                    s, t = mod.modifier_span
                    name = effect if effect is not None else "|" + mod.category
                    cues.setdefault(sents.index[s], []).append((s, t, name))
                    if effect == "negated":
                        negated_at.add(t)
                    if mod.direction.upper() == "BACKWARD":
                        backward.add(s)
                for sp, dd in zip(spans, described, strict=True):
                    first_of_family.setdefault(dd["family"], []).append(sp.start)
                for starts in first_of_family.values():
                    starts.sort()
            sent = sents.of(span.start)
            line_start = text.rfind("\n", 0, span.start_char) + 1
            nl = text.find("\n", span.end_char)
            line_end = len(text) if nl < 0 else nl
            # a negated warning is reassurance ("no new weakness"): a warning right after a negation cue is dropped
            here = [(s, effect) for s, t, effect in cues.get(sents.index[span.start], ())
                    if t <= sent.end and line_start <= doc[s].idx < line_end
                    and not (effect == "warning" and s in negated_at)]  # fmt: skip
            if "historical" in policy.in_clause:
                # a resolution later in the clause: only a cue that looks back speaks of the finding before it
                # ("the back pain she had when ..., has completely resolved"; not "back pain, prior scans normal"),
                # only up to the next finding of the family ("hip pain, and the headache has resolved": the hip
                # pain stays) or a new onset, and only without a warning between the two ("back pain which
                # resolved last year; now a new headache" is resolved, the headache's warning is not its own)
                family_starts = first_of_family[d["family"]]
                k = bisect.bisect_left(family_starts, span.end)
                until = min([s for s, x in here if x in self._clause_breaks and s >= span.end]
                            + family_starts[k : k + 1] + [sent.end, span.end + IN_CLAUSE_REACH])  # fmt: skip
                cue = next((s for s, x in here if x == "historical" and s in backward and span.end <= s < until
                            and s not in negated_at and s - 1 not in negated_at), None)  # fmt: skip
                if cue is not None and not any(x == "warning" and span.end <= s < cue for s, x in here):
                    e.add("historical")
            if any(effect == "warning" for _, effect in here):
                # a warning later in the symptom's own clause applies to it ("headaches from known OA, worse at
                # night"): the clause ends at a terminator, a new onset or the next finding of its family
                family_starts = first_of_family[d["family"]]
                k = bisect.bisect_left(family_starts, span.end)
                nxt = family_starts[k : k + 1]
                stop = min([s for s, x in here if x.startswith("|") and s >= span.end] + nxt, default=sent.end)
                if any(x == "warning" and span.end <= s < stop for s, x in here):
                    e.add("warning")
                continue
            # the clause ends at a new-onset cue ("back pain x 3 wks, now w/ leg weakness, tripped twice")
            stop = min((s for s, x in here if x in self._clause_breaks and s >= span.end), default=sent.end)
            # and never reaches further than a clause does: in a dictated run-on without full stops the "sentence"
            # is the whole history, and a past-history item 40 words on does not explain today's symptom
            stop = min(stop, span.end + IN_CLAUSE_REACH)
            # a negated explanation explains nothing ("no URI", "not related to meals")
            for effect in policy.in_clause:
                if effect == "historical":
                    continue  # read above, before the warnings
                if any(x == effect and span.end <= s < stop and s not in negated_at and s - 1 not in negated_at
                       for s, x in here):  # fmt: skip
                    e.add(effect)

    def _carry_family(
        self, doc: Doc, spans: list[Span], described: list[dict[str, Any]], effects: list[set[str]], sents: _Sentences
    ) -> None:
        """``carried_family`` in context.yaml: "my mom had ... . She had bone pain" is about the mother."""
        if not self._possessive_words.search(doc_text(doc)):  # cheap test first: most notes have none
            return
        if not any(t.lower_ in self.rules.carried_possessives for t in doc):
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

    def _carry_explanation(
        self, doc: Doc, spans: list[Span], described: list[dict[str, Any]], effects: list[set[str]], sents: _Sentences
    ) -> None:
        """``carried_explanation`` in context.yaml: a sentence that points back ("it", "the pain") and explains,
        with no warning qualifier in either sentence, explains the symptoms of the sentence before it."""
        if not self.rules.carried_anaphors:
            return
        targets = [i for i, d in enumerate(described)
                   if "explained" in self.rules.policies[d["family"]].in_clause]  # fmt: skip
        if not targets:
            return
        cues: dict[int, list[tuple[int, str | None]]] = {}
        for mod in doc._.context_graph.modifiers:
            start = mod.modifier_span[0]
            cues.setdefault(sents.index[start], []).append((start, self.rules.categories.get(mod.category)))

        def standing(k: int, effect: str) -> list[int]:
            here = cues.get(k, [])
            negated = {s for s, e in here if e == "negated"}
            return [s for s, e in here if e == effect and s not in negated and s - 1 not in negated]

        for i in targets:
            k = sents.index[spans[i].start]
            if k + 1 >= len(sents.spans) or "warning" in effects[i] or standing(k, "warning"):
                continue
            explains = standing(k + 1, "explained")
            if not explains or standing(k + 1, "warning"):
                continue
            nxt = sents.spans[k + 1]
            words = [t.lower_ for t in doc[nxt.start : min(explains)]]
            said = " " + " ".join(words) + " "
            if any(f" {a} " in said for a in self.rules.carried_anaphors):
                effects[i].add("explained")

    def _carry_resolution(
        self, doc: Doc, spans: list[Span], described: list[dict[str, Any]], effects: list[set[str]], sents: _Sentences
    ) -> None:
        """A sentence that opens with a resolution and names nothing it resolves ("Back to baseline by day 4.",
        "Resolved with inhalers.") speaks of the last sentence before it, in its paragraph, that names a
        symptom ("Presented with 4 days of dyspnoea and productive cough. Treated with nebulisers and
        prednisone. Back to baseline by 2/14."): the symptoms of that sentence are historical, unless one
        carries a warning qualifier (the resolution may be of something the sentences between name: "New hip
        pain at night. Treated for a UTI. Back to baseline."). A resolution
        that is asked or doubted ("Back to baseline?", "possibly resolved") resolves nothing; at most three
        sentences are looked back over, never past a blank line or into another section."""
        symptom_at = [i for i, d in enumerate(described) if "historical" in self.rules.policies[d["family"]].ignore
                      and "historical" in self.rules.policies[d["family"]].in_clause]  # fmt: skip
        if not symptom_at:
            return
        by_sentence: dict[int, list[int]] = {}
        for i in symptom_at:
            by_sentence.setdefault(sents.index[spans[i].start], []).append(i)
        openers: dict[int, tuple[int, int]] = {}  # sentence -> (first token of its opening resolution cue, its end)
        spoiled: set[int] = set()  # sentences with a negation or a question next to the resolution
        for mod in doc._.context_graph.modifiers:
            s, t = mod.modifier_span
            k = sents.index[s]
            effect = self.rules.categories.get(mod.category)
            if effect in ("question", "uncertain"):
                spoiled.add(k)
            if effect != "historical" or mod.direction.upper() != "BACKWARD":
                continue
            first = next((tok.i for tok in sents.spans[k] if not (tok.is_space or tok.is_punct)), None)
            if first == s:
                openers[k] = (s, t)
        text = doc_text(doc)
        sections = None
        for k in sorted(openers):
            if k in spoiled or k in by_sentence:
                continue
            for back in range(k - 1, max(k - 4, -1), -1):
                between = text[sents.spans[back].end_char : sents.spans[back + 1].start_char + 1]
                if "\n\n" in between or "\n\n" in text[sents.spans[back].start_char : sents.spans[back].end_char]:
                    break
                if sections is None:
                    sections = self._sections(doc)
                if sections[sents.spans[back].start] != sections[sents.spans[k].start]:
                    break
                found = by_sentence.get(back)
                if found:
                    for i in found:
                        if "warning" not in effects[i]:  # "new hip pain at night. Treated for a UTI. Back to baseline."
                            effects[i].add("historical")
                    break

    def _share_in_lists(self, doc: Doc, described: list[dict[str, Any]], effects: list[set[str]]) -> None:
        """Findings joined by list connectors share a negated, hypothetical or family scope: in "call us if
        you develop bone pain, headaches or shortness of breath" every item is hypothetical, however long
        the list (a cue's own scope may stop before the last items)."""
        text = doc_text(doc)
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
        text = doc_text(doc)
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
