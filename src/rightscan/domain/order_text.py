"""Order text as attribute words: tokens and segments (vocabulary forms: ``order_forms``; typos: ``order_typos``).

An order is often a study name followed by what it is for: "CT head - new confusion", "bone scan STAT
(hip pain, hx breast ca)", "MRI abdomen w/wo, eGFR 22". The text is cut into segments at separators
(a spaced dash, brackets, "?", comma, semicolon, colon). The first segment is the study part, read
strictly. A later segment made only of study words continues the study ("CT chest, abdomen, pelvis").
A later segment with a clinical word (``indication`` in the vocabulary) or a word outside the
vocabulary is the order's indication: its unknown words are not study words and are ignored (kept as
``indication`` text, never logged), but the attribute words it states still count - an explicit
contrast statement, a modality, a technique, a tracer, an intent - so that an indication that
contradicts the study part makes the order ambiguous instead of being dropped. A region named in an
indication is the site of the problem: it must lie within the study's regions (checked by the matcher),
and an opposite side makes the order ambiguous. A bare contrast noun in an indication ("allergic to
contrast") states no contrast: it only forbids assuming one.

Within a segment, words outside the vocabulary that follow a clinical word are that indication's words
("PET-CT ER+ lesion heterogeneity"), and a reason word ("for", "r/o", "f/u") after the study starts a
reason clause whose regions are the site, not the field. An EHR orderable code or mnemonic before the
name ("MRBRWO - MRI BRAIN W/O CON") is set aside. After "instead of" / "poss", the modality named and
the words after it up to the clause's end, known or not, describe the alternative, not the study ordered;
a modality named as ruled out ("MRI contraindicated") is not the study either. A priority word after the
study ("CTH stat fall on warfarin") starts what it is for, like a clinical word. In an indication, a
modality abbreviation the vocabulary also writes for the patient ("pt has") is the patient.

What the order is for may also come first ("Breathless, ?effusion - CXR"): segments before the first one
that names a modality, with a clinical or unknown word in them, are the indication (a region they name is
the study's only when the study names none: "left breast lump: US"); so are labels that state nothing ("Reminder:",
"Your upcoming test:", round 23o). A local code before the name with no
separator ("NMB-01 BONE SCAN"), or a site's code before an identifier joined by underscores ("XY_MG_SCREEN",
round 22o), is set aside when the rest names a modality. The views of a mammogram (CC/MLO, spot compression), or
views of the breast, with no modality named are the mammogram's (round 22o). The two halves of a
with-and-without order written apart ("plain + contrast", "non-con and gad") are read together; a lone
contrast noun beside an unjoined "without", a contrast only "if needed" beside a stated timing, and a
contrast word answered "no" in a checkbox the order reader could not answer leave the contrast to ask, never "with"
(round 31o: a ticked box is read before, by ``order_choices``: "contrast [ ] yes [x] no" is the study without); an
order form's question answered inline ("Contrast? N", "Tomosynthesis? Y") is read as what the answer states
(``order_form``, round 21o).
A modality, a procedure or a contrast followed by "if needed" / "if abnormal" after the study part, or a
modality or procedure after "+/-", is an optional next step, not the study. Dictation ("see tee", "with
contracts", "ultra sound") is read as heard (``order_typos.dictated``). In a nuclear-medicine or PET order an
"injection" is the tracer's, a step of the study, not an intervention ("bone scan - injection 09:00"); a clock
time is no segment break. Round 26o: a region between a stated contrast and a clinical word ("w/o contrast neck pain")
is the complaint's site; a later segment's own "done" / "cancelled" ("- already done at OSH") is the order's status.
Round 47q: a contrast statement an ellipsis leaves open ("CT CHEST W...") is set aside; it asks (``order_cuts``); round
50q: so is a capital "W" ending a name cut at its width ("CT CHEST W"), and a cut last word ("WHOLE BO").

Pure; the vocabulary comes from ``knowledge/order_vocabulary.yaml``.
"""

from __future__ import annotations

import re

