"""Round 9b: when an explanation or a resolution told later in a symptom's clause speaks of that symptom.

``Scopes._in_clause`` reads the explaining (EXPLAINED) and resolving (HISTORICAL, looking back) cues told after a
symptom in its own clause. Two things decide whether such a cue is about the symptom, kept here:

- a word that only says "nothing changed" ("no change", "stable": ``carried_explanation.status_words`` in
  context.yaml) speaks of the study, test or value named between it and the symptom ("back pain x 3 wks, bone scan
  no change from 2023"): that is the study's result, and the symptom stays unexplained (the safe reading);
- a new-onset word that only dates a resolution ("... that you treated with doxycycline; this has now fully
  resolved") does not open a new clause: the resolution is of the symptom before it.

Plain functions over token offsets, the doc's text and the mentions already read; no rule words in code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from spacy.tokens import Doc, Span

from rightscan.adapters.text.components import doc_text

# Tokens that may stand between a new-onset word and the resolution it dates ("now fully resolved", "now all but
# settled"): a new onset this close to a looking-back resolution cue only dates it.
DATING_GAP = 3
# How many lead words ("this has now fully") may stand before a resolution that opens its sentence
MAX_LEAD = 5
# Round 18b: how many words may stand between a cause lead and the finding told as the cause ("after a bad coughing")
CAUSE_GAP = 3


def _words_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    listed = sorted({w for w in words if w}, key=len, reverse=True)
    if not listed:
        return None
    alts = "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in listed)
    return re.compile(rf"(?<![\w/-])(?:{alts})(?![\w/-])", re.IGNORECASE)


class Explanations:
    """The policy of ``carried_explanation.status_*`` (context.yaml), compiled once per rule set."""

    def __init__(self, status: Mapping[str, Sequence[str]]) -> None:
        self.status_words = frozenset(" ".join(w.split()) for w in status.get("words", ()))
        self.subject_families = frozenset(status.get("families", ()))
        self._subjects = _words_pattern(status.get("subjects", ()))
        joiners = sorted({" ".join(w.split()) for w in status.get("joiners", ()) if w.strip()}, key=len, reverse=True)
        alts = "|".join(r"\s+".join(re.escape(p) for p in j.split()) for j in joiners)
        self._joined = re.compile(rf"\s*(?:{alts})\s*", re.IGNORECASE) if alts else None
        self.resolution_words = frozenset(" ".join(w.lower().split()) for w in status.get("resolutions", ()))
        self.referents = frozenset(w.lower() for w in status.get("referents", ()))  # round 20a
        self.lead_words = frozenset(w.lower() for w in status.get("lead_words", ())) | self.referents
        self.firm_hedges = frozenset(" ".join(w.lower().split()) for w in status.get("firm_hedges", ()))
        self.doubt_modals = frozenset(w.lower() for w in status.get("doubt_modals", ()))
        self.cause_leads = frozenset(" ".join(w.lower().split()) for w in status.get("cause_leads", ()))
        self._lead_longest = max((len(w.split()) for w in self.cause_leads), default=0)

    def subject_starts(self, spans: Sequence[Any], described: Sequence[Mapping[str, Any]]) -> list[int]:
        """First tokens of the mentions that name a study, a test or a value (``status_subject_families``)."""
        return sorted(sp.start for sp, d in zip(spans, described, strict=True) if d["family"] in self.subject_families)

    def not_about(
        self, cue_words: str, between_text: str, symptom_end: int, cue_start: int, subject_starts: Sequence[int]
    ) -> bool:
        """Whether an explaining cue told after a symptom is not about it: another item of a list the symptom is in
        ("Cough / chest infection lately?  Yes [x]"), or a study's "no change" (``speaks_of_another``)."""
        if self._joined is not None and self._joined.fullmatch(between_text):
            return True
        return self.speaks_of_another(cue_words, between_text, symptom_end, cue_start, subject_starts)

    def treated_resolution(
        self, doc: Any, cues: Iterable[tuple[int, int, str, Any]], symptom_end: int, until: int, negated_at: set[int]
    ) -> int | None:
        """The first token of a resolution told with its treatment after the symptom, in its clause ("a cough in
        January which cleared with amoxicillin"): a cue of the exam manoeuvre kind ("cleared with" what the patient
        was asked to do) whose first word is a resolution word (``carried_explanation.treated_resolutions``) looks
        back at the symptom as a resolution. None when there is none (or it is negated)."""
        for s, _t, _name, _mod in cues:
            negated = s in negated_at or s - 1 in negated_at
            if symptom_end <= s < until and not negated and doc[s].lower_ in self.resolution_words:
                return int(s)
        return None

    def told_as_cause(self, doc: Any, start: int) -> bool:
        """Round 18b: whether the finding starting at token ``start`` is told as another finding's cause: a cause
        lead (``carried_explanation.cause_leads``: "after", "from", "due to") ends at most ``CAUSE_GAP`` words before
        it, with no mark between ("rib pain began after a coughing fit", "chest wall pain from coughing")."""
        for gap in range(CAUSE_GAP + 1):
            end = start - gap
            if end <= 0 or any(doc[j].is_punct for j in range(end, start)):
                return False
            for n in range(min(self._lead_longest, end), 0, -1):
                if " ".join(t.lower_ for t in doc[end - n : end]) in self.cause_leads:
                    return True
        return False

    def led_in(self, doc: Any, first: int, cue_start: int) -> bool:
        """Whether a sentence's words before its resolution cue only point back and date it ("This has now fully
        resolved.", "It has since settled."): every token from ``first`` up to the cue is a lead word
        (``carried_explanation.resolution_lead_words``), and there are a few of them at most."""
        if not first < cue_start <= first + MAX_LEAD:
            return False
        return all(doc[i].lower_ in self.lead_words for i in range(first, cue_start))

    def speaks_of_another(
        self, cue_words: str, between_text: str, symptom_end: int, cue_start: int, subject_starts: Sequence[int]
    ) -> bool:
        """Whether an explaining cue after a symptom only says nothing changed about a study, test or value named
        between the two (``between_text``: the note's words from the symptom's end to the cue)."""
        if " ".join(cue_words.lower().split()) not in self.status_words:
            return False
        if any(symptom_end <= s < cue_start for s in subject_starts):
            return True
        return self._subjects is not None and self._subjects.search(between_text) is not None


