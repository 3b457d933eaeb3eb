"""How a cue's effect reaches past its own scope: across a clause, a list, joined studies and the next sentence.

ConText gives each mention the cues whose scope covers it (``pipeline.Analyser``); ``Scopes.spread`` then
applies the policies of ``context.yaml`` that read more than one mention or sentence: effects read from the
whole clause (``in_clause``, ``implied_by``), the family, explanation or resolution a later sentence carries
back (``carried_*``), a failed treatment told in the next sentence, a presentation the paragraph later denies,
and the effects shared by listed findings and coordinated studies.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from spacy.tokens import Doc, Span

from rightscan.adapters.text.chronic_baseline import ChronicBaseline
from rightscan.adapters.text.components import doc_text
from rightscan.adapters.text.cut_reach import cue_cut_short
from rightscan.adapters.text.dated_entries import DatedEntries
from rightscan.adapters.text.denial_ends import DenialEnds
from rightscan.adapters.text.denial_layouts import DenialLayouts
from rightscan.adapters.text.denied_change import DeniedChange
from rightscan.adapters.text.differential_items import DifferentialItems
from rightscan.adapters.text.doubt_description import DoubtDescription
from rightscan.adapters.text.exam_items import ExamItems
from rightscan.adapters.text.explained_before import explained_earlier_in_paragraph
from rightscan.adapters.text.explanations import (
    Explanations,
    between,
    bracket_end,
    cue_words,
    dating_onsets,
    doubt_hedged_explanations,
    doubt_modal_causes,
    drop_status_of_another,
)
from rightscan.adapters.text.failed_treatment import failed_treatment_next_sentence
from rightscan.adapters.text.fall_story import pain_after_event_sentence
from rightscan.adapters.text.family_rows import FamilyRows
from rightscan.adapters.text.illness_lists import IllnessLists
from rightscan.adapters.text.informant_reports import InformantReports
from rightscan.adapters.text.joined_findings import JoinedFindings
from rightscan.adapters.text.labelled_line import LABELLED_LINE_REACH, labelled_line
from rightscan.adapters.text.list_heads import shared_list_heads
from rightscan.adapters.text.named_causes import NamedCauses
from rightscan.adapters.text.negated_cause import NegatedCause
from rightscan.adapters.text.negation_reach import (
    NewClauseNegation,
    PlanAfterDenial,
    negation_across_clause,
    negation_ended_by_until,
)
from rightscan.adapters.text.recent_events import RecentEvents
from rightscan.adapters.text.recovered_illness import RecoveredIllness
from rightscan.adapters.text.red_flag_readings import RedFlagReadings
from rightscan.adapters.text.relative_tail import RelativeTails
from rightscan.adapters.text.reported_readings import ReportedReadings
from rightscan.adapters.text.resolved_before import ResolvedBefore
from rightscan.adapters.text.resolved_later import Resolutions, resolved_later
from rightscan.adapters.text.rule_pass import Described, Effects, NoteMentions, Sections
from rightscan.adapters.text.rules import Rules
from rightscan.adapters.text.seizure_headache import headache_beside_seizure
from rightscan.adapters.text.sentences import Sentences
from rightscan.adapters.text.shorthand_reach import doubt_past_shorthand
from rightscan.adapters.text.speaker_lines import SpeakerLines
from rightscan.adapters.text.status_onset import StatusOnset
from rightscan.adapters.text.unstated_mentions import UnstatedMentions
from rightscan.adapters.text.warning_after import warning_told_after
from rightscan.adapters.text.warning_owner import qualifies_another, warnings_of_others

# How far after a symptom (in tokens) a cue of its clause is read (``Scopes._in_clause``): a long clause. On the
# 748 notes of the repository sets this bound changes two answers, both dictated or typed run-ons in which an
# explanation (or a reassurance) 30-60 words on was read as part of the symptom's clause.
IN_CLAUSE_REACH = 24

CONTRAST_REACH = 30  # tokens from an explained symptom to the warning a contrast adds to it

# How many sentences after a writer's own relative is named ("My mom has cancer in her bones. It was found in June.
# She had back pain for months.") a pronoun may still speak of that relative (``Scopes._carry_family``)
FAMILY_SENTENCES = 2


class Scopes:
    """The cross-mention context passes, built once per rule set."""

    def __init__(self, rules: Rules) -> None:
        self._joined = JoinedFindings(rules)
        self._described_doubts = DoubtDescription(rules.doubt_description, rules.categories)  # round 37
        self.rules = rules
        # cue categories that end an explaining cue's scope also end the clause it explains (in_clause)
        self._clause_breaks = frozenset("|" + c for c in rules.terminating_types.get("EXPLAINED", ()))
        # any token equal to a possessive is also a match of this pattern (the converse need not hold)
        words = "|".join(re.escape(w) for w in sorted(rules.carried_possessives)) or "(?!)"
        self._possessive_words = re.compile(rf"(?<![^\W_])(?:{words})(?![^\W_])", re.IGNORECASE)
        self._family_rows = FamilyRows(rules.layout)
        self._explanations = Explanations(rules.explained_status)  # round 9b: which later cue speaks of the symptom
        self._baseline = ChronicBaseline(rules.chronic_baseline, rules.symptom_codes, rules.explained_status)  # 10a
        self._baseline_families = frozenset(f for f, p in rules.policies.items() if "explained" in p.in_clause)
        # round 48u: a bare "unchanged" / "stable" read by the span the symptom is told with (status_onset.py)
        self._status_onset = StatusOnset(rules.red_flag_readings, rules.explained_status.get("words", ()))
        self._resolution_context = Resolutions.of(  # round 12a (resolved_later.py)
            rules, self._explanations.led_in, self._baseline_families, self._explanations.referents
        )
        self._one_word_causes = frozenset(  # round 9b: "could be bursitis" (explanations.doubt_modal_causes)
            m.literal.lower() for m in rules.modifiers
            if m.pattern is None and rules.categories.get(m.category) == "explained" and " " not in m.literal
        )  # fmt: skip
        self._red_flags = RedFlagReadings(rules.red_flag_readings)  # round 10b
        self._named_causes = NamedCauses(rules.red_flag_readings)  # round 47e
        self._illness_lists = IllnessLists(rules.red_flag_readings)  # round 48s
        self._differentials = DifferentialItems(rules.red_flag_readings)  # round 48s
        self._resolved_before = ResolvedBefore(rules.red_flag_readings)  # round 48s
        self._recovered = RecoveredIllness(rules.red_flag_readings)  # round 49n: 'flu in May -> cough; fully recovered'
        self._dated_entries = DatedEntries(rules.red_flag_readings)  # round 20a
        self._reported = ReportedReadings(rules.red_flag_readings)  # round 12a
        self._relative_tails = RelativeTails(rules)  # round 18a: a symptom told in a relative's story
        self._informant_reports = InformantReports(rules.red_flag_readings, self._patient_named)  # round 50a
        self._denials = DenialLayouts(rules)  # round 13v-c: a table's denial column, "neg cough/SOB", "no trauma/..."
        self._new_clause = NewClauseNegation(rules.red_flag_readings, rules.categories)  # round 14: "no X and now Y"
        self._plan_after_denial = PlanAfterDenial(rules.red_flag_readings, rules.categories)  # round 42o
        self._negated_cause = NegatedCause(rules.red_flag_readings)  # round 15: "could not sleep due to back pain"
        self._denial_ends = DenialEnds(rules.red_flag_readings, rules.denial_ending_qualifiers)  # round 24, 34a
        self._exam_items = ExamItems(rules.red_flag_readings)  # round 47s: 'No X, decreased rectal tone on DRE'
        self._speakers = SpeakerLines(rules.red_flag_readings)  # round 47m: 'A (wife): "my back hurts"' is hers
        self._recent_events = RecentEvents(rules.red_flag_readings)  # round 48m: today's seizure, recovered from
        self._unstated = UnstatedMentions(rules.red_flag_readings, rules.layout)  # round 14: asked, or a title
        self._denied_change = DeniedChange(rules.red_flag_readings, rules.chronic_baseline.get("stable_words", ()))

    def spread(
        self, doc: Doc, spans: list[Span], described: Described, effects: Effects, sents: Sentences, sections: Sections
    ) -> None:
        """Add to ``effects`` (one set per mention of ``described``) what reaches each mention from beyond
        its cues' scopes, in this order: a relative's rows and the end of a family history (``family_rows``),
        coordination, lists, clause, then the carried sentence effects."""
        doubt_past_shorthand(doc, spans, effects, sents, self.rules.categories)  # round 16b: "w/" in a doubt's reach
        self._described_doubts.apply(doc, spans, described, effects, sents)  # round 37: "concerning for extensive ..."
        self._new_clause.apply(doc, spans, described, effects)  # round 14 (negation_reach.py)
        self._plan_after_denial.apply(doc, spans, described, effects)  # round 42o: "no nodules plan m r i of the brain"
        note = NoteMentions(doc, spans, described, effects, sents, sections, self.rules.categories)  # the rule passes'
        self._family_rows.apply(note, self.rules.policies)
        self._red_flags.informant_family(note)  # round 10b (red_flag_readings.py)
        self._speakers.apply(note)  # round 47m (speaker_lines.py)
        self._relative_tails.apply(note, *self._red_flags.informants(note))  # round 18a (relative_tail.py)
        self._informant_reports.apply(note)  # round 50a (informant_reports.py)
        self._reported.before_clauses(note)  # round 12a (reported_readings)
        self._joined.coordinate(doc, spans, described, effects, sents)  # joined_findings.py
        self._joined.share_in_lists(doc, described, effects)
        drop_status_of_another(
            self._explanations, doc, spans, described, effects, self.rules.policies, self.rules.categories
        )
        self._in_clause(doc, spans, described, effects, sents)
        recent = self._status_onset.judge(note, self._baseline_families)  # round 48u
        unchanged = self._denied_change.reassure(note)  # round 12v
        # round 10a: a symptom given as the patient's usual with its chronic illness (chronic_baseline.py)
        self._baseline.apply(note, self._baseline_families, recent)
        self._carry_family(doc, spans, described, effects, sents)
        self._carry_explanation(note)
        self._warning_after_contrast(doc, spans, described, effects, sents)
        warning_told_after(note, self._baseline_families, self.rules)  # round 12b, 35a
        failed_treatment_next_sentence(self.rules, doc, spans, described, effects, sents, sections)
        explained_earlier_in_paragraph(self.rules.policies, doc, spans, described, effects, sections)
        resolved_later(note, self._baseline, self._resolution_context)
        self._resolved_since_presentation(doc, spans, described, effects, sections)
        self._doubted_explanation(doc, spans, described, effects, sents)  # round 9b (explanations.py)
        # round 10b (red_flag_readings.py): a cause that is the cancer or that the note denies, an onset word beside a
        # mechanical trigger, a negated activity before its reason, a symptom dated back to a mechanical event
        self._red_flags.malignant_cause(note)
        self._red_flags.negated_cause(note)
        self._red_flags.onset_with_trigger(note)
        self._red_flags.negated_activity(note)
        self._red_flags.mood_cause(note)  # round 13v-b: weight lost with grief
        self._red_flags.assessed_cause(note)  # round 16b: abdominal pain an assessment puts down to gastroenteritis
        self._named_causes.apply(note)  # round 47e: a named benign cause told elsewhere in the paragraph
        self._baseline.note_wide(note, self._baseline_families, recent, self._named_causes)  # round 53e: cg-031
        self._illness_lists.apply(note, self._joined.chains(doc, described)[1])  # round 48s: a cold's list
        self._red_flags.dated_from_trigger(note)
        negation_across_clause(note)  # round 11b
        self._negated_cause.apply(note)  # round 15 (negated_cause.py)
        self._denial_ends.apply(note)  # round 24 (denial_ends.py)
        self._exam_items.apply(note)  # round 47s (exam_items.py)
        negation_ended_by_until(note)  # "never had headaches until this week"
        cue_cut_short(doc, spans, described, effects, sents, self.rules.categories, self.rules.policies)  # 14v-b
        self._red_flags.trigger_before(note)  # round 11a: a symptom after a mechanical event, a past study's reason
        pain_after_event_sentence(note, self._red_flags.words)  # round 43u: the event told the sentence before
        self._recent_events.apply(note)  # round 48m (recent_events.py)
        self._named_causes.events(note)  # round 54e: a head injury in the paragraph leaves its headache to confirm
        headache_beside_seizure(note)  # round 43u: a headache with a seizure is warned, whatever its cause
        self._red_flags.past_study_reason(note)
        self._reported.doubted_cause(note)  # round 12a: "unclear if ... from OA"
        self._denials.apply(note)  # round 13v-c (denial_layouts.py)
        self._denied_change.apply_after(note, unchanged)  # round 12v
        self._unstated.apply(doc, spans, described, effects, sents)  # round 14 (unstated_mentions.py)
        self._dated_entries.apply(note)  # round 20a: the symptoms of a copied-forward note's older entries
        self._differentials.apply(note)  # round 48s: 'TIA vs focal seizures' weighs the seizure
        self._resolved_before.apply(note)  # round 48s: 'no longer short of breath at rest' is over
        self._recovered.apply(note)  # round 49n (recovered_illness.py); round 50a: 'back pain x 3 wk; COVID in Aug'
        shared_list_heads(note, self.rules.red_flag_readings)  # round 52d: a list's later sites read as its first

    def _in_clause(self, doc: Doc, spans: list[Span], described: Described, effects: Effects, sents: Sentences) -> None:
        """Effects a family reads from its whole clause (``in_clause``, ``implied_by`` in context.yaml)."""
        cues: dict[int, list[tuple[int, int, str, Any]]] | None = None  # sentence -> its cues, in graph order
        backward: set[int] = set()  # first tokens of the cues that look back (a resolution: "... has resolved")
        negated_at: set[int] = set()
        conditional: frozenset[int] = frozenset()  # round 13v-c: warnings told as a return's condition
        first_of_family: dict[str, list[int]] = {}
        ends_at: dict[int, int] = {}  # round 18b: a mention's first token -> the token after it
        subjects: list[int] = []  # round 9b: mentions naming a study, a test or a value (explanations.py)
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
                    cues.setdefault(sents.index[s], []).append((s, t, name, mod))
                    if effect == "negated":
                        negated_at.add(t)
                    if mod.direction.upper() == "BACKWARD":
                        backward.add(s)
                for sp, dd in zip(spans, described, strict=True):
                    first_of_family.setdefault(dd["family"], []).append(sp.start)
                    ends_at[sp.start] = max(ends_at.get(sp.start, sp.end), sp.end)  # round 18b
                for starts in first_of_family.values():
                    starts.sort()
                subjects = self._explanations.subject_starts(spans, described)
                conditional = self._denials.conditional_warnings(doc)
            sent = sents.of(span.start)
            line_start = text.rfind("\n", 0, span.start_char) + 1
            nl = text.find("\n", span.end_char)
            line_end = len(text) if nl < 0 else nl
            # a negated warning is reassurance ("no new weakness"): a warning right after a negation cue is dropped
            # a cue acts only on the targets its rule allows (medspaCy's allowed/excluded types: "at night" is a warning
            # for pain, not for the numbness of a carpal tunnel), here as in its own scope
            label = span.label_.upper()
            here = [(s, effect) for s, t, effect, mod in cues.get(sents.index[span.start], ())
                    if t <= sent.end and line_start <= doc[s].idx < line_end and mod.allows(label)
                    and not (effect == "warning" and (s in negated_at or s in conditional))]  # fmt: skip
            if "historical" in policy.in_clause:
                # a resolution later in the clause: only a cue that looks back speaks of the finding before it
                # ("the back pain she had when ..., has completely resolved"; not "back pain, prior scans normal"),
                # only up to the next finding of the family ("hip pain, and the headache has resolved": the hip
                # pain stays) or a new onset, and only without a warning between the two ("back pain which
                # resolved last year; now a new headache" is resolved, the headache's warning is not its own)
                family_starts = first_of_family[d["family"]]
                k = bisect.bisect_left(family_starts, span.end)
                # a new onset that only dates the resolution ("; this has now fully resolved") ends nothing
                dating = dating_onsets(cues.get(sents.index[span.start], ()), backward)
                breaks = [s for s, x in here if x in self._clause_breaks and s >= span.end and s not in dating]
                labelled = labelled_line(text, doc, spans, described, d["family"], span, line_start)
                reach = LABELLED_LINE_REACH if labelled else IN_CLAUSE_REACH
                limit = min([*breaks, sent.end, span.end + reach])
                sent_cues = cues.get(sents.index[span.start], ())
                looks_back = (here, backward, negated_at, sent_cues)
                # round 26: findings in its bracket share the resolution after it (explanations.bracket_end)
                k = bisect.bisect_left(family_starts, bracket_end(doc, span, sent.start, sent.end), lo=k)
                if labelled:  # round 43a: the label's comment names the same symptom again, it does not end it
                    k = bisect.bisect_left(family_starts, _token_at_or_after(doc, line_end), lo=k)
                cue = self._resolution(doc, looks_back, span.end, min([limit, *family_starts[k : k + 1]]))
                # round 18b: the next finding told as this one's cause ("rib pain began after a coughing fit then,
                # improved steadily, now resolved") does not end its clause, when a mark closes the cause before the
                # resolution (never "rib pain after a coughing fit which has resolved": that may be the cough's)
                if cue is None and k < len(family_starts) and self._explanations.told_as_cause(doc, family_starts[k]):
                    later = self._resolution(doc, looks_back, span.end, min([limit, *family_starts[k + 1 : k + 2]]))
                    cause_end = ends_at.get(family_starts[k], family_starts[k] + 1)
                    if later is not None and any(doc[j].is_punct for j in range(cause_end, later)):
                        cue = later
                if cue is not None and not any(x == "warning" and span.end <= s < cue for s, x in here):
                    e.add("historical")
            # a warning before the symptom that its own scope did not bring to it is another finding's ("lump
            # gradually increasing in size. no h/o discharge. c/o low back ache ... s/o lumbar spondylosis", one
            # sentence for the splitter): only a warning after the symptom keeps its clause from being explained
            if any(effect == "warning" and s >= span.end for s, effect in here):
                # a warning later in the symptom's own clause applies to it ("headaches from known OA, worse at
                # night"): the clause ends at a terminator, a new onset or the next finding of its family; a new
                # onset that only opens the warning ("pain from known OA, now worse at night", "numbness from the
                # taxane, now progressive") ends nothing: the warning is of the symptom before it
                family_starts = first_of_family[d["family"]]
                k = bisect.bisect_left(family_starts, span.end)
                nxt = family_starts[k : k + 1]
                warned = {s for s, x in here if x == "warning"}
                opens = {s for s, t, x, _ in cues.get(sents.index[span.start], ()) if x == "|NEW_ONSET" and t in warned}
                stop = min([s for s, x in here if x.startswith("|") and s >= span.end and s not in opens] + nxt,
                           default=sent.end)  # fmt: skip
                if any(x == "warning" and span.end <= s < stop for s, x in here):
                    e.add("warning")
                    continue
                # round 9b: the warning is a later finding's ("breathless on stairs - her usual with the COPD, no
                # change, no cough beyond her normal"): the symptom's clause, up to that finding, may explain it; a
                # warning before that finding, even past a terminator, still keeps it from being explained
                limit = nxt[0] if nxt else sent.end
                if any(x == "warning" and span.end <= s < limit for s, x in here):
                    continue
            else:
                limit = sent.end
            # the clause ends at a new-onset cue ("back pain x 3 wks, now w/ leg weakness, tripped twice")
            stop = min((s for s, x in here if x in self._clause_breaks and s >= span.end), default=limit)
            stop = min(stop, limit)
            # and never reaches further than a clause does: in a dictated run-on without full stops the "sentence"
            # is the whole history, and a past-history item 40 words on does not explain today's symptom
            stop = min(stop, span.end + IN_CLAUSE_REACH)
            # a negated explanation explains nothing ("no URI", "not related to meals"); round 9b: nor does a "no
            # change" told of a study named between ("back pain, bone scan no change": explanations.py)
            for effect in policy.in_clause:
                if effect == "historical":
                    continue  # read above, before the warnings
                if any(x == effect and span.end <= s < stop and s not in negated_at and s - 1 not in negated_at
                       and not (effect == "explained" and self._of_another(doc, text, span.end, s, subjects))
                       for s, x in here):  # fmt: skip
                    e.add(effect)

    def _resolution(self, doc: Doc, looks_back: tuple[Any, ...], symptom_end: int, until: int) -> int | None:
        """The first token of a resolution told after a symptom, before ``until``: a historical cue that looks back,
        not negated, or a resolution told with its treatment (round 9b). ``looks_back``: the cues on the symptom's
        line of its sentence (``here``), the first tokens of the backward cues, the ends of the negations and the
        sentence's cues."""
        here, backward, negated_at, sent_cues = looks_back
        cue = next((s for s, x in here if x == "historical" and s in backward and symptom_end <= s < until
                    and s not in negated_at and s - 1 not in negated_at), None)  # fmt: skip
        if cue is None:  # round 9b: "a cough in January which cleared with amoxicillin" (explanations.py)
            cue = self._explanations.treated_resolution(doc, sent_cues, symptom_end, until, negated_at)
        return cue

    def _of_another(self, doc: Doc, text: str, symptom_end: int, cue_start: int, subjects: list[int]) -> bool:
        """Round 9b: the explaining cue at ``cue_start`` is not about the symptom (explanations.py)."""
        cue_end = next((t for s, t in (m.modifier_span for m in doc._.context_graph.modifiers) if s == cue_start),
                       cue_start + 1)  # fmt: skip
        words = cue_words(text, doc, cue_start, cue_end)
        return self._explanations.not_about(
            words, between(text, doc, symptom_end, cue_start), symptom_end, cue_start, subjects
        )

    def _doubted_explanation(
        self, doc: Doc, spans: list[Span], described: Described, effects: Effects, sents: Sentences
    ) -> None:
        """Round 9b: a symptom explained only by causes the note doubts is uncertain, not explained."""
        policies = self.rules.policies
        chosen = {i: sents.of(spans[i].start).end for i, d in enumerate(described)
                  if "explained" in effects[i] and "uncertain" in policies[d["family"]].to_unparsed}  # fmt: skip
        if chosen:
            firm = self._explanations.firm_hedges
            doubt_hedged_explanations(doc, spans, effects, chosen, self.rules.categories, firm, IN_CLAUSE_REACH)
        standing = {"negated", "historical", "hypothetical", "family", "explained"}
        guessed = {i: sents.of(spans[i].start).end for i, d in enumerate(described)
                   if not effects[i] & standing and "uncertain" in policies[d["family"]].to_unparsed
                   and "explained" in policies[d["family"]].in_clause}  # fmt: skip
        if guessed:
            doubt_modal_causes(
                doc, spans, effects, guessed, self._explanations.doubt_modals, self._one_word_causes, IN_CLAUSE_REACH
            )

    def _carry_family(
        self, doc: Doc, spans: list[Span], described: Described, effects: Effects, sents: Sentences
    ) -> None:
        """``carried_family`` in context.yaml: a writer who names her own relative ("my mom has cancer in her bones")
        and goes on about "she" or "he" is still telling of that relative ("... and she had back pain for months";
        "She had bone pain."), in that sentence and the next ones, until she comes back to herself ("I have",
        "me", "myself", "my own", "the patient": a SUBJECT cue that is not itself a pronoun of the relative, or
        "my" before anything but a relative). A symptom is the relative's only when a pronoun of the relative
        stands between the relative and it in the symptom's own sentence, and no return to the writer does; at most
        ``FAMILY_SENTENCES`` sentences on, never past a blank line. A clinician's "her mother" has no
        first-person possessive, so her "she" stays the patient."""
        text = doc_text(doc)
        if not self._possessive_words.search(text):  # cheap test first: most notes have none
            return
        possessives, pronouns = self.rules.carried_possessives, self.rules.carried_pronouns
        if not any(t.lower_ in possessives for t in doc):
            return
        family_starts: set[int] = set()
        returns: list[int] = []  # first tokens of the writer's returns to herself
        for mod in doc._.context_graph.modifiers:
            s, t = mod.modifier_span
            if self.rules.categories.get(mod.category) == "family":
                family_starts.add(s)
            elif mod.category == "SUBJECT" and not any(tok.lower_ in pronouns for tok in doc[s:t]):
                returns.append(s)
        # the relative: a family cue right after "my" / "our" (one word may stand between: "my late mother")
        anchors = sorted(c for c in family_starts
                         if (c > 0 and doc[c - 1].lower_ in possessives)
                         or (c > 1 and doc[c - 2].lower_ in possessives and not doc[c - 1].is_punct))  # fmt: skip
        if not anchors:
            return
        named = self._patient_named(doc, anchors)  # round 18c: a relative writing names the patient by a relation
        if named:
            self._patient_not_relative(doc, spans, effects, named)
            anchors = [c for c in anchors if c not in named]
            returns += sorted(named)
            if not anchors:
                return
        owned = {c - 1 for c in anchors} | {c - 2 for c in anchors}
        owned |= {c - 1 for c in named} | {c - 2 for c in named}
        returns += [t.i for t in doc if t.lower_ in possessives and t.i not in owned]
        returns.sort()
        said = [t.i for t in doc if t.lower_ in pronouns]
        for i, (span, d) in enumerate(zip(spans, described, strict=True)):
            if "family" not in self.rules.policies[d["family"]].ignore or "family" in effects[i]:
                continue
            k = bisect.bisect_left(anchors, span.start) - 1
            if k < 0:
                continue
            anchor = anchors[k]
            sent = sents.of(span.start)
            too_far = sents.index[span.start] - sents.index[anchor] > FAMILY_SENTENCES
            if too_far or "\n\n" in text[doc[anchor].idx : span.start_char]:
                continue
            r = bisect.bisect_right(returns, anchor)
            if r < len(returns) and returns[r] < span.start:
                continue  # the writer came back to herself before the symptom
            p = bisect.bisect_right(said, max(anchor, sent.start - 1))
            if p < len(said) and said[p] < span.start:
                effects[i].add("family")

    def _patient_not_relative(self, doc: Doc, spans: list[Span], effects: Effects, named: set[int]) -> None:
        """A symptom whose only relative's cue is a word naming the patient (``_patient_named``: a son's "My mother has
        had back pain for 3 weeks") is the patient's."""
        by_target: dict[tuple[int, int], list[int]] = {}
        for target, mod in doc._.context_graph.edges:
            if self.rules.categories.get(mod.category) == "family":
                by_target.setdefault((target.start, target.end), []).append(mod.modifier_span[0])
        for i, span in enumerate(spans):
            starts = by_target.get((span.start, span.end))
            if "family" in effects[i] and starts and all(c in named for c in starts):
                effects[i].discard("family")

    def _patient_named(self, doc: Doc, anchors: list[int]) -> set[int]:
        """``carried_family.patient_groups`` and ``writer_names``: the anchors (a relative after "my") that name the
        patient, in a message a relative writes for her. The writer says so in a SUBJECT cue naming a relation ("son of
        patient", "From: Lucia M. (daughter)", "writing for my mom"); after it, "my" with a word of the group that cue
        names ("mom": mother, mum, mom ...), or, when it names only the writer ("son"), of the first group among the
        writer's names for the patient that the writer then uses ("My mother is 67"), is the patient herself. Every
        other relative stays a relative ("my aunt had bone pain", a daughter's "my mother says he sleeps more")."""
        groups, writers = self.rules.carried_patient_groups, self.rules.carried_writer_names
        if not groups:
            return set()
        possessives = self.rules.carried_possessives
        declared: int | None = None
        fixed: frozenset[str] | None = None  # the group the writer names the patient by
        allowed: set[str] = set()  # the groups the writer may name the patient by (a son: mother, father)
        for mod in doc._.context_graph.modifiers:
            if mod.category != "SUBJECT":
                continue
            s, t = mod.modifier_span
            words = [tok.lower_ for tok in doc[s:t]]
            for k, word in enumerate(words):
                if word in groups:  # "writing for my mom": the patient named
                    fixed = fixed or groups[word]
                elif word in writers and not (k and words[k - 1] in possessives):  # "son of patient": the writer
                    allowed |= writers[word]
                else:
                    continue
                declared = s if declared is None else min(declared, s)
        if declared is None:
            return set()
        out: set[int] = set()
        for c in anchors:
            word = doc[c].lower_
            if c < declared or word not in groups:
                continue
            if fixed is None and groups[word] & allowed:
                fixed = groups[word]
            if fixed is not None and word in fixed:
                out.add(c)
        return out

    def _carry_explanation(self, note: NoteMentions) -> None:
        """``carried_explanation`` in context.yaml: a sentence that points back ("it", "the pain") and explains,
        with no warning qualifier in either sentence, explains the symptoms of the sentence before it (round 48u: by
        bare status words only, as the span told tells: ``StatusOnset.carried``)."""
        doc, spans, described, effects, sents = note.doc, note.spans, note.described, note.effects, note.sents
        if not self.rules.carried_anaphors:
            return
        targets = [i for i, d in enumerate(described)
                   if "explained" in self.rules.policies[d["family"]].in_clause]  # fmt: skip
        if not targets:
            return
        cues: dict[int, list[tuple[int, str | None, Any]]] = {}
        for mod in doc._.context_graph.modifiers:
            start = mod.modifier_span[0]
            cues.setdefault(sents.index[start], []).append((start, self.rules.categories.get(mod.category), mod))

        def standing(k: int, effect: str, label: str | None = None) -> list[int]:  # round 26: a cue's allowed types
            here = cues.get(k, [])
            negated = {s for s, e, _ in here if e == "negated"}
            return [s for s, e, m in here if e == effect and s not in negated and s - 1 not in negated
                    and (label is None or m.allows(label))]  # fmt: skip

        for i in targets:
            k = sents.index[spans[i].start]
            if k + 1 >= len(sents.spans) or "warning" in effects[i] or standing(k, "warning"):
                continue
            explains = standing(k + 1, "explained", spans[i].label_.upper())
            if not explains or standing(k + 1, "warning"):
                continue
            nxt = sents.spans[k + 1]
            words = [t.lower_ for t in doc[nxt.start : min(explains)]]
            said = " " + " ".join(words) + " "
            if not any(f" {a} " in said for a in self.rules.carried_anaphors):
                continue
            bare = all(self._status_onset.is_bare_cue(note, m) for s, e, m in cues[k + 1] if s in explains)
            verdict = self._status_onset.carried(note, i, nxt) if bare else "explained"
            if verdict:
                effects[i].add(verdict)

    def _warning_after_contrast(
        self, doc: Doc, spans: list[Span], described: Described, effects: Effects, sents: Sentences
    ) -> None:
        """``carried_explanation.contrasts``: an explained symptom followed in its sentence by a contrast and then a
        warning qualifier standing (not negated) with no other symptom named between them ("left hip pain, which
        she puts down to her arthritis, but it is now waking her at night") carries that warning."""
        if not self.rules.contrasts:
            return
        targets = [i for i, d in enumerate(described)
                   if "explained" in self.rules.policies[d["family"]].in_clause]  # fmt: skip
        chosen = [i for i in targets if "explained" in effects[i] and "warning" not in effects[i]]
        if not chosen:
            return
        warnings: dict[int, list[int]] = {}
        negated: set[int] = set()
        for mod in doc._.context_graph.modifiers:
            start = mod.modifier_span[0]
            effect = self.rules.categories.get(mod.category)
            if effect == "warning":
                warnings.setdefault(sents.index[start], []).append(start)
            elif effect == "negated":
                negated.add(start)
        starts = sorted(spans[j].start for j in targets)
        warned = frozenset(c for c, e in self.rules.categories.items() if e == "warning")
        owned = warnings_of_others(doc, spans, targets, warned)  # round 14v-b: the symptom each warning qualifies
        for i in chosen:
            k = sents.index[spans[i].start]
            # its sentence, or the next where a run-on dictation is cut in two, at most CONTRAST_REACH tokens on
            reach = min(sents.spans[min(k + 1, len(sents.spans) - 1)].end, spans[i].end + CONTRAST_REACH)
            contrast = next((t.i for t in doc[spans[i].end : reach] if t.lower_ in self.rules.contrasts), None)
            if contrast is None:
                continue
            for w in [*warnings.get(k, []), *warnings.get(k + 1, [])]:
                if w <= contrast or w >= reach or any(n in negated for n in range(contrast, w)):
                    continue
                if qualifies_another(owned, w, i):  # "However, her progressive dyspnoea": the dyspnoea's warning
                    continue
                if not any(contrast < s < w for s in starts):
                    effects[i].add("warning")
                    break

    def _resolved_since_presentation(
        self, doc: Doc, spans: list[Span], described: Described, effects: Effects, sections: Sections
    ) -> None:
        """A symptom the patient was admitted or presented with (a PRESENTATION cue's scope: "Admitted with fever,
        productive cough and dyspnea") that the same paragraph later says is absent ("... afebrile, ambulating
        without dyspnea", round 29b: "... at discharge") has resolved: historical. Only a later mention of the same
        rule that is plainly denied (not asked, doubted, hypothetical or a relative's), in the same section, with no
        blank line between, without a warning on the presentation's mention; a presentation alone changes nothing."""
        targets = [i for i, d in enumerate(described) if "historical" in self.rules.policies[d["family"]].ignore
                   and "historical" in self.rules.policies[d["family"]].in_clause]  # fmt: skip
        if len(targets) < 2:
            return
        presented = {(t.start_char, t.end_char) for t, mod in doc._.context_graph.edges
                     if mod.category == "PRESENTATION"}  # fmt: skip
        if not presented:
            return
        text = doc_text(doc)
        blocking = {"hypothetical", "question", "uncertain", "family", "warning"}
        onsets = {mod.modifier_span[0] for mod in doc._.context_graph.modifiers if mod.category == "NEW_ONSET"}

        def plainly_denied(j: int) -> bool:
            """Denied, and not only in part: the denial ends its clause or runs on into a list or a time ("without
            dyspnea.", "no cough, no fever", "no leg weakness today"), never a qualifier ("no dyspnea at rest")."""
            if "negated" not in effects[j] or effects[j] & blocking:
                return False
            after = next((t for t in doc[spans[j].end :] if not t.is_space), None)
            return (after is None or after.is_punct or after.i in onsets or after.lower_ in self.rules.list_connectors
                    or self._resolution_context.denied_until_now(text, spans[j].end_char))  # fmt: skip

        for i in targets:
            if (spans[i].start_char, spans[i].end_char) not in presented or effects[i] & {"warning", "negated"}:
                continue
            for j in targets:
                a, b = described[i]["end"], described[j]["start"]
                if described[j]["rule"] != described[i]["rule"] or b <= a:
                    continue
                if re.search(r"\n[ \t]*\n", text[a:b]) or sections[spans[i].start] != sections[spans[j].start]:
                    break  # later mentions are further still
                if not plainly_denied(j):
                    break  # the nearest later mention decides: "Headache persists." keeps it
                effects[i].add("historical")
                break


def _token_at_or_after(doc: Doc, char: int) -> int:
    """The index of the first token starting at or after character ``char`` (the document's length if none)."""
    return next((t.i for t in doc if t.idx >= char), len(doc))
