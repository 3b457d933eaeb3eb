"""Round 12a: a presentation the paragraph later says resolved, read in one place.

Two readings that scopes.py and chronic_baseline.py each held, run here one after the other at the point of
``scopes.Scopes.spread`` where the resolution of a presentation is read:

- **a flare settled to baseline** (``ChronicBaseline.flare_resolved``, which keeps the illness words it compiles): a
  symptom an admission presented with is over when later in its paragraph the same symptom is said resolved to the
  patient's usual and the paragraph names an illness that flares and settles ("Dyspnea resolved to baseline by day 4"
  with COPD named), whatever its warning;
- **a resolution that names nothing** (``carried_resolution``): a sentence opening with a resolution ("Back to
  baseline by day 4.") speaks of the last sentence before it, in its paragraph, that names a symptom: historical
  unless that symptom carries a warning. Round 20a: the resolution may also open the sentence's last clause ("ED
  visit for flank pain -> CT: 5 mm stone. Passed the stone 11/12, pain gone since.").
- **a warned symptom its own sentence later says is over** (``over_by_referent``, round 22a): a later clause of the
  symptom's sentence names it again by a plain word and says it resolved ("POD2: new RUQ pain after meals; US:
  gallstones; pain resolved with low-fat diet"): whether it is there today is for confirmation (uncertain), never
  raised on its onset's warning and never dropped (a warned pain settling may still be a red flag).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from rightscan.adapters.text.chronic_baseline import ChronicBaseline
from rightscan.adapters.text.components import doc_text
from rightscan.adapters.text.rule_pass import NoteMentions

if TYPE_CHECKING:
    from rightscan.adapters.text.rules import Rules

# round 22a: how far after a warned symptom (in tokens) its sentence's resolution by a plain word is read
OVER_REACH = 40
_NOT_STATED = frozenset({"negated", "historical", "hypothetical", "family", "uncertain"})
_KEEPS_IT = frozenset({"warning", "question", "uncertain", "negated"})  # after the resolution, or in its clause


@dataclass(frozen=True, slots=True)
class Resolutions:
    """What the two readings need of the rule set: the family policies, the test for a sentence led into its
    resolution by a pointer back (explanations.py) and the families a chronic illness may explain."""

    policies: Mapping[str, Any]
    led_in: Callable[[Doc, int, int], bool]
    baseline_families: frozenset[str]
    referents: frozenset[str] = frozenset()  # round 20a: "pain", "symptoms" (carried_explanation.resolution_referents)
    over_words: frozenset[str] = frozenset()  # round 22a: red_flag_readings.resolution_words
    over_times: re.Pattern[str] | None = None  # round 29b: red_flag_readings.presentation_over_times

    @classmethod
    def of(cls, rules: Rules, led_in: Callable[[Doc, int, int], bool], baseline: frozenset[str], referents: Any) -> Any:
        words = frozenset(" ".join(w.lower().split()) for w in rules.red_flag_readings.get("resolution_words", ()))
        times = sorted(rules.red_flag_readings.get("presentation_over_times", ()), key=len, reverse=True)
        alts = "|".join(r"\s+".join(re.escape(p) for p in t.split()) for t in times if t.strip())
        over = re.compile(rf"[ \t]*(?:{alts})(?![\w/])", re.IGNORECASE) if alts else None
        return cls(rules.policies, led_in, baseline, frozenset(referents), words, over)

    def denied_until_now(self, text: str, end: int) -> bool:
        """Round 29b: whether the words right after a denied mention ending at character ``end`` give the time it is
        absent at ("without dyspnea at discharge"): the denial is whole, as at the end of its clause."""
        return self.over_times is not None and self.over_times.match(text, end) is not None


def resolved_later(note: NoteMentions, baseline: ChronicBaseline, context: Resolutions) -> None:
    """Both readings, a flare settled first (it reads the later mentions' own resolution, not a carried one)."""
    baseline.flare_resolved(note, context.baseline_families)
    carried_resolution(note, context)
    over_by_referent(note, context)  # round 22a


def carried_resolution(note: NoteMentions, context: Resolutions) -> None:
    """A sentence that opens with a resolution and names nothing it resolves ("Back to baseline by day 4.",
    "Resolved with inhalers.") speaks of the last sentence before it, in its paragraph, that names a
    symptom ("Presented with 4 days of dyspnoea and productive cough. Treated with nebulisers and
    prednisone. Back to baseline by 2/14."): the symptoms of that sentence are historical, unless one
    carries a warning qualifier (the resolution may be of something the sentences between name: "New hip
    pain at night. Treated for a UTI. Back to baseline."). A resolution
    that is asked or doubted ("Back to baseline?", "possibly resolved") resolves nothing; at most three
    sentences are looked back over, never past a blank line or into another section."""
    doc, spans, effects, sents, sections = note.doc, note.spans, note.effects, note.sents, note.sections
    symptom_at = [i for i, d in enumerate(note.described) if "historical" in context.policies[d["family"]].ignore
                  and "historical" in context.policies[d["family"]].in_clause]  # fmt: skip
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
        effect = note.categories.get(mod.category)
        if effect in ("question", "uncertain"):
            spoiled.add(k)
        if effect != "historical" or mod.direction.upper() != "BACKWARD":
            continue
        first = next((tok.i for tok in sents.spans[k] if not (tok.is_space or tok.is_punct)), None)
        # round 9b: or led only by a pointer back and its verb ("This has now fully resolved.": explanations.py)
        # round 20a: or opening the sentence's last clause ("Passed the stone 11/12, pain gone since.")
        if _opens(doc, first, s, context) or _names_it(doc, _clause_start(doc, sents.spans[k].start, s), s, context):
            openers[k] = (s, t)
    text = doc_text(doc)
    for k in sorted(openers):
        if k in spoiled or k in by_sentence:
            continue
        for back in range(k - 1, max(k - 4, -1), -1):
            between = text[sents.spans[back].end_char : sents.spans[back + 1].start_char + 1]
            if "\n\n" in between or "\n\n" in text[sents.spans[back].start_char : sents.spans[back].end_char]:
                break
            if sections[sents.spans[back].start] != sections[sents.spans[k].start]:
                break
            found = by_sentence.get(back)
            if found:
                for i in found:
                    if "warning" not in effects[i]:  # "new hip pain at night. Treated for a UTI. Back to baseline."
                        effects[i].add("historical")
                break


def _opens(doc: Doc, first: int | None, cue_start: int, context: Resolutions) -> bool:
    """Whether the resolution cue at ``cue_start`` opens the words from ``first`` (itself, or led into it)."""
    return first is not None and (first == cue_start or context.led_in(doc, first, cue_start))


def _names_it(doc: Doc, first: int | None, cue_start: int, context: Resolutions) -> bool:
    """Whether the words from ``first`` lead into the resolution cue and name the symptom plainly ("pain gone")."""
    return (
        first is not None
        and context.led_in(doc, first, cue_start)
        and any(doc[i].lower_ in context.referents for i in range(first, cue_start))
    )


def _clause_start(doc: Doc, sent_start: int, cue_start: int) -> int | None:
    """The first word after the last comma or semicolon before ``cue_start`` in its sentence (None without one)."""
    for i in range(cue_start - 1, sent_start, -1):
        if doc[i].text in (",", ";"):
            return next((j for j in range(i + 1, cue_start + 1) if not (doc[j].is_space or doc[j].is_punct)), None)
    return None


def over_by_referent(note: NoteMentions, context: Resolutions) -> None:
    """Round 22a: a warned symptom whose sentence, in a later clause on its line, names it again by a plain word
    (``referents``) leading into a resolution (``over_words``: "; pain resolved with low-fat diet", ", the pain has
    since settled") is uncertain: the resolution is of that symptom (no other symptom is named between), but its
    onset was warned, so today is for confirmation. Not when the resolution is doubted, negated or asked, nor when a
    warning or a new onset follows it in the sentence ("pain resolved with PT, now back and worse at night")."""
    if not context.over_words or not context.referents:
        return
    doc, spans, effects, sents = note.doc, note.spans, note.effects, note.sents
    symptoms = [i for i, d in enumerate(note.described) if "historical" in context.policies[d["family"]].ignore
                and "historical" in context.policies[d["family"]].in_clause]  # fmt: skip
    warned = [i for i in symptoms if "warning" in effects[i] and not effects[i] & _NOT_STATED]
    if not warned:
        return
    text = doc_text(doc)
    starts = sorted(spans[i].start for i in symptoms)
    cues: dict[int, list[tuple[int, int, str]]] = {}  # sentence -> (start, end, effect or "|" + category)
    resolutions: list[tuple[int, int]] = []
    for mod in doc._.context_graph.modifiers:
        s, t = mod.modifier_span
        effect = note.categories.get(mod.category)
        cues.setdefault(sents.index[s], []).append((s, t, effect if effect is not None else "|" + mod.category))
        backward = effect == "historical" and mod.direction.upper() == "BACKWARD"
        if backward and " ".join(doc[s:t].text.lower().split()) in context.over_words:
            resolutions.append((s, t))
    for i in warned:
        span = spans[i]
        k = sents.index[span.start]
        nl = text.find("\n", span.end_char)
        line_end = len(text) if nl < 0 else nl
        for s, t in resolutions:
            if sents.index[s] != k or not span.end < s <= span.end + OVER_REACH or doc[s].idx > line_end:
                continue
            first = _clause_start(doc, sents.spans[k].start, s)
            if first is None or first < span.end or not _names_it(doc, first, s, context):
                continue
            if any(span.end <= x < first for x in starts):
                break  # another symptom named between: the resolution may be of that one
            later = [x for x, _y, name in cues.get(k, ()) if (x >= t or first <= x < s) and name in _KEEPS_IT]
            if later or any(x >= t and name == "|NEW_ONSET" for x, _y, name in cues.get(k, ())):
                break
            effects[i].add("uncertain")
            break
