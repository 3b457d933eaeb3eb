"""Read an imaging order (any text or code) as attributes, then find the catalogue study it names.

The order is parsed into the attribute axes of the LOINC/RSNA Radiology Playbook - modality, body
region(s), contrast timing, laterality, radiopharmaceutical, reason for exam (screening / diagnostic),
technique and extent - using the order vocabulary (``knowledge/order_vocabulary.yaml``). The study is
the catalogue entry (``knowledge/procedures.yaml``) whose attributes the order states. Typos are
corrected one word at a time towards the vocabulary (rapidfuzz, Damerau-Levenshtein distance); string
similarity never chooses a study.

When the order does not say enough (contrast where it changes the study, "MRI" alone, a mammogram
without screening/diagnostic intent) the reading is ``ambiguous`` with the studies it could be; when it
names something outside the catalogue it is ``unknown``. It never guesses. What it takes as routine is
shown in ``assumed``: a study's sourced default (procedures.yaml ``assume``), a contrast timing a named
protocol implies (order vocabulary ``protocols``, e.g. a brain metastases MRI protocol), the breast
named with a PET of the body (the cancer's site, not a field), and a contrast stated two ways that both
name the study ("MRI liver with Primovist, pre and post contrast").

A code beside words that state another modality or body region than its study's asks, listing both
(``order_codes.states_elsewhere``, round 24p); words that only add detail the code's study has do not.

A LOINC code the catalogue does not list is read through its LOINC name (``kb.loinc_names``, the
radiology LOINC table) on the same attribute path as text; no code is mapped to a study by hand.

Pure: no I/O of its own (the LOINC table given with the knowledge reads its file once, on the first
code). ``interpret`` is the rich reading; ``resolve`` keeps the historical contract (a study, or
``UnknownOrder`` with the resolver's own choices).
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass
from typing import Any, Literal

from rapidfuzz import fuzz, process

from rightscan.domain.knowledge import Knowledge, OrderVocabulary, Procedure, StudyAttributes
from rightscan.domain.order_agreement import contradicts, within
from rightscan.domain.order_choices import answer_choices, asks, by_default_field, fields_apart, unchosen
from rightscan.domain.order_codes import (
    anywhere,
    codes_of,
    covers,
    spoken_code,
    states_elsewhere,
    supply_code,
    with_contrast,
    with_technique,
    with_tracer,
)
from rightscan.domain.order_errors import UnknownOrder, missing_words
from rightscan.domain.order_lists import changed_to, conditional_change, current_part
from rightscan.domain.order_parse import _Parse
from rightscan.domain.order_patient import never_enhanced
from rightscan.domain.order_text import parse_order_text
from rightscan.domain.order_tokens import extract_codes, fold, normalise, tokenize
from rightscan.domain.order_wrappers import controlled, names

Status = Literal["resolved", "ambiguous", "unknown"]
OrderStatus = Literal["proposed", "done", "declined", "suggested"]

_AXES = ("contrast", "intent", "extent", "pharmaceutical")
__all__ = ["OrderReading", "UnknownOrder", "close_matches", "disagrees", "extract_codes", "fold", "for_patient",
           "interpret", "normalise", "parse_order_text", "resolve", "search", "tokenize"]  # fmt: skip


@dataclass(frozen=True, slots=True)
class OrderReading:
    """What an order says. ``study`` is set only when ``status == "resolved"``."""

    status: Status
    study: Procedure | None
    attributes: dict[str, Any]
    choices: tuple[Procedure, ...] = ()
    order_status: OrderStatus = "proposed"
    via: str = "attributes"  # code | name | attributes
    assumed: tuple[str, ...] = ()  # reasons for attributes the order left unstated
    corrections: tuple[tuple[str, str], ...] = ()  # (typed word, vocabulary word)
    unread: tuple[str, ...] = ()  # words outside the vocabulary (never logged)
    missing: tuple[str, ...] = ()  # axes the order would have to state to pick one study
    indication: str = ""  # what the order is for, as written after the study (never logged)
    contrast_question: bool = False  # the text puts contrast in question (kidneys, allergy): never assumed

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "procedure_id": self.study.id if self.study else None,
            "procedure": self.study.name if self.study else None,
            "attributes": self.attributes,
            "choices": [{"procedure_id": p.id, "procedure": p.name} for p in self.choices],
            "order_status": self.order_status,
            "via": self.via,
            "assumed": list(self.assumed),
            "corrections": [{"typed": a, "read_as": b} for a, b in self.corrections],
            "missing": list(self.missing),
            "indication": self.indication,
        }


def _attributes_of(parse: _Parse) -> dict[str, Any]:
    return {
        "modality": sorted(parse.modality),
        "regions": sorted(parse.regions),
        "contrast": parse.contrast(),
        "laterality": sorted(parse.laterality)[0] if len(parse.laterality) == 1 else None,
        "intent": sorted(parse.intent)[0] if len(parse.intent) == 1 else None,
        "technique": sorted(parse.technique),
        "extent": sorted(parse.extent)[0] if len(parse.extent) == 1 else None,
        "radiopharmaceutical": sorted(parse.pharmaceutical)[0] if len(parse.pharmaceutical) == 1 else None,
    }


# ------------------------------------------------------------------ matching
def _fit(
    vocab: OrderVocabulary, parse: _Parse, attrs: StudyAttributes, plain: frozenset[str] = frozenset()
) -> tuple[str, list[str], list[str]]:
    """("full" | "partial" | "no", assumption reasons, axes left unstated). ``plain``: the modalities the catalogue
    never gives contrast with, where a text that questions contrast ("pregnant") and names none leaves nothing to ask
    (round 53o); a contrast named ("CTchestw IV contrast - nodule on CXR") may be another study's, and asks."""
    assumed: list[str] = []
    unstated: list[str] = []
    questioned = parse.contrast_question and (attrs.primary_modality not in plain or parse.contrast_named)

    def unstated_axis(axis: str) -> None:
        if axis in attrs.assume and not (axis == "contrast" and questioned):
            assumed.append(attrs.assume[axis])
        else:
            unstated.append(axis)

    if not parse.modality <= attrs.modality:
        return "no", [], []
    if len(attrs.modality) > 1 and len(parse.modality) > 1 and not parse.modality <= parse.hybrid:
        return "no", [], []  # "MRI and PET", "CT chest, PET": two studies named side by side, not the hybrid
    if attrs.primary_modality not in parse.modality:
        unstated.append("modality")  # only a hybrid's partner (the CT of a PET/CT) may be assumed
    elif attrs.modality - parse.modality:
        unstated_axis("modality")
    regions = parse.regions
    # a PET named as such, its partner (if any) named with it as one study: not "breast MRI and PET"
    partner = parse.modality - {attrs.primary_modality}
    body_study = not attrs.regions and attrs.primary_modality in parse.modality and partner <= parse.hybrid
    if regions and body_study and all(anywhere(vocab, r) for r in regions):
        regions = set()  # "PET/MR breast": a body study for the cancer the breast holds, not a field
        site = ", ".join(sorted(parse.regions))
        assumed.append(f"{site}: the site of the cancer, not a field (the study images the body)")
    if regions:
        if not attrs.regions:
            return "no", [], []
        if not all(any(covers(vocab, attrs, t, s) for s in attrs.regions) for t in regions):
            return "no", [], []
        if not all(any(covers(vocab, attrs, t, s) for t in regions) for s in attrs.regions):
            return "no", [], []
    elif attrs.regions:
        unstated_axis("regions")
    stated = {
        "contrast": {parse.contrast()} - {None},
        "intent": parse.intent,
        "extent": parse.extent,
        "pharmaceutical": parse.pharmaceutical,
    }
    for axis in _AXES:
        accepted = getattr(attrs, axis)
        if accepted is None:
            continue
        if stated[axis]:
            if not stated[axis] <= accepted:
                return "no", [], []
        else:
            unstated_axis(axis)
    if not attrs.requires <= parse.technique or not parse.technique <= attrs.requires | attrs.allows:
        return "no", [], []
    return ("partial" if unstated else "full"), assumed, unstated


