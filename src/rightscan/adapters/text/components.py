"""The spaCy components of the note pipeline and its assembly (``build``).

medspaCy's tokenizer; RightScan's sentence splitter (``SentenceBreaks``); medspaCy's sectionizer with
the section titles of ``context.yaml``; the target matcher with the concept phrases of ``targets.yaml``
(plus every procedure name, synonym and CPT code of the core catalogue); ``ValueMatcher``, which adds
the regex value mentions of ``values.yaml``; and ConText with the cues of ``context_rules.json``, loaded
by medspaCy's own ``ConTextRule.from_json``. All matches live in one span group so that overlapping
mentions (a size inside "cT2 (3.2 cm)") are all kept and all get their context. ConText compares cues
sentence by sentence (``SentenceGraph``). Importing this module imports spaCy.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from collections.abc import Iterator
from typing import Any, Optional

import medspacy.context.context as _medspacy_context
import numpy
from loguru import logger
from medspacy.context.context_graph import ConTextGraph
from spacy.attrs import IS_SPACE, LOWER, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span

from rightscan.adapters.text import values as value_layer
from rightscan.adapters.text.cue_matcher import anchor
from rightscan.adapters.text.cue_phrases import as_phrases
from rightscan.adapters.text.doubt_findings import qualifies_a_finding
from rightscan.adapters.text.firstchars import finditer_at, pair_positions
from rightscan.adapters.text.line_end_denials import reach_of_given, with_wrapped_denials
from rightscan.adapters.text.literal_guard import guardable, may_match, required_literals
from rightscan.adapters.text.rules import Rules, context_rules_path, load_rules
from rightscan.adapters.text.target_phrases import add_targets

GROUP = "rightscan"
VALUE_KEY = "rightscan_values"
PROCEDURE_PREFIX = "procedure."
TEXT_KEY = "rightscan_text"
GAPS_KEY = "rightscan_wide_gaps"  # round 18f: where a form's wide gap between fields was squeezed (spacing)
# round 22s: the tokens that open a sentence written in lower case ("no fever. new bone pain"): no sentence start (a
# wrapped or abbreviated line reads on), but a denial's scope ends there (``_Context``)
SOFT_ENDS_KEY = "rightscan_soft_sentence_ends"
DENIAL = "NEGATED_EXISTENCE"
_CLAUSE_ENDS = frozenset({".", "!", "?", ";", ":", "|"})
_LIST_WORDS = frozenset({"or", "and", "nor", "&"})
# eleventh security pass F2: a pain score after a join grades the item before it ("new severe bone pain R hip, 7/10",
# "... (8/10)"): it describes that item and opens no other one
_SCORE = re.compile(r"\d{1,2}(?:\.\d)?/10")

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
        for modifiers, targets in self._buckets.values():
            reach = [m._scope_end for m in modifiers]  # each forward cue's own scope, before any limit
            # ``limit_scope(a, b)`` changes nothing unless b can end a's scope: a is not a termination and b is one,
            # or b's category is a's own or one that terminates a. That test reads only the rules, so it is made
            # here first and the call is skipped when it fails (the same scopes, fewer calls).
            kinds = [(m.direction.upper(), m.category.upper(), m.rule.terminated_by) for m in modifiers]
            for i in range(len(modifiers) - 1):
                m1 = modifiers[i]
                d1, c1, ends1 = kinds[i]
                for j in range(i + 1, len(modifiers)):
                    m2 = modifiers[j]
                    d2, c2, ends2 = kinds[j]
                    ends = d2 == "TERMINATE" or c2 in ends1 or c2 == c1
                    if d1 != "TERMINATE" and ends and not qualifies_a_finding(m1, c1, m2, c2, targets):
                        m1.limit_scope(m2)
                    if d2 != "TERMINATE" and (d1 == "TERMINATE" or c1 in ends2 or c1 == c2):
                        m2.limit_scope(m1)
            _continue_scopes(modifiers, reach)

    def apply_modifiers(self) -> None:
        if self.prune_on_modifier_overlap:  # not used by RightScan: keep medspaCy's own code path
            super().apply_modifiers()
            return
        buckets = getattr(self, "_buckets", None) or self._by_sentence()
        for modifiers, targets in buckets.values():
            scopes = [(m._scope_start, m._scope_end) for m in modifiers]
            for target in targets:
                start, end = target.start, target.end
                for modifier, (lo, hi) in zip(modifiers, scopes, strict=True):
                    # ``modifies`` is False when the target neither starts nor ends in the cue's scope (medspaCy's
                    # ``tuple_overlaps``); that test is made here first, without the call
                    if not (lo <= start < hi or lo < end <= hi):
                        continue
                    if modifier.modifies(target):
                        modifier.modify(target)
        edges = []
        for modifier in self.modifiers:
            modifier.reduce_targets()
            for target in modifier._targets:
                edges.append((target, modifier))
        self.edges = edges
        self._buckets = {}


# The categories whose scope a later cue of the same category continues (``_continue_scopes``): what is to be
# watched for ("if you develop ...", "call for ...") is a list of its own however long. Negation is not
# continued: in a dictated run-on sentence "no" + "denies" would reach the plan 60 words on.
CONTINUED_CATEGORIES = frozenset({"HYPOTHETICAL"})


def _continue_scopes(modifiers: list[Any], reach: list[int]) -> None:
    """A forward hypothetical cue inside the scope of an earlier one continues that scope.

    medspaCy cuts a cue's scope at the next cue of the same category, so that each finding is modified by
    the nearest cue; the union of the two scopes is meant to stay what the first cue covered. When the
    second cue's own reach is shorter ("If you develop" + 8 words), the end of the first cue's scope was
    lost: in "if you develop weakness, trouble speaking, vision changes or a seizure" the seizure fell out
    of the hypothetical. The second cue now reaches as far as the first did, and is limited again by the
    terminations and the cues of other categories after it, as the first would have been."""
    for j, m2 in enumerate(modifiers):
        if m2.direction.upper() != "FORWARD" or m2.category.upper() not in CONTINUED_CATEGORIES:
            continue
        start = m2.modifier_span[0]
        longest = m2._scope_end
        for i in range(j):
            m1 = modifiers[i]
            if (m1.category == m2.category and m1.direction.upper() == "FORWARD"
                    and m1.modifier_span[1] <= start < reach[i]):  # fmt: skip
                longest = max(longest, reach[i])
        if longest <= m2._scope_end:
            continue
        m2._scope_end = longest
        for m3 in modifiers:
            if m3 is not m2 and (m3.category != m2.category or m3.modifier_span[0] > start):
                m2.limit_scope(m3)


SENTENCES_KEY = "rightscan_sentence_bounds"


def sentence_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Token index -> (first token of its sentence, end of its sentence), as ``Token.sent`` gives them, read once
    per doc from the sentence-start array and kept in ``doc.user_data`` (call it after the sentences are set)."""
    held = doc.user_data.get(SENTENCES_KEY)
    if held is not None:
        return held
    n = len(doc)
    flags = doc.to_array([SENT_START]).tolist() if n else []
    first, end = [0] * n, [n] * n
    current = 0
    for i, flag in enumerate(flags):
        if flag == 1 and i:
            for j in range(current, i):
                end[j] = i
            current = i
        first[i] = current
    held = doc.user_data[SENTENCES_KEY] = (first, end)
    return held


