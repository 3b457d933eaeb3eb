"""round 14d: what a size in a sentence measures, when the words around it say it is not the current primary tumour.

The value rules read a number next to a unit as a tumour size unless a word right beside it says otherwise (a node,
the nipple, a margin). Some sentences say it further away, in the same clause (annotation guide 2, tumor.size_cm:
only the current primary invasive tumour's size, never DCIS extent, another cancer's size, a specimen's size):

- the clause grades the finding benign or probably benign ("MRI also showed a 6 mm L breast focus, BI-RADS 3,
  follow-up only"): a finding read as not cancer is not the cancer's size;
- the clause is about the in-situ component only ("associated DCIS, intermediate grade, spanning 2.5 cm",
  "DCIS, high grade, solid, extent 5.5 cm"): the extent of DCIS, never T;
- the sentence names a cancer of another organ before the size with no breast word between ("history of colon
  cancer in 2015 ... the tumour then measured 3.5 cm"): an earlier cancer's size;
- the dimensions follow the name of a resected specimen directly ("WLE 62 x 48 x 35 mm", "Left mastectomy 210 x 180
  x 45 mm"): the specimen, not the tumour in it.

Such a size gives way (``used`` False, with the reason): the safe side, since a size set aside can at most leave the
field open (the answer waits for it), while a wrong size would change T. Only where the number can be found in its
sentence without doubt; otherwise nothing changes. The words are parameters of values.yaml (round 14d block).
"""

from __future__ import annotations

import re

from rightscan.adapters.text.candidates import Candidate
from rightscan.adapters.text.phrases import word_patterns
from rightscan.adapters.text.rules import Rules

# a number with its unit, as the size rules read it (values.yaml fragments NUM, BY, UNIT), to find it in its sentence
# (round 55m: with the plural "cms" of South Asian English, as UNIT reads it)
_SIZE = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[.,]\d{1,2})?)\s*(?:(?:cms?|mm)\s*)?(?:(?:x|×|\*|by)\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*"
    r"(?:(?:cms?|mm)\s*)?(?:(?:x|×|\*|by)\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*)?)?-?\s*"
    r"(cms?|mm|centimet(?:er|re)s?|millimet(?:er|re)s?)\b",
    re.IGNORECASE,
)
# what ends the clause a size stands in: a full stop, a semicolon, a line break
_CLAUSE_END = re.compile(r"[.;](?:\s|$)|[;\n]")


def _value(m: re.Match[str]) -> float:
    dims = [float(g.replace(",", ".")) for g in m.groups()[:3] if g]
    return round(max(dims) / (10.0 if m.group(4).lower().startswith("m") else 1.0), 2)


def locate(group: list[Candidate]) -> dict[int, int]:
    """Where each size of one sentence stands in it (index of its number), found by value and by the distances between
    the mentions; a size that cannot be placed without doubt is left out."""
    if not group:
        return {}
    sentence = group[0].mention.sentence
    found = [(m.start(), _value(m)) for m in _SIZE.finditer(sentence)]
    first = min(c.mention.start for c in group)
    places: dict[int, int] = {}
    fits = []
    for pos, _ in found:  # the place of the first mention such that every mention lands on a number of its value
        shift = pos - first
        if all(any(p == c.mention.start + shift and abs(v - c.value) < 1e-6 for p, v in found) for c in group):
            fits.append(shift)
    if len(fits) != 1:
        return {}
    for c in group:
        places[id(c)] = c.mention.start + fits[0]
    return places


def _clause(sentence: str, at: int) -> tuple[str, str]:
    """The clause text before and after a position (to the clause ends around it), lower-cased."""
    start = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, at)), default=0)
    end_match = _CLAUSE_END.search(sentence, at)
    end = end_match.start() if end_match else len(sentence)
    return sentence[start:at].lower(), sentence[at:end].lower()


_WORDS_CACHE: dict[tuple[int, str], tuple[re.Pattern[str], ...]] = {}


def link_words(rules: Rules, kind: str) -> tuple[re.Pattern[str], ...]:
    """The words of one kind of values.yaml ``size_link_words``, compiled once per rule set."""
    found = _WORDS_CACHE.get((id(rules), kind))
    if found is None:
        table = rules.parameters.get("size_link_words") or {}
        found = _WORDS_CACHE[(id(rules), kind)] = word_patterns(list(table.get(kind, ())))
    return found