def _plain(kb: Knowledge) -> frozenset[str]:
    return kb.remember(("never-enhanced",), lambda: never_enhanced(kb.procedures.values()))  # type: ignore[no-any-return]


def _rank_unknown(kb: Knowledge, text: str, parse: _Parse, limit: int = 5) -> tuple[Procedure, ...]:
    """Studies closest to an order that names none: shared modality and regions, then name similarity."""
    scored: list[tuple[float, int, Procedure]] = []
    for idx, proc in enumerate(kb.procedures.values()):
        a = proc.attributes
        score = 0.0
        if a is not None:
            score += 2 * len(parse.modality & a.modality)
            score += sum(1 for r in parse.regions if any(covers(kb.vocabulary, a, r, s) for s in a.regions))
        names = (proc.name, *proc.synonyms)
        similarity = process.extractOne(normalise(text), [normalise(n) for n in names], scorer=fuzz.WRatio)
        sim = similarity[1] if similarity else 0.0
        if score == 0 and sim < 70:
            continue
        scored.append((score + sim / 100.0, -idx, proc))
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    return tuple(p for _, _, p in scored[:limit])


def _by_protocol(parse: _Parse) -> tuple[str, ...]:
    """The contrast a protocol named in the order implies (order vocabulary `protocols`, each with its
    source), shown as an assumption: the order did not state it."""
    if not parse.by_protocol:
        return parse.staged  # round 54o: a staging set's bone item, the bone scan (order_context.staging_item)
    timing = (parse.contrast() or "").replace("_", " ")
    return (f"contrast {timing}, as the protocol named implies ({' + '.join(parse.by_protocol)})", *parse.staged)