def _sentence_starts(doc: Doc) -> list[int]:
    """Token index -> index of the first token of its sentence."""
    return sentence_bounds(doc)[0]


class _Context:
    """medspaCy's ConText component (1.3.1) with each cue's scope read from the sentence bounds computed once per
    doc (``sentence_bounds``) instead of ``Token.sent``, which scans the doc for each cue: the same cues, scopes,
    graph and span attributes. Used only with the settings RightScan gives it (targets from a span group, no
    window ``max_scope``), as checked by ``_plain_context``; otherwise medspaCy's own ``__call__`` runs."""

    def __call__(self, doc: Doc, targets: str | None = None) -> Doc:
        if targets:
            return super().__call__(doc, targets)  # type: ignore[misc]
        graph = _medspacy_context.ConTextGraph(prune_on_modifier_overlap=self.prune_on_target_overlap)  # type: ignore[attr-defined]
        graph.targets = doc.spans[self.span_group_name]  # type: ignore[attr-defined]
        matcher = self._ConText__matcher  # type: ignore[attr-defined]
        rule_map = matcher.rule_map
        strings = doc.vocab.strings
        first, end_of = sentence_bounds(doc)
        soft = doc.user_data.get(SOFT_ENDS_KEY) or ()
        modifiers = []
        handled = getattr(self, "handled_relatives", None)
        # sixteenth pass F7: "Patient denies any\nbone pain." (line_end_denials)
        matches, given = with_wrapped_denials(doc, matcher, matcher(doc), first)
        for match_id, start, end in matches:
            rule = rule_map[strings[match_id]]
            if handled is not None and rule.category == "FAMILY" and _handled(doc, start, *handled):
                continue  # round 28: "back pain after lifting her grandson, but now ...": what she lifted
            scope_start, scope_end = _scope(rule, start, end, first[start], end_of[start])
            if soft and rule.category == DENIAL:
                scope_start, scope_end = _before_soft_ends(soft, start, end, scope_start, scope_end)
            if start in given:
                scope_end = reach_of_given(doc, scope_start, scope_end, getattr(self, "line_end_stops", frozenset()))
            modifiers.append(_Cue(rule, start, end, doc, scope_start, scope_end))
        graph.modifiers = modifiers
        graph.update_scopes()
        graph.apply_modifiers()
        for target, modifier in graph.edges:
            target._.modifiers += (modifier,)
        if self.context_attributes_mapping:  # type: ignore[attr-defined]
            self.set_context_attributes(graph.edges)  # type: ignore[attr-defined]
        doc._.context_graph = graph
        return doc


