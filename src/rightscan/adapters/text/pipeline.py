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
from rightscan.adapters.text.circled_answers import ChosenAnswers
from rightscan.adapters.text.components import GAPS_KEY, GROUP, PROCEDURE_PREFIX, TEXT_KEY, VALUE_KEY, build, doc_text
from rightscan.adapters.text.criteria_met import CriteriaMet
from rightscan.adapters.text.denial_blocks import compile_denial_blocks, join_denial_blocks
from rightscan.adapters.text.form_rows import FORM_WORDING
from rightscan.adapters.text.gate_answers import GateAnswers
from rightscan.adapters.text.graded_rows import GRADED
from rightscan.adapters.text.headed_lists import compile_headed_lists, join_headed_lists
from rightscan.adapters.text.item_reach import bar_between
from rightscan.adapters.text.lasting_history import LastingHistory
from rightscan.adapters.text.layout import Marks, break_runs, compile_layout, normalise_marked
from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.negation_reach import LAYOUT_NEGATED_KEY
from rightscan.adapters.text.ocr_swaps import undo_swaps
from rightscan.adapters.text.order_lines import order_line, payer_title
from rightscan.adapters.text.pain_where import compile_pain_where, pain_sites
from rightscan.adapters.text.phrase_wraps import PhraseBreaks, join_phrase_wraps
from rightscan.adapters.text.report_titles import ReportTitles
from rightscan.adapters.text.rule_pass import NoteMentions
from rightscan.adapters.text.rules import load_rules
from rightscan.adapters.text.scopes import Scopes
from rightscan.adapters.text.sentences import Sentences
from rightscan.adapters.text.spacing import soft_hyphens, squeeze, unwrap, wide_gaps
from rightscan.adapters.text.speaker_answers import SpeakerAnswers, blank, restore
from rightscan.adapters.text.study_words import (
    CONTRAST_AFTER,
    NOT_ONE_CLAUSE,
    WORDS,
    neighbour_words,
    only_qualifiers,
    only_sides,
    only_title_qualifiers,
    order_words,
    set_off_contrast,
    word_joined_after,
)
from rightscan.adapters.text.trailing_signs import SYMPTOM_ONLY
from rightscan.adapters.text.unanswered_pairs import GlyphRows
from rightscan.adapters.text.values import FACT, NOTE, UNPARSED, Finding