def _order_status(parse: _Parse) -> OrderStatus:
    said = set(parse.status)
    if "missed" in said and "rebooked" not in said:
        said.add("declined")  # round 47q: "patient no-show, not rescheduled", "DNA": not done, not to be done now
    if "held" in said and not {"pending", "rebooked"} & said:
        said.add("declined")  # round 48q: on hold, waiting for nothing ("bone scan on hold"); "pending auth": pursued
    for status in ("declined", "done", "suggested"):
        if status in said:
            return status  # type: ignore[return-value]
    return "proposed"


def _loinc_reading(kb: Knowledge, code: str) -> OrderReading | None:
    """A radiology LOINC code read through its LOINC name, on the same attribute path as order text.

    The LOINC table (knowledge/order_loinc_playbook.csv) gives each code its name; the name states the
    Playbook attributes (modality, region, contrast timing, laterality, tracer, reason for exam, view),
    which the order vocabulary reads. None when the code is not a radiology LOINC code of the table.
    """
    table = kb.loinc_names
    if table is None or "-" not in code:
        return None
    name = table.name(code)
    if name is None:
        return None
    return kb.remember(("loinc-reading", code), lambda: _read_words(kb, name))  # type: ignore[no-any-return]


def _read_words(kb: Knowledge, text: str) -> OrderReading:
    parse = parse_order_text(kb.vocabulary, text)
    base: dict[str, Any] = {
        "attributes": _attributes_of(parse),
        "order_status": "proposed",
        "corrections": (),
        "unread": tuple(parse.unread),
        "indication": "",
    }
    return _match(kb, text, parse, base)


def _code_study(kb: Knowledge, code: str) -> tuple[Procedure | None, OrderReading | None]:
    """The study one code names: the catalogue's own code, else a LOINC code's attribute reading."""
    pid = kb.code_index.get(frozenset((code,)))
    if pid is not None:
        return kb.procedures[pid], None
    reading = _loinc_reading(kb, code)
    if reading is not None and reading.status == "resolved":
        return reading.study, reading
    return None, reading


_CodeAnswer = tuple[Procedure | None, tuple[Procedure, ...], OrderReading | None]


def _by_code(kb: Knowledge, codes: tuple[str, ...]) -> _CodeAnswer:
    """The study the codes name, the studies to choose from (several named, or a LOINC code that leaves
    a choice), and the LOINC reading. A catalogued code pair names its study; several codes name a
    study when each of them names it."""
    pid = kb.code_index.get(frozenset(codes))
    if pid is not None:
        return kb.procedures[pid], (), None
    found = [_code_study(kb, code) for code in codes]
    studies = [study for study, _ in found]
    readings = [r for _, r in found if r is not None]
    loinc = readings[0] if len(readings) == 1 else None
    if studies and all(s is not None for s in studies) and len({s.id for s in studies if s}) == 1:
        return studies[0], (), loinc
    named = {s.id: s for s in studies if s is not None}
    if len(named) > 1 and all(s is not None for s in studies) and (traced := with_tracer(list(named.values()))):
        return traced, (), loinc  # "78815 + A9591": the PET code and its tracer's code name the FES PET
    if len(named) > 1 and all(s is not None for s in studies) and (full := with_technique(list(named.values()))):
        return full, (), loinc  # "77066 + 77062": the mammogram's code and the tomosynthesis code name the DBT
    if len(named) > 1:
        return None, tuple(named.values()), loinc
    if len(codes) == 1 and loinc is not None and loinc.status == "ambiguous":
        return None, loinc.choices, loinc
    return None, (), loinc


