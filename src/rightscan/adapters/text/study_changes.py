"""Which study a note considers now, when it names more than one: a study declined, cancelled or not ordered
is not the order, and a study the note changed the order to replaces the one first asked for.

Radiology documents often carry the original request at the top and the radiologist's change below it
("MRI BREAST W/WO -> protocol changed ... order changed to contrast-enhanced mammography", "-> PROTOCOL
CHANGED: CT C/A/P WITHOUT IV CONTRAST"): the study considered now is the one changed to (annotation guide 2,
order). The words that say so are PROPOSED cues of ``context_rules.json`` whose metadata carries
``"replaces": "earlier study"``; they live there once, read here.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from rightscan.adapters.text.candidates import Candidate
from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.rules import context_rules_path


def declined_studies(cands: list[Candidate]) -> None:
    """A study the note says was declined, cancelled or not ordered ("PET/CT ordered by PCP -- will cancel", "PET
    not ordered") is not the order, wherever the note proposed it before (annotation guide 2, order); a request
    made after the note says so stands."""
    declined: dict[Any, int] = {}  # study -> where the note last says it was declined
    refused: dict[Any, int] = {}  # round 43o: study -> where the note last says so other than as advice against it
    withdrawn: dict[Any, int] = {}  # round 57e: study -> where the note last says it was refused or cancelled
    for c in cands:
        if c.field == "order" and ("declined" in c.mention.effects or _refused_by_name(c.mention)):
            declined[c.value] = max(declined.get(c.value, -1), c.mention.start)
            if not _advice_only(c.mention.sentence):
                refused[c.value] = max(refused.get(c.value, -1), c.mention.start)
            if _REFUSAL.search(c.mention.sentence):  # round 57e: refused, cancelled, deferred - not the writer's "no"
                withdrawn[c.value] = max(withdrawn.get(c.value, -1), c.mention.start)
    asked = _asked_sentences(cands)
    for c in cands:  # a request after it stands ("asking why her PET was cancelled ... pt's request for PET/CT")
        if c.field != "order" or not c.used:
            continue
        # round 57e (v57 cr-012): a study asked about as a question ("Does she need a PET/CT?") and then answered
        # against by the writer ("I would not order the PET/CT") is still the study considered (annotation guide 2,
        # order), as the patient's request judged not needed is; a refusal or a cancellation still sets it aside
        if "question" in c.mention.effects and c.mention.sentence not in asked:
            after = withdrawn
        else:
            after = refused if c.mention.sentence in asked else declined
        if c.mention.start < after.get(c.value, -1):
            c.used, c.reason = False, "the note says this study was declined, cancelled or not ordered"
    changed_studies(cands)
    chosen_studies(cands)


# round 43o: the writer's advice against a study ("guidelines recommend NOT doing a PET", "PET not recommended for
# early-stage cancer") answers a request; it is no refusal, cancellation or order withdrawn by the patient
_ADVICE = re.compile(
    r"(?<![a-z])(?:recommends?|recommended|recommending|advise[ds]?|advising|guidelines?)(?![a-z])", re.IGNORECASE
)
_REFUSAL = re.compile(
    r"(?<![a-z])(?:declin\w*|refus\w*|cancel\w*|(?:does|do|did)\s*(?:not|n't|n’t)\s*want|no\s+longer|deferr?\w*|defer)"
    r"(?![a-z])",
    re.IGNORECASE,
)


# round 46c (v46 bm-020): the patient's refusal verb right before the study it turns down ("pt called & cancelled -
# declines bone scan", "she refused the PET/CT"): "declines" is read as a negation (context_rules.json, so that a denial
# written "declines" before symptoms keeps it), which alone would leave the study proposed earlier ("Onc requested
# staging bone scan") as the order; the refusal of that study by name sets its earlier requests aside, as a study
# declined does. Only the verb itself and up to two small words before the study's name; never advice against it
_REFUSED_BEFORE = re.compile(
    r"(?<![a-z])(?:declin(?:es|ed|ing)|refus(?:es|ed|ing))(?:\s+(?:the|a|an|any|her|his|further|staging|repeat)){0,2}"
    r"\s*$",
    re.IGNORECASE,
)


def _refused_by_name(mention: Mention) -> bool:
    """Round 46c: a study mention negated by the patient's refusal verb right before its name."""
    if "negated" not in mention.effects or mention.sentence_start < 0:
        return False
    before = mention.sentence[: max(0, mention.start - mention.sentence_start)]
    return _REFUSED_BEFORE.search(before) is not None and not _advice_only(mention.sentence)


def _advice_only(sentence: str) -> bool:
    """Round 43o: whether a sentence declining a study is the writer's advice against it, and nothing else."""
    return bool(_ADVICE.search(sentence)) and not _REFUSAL.search(sentence)


def _asked_sentences(cands: list[Candidate]) -> set[str]:
    """Round 43o: the sentences in which the patient herself asks for a study (a preference read as hers). A study she
    asks for and the writer then advises against is still the study considered (annotation guide 2, order: "bone scan
    requested; bone scan not indicated" is the order); one she or her family refuses is not."""
    return {
        c.mention.sentence
        for c in cands
        if c.field == "patient_preference" and c.used and c.value == "requests_imaging"
    }


@lru_cache(maxsize=2)
def _change_cues(key: str = "replaces") -> re.Pattern[str] | None:
    """The change cues of the shipped rule set (context_rules.json), as one pattern: the PROPOSED cues whose metadata
    carries ``key`` ("replaces"; round 18g: "chooses", a study chosen among options named before)."""
    data = json.loads(context_rules_path().read_text(encoding="utf-8"))
    words = sorted(
        {
            r["literal"].lower()
            for r in data["context_rules"]
            if r.get("category") in ("PROPOSED", "CHANGED_TO") and (r.get("metadata") or {}).get(key)  # 41o: CHANGED_TO
        },
        key=len,
        reverse=True,
    )
    if not words:
        return None
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    # round 41o: a cue told by a token pattern gives its words as a regex ("ok to change to", "agreed to switch the
    # order to"), its literal being one wording only
    extra = [
        (r.get("metadata") or {}).get(f"{key}_pattern")
        for r in data["context_rules"]
        if r.get("category") in ("PROPOSED", "CHANGED_TO") and (r.get("metadata") or {}).get(f"{key}_pattern")
    ]
    alternatives = "|".join([alternatives, *extra])
    return re.compile(rf"(?<![a-z])(?:{alternatives})(?![a-z])", re.IGNORECASE)


def _says_changed(sentence: str) -> bool:
    """Whether a sentence says the order was changed to a study ("order changed to CEM", "-> PROTOCOL CHANGED:
    CT C/A/P WITHOUT IV CONTRAST")."""
    cue = _change_cues()
    return cue is not None and cue.search(sentence) is not None


# round 18g: a sentence that sets studies out as options ("Staging options discussed: CT C/A/P + bone scan vs PET/CT")
_OPTIONS = re.compile(r"(?<![a-z])(?:vs\.?|versus|or|options?|alternatives?|choices?)(?![a-z])", re.IGNORECASE)


def chosen_studies(cands: list[Candidate]) -> None:
    """Round 18g: a study chosen, in a later sentence naming it alone, among options a sentence before set out ("Staging
    options discussed: CT C/A/P + bone scan vs PET/CT. Given stage IIB, will order FDG PET/CT") is the one considered:
    the options not chosen, named only there, are set aside. A study proposed elsewhere still counts."""
    cue = _change_cues("chooses")
    if cue is None:
        return
    orders = [c for c in cands if c.field == "order" and c.used]
    values_in: dict[str, set[Any]] = {}
    for c in orders:
        values_in.setdefault(c.mention.sentence, set()).add(c.value)
    options = {s for s, v in values_in.items() if len(v) > 1 and _OPTIONS.search(s)}
    # round 46o (v46 bm-046): options the note asks between ("Want CT chest w contrast after thora, or full CT CAP?")
    # are settled by a later reply proposing one of them alone ("CT CAP w contrast after the thora pls"), with no
    # word of choice: the question asked for the choice
    asked = {s for s in options if "?" in s}
    for c in orders:
        s = c.mention.sentence
        if s in options or len(values_in[s]) != 1 or "proposed" not in c.mention.effects:
            continue
        chooses = cue.search(s) is not None
        offered = [
            o
            for o in orders
            if o.mention.sentence in (options if chooses else asked) and o.mention.start < c.mention.start
        ]
        if not any(o.value == c.value for o in offered):
            continue
        for o in offered:
            if o.value != c.value:
                o.used, o.reason = False, "another of the options named was chosen"


def changed_studies(cands: list[Candidate]) -> None:
    """The last study the note changed the order to is the order: the other studies proposed before it were
    the original request, replaced (their candidates are set aside with the reason)."""
    orders = [c for c in cands if c.field == "order" and c.used]
    values_in: dict[str, set[Any]] = {}
    for c in orders:
        values_in.setdefault(c.mention.sentence, set()).add(c.value)
    # only a sentence naming one study: "changed from MRI to CEM" names two, and which is which is not read here
    changed = [
        c
        for c in orders
        if "proposed" in c.mention.effects
        and len(values_in[c.mention.sentence]) == 1
        and _says_changed(c.mention.sentence)
    ]
    if not changed:
        return
    last = max(changed, key=lambda c: c.mention.start)
    for c in cands:
        if c.field == "order" and c.used and c.value != last.value and c.mention.start < last.mention.start:
            c.used, c.reason = False, "the note changed the order to another study"


_CHOICES = "one of: "
_TARGETED = "procedure.us_breast"  # round 18g: targets.yaml "targeted (us|ultrasound ...)" is its only bare phrase

# round 18g: what keeps a study the patient asks for from being the one considered: said not to be done, declined, or
# only supposed
_NOT_ASKED = frozenset({"negated", "declined", "hypothetical", "performed", "historical"})


def requested_studies(cands: list[Candidate]) -> None:
    """Round 18g: the study the patient asks for in the words of her request ("My friend had a PET scan when she was
    diagnosed and I'd like one too", "a bone scan before the surgery. can you order one?") is the study considered now
    (annotation guide 2, order: asked about, requested), though its own sentence tells someone else had it. Only one
    study named in the request's words; never one the note declines, negates or supposes."""
    # her present wish in words that name her as the one asking (values.yaml, family preference_own: the study named
    # first lends its own effects to the match); a request told as made before ("had initially asked for a PET") may
    # since have been given up
    asked = [
        c.mention for c in cands if c.field == "patient_preference" and c.used and c.mention.family == "preference_own"
    ]
    for m in asked:
        inside = [
            c
            for c in cands
            if c.field == "order" and c.value is not None and m.start <= c.mention.start and c.mention.end <= m.end
        ]
        if len({c.value for c in inside}) != 1:
            continue
        for c in inside:
            if not c.used and not c.mention.effects & _NOT_ASKED:
                c.used, c.reason = True, None


def still_unclear(unclear: list[Mention], order_name: str | None) -> list[Mention]:
    """Ambiguous study mentions that may name another study than the order. A bare name written again after the
    study was named in full ("baseline brain MRI w/ and w/o contrast - ordered" ... "Status: pending brain MRI") is
    the same study when the order is one of the studies it could be: it is no second study, so no conflict."""
    if order_name is None:
        return unclear
    out = []
    for m in unclear:
        reasons = [f.reason or "" for f in m.findings if f.field == "order"]
        choices = [r.split(_CHOICES, 1)[1].split(", ") for r in reasons if _CHOICES in r]
        # every study it could be is of the order's kind (its modality and region: "MRI Head ..."), the order among
        # them: "CT or PET?" could be a CT of another kind, so it stays a second study
        kind = _kind(order_name)
        same_kind = all(order_name in c and all(_kind(name) == kind for name in c) for c in choices)
        # round 18g: a bare ultrasound aimed at a finding ("recommend targeted US") is the breast ultrasound ordered
        same_kind = same_kind or (m.rule == _TARGETED and all(order_name in c for c in choices))
        if not choices or not same_kind:
            out.append(m)
    return out


# the words of a study's name that tell its intent, contrast or extent, after its modality and region
_QUALIFIERS = frozenset({"Diagnostic", "Screening", "With", "with", "Without", "without", "Whole", "Skull"})


def _kind(name: str) -> tuple[str, ...]:
    """A study name's modality and region: its words before the first qualifier ("MRI Head" of "MRI Head Without IV
    Contrast", "Mammography" of "Mammography Diagnostic" and of "Mammography With IV Contrast", round 24)."""
    words = name.split()
    end = next((k for k, w in enumerate(words) if k and w in _QUALIFIERS), len(words))
    return tuple(words[:end])
