"""Round 12b: a warning told of a symptom in a later sentence, through a word that points back to it.

Notes often name a symptom in one sentence and describe it in the next ones: "C/o left knee pain for two months. She
puts it down to gardening. Per the patient the pain is new, constant, and now wakes her at night." ConText's warning
cues (new, persistent, at night, different from usual ...) reach only their own sentence, so the symptom looks plain
and a benign cause named later (gardening, "likely OA") explains it away. The annotation guide counts a symptom with
a warning qualifier even when a benign cause is named, and that is the safe reading (the red flag is not dropped).

The reading: a sentence at most ``REACH_SENTENCES`` after the symptom's that opens (within its first ``LEAD``
tokens) with a pointer back (``carried_explanation.anaphors`` in context.yaml: "the pain", "it", "this" ...)
followed by a warning cue that is not negated gives the symptom that warning. The same holds for a clause after a
semicolon in the symptom's own sentence (round 34a). Nothing may name another finding first: a mention of any kind
in the sentences between, or before the warning in its sentence, may be what the pointer speaks of ("CT done. It
shows a new lesion."), and then nothing is carried. The mirror of ``scopes._carry_explanation`` (a pointer back that
explains); both read the same anaphor list, so a word lives in one place.

Round 35a (v35 af-021): a pain named again ("Today reports pain now 'different from my usual back', waking her at
night") points back too, for a warning only (``carried_explanation.warning_pointers``: a bare "pain" may be another
pain, so it never explains); and a pointer that names the symptom (not "it" or "this") passes over a sentence between
that tells only the cancer's history ("Hx R breast IDC, s/p mastectomy 2022, on letrozole."; the families of
``warning_pointer_passes``): a pain cannot be the tumour's type or the operation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from rightscan.adapters.text.rule_pass import NoteMentions

if TYPE_CHECKING:
    from rightscan.adapters.text.ruleset import Rules

REACH_SENTENCES = 2  # the pointer's sentence: the next one, or the one after ("She puts it down to gardening.")
LEAD = 4  # how many tokens may open the sentence before the pointer ("Per pt the pain ...", "And now it ...")
_NOT_PLAIN = frozenset({"warning", "negated", "hypothetical", "family", "historical"})
_PRONOUNS = frozenset({("it",), ("this",), ("that",), ("these",), ("they",)})  # may point at a tumour or an operation


def warning_told_after(note: NoteMentions, explainable: frozenset[str], rules: Rules) -> None:
    """Give ``warning`` to a symptom (a family in ``explainable``) that a later sentence describes with a warning
    through a pointer back (``rules.carried_anaphors`` and ``rules.warning_pointers``, lower case)."""
    pointers = [tuple(a.split()) for a in (*rules.carried_anaphors, *rules.warning_pointers) if a.strip()]
    if not pointers:
        return
    naming = [p for p in pointers if p not in _PRONOUNS]  # pointers that name the symptom, not a pronoun
    history = _history_sentences(note, rules.warning_pointer_passes)
    targets = [t.i for t in note.mentions(explainable, without=_NOT_PLAIN)]
    if not targets:
        return
    kinds = rules.pointer_codes  # round 53e: a pointer naming a kind of symptom points back only to that kind
    doc, spans, sents = note.doc, note.spans, note.sents
    negated: set[int] = set()
    warnings: dict[int, list[int]] = {}
    warning_mods: dict[int, list] = {}
    conditions: set[int] = set()
    for mod in doc._.context_graph.modifiers:
        effect = note.categories.get(mod.category)
        if effect == "negated":
            negated.add(mod.modifier_span[0])
            negated.add(mod.modifier_span[1])  # a warning right after a negation cue ("no new pain") is denied
        elif effect == "hypothetical":
            conditions.add(mod.modifier_span[0])  # a condition's cue ("call sooner if"): see _clause_after_semicolon
        elif effect == "warning":
            warnings.setdefault(sents.index[mod.modifier_span[0]], []).append(mod.modifier_span[0])
            warning_mods.setdefault(mod.modifier_span[0], []).append(mod)
    starts = sorted(span.start for span in spans)
    for i in targets:
        codes = _codes(note.described[i])
        own = [p for p in pointers if p not in kinds or kinds[p] & codes]
        own_naming = [p for p in naming if p not in kinds or kinds[p] & codes]
        barred = [p for p in pointers if p in kinds and not kinds[p] & codes]  # "Pain started ...": not the cough's
        k = sents.index[spans[i].start]
        label = spans[i].label_
        # a warning cue kept to other symptoms ("dexamethasone" warns of a headache, not of a pneumonia's dyspnea,
        # context_rules.json allowed_types) gives this symptom nothing across the semicolon (integration 51/52)
        allowed = [s for s in warnings.get(k, ()) if any(m.allows(label) for m in warning_mods.get(s, ()))]
        if _clause_after_semicolon(note, i, allowed, negated, starts, own, barred, conditions):
            note.effects[i].add("warning")
            continue
        passed = False  # a history sentence passed over: only a pointer naming the symptom may reach past it
        for j in _next_sentences(doc, sents.spans, k):
            sent = sents.spans[j]
            standing = sorted(s for s in warnings.get(j, ()) if s not in negated and s - 1 not in negated)
            stop = standing[0] if standing else sent.end
            if j in history and not standing:
                passed = True
                continue
            if any(sent.start <= s < stop for s in starts):
                break  # another finding is named first: the pointer may speak of it
            if standing and _points_back(doc, sent.start, stop, own_naming if passed else own, barred):
                note.effects[i].add("warning")
                break


def _clause_after_semicolon(
    note: NoteMentions,
    i: int,
    warnings: Sequence[int],
    negated: set[int],
    starts: Sequence[int],
    pointers: Sequence[tuple[str, ...]],
    barred: Sequence[tuple[str, ...]] = (),
    conditions: set[int] | frozenset[int] = frozenset(),
) -> bool:
    """Round 34a: the same told in a clause of the symptom's own sentence after a semicolon ("I pulled something in
    my lower back hauling a mattress on Saturday; 3 weeks on it is getting worse"): the clause opens with a pointer
    back (after at most ``LEAD`` tokens) and a warning that is not negated follows, with no finding named between."""
    doc, span = note.doc, note.spans[i]
    sent = note.sents.of(span.start)
    for k in range(span.end, sent.end):
        if doc[k].text != ";":
            continue
        standing = sorted(s for s in warnings if s > k and s not in negated and s - 1 not in negated)
        if not standing:
            return False
        stop = standing[0]
        if any(span.end <= s < stop for s in starts):
            return False  # another finding is named first: the pointer may speak of it
        if any(doc[j].text == ";" for j in range(k + 1, stop)):
            continue  # the warning stands in a later clause: that clause is read in its turn
        if any(k < c < stop for c in conditions):
            return False  # integration 51-53: "...; call sooner if worse at night", "; ring us if it wakes her": a
            # return condition, no warning told
        return _points_back(doc, k + 1, stop, pointers, barred) or (
            not _points_back(doc, k + 1, stop, barred) and _bare_clause(doc, k, stop, sent.end, starts)
        )
    return False


def _bare_clause(doc: Doc, k: int, stop: int, end: int, starts: Sequence[int]) -> bool:
    """Round 52e: a clause after the semicolon ``k`` with no subject of its own, its warning within ``LEAD`` tokens
    ("Low back ache x 10 days since lifting a suitcase; present at night, wakes her"): it describes the symptom before
    the semicolon as a pointer would, when no finding of any kind is named in the clause (up to the next semicolon or
    the sentence's end), so the warning can be no one else's ("...; new cough" is the cough's)."""
    if stop - (k + 1) > LEAD:
        return False
    close = next((j for j in range(k + 1, end) if doc[j].text == ";"), end)
    return not any(k < s < close for s in starts)


def _codes(d: Mapping[str, Any]) -> frozenset[str]:
    """The symptom codes a mention states or leaves to confirm (a knee's pain: bone pain), and its rule's id."""
    stated = {f.value for f in d["findings"] if f.field == "symptoms"}
    return frozenset({*stated, *(v for v in d.get("confirm_values") or () if isinstance(v, str)), d["rule"]})


def _next_sentences(doc: Doc, spans: Sequence, k: int) -> list[int]:
    """The ``REACH_SENTENCES`` sentences after the ``k``-th, a line break alone not counted as one (round 35a)."""
    out: list[int] = []
    for j in range(k + 1, len(spans)):
        if len(out) == REACH_SENTENCES:
            break
        if doc[spans[j].start : spans[j].end].text.strip():
            out.append(j)
    return out


def _history_sentences(note: NoteMentions, passes: frozenset[str]) -> frozenset[int]:
    """The sentences whose mentions all belong to ``passes`` (the cancer's type, receptors, operation, treatment),
    at least one of them."""
    if not passes:
        return frozenset()
    kinds: dict[int, set[bool]] = {}
    for span, d in zip(note.spans, note.described, strict=True):
        kinds.setdefault(note.sents.index[span.start], set()).add(d["family"] in passes)
    return frozenset(j for j, k in kinds.items() if k == {True})


def _points_back(
    doc: Doc, start: int, stop: int, pointers: Sequence[tuple[str, ...]], barred: Sequence[tuple[str, ...]] = ()
) -> bool:
    """A pointer back begins within the first ``LEAD`` tokens of the sentence and ends before the warning; round 53e:
    the first pointer decides, so one that names another kind of symptom first (``barred``: "Pain started ..." after a
    cough) points back to nothing here."""
    for s in range(start, min(start + LEAD + 1, stop)):
        for words in barred:
            if s + len(words) <= stop and tuple(t.lower_ for t in doc[s : s + len(words)]) == words:
                return False
        for words in pointers:
            end = s + len(words)
            if end <= stop and tuple(t.lower_ for t in doc[s:end]) == words:
                return True
    return False