def interpret(kb: Knowledge, text: str) -> OrderReading:
    """Read an order. Pure and memoised per text (the knowledge base is immutable)."""
    return kb.remember(("order-reading", text), lambda: _read(kb, text))  # type: ignore[no-any-return]


def _read(kb: Knowledge, text: str) -> OrderReading:  # round 56o: an HL7 ORC order control code may cancel the order
    return _not_now(controlled(kb.vocabulary, text, _interpret(kb, text)))


def in_prose(kb: Knowledge) -> Knowledge:
    """Round 43r: the knowledge the note reader reads a study named in a note's prose with: the same catalogue and
    vocabulary, marked ``prose``, and a memo of its own (its readings are not an order line's). An order line's few
    words are all it says, so what they alone imply holds there ("my yearly mammogram": the screening one); a note's
    other sentences say what the study is for (a treated cancer's surveillance), so the words around a study in a note
    imply no more than they state."""
    if kb.vocabulary.prose:
        return kb
    return dataclasses.replace(kb, vocabulary=dataclasses.replace(kb.vocabulary, prose=True), memo={})


def _not_now(reading: OrderReading) -> OrderReading:
    """A study the text says is done, cancelled, declined or not to be repeated ("PET/CT done 4/12 at OSH, do not
    repeat", "CANCELLED: MRI breast w/wo") is no study to do now (round 26o): the order asks, the study offered as its
    choice with the status read, never resolved."""
    if reading.status != "resolved" or reading.order_status not in ("done", "declined") or reading.study is None:
        return reading
    return dataclasses.replace(reading, status="ambiguous", study=None, choices=(reading.study,), missing=("status",))


def for_patient(kb: Knowledge, text: str) -> OrderReading:
    """An order read for a patient of the topic (a decision, a CDS draft order), not as a bare name.

    Where the order leaves open only axes that one of its choices settles for such a patient (procedures.yaml
    ``patient_assume``: a breast MRI for a patient with breast cancer is the contrast study), and the choices
    are that study's variants (same modality and regions), that study is read, each default shown in
    ``assumed``. Never when the text puts contrast in question. Otherwise the reading of ``interpret``."""
    reading = interpret(kb, text)
    if reading.status != "ambiguous" or reading.contrast_question or not reading.missing:
        return reading
    settled = [p for p in reading.choices if p.attributes and set(reading.missing) <= set(p.attributes.patient_assume)]
    if len(settled) != 1:
        return reading
    study = settled[0]
    shape = _shape(study)
    if any(_shape(p) != shape for p in reading.choices):
        return reading
    why = tuple(study.attributes.patient_assume[a] for a in reading.missing)  # type: ignore[union-attr]
    assumed = (*reading.assumed, *why)
    return dataclasses.replace(reading, status="resolved", study=study, choices=(), missing=(), assumed=assumed)


def _shape(p: Procedure) -> tuple[frozenset[str], frozenset[str]] | None:
    a = p.attributes
    return None if a is None else (a.modality, a.regions)


def disagrees(kb: Knowledge, study: Procedure, text: str) -> bool:
    """Whether an order's words name another study than ``study`` (a code's): another single study, or a modality or
    region the study is not ("MRI brain" beside CPT 78815). The CDS draft orders compare a code with the draft's
    own text and displays so (round 24p)."""
    return _against(kb.vocabulary, study, interpret(kb, text))


def _against(vocab: OrderVocabulary, study: Procedure, reading: OrderReading) -> bool:
    if reading.status == "resolved":
        return reading.study is not None and reading.study.id != study.id
    return states_elsewhere(vocab, study, reading.attributes["modality"], reading.attributes["regions"])


def _read_name(kb: Knowledge, name: str) -> OrderReading:
    """A name a wrapper carries, read as it stands: its escapes are decoded once, by ``names`` (round 24p)."""
    return kb.remember(("order-name", name), lambda: _interpret(kb, name, unwrap=False))  # type: ignore[no-any-return]