class _Cue(_medspacy_context.ConTextModifier):  # type: ignore[misc]
    """medspaCy's ``ConTextModifier`` with its rule, category, direction and span kept as plain attributes: the rule
    passes read a cue's category thousands of times a note, each read two property calls in medspaCy. The same
    values (a cue's rule and span never change after it is made)."""

    rule = category = direction = modifier_span = None  # shadow the properties: each cue sets its own

    def __init__(self, rule: Any, start: int, end: int, doc: Doc, scope_start: int, scope_end: int) -> None:
        self.rule, self.category, self.direction, self.modifier_span = rule, rule.category, rule.direction, (start, end)
        super().__init__(rule, start, end, doc, scope_start, scope_end)


def _handled(doc: Doc, start: int, verbs: frozenset[str], between: frozenset[str]) -> bool:
    """Whether the relative a family cue starting at ``start`` names is the object of what the patient did with her
    hands (``carried_family.handled_verbs``: "after lifting her grandson", "carrying my husband"): no family scope."""
    i = start - 1
    while i >= 0 and start - i <= 3 and doc[i].lower_ in between:
        i -= 1
    return i >= 0 and doc[i].lower_ in verbs


def _scope(rule: Any, start: int, end: int, sent_start: int, sent_end: int) -> tuple[int, int]:
    """A cue's scope in its sentence, cut by its rule's ``max_scope``, as ``ConTextModifier`` sets it without a
    window."""
    direction, limit = rule.direction.lower(), rule.max_scope
    if direction == "forward":
        scope_start, scope_end = end, sent_end
        if limit is not None and scope_end - scope_start > limit:
            scope_end = end + limit
    elif direction == "backward":
        scope_start, scope_end = sent_start, start
        if limit is not None and scope_end - scope_start > limit:
            scope_start = start - limit
    else:
        scope_start, scope_end = sent_start, sent_end
        if limit is not None and start - scope_start > limit:
            scope_start = start - limit
        if limit is not None and scope_end - end > limit:
            scope_end = end + limit
    return scope_start, scope_end


def _before_soft_ends(soft: Any, start: int, end: int, scope_start: int, scope_end: int) -> tuple[int, int]:
    """A denial's scope kept between the sentence ends written in lower case around its cue (round 22s: "no fever.
    new severe bone pain" states the bone pain; the eighth security pass)."""
    k = bisect.bisect_left(soft, end)
    if k < len(soft):
        scope_end = min(scope_end, soft[k])
    k = bisect.bisect_right(soft, start) - 1
    if k >= 0:
        scope_start = max(scope_start, soft[k])
    return scope_start, scope_end