from rightscan.domain.knowledge import OrderVocabulary
from rightscan.domain.order_context import (
    context_side,
    done_elsewhere,
    earlier_heading,
    places,
    procedure_after,
    staging_item,
    view_regions,
)
from rightscan.domain.order_cuts import cut_at_width, cut_short, cut_word
from rightscan.domain.order_form import answer_questions
from rightscan.domain.order_forms import _items, _match_at
from rightscan.domain.order_hybrid import tracer_between
from rightscan.domain.order_parse import _Parse, _timing
from rightscan.domain.order_patient import device_words
from rightscan.domain.order_prefix import leading_code, orderable_code
from rightscan.domain.order_requisition import read_requisition
from rightscan.domain.order_routes import contralateral, enteric_only, note_route
from rightscan.domain.order_tokens import share_suspended, tokenize
from rightscan.domain.order_typos import (
    CONNECTORS,
    correct,
    dictated,
    hyphen_spelt,
    run_on,
    run_together,
    study_words_run_together,
)
from rightscan.domain.orders_items import (
    CLAUSE_ENDS,
    MAMMOGRAPHIC_VIEW,
    PROJECTION,
    SEPARATORS,
    _addon_follows,
    _bare,
    _bare_at,
    _complaint_site,
    _contrast_follows,
    _contrast_injection,
    _denial,
    _filler_then_contrast,
    _joined,
    _mistyped_timing,
    _modality_next,
    _negated,
    _optional,
    _own_status,
    _patient_words,
    _refused_contrast,
    _ruled_out,
    _rules_out_study,
    _states_contrast,
    _step,
    _subject,
    _without_at,
    ordered_when,
)

# the doubts about contrast and the study an indication segment passes on to the order
_CARRIED = ("optional_contrast", "either_contrast", "refused_contrast", "plus_minus", "contrast_open", "optional_part")
# where segments meet: a spaced dash, brackets, "?", ",", ";", ":" (not inside a clock time: "injection 09:00"), a
# full stop that ends a sentence, a worklist line's "|" between its fields (round 27o), an order set's path
# ("New Patient set > Imaging > NM bone scan"; not "> 2 cm", not an arrow "->")
_SEGMENT_BREAK = re.compile(
    r"\s[-\u2013\u2014]+\s|[()\[\]{}?;,|]|(?<!\d):|:(?!\d)|\.\s+(?=[^\W\d_])|\s>\s+(?=[^\W\d_]|\[)"
)
# a sign alone in brackets ("MRI brain (-) contrast", "gad (+)"): kept as a sign joined to the words beside it, never a
# segment of its own, so that the vocabulary's signed contrast forms see it (round 34o, sixteenth security pass F11)
_BRACKETED_SIGN = re.compile(r"\s*[(\[]\s*([-+])\s*[)\]]\s*")
# letters with full stops, run together or spaced ("C.T.", "w.o.", "F. E. S.", "E. R."): one abbreviation, not
# sentence ends
_UNDOT = re.compile(
    r"(?<![A-Za-z0-9.])[A-Za-z](?:\.[A-Za-z])+\.?(?![A-Za-z0-9])"
    r"|(?<![A-Za-z0-9.])[A-Za-z]\.(?:\s[A-Za-z]\.)+(?![A-Za-z0-9])"
)

# round 44o: the full stop of a word's shortening that only ever stands inside a sentence ("incl.", "approx."): no end
_ABBREVIATION_STOP = re.compile(r"(?<![\w.])(incl|excl|approx|esp)\.(?=\s)", re.IGNORECASE)