def _interpret(kb: Knowledge, text: str, unwrap: bool = True, expand: bool = True) -> OrderReading:
    """``expand``: a choice not made, or a contradicted default, is read once per option; the readings of those options
    do not expand again (an order with many open choices asks without reading every combination: round 31o)."""
    vocab = kb.vocabulary
    found = names(vocab, text) if unwrap else (text,)  # an OBR segment, a ServiceRequest, HL7 escapes (round 24o)
    if found != (text,):
        readings = [_read_name(kb, name) for name in found]
        studies = {r.study.id: r.study for r in readings if r.status == "resolved" and r.study}
        # the names that name a study name the same one, and no other name states another modality or region
        # (round 24p): that reading, else the first
        others = [r for r in readings if len(studies) == 1 and _against(vocab, next(iter(studies.values())), r)]
        if len(studies) < 2 and not others:
            return next((r for r in readings if r.status == "resolved"), readings[0])
        named = {p.id: p for p in (*studies.values(), *(p for r in others for p in (r.study, *r.choices) if p))}
        choices = tuple(named.values())[: max(6, len(studies))]
        return dataclasses.replace(readings[0], status="ambiguous", study=None, choices=choices, missing=("conflict",))
    # an order entry screen's choices (round 31o): the chosen option only; a choice not made (or made twice) asks
    chosen = answer_choices(vocab, text)

    def option(alternative: str) -> OrderReading:  # read as the order would be, done or declined with its status (26o)
        return _not_now(_interpret(kb, alternative, unwrap=False, expand=False))

    if chosen.alternatives and not expand:  # an option of an open choice with another choice open: it asks
        return asks(option(chosen.alternatives[0]))
    if chosen.alternatives:
        return unchosen([option(alternative) for alternative in chosen.alternatives])
    text = fields_apart(chosen.text)
    if expand and (by_default := by_default_field(vocab, text, option)) is not None:
        if isinstance(by_default, OrderReading):
            return by_default
        text = by_default
    # a code read aloud digit by digit ("seven seven zero six seven"), where the catalogue lists it (round 42r)
    text = spoken_code(vocab, text, lambda code: frozenset((code,)) in kb.code_index)
    codes, rest = codes_of(text[:500])
    # a tracer's HCPCS code outside the catalogue ("A9552", FDG) names the tracer: read as its word (round 19o); a
    # contrast agent's ("Q9967", "A9581") its contrast (round 27o)
    tracers = [c for c in codes if frozenset((c,)) not in kb.code_index and supply_code(vocab, c)]
    # a contrast agent's supply code among them: the contrast of a study that has no code of its own (round 42r)
    enhanced = any((m := vocab.phrases.get((c.lower(),))) is not None and m.contrast_word for c in tracers)
    plain = rest  # the words without the supply codes read as words
    if tracers:
        codes = tuple(c for c in codes if c not in tracers)
        rest = f"{rest} ({' '.join(tracers)})"
    # a list or a note's lines: the one study ordered now, the others done, declined or unticked (round 18o)
    if (now := current_part(vocab, rest)) is not None:
        rest = now
    if (new := changed_to(vocab, rest)) is not None:  # "changed PET/CT to CT CAP": the study changed to (round 27o)
        rest = new
    parse = parse_order_text(vocab, rest)
    parse.optional_part = parse.optional_part or conditional_change(vocab, rest)  # "switch to X if ...": asks (48q)
    attrs = _attributes_of(parse)
    status = _order_status(parse)
    base: dict[str, Any] = {
        "attributes": attrs,
        "order_status": status,
        "corrections": tuple(parse.corrections),
        "unread": tuple(parse.unread),
        "indication": "; ".join(parse.indication),
        "contrast_question": parse.contrast_question,
    }
    said_something = bool(parse.modality or parse.regions or parse.technique or parse.pharmaceutical)

    # 1. codes: the catalogue's own codes (CPT, HCPCS, LOINC), then any radiology LOINC code read by its
    #    LOINC name's attributes
    if codes:
        by_code, several, loinc = _by_code(kb, codes)
        if loinc is not None and not said_something:
            base["attributes"] = loinc.attributes  # what the code states, for the reader of the answer
        if by_code is None:
            if several:  # several studies, or a LOINC code that leaves a choice: say which ones
                missing = loinc.missing if loinc is not None and len(codes) == 1 else ()
                return OrderReading("ambiguous", None, choices=several, via="code", missing=missing, **base)
            return OrderReading("unknown", None, choices=_rank_unknown(kb, rest, parse), via="code", **base)
        if said_something:
            words = _match(kb, rest, parse, base)
            if words.status == "resolved" and words.study is not None and words.study.id != by_code.id:
                if enhanced and with_contrast(by_code, words.study) and _names(kb, plain, words.study, by_code, parse):
                    # "MG contrast enhanced diagnostic (CEM) - 77066 + Q9967": the CEM, coded as the diagnostic
                    # mammogram and the contrast agent (round 42r)
                    return dataclasses.replace(words, via="code")
                return OrderReading("ambiguous", None, choices=(by_code, words.study), via="code", **base)
            stated = parse.modality - parse.implied_modality  # a modality named, not one a view implies ("PA:")
            if states_elsewhere(vocab, by_code, stated, parse.regions):  # "78815 mammogram" (round 24p)
                theirs = (p for p in (words.study, *words.choices) if p is not None and p.id != by_code.id)
                choices = (by_code, *theirs)[:6]
                return OrderReading("ambiguous", None, choices=choices, via="code", missing=("conflict",), **base)
        if contradicts(kb.vocabulary, by_code, parse):  # "77046 - with IV contrast", "76705 - pelvic pain"
            return OrderReading("ambiguous", None, choices=(by_code,), via="code", missing=("conflict",), **base)
        assumed = loinc.assumed if loinc is not None and loinc.study is by_code else ()
        return OrderReading("resolved", by_code, via="code", assumed=assumed, **base)

    # 2. attributes; 3. a catalogue name or synonym, whole, where the attributes do not contradict it
    words = _match(kb, text, parse, base)
    pid = kb.lookup.get(normalise(parse.study_text or text))
    if pid is None or (words.study is not None and words.study.id == pid) or "conflict" in words.missing:
        return words  # a name never settles what the order contradicts
    named = kb.procedures[pid]
    if words.status != "resolved" and named.attributes is not None:
        fit, assumed, unstated = _fit(vocab, parse, named.attributes, _plain(kb))
        # a name may supply what words do not (where, which modality: "staging CT"), never a
        # distinguishing choice the order leaves open (contrast, screening/diagnostic, extent, tracer)
        if fit == "full" or (fit == "partial" and set(unstated) <= {"regions", "modality"}):
            return OrderReading("resolved", named, via="name", assumed=(*assumed, *_by_protocol(parse)), **base)
    choices = (named, *(c for c in words.choices if c.id != named.id))
    return OrderReading("ambiguous", None, choices=choices, missing=words.missing, **base)


