"""The codes of an order and the words beside them (moved out of ``orders``, round 24p).

- ``codes_of``: the codes of an order text and the rest of it, an add-on code's descriptor read by the AMA CPT
  add-on convention (round 19o); ``tracer_code``: a radiopharmaceutical's HCPCS code, read as its tracer's word.
- ``with_tracer``: the PET a PET code and its tracer's supply code name together ("78815 + A9591", round 21o);
  ``with_technique``: the tomosynthesis a mammography code and a tomosynthesis code name together ("77066 + 77062",
  round 27o); ``supply_code``: a tracer's or a contrast agent's supply code, read as its word (round 27o).
- ``states_elsewhere``: whether the words with a code state a modality or a body region the code's study is not
  ("77066 CT chest", "78815 mammogram", "71260 MRI brain"): such an order asks, listing the code's study and the
  words' (round 24p), whether or not the words alone settle contrast or intent. Words that only add detail the
  code's study has ("77066 diagnostic mammogram bilateral", "71260 CT chest with contrast", "78815 PET skull
  base to thigh") state nothing elsewhere.
- ``covers`` and ``anywhere``: how a region the words name relates to the regions a study images.

Pure; the words are the order vocabulary's (``knowledge/order_vocabulary.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from rightscan.domain.knowledge import OrderVocabulary, Procedure, StudyAttributes
from rightscan.domain.order_tokens import extract_codes


def covers(vocab: OrderVocabulary, attrs: StudyAttributes, text_region: str, study_region: str) -> bool:
    """Whether a region the words name is a region the study images, or a part of one it images in part."""
    if text_region == study_region:
        return True
    if study_region not in vocab.region_ancestors.get(text_region, ()):
        return False
    return attrs.parts is True or (isinstance(attrs.parts, frozenset) and text_region in attrs.parts)


def anywhere(vocab: OrderVocabulary, region: str) -> bool:
    """Whether a region may be named as the site of the patient's cancer for any study (the breast)."""
    return vocab.site_within.get(region, frozenset()) >= vocab.region_ancestors.keys()


def states_elsewhere(vocab: OrderVocabulary, study: Procedure, modality: Iterable[str], regions: Iterable[str]) -> bool:
    """Whether words state a modality or a body region that the study (a code's) is not.

    A modality: one the study does not have, or a hybrid's partner alone ("78815 CT chest": the CT is not
    the PET/CT). A region: one no region of the study covers; a study of the body (a PET) takes only the
    cancer's site ("78815 PET/CT breast cancer"), as the attribute match does."""
    attrs = study.attributes
    if attrs is None:
        return False
    stated, where = set(modality), set(regions)
    if stated and (not stated <= attrs.modality or attrs.primary_modality not in stated):
        return True
    if not where:
        return False
    if not attrs.regions:
        return not all(anywhere(vocab, r) for r in where)
    return not all(_imaged(vocab, attrs, t) for t in where)


def _imaged(vocab: OrderVocabulary, attrs: StudyAttributes, region: str) -> bool:
    """Whether a study images a region the words name: a region (or part) of it, or a region that lies within one
    of its regions' studies (order vocabulary ``within``: the axilla with a breast ultrasound, CPT 76641 'including
    axilla when performed'; the neck with the cervical spine)."""
    if any(covers(vocab, attrs, region, s) for s in attrs.regions):
        return True
    around = vocab.site_within.get(region, frozenset())
    return any(w == s or s in vocab.region_ancestors.get(w, ()) for w in around for s in attrs.regions)


def with_tracer(studies: list[Procedure]) -> Procedure | None:
    """The one study the others only lack the tracer of: a PET code names the acquisition and leaves the
    tracer to a default (CPT 78815, FDG assumed), a radiopharmaceutical's supply code (HCPCS A9591,
    fluoroestradiol F-18) names the tracer; together they name the PET with that tracer. Every other study
    must assume its tracer and agree on modality, regions and extent, or no study is named."""
    found = []
    for study in studies:
        a = study.attributes
        if a is None or a.pharmaceutical is None:
            continue
        if all(_tracer_left_open(other, a) for other in studies if other.id != study.id):
            found.append(study)
    return found[0] if len(found) == 1 else None


def _tracer_left_open(other: Procedure, traced: StudyAttributes) -> bool:
    o = other.attributes
    if o is None or "pharmaceutical" not in o.assume or o.pharmaceutical == traced.pharmaceutical:
        return False
    same_field = o.modality == traced.modality and o.regions == traced.regions
    return same_field and (o.extent is None or traced.extent is None or o.extent <= traced.extent)


# an add-on code's descriptor: "(List separately in addition to code for primary procedure)" or the primary codes
_ADDON = re.compile(r"\bseparately\s+in\s+addition\s+to\b", re.IGNORECASE)