def dating_onsets(cues: Iterable[tuple[int, int, str, Any]], backward: set[int]) -> set[int]:
    """First tokens of the new-onset cues (``|NEW_ONSET``) that only date a resolution told right after them:
    a looking-back historical cue starts within ``DATING_GAP`` tokens of the new onset's end."""
    listed = list(cues)
    resolutions = [s for s, _t, name, _m in listed if name == "historical" and s in backward]
    return {
        s for s, t, name, _m in listed
        if name == "|NEW_ONSET" and any(t <= r <= t + DATING_GAP for r in resolutions)
    }  # fmt: skip


def cue_words(text: str, doc: Any, start: int, end: int) -> str:
    """The doc's words from token ``start`` up to token ``end`` (exclusive)."""
    return text[doc[start].idx : doc[end - 1].idx + len(doc[end - 1])]


def between(text: str, doc: Any, first_end: int, second_start: int) -> str:
    """The doc's text from the end of token ``first_end - 1`` to the start of token ``second_start``."""
    return text[doc[first_end - 1].idx + len(doc[first_end - 1]) : doc[second_start].idx]


def drop_status_of_another(
    explanations: Explanations,
    doc: Any,
    spans: Sequence[Any],
    described: Sequence[Mapping[str, Any]],
    effects: list[set[str]],
    policies: Mapping[str, Any],
    effect_of: Mapping[str, str | None],
) -> None:
    """Round 9b: a symptom explained only by cues told after it that are not about it (``Explanations.not_about``:
    "Back pain, scan stable."; "Cough / chest infection?"): not explained by them (a later cue of its clause may
    still explain it). Only the families that read explanations in their clause (``policies``' ``in_clause``);
    ``effect_of`` maps a cue category to its effect (context.yaml categories)."""
    chosen = [i for i, d in enumerate(described)
              if "explained" in effects[i] and "explained" in policies[d["family"]].in_clause]  # fmt: skip
    if not chosen:
        return
    explained_category = [c for c, effect in effect_of.items() if effect == "explained"]
    subjects = explanations.subject_starts(spans, described)
    text = doc_text(doc)
    categories = frozenset(explained_category)
    by_target: dict[tuple[int, int], list[Any]] = {}
    for target, modifier in doc._.context_graph.edges:
        if modifier.category in categories:
            by_target.setdefault((target.start, target.end), []).append(modifier)
    for i in chosen:
        span = spans[i]
        mods = by_target.get((span.start, span.end))
        if "explained" not in effects[i] or not mods:
            continue
        after = [m for m in mods if m.modifier_span[0] >= span.end]
        if len(after) < len(mods):
            continue  # an explaining cue before the symptom ("known OA pain") speaks of it
        if all(
            explanations.not_about(
                cue_words(text, doc, *m.modifier_span), between(text, doc, span.end, m.modifier_span[0]),
                span.end, m.modifier_span[0], subjects,
            )
            for m in after
        ):  # fmt: skip
            effects[i].discard("explained")