def _match(kb: Knowledge, text: str, parse: _Parse, base: dict[str, Any]) -> OrderReading:
    conflicts = parse.conflicts()
    if conflicts:  # a later segment contradicts the study part: the studies each reading names
        return _conflict(kb, text, parse, base)
    reading = _match_attributes(kb, text, parse, base)
    study = reading.study
    if study is not None and study.attributes is not None and not within(kb.vocabulary, study.attributes, parse):
        # the indication names a site the study does not image ("CT head - lung nodule")
        choices = (study, *(p for p in _rank_unknown(kb, text, parse) if p.id != study.id))
        return OrderReading("ambiguous", None, choices=choices[:5], missing=("conflict",), **base)
    return reading


def _names(kb: Knowledge, words: str, study: Procedure, coded: Procedure, parse: _Parse) -> bool:
    """Round 42r: whether the words alone, without a supply code, name the study ("CEM", "contrast enhanced
    mammography"), stating no intent other than the code's study's (``parse``'s, read with the codes)."""
    alone = _read_words(kb, words)
    return alone.status == "resolved" and alone.study is study and _intent_of(coded, parse)


def _intent_of(study: Procedure, parse: _Parse) -> bool:
    """Whether the intent the words state (if any) is the study's."""
    attrs = study.attributes
    return attrs is not None and (not parse.intent or attrs.intent is None or parse.intent <= attrs.intent)