def _plain_context(context: Any) -> None:
    """Give the ConText component ``_Context.__call__`` when its settings are the ones that code reproduces."""
    if context.input_span_type == "group" and not context.max_scope:
        context.__class__ = type("ConText", (_Context, type(context)), {})


# medspaCy's ConText component builds its graph from this module-level name on every call.
_medspacy_context.ConTextGraph = SentenceGraph  # type: ignore[misc]


def doc_text(doc: Doc) -> str:
    """The doc's text, joined once per note (``Doc.text`` joins every token again on each call)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


class ValueMatcher:
    """Adds the ``values.yaml`` regex matches to the span group (after the target matcher)."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.pairs = frozenset(p for rule in rules.values for p in (rule.starts or ()))
        self._starts = [None if rule.starts is None else tuple(sorted(rule.starts)) for rule in rules.values]
        self._literals = [required_literals(rule.regex) for rule in rules.values]  # literal_guard.py

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        gaps = doc.user_data.get(GAPS_KEY, frozenset())
        group = doc.spans[GROUP]
        kept: dict[str, tuple[list[int], list[int]]] = {}  # per group: sorted disjoint (starts, ends)
        found: list[tuple[Any, Any]] = []
        positions = pair_positions(text, self.pairs)
        lower = text.lower() if guardable(text) else None
        held: dict[str, bool] = {}  # word -> whether the lower-cased note holds it (asked once per note)
        for rule, firsts, clauses in zip(self.rules.values, self._starts, self._literals, strict=True):
            if clauses and lower is not None and not may_match(clauses, lower, held):
                continue  # the note lacks a word every match needs: no match
            if firsts is None or positions is None:
                matches: Iterator[re.Match[str]] = rule.regex.finditer(text)
            else:  # the same matches, tried only where the pattern's first two characters stand
                lists = [positions[p] for p in firsts if p in positions]
                if not lists:
                    continue  # none of its first two characters in the note: no match
                candidates = lists[0] if len(lists) == 1 else sorted(itertools.chain.from_iterable(lists))
                matches = finditer_at(rule.regex, text, candidates)
            starts, ends = kept.setdefault(rule.group, ([], []))
            for m in matches:
                start, end = m.span()
                if start == end:
                    continue
                pos = bisect.bisect_right(starts, start)
                if (pos and ends[pos - 1] > start) or (pos < len(starts) and starts[pos] < end):
                    continue
                if value_layer.rejected(rule, text, start, end, gaps):
                    continue
                span = doc.char_span(start, end, label=f"V{len(found)}", alignment_mode="expand")
                if span is None:
                    continue
                starts.insert(pos, start)
                ends.insert(pos, end)
                found.append((rule, m))
                group.append(span)
        doc.user_data[VALUE_KEY] = found
        return doc


def _within_number(texts: list[str], k: int) -> bool:
    """Token ``k`` stands between two numbers ("6/10", "3/52"): a score's or a date's slash, no list's join."""
    return 0 < k < len(texts) - 1 and texts[k - 1].isdigit() and texts[k + 1].isdigit()


def _grades(texts: list[str], k: int) -> bool:
    """A pain score starts at token ``k``, bare or in brackets ("7/10", "(7/10)"; the tokenizer splits "7", "/",
    "10")."""
    if texts[k] == "(":
        k += 1
    return _SCORE.fullmatch("".join(texts[k : k + 3])) is not None


