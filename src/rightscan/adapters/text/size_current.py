"""Several imaging sizes of one tumour, settled the way the note settles them.

A work-up note often copies each study's measurement (mammogram 2.6 cm, ultrasound 2.2 cm, MRI 3.1 cm) and then
says which one it stages with: in a sentence that names it ("MRI size accepted by the MDT as clinical size", "board
agreed clinical size = 2.1 cm") or in its summary line ("Assessment: 57F with L breast IDC 1.3 cm, cT1c N0").
That size stands and the others give way, as a clinician reading the note would take it (annotation guide 2,
tumor.size_cm: the size the note presents as current). Only when the sentences that say so give one size, none of
them negated; otherwise the sizes stay a conflict and the answer waits for the size.
The words are parameters of values.yaml (``size_current_words``, ``summary_headings``). Plain data work.
"""

from __future__ import annotations

import re
from typing import Any

from rightscan.adapters.text.candidates import Candidate, where
from rightscan.adapters.text.firstchars import guarded
from rightscan.adapters.text.rules import Rules
from rightscan.adapters.text.size_links import (
    link_words,
    locate,
    names_a_study,
    stated_size,
    study_of_size,
    study_statements,
)
from rightscan.adapters.text.stage_values import keep_the_said_value, parameter_words
from rightscan.domain.model import FactError
from rightscan.domain.staging import t_from_size

_FIELD = "tumor.size_cm"
# a size compared with a threshold ("tumour <2 cm, so surgery first", "more than 5 cm"): a cut-off, never the size
_COMPARED = re.compile(
    r"(?:[<>≤≥]|\b(?:less|more|greater|smaller|larger|bigger) than|\b(?:over|under|above|below))\s*\d"
)
_HEADING_END = re.compile(r"\s*:")
_NOT_CURRENT = frozenset({"negated", "historical", "past", "hypothetical", "family"})


def _opens_summary(rules: Rules, sentence: str, before_surgery: bool = False) -> bool:
    """Whether a sentence opens with a summary heading and its colon ("Assessment: ...", "A/P: ..."); round 14d: before
    any breast operation, also a diagnosis heading with the study that measured the size ("Diagnosis: Left breast
    invasive carcinoma NST, 18 mm on ultrasound"), the line a clinic letter sums the cancer up in (after an operation
    it may copy the imaging size; without a study named, its number may measure something else: not used then)."""
    head = sentence.lstrip().lower()
    headings = list(rules.parameters.get("summary_headings", ()))
    if before_surgery and names_a_study(rules, head):
        headings += (rules.parameters.get("size_link_words") or {}).get("diagnosis_heading", [])
    for word in headings:
        w = word.lower()
        if head.startswith(w) and _HEADING_END.match(head, len(w)):
            return True
    return False


def summary_size(rules: Rules, by_field: dict[str, list[Candidate]]) -> None:
    """The size the note names as the one it stages with, or gives in its summary line, outranks the others."""
    live = [c for c in by_field.get(_FIELD, []) if c.used]
    if len({repr(c.value) for c in live}) < 2:
        return
    words = parameter_words(rules, "size_current_words")
    before_surgery = not any(c.used for c in by_field.get("prior_surgery", []))
    said = [
        c
        for c in live
        if not c.mention.effects & {"negated", "historical", "past", "hypothetical", "family"}
        and (
            _opens_summary(rules, c.mention.sentence, before_surgery)
            or any(p.search(c.mention.sentence.lower()) for p in words)
        )
        and not _COMPARED.search(c.mention.sentence.lower())
        and not _names_the_other_size(rules, c.mention.sentence.lower())
        # round 54k: "extent uncertain (mammo 1.2 vs MRI 2.9 cm)" weighs the sizes, it says none is current
        and not any(p.search(c.mention.sentence.lower()) for p in link_words(rules, "sizes_weighed"))
    ]
    said = stated_size(rules, said, words)  # round 14d: the size of the study the statement names, or of its aside
    keep_the_said_value(live, said, "the note names another size as the one it stages with")
    live = [c for c in live if c.used]
    other = [c for c in live if _names_the_other_size(rules, c.mention.sentence.lower())]
    if other and len(other) < len(live):  # the imaging size gives way to the pathology size the sentence names
        keep_the_said_value(live, [c for c in live if c not in other], "the note stages with the pathology size")


