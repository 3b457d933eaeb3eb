"""Round 12a: who told of a symptom, whether the telling is itself denied or doubted, and what a past study says.

Four readings ConText's cue scopes get wrong, each driven by word lists of ``red_flag_readings`` in context.yaml:

- **a denied report** (``denied_report``): a reporting verb is a positive cue ("reports", "c/o", "endorses") that ends
  a negation's scope, so that "denies nausea, reports bone pain" keeps the bone pain. A reporting verb that is itself
  denied ("she has never reported bone pain", "no reported headache", "denies having reported back pain") ends
  nothing: the symptom after it is denied. The same told after the symptom ("bone pain has never been reported.") is
  denied when the denial ends the clause. A denial bounded in time ("never reported headaches until last week",
  "had not reported bone pain before today") dates an onset, and one left open ("has not reported back pain to her
  GP, although it has been there for weeks": not told, "hadn't reported her headaches") may mean the symptom is
  there: neither reading is safe, the symptom is left to confirm.
- **a relative of a relative** (``nested_informant``): a relative who tells of someone named by a possessive and a
  relation ("her sister said her mother had bone pain", "his wife says his mother has headaches") tells of a
  relative of the patient, whose symptoms are not the patient's. ConText reads the teller as an informant (a pseudo
  cue, so that "her daughter says she has headaches" stays the patient's), which also swallows the relation named
  after it. Where the person named may be the patient herself ("her daughter says her mum has been having
  headaches": the daughter's mother), the symptom is left to confirm; a relative telling of the patient herself
  ("her son tells us she has headaches") is an informant, not a relative with the symptom.
- **a doubt whether** (``doubted_whether``, ``doubted_cause``): a doubt followed by "whether" or "if" ("not sure
  whether this back pain is serious", "unclear if she has headaches") puts in doubt the symptom after it, its
  presence or its meaning: the symptom is left to confirm. ConText read the doubt's own "not" as a denial and its
  "if" as a hypothetical, which dropped the red flag. Only those cues inside the doubt are undone; any other keeps
  its effect. A cause told after the link is what is in doubt ("unclear whether the bone pain is related to her
  arthritis"): it does not explain the symptom away.
- **the reason of a study done before** (``undated_study_reason``): a symptom in the scope of a past cue and of a done
  study is that study's old indication (context.yaml ``implied_by``) when a date dates it ("CT chest 2022 (for cough,
  done elsewhere)"). A past verb alone ("she had a bone scan for new back pain and it showed lesions") speaks of the
  study, not of the symptom: the symptom is left to confirm (a resolution in its clause still makes it past).

Passes over one note's mentions (``rule_pass.NoteMentions``: the doc, its ConText graph, the mentions' spans and
their effect sets, changed in place).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Span

from rightscan.adapters.text.pass_words import CLAUSE_BREAKS, CLAUSE_REACH, ends_with, norm, word_sets
from rightscan.adapters.text.rule_pass import ANY_SYMPTOM, SYMPTOM, NoteMentions

POSITIVE = "POSITIVE_CUE"  # context.yaml: the category of a reporting verb ("reports", "c/o"), which ends a negation
# how many tokens may stand between a denied reporting verb and the symptom it denies ("never reported any new bone")
REPORT_REACH = 6
# how many tokens may stand between a symptom and a denied report told after it ("bone pain has never been reported")
AFTER_REACH = 5
# how many tokens may stand between a relation named by a teller and the symptom told of it
NESTED_REACH = 12
BARE = "="  # marks a relation named without a possessive ("says mum has ...")
# how many tokens may stand between the "whether" of a doubt and the symptom it doubts ("unclear if this new back")
DOUBT_REACH = 8


def may_be_patient(words: Mapping[str, Sequence[str]]) -> dict[str, frozenset[str]]:
    """Teller -> the words by which that teller may name the patient herself (``nested_may_be_patient``: "her
    daughter says her mum ...", "the daughter says mum has ...")."""
    out: dict[str, frozenset[str]] = {}
    for pair in words.get("nested_may_be_patient", ()):
        tellers, _, names = pair.partition(":")
        for teller in norm(tellers.split(",")):
            out[teller] = norm(names.split(","))
    return out


class ReportedReadings:
    """The word lists of ``red_flag_readings`` (context.yaml) these readings use, compiled once per rule set."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        self.words = word_sets(words)  # the lists read as they are, by their keys
        # the relations a teller may name: every word of relation_names, and the tellers
        self.relations: frozenset[str] = frozenset()
        for group in words.get("relation_names", ()):
            self.relations |= norm(group.split(","))
        self.relations |= self.words["tellers"]
        self.may_be_patient = may_be_patient(words)
        self._longest = max((len(p.split()) for p in self.words["telling_verbs"]), default=1)
        # a doubt's words, compared without spaces: spaCy splits "don't" in two
        leads = norm(words.get("doubt_leads", ()))
        self.doubts = frozenset(p.replace(" ", "") for p in leads)
        dates = [w for w in words.get("study_dates", ()) if w]
        self.dates = re.compile("|".join(f"(?:{w})" for w in dates)) if dates else None
        self._doubt_longest = max((len(p.split()) + p.count("'") for p in leads), default=1)  # "do n't know"

    def before_clauses(self, note: NoteMentions) -> None:
        """The readings of this module that come before the clause and list passes of ``scopes.Scopes.spread``."""
        self.denied_report(note)
        self.doubted_whether(note)
        self.undated_study_reason(note)
        self.nested_informant(note)

    # ------------------------------------------------------------------ a denied report
    def denied_report(self, note: NoteMentions) -> None:
        """A symptom a few words after a denied reporting verb, or before a denied report ending its clause: negated;
        uncertain when the report leaves it open (``_open``), as also a symptom denied with a reporting verb before it
        ("she never mentioned headaches before", "did not complain of back pain to her GP, although ...")."""
        doc, sents = note.doc, note.sents
        negation_ends: set[int] = set()
        positives: list[tuple[int, int]] = []
        warnings: set[int] = set()
        for mod in doc._.context_graph.modifiers:
            s, t = mod.modifier_span
            effect = note.categories.get(mod.category)
            if effect == "negated" and mod.direction.upper() in ("FORWARD", "BIDIRECTIONAL"):
                negation_ends.add(t)
            elif effect == "warning":
                warnings.add(s)
            elif mod.category == POSITIVE:
                positives.append((s, t))
        denied = [t for s, t in positives if self._denied_before(doc, s, negation_ends)]
        starts = note.starts(ANY_SYMPTOM)
        for _, span, _, e in note.mentions(SYMPTOM, without={"family", "hypothetical"}):
            sent = sents.of(span.start)
            stop = next((s for s in starts if s >= span.end), len(doc))
            stop = min(stop, sent.end)
            if "negated" in e:  # "she never mentioned headaches before": a report denied until a time
                verb = self._report_verb_before(doc, max(sent.start, span.start - REPORT_REACH), span.start)
                if (
                    verb is not None
                    # the verb denied by a cue before it, or the last word of one ("hadn't reported")
                    and (self._denied_before(doc, verb, negation_ends) or verb + 1 in negation_ends)
                    and self._open(doc, span, stop, warnings)
                ):
                    e.discard("negated")
                    e.add("uncertain")
                continue
            before = any(
                sent.start <= t <= span.start
                and span.start - t <= REPORT_REACH
                and not any(tok.text in CLAUSE_BREAKS or tok.text == "," for tok in doc[t : span.start])
                for t in denied
            )
            if before:
                e.add("uncertain" if self._open(doc, span, stop, warnings) else "negated")
            elif self.words["report_verbs"] and self._denied_after(doc, span, sent.end):
                e.add("negated")

    def _report_verb_before(self, doc: Doc, first: int, symptom: int) -> int | None:
        """The reporting verb before the symptom in its clause, from token ``first`` on, or None."""
        for k in range(symptom - 1, first - 1, -1):
            if doc[k].text in CLAUSE_BREAKS or doc[k].text == ",":
                return None
            if doc[k].lower_ in self.words["report_verbs"]:
                return k
        return None

    def _denied_before(self, doc: Doc, start: int, negation_ends: set[int]) -> bool:
        """Whether a negation cue ends right before the reporting verb at ``start`` (fillers between: "having")."""
        k = start
        while k > 0 and start - k < 2 and doc[k - 1].lower_ in self.words["report_fillers"]:
            k -= 1
        return k in negation_ends

    def _open(self, doc: Doc, span: Span, stop: int, warnings: set[int]) -> bool:
        """Whether what the denied report says of the symptom is left open: the symptom named as hers ("hadn't
        reported her headaches"), or its clause going on with a limit in time ("until", "before"), a contrast or a
        pointer back ("but it began last week", "to her GP, although ...", "which are new") or a warning, before
        token ``stop`` (the end of its sentence or the next symptom: "no bone pain, no breathlessness beyond her
        usual" speaks of the breathlessness)."""
        if span.start > 0 and doc[span.start - 1].lower_ in self.words["nested_possessives"]:
            return True
        for k in range(span.end, stop):
            if doc[k].text in CLAUSE_BREAKS:
                return False
            if (
                k in warnings
                or doc[k].lower_ in self.words["report_limits"]
                or doc[k].lower_ in self.words["report_continuations"]
            ):
                return True
        return False

    def _denied_after(self, doc: Doc, span: Span, sent_end: int) -> bool:
        """A denial told after the symptom ("bone pain has never been reported."): auxiliaries, a negation, a
        reporting verb, then the end of the clause."""
        k = span.end
        stop = min(sent_end, span.end + AFTER_REACH)
        while k < stop and (doc[k].lower_ in self.words["report_auxiliaries"] or doc[k].text in (":", "-")):
            k += 1
        if k >= stop or doc[k].lower_ not in self.words["report_negations"]:
            return False
        k += 1
        while k < stop and doc[k].lower_ in self.words["report_auxiliaries"]:
            k += 1
        if k >= len(doc) or doc[k].lower_ not in self.words["report_verbs"]:
            return False
        return k + 1 >= sent_end or doc[k + 1].is_punct

    # ------------------------------------------------------------------ a relative of a relative
    def nested_informant(self, note: NoteMentions) -> None:
        """A symptom told of a relation that a relative, telling, names with a possessive: the relative's (family), or
        uncertain where that relation may be the patient (also when ConText read the relation as a relative). A
        symptom a relative tells of the patient ("her son tells us she has headaches", "... her back pain"), whose only
        relative cue is that teller: the patient's."""
        if not self.relations or not self.words["telling_verbs"] or not self.words["nested_possessives"]:
            return
        doc = note.doc
        family_cues = note.cues_by_target("family")
        for _, span, _, e in note.mentions(SYMPTOM, without={"negated", "hypothetical"}):
            if note.in_family_section(span):
                continue
            sent = note.sents.of(span.start)
            found = self._told_before(doc, max(sent.start, span.start - NESTED_REACH), span.start)
            if found is None:
                continue
            teller_at, named = found
            teller = doc[teller_at].lower_
            if named is None:  # told of the patient: only the teller's own cue made it a relative's
                cues = family_cues.get((span.start, span.end), ())
                if cues and all(s <= teller_at < t for s, t in cues):
                    e.discard("family")
            elif named.startswith(BARE):  # "mum" without a possessive: the teller's mother, or another's
                if named[len(BARE) :] in self.may_be_patient.get(teller, frozenset()):
                    e.discard("family")  # "The daughter says mum has had ...": the patient (round 12a, round 29)
                else:
                    e.add("family")  # "Sister: says mum had ...": the patient's mother
            elif named in self.may_be_patient.get(teller, frozenset()):
                e.discard("family")
                e.add("uncertain")
            else:
                e.add("family")

    def _told_before(self, doc: Doc, first: int, symptom: int) -> tuple[int, str | None] | None:
        """The last "<relative> <telling verb> (that)" before the symptom in its clause, from token ``first`` on: (the
        relative's token, the relation it names with a possessive right after), or (the relative's token, None) when
        what follows names the patient ("she", "her back pain"); None when there is none, or when a new subject stands
        between a relation so named and the symptom."""
        subject_seen = False
        for j in range(symptom - 1, first, -1):
            tok = doc[j]
            if tok.text in CLAUSE_BREAKS:
                return None
            k = j
            while k > first and (doc[k - 1].lower_ in self.words["telling_fillers"] or doc[k - 1].text == ","):
                k -= 1
            verb = ends_with(doc, k, self.words["telling_verbs"], self._longest)
            teller = None if verb is None else self._teller_before(doc, verb, first)
            if verb is not None and teller is not None:
                after = doc[j + 1] if j + 1 < symptom else None
                if (
                    tok.lower_ in self.words["nested_possessives"]
                    and after is not None
                    and after.lower_ in self.relations
                ):
                    return None if subject_seen else (teller, after.lower_)
                if tok.lower_ in self.relations:  # round 29: "Daughter: says mum has had ...", no possessive
                    return None if subject_seen else (teller, BARE + tok.lower_)
                if tok.lower_ in self.words["patient_pointers"]:
                    return teller, None
                return None
            if tok.lower_ in self.words["nested_subjects"]:
                subject_seen = True
        return None

    def _teller_before(self, doc: Doc, verb: int, first: int) -> int | None:
        """The relative right before a telling verb ("her son says"), or before it with a relative pronoun or a mark
        between (round 29: "the patient's daughter, who says ...", "Daughter: says ..."); None when there is none."""
        k = verb - 1
        if k >= first and doc[k].lower_ in self.words["teller_links"]:
            k -= 1
        if k >= first and doc[k].text in (",", ":", "-"):
            k -= 1
        return k if k >= first and k >= 0 and doc[k].lower_ in self.relations else None

    # ------------------------------------------------------------------ a doubt whether
    def doubted_whether(self, note: NoteMentions) -> None:
        """A symptom a few words after a doubt and its link ("whether", "if"), in its clause: uncertain; a denial or a
        hypothetical that only the doubt's own words gave it is undone. A doubt without a link ("not sure this back
        pain is anything") only undoes the denial its own "not" gave."""
        if not self.doubts or not self.words["doubt_links"]:
            return
        own = self._own_cues(note)
        for _, span, _, e in note.mentions(ANY_SYMPTOM, without={"family"}):
            sent = note.sents.of(span.start)
            doubt = self._doubt_before(note.doc, max(sent.start, span.start - DOUBT_REACH), span.start)
            if doubt is None:
                continue
            first, after, linked = doubt
            undone = False
            for effect in ("negated", "hypothetical"):
                cues = [(s, t) for given, s, t in own.get((span.start, span.end), ()) if given == effect]
                if effect in e and cues and all(first <= s and t <= after for s, t in cues):
                    e.discard(effect)
                    undone = True
            if (linked or undone) and not e & {"negated", "hypothetical"}:
                e.add("uncertain")

    def doubted_cause(self, note: NoteMentions) -> None:
        """After the clause passes: a symptom in doubt (``doubted_whether``) explained only by causes told after the
        doubt's link ("unclear whether the bone pain is related to her arthritis"): the cause is what is in doubt, so
        the symptom is not explained away (it stays uncertain, left to confirm)."""
        if not self.doubts or not self.words["doubt_links"]:
            return
        own = self._own_cues(note)
        explaining = note.cues("explained")
        for _, span, _, e in note.mentions(ANY_SYMPTOM, having={"explained", "uncertain"}, without={"warning"}):
            sent = note.sents.of(span.start)
            doubt = self._doubt_before(note.doc, max(sent.start, span.start - DOUBT_REACH), span.start)
            if doubt is None or not doubt[2]:
                continue
            stop = min(sent.end, span.end + CLAUSE_REACH)  # a cause told in its clause
            causes = {(s, t) for given, s, t in own.get((span.start, span.end), ()) if given == "explained"}
            causes |= {(s, t) for s, t in explaining if span.end <= s < stop}
            if all(s >= doubt[1] for s, _ in causes):
                e.discard("explained")

    @staticmethod
    def _own_cues(note: NoteMentions) -> dict[tuple[int, int], list[tuple[str | None, int, int]]]:
        """Target (start, end) -> the effect and span of each cue ConText gave it."""
        own: dict[tuple[int, int], list[tuple[str | None, int, int]]] = {}
        for target, mod in note.doc._.context_graph.edges:
            cue = (note.categories.get(mod.category), *mod.modifier_span)
            own.setdefault((target.start, target.end), []).append(cue)
        return own

    def _doubt_before(self, doc: Doc, first: int, symptom: int) -> tuple[int, int, bool] | None:
        """(first token of the doubt, its end with its link, whether a link follows it) of the last doubt before the
        symptom in its clause, from token ``first`` on, or None."""
        for k in range(symptom - 1, first - 1, -1):
            tok = doc[k]
            if tok.text in CLAUSE_BREAKS or tok.text == ",":
                return None
            linked = tok.lower_ in self.words["doubt_links"]
            end = k if linked else k + 1
            for n in range(min(self._doubt_longest, end), 0, -1):
                if "".join(t.lower_ for t in doc[end - n : end]) in self.doubts:
                    return end - n, k + 1, linked
        return None

    # ------------------------------------------------------------------ the reason of a study done before
    def undated_study_reason(self, note: NoteMentions) -> None:
        """A symptom in the scope of a done study and of past cues, with no date in those cues or in its sentence: not
        past (the past verb is the study's), uncertain."""
        if self.dates is None:
            return
        doc = note.doc
        past = note.cues_by_target("past")
        for _, span, _, e in note.mentions(ANY_SYMPTOM, having={"past", "performed"}):
            cues = past.get((span.start, span.end))
            sent = note.sents.of(span.start)
            words = [*(tok for s, t in cues or () for tok in doc[s:t]), *doc[sent.start : sent.end]]
            if cues and not any(self.dates.fullmatch(tok.text) for tok in words):
                e.discard("past")
                e.add("uncertain")