# ------------------------------------------------------------------ parsing
def _read_segment(
    vocab: OrderVocabulary, tokens: tuple[str, ...], parse: _Parse, indication: bool = False, later: bool = False
) -> None:
    """Read one segment's words into ``parse`` (the study part, a segment that continues it, or an
    indication, where the attribute words after a word pointing at an earlier study are not read).
    ``later``: a segment after a study part that already names a modality ("mammo - pt due"), where a
    modality abbreviation the vocabulary also writes for the patient is the patient, as in an indication."""
    items = _items(vocab, tokens)
    # a modality or a procedure is an optional next step only after the study part ("MG diag L, US if needed");
    # in the study part itself ("US breast core biopsy if needed", "PET or bone scan if needed") it is the study
    optional, doubtful = _optional(items, steps=indication or later)
    in_reason = False
    clinical = False  # a clinical word was read: unknown words after it are its indication ("lump R breast")
    pending_addon = False
    aside = False  # the modality after "poss" / "instead of" was skipped: its own words are not the study's
    earlier = False  # an indication's words now describe an earlier study ("lesion seen on CT")
    patient = _patient_words(vocab) if indication or later else frozenset()
    or_at: int | None = None  # where in contrast_at an "or" came after a stated contrast
    negated, refused, place = _negated(vocab, items), _refused_contrast(items), places(items)
    device = device_words(items)  # round 53o: "left chest pacemaker": the device's place, not the study's side or site
    denied = False  # a negating word came before in the clause: a sign named after it is not the patient's
    signs: set[str] = set()  # the intent of the clause's signs ("new palpable lump"), read at the clause's end
    condition = False  # round 29o: "if" / "unless" after the study: a modality named now is a study it waits on
    context = False  # round 33o: after a timing word, a procedure that is no study: the clause is the study's context
    past = False  # round 35o: "compare with prior CT CAP": the study named next is an earlier one, done, no order
    for k, (word, m) in enumerate(items):
        if word in CLAUSE_ENDS:
            parse.intent |= signs
            in_reason = aside = denied = condition = context = False
            earlier = earlier and indication  # round 48q: a reason's earlier study ends with its clause
            signs = set()
            continue
        if (
            context or k in place
        ):  # "US axilla prior to sentinel node biopsy"; "at Lakeside Imaging" (48q): not the study
            context_side(parse, m, indication)
            continue
        if k in device and (indication or later or parse.regions):
            continue
        denied = denied or _denial(vocab, word, m)
        if k in negated:
            if m is not None and m.technique:
                parse.negated_technique |= m.technique  # round 31o: kept, to find it stated elsewhere in the order
            continue  # "no tomo": that technique is not the study's
        if k in refused:  # "pt declines gadolinium": whether contrast is given is the question
            parse.contrast_question = parse.contrast_doubt = parse.refused_contrast = True
            continue
        if word == "or" and parse.contrast_at and or_at is None:
            or_at = len(parse.contrast_at)
        if m is None:
            unknown = word.isalpha() and len(word) > 1 and word not in CONNECTORS
            if unknown and not (in_reason or clinical or aside):
                parse.unread.append(word)
            if unknown:  # "palpable lump excised 2019": what the clause says of the sign is not read, nor the sign
                signs.clear()
            continue
        if m.cancer and not (k and (told := items[k - 1][1]) is not None and told.history):
            parse.cancers.add(m.cancer)  # "PET/CT for NSCLC": what the study is for; "hx melanoma" is history (36o)
        named = bool(parse.modality or parse.regions or indication)
        if m.timing and named and procedure_after(items, k):
            context = True  # "CXR after port placement", "mammo - post-biopsy clip check" (round 33o)
            continue
        if m.result and parse.modality and not (indication or later or in_reason or clinical or parse.unread):
            parse.status.append("done")  # "Bone scan equivocal at T8": a result read off the study just named (47q)
        if m.condition and named:
            condition = True
        elif condition and m.modality:
            parse.optional_part = True  # "PET/CT only if CT equivocal": which study is to do now is the question
        # a clinical word, or a priority word once the study is named ("CTH stat fall on warfarin"): what
        # follows in the segment is what the order is for
        clinical = clinical or (named and (m.indication or (m.priority and not indication)))
        if m.rules_out and not indication and _rules_out_study(items, k):
            parse.status.append("declined")  # "CT CAP not indicated": the study itself is not to be done (round 29o)
        if (m.modality or m.contrast_word) and _ruled_out(items, k):
            if m.contrast_word:  # "contrast contraindicated": whether contrast may be given is the question
                parse.contrast_question = parse.contrast_doubt = True
            elif m.modality <= parse.modality:  # round 54p: "MRI brain w/wo, MRI contraindicated": the study named
                parse.status.append("declined")  # is the one ruled out, so it is not to be done as written
            parse.ruled_out |= m.modality
            continue  # "MRI contraindicated": the modality named is not the study
        if word in patient or ((clinical or _subject(items, k)) and word in _patient_words(vocab)):
            continue  # "pt feels a lump", "MRI brain asap pt confused": the patient, not a PET
        if m.reason and (parse.modality or parse.regions or indication):
            in_reason = True  # what the order is for, once the study is named ("f/u CT chest" names the study)
        if (m.indication or m.reference) and not in_reason:  # a reason clause ("for new mets") is read as before
            parse.indication_word = True
        note_route(vocab, parse, items, k)  # an enteric or an IV route (round 31)
        if m.contrast_question:
            parse.contrast_question = True
            parse.contrast_doubt = parse.contrast_doubt or not m.protocol
        parse.contrast_open = parse.contrast_open or m.contrast_open
        if m.protocol:
            parse.protocols.add(m.protocol)
        if m.reference and (indication or in_reason):  # round 48q: "MRI T-spine for equivocal T8 on bone scan"
            earlier = True
        if m.earlier and not (named or later):
            past = True
        elif past and m.modality:
            parse.status.append("done")  # "previous bone scan", "outside PET/CT": an earlier study, none ordered
            past = False
        if earlier or (aside and not m.conditional):
            continue
        if k in doubtful and m.modality and (m.modality <= parse.modality or m.technique):
            parse.optional_part = True  # "screening mammo 3D if required": the study itself, or a part of it?
        if k in optional:
            if _states_contrast(m):  # "contrast if needed": whether contrast is given is the question
                parse.contrast_question = parse.contrast_doubt = parse.optional_contrast = True
            elif m.modality and (m.modality <= parse.modality or m.technique):
                parse.optional_part = True  # "MG diag tomo if needed": the study itself, or a part of it?
            continue  # "FNA if abnormal", "US if needed": an optional next step, not the study
        if m.optional_before:
            continue
        if m.conditional and m.technique:
            if "NM" in parse.modality and "whole_body" in parse.extent:
                aside = True  # "WB bone scan + SPECT L-spine": the whole-body scan's add-on, with its own field
                continue  # else ("MRI L-spine + SPECT", "bone scan + SPECT/CT") the SPECT is read: another study
        elif m.conditional and not (m.contrast and not _addon_follows(items, k)):
            pending_addon = True  # "+/-" before a modality or a procedure: an optional add-on
            continue
        if pending_addon and _step(m):
            pending_addon, aside = False, True  # "+/- FNA", "poss biopsy": the procedure is the add-on
            continue
        if pending_addon and (m.contrast_word or m.contrast or m.with_marker):
            # "cannot have contrast", "possible contrast": whether contrast is given is the question
            parse.contrast_question = parse.contrast_doubt = True
            pending_addon = False
            continue
        if m.status == "declined" and (parse.modality or indication) and _modality_next(items, k):
            # "CT CAP w - claustrophobic, declines MRI", "PET/MR - pt declines CT radiation" (round 21o): the study
            # set aside, not this one
            pending_addon = True
            continue
        own = not (m.in_study and (indication or later)) and not (m.result and in_reason)  # 51o
        if m.status and own and not ordered_when(items, k):  # round 54o: "ordered last week" says when it was ordered
            parse.status.append(m.status)  # "PET/CT taken 3/4" is done; "- confirmed, arrive 8:45" the booking (29o)
        if m.with_marker:
            if _contrast_follows(items, k, indication):
                parse.contrast_marks.add("with")
                parse.contrast_at.append(("with", parse.regions_seen))
            elif not indication and _filler_then_contrast(items, k):
                parse.contrast_unclear = True  # "w an wo", "w add wo": "w and wo" mistyped, or "w" a preposition
            continue
        if m.modality and in_reason and indication:
            continue  # "US R breast - f/u mammo asymmetry": the study the reason follows up, not a second one
        if m.modality:
            if pending_addon:  # "MG diag left, poss US", "MRI brain w/o instead of CT w contrast": the
                pending_addon, aside = False, True  # add-on or the alternative is not the study ordered
                continue
            parse.modality |= m.modality
            if len(m.modality) > 1:
                parse.hybrid |= m.modality
        if m.regions and not (in_reason or m.modality or indication) and _complaint_site(items, k):
            parse.indication_regions |= m.regions  # "MRI C spine w/o contrast neck pain": the site (round 26o)
        elif m.regions and not in_reason:
            parse.regions |= m.regions
            parse.regions_seen += 1
        if PROJECTION in m.technique:
            parse.projection = parse.projection or not in_reason
            parse.views.extend(() if in_reason or indication else (word,))  # round 33o: "CT AP" (``view_regions``)
        elif MAMMOGRAPHIC_VIEW in m.technique:
            parse.mammographic_view = parse.mammographic_view or not in_reason
        elif m.technique and not (in_reason and "intervention" in m.technique) and not _contrast_injection(items, k, m):
            # the tracer's injection ("bone scan - injection 09:00") is the study's own step: read at the end; the
            # contrast's ("an injection of contrast dye") is its contrast (round 23o)
            (parse.tracer_steps if m.tracer_step else parse.technique).update(m.technique)
        if m.contrast:
            parse.plus_minus = parse.plus_minus or m.conditional  # "+/- gad": read as both phases, unless left open
            parse.contrast_marks.add(m.contrast)
            parse.contrast_at.append((m.contrast, parse.regions_seen))
            if m.contrast == "without" and _joined(items, k, lambda i: _bare_at(items, i)):
                parse.contrast_marks.add("with")  # "contrast and plain": both phases
        if m.contrast_word:
            parse.contrast_word = parse.contrast_named = True
            before = [it for it in items[:k] if it[0] not in SEPARATORS]
            if not indication and before and _mistyped_timing(vocab, before[-1]):
                parse.contrast_unclear = True  # "we contrast", "now-contrast": "wo" or "non" mistyped?
            if _joined(items, k, lambda i: _without_at(items, i)):
                parse.contrast_marks.add("with")  # "plain and contrast", "non-contrast + contrast": both phases
                parse.contrast_at.append(("with", parse.regions_seen))
            elif _bare(items, k):
                parse.bare_contrast = True  # "contrast" on its own: with, unless a "without" is stated too
            elif k > 0 and items[k - 1][0] == "/" and _without_at(items, k - 2 if k > 1 else k):
                parse.contrast_unclear = True  # "plain/contrast": both phases, or "w/o/contrast"? unclear
        if m.laterality:
            parse.laterality.add(m.laterality)
        if m.intent and m.indication:  # a sign, unless denied ("no lumps or nipple discharge")
            signs.update(() if denied else (m.intent,))
        elif m.intent:
            parse.intent.add(m.intent)
        parse.yearly = parse.yearly or m.yearly
        parse.purpose = parse.purpose or m.reason or m.indication or m.history or m.reference
        if m.extent:
            parse.extent.add(m.extent)
        if m.pharmaceutical:
            parse.pharmaceutical.add(m.pharmaceutical)
    parse.intent |= signs
    if or_at is not None and len(parse.contrast_at) > or_at:
        first = {mark for mark, _ in parse.contrast_at[:or_at]}
        then = {mark for mark, _ in parse.contrast_at[or_at:]}
        parse.either_contrast = parse.either_contrast or _timing(first) != _timing(then)