def _conflict(kb: Knowledge, text: str, parse: _Parse, base: dict[str, Any]) -> OrderReading:
    """Ambiguous: the study the study part names, and the one the contradicting segment would name."""
    found: list[Procedure] = []
    readings = []
    if "contrast" in parse.conflicts():
        for marks in ({parse.study_contrast or ""}, parse.later_contrast):
            alone = copy.copy(parse)
            alone.contrast_marks, alone.later_contrast, alone.contrast_at = set(marks) - {""}, set(), []
            alone.indication_laterality = set()
            readings.append(_match_attributes(kb, text, alone, base))
    else:
        alone = copy.copy(parse)
        alone.indication_laterality, alone.later_contrast = set(), set()
        readings.append(_match_attributes(kb, text, alone, base))
    if (one := _one_study(kb.vocabulary, parse, readings)) is not None:
        return one
    for r in readings:
        for p in (r.study, *r.choices):
            if p is not None and p not in found:
                found.append(p)
    status: Status = "ambiguous" if found else "unknown"
    return OrderReading(status, None, choices=tuple(found[:6]), missing=("conflict",), **base)


def _one_study(vocab: OrderVocabulary, parse: _Parse, readings: list[OrderReading]) -> OrderReading | None:
    """The study both contrast readings name, when they name the same one (round 20o): "MRI liver with Primovist,
    pre and post contrast" states "with" and "without and with", and the catalogue's MRI is the one study of both
    (source contrast_mri_timing); a study each reading names differently stays a conflict."""
    if parse.conflicts() != ("contrast",) or not all(r.status == "resolved" and r.study for r in readings):
        return None
    study = readings[0].study
    if study is None or any(r.study is not study for r in readings):
        return None
    if study.attributes is None or not within(vocab, study.attributes, parse):
        return None
    stated = sorted({parse.study_contrast or "", *parse.later_contrast} - {""})
    note = "contrast stated as " + " and as ".join(f"'{t.replace('_', ' ')}'" for t in stated) + ": both are this study"
    return dataclasses.replace(readings[0], assumed=(*readings[0].assumed, note))


def _match_attributes(kb: Knowledge, text: str, parse: _Parse, base: dict[str, Any]) -> OrderReading:
    vocab = kb.vocabulary
    full: list[tuple[Procedure, list[str]]] = []
    partial: list[tuple[Procedure, list[str]]] = []
    if len(parse.intent) > 1 or len(parse.extent) > 1 or len(parse.pharmaceutical) > 1 or parse.mixed_contrast():
        near = _rank_unknown(kb, text, parse)
        return OrderReading("ambiguous" if near else "unknown", None, choices=near, missing=("conflict",), **base)
    plain = _plain(kb)
    for proc in kb.procedures.values():
        if proc.attributes is None:
            continue
        fit, assumed, unstated = _fit(vocab, parse, proc.attributes, plain)
        if fit == "full":
            full.append((proc, assumed))
        elif fit == "partial":
            partial.append((proc, unstated))
    if len(full) == 1 and not parse.unread and not parse.optional_part:
        proc, assumed = full[0]
        return OrderReading("resolved", proc, assumed=(*assumed, *_by_protocol(parse)), **base)
    if full:
        missing = ("unread words",) if parse.unread and len(full) == 1 else ("conflict",) if parse.optional_part else ()
        return OrderReading("ambiguous", None, choices=tuple(p for p, _ in full), missing=missing, **base)
    if partial and (parse.modality or parse.regions):
        axes = sorted({a for _, un in partial for a in un})
        return OrderReading("ambiguous", None, choices=tuple(p for p, _ in partial)[:6], missing=tuple(axes), **base)
    return OrderReading("unknown", None, choices=_rank_unknown(kb, text, parse), **base)


def resolve(kb: Knowledge, text: str, field_path: str = "order") -> Procedure:
    """The catalogue study an order for a patient of the topic names (``for_patient``); ``UnknownOrder`` (with the
    resolver's choices) otherwise."""
    reading = for_patient(kb, text)
    if reading.status == "resolved" and reading.study is not None:
        return reading.study
    raise UnknownOrder(
        field_path,
        [p.name for p in reading.choices],
        ambiguous=reading.status == "ambiguous",
        missing=missing_words(reading.missing),
    )


def close_matches(kb: Knowledge, key: str, limit: int = 5) -> list[str]:
    """The resolver's choices for a text that names no single study (names, best first)."""
    if not key.strip():
        return []
    return [p.name for p in interpret(kb, key).choices[:limit]]


def search(kb: Knowledge, text: str, limit: int = 8) -> list[Procedure]:
    """Studies for an autocomplete: the resolved study first, else the resolver's choices."""
    if not text.strip():
        return []
    reading = interpret(kb, text)
    found = [reading.study] if reading.study else list(reading.choices)
    return found[:limit]
