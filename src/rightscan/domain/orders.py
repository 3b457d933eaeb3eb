"""Read an imaging order (any text or code) as attributes, then find the catalogue study it names.

The order is parsed into the attribute axes of the LOINC/RSNA Radiology Playbook - modality, body
region(s), contrast timing, laterality, radiopharmaceutical, reason for exam (screening / diagnostic),
technique and extent - using the order vocabulary (``knowledge/order_vocabulary.yaml``). The study is
the catalogue entry (``knowledge/procedures.yaml``) whose attributes the order states. Typos are
corrected one word at a time towards the vocabulary (rapidfuzz, Damerau-Levenshtein distance); string
similarity never chooses a study.

When the order does not say enough (contrast where it changes the study, "MRI" alone, a mammogram
without screening/diagnostic intent) the reading is ``ambiguous`` with the studies it could be; when it
names something outside the catalogue it is ``unknown``. It never guesses.

A LOINC code the catalogue does not list is read through its LOINC name (``kb.loinc_names``, the
radiology LOINC table) on the same attribute path as text; no code is mapped to a study by hand.

Pure: no I/O of its own (the LOINC table given with the knowledge reads its file once, on the first
code). ``interpret`` is the rich reading; ``resolve`` keeps the historical contract (a study, or
``UnknownOrder`` with the resolver's own choices).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler

from rightscan.domain.knowledge import Knowledge, OrderVocabulary, Procedure, StudyAttributes, TermMeaning
from rightscan.domain.model import InputError

Status = Literal["resolved", "ambiguous", "unknown"]
OrderStatus = Literal["proposed", "done", "declined", "suggested"]

SEPARATORS = frozenset({"-", "/", ",", ":"})  # optional between the words of a multi-word form
CLAUSE_ENDS = frozenset({";", ","})  # end a reason-for-exam clause
CONNECTORS = frozenset({"and", "+", "&"})
_TOKEN = re.compile(r"[a-z0-9]+|[/+\-;,:&]")
_LOINC = re.compile(r"(?<![\w-])(\d{3,6}-\d)(?![\w-])")
_CPT = re.compile(r"(?<![\w-])(\d{4}[0-9T])(?:-(?:[A-Z]{2}|\d{2}))?(?![\w-])", re.IGNORECASE)  # 77065-RT
_HCPCS = re.compile(r"(?<![\w-])([A-Z]\d{4})(?![\w-])", re.IGNORECASE)
_AXES = ("contrast", "intent", "extent", "pharmaceutical")
PROJECTION = "projection"  # the vocabulary's technique for projections and view counts


class UnknownOrder(InputError):
    """The order text names no single catalogued study. Carries the resolver's choices, never a guess."""

    def __init__(self, field_path: str, suggestions: list[str], ambiguous: bool = False, missing: str = "") -> None:
        hint = f"; did you mean: {', '.join(suggestions)}" if suggestions else ""
        if ambiguous:
            what = f"does not say which study it is{f' ({missing})' if missing else ''}"
        else:
            what = "not a known imaging procedure, synonym or CPT code"
        super().__init__(field_path, f"{what}{hint}")
        self.suggestions = suggestions
        self.ambiguous = ambiguous


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
        }