# round 18g: a word made of two body parts joined by a slash ("breast/chest"); short parts ("w/wo", "c/a/p", "b/l") are
# abbreviations, not alternatives
_ALTERNATIVES = re.compile(r"[A-Za-z]{3,}(?:/[A-Za-z]{3,})+")
_PLAIN_BETWEEN = re.compile(r"[ \t]*(?:[A-Za-z]+/?[ \t]+){1,4}")  # round 37p: "SCREENING BILATERAL W/ "

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
        self._section_spares = {s.category: s.spares for s in self.rules.sections}
        self._section_gives_way = {s.category: dict(s.gives_way) for s in self.rules.sections}
        self.scopes = Scopes(self.rules)
        self._criteria = CriteriaMet(self.rules.red_flag_readings)  # round 36a
        self._lasting = LastingHistory(self.rules.red_flag_readings)  # round 23a: "h/o back pain x 6 wks"
        self._reports = ReportTitles(self.rules)  # round 36r: a report's title names the study done
        self.layout = compile_layout(self.rules)
        self._known_words = _known_words(self.rules)  # round 29a: a word split over two lines ("ab-\ndominal")
        self._phrase_breaks = PhraseBreaks(  # sixteenth pass F3: a symptom's phrase wrapped over two lines
            p for t in self.rules.targets if t.family.startswith("symptom") for p in t.phrases
        )
        spec = self.rules.layout
        # round 28: "Cough ..... Y  (N)"; round 37a: "Bone pain   Y / [N]", "Y / N*", "Y / Ⓝ"
        # round 50t: and bare radio buttons ("○ Yes  ● No"), answers told after the pair ("Y / N  (N circled)")
        self._chosen = ChosenAnswers(spec)
        self._pain_where = compile_pain_where(spec)  # round 50t: "any new pain? ● Yes" over "If yes, where? ..."
        self._legends = GlyphRows(spec)  # round 50t: legends ("(✗ = absent): ✗ headache"); 50g: "cough Y/N" unanswered
        self._speakers = SpeakerAnswers(self.rules.red_flag_readings.get("answer_speakers", ()))  # round 48a
        self.headed_lists = compile_headed_lists(
            [*spec["negative_headings"], *spec["positive_headings"]],
            [*spec["vertical_list_stops"], *self.rules.denial_ending_qualifiers],
        )
        # round 49n: "ROS - denies\n  - bone pain", "Negative for:\n  GI: abdominal pain" (denial_blocks.py)
        self.denial_blocks = compile_denial_blocks(spec, self.rules.denial_ending_qualifiers)
        self._gates = GateAnswers(spec.get("gate_fields", ()))  # round 50a: 'Pain: [ ] yes [x] no  location: back'
        from rightscan.adapters.knowledge_files import load_knowledge
        from rightscan.domain import orders

        # round 43r: studies named in a note's prose are read as prose, not as an order line (orders.in_prose)
        self.kb = orders.in_prose(load_knowledge())

    def rewrite(self, text: str) -> str:
        """The words the pipeline reads: layout made plain, overlong runs broken (same offsets)."""
        return self.rewrite_marked(text)[0]

    def rewrite_marked(self, text: str) -> tuple[str, Marks]:
        """``rewrite`` and the labels the layout answers "no" (``layout.normalise_marked``)."""
        # all the same length, the same offsets (round 29a: a word split over two lines, "ab-\ndominal"; OCR's
        # unambiguous letter-for-digit swaps, "40-1l5", "BlLlRUBIN")
        # sixteenth pass F3: a symptom's phrase wrapped over two lines ("bone\npain", "short-\nness"; phrase_wraps)
        hyphened = soft_hyphens(undo_swaps(text), self._known_words)
        joined = join_headed_lists(self.headed_lists, unwrap(join_phrase_wraps(hyphened, self._phrase_breaks)))
        joined = join_denial_blocks(self.denial_blocks, joined)
        joined = pain_sites(self._pain_where, self._chosen(joined))
        joined, legend = self._legends(joined)
        held = self._speakers.held(joined)  # round 48a: "Patient: no" under a question answers it (speaker_answers)
        plain, marks = normalise_marked(self.layout, blank(joined, held) if held else joined)
        plain = bar_between(restore(plain, joined, held) if held else plain, marks)  # round 50t (item_reach)
        return break_runs(plain), (*marks, *legend)

    def _doc(self, read: str, gaps: frozenset[int] = frozenset()) -> Doc:
        """The tokens of ``read``, which keep its text: the doc's text is ``read`` itself, so it is stored for
        ``doc_text`` instead of joined again from the tokens (``gaps``: a form's wide gaps, spacing.wide_gaps)."""
        doc = self.nlp.make_doc(read)
        doc.user_data[TEXT_KEY] = read
        if gaps:
            doc.user_data[GAPS_KEY] = gaps
        return doc

    def mentions(self, text: str) -> list[Mention]:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=_QUIET)
            plain, marks = self.rewrite_marked(text)
            read, where = squeeze(plain, self._known_words)
            return self._mentions(self.nlp(self._doc(read, wide_gaps(plain, where, text))), text, marks, where)

    def mentions_many(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[list[Mention]]:
        originals: list[str] = []
        marked: list[Marks] = []
        maps: list[list[int] | None] = []

        def rewritten() -> Iterator[Doc]:
            for text in texts:
                originals.append(text)
                plain, marks = self.rewrite_marked(text)
                read, where = squeeze(plain, self._known_words)
                marked.append(marks)
                maps.append(where)
                yield self._doc(read, wide_gaps(plain, where, text))

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
        sents: Sentences,
        sections: list[tuple[str, int] | None],
        negated_ends: frozenset[int] = frozenset(),
        family: str = "",
        worded: frozenset[int] = frozenset(),
    ) -> set[str]:
        effects = set()
        for mod in cues.get((span.start_char, span.end_char), ()):
            ms, me = mod.modifier_span
            # A cue inside this mention or inside another mention does not act on it. (medspaCy 1.3.1
            # misses a cue that lies wholly inside the target: its overlap test is not symmetric.)
            if (ms < span.end and span.start < me) or any(shielded[ms:me]):
                continue
            effect = self.rules.categories.get(mod.category)
            # round 20c: a warning printed in a form's question answered yes ("New cough   [x]Yes") is the form's
            # wording, not the writer's: it keeps no explanation away, of its item or of the answer's words
            if effect == "warning" and ms in worded:
                continue
            # a negated explanation explains nothing ("dry cough x 6 wks, no URI"), and a negated resolution resolves
            # nothing ("a cough that has not cleared"), as in a clause (scopes)
            if effect in ("explained", "historical") and (ms in negated_ends or ms - 1 in negated_ends):
                continue
            # round 23a: "h/o R hip pain x 6 wks" tells how long today's complaint has lasted (lasting_history.py)
            if (
                effect == "historical"
                and family.startswith("symptom")
                and self._lasting.lasting(span.doc, span, mod.rule.literal, (ms, me), sents.of(span.start).end)
            ):
                continue
            effects.add(effect)
        where = sections[span.start]
        if where is not None:
            section, title_start = where
            spared = family in self._section_spares.get(section, frozenset())
            # round 21a: a symptom its own words call new or progressive is today's, under a past history heading too
            spared = spared or bool(effects & self._section_gives_way.get(section, {}).get(family, frozenset()))
            if not spared and (
                self._section_scope.get(section) != "sentence"
                or sents.of(title_start).start == sents.of(span.start).start
            ):
                effects |= self._section_effects.get(section, frozenset())
        effects.discard(None)
        return effects  # type: ignore[return-value]

    def _at_note_start(self, doc: Doc, span: Span, sents: Sentences) -> bool:
        """The mention opens the note ("PET/CT. 52F ...", "Bone scan: 70F"), but is not a heading
        followed by a measurement, which reads as a result ("Mammo: 14 mm mass")."""
        first = next((t.i for t in doc if not (t.is_space or t.is_punct)), None)
        if first is None or sents.of(span.start).start != sents.of(first).start:
            return False
        if span.start - first > 1 and not only_title_qualifiers(doc[first : span.start].text):  # round 44o
            return False
        if span.end + 1 < len(doc) and doc[span.end].text == ":":
            return not doc[span.end + 1].like_num
        return True

    def _report_title_end(self, doc: Doc, text: str, sents: Sentences) -> int:
        """Round 36r: where the title of a radiology report ends (its first sentence, "MRI BREAST BILAT W/WO"), or -1
        when the note is no report (report_titles.py: no findings or impression below, as a request has none)."""
        first = next((t.i for t in doc if not t.is_space), None)
        if first is None:
            return -1
        end = sents.of(first).end_char
        return end if self._reports.is_report(text, end) else -1

    def _proposed_by_cue(self, span: Span, cues: dict[tuple[int, int], list[Any]]) -> bool:
        """Whether a cue of the mention's own words proposes it or asks about it ("MRI breast requested")."""
        return any(
            self.rules.categories.get(mod.category) in ("proposed", "question")
            for mod in cues.get((span.start_char, span.end_char), ())
        )

    @staticmethod
    def _alone_in_sentence(span: Span, sents: Sentences) -> bool:
        sent = sents.of(span.start)
        before = only_sides(sent[: span.start - sent.start].text)  # round 40o: its side may come before it
        return before and only_qualifiers(sent[span.end - sent.start :].text)  # its contrast words may follow it

    def _order_finding(
        self,
        text: str,
        matched: str,
        neighbours: Callable[[], Sequence[str]] = tuple,
        joined: Callable[[], str | None] = lambda: None,
    ) -> Finding:
        """The study the words name, read by the order resolver (one vocabulary for every channel): a
        resolved reading names its study; an ambiguous one ("MRI brain": with or without contrast?) is
        unparsed with the resolver's choices, never a guess; words the resolver does not read keep the
        study the catalogue phrase matched."""
        from rightscan.domain import orders

        reading = orders.for_patient(self.kb, text)
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
                # round 37p: a body part written as alternatives ("targeted US R breast/chest wall") is tried one
                # alternative at a time, as _study_alternatives reads them: two studies reached settle nothing
                for part in word.split("/") if _ALTERNATIVES.fullmatch(word) else (word,):
                    tried = orders.interpret(self.kb, f"{text} {part}")
                    if tried.status == "resolved" and tried.study is not None:
                        settled.add(tried.study.id)
            settled = settled if settled <= choices else set()  # never a study the name did not offer
            if len(settled) == 1:
                return Finding("order", settled.pop())
        if reading.status == "resolved" and reading.study is not None:
            return Finding("order", self._with_tracer(text, reading.study, joined()).id)
        if reading.status == "ambiguous":
            choices = ", ".join(p.name for p in reading.choices[:4])
            return Finding("order", None, UNPARSED, f"the study named is ambiguous; one of: {choices}")
        return Finding("order", matched)

    def _with_tracer(self, text: str, study: Any, word: str | None) -> Any:
        """Round 21d: the study done with the tracer named after it ("PET/CT w/ fluoroestradiol" is the FES PET, not
        the FDG one): the name read with the word it is joined to by "with" or "using", taken only when that names
        the same kind of study with another radiopharmaceutical."""
        from rightscan.domain import orders

        if word is None or study.attributes is None:
            return study
        tried = orders.for_patient(self.kb, f"{text} {word}")
        other = tried.study if tried.status == "resolved" else None
        if (
            other is not None
            and other.attributes is not None
            and other.attributes.primary_modality == study.attributes.primary_modality
            and other.attributes.pharmaceutical != study.attributes.pharmaceutical
        ):
            return other
        return study

    def _study_finding(self, words: str) -> tuple[Finding, ...]:
        """A study written radiology-style, read by the order resolver: its longest reading from the
        start that names one study ("XR R humerus 2 views first" -> the first five words). Choices are
        left to the catalogue phrases: a bare modality ("hold off on the CT for now") names nothing new."""
        from rightscan.domain import orders

        parts = words.split()
        for n in range(len(parts), 1, -1):
            reading = orders.for_patient(self.kb, " ".join(parts[:n]))
            if reading.status == "resolved" and reading.study is not None:
                return (Finding("order", reading.study.id),)
        return self._study_alternatives(parts)

    def _study_alternatives(self, parts: list[str]) -> tuple[Finding, ...]:
        """Round 18g: a body part written as two alternatives joined by a slash ("US of the L breast/chest wall"): each
        alternative is read alone in the words; when those that name a study all name the same one, that is the study
        ("breast/chest wall" -> breast ultrasound); two studies ("US L breast/axilla") name none."""
        from rightscan.domain import orders

        at = next((i for i, w in enumerate(parts) if _ALTERNATIVES.fullmatch(w)), None)
        if at is None:
            return ()
        found = set()
        for alternative in parts[at].split("/"):
            words = [*parts[:at], alternative, *parts[at + 1 :]]
            for n in range(len(words), at, -1):
                reading = orders.for_patient(self.kb, " ".join(words[:n]))
                if reading.status == "resolved" and reading.study is not None:
                    found.add(reading.study.id)
                    break
        return (Finding("order", found.pop()),) if len(found) == 1 else ()

    def _describe(self, span: Span, values: list[Any], text: str) -> dict[str, Any]:
        """Rule, family and findings of one span of the group."""
        label = span.label_
        if label.startswith("V") and label[1:].isdigit():
            rule, match = values[int(label[1:])]
            gaps = span.doc.user_data.get(GAPS_KEY)  # round 37l: a results table's empty column set apart by gaps
            if rule.parser == "study":
                return {
                    "rule": rule.id,
                    "family": rule.family,
                    "start": match.start(),
                    "end": match.end(),
                    "findings": self._study_finding(match.group(0) + set_off_contrast(text, match.end())),
                }
            return {
                "rule": rule.id,
                "family": rule.family,
                "start": match.start(),
                "end": match.end(),
                "findings": (found := tuple(value_layer.parse(self.rules, rule, match, gaps))),
                "confirm_values": value_layer.flagged_high(self.rules, text, match, found),
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
                        lambda: word_joined_after(text, span.end_char),
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
        sents = Sentences(doc)
        sections = self._sections(doc)
        cues = self._cues(doc)
        negated_ends = frozenset(m.modifier_span[1] for m in doc._.context_graph.modifiers
                                 if self.rules.categories.get(m.category) == "negated")  # fmt: skip
        worded = _form_wording_tokens(doc, marks, where)  # round 20c: a form's question answered yes
        graded = tuple((s, t, effect.removeprefix(GRADED)) for s, t, effect in marks if effect.startswith(GRADED))
        # round 22n: an answer word after its item ("cough -ve") answers a symptom only (trailing_signs.SYMPTOM_ONLY)
        answered = tuple((s, t, effect.removeprefix(SYMPTOM_ONLY)) for s, t, effect in marks
                         if effect.startswith(SYMPTOM_ONLY))  # fmt: skip
        marks = tuple(m for m in marks if m[2] != FORM_WORDING and not m[2].startswith((GRADED, SYMPTOM_ONLY)))
        effects = []
        title_end = self._report_title_end(doc, text, sents)
        for span, d in zip(spans, described, strict=True):
            e = self._effects(span, cues, shielded, sents, sections, negated_ends, d["family"], worded)
            policy = self.rules.policies[d["family"]]
            if policy.at_note_start and (self._at_note_start(doc, span, sents) or payer_title(self.rules, span, sents)):
                e |= set(policy.at_note_start)
            if policy.alone_in_sentence and (self._alone_in_sentence(span, sents) or order_line(self.kb, span, sents)):
                e |= set(policy.alone_in_sentence)
            if policy.report_title and span.end_char <= title_end and not self._proposed_by_cue(span, cues):
                e |= set(policy.report_title)
            if marks or answered:
                start, end = (span.start_char, span.end_char) if where is None else (where[span.start_char],
                                                                                     where[span.end_char])  # fmt: skip
                laid = {effect for s, t, effect in marks if s <= start and end <= t}
                if d["family"] == "symptom":
                    laid |= {effect for s, t, effect in answered if s <= start and end <= t}
                if d["family"].startswith("symptom") and self._gates.left_after_no(original, marks, start, end):
                    laid.add("uncertain")  # round 50a (gate_answers.py): the form contradicts itself
                if "negated" in laid:  # round 31a: the layout's own answer, which no line break undoes
                    doc.user_data.setdefault(LAYOUT_NEGATED_KEY, set()).add(span.start)
                e |= laid
            effects.append(e)
        self._one_study_named_twice(text, described)
        self.scopes.spread(doc, spans, described, effects, sents, sections)
        self._criteria.apply(NoteMentions(doc, spans, described, effects, sents, sections, self.rules.categories))
        if graded:  # a grade answers its own item, after the spreading: its denial reaches no other item
            for span, e in zip(spans, effects, strict=True):
                start, end = (span.start_char, span.end_char) if where is None else (where[span.start_char],
                                                                                     where[span.end_char])  # fmt: skip
                e |= {effect for s, t, effect in graded if s <= start and end <= t}
        if where is not None:
            for d in described:
                d["start"], d["end"] = where[d["start"]], where[d["end"]]
        out = [
            Mention(
                sentence=sents.quote(original, span.start, where),
                effects=frozenset(e),
                sentence_start=sents.start(span.start, where),
                **d,
            )
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

    def _qualifier(self, word: str) -> bool:
        """Round 37p: whether the order vocabulary reads the word as a study's qualifier only (its side, its intent or
        its contrast: "BILATERAL", "SCREENING", "W/"), with nothing unread and no change or choice in it."""
        from rightscan.domain import orders

        r = orders.interpret(self.kb, word)
        a = r.attributes or {}
        stated = a.get("laterality") or a.get("intent") or a.get("contrast")
        return bool(stated) and not r.unread and not r.corrections and not a.get("modality") and not a.get("regions")

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
            # round 37p: or with the words between them ("MAMMO SCREENING BILATERAL W/ TOMOSYNTHESIS": the screening
            # tomosynthesis, which the two names alone, the mammogram and the tomosynthesis, did not say)
            # only when each word between is a qualifier the order vocabulary reads (a side, screening or diagnostic,
            # "with"): "replaced by", "preferred over CT+bone scan" tell a change or a choice, never one study
            tries = [f"{text[a['start'] : a['end']]} {text[b['start'] : b['end']]}"]
            if _PLAIN_BETWEEN.fullmatch(between) and all(self._qualifier(w) for w in between.split()):
                tries.append(text[a["start"] : b["end"]])
            else:  # the words between choose or change ("diagnostic mammogram rather than tomosynthesis"): when the
                # whole reads as another study than the two names alone, the names are not one study
                whole = orders.interpret(self.kb, text[a["start"] : b["end"]])
                if whole.status == "resolved" and whole.study is not None:
                    tries = [t for t in tries if _study_of(orders.interpret(self.kb, t)) == whole.study.id]
            for words in tries:
                together = orders.interpret(self.kb, words)
                if together.status == "resolved" and together.study is not None and together.study.id in studies:
                    a["findings"] = b["findings"] = (Finding("order", together.study.id),)
                    break


def _study_of(reading: Any) -> str | None:
    """The study an order reading settles on, or None."""
    return reading.study.id if reading.status == "resolved" and reading.study is not None else None


def _known_words(rules: Any) -> frozenset[str]:
    """The words the rules read (targets, studies, cues, section titles): a word split over two lines by a hyphen is
    joined without it when it makes one of them ("ab-\ndominal", "metas-\ntatic"; spacing.split_words)."""
    phrases = [p for t in rules.targets for p in t.phrases]
    phrases += [p for ps in rules.procedure_phrases.values() for p in ps]
    phrases += [m.literal for m in rules.modifiers]
    phrases += [t for s in rules.sections for t in s.titles]
    return frozenset(w for p in phrases for w in _LETTERS.findall(p.lower()) if len(w) >= 4)


_LETTERS = re.compile(r"[a-z]+")


def _form_wording_tokens(doc: Doc, marks: Marks, where: list[int] | None) -> frozenset[int]:
    """The tokens inside a form's question answered yes (``FORM_WORDING`` marks; round 20c)."""
    spans = sorted((s, t) for s, t, effect in marks if effect == FORM_WORDING)
    if not spans:
        return frozenset()
    starts = [s for s, _ in spans]
    out = set()
    for tok in doc:
        at = tok.idx if where is None else where[tok.idx]
        k = bisect.bisect_right(starts, at) - 1
        if k >= 0 and at < spans[k][1]:
            out.add(tok.i)
    return frozenset(out)