def _names_the_other_size(rules: Rules, sentence: str) -> bool:
    """round 10d: a sentence that gives an imaging size before the operation and says the pathology size is the one
    staged ("pre-op MRI 3.6 cm non-mass enhancement - pathologic size used for staging") names another size than its
    own as current: its own size is not said to be the staged one."""
    after = parameter_words(rules, "size_after_surgery_words")
    before = parameter_words(rules, "size_before_surgery_words")
    if not any(p.search(sentence) for p in after):
        return False
    for p in after:  # "2.8 cm (larger than imaging)": the imaging word there is the pathology size's comparison
        sentence = p.sub(" ", sentence)
    return any(p.search(sentence) for p in before)


def several_foci_sentence(rules: Rules, by_field: dict[str, list[Candidate]]) -> list[dict[str, Any]]:
    """round 10d: a sentence that says the cancer has several foci and gives two or more sizes ("multifocal - 2 foci
    on US (21 mm at 1:00 and 14 mm at 3:00)") gives the foci's sizes: AJCC 8 stages multiple tumours by the largest,
    so the smaller sizes of that sentence give way (shown as an assumption). Sizes elsewhere in the note still
    compete with the largest as usual."""
    live = [c for c in by_field.get(_FIELD, []) if c.used and not c.mention.effects & _NOT_CURRENT]
    words = parameter_words(rules, "several_foci_words")
    assumptions: list[dict[str, Any]] = []
    for sentence in {c.mention.sentence for c in live}:
        group = [c for c in live if c.mention.sentence == sentence]
        if len({c.value for c in group}) < 2 or not any(p.search(sentence.lower()) for p in words):
            continue
        if _COMPARED.search(sentence.lower()):
            continue
        largest = max(c.value for c in group)
        for c in group:
            if c.value < largest:
                c.used, c.reason = False, "a smaller focus: several tumours are staged by the largest (AJCC 8)"
        assumptions.append({"field": _FIELD, "value": largest, "reason": "several foci of the cancer: the largest is "
                            "staged (AJCC 8, multiple tumours); inferred, not stated: override if wrong",
                            "evidence": [where(c.mention) for c in group]})  # fmt: skip
    return assumptions


# round 18f: a size written as whole centimetres ("2 cm"), with no decimal
_WHOLE_CM = re.compile(r"\d{1,2}\s*-?\s*(?:cms?|centimet(?:er|re)s?)\b", re.IGNORECASE)
# words that make a sentence a measurement of its own (a study, an examination), not a size restated in prose
_MEASURED = re.compile(
    r"\b(?:measur\w*|shows?|showed|seen|demonstrat\w*|exam\w*|palpa\w*|felt|o/e|on\s+(?:us|mri|mammo\w*|ct)|"
    r"path\w*|core|biopsy|bx|specimen|gross|micro\w*|dimension)\b",
    re.IGNORECASE,
)


def rounded_restatement(rules: Rules, by_field: dict[str, list[Candidate]]) -> None:
    """round 18f: the tumour measured once ("Mammo/US: irregular mass 2.1 cm") and named again in the discussion in
    round figures ("discussed that for a 2 cm node-negative tumor a bone scan is usually not needed"): the round
    figure is the same tumour's size restated, not a second measurement, so it gives way to the measured one. Only
    when the round figure is written in whole centimetres, the measured size rounds to it (within half a
    centimetre), and its sentence names no study nor any measuring word (a mammogram's "2 cm" stays a size of its
    own, and two sizes that differ stay a conflict: annotation guide 2, tumor.size_cm)."""
    live = [c for c in by_field.get(_FIELD, []) if c.used]
    values = {c.value for c in live}
    if len(values) != 2:
        return
    rounded = _whole_cm_sizes(live)
    precise = [c for c in live if c not in rounded]
    if not rounded or not precise or len({c.value for c in rounded}) != 1 or len({c.value for c in precise}) != 1:
        return
    if abs(rounded[0].value - precise[0].value) >= 0.5:
        return
    for c in rounded:
        low = c.mention.sentence.lower()
        if names_a_study(rules, low) or _MEASURED.search(low) or c.mention.effects & {"palpation"}:
            return
    for c in rounded:
        c.used, c.reason = False, "the measured size restated in round figures: the measured one stands"