# ------------------------------------------------------------------ text helpers
def fold(text: str) -> str:
    """Lower-case without accents: 'Tórax', 'crânio' and 'ecografía' are read as 'torax', 'cranio', 'ecografia'."""
    text = text.lower()
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Lower-case, unify separators and spaces, so that 'PET-CT', 'pet ct' and 'PET/CT' meet."""
    text = fold(text.strip()).replace("&", " and ")
    text = re.sub(r"[\s_/\-]+", " ", text)
    text = re.sub(r"[^a-z0-9+<>. ]", "", text).strip()
    return re.sub(r"\s*\+\s*", "+", text)


def tokenize(text: str) -> tuple[str, ...]:
    """Words, numbers and the separators that carry meaning in orders ("w/o", "C+", "+/-", "C/A/P")."""
    return tuple(_TOKEN.findall(fold(text).replace("\u2212", "-").replace("\u2013", "-")))


def extract_codes(text: str) -> tuple[tuple[str, ...], str]:
    """CPT, HCPCS and LOINC codes in the text, and the text without them."""
    codes: list[str] = []

    def take(match: re.Match[str]) -> str:
        codes.append(match.group(1).upper())
        return " "

    rest = _LOINC.sub(take, text)
    rest = _HCPCS.sub(take, rest)
    rest = _CPT.sub(take, rest)
    return tuple(codes), rest


# ------------------------------------------------------------------ parsing
@dataclass
class _Parse:
    modality: set[str] = field(default_factory=set)
    regions: set[str] = field(default_factory=set)
    contrast_marks: set[str] = field(default_factory=set)
    contrast_word: bool = False
    laterality: set[str] = field(default_factory=set)
    intent: set[str] = field(default_factory=set)
    technique: set[str] = field(default_factory=set)
    extent: set[str] = field(default_factory=set)
    pharmaceutical: set[str] = field(default_factory=set)
    status: list[str] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)
    corrections: list[tuple[str, str]] = field(default_factory=list)
    # contrast marks with the number of region words read before each: "CT chest w/ and abd/pelvis w/o"
    # gives contrast per region, which no catalogue study is
    contrast_at: list[tuple[str, int]] = field(default_factory=list)
    projection: bool = False  # a projection or view count outside the reason clause ("AP", "2 views")

    def mixed_contrast(self) -> bool:
        segments: dict[int, set[str]] = {}
        for mark, seen in self.contrast_at:
            segments.setdefault(seen, set()).add(mark)
        return len(segments) > 1 and len({frozenset(v) for v in segments.values()}) > 1

    def contrast(self) -> str | None:
        marks = self.contrast_marks
        if "without_and_with" in marks or {"with", "without"} <= marks:
            return "without_and_with"
        if marks:
            return next(iter(marks))
        return "with" if self.contrast_word else None


def _correct(vocab: OrderVocabulary, token: str, parse: _Parse) -> tuple[str, ...]:
    """A word outside the vocabulary: split a run-together pair, or fix one typo, or leave it."""
    if token in vocab.words or not token.isalpha() or len(token) < 3:
        return (token,)
    for cut in range(2, len(token) - 1):
        head, tail = token[:cut], token[cut:]
        if head in vocab.split_words and tail in vocab.split_words and len(head) >= 2 and len(tail) >= 2:
            parse.corrections.append((token, f"{head} {tail}"))
            return (head, tail)
    limit = 1 if len(token) < 8 else 2
    hits = process.extract(token, vocab.fuzzy_targets, scorer=DamerauLevenshtein.distance, score_cutoff=limit, limit=4)
    if not hits:
        return (token,)
    best = min(h[1] for h in hits)
    winners = {h[0] for h in hits if h[1] == best}
    if len(token) <= 4:
        # a short word is mostly an abbreviation, and another letter makes another abbreviation ("anus" is
        # not "abus"): only one missing letter, or two neighbouring letters swapped ("crx", "mir")
        winners = {w for w in winners if len(w) == len(token) + 1 or _swapped(token, w)}
    if len(winners) > 1:  # equally close: the one that keeps the letters in place (Jaro-Winkler)
        ranked = sorted(((JaroWinkler.similarity(token, w), w) for w in winners), reverse=True)
        if ranked[0][0] == ranked[1][0]:
            return (token,)
        winners = {ranked[0][1]}
    if not winners:
        return (token,)
    word = winners.pop()
    parse.corrections.append((token, word))
    return (word,)


def _swapped(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with two neighbouring letters exchanged ("crx" / "cxr", "mir" / "mri")."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _match_at(tokens: tuple[str, ...], i: int, form: tuple[str, ...]) -> int | None:
    j, n = i, len(tokens)
    for k, t in enumerate(form):
        if t in SEPARATORS:
            if j < n and tokens[j] == t:
                j += 1
            elif k == len(form) - 1:
                return None  # a trailing separator is part of the form ("C-", "w/")
            continue
        if k > 0:
            while j < n and tokens[j] in SEPARATORS:
                j += 1
        if j < n and tokens[j] == t:
            j += 1
        else:
            return None
    return j


def _items(vocab: OrderVocabulary, tokens: tuple[str, ...]) -> list[tuple[str, TermMeaning | None]]:
    """Longest vocabulary forms, left to right; unmatched tokens come back with meaning None."""
    out: list[tuple[str, TermMeaning | None]] = []
    i, n = 0, len(tokens)
    while i < n:
        best_end, best = None, None
        for form in vocab.by_first.get(tokens[i], ()):
            end = _match_at(tokens, i, form)
            if end is not None and (best_end is None or end > best_end):
                best_end, best = end, form
        if best is None or best_end is None:
            out.append((tokens[i], None))
            i += 1
        else:
            out.append((" ".join(best), vocab.phrases[best]))
            i = best_end
    return out


def _contrast_follows(items: list[tuple[str, TermMeaning | None]], k: int) -> bool:
    """After "w"/"with": does a contrast statement follow (or nothing at all)?"""
    j = k + 1
    while j < len(items) and (items[j][0] in SEPARATORS or (items[j][1] and items[j][1].contrast_route)):
        j += 1
    if j >= len(items) or items[j][0] in CLAUSE_ENDS:
        return True
    word, meaning = items[j]
    if word in CONNECTORS and j + 1 < len(items):
        nxt = items[j + 1][1]  # "w/ and w/o", or "chest w/ and abdomen w/o" (a region's own contrast)
        return bool(nxt and (nxt.contrast or nxt.with_marker or nxt.regions))
    if meaning is None:
        return False
    return bool(meaning.contrast_word or meaning.contrast or meaning.laterality or meaning.with_marker)


def parse_order_text(vocab: OrderVocabulary, text: str) -> _Parse:
    parse = _Parse()
    raw = tokenize(text)
    tokens: list[str] = []
    for tok in raw:
        tokens.extend(_correct(vocab, tok, parse))
    items = _items(vocab, tuple(tokens))
    in_reason = False
    pending_addon = False
    regions_seen = 0
    for k, (word, m) in enumerate(items):
        if word in CLAUSE_ENDS:
            in_reason = False
            continue
        if m is None:
            if word.isalpha() and len(word) > 1 and word not in CONNECTORS and not in_reason:
                parse.unread.append(word)
            continue
        if m.reason:
            in_reason = True
        if m.conditional:
            pending_addon = True
            continue
        if m.status:
            parse.status.append(m.status)
        if m.with_marker:
            if _contrast_follows(items, k):
                parse.contrast_marks.add("with")
                parse.contrast_at.append(("with", regions_seen))
            continue
        if m.modality:
            if pending_addon:  # "MG diag left, poss US": the add-on is not the study ordered
                pending_addon = False
                continue
            parse.modality |= m.modality
        if m.regions and not in_reason:
            parse.regions |= m.regions
            regions_seen += 1
        if PROJECTION in m.technique:
            parse.projection = parse.projection or not in_reason
        elif m.technique and not (in_reason and "intervention" in m.technique):
            parse.technique |= m.technique
        if m.contrast:
            parse.contrast_marks.add(m.contrast)
            parse.contrast_at.append((m.contrast, regions_seen))
        if m.contrast_word:
            parse.contrast_word = True
        if m.laterality:
            parse.laterality.add(m.laterality)
        if m.intent:
            parse.intent.add(m.intent)
        if m.extent:
            parse.extent.add(m.extent)
        if m.pharmaceutical:
            parse.pharmaceutical.add(m.pharmaceutical)
    if "PT" in parse.modality:
        parse.modality.discard("NM")  # PET is nuclear medicine: "NM PET" names one modality
    if parse.projection and not parse.modality:
        parse.modality.add("XR")  # projections with no modality named: "AP pelvis" is a radiograph
    ancestors = vocab.region_ancestors
    parse.regions -= {a for r in parse.regions for a in ancestors.get(r, ())}
    return parse


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
def _covers(vocab: OrderVocabulary, attrs: StudyAttributes, text_region: str, study_region: str) -> bool:
    if text_region == study_region:
        return True
    if study_region not in vocab.region_ancestors.get(text_region, ()):
        return False
    return attrs.parts is True or (isinstance(attrs.parts, frozenset) and text_region in attrs.parts)


def _fit(vocab: OrderVocabulary, parse: _Parse, attrs: StudyAttributes) -> tuple[str, list[str], list[str]]:
    """("full" | "partial" | "no", assumption reasons, axes left unstated)."""
    assumed: list[str] = []
    unstated: list[str] = []

    def unstated_axis(axis: str) -> None:
        if axis in attrs.assume:
            assumed.append(attrs.assume[axis])
        else:
            unstated.append(axis)

    if not parse.modality <= attrs.modality:
        return "no", [], []
    if attrs.primary_modality not in parse.modality:
        unstated.append("modality")  # only a hybrid's partner (the CT of a PET/CT) may be assumed
    elif attrs.modality - parse.modality:
        unstated_axis("modality")
    regions = parse.regions
    if regions:
        if not attrs.regions:
            return "no", [], []
        if not all(any(_covers(vocab, attrs, t, s) for s in attrs.regions) for t in regions):
            return "no", [], []
        if not all(any(_covers(vocab, attrs, t, s) for t in regions) for s in attrs.regions):
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


def _rank_unknown(kb: Knowledge, text: str, parse: _Parse, limit: int = 5) -> tuple[Procedure, ...]:
    """Studies closest to an order that names none: shared modality and regions, then name similarity."""
    scored: list[tuple[float, int, Procedure]] = []
    for idx, proc in enumerate(kb.procedures.values()):
        a = proc.attributes
        score = 0.0
        if a is not None:
            score += 2 * len(parse.modality & a.modality)
            score += sum(1 for r in parse.regions if any(_covers(kb.vocabulary, a, r, s) for s in a.regions))
        names = (proc.name, *proc.synonyms)
        similarity = process.extractOne(normalise(text), [normalise(n) for n in names], scorer=fuzz.WRatio)
        sim = similarity[1] if similarity else 0.0
        if score == 0 and sim < 70:
            continue
        scored.append((score + sim / 100.0, -idx, proc))
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    return tuple(p for _, _, p in scored[:limit])


def _order_status(parse: _Parse) -> OrderStatus:
    for status in ("declined", "done", "suggested"):
        if status in parse.status:
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
    if len(named) > 1:
        return None, tuple(named.values()), loinc
    if len(codes) == 1 and loinc is not None and loinc.status == "ambiguous":
        return None, loinc.choices, loinc
    return None, (), loinc


def interpret(kb: Knowledge, text: str) -> OrderReading:
    """Read an order. Pure and memoised per text (the knowledge base is immutable)."""
    return kb.remember(("order-reading", text), lambda: _interpret(kb, text))  # type: ignore[no-any-return]


def _interpret(kb: Knowledge, text: str) -> OrderReading:
    vocab = kb.vocabulary
    codes, rest = extract_codes(text[:500])
    parse = parse_order_text(vocab, rest)
    attrs = _attributes_of(parse)
    status = _order_status(parse)
    base: dict[str, Any] = {
        "attributes": attrs,
        "order_status": status,
        "corrections": tuple(parse.corrections),
        "unread": tuple(parse.unread),
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
                return OrderReading("ambiguous", None, choices=(by_code, words.study), via="code", **base)
        assumed = loinc.assumed if loinc is not None and loinc.study is by_code else ()
        return OrderReading("resolved", by_code, via="code", assumed=assumed, **base)

    # 2. attributes; 3. a catalogue name or synonym, whole, where the attributes do not contradict it
    words = _match(kb, text, parse, base)
    pid = kb.lookup.get(normalise(text))
    if pid is None or (words.study is not None and words.study.id == pid):
        return words
    named = kb.procedures[pid]
    if words.status != "resolved" and named.attributes is not None:
        fit, assumed, unstated = _fit(vocab, parse, named.attributes)
        # a name may supply what words do not (where, which modality: "staging CT"), never a
        # distinguishing choice the order leaves open (contrast, screening/diagnostic, extent, tracer)
        if fit == "full" or (fit == "partial" and set(unstated) <= {"regions", "modality"}):
            return OrderReading("resolved", named, via="name", assumed=tuple(assumed), **base)
    choices = (named, *(c for c in words.choices if c.id != named.id))
    return OrderReading("ambiguous", None, choices=choices, missing=words.missing, **base)


def _match(kb: Knowledge, text: str, parse: _Parse, base: dict[str, Any]) -> OrderReading:
    vocab = kb.vocabulary
    full: list[tuple[Procedure, list[str]]] = []
    partial: list[tuple[Procedure, list[str]]] = []
    if len(parse.intent) > 1 or len(parse.extent) > 1 or len(parse.pharmaceutical) > 1 or parse.mixed_contrast():
        near = _rank_unknown(kb, text, parse)
        return OrderReading("ambiguous" if near else "unknown", None, choices=near, missing=("conflict",), **base)
    for proc in kb.procedures.values():
        if proc.attributes is None:
            continue
        fit, assumed, unstated = _fit(vocab, parse, proc.attributes)
        if fit == "full":
            full.append((proc, assumed))
        elif fit == "partial":
            partial.append((proc, unstated))
    if len(full) == 1 and not parse.unread:
        proc, assumed = full[0]
        return OrderReading("resolved", proc, assumed=tuple(assumed), **base)
    if full:
        missing = ("unread words",) if parse.unread and len(full) == 1 else ()
        return OrderReading("ambiguous", None, choices=tuple(p for p, _ in full), missing=missing, **base)
    if partial and (parse.modality or parse.regions):
        axes = sorted({a for _, un in partial for a in un})
        return OrderReading("ambiguous", None, choices=tuple(p for p, _ in partial)[:6], missing=tuple(axes), **base)
    return OrderReading("unknown", None, choices=_rank_unknown(kb, text, parse), **base)


def resolve(kb: Knowledge, text: str, field_path: str = "order") -> Procedure:
    """The catalogue study an order names; ``UnknownOrder`` (with the resolver's choices) otherwise."""
    reading = interpret(kb, text)
    if reading.status == "resolved" and reading.study is not None:
        return reading.study
    raise UnknownOrder(
        field_path,
        [p.name for p in reading.choices],
        ambiguous=reading.status == "ambiguous",
        missing=_missing_words(reading.missing),
    )


_MISSING = {
    "contrast": "with or without contrast",
    "intent": "screening or diagnostic",
    "extent": "the extent",
    "pharmaceutical": "the tracer",
    "modality": "the modality",
    "regions": "the body region",
    "conflict": "it states conflicting attributes",
    "unread words": "some words were not understood",
}


def _missing_words(axes: Iterable[str]) -> str:
    return ", ".join(_MISSING.get(a, a) for a in axes)


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