def _names_modality(vocab: OrderVocabulary, text: str) -> bool:
    scratch = _Parse()
    _read_segment(vocab, _words(vocab, text, scratch), scratch, later=True)
    return bool(scratch.modality)


def _names_part(vocab: OrderVocabulary, text: str) -> frozenset[str]:
    scratch = _Parse()
    _read_segment(vocab, _words(vocab, text, scratch), scratch, later=True)
    return frozenset(scratch.regions)


def _words(vocab: OrderVocabulary, raw: str, parse: _Parse) -> tuple[str, ...]:
    """The segment's tokens with typos fixed, up to its first clinical word: what follows is the
    indication's, read as written ("lump night pain": a fix would read "night" as "right")."""
    tokens: list[str] = []
    study = clinical = False
    words = dictated(vocab, tokenize(raw), parse)
    sites = frozenset(r for w in words if (m := vocab.phrases.get((w,))) is not None for r in m.regions)
    for tok in words:
        if clinical and tok not in vocab.words and run_on(vocab, tok):
            parse.contrast_unclear = True  # read as written, but a contrast word run on is still unreadable
        elif clinical and tok not in vocab.words and run_together(vocab, tok):
            parse.unread.append(tok)  # study words run together after a clinical word: not the indication's
        tokens.extend((tok,) if clinical else correct(vocab, tok, parse, sites))
        meaning = vocab.phrases.get((tokens[-1],))
        clinical = clinical or bool(study and meaning and meaning.indication)
        study = study or bool(meaning and (meaning.modality or meaning.regions))
    if len(tokens) > len(words):  # words run together, now cut: "within withoutcontrast" is dictation's too
        return dictated(vocab, tuple(tokens), parse)
    return tuple(tokens)