# a sentence with more sizes than this is a table or a list, not prose restating a size (and size_links.locate's cost
# grows with the cube of a sentence's sizes: a 20,000-character run of sizes took over a second)
LOCATE_MAX_SIZES = 12


def _whole_cm_sizes(live: list[Candidate]) -> list[Candidate]:
    """The sizes written in whole centimetres in their sentences (placed by size_links.locate, once a sentence)."""
    by_sentence: dict[str, list[Candidate]] = {}
    for c in live:
        by_sentence.setdefault(c.mention.sentence, []).append(c)
    whole: set[int] = set()
    for sentence, group in by_sentence.items():
        if len(group) > LOCATE_MAX_SIZES:
            continue
        places = locate(group)
        whole |= {id(c) for c in group if (at := places.get(id(c))) is not None and _WHOLE_CM.match(sentence, at)}
    return [c for c in live if id(c) in whole]


# round 43y: the T categories a size can stage (AJCC 8 size bands, knowledge/ajcc8_breast.yaml size_to_t, read through
# domain.staging.t_from_size); T4 and Tis are not a size, so a stated T4 or Tis chooses nothing here
_SIZE_T = frozenset({"T1", "T1mi", "T1a", "T1b", "T1c", "T2", "T3"})


def _fits(tables: Any, stated: str, size_cm: float) -> bool:
    """Whether the stated T allows the size: the size's own category, or its family for a bare "T1"."""
    try:
        t = t_from_size(tables, size_cm)
    except FactError:
        return False
    return stated in (t, tables.t_family.get(t))


# a sentence that measures by examination ("now ~1.5 cm by exam (3.2 cm on MRI at baseline)", "palpable 3 cm mass")
_EXAMINED = re.compile(r"\b(?:exam\w*|palpa\w*|felt|o/e|clinically)\b", re.IGNORECASE)


def _operated(by_field: dict[str, list[Candidate]]) -> bool:
    """round 44z: a pathological T stated of the specimen ("pT3 pN1a - stage IIIA", "ypT1c") says the operation was
    done, even when the note tells it without a past cue ("L mastectomy + SLNB 19/08."): the pathology size is then the
    current one, and a stated clinical T (the pre-operative cT2) no longer chooses among the sizes (v44 be-036 had kept
    the MRI 4.1 cm and dropped the specimen's 6.3 cm, lowering T). As stage_values.pathology_size_after_surgery reads
    it (round 29c): a pathological T of the current tumour, not negated nor the past."""
    return any(c.used and not c.mention.effects & _NOT_CURRENT for c in by_field.get("pathology.t", []))


def size_of_the_stated_t(by_field: dict[str, list[Candidate]], facts: dict[str, Any]) -> None:
    """round 43y: a work-up note that copies each study's size (mammogram 3.0 cm asymmetry, MRI 5.5 cm non-mass
    enhancement) and states the clinical T it stages with ("cT3 cN0 by MRI") has said which size it means: the one the
    stated T allows (AJCC 8 size bands). The sizes the T does not allow give way, as a clinician reading the note would
    take it (annotation guide 2, tumor.size_cm: the size the note presents as current).

    Only before any breast operation (after it the pathology size is the current one) and when every T the note
    states of the current tumour (not negated, not the past) is one category with a size band, and the sizes that
    band allows are one value. Sizes that all fit the T (2.2 and 2.4 cm with cT2), or none of them, are left as they
    are (a conflict stays: the answer waits for the size); a size is never chosen against the stated T. A size felt on
    examination, or in a sentence that measures by examination, neither chooses nor gives way here."""
    if "prior_surgery" in facts or _operated(by_field):
        return
    # a size felt on examination is left to give way to a measured one as before (assemble)
    live = [
        c
        for c in by_field.get(_FIELD, [])
        if c.used and "palpation" not in c.mention.effects and not _EXAMINED.search(c.mention.sentence)
    ]
    if len({repr(c.value) for c in live}) < 2:
        return
    # round 54k (v54 ck-001): a T the reader takes although a negation cue stands near it ("goes by the largest focus,
    # not the span -> cT1c(m) cN0") is still the T the note states; the past, a relative's or a hypothesis is not
    stated = {
        c.value for c in by_field.get("tumor.t", []) if c.used and not c.mention.effects & (_NOT_CURRENT - {"negated"})
    }
    if len(stated) != 1 or next(iter(stated)) not in _SIZE_T:
        return
    from rightscan.adapters.knowledge_files import load_knowledge

    tables = load_knowledge().staging
    fits = [c for c in live if _fits(tables, next(iter(stated)), c.value)]
    if len({repr(c.value) for c in fits}) != 1:
        return
    for c in live:
        if c not in fits:
            c.used, c.reason = False, "a size the stated clinical T does not allow: the note stages with another size"