def codes_of(text: str) -> tuple[tuple[str, ...], str]:
    """The codes and the rest of the text. The codes an add-on code's descriptor names after "list separately in
    addition to" ("G0279 ... (list separately in addition to 77065 or 77066)") are the primary procedure's it is
    billed with (AMA CPT add-on convention): the add-on named before them is the study (round 19o)."""
    addon = _ADDON.search(text)
    if addon is not None:
        before, rest_before = extract_codes(text[: addon.start()])
        if before:
            _after, rest_after = extract_codes(text[addon.start() :])
            return before, rest_before + rest_after
    return extract_codes(text)


_ALPHA = re.compile(r"[A-Za-z]+")
_BETWEEN = re.compile(r"[\s-]*")
_CODE_DIGITS = 5  # a CPT code's digits


def spoken_code(vocab: OrderVocabulary, text: str, listed: Callable[[str], bool]) -> str:
    """Round 42r: a code read aloud digit by digit and written in words by speech recognition ("CPT seven eight eight
    one five", "seven seven zero six seven screening"): a run of exactly five spoken digits (vocabulary ``digit_names``)
    is read as the five-digit code, only when the catalogue lists it (``listed``); a longer or shorter run, or a code
    the catalogue does not list, stays as written ("two views", "six month follow up") (source: spoken_codes)."""
    if not vocab.digit_names:
        return text
    runs: list[list[re.Match[str]]] = []
    for word in _ALPHA.finditer(text):
        digit = word.group().lower() in vocab.digit_names
        joined = bool(runs) and runs[-1] and _BETWEEN.fullmatch(text, runs[-1][-1].end(), word.start()) is not None
        if digit and joined:
            runs[-1].append(word)
        else:
            runs.append([word] if digit else [])
    out, at = [], 0
    for run in runs:
        if len(run) != _CODE_DIGITS:
            continue
        code = "".join(vocab.digit_names[w.group().lower()] for w in run)
        if listed(code):
            out.append(text[at : run[0].start()] + code)
            at = run[-1].end()
    return "".join(out) + text[at:]


def supply_code(vocab: OrderVocabulary, code: str) -> bool:
    """Whether a code is a supply billed with a study: a radiopharmaceutical's (HCPCS "A9552", FDG) or, round 27o, a
    contrast agent's ("Q9967" low osmolar iodinated contrast, "A9581" gadoxetate; source hcpcs_contrast), read as the
    word of its tracer or its contrast. A supply code names no study: alone it says nothing of which study, beside a
    study's code it agrees with that study or contradicts it ("71250 + Q9967": a CT without contrast, with contrast).
    Only the vocabulary's codes: an unknown one (another tracer's, perhaps) is never set aside."""
    meaning = vocab.phrases.get((code.lower(),))
    return meaning is not None and (meaning.pharmaceutical is not None or meaning.contrast_word)


def with_contrast(coded: Procedure, named: Procedure) -> bool:
    """Round 42r: whether the study the words name is the code's study with the contrast a contrast agent's supply code
    adds, billed so because it has no code of its own: the contrast-enhanced mammogram (CEM) as the diagnostic
    mammogram's code and the contrast ("77066 + Q9967", source hcpcs_contrast). The code's study is unenhanced, the
    words' study enhanced, of the same modality and field, with no code (CPT) of its own: a study with a code of its
    own ("71250 + Q9967 CT chest with contrast") keeps the contradiction."""
    c, n = coded.attributes, named.attributes
    if c is None or n is None or named.cpt or named.unverified_cpt:
        return False
    enhanced = n.contrast is not None and "with" in n.contrast and "without" not in n.contrast
    same = c.modality == n.modality and c.regions == n.regions and c.pharmaceutical == n.pharmaceutical
    return enhanced and same and c.contrast == frozenset({"without"})


def with_technique(studies: list[Procedure]) -> Procedure | None:
    """The one study the others are only without its technique (round 27o): a mammography code with a tomosynthesis code
    of the same intent ("77066 + 77062", "G0204 + G0279", "77065/77061") names the tomosynthesis study, which takes the
    2D views with it (it allows ``two_d``; the tomosynthesis code is billed in addition to the mammogram's, source
    cpt_addon); codes of another intent ("77067 + 77062": a screening mammogram and a diagnostic tomosynthesis) or
    another modality or field name no one study."""
    found = []
    for study in studies:
        a = study.attributes
        if a is None or not a.requires or "two_d" not in a.allows:
            continue
        if all(_technique_left_out(other, a) for other in studies if other.id != study.id):
            found.append(study)
    return found[0] if len(found) == 1 else None


def _technique_left_out(other: Procedure, full: StudyAttributes) -> bool:
    o = other.attributes
    if o is None or o.requires or o.contrast != full.contrast:
        return False
    same = o.modality == full.modality and o.regions == full.regions and o.pharmaceutical == full.pharmaceutical
    return same and o.intent is not None and o.intent == full.intent