def _phase_first(vocab: OrderVocabulary, raw: str) -> bool:
    """Whether a segment opens with a phase of the same study ("(non-con liver phase first)", "followed by")."""
    items = _items(vocab, tokenize(raw))
    first = items[0][1] if items else None
    return first is not None and first.sequence


def _take_indication(parse: _Parse, seg: _Parse, raw: str, joins: bool = False) -> None:
    """What an indication segment adds to the order: its attribute words, not its clinical words. A segment
    that opens with a phase of the study (``joins``) adds its contrast to the study's own statement."""
    parse.modality |= seg.modality
    parse.technique |= seg.technique
    parse.negated_technique |= seg.negated_technique
    parse.tracer_steps |= seg.tracer_steps
    parse.intent |= seg.intent
    parse.extent |= seg.extent
    parse.pharmaceutical |= seg.pharmaceutical
    parse.protocols |= seg.protocols
    parse.yearly = parse.yearly or seg.yearly
    parse.purpose = True  # an indication segment says what the study is for
    parse.cancers |= seg.cancers
    parse.indication_regions |= seg.regions
    parse.indication_laterality |= seg.laterality
    if seg.contrast_marks and joins and parse.study_contrast is not None:  # the study's next (or first) phase
        parse.contrast_marks |= seg.contrast_marks
        parse.study_contrast = parse.contrast()
    elif seg.contrast_marks:  # an explicit statement ("no IV contrast", "with and without contrast")
        parse.contrast_marks |= seg.contrast_marks
        parse.later_contrast |= seg.contrast_marks
        parse.contrast_at.extend((mark, parse.regions_seen) for mark, _ in seg.contrast_at)
    # a contrast noun without a statement ("allergic to contrast", "gadolinium reaction") says only
    # that contrast is in question
    for flag in _CARRIED:
        setattr(parse, flag, getattr(parse, flag) or getattr(seg, flag))
    parse.contrast_question = parse.contrast_question or seg.contrast_question or seg.contrast_word
    parse.contrast_named = parse.contrast_named or seg.contrast_named  # round 53o
    parse.contrast_doubt = parse.contrast_doubt or seg.contrast_doubt or seg.contrast_word
    parse.indication.append(raw.strip())