def span_of_several_foci(rules: Rules, by_field: dict[str, list[Candidate]]) -> None:
    """round 43y: a sentence that names several foci of the cancer, gives their sizes and then how far they reach
    together ("3 masses L UOQ, 1.8 cm, 1.2 cm and 0.6 cm, spanning 4.5 cm"; values.yaml ``size_link_words.span``)
    gives the span as its largest number, yet a span is the distance the foci cover, not a tumour: AJCC 8 stages
    several foci by the largest focus, never by their extent (annotation guide 2, tumor.size_cm). So the span gives
    way and the foci' sizes are staged as usual (several_foci_sentence keeps the largest).

    Only a size that a span word stands before (after every other size of the sentence before it), that is at least as
    large as every other size of the sentence, in a sentence that names several foci (``several_foci_words``) and
    gives another size to stage by. A single lesion's extent ("non-mass enhancement spanning 5.5 cm") is its size and
    stays; a size that cannot be placed in its sentence without doubt is left as it is."""
    spans, several = link_words(rules, "span"), parameter_words(rules, "several_foci_words")
    live = [c for c in by_field.get(_FIELD, []) if c.used]
    for sentence in {c.mention.sentence for c in live}:
        low = sentence.lower()
        group = [c for c in live if c.mention.sentence == sentence]
        if len({c.value for c in group}) < 2 or len(group) > LOCATE_MAX_SIZES:
            continue
        if not any(p.search(low) for p in several):
            continue
        places = locate(group)
        for c in group:
            at = places.get(id(c))
            others = [o for o in group if o is not c]
            if at is None or c.value < max(o.value for o in others) or not any(o.value < c.value for o in others):
                continue
            since = max((p for o in others if (p := places.get(id(o))) is not None and p < at), default=None)
            if since is not None and any(p.search(low[since:at]) for p in spans):
                c.used, c.reason = False, "the span of several foci, not a tumour: the largest focus is staged (AJCC 8)"


# round 54k: a statement denied or set against another ("not by MRI size", "rather than by US size")
_DENIED_BEFORE = re.compile(r"(?:\bnot|n't|\bnever|\brather than|\binstead of)\s+(?:\w+\s+){0,2}$")
_DENIED_BEFORE = guarded(_DENIED_BEFORE)  # tried only where its first characters stand (the same matches)


def size_of_the_named_study(rules: Rules, by_field: dict[str, list[Candidate]], facts: dict[str, Any],
                            sentences: set[str]) -> None:  # fmt: skip
    """round 54k (v54 ck-028, ck-041): a work-up note that copies each study's size (mammogram 2.2 cm, MRI 2.6 cm; 6 cm
    on palpation, 5.2 cm on US) and says in a sentence of its own which study's size it stages with ("Board uses MRI
    size for T: cT2(m) N1", "cT3 N1 by US size"; values.yaml ``size_link_words.study_for_staging``) has said which
    size it means: the size that study measured stands and the others give way (annotation guide 2, tumor.size_cm: the
    size the note presents as current).

    Only before any breast operation, when the note's statements name one study, none of them negated nor a question,
    and the sizes that study measured are one value; otherwise nothing changes (a conflict stays)."""
    if "prior_surgery" in facts or _operated(by_field):
        return
    live = [c for c in by_field.get(_FIELD, []) if c.used]
    if len({repr(c.value) for c in live}) < 2:
        return
    statements = study_statements(rules)
    lowered = [s.lower() for s in sentences if "?" not in s]  # each sentence lower-cased once, not per pattern
    named = {
        k
        for low in lowered
        for k, ps in statements.items()
        if any(not _DENIED_BEFORE.search(low, 0, m.start()) for p in ps for m in p.finditer(low))
    }
    if len(named) != 1:
        return
    kind = next(iter(named))
    said = [c for c in live if not c.mention.effects & _NOT_CURRENT and study_of_size(rules, c) == kind]
    keep_the_said_value(live, said, f"the note stages with the size its {kind} measured")