class SentenceBreaks:
    """RightScan's sentence splitter, linear in the note (it replaced PyRuSH, whose pure-Python rule
    engine took half of the extraction time). A sentence starts:

    - after a line break, unless the line break only wraps a sentence (the next line starts with a
      lower-case word and the line before does not end with a full stop, colon or question mark);
    - after a token ending with one of `after` ("." "!" "?") and followed by a space, when the next
      word starts with a capital, a digit or a bracket, unless the word before the mark is a listed
      abbreviation ("Dr. Smith", "approx. 2 cm").

    A sentence is never longer than ``overlong_tokens`` (context.yaml): ConText's work grows with the
    square of a sentence's length, so an overlong one (a list run together without capitals) is cut
    after its last list separator in the second half of the limit, else at the limit."""

    def __init__(self, rules: Rules) -> None:
        self.after = tuple(rules.sentence_break_after)
        self.exceptions = rules.sentence_break_except
        self.max_tokens = rules.sentence_max_tokens
        self.split_after = rules.sentence_split_after
        self.denial_ends_at = rules.denial_ends_at
        self.denial_ends_after = rules.denial_ends_after
        self.denial_qualifiers = rules.denial_ending_qualifiers
        self.soft_exceptions = rules.denial_ends_except_after
        self.describing = rules.denial_list_describing_words

    def __call__(self, doc: Doc) -> Doc:
        # the tokens' text, lower case and blanks read as arrays: a Token object per attribute read costs more
        n = len(doc)
        orth, lower, space, spaced = doc.to_array([ORTH, LOWER, IS_SPACE, SPACY]).T.tolist() if n else ([],) * 4
        strings = doc.vocab.strings
        texts = [strings[o] for o in orth]
        starts = [False] * n
        if n:
            starts[0] = True
        after, exceptions = self.after, self.exceptions
        soft: list[int] = []
        listed = self._list_goes_on(texts, lower, strings)
        for i in range(n - 1):
            text = texts[i]
            nxt = texts[i + 1]
            if self._ends_denial(text, strings[lower[i + 1]], listed[i + 1]):
                soft.append(i + 1)
            if space[i]:
                if "\n" in text:
                    prev = texts[i - 1] if i else ""
                    wraps = nxt[:1].islower() and "\n\n" not in text and not prev.endswith((".", ":", "?", "!"))
                    if not wraps:
                        starts[i] = (i > 0 and not space[i - 1]) or starts[i]
                        starts[i + 1] = True
                continue
            if not spaced[i]:  # no blank after the token (spaCy keeps one space at most there, never a line break)
                continue
            if not text.endswith(after):
                continue
            first = nxt[:1]
            opens = first.isupper() or first.isdigit() or first in "([-*•?"  # round 57n: "+ RT. ?recurrence vs ..."
            if not (opens or first.isalpha()):
                continue
            word = strings[lower[i - 1]] if (text in after and i) else text[:-1].lower()
            if word in exceptions:
                continue
            if opens:
                starts[i + 1] = True
            elif word not in self.soft_exceptions:
                soft.append(i + 1)
        doc.user_data[SOFT_ENDS_KEY] = soft
        self._bound(texts, space, starts)
        if n:  # one array write: setting Token.is_sent_start scans the whole doc on every call
            flags = numpy.array([1 if start else -1 for start in starts], dtype="int64").astype("uint64")
            doc.from_array([SENT_START], flags.reshape(-1, 1))
        return doc

    def _list_goes_on(self, texts: list[str], lower: list[int], strings: Any) -> list[bool]:
        """Token index -> does a list join (a comma, slash, "or", "and") follow it in its clause? A qualified item
        inside a denied list goes on as one of its items ("neg for CP, new SOB, wt loss, HA"). A join before a
        describing word ("..., worse in the morning") describes the item before it and opens no item."""
        n = len(texts)
        out = [False] * n
        goes_on = False
        describing = self.describing
        for i in range(n - 1, -1, -1):
            out[i] = goes_on
            text = texts[i]
            if text in _CLAUSE_ENDS or "\n" in text:
                goes_on = False
            elif (text in self.denial_ends_after or strings[lower[i]] in _LIST_WORDS) and not _within_number(texts, i):
                goes_on = i + 1 >= n or not (strings[lower[i + 1]] in describing or _grades(texts, i + 1))
        return out

    def _ends_denial(self, text: str, next_lower: str, listed: bool) -> bool:
        """Round 22s: a denial's scope ends after an inline bullet, or after a comma or slash opening a statement of its
        own by a warning qualifier ("no fever, new severe bone pain"), unless the list goes on after it (``listed``)."""
        if text in self.denial_ends_at:
            return True
        return text in self.denial_ends_after and next_lower in self.denial_qualifiers and not listed

    def _bound(self, texts: list[str], space: list[int], starts: list[bool]) -> None:
        """Cut every sentence longer than ``max_tokens``: each cut looks back at most half the limit
        and moves the sentence start forward by at least half of it, so the pass is linear."""
        limit, split = self.max_tokens, self.split_after
        first = 0
        for i in range(len(texts)):
            if starts[i]:
                first = i
            elif i - first >= limit:
                cut = i
                for j in range(i - 1, first + limit // 2, -1):
                    if space[j] or texts[j] in split:
                        cut = j + 1
                        break
                starts[cut] = True
                first = cut


class _Sections:
    """medspaCy's sectionizer (1.3.1) without the per-token ``token._.section`` writes, which nothing here reads (a
    Python attribute write for every token of the note): the same sections in ``doc._.sections``. Used only with
    the settings RightScan gives it (no parent sections, no section length limit, no sentence boundaries, no span
    attributes), as checked by ``_plain_sections``; otherwise medspaCy's own ``__call__`` runs."""

    def __call__(self, doc: Doc) -> Doc:
        from medspacy.section_detection import Section

        matches = self._Sectionizer__matcher(doc)  # type: ignore[attr-defined]
        if self.require_start_line:  # type: ignore[attr-defined]
            matches = self.filter_start_lines(doc, matches)  # type: ignore[attr-defined]
        n = len(doc)
        if not matches:
            doc._.sections = [Section(None, 0, 0, 0, n)]
            return doc
        sections = [Section(None, 0, 0, 0, matches[0][1])] if matches[0][1] != 0 else []
        rules = self._Sectionizer__matcher.rule_map  # type: ignore[attr-defined]
        strings = doc.vocab.strings
        for i, (match_id, start, end) in enumerate(matches):
            rule = rules[strings[match_id]]
            stop = matches[i + 1][1] if i + 1 < len(matches) else n
            sections.append(Section(rule.category, start, end, end, stop, None, rule))
        doc._.sections = sections
        return doc


def _plain_sections(sectionizer: Any) -> None:
    """Give the sectionizer ``_Sections.__call__`` when its settings are the ones that code reproduces."""
    plain = (
        not sectionizer.require_end_line
        and not sectionizer._parent_sections
        and sectionizer.max_section_length is None
        and not sectionizer._apply_sentence_boundary
        and not sectionizer.assertion_attributes_mapping
        and all(rule.max_scope is None for rule in sectionizer.rules)
    )
    if plain:
        sectionizer.__class__ = type("Sectionizer", (_Sections, type(sectionizer)), {})


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
    _plain_sections(sectionizer)
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
    add_targets(matcher, targets, nlp.tokenizer.pipe)
    nlp.add_pipe("rightscan_values", config={"directory": directory})
    # terminating types go on each rule: the component's own `terminating_types` setting reaches only
    # the first rule of a category in medspaCy 1.3.1 (the lists become one-shot iterators).
    context = nlp.add_pipe(
        "medspacy_context", config={"rules": None, "input_span_type": "group", "span_group_name": GROUP}
    )
    # the cues load as medspaCy reads its own rule files; the terminations come from the context file
    cues = ConTextRule.from_json(str(context_rules_path(directory)))
    for cue in cues:
        cue.terminated_by = set(rules.terminating_types.get(cue.category, ()))
    # word-list patterns as phrases: the same matches, read by the phrase matcher (cue_phrases)
    cues = as_phrases(cues, lambda text: [t.lower_ for t in nlp.make_doc(text)])
    context.add(cues)
    anchor(context)  # only the token patterns a note's words allow are run (cue_matcher)
    if rules.family_handled_verbs:
        between = frozenset({"up", "for", "after", *rules.carried_possessives, "the", "a", "little", "baby", "young"})
        context.handled_relatives = (rules.family_handled_verbs, between)
    # sixteenth pass F7: where a denial given back at a line's end stops (line_end_denials.reach_of_given)
    context.line_end_stops = frozenset(
        w.lower() for w in (*rules.layout["vertical_list_stops"], *rules.denial_ending_qualifiers)
    )
    _plain_context(context)
    return nlp