def _leading_indication(vocab: OrderVocabulary, segments: list[str]) -> int:
    """How many segments before the first one that names a modality say what the order is for (a clinical
    word or a word outside the vocabulary in one of them: "Known IDC left breast, staging: CT CAP c+",
    "Dr X req - bone scan"); 0 when the first segment names the modality or none names one."""
    clinical, labels = False, True
    for n, raw in enumerate(segments):
        scratch = _Parse()
        # a modality abbreviation the vocabulary also writes for the patient ("pt due") names no study here
        _read_segment(vocab, _words(vocab, raw, scratch), scratch, later=True)
        if scratch.modality:
            return n if clinical or (labels and n) else 0
        if any(study_words_run_together(vocab, word) for word in scratch.unread):
            return 0  # study words run together ("annualscreeningmammo"): the study part, unclear
        clinical = clinical or bool(scratch.unread or scratch.indication_word)
        # round 23o: a label that states nothing ("Reminder:", "Your upcoming test:") is not the study part either
        labels = labels and raw.strip() != "" and _states_nothing(scratch)
    return 0


def _states_nothing(seg: _Parse) -> bool:
    """Whether a segment read states no attribute, no status and no doubt: only filler words ("Reminder"). An order
    word is no status here (round 28o): "Plan:", "Recommend:", "Order:" say the study after them is to be done."""
    said = (seg.regions, seg.laterality, seg.contrast_marks, seg.intent, seg.technique, seg.tracer_steps, seg.extent)
    flags = (seg.contrast_word, seg.contrast_question, seg.projection, seg.mammographic_view, seg.indication_word)
    status = set(seg.status) - {"proposed", "rebooked", "pending"}  # 47q: "Rescheduled:" says when, like "Booking:"
    return not (any(said) or any(flags) or seg.pharmaceutical or seg.protocols or status or seg.unread)


def _answered_no(vocab: OrderVocabulary, text: str) -> bool:
    """Whether a contrast word is answered "no" as on an order form ("Contrast: No", "IV contrast? Y/N: N",
    "contrast [ ] yes [x] no"): among the next words after it, only answers and checkbox marks, one a "no"."""
    no, yes = vocab.answers.get("no", frozenset()), vocab.answers.get("yes", frozenset())
    tokens = tokenize(text)
    for i, token in enumerate(tokens):
        meaning = vocab.phrases.get((token,))
        if meaning is None or not meaning.contrast_word:
            continue
        at = [k for k in range(i + 1, min(i + 8, len(tokens))) if tokens[k] not in SEPARATORS and tokens[k] != "x"]
        after = [tokens[k] for k in at]
        for j, nxt in enumerate(after[:6]):
            if nxt in no and _opens_phrase(vocab, tokens, at[j]):
                return False  # "- no preparation", "- no IV needed" (round 28o): a phrase of its own, no answer
            if nxt in no:
                # "non-contrast (no gadolinium)": a "no" before a contrast noun negates it; it answers nothing
                said = vocab.phrases.get((after[j + 1],)) if j + 1 < len(after) else None
                return said is None or not (said.contrast_word or said.contrast)
            if nxt not in yes:
                break
    return False