def _any(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def set_aside_other_measures(rules: Rules, sizes: list[Candidate]) -> None:
    """A size whose clause or sentence says it measures something other than the current primary invasive tumour
    gives way (see the module's docstring)."""
    live = [c for c in sizes if c.used]
    benign, malignant = link_words(rules, "benign"), link_words(rules, "malignant")
    in_situ, invasive = link_words(rules, "in_situ"), link_words(rules, "invasive")
    other_cancer, breast = link_words(rules, "other_cancer"), link_words(rules, "breast")
    specimen, distance = link_words(rules, "specimen"), link_words(rules, "distance")
    core_length, other_organ = link_words(rules, "core_length"), link_words(rules, "other_organ")
    status = _tumour_describing_words(rules)
    chest, skin = link_words(rules, "chest_film"), link_words(rules, "skin_change")  # round 54k
    own = (*breast, *invasive, *(p for k in _STUDIES for p in link_words(rules, k)))
    for sentence in {c.mention.sentence for c in live}:
        group = [c for c in live if c.mention.sentence == sentence]
        places = locate(group)
        for c in group:
            at = places.get(id(c))
            if at is None:
                continue
            before, after = _clause(sentence, at)
            reason = None
            if _any(benign, after) and not _any(malignant, after):
                reason = "a finding the note grades benign or probably benign: not the cancer's size"
            elif _in_situ_only(before, in_situ, invasive):
                reason = "the extent of the in-situ component (DCIS), never the invasive tumour's size"
            elif _other_cancer_before(sentence[:at].lower(), other_cancer, breast):
                reason = "the size of a cancer of another organ named before it"
            elif c.mention.rule == "size.dimensions" and _specimen_before(sentence[:at].lower(), specimen):
                reason = "a resected specimen's dimensions, not the tumour's size"
            elif _any(distance, before):  # round 29c: "Distance between the two lesions approx 3.5 cm"
                reason = "the distance between two lesions, not a size"
            elif _any(core_length, before):  # round 42z: "longest continuous involvement 1.4 cm"
                reason = "the length of tumour in a biopsy core, not the tumour's size"
            elif _other_cancer_before(before, other_organ, breast):  # round 42z: "3 liver lesions, largest 2.1 cm"
                reason = "a lesion of another organ named before it: a metastasis' or nodule's size"
            elif _NODE_AFTER.match(_without(status, after)):  # round 42z: "fixed 3 cm nodal mass"
                reason = "a lymph node's size, never the tumour's"
            elif "margin" in sentence[:at].lower() and _MARGIN_SIDE_AFTER.match(after):
                reason = "the distance to a named margin, not the tumour's size"  # round 42z: "invasive 6 mm (medial)"
            elif _other_cancer_before(before, chest, own):  # round 54k: 'CXR: "8 mm nodular opacity R lower zone"'
                reason = "a finding of a chest film or chest CT named before it: not the breast tumour's size"
            elif _SKIN_AFTER.match(after) or _other_cancer_before(before, skin, invasive):  # round 54k
                reason = "the area of a skin change (peau d'orange, erythema), not the tumour's size"
            if reason:
                c.used, c.reason = False, reason


# round 42z: the size names a node right after its unit ("R axilla: fixed 3 cm nodal mass", "2 cm firm node"): a node's
# size (guide 2, tumor.size_cm: never node size); a "mass" word between is allowed, a breast word is not
_NODE_AFTER = re.compile(
    r"[\d.,]+\s*(?:(?:x|×|\*|by)\s*[\d.,]+\s*)*(?:cms?|mm)\b\s*(?:(?!breast|tumou?r|primary)[a-z-]+\s+){0,2}?"
    r"(?:nodal|nodes?|lns?|lymph\s+nodes?|adenopathy|lymphadenopathy)\b"
    # round 54k (v54 ci-017): not the next field's label of a form row ("Size (US): 5.4 cm   Nodes: cN0")
    r"(?!\s*[:=])"
)
# round 54k (v54 ck-030): the size measures skin ("peau d'orange confined to ~3 x 3 cm of skin directly over the mass")
_SKIN_AFTER = re.compile(
    r"[\d.,]+\s*(?:(?:x|×|\*|by)\s*[\d.,]+\s*)*(?:cms?|mm)\b\s*(?:of|of\s+the)\s+(?:overlying\s+|breast\s+|involved\s+)?skin\b"
)
# round 42z: the side of the margin right after the size, in a sentence about margins ("Margins negative; invasive 6 mm
# (medial)", "DCIS 4 mm from the posterior margin"): the distance to that margin
_MARGIN_SIDE_AFTER = re.compile(
    r"[\d.,]+\s*(?:cms?|mm)\b\s*(?:\(\s*|(?:from|to)\s+(?:the\s+)?)"
    r"(?:superior|inferior|anterior|posterior|medial|lateral|deep|superficial|inked)\b"
)


def _tumour_describing_words(rules: Rules) -> tuple[re.Pattern[str], ...]:
    """round 43z: the words a size rule reads after its number as the measured tumour's own nodal status
    (values.yaml ``describes_after``: "a 1.1 cm node-negative ER+ IDC", "2 cm LN-positive ILC"), so that no node word
    among them makes the size a node's (the same words the value rules already pass over)."""
    found = _WORDS_CACHE.get((id(rules), "describes_after"))
    if found is None:
        found = tuple(dict.fromkeys(p for r in rules.values if r.group == "size" for p in r.describes_after))
        _WORDS_CACHE[(id(rules), "describes_after")] = found
    return found


def _without(patterns: tuple[re.Pattern[str], ...], text: str) -> str:
    """The text with every word of ``patterns`` blanked (same length, so places in it do not move)."""
    for p in patterns:
        text = p.sub(lambda m: " " * len(m.group(0)), text)
    return text


def in_situ_cancer_extent(by_field: dict[str, list[Candidate]]) -> None:
    """round 42z: a note whose cancer is in situ only (every histology it reads is DCIS: "stereo bx: DCIS, high grade,
    no invasive carcinoma identified", cTis) measures the in-situ disease, whatever the clause says ("extent 4.5 cm on
    mammo", "calcifications spanning 5 cm"): never an invasive tumour's size (guide 2, tumor.size_cm: never DCIS
    extent). The sizes give way; an invasive histology anywhere in the note, or none at all, changes nothing."""
    kinds = {c.value for c in by_field.get("tumor.histology", []) if c.used}
    if kinds != {"DCIS"}:
        return
    live = [c for c in by_field.get("tumor.size_cm", []) if c.used]
    for sentence in {c.mention.sentence for c in live}:
        group = [c for c in live if c.mention.sentence == sentence]
        places = locate(group)
        for c in group:  # a size its own clause calls invasive ("Invasive tumour size: 21 mm") stays, as one not placed
            at = places.get(id(c))
            if at is not None and not _INVASIVE.search(_clause(sentence, at)[0]):
                c.used, c.reason = False, "an in-situ cancer's extent (the note's cancer is DCIS only), not a size"


_INVASIVE = re.compile(r"\b(?:invasive|invasion|infiltrating|micro-?invasi\w*|idc|ilc|nst)\b")


def smaller_other_focus(rules: Rules, by_field: dict[str, list[Candidate]]) -> None:
    """round 42z: a size its own clause names another focus of the cancer ("Second separate focus of invasive carcinoma
    NST, 0.3 cm"; values.yaml ``size_link_words.other_focus``) is a focus' size: several foci are staged by the
    largest (AJCC 8; guide 2, tumor.size_cm), so it gives way when a larger size stands in another sentence. A focus
    larger than every other size stays, and so does the conflict then (the largest is never dropped).

    round 43z: the focus word must name this very size: it stands before it in its clause with no other size between
    ("invasive carcinoma, 3.1 cm greatest dimension (additional satellite focus 0.4 cm)": the 0.4 cm is the focus, the
    3.1 cm the main tumour's, which stays to meet the other sentence's size as before). A size that cannot be placed in
    its sentence without doubt is left as it is."""
    words = link_words(rules, "other_focus")
    live = [c for c in by_field.get("tumor.size_cm", []) if c.used]
    foci: list[Candidate] = []
    for sentence in {c.mention.sentence for c in live if _any(words, c.mention.sentence.lower())}:
        group = [c for c in live if c.mention.sentence == sentence]
        places = locate(group)
        for c in group:
            at = places.get(id(c))
            if at is not None and _names_a_focus(words, sentence, at, [places.get(id(o)) for o in group if o is not c]):
                foci.append(c)
    for c in foci:
        elsewhere = [o.value for o in live if o.mention.sentence != c.mention.sentence]
        if elsewhere and c.value < max(elsewhere):
            c.used, c.reason = False, "a smaller other focus of the cancer: several foci are staged by the largest"


def _names_a_focus(words: tuple[re.Pattern[str], ...], sentence: str, at: int, others: list[int | None]) -> bool:
    """A focus word stands before the size at ``at`` in its clause, after every other size of the sentence before it."""
    before = _clause(sentence, at)[0]
    start = at - len(before)
    since = max((o for o in others if o is not None and start <= o < at), default=start)
    return _any(words, sentence[since:at].lower())


def _in_situ_only(before: str, in_situ: tuple[re.Pattern[str], ...], invasive: tuple[re.Pattern[str], ...]) -> bool:
    """The clause before the size is about DCIS and names nothing invasive ("associated DCIS, ..., spanning")."""
    return _any(in_situ, before) and not _any(invasive, before)


def _other_cancer_before(
    before: str, other_cancer: tuple[re.Pattern[str], ...], breast: tuple[re.Pattern[str], ...]
) -> bool:
    """A cancer of another organ is named earlier in the sentence, and no breast word stands between it and the size."""
    last = max((m.end() for p in other_cancer for m in p.finditer(before)), default=-1)
    return last >= 0 and not _any(breast, before[last:])


# round 22s: tried only where a run of blanks starts (the same leftmost match), so a long run is read once
_SPECIMEN_TAIL = re.compile(r"(?<!\s)(?:\s*+(?:specimen|measuring|measures|measured|weighing|of|:|,|-))*\s*+$")


def _specimen_before(before: str, specimen: tuple[re.Pattern[str], ...]) -> bool:
    """The dimensions follow a resected specimen's name, with only "specimen", "measuring" or punctuation between."""
    tail = _SPECIMEN_TAIL.search(before)
    head = before[: tail.start()] if tail else before
    return any(m.end() == len(head) for p in specimen for m in p.finditer(head))


_STUDIES = ("us", "mri", "mammo")


# "1.9 cm on ultrasound", "2 cm by MRI": the study named right after a size, as what measured it
_ON_STUDY = re.compile(r"\s*(?:on|by|at|per|\(on|\(by)\s+(?:the\s+|a\s+)?(\w+)")


def names_a_study(rules: Rules, text: str) -> bool:
    return any(_any(link_words(rules, k), text) for k in _STUDIES)


def _study_of(rules: Rules, text: str, at: int, end: int) -> str | None:
    """The study a size was measured on: named right after it ("1.9 cm on ultrasound"), else named last before it in its
    own phrase ("US 1.4 cm, mammo 1.2 cm": mammo for 1.2); None when neither names one."""
    after = _ON_STUDY.match(text, end)
    if after:
        kinds = [k for k in _STUDIES if _any(link_words(rules, k), after.group(1))]
        if len(kinds) == 1:
            return kinds[0]
    start = max(text.rfind(ch, 0, at) for ch in "(,;:") + 1
    best, kind = -1, None
    for k in _STUDIES:
        for p in link_words(rules, k):
            for m in p.finditer(text, start, at):
                if m.end() > best:
                    best, kind = m.end(), k
    return kind


def measured_on_a_study(rules: Rules, c: Candidate) -> bool:
    """round 40v: whether a size names, in its own phrase, the imaging study that measured it ("US 3.9 cm", "2.0 cm on
    US"); False when the size cannot be placed in its sentence."""
    places = locate([c])
    if id(c) not in places:
        return False
    low = c.mention.sentence.lower()
    m = _SIZE.match(low, places[id(c)])
    return m is not None and _study_of(rules, low, places[id(c)], m.end()) is not None


def stated_size(rules: Rules, said: list[Candidate], words: tuple[re.Pattern[str], ...]) -> list[Candidate]:
    """round 14d: a staging statement in a sentence that gives several sizes ("US 1.4 cm, mammo 1.2 cm (US used for
    staging)", "US 3.0 x 2.1 cm (largest, used for staging); mammo 2.7 cm") says which of them it means: the size of
    the study it names, else the size whose aside it stands in. The sizes of such a sentence are narrowed to that one;
    when the statement names no study and stands in no size's aside, or the sizes cannot be placed, nothing changes."""
    out: list[Candidate] = []
    for sentence in dict.fromkeys(c.mention.sentence for c in said):
        group = [c for c in said if c.mention.sentence == sentence]
        chosen = _narrow(rules, group, words) if len({c.value for c in group}) > 1 else group
        out += chosen if len({c.value for c in chosen}) == 1 else group
    return out


def _narrow(rules: Rules, group: list[Candidate], words: tuple[re.Pattern[str], ...]) -> list[Candidate]:
    places = locate(group)
    if len(places) != len(group):
        return group
    low = group[0].mention.sentence.lower()
    statements = sorted({m.start() for p in words for m in p.finditer(low)})
    if (
        not statements
        or _CLAUSE_END.search(low, statements[0], statements[-1])
        or "(" in low[statements[0] : statements[-1]]
    ):
        return group  # statements in more than one clause or aside ("best estimate, used for staging" is one)
    s = statements[0]
    segment = low[max(low.rfind(ch, 0, s) for ch in "(,;") + 1 : s]
    named = [k for k in _STUDIES if _any(link_words(rules, k), segment)]
    ends = {id(c): _SIZE.match(low, places[id(c)]) for c in group}
    if len(named) == 1:
        return [c for c in group if (m := ends[id(c)]) and _study_of(rules, low, places[id(c)], m.end()) == named[0]]
    if named:
        return group
    before = [c for c in group if places[id(c)] < s and ends[id(c)] is not None]
    if not before:
        return group
    last = max(before, key=lambda c: places[id(c)])
    m = ends[id(last)]
    between = low[m.end() : s] if m else ""
    if "(" in between and ")" not in between and not _SIZE.search(between):
        return [last]
    return group


def study_of_size(rules: Rules, c: Candidate) -> str | None:
    """round 54k: the study (us, mri, mammo) that measured a size: named right after it or in its own phrase
    (``_study_of``), else the study word standing last before it in its sentence with no other size between ("Mammo:
    2.2 cm mass", "MRI: index lesion 2.6 cm"); None when the size cannot be placed or no study is named."""
    places = locate([c])
    if id(c) not in places:
        return None
    low, at = c.mention.sentence.lower(), places[id(c)]
    m = _SIZE.match(low, at)
    if m is None:
        return None
    kind = _study_of(rules, low, at, m.end())
    if kind is not None:
        return kind
    start = max((s.end() for s in _SIZE.finditer(low, 0, at)), default=0)
    best, kind = -1, None
    for k in _STUDIES:
        for p in link_words(rules, k):
            for w in p.finditer(low, start, at):
                if w.end() > best:
                    best, kind = w.end(), k
    return kind


def study_statements(rules: Rules) -> dict[str, tuple[re.Pattern[str], ...]]:
    """round 54k: per study kind, values.yaml ``size_link_words.study_for_staging`` with that kind's words."""
    found = _STATEMENTS_CACHE.get(id(rules))
    if found is None:
        table = rules.parameters.get("size_link_words") or {}
        frames = [f.strip().lower() for f in table.get("study_for_staging", ())]
        found = {}
        for k in _STUDIES:
            names = "(?:" + "|".join(re.escape(w.strip().lower()) for w in table.get(k, ())) + ")"
            found[k] = tuple(
                re.compile(r"(?<![a-z0-9])" + re.escape(f).replace(re.escape("{study}"), names) + r"(?![a-z0-9])")
                for f in frames
                if "{study}" in f and table.get(k)
            )
        _STATEMENTS_CACHE[id(rules)] = found
    return found


_STATEMENTS_CACHE: dict[int, dict[str, tuple[re.Pattern[str], ...]]] = {}
