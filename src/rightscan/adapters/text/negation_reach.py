"""Round 11b: a negation that reaches a described symptom across a clause is not trusted (nor one "until" ends).

A negation cue without a word limit ("never had", "denies", "no history of") covers its whole sentence in ConText.
Run-on histories chain clauses with commas ("no prior cancer, never had a mammogram, presented with 3 weeks of back
pain, constant, worse at night"), so such a cue can reach a symptom that a later clause states. A symptom that is
really denied is seldom described further; one that also carries a warning told after it (constant, at night,
progressive) and stands a clause or more after the negation is read both ways at once. Only a warning told after
the symptom counts: it describes this symptom, while a warning word earlier in a list of denials ("denies night
sweats, weight loss") describes another. Neither reading is safe to state: the red flag is left uncertain, so the
answer waits for it to be confirmed (``confirm``). A negation next to the symptom ("no headaches worse in the
morning", "denies new back pain") is left as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from spacy.tokens import Doc, Span

from rightscan.adapters.text.rule_pass import SYMPTOM, Described, Effects, NoteMentions

# how many tokens at least between the end of a negation cue and a symptom it reaches across a comma (the cue's
# own object and one clause: "never had a screening mammogram, presented ... with")
FAR = 8
CLAUSE_MARKS = frozenset({","})


def negation_across_clause(note: NoteMentions) -> None:
    """A symptom with a warning, negated only by cues a clause or more before it: uncertain, not negated."""
    negators = note.cues_by_target("negated")
    described_after = {  # symptoms with a warning cue told after them
        target for target, cues in note.cues_by_target("warning").items() if any(s >= target[1] for s, _ in cues)
    }
    for _, span, _, e in note.mentions(SYMPTOM, having={"negated", "warning"}):
        cues = negators.get((span.start, span.end))
        if cues and (span.start, span.end) in described_after and all(_far_before(note.doc, c, span) for c in cues):
            e.discard("negated")
            e.add("uncertain")


def _far_before(doc: Doc, cue: tuple[int, int], span: Span) -> bool:
    end = cue[1]
    if end > span.start or span.start - end < FAR:
        return False
    return any(doc[k].text in CLAUSE_MARKS for k in range(end, span.start))


# A denial that "until" ends dates an onset ("she had never had headaches until this week"): the symptom began then.
# Whether it is present now or was over by an earlier time ("no headaches until her last visit") the words after
# "until" tell, which the rules do not read, so neither denial nor assertion is safe.
UNTIL = frozenset({"until", "till", "til"})
UNTIL_REACH = 3  # tokens after the symptom, within its clause


def negation_ended_by_until(note: NoteMentions) -> None:
    """A negated symptom followed in its clause by "until": uncertain, not negated."""
    doc = note.doc
    for _, span, _, e in note.mentions(SYMPTOM, having={"negated"}):
        for k in range(span.end, min(span.end + UNTIL_REACH, len(doc))):
            token = doc[k]
            if token.is_punct or token.is_sent_start:
                break
            if token.lower_ in UNTIL:
                e.discard("negated")
                e.add("uncertain")
                break


# Round 14 (safe14): a denial followed by a new clause about the present ("no chest pain and now short of breath on
# stairs") denies only what it names before that clause (context.yaml red_flag_readings.negation_end_joiners, _times).
OPENER_FILLERS = 3  # words that may stand between the joiner and the time word ("and she is now ...")


def _phrases(words: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    """Each phrase as its words (a mark is a word of its own: ", and" -> (",", "and")), longest first."""
    out = {tuple(w.replace(",", " , ").split()) for w in words}
    return tuple(sorted((p for p in out if p), key=len, reverse=True))


def _negation_map(
    doc: Doc, categories: Mapping[str, str | None]
) -> tuple[dict[tuple[int, int], list[tuple[int, int]]], set[int]]:
    """The negation cues of a note: each target's cue spans, and the token where every negation cue starts."""
    negators: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for target, mod in doc._.context_graph.edges:
        if categories.get(mod.category) == "negated":
            negators.setdefault((target.start, target.end), []).append(mod.modifier_span)
    starts = {m.modifier_span[0] for m in doc._.context_graph.modifiers if categories.get(m.category) == "negated"}
    return negators, starts