def _opens_phrase(vocab: OrderVocabulary, tokens: tuple[str, ...], i: int) -> bool:
    """Whether the word at ``i`` opens a vocabulary form of two or more words ("no preparation", "no iv")."""
    return any(len(form) > 1 and _match_at(tokens, i, form) is not None for form in vocab.by_first.get(tokens[i], ()))


def parse_order_text(vocab: OrderVocabulary, text: str) -> _Parse:
    """The attributes an order's text states (module docstring); round 50q: a cut last word set aside (order_cuts)."""
    parse = _parse(vocab, text)
    kept, open_timing = cut_word(vocab, text, parse.unread, lambda before: _items(vocab, tokenize(before)))
    if kept != text:  # "NM BONE SCAN WHOLE BO"; "W CO": the "W" of a statement that went on to its noun
        parse = _parse(vocab, kept, width=False, asks=open_timing)
    return parse


def _parse(vocab: OrderVocabulary, text: str, width: bool = True, asks: bool = False) -> _Parse:
    parse = _Parse()
    text = read_requisition(vocab, text, parse)  # round 33o: a faxed requisition's marks, broken words, OCR confusions
    # an order form's question answered inline ("Tomosynthesis? N", "IV contrast? Y"): what the answer states
    text = share_suspended(answer_questions(vocab, text, lambda q: _items(vocab, tokenize(q))))
    # round 47q: "CT CHEST W...": a contrast statement a cut leaves open is no contrast choice; the contrast asks
    text, cut = cut_short(vocab, text, lambda before: _items(vocab, tokenize(before)))
    text, width_cut = cut_at_width(vocab, text, lambda b: _items(vocab, tokenize(b))) if width else (text, False)  # 50q
    parse.contrast_question = parse.contrast_doubt = parse.contrast_question or cut or width_cut or asks
    if _answered_no(vocab, text):  # "contrast [ ] yes [x] no": never "with"; the order asks
        parse.contrast_unclear = parse.contrast_question = parse.contrast_doubt = True
    study: list[str] = []
    text = _UNDOT.sub(lambda m: re.sub(r"[.\s]", "", m.group()), text)
    text = hyphen_spelt(vocab, text, parse)  # round 54o: "M-R-I", "C-T": the abbreviation, no side, no "C-"
    text = _ABBREVIATION_STOP.sub(r"\1", text)  # round 44o: "US breast incl. axilla": no sentence end
    text = _BRACKETED_SIGN.sub(r" \1", text)  # "(-) contrast": the sign stays with the contrast noun beside it
    segments = _SEGMENT_BREAK.split(
        leading_code(vocab, text, lambda rest: _names_modality(vocab, rest), lambda rest: _names_part(vocab, rest))
    )
    if len(segments) > 1 and orderable_code(vocab, segments[0]) and any(s.strip() for s in segments[1:]):
        segments = [s for s in segments[1:] if s.strip()]  # "MRBRWO - MRI BRAIN W/O CON": the EHR's code
    lead = _leading_indication(vocab, segments)
    site = _Parse()  # what the segments before the study name (a site, a side)
    for n, raw in enumerate(segments):
        if n < lead:  # "Breathless, ?effusion - CXR": what the order is for, written first
            seg = _Parse()
            _read_segment(vocab, tokenize(raw), seg, indication=True)
            site.regions |= seg.regions
            site.laterality |= seg.laterality
            if not _states_nothing(seg):  # round 52o: a label ("Portal:", "Reminder:") says how it came, not what for
                _take_indication(parse, seg, raw)
            if n == lead - 1 and earlier_heading(vocab, _items(vocab, tokenize(raw))):
                parse.status.append("done")  # "Comparison: MRI brain 5/5": an earlier study, none ordered (round 35o)
            continue
        if n == lead:  # the study part (empty when the order starts with a code or a bracket)
            _read_segment(vocab, _words(vocab, raw, parse), parse)
            parse.study_contrast = parse.contrast()
            study.append(raw)
            continue
        seg = _Parse()
        tokens = _words(vocab, raw, seg)
        parse.contrast_unclear = parse.contrast_unclear or seg.contrast_unclear  # "andW contrast"
        if not tokens:
            continue
        later = bool(parse.modality)
        _read_segment(vocab, tokens, seg, later=later)
        if seg.ruled_out & parse.modality:  # round 54p: "MRI brain w/wo - MRI contraindicated" rules out the study
            parse.status.append("declined")
        if done_elsewhere(vocab, seg, parse):  # "CT A/P w contrast (chest done 11/20)": another part's study (31o)
            parse.indication.append(raw.strip())
            continue
        if seg.unread or seg.indication_word:
            # study words run together are not an indication's word ("abdomenypelvis"): the order is unclear
            parse.unread.extend(w for w in seg.unread if run_together(vocab, w))
            # an indication is read as written: a typo fix could turn "night" into "right"
            seg = _Parse()
            _read_segment(vocab, tokenize(raw), seg, indication=True)
            _take_indication(parse, seg, raw, joins=_phase_first(vocab, raw))
            parse.status.extend(_own_status(vocab, _items(vocab, tokenize(raw)), "proposed" in parse.status))  # 26o
            continue
        parse.corrections.extend(seg.corrections)
        if parse.extent == {"whole_body"} and seg.extent == {"skull_base_to_mid_thigh"}:  # "Whole Body PET-CT (skull
            parse.extent.clear()  # base to mid-thigh)": the usual field, which a catalogue calls whole-body (round 25o)
        _read_segment(vocab, tokens, parse, later=later)  # it continues the study: read into the study's own state
        first = _items(vocab, tokens)[0][1]
        if first is not None and first.sequence:  # "without contrast, followed by with contrast": one statement
            parse.study_contrast = parse.contrast()
            parse.later_contrast = {parse.study_contrast} if parse.later_contrast and parse.study_contrast else set()
        else:
            parse.later_contrast |= seg.contrast_marks
        study.append(raw)
    parse.study_text = ", ".join(s.strip() for s in study)
    if site.regions and not parse.regions:  # "left breast lump: US": the study names no region, the site is where
        parse.regions |= site.regions
        parse.laterality |= site.laterality
        parse.indication_regions -= site.regions
        parse.indication_laterality -= site.laterality
    contralateral(text, parse)
    parse.leave_contrast_open()  # "+/- contrast per radiologist" (round 27o)
    enteric_only(parse)  # "CT CAP with contrast (oral only)": whether IV contrast is given is the question (round 31)
    view_regions(vocab, parse)  # "CT AP": the abdomen and pelvis, where CT alone is named and no region (round 33o)
    if parse.contrast() is None:  # protocol words that together state the contrast timing
        for needed, timing in vocab.protocols:
            # never a contrast the text questions ("mets protocol, eGFR 22"): then the order offers choices
            if needed <= parse.protocols and not (parse.contrast_doubt and timing != "without"):
                parse.contrast_marks.add(timing)
                parse.by_protocol = tuple(sorted(needed))
                break  # round 42r: the first rule that fits ("abbreviated diffusion breast MRI": the diffusion one)
    # round 42r: a study once a year is the screening one, where the order names no intent and nothing it is for ("my
    # yearly mammogram"); with a sign, a history or a treatment ("annual mammogram s/p lumpectomy") it is surveillance
    # (round 43r: never in a note's prose, vocabulary ``prose``: the note's history says what a yearly study is for)
    said_why = parse.purpose or parse.indication_word or parse.indication or parse.cancers
    if parse.yearly and not parse.intent and not said_why and not vocab.prose:
        parse.intent.add("screening")
    if not parse.modality & {"NM", "PT"}:
        parse.technique |= parse.tracer_steps  # an injection is a tracer's only in a nuclear-medicine study
    if "PT" in parse.modality:
        parse.modality.discard("NM")  # PET is nuclear medicine: "NM PET" names one modality
        parse.hybrid |= tracer_between(vocab, text)  # round 54o: "NM PET F-18 FLUOROESTRADIOL (FES) CT"
    if not parse.modality and (parse.mammographic_view or (parse.projection and parse.regions == {"breast"})):
        parse.implied_modality.add("MG")  # a mammogram's views, or views of the breast, no modality named (round 22o)
    if parse.projection and not parse.modality and not parse.implied_modality:
        parse.implied_modality.add("XR")  # projections with no modality named: "AP pelvis" is a radiograph
    staging_item(vocab, tokenize(text), parse)  # round 54o: "BREAST CA STAGING PROTOCOL - BONE": the bone scan
    parse.modality |= parse.implied_modality
    ancestors = vocab.region_ancestors
    parse.regions -= {a for r in parse.regions for a in ancestors.get(r, ())}
    parse.contrast_unclear = parse.contrast_unclear or (cut and parse.contrast() is not None)  # "... W/O, W..." (47q)
    return parse