# How close (in tokens) a hedge must stand to the cause it doubts ("possibly musculoskeletal", "? mechanical",
# "OA vs metastasis", "tendinopathy - to be confirmed")
HEDGE_REACH = 2


def hedged_causes(
    doc: Any, categories: Mapping[str, str | None], firm: frozenset[str], hedging: frozenset[str]
) -> set[tuple[int, int]]:
    """The spans of the explaining cues the note itself doubts: a hedge (a cue whose effect is in ``hedging``, other
    than the working-diagnosis words of ``firm``) ending at most ``HEDGE_REACH`` tokens before the cause, or starting
    at most that far after it ("musculoskeletal vs bony", "OA?")."""
    mods = list(doc._.context_graph.modifiers)
    hedges = [m.modifier_span for m in mods if categories.get(m.category) in hedging
              and " ".join(doc[m.modifier_span[0] : m.modifier_span[1]].text.lower().split()) not in firm]  # fmt: skip
    out: set[tuple[int, int]] = set()
    for m in mods:
        if categories.get(m.category) != "explained":
            continue
        s, t = m.modifier_span
        if any(s - HEDGE_REACH <= he <= s and hs < s for hs, he in hedges) or any(
            t <= hs <= t + HEDGE_REACH - 1 for hs, _he in hedges
        ):
            out.add((s, t))
    return out


def doubt_hedged_explanations(
    doc: Any,
    spans: Sequence[Any],
    effects: list[set[str]],
    chosen: Mapping[int, int],
    categories: Mapping[str, str | None],
    firm: frozenset[str],
    reach: int,
) -> None:
    """A symptom whose every explaining cue the note doubts ("back pain x 3 weeks, ?musculoskeletal vs bony";
    "cough, possibly viral") is not explained away but left uncertain (sent to confirmation): the cues that reach it
    are those whose scope covers it and those told after it in its sentence, up to ``reach`` tokens on (``chosen``:
    mention -> the end of its sentence)."""
    hedged = hedged_causes(doc, categories, firm, frozenset({"uncertain", "question"}))
    if not hedged:
        return
    explaining = [m for m in doc._.context_graph.modifiers if categories.get(m.category) == "explained"]
    covering: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for target, modifier in doc._.context_graph.edges:
        if categories.get(modifier.category) == "explained":
            covering.setdefault((target.start, target.end), []).append(modifier.modifier_span)
    for i, sent_end in chosen.items():
        span = spans[i]
        if "explained" not in effects[i] or "warning" in effects[i]:
            continue
        causes = set(covering.get((span.start, span.end), ()))
        causes |= {m.modifier_span for m in explaining
                   if span.end <= m.modifier_span[0] < min(sent_end, span.end + reach)}  # fmt: skip
        if causes and causes <= hedged:
            effects[i].discard("explained")
            effects[i].add("uncertain")


def doubt_modal_causes(
    doc: Any,
    spans: Sequence[Any],
    effects: list[set[str]],
    chosen: Mapping[int, int],
    modals: frozenset[str],
    causes: frozenset[str],
    reach: int,
) -> None:
    """A symptom followed in its sentence by a modal "be" and a benign cause ("Hip pain for 5 weeks, could be
    bursitis"): a guess at its cause, so the symptom is there and its cause doubted; it is left uncertain (sent to
    confirmation), neither dropped nor stated. ``chosen``: the symptom's index -> its sentence's end; ``causes``:
    the one-word explaining cues (a guess at anything else, "could be anything", "might be a sign of spread",
    leaves the symptom standing). ``reach``: how many tokens after the symptom the guess may start."""
    for i, end in chosen.items():
        span = spans[i]
        stop = min(end, span.end + reach + 3)
        for s in range(span.end, stop - 2):
            if doc[s].lower_ in modals and doc[s + 1].lower_ == "be" and doc[s + 2].lower_ in causes:
                effects[i].add("uncertain")
                break


def bracket_end(doc: Doc, span: Span, start: int, end: int) -> int:
    """Round 26: the token after the bracket ``span`` stands in, within ``start``-``end`` (its sentence), or
    ``span.end`` when it stands in none. The findings listed inside one bracket after a condition ("radiation
    pneumonitis 12/2022 (cough, SOB) - prednisolone taper, fully resolved by 04/2023") are that condition's
    presentation: a resolution told after the bracket closes is of each of them, not only of the last."""
    opened = next((i for i in range(span.start - 1, start - 1, -1) if doc[i].text in ("(", ")")), None)
    if opened is None or doc[opened].text != "(":
        return span.end
    closed = next((i for i in range(span.end, end) if doc[i].text in ("(", ")")), None)
    if closed is None or doc[closed].text != ")":
        return span.end
    return closed