class NewClauseNegation:
    """A negation whose every cue stands before a joiner and a time word, which stand before the symptom: the symptom
    is told in a new clause about now, which the denial does not reach; it is stated. Only the negation ends there."""

    def __init__(self, words: Mapping[str, Sequence[str]], categories: Mapping[str, str | None]) -> None:
        self.joiners = _phrases(words.get("negation_end_joiners", ()))
        self.times = _phrases(words.get("negation_end_times", ()))
        self.fillers = _phrases(words.get("negation_end_fillers", ()))
        self.verbs = _phrases(words.get("negation_end_verbs", ()))
        self.articles = _phrases(words.get("negation_end_articles", ()))
        # sixteenth pass F2: "no fever, ongoing bone pain" (to confirm); "no fever, bone pain + R hip" (the sign's yes)
        self.qualifiers = _phrases(words.get("negation_end_qualifiers", ()))
        reach = words.get("negation_end_qualifier_words", ())
        self.qualifier_words = int(reach[0]) if reach else 0
        self.signs = frozenset(words.get("negation_end_signs", ()))
        self.sign_followers = frozenset(words.get("negation_end_sign_followers", ()))
        self.categories = categories

    def apply(self, doc: Doc, spans: Sequence[Span], described: Described, effects: Effects) -> None:
        negation_across_line(doc, spans, described, effects, self.categories)  # round 21n
        if not self.joiners or not self.times:
            return
        negators: dict[tuple[int, int], list[tuple[int, int]]] | None = None
        negation_starts: set[int] = set()
        for i, (span, d) in enumerate(zip(spans, described, strict=True)):
            if not d["family"].startswith("symptom") or "negated" not in effects[i]:
                continue
            if negators is None:
                negators, negation_starts = _negation_map(doc, self.categories)
            cues = negators.get((span.start, span.end))
            if not cues or any(end > span.start for _start, end in cues):
                continue  # negated by the layout only, or by a cue at or after the symptom
            opener = self._opener_between(doc, max(end for _s, end in cues), span.start, negation_starts)
            signed = opener is None and self._signed_yes(doc, span.end)
            if signed:  # "..., bone pain + right hip x 3 weeks"
                opener = "verb" if self._joined_after(doc, max(end for _s, end in cues), span.start) else "article"
            if opener:
                if signed or opener == "qualifier":
                    # no list shares the denial with it again ("No cough or chills, persisting headaches": the
                    # continuation word is no item of the denied list); a bare article ("..., a cough or double
                    # vision") may still carry the denied list on, so its later items keep sharing the denial
                    doc.user_data.setdefault(SIGNED_YES_KEY, set()).add(d["start"])
                effects[i].discard("negated")
                if opener in ("article", "qualifier"):  # a new clause or the denied list carried on: to confirm
                    effects[i].add("uncertain")

    def _opener_between(self, doc: Doc, start: int, end: int, negation_starts: set[int]) -> str | None:
        """How a new clause opens between the denial and the symptom: "time" or "verb" (stated), "article" or
        "qualifier" (to confirm), or None."""
        for k in range(start, end):
            n = _match(doc, k, end, self.joiners)
            if not n:
                continue
            j = k + n
            if j < end and j not in negation_starts and (v := _match(doc, j, end, self.articles)) and j + v == end:
                return "article"  # "no fever, and a cough": the article stands right before the symptom
            if j < end and j not in negation_starts and self._qualifies(doc, j, end):
                return "qualifier"  # "no fever, ongoing bone pain": the denied item's qualifier or a statement
            for _filler in range(OPENER_FILLERS + 1):
                if j >= end or j in negation_starts:
                    break
                if _match(doc, j, end, self.times):
                    return "time"
                if (v := _match(doc, j, end, self.verbs)) and not any(t in negation_starts for t in range(j, end)):
                    return "verb"
                filler = _match(doc, j, end, self.fillers)
                if not filler:
                    break
                j += filler
        return None

    def _qualifies(self, doc: Doc, j: int, end: int) -> bool:
        """A word of continuation at ``j`` ("ongoing") qualifies the symptom at ``end``, a few words on at most, with no
        list's join between."""
        n = _match(doc, j, end, self.qualifiers)
        if not n or end - (j + n) > self.qualifier_words:
            return False
        return not any(doc[k].is_punct or doc[k].lower_ in _LIST_JOINS for k in range(j + n, end))

    def _signed_yes(self, doc: Doc, after: int) -> bool:
        """A plus sign right after the symptom, then where or since when ("bone pain + right hip"), or the item's end
        ("bone pain +, ...")."""
        if after >= len(doc) or doc[after].text not in self.signs:
            return False
        if after + 1 == len(doc):
            return True
        nxt = doc[after + 1]
        return nxt.lower_ in self.sign_followers or nxt.text in _ITEM_ENDS or "\n" in nxt.text

    def _joined_after(self, doc: Doc, start: int, end: int) -> bool:
        """A joiner stands between the denial's cue and the symptom: the symptom is a later item."""
        return any(_match(doc, k, end, self.joiners) for k in range(start, end))


_LIST_JOINS = frozenset({"or", "and", "nor", "/", "&", "+"})
_ITEM_ENDS = frozenset({",", ";", ".", "|", ")"})  # not "/": "+/-" is "with or without"
# where the symptoms start (characters) that a plus sign after them answers yes (NewClauseNegation): no list shares
# a denial with them
SIGNED_YES_KEY = "rightscan.signed_yes"


def _match(doc: Doc, k: int, end: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """The length of the first phrase of ``phrases`` that the words from token ``k`` spell before ``end`` (0: none)."""
    for phrase in phrases:
        n = len(phrase)
        if k + n <= end and all(doc[k + m].lower_ == w for m, w in enumerate(phrase)):
            return n
    return 0


# Round 21n: a denial does not cross a line break into the next line's own statement ("ROS: No fever or
# chills\nheadaches daily", "no nausea or vomiting\nback pain x 1 month"). The symptom opens its line (a bullet
# may stand before it) and the line of the denial is complete: it names what it denies after the cue and does not
# end on a mark or a word that carries its list on ("No fever, chills,\nheadache", "denies fever or\nheadache",
# "Denies:\nheadache" still deny). A hard-wrapped line of prose is one line already (spacing.unwrap).
LIST_GOES_ON = frozenset({",", ";", ":", "/", "-", "–", "—", "&", "+", "(", "or", "and", "nor", "and/or", "with", "of",
                          "for", "any", "without", "including", "includes", "except"})  # fmt: skip
BULLETS = frozenset({"-", "*", "•", "·", "–", ">"})
LINE_ENDS_DENYING = frozenset({"no", "not", "nil", "denies", "denied", "deny", "negative", "neg", "never", "none"})
# round 31a (v32 dc-011): the token starts of symptoms the layout itself answers no ("bone pain -" in a column of
# signed items, under a line that ends a denial in brackets): kept by the pipeline in doc.user_data
LAYOUT_NEGATED_KEY = "rightscan.layout_negated"


def negation_across_line(
    doc: Doc, spans: Sequence[Span], described: Described, effects: Effects, categories: Mapping[str, str | None]
) -> None:
    """A symptom that opens a line, negated only by cues of earlier lines whose line ends complete: not negated."""
    negators: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for target, mod in doc._.context_graph.edges:
        if categories.get(mod.category) == "negated":
            negators.setdefault((target.start, target.end), []).append(mod.modifier_span)
    for i, (span, d) in enumerate(zip(spans, described, strict=True)):
        cues = negators.get((span.start, span.end))
        if d["family"] != "symptom" or "negated" not in effects[i] or not cues or not _opens_line(doc, span.start):
            continue
        if span.start in doc.user_data.get(LAYOUT_NEGATED_KEY, ()):
            continue  # the layout answered it no on its own line: the cue above was never the only denial
        before = span.start - 1
        while before >= 0 and doc[before].is_space:
            before -= 1
        if before < 0 or "\n" not in doc[before + 1 : span.start].text + doc[before].whitespace_:
            continue
        if any(cue_start > before for cue_start, _ in cues):
            continue  # a cue of its own line denies it ("Bone pain? no", "Back pain not present with movement")
        if doc[before].lower_ in LIST_GOES_ON or doc[before].lower_ in LINE_ENDS_DENYING:
            continue  # the list carries on, or the denial's word ends the line above ("No\nheadache")
        effects[i].discard("negated")


def _opens_line(doc: Doc, start: int) -> bool:
    """Only blanks and bullet marks stand between the line's start and token ``start``."""
    k = start - 1
    while k >= 0 and "\n" not in doc[k].text and "\n" not in doc[k].whitespace_:
        if not (doc[k].is_space or doc[k].text in BULLETS):
            return False
        k -= 1
    return True


# Round 42o (v41 ax-010, ax-039): in unpunctuated dictation a denial of the examination runs on into the plan ("no
# nodules plan m r i of the brain", "no jaundice i've requested an ultrasound of the abdomen"): the plan word, or the
# writer's own "I have requested", opens a new clause, and the study after it is the plan's. Studies only.
PROCEDURE = "procedure"


class PlanAfterDenial:
    """A study negated only by cues before a plan opener (context.yaml ``negation_end_plan_openers``) that stands
    between the denial and the study: not negated. The opener must not follow the cue directly or after fillers only
    ("no plan for MRI", "no further imaging plan"), and no negation cue may start between it and the study."""

    def __init__(self, words: Mapping[str, Sequence[str]], categories: Mapping[str, str | None]) -> None:
        self.openers = _phrases(words.get("negation_end_plan_openers", ()))
        self.fillers = frozenset(words.get("negation_end_plan_fillers", ()))
        self.categories = categories

    def apply(self, doc: Doc, spans: Sequence[Span], described: Described, effects: Effects) -> None:
        if not self.openers:
            return
        negators: dict[tuple[int, int], list[tuple[int, int]]] | None = None
        negation_starts: set[int] = set()
        for i, (span, d) in enumerate(zip(spans, described, strict=True)):
            if d["family"] != PROCEDURE or "negated" not in effects[i]:
                continue
            if negators is None:
                negators, negation_starts = _negation_map(doc, self.categories)
            cues = negators.get((span.start, span.end))
            if not cues or any(end > span.start for _start, end in cues):
                continue  # negated by the layout only, or by a cue at or after the study
            if self._opener_between(doc, max(end for _s, end in cues), span.start, negation_starts):
                effects[i].discard("negated")

    def _opener_between(self, doc: Doc, start: int, end: int, negation_starts: set[int]) -> bool:
        for k in range(start + 1, end):
            n = _match(doc, k, end, self.openers)
            if not n:
                continue
            if all(doc[t].lower_ in self.fillers for t in range(start, k)):
                continue  # "no plan", "no further imaging plan": the plan itself is denied
            # "plan no MRI": denied again after the opener
            return not any(t in negation_starts for t in range(k, end))
        return False
