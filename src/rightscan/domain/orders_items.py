"""How the words of one order segment relate to each other, as vocabulary items (form, meaning).

Which contrast noun a timing word governs ("w/o contrast") and which stands on its own ("CT contrast"); the
two halves of a with-and-without statement written apart ("plain + contrast"); whether "w" / "with" states
contrast; a modality or contrast ruled out, or named as an optional next step ("FNA if abnormal", "+/-
SPECT"); the patient written with a modality's abbreviation ("pt cant have MRI"). Used by ``order_text``,
which reads segments; pure, the meanings come from ``knowledge/order_vocabulary.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein

from rightscan.domain.knowledge import OrderVocabulary, TermMeaning
from rightscan.domain.order_typos import CONNECTORS

SEPARATORS = frozenset({"-", "/", ",", ":"})  # optional between the words of a multi-word form
CLAUSE_ENDS = frozenset({";", ","})  # end a reason-for-exam clause
# a cancer's TNM category as one word (AJCC 8th edition): a prefix (c, p, yc, yp, r) with a T category, or a T category
# with an N category ("ct3n1", "pt2n0m0", "ypt1cn0", "t2n1"); "t1" or "t2" alone is an MRI sequence (round 24o)
_TNM = re.compile(
    r"(?:(?:c|p|yc|yp|r)t(?:[0-4][a-d]?|is|x)(?:n[0-3x][a-c]?(?:mi)?)?|t(?:[0-4][a-d]?|is|x)n[0-3x][a-c]?(?:mi)?)(?:m[01x])?"
)


def tnm(token: str) -> bool:
    """Whether a token is a cancer's TNM category, read as the vocabulary's "tnm" (round 24o)."""
    return _TNM.fullmatch(token) is not None


PROJECTION = "projection"  # the vocabulary's technique for projections and view counts
MAMMOGRAPHIC_VIEW = "mammographic_view"  # ... for the views of a mammogram (CC, MLO, spot compression; round 22o)


def _skipped(m: TermMeaning) -> bool:
    return m.contrast_route or m.priority  # "w/ IV", "w STAT": still a contrast "with"


def _contrast_follows(items: list[tuple[str, TermMeaning | None]], k: int, indication: bool = False) -> bool:
    """After "w"/"with": does a contrast statement follow (or nothing at all, or the order's purpose:
    "CT chest w for PE")? In an indication only a contrast word does ("pain with concern for a fracture")."""
    j = k + 1
    while j < len(items) and (items[j][0] in SEPARATORS or (items[j][1] and _skipped(items[j][1]))):
        j += 1
    if j + 1 < len(items) and items[j][0] in _ARTICLES and (after := items[j + 1][1]) and after.contrast_word:
        j += 1  # "with the dye", "with a contrast injection" (round 28o): the article of the contrast noun
    if indication:
        nxt = items[j][1] if j < len(items) else None
        return bool(nxt and (nxt.contrast_word or nxt.contrast))
    if j >= len(items) or items[j][0] in CLAUSE_ENDS:
        return True
    word, meaning = items[j]
    if meaning is not None and meaning.reason and not meaning.indication:
        return True  # "w r/o mets": the purpose follows the study; "w/ h/o cancer" is history, not contrast
    if word in CONNECTORS and j + 1 < len(items):
        nxt = items[j + 1][1]  # "w/ and w/o", or "chest w/ and abdomen w/o" (a region's own contrast)
        return bool(nxt and (nxt.contrast or nxt.with_marker or nxt.regions))
    if meaning is None or word.split(" ", 1)[0] == "no":
        return False  # "with no dye", "with no IV contrast" (round 21o): "with" a preposition, the "no" the statement
    # a side after the RIS shorthand ("MR BREAST W BILAT") is its contrast's; after the word "with" in a sentence
    # ("follow-up with bilateral diagnostic mammogram") it is the study's side, and "with" only a preposition
    side = bool(meaning.laterality) and items[k][0] != "with"
    return bool(meaning.contrast_word or meaning.contrast or side or meaning.with_marker)


_INJECTED_WITH = frozenset({"of", "with", "some", "the", "a", "an"})  # "an injection of a contrast dye"


def _contrast_injection(items: list[tuple[str, TermMeaning | None]], k: int, m: TermMeaning) -> bool:
    """Whether the injection at ``k`` is the contrast's, not a procedure or a tracer's step: a contrast noun right
    before it ("dye injection") or after it past "of", "with", an article or a route ("an injection of contrast
    dye", "injection of IV contrast"). The contrast noun states the contrast itself (round 23o)."""
    if not m.tracer_step:
        return False

    def contrast_at(j: int, step: int) -> bool:
        while 0 <= j < len(items) and (items[j][0] in _INJECTED_WITH or (items[j][1] and items[j][1].contrast_route)):
            j += step
        return 0 <= j < len(items) and items[j][1] is not None and items[j][1].contrast_word

    return contrast_at(k - 1, -1) or contrast_at(k + 1, 1)


def _ruled_out(items: list[tuple[str, TermMeaning | None]], k: int) -> bool:
    """Whether the next word after item ``k`` (separators skipped) rules it out ("MRI contraindicated")."""
    j = k + 1
    while j < len(items) and items[j][0] in SEPARATORS:
        j += 1
    nxt = items[j][1] if j < len(items) else None
    return bool(nxt and nxt.rules_out)


_ARTICLES = frozenset({"the", "a", "an"})


def _negated(vocab: OrderVocabulary, items: list[tuple[str, TermMeaning | None]]) -> frozenset[int]:
    """A modality or technique word that a negating word just before says is not done ("2D only, no tomo",
    "w/o SPECT"), with that negating word: neither is read. A negating word before a contrast statement
    keeps its usual reading ("no contrast", "without CT contrast"), and a contrast timing word before a plain
    modality word is that modality's timing ("W/O CT CAP")."""
    out: set[int] = set()
    for k, (word, m) in enumerate(items):
        if word not in vocab.negators:
            continue
        j = _stated(items, k, 1)
        if j is not None and items[j][0] in _ARTICLES:
            j = _stated(items, j, 1)  # "not the screening one" (round 21o)
        said = items[j][1] if j is not None else None
        if j is None or said is None or said.contrast_word or said.contrast:
            continue
        if not (said.modality or said.technique or (said.intent and not said.indication)):
            continue  # round 21o: an intent negated ("diagnostic mammogram (not the screening one)") is not stated
        if m is not None and m.contrast and not said.technique:
            continue  # "W/O CT CAP": the contrast timing written first, before the modality it qualifies
        after = _stated(items, j, 1)
        then = items[after][1] if after is not None else None
        if then is not None and (then.contrast_word or then.contrast):
            continue  # "without CT contrast": the contrast, not the CT
        out.update((k, j))
    return frozenset(out)


def _denial(vocab: OrderVocabulary, word: str, m: TermMeaning | None) -> bool:
    """Whether an item opens a denial of what follows in its clause (round 20o): a negating word alone ("no lumps
    or nipple discharge", "denies skin dimpling") or a clinical word it opens ("no palpable lump", "not palpable"),
    not a contrast statement ("no contrast"), a priority ("non urgent") or a study ruled out ("not indicated")."""
    if word not in vocab.negators and word.split(" ", 1)[0] not in vocab.negators:
        return False
    return m is None or (m.indication and m.noise and not (m.priority or m.reference or m.rules_out))


def _refused_contrast(items: list[tuple[str, TermMeaning | None]]) -> frozenset[int]:
    """A contrast noun the patient declines ("pt declines gadolinium", "contrast refused"), with the word that
    declines it: the contrast is in question, and the word is not the order's own status."""
    out: set[int] = set()
    for k, (_, m) in enumerate(items):
        if m is None or m.status not in ("declined", "held"):  # "contrast held" (48q)
            continue
        for j in (_stated(items, k, 1), _stated(items, k, -1)):
            said = items[j][1] if j is not None else None
            if j is not None and said is not None and said.contrast_word:
                out.update((k, j))
                break
    return frozenset(out)


_JOINS = frozenset({"and", "+", "then", "plus"})  # "plain and contrast", "plain + contrast", "plain then contrast"


def _stated(items: list[tuple[str, TermMeaning | None]], k: int, step: int) -> int | None:
    """The index of the next item from ``k`` in direction ``step`` that is no separator or route ("IV")."""
    j = k + step
    while 0 <= j < len(items) and (items[j][0] in SEPARATORS or (items[j][1] and items[j][1].contrast_route)):
        j += step
    return j if 0 <= j < len(items) else None


def _joined(items: list[tuple[str, TermMeaning | None]], k: int, other: Callable[[int], bool]) -> bool:
    """Whether item ``k`` is joined by "and", "+" or "then" to an item before it that ``other`` accepts: the
    two halves of a with-and-without statement written as two ("plain + contrast", "non-con and contrast")."""
    j = _stated(items, k, -1)
    if j is None or items[j][0] not in _JOINS:
        return False
    i = _stated(items, j, -1)
    return i is not None and other(i)


def _without_at(items: list[tuple[str, TermMeaning | None]], i: int) -> bool:
    """Whether item ``i`` states "without": a timing ("plain", "non-con") or the noun it governs ("w/o contrast")."""
    meaning = items[i][1]
    if meaning is None:
        return False
    if meaning.contrast == "without":
        return True
    j = _stated(items, i, -1)
    before = items[j][1] if j is not None else None
    return meaning.contrast_word and before is not None and before.contrast == "without"


def _bare_at(items: list[tuple[str, TermMeaning | None]], i: int) -> bool:
    meaning = items[i][1]
    return bool(meaning is not None and meaning.contrast_word and not meaning.contrast and _bare(items, i))


def _bare(items: list[tuple[str, TermMeaning | None]], k: int) -> bool:
    """Whether a contrast noun stands on its own ("CT contrast") rather than as the object of a timing word
    before it ("w/o contrast", "with IV contrast")."""
    j = _stated(items, k, -1)
    meaning = items[j][1] if j is not None else None
    return not (meaning is not None and (meaning.with_marker or meaning.contrast))


def _rules_out_study(items: list[tuple[str, TermMeaning | None]], k: int) -> bool:
    """Whether the ruling-out word at ``k`` follows the study's region ("CT CAP not indicated"), so that it rules out
    the study itself; after a modality or a contrast ("MRI contraindicated", "gad not needed") only that is."""
    before = next((m for w, m in reversed(items[:k]) if w not in SEPARATORS), None)
    return before is not None and bool(before.regions) and not (before.modality or before.contrast_word)


def _modality_next(items: list[tuple[str, TermMeaning | None]], k: int) -> bool:
    """Whether the next word after item ``k`` names a modality."""
    return next((m is not None and bool(m.modality) for w, m in items[k + 1 :] if w not in SEPARATORS), False)


def _subject(items: list[tuple[str, TermMeaning | None]], k: int) -> bool:
    """Whether the word after item ``k`` says what someone can or will do ("pt cant have MRI", "pt declined"):
    then item ``k`` is the person, not a study. Round 28o: so does a word outside the vocabulary ("pt getting the breast
    MRI") or a reason for exam without a modality ("pt recalled from screening"), which no PET is named with."""
    j = _stated(items, k, 1)
    if j is None:
        return False
    word, nxt = items[j]
    if nxt is None:
        return word.isalpha() and len(word) > 2
    return bool(nxt.conditional or nxt.rules_out or nxt.status or (nxt.intent and not nxt.modality))


def _complaint_site(items: list[tuple[str, TermMeaning | None]], k: int) -> bool:
    """Whether a region (item ``k``) is named after the whole study - a modality, a region and a contrast statement
    before it - and just before a clinical word, with no separator ("MRI C spine w/o contrast neck pain", round 26o):
    the site of the complaint, as after a comma, not a second field imaged."""
    j = _stated(items, k, 1)
    nxt = items[j][1] if j is not None and j == k + 1 else None
    if nxt is None or not nxt.indication or nxt.regions or nxt.modality:
        return False
    before = [m for _, m in items[:k] if m is not None]
    return any(m.modality for m in before) and any(m.regions for m in before) and any(m.contrast for m in before)


def _states_contrast(m: TermMeaning) -> bool:
    return bool(m.contrast_word or m.contrast or m.with_marker)


def _step(m: TermMeaning) -> bool:
    """A procedure or an acquisition technique that can be an add-on to a study ("FNA", "SPECT"): not a
    projection or a mammogram's view, which only describe a radiograph or a mammogram."""
    return bool(m.technique) and not m.technique & {PROJECTION, MAMMOGRAPHIC_VIEW} and not m.modality


def _addon_follows(items: list[tuple[str, TermMeaning | None]], k: int) -> bool:
    """Whether a modality or a procedure follows item ``k`` ("+/- SPECT/CT", "+/- FNA"), not a contrast word."""
    j = _stated(items, k, 1)
    meaning = items[j][1] if j is not None else None
    return bool(meaning is not None and (meaning.modality or _step(meaning)) and not _states_contrast(meaning))


def _optional(items: list[tuple[str, TermMeaning | None]], steps: bool) -> tuple[frozenset[int], frozenset[int]]:
    """The items an "if needed" / "if abnormal" after them makes an optional next step: the modality, the
    procedure or the contrast named just before it in its clause (laterality, filler and clinical words may
    come between: "FNA of the node if abnormal"), with the timing word of that contrast ("w contrast prn").
    Without ``steps`` (the study part) a modality or a procedure is not skipped, only doubtful."""
    out: set[int] = set()
    doubtful: set[int] = set()
    for a, (_, meaning) in enumerate(items):
        if meaning is None or not meaning.optional_before:
            continue
        j = a - 1
        while j >= 0 and items[j][0] not in CLAUSE_ENDS:
            m = items[j][1]
            if m is None and items[j][0] not in SEPARATORS:
                break  # a word outside the vocabulary: what it says is not known
            if m is not None and (m.modality or _step(m)) and not _states_contrast(m) and not steps:
                # a procedure joined on after the study ("US axilla L + FNA if suspicious"): its add-on (round 26o)
                added = not m.modality and _joined_after_study(items, j)
                (out if added else doubtful).add(j)
                break
            if m is not None and (m.modality or _step(m) or _states_contrast(m)):
                out.add(j)
                i = _stated(items, j, -1) if m.contrast_word else None
                timing = items[i][1] if i is not None else None
                if i is not None and timing is not None and (timing.with_marker or timing.contrast):
                    out.add(i)  # "w contrast if needed": the "w" goes with its contrast
                break
            if m is not None and (m.regions or m.intent or m.extent or m.pharmaceutical):
                break  # a study's own words: "US axilla if abnormal" keeps the study
            j -= 1
    return frozenset(out), frozenset(doubtful)


_OWN = ("done", "declined", "missed", "rebooked", "held", "pending")  # a segment's statuses of the order (48q: held)


def _own_status(vocab: OrderVocabulary, items: list[tuple[str, TermMeaning | None]], requested: bool) -> list[str]:
    """The order's own status in a segment after the study ("CT CAP w contrast - already done at OSH", "- on hold per
    onc", round 26o): a "done" or "declined" word in a segment that names no clinical word, procedure or modality
    ("biopsy done 3/1", "s/p R mastectomy" are the patient's history, not the order's). Round 29o: a segment that opens
    with a word ruling out what comes before it ("CT CAP - not indicated", "- not needed") or with a study put off
    ("- postponed until after chemo") says the study is not to be done, unless it names another study; a status after
    a word the vocabulary does not know is that word's ("- metformin held", "tamoxifen stopped"), and one said only in
    the study's own segment ("- confirmed, arrive 8:45": the booking's) is not the order's. Round 50q: after a study
    ``requested`` in its own words ("PET/CT requested; not indicated per NCCN for stage I"), a segment that opens with
    a word ruling it out judges the request, which stands: it is the study considered (annotation guide, "order": "bone
    scan requested; bone scan not indicated per NCCN" is still the order), the judgement the rating's to give."""
    stated = [(w, m) for w, m in items if w not in SEPARATORS]
    first = stated[0][1] if stated else None
    if requested and first is not None and first.rules_out and first.status is None:
        return []
    opens = first is not None and (first.rules_out or (first.status in ("declined", "held") and not first.in_study))
    if opens and not any(m is not None and (m.modality or _step(m)) for _, m in stated):
        return ["declined"]  # "- postponed until after chemo"; "- declines MRI" sets another study aside (21o)
    if _absent_finding(vocab, stated):
        return ["done"]  # round 51o; round 52o: "no scintigraphic evidence of", "without evidence of"
    if any(m is not None and _history(m) for _, m in items):
        return []
    out: list[str] = []
    for word, m in stated:
        if m is None and word.isalpha() and len(word) > 1:
            break
        if m is not None and m.status in _OWN and not m.in_study:
            out.append(m.status)
    return out


def _absent_finding(vocab: OrderVocabulary, stated: list[tuple[str, TermMeaning | None]]) -> bool:
    """Whether a segment opens by saying a finding is absent (round 51o): "- no evidence of osseous metastatic
    disease", ", no new metastases", "- negative for metastatic disease" are the result of the study before it, even
    with a clinical word after; "normal ALP" or "negative margins" qualify something else, not the study. Round 52o: so
    does a negating word ("no", "without") before one of the vocabulary's absent findings with its "no" left out, up to
    two words that qualify it between them ("no scintigraphic evidence of", "without evidence of", "no definite FDG-avid
    nodes"), none of them a contrast word ("no IV contrast" states the contrast)."""
    said = [w for w, _ in stated[:2]]
    first = stated[0][1] if stated else None
    if first is not None and first.status == "done" and first.result:
        return said[0].startswith("no ") or (said[0] in ("negative", "neg") and said[1:] == ["for"])
    if not said or said[0] not in vocab.negators:
        return False
    for skip in range(3):
        between = stated[1 : 1 + skip]
        if any(m is not None and (_states_contrast(m) or m.status) for _, m in between):
            return False
        rest = [t for w, _ in stated[1 + skip :] for t in w.split()]
        if any(_finding_said_absent(vocab, form, rest) for form in vocab.by_first.get("no", ())):
            return True
    return False


def _finding_said_absent(vocab: OrderVocabulary, form: tuple[str, ...], words: list[str]) -> bool:
    """Whether ``words`` open with an absent finding of the vocabulary ("no evidence of", "no fdg avid") without its
    "no" ("evidence of ...", "fdg-avid ...")."""
    meaning = vocab.phrases[form]
    after = [t for t in form[1:] if t not in SEPARATORS]
    return meaning.status == "done" and meaning.result and bool(after) and words[: len(after)] == after


def _history(m: TermMeaning) -> bool:
    return bool(m.indication or _step(m) or m.modality)


def _joined_after_study(items: list[tuple[str, TermMeaning | None]], j: int) -> bool:
    """Whether item ``j`` follows "+", "and", "then" or "plus" after a modality: a step added to the study named."""
    i = _stated(items, j, -1)
    if i is None or items[i][0] not in _JOINS:
        return False
    return any(m is not None and m.modality for _, m in items[:i])


@lru_cache(maxsize=8)
def _patient_words(vocab: OrderVocabulary) -> frozenset[str]:
    """One-word modality forms the vocabulary also writes as the patient ("pt" in "pt has", "pt with"):
    in an indication they name the patient ("pt feels a lump"), not a study. A form pointing at an earlier study ("MRI
    finding", round 26o) names that study, not the patient."""
    starts = {f[0] for f, m in vocab.phrases.items()
              if len(f) > 1 and f[1].isalpha() and m.noise and not m.modality and not m.reference}  # fmt: skip
    return frozenset(f[0] for f, m in vocab.phrases.items() if len(f) == 1 and m.modality and f[0] in starts)


def _filler_then_contrast(items: list[tuple[str, TermMeaning | None]], k: int) -> bool:
    """After "w": one word that states nothing (a typo of "and" that is itself a word: "an", "add"),
    then a contrast statement. Whether "w" is "with" cannot be told, so the contrast is not read."""
    if k + 2 >= len(items):
        return False
    filler, after = items[k + 1][1], items[k + 2][1]
    states = filler is not None and (filler.modality or filler.regions or filler.technique or filler.contrast)
    return filler is not None and not states and after is not None and bool(after.contrast or after.with_marker)


@lru_cache(maxsize=8)
def _timing_words(vocab: OrderVocabulary) -> frozenset[str]:
    """One-word contrast timings ("w", "wo", "non", "no"...), the words a typo before "contrast" may hide."""
    out = {form[0] for form, m in vocab.phrases.items() if len(form) == 1 and (m.contrast or m.with_marker)}
    nouns = {form[0] for form, m in vocab.phrases.items() if len(form) == 1 and m.contrast_word}
    pairs = {form[0] for form, m in vocab.phrases.items() if m.contrast and len(form) == 2 and form[1] in nouns}
    return frozenset(out | pairs)  # and the first word of "non contrast", "no contrast", "without contrast"


@lru_cache(maxsize=8)
def _contrast_prepositions(vocab: OrderVocabulary) -> frozenset[str]:
    """The words the vocabulary's own contrast statements put just before their contrast noun ("medio de contraste",
    "produit de contraste"): a preposition of that language ("de"), not a typo (round 25o)."""
    nouns = {form[-1] for form, m in vocab.phrases.items() if m.contrast_word and len(form[-1]) >= 4}  # "contraste"
    return frozenset(
        form[i] for form, m in vocab.phrases.items() if m.contrast or m.contrast_word
        for i in range(1, len(form) - 1) if form[i + 1] in nouns and len(form[i]) <= 2
    )  # fmt: skip


def _mistyped_timing(vocab: OrderVocabulary, item: tuple[str, TermMeaning | None]) -> bool:
    """Whether the word before a contrast noun states nothing yet is one edit from a contrast timing: a
    typo that is itself a word ("we contrast", "now-contrast"), so the timing cannot be read. The preposition
    of a contrast statement in another language ("avec injection de gadolinium") is that word (round 25o)."""
    word, meaning = item
    if meaning is None or not meaning.noise or meaning.contrast_question or not word.isalpha():
        return False
    if word in _contrast_prepositions(vocab):
        return False
    return any(DamerauLevenshtein.distance(word, t, score_cutoff=1) <= 1 for t in _timing_words(vocab))


def ordered_when(items: list[tuple[str, TermMeaning | None]], k: int) -> bool:
    """Round 54o: whether the word at ``k`` is a time in the past said of the ordering just before it ("bone scan
    ordered last week, pending"): when the order was placed (the vocabulary's ``ordering``), not when the study was
    done. A result ("ordered ... negative") is still the study's."""
    m = items[k][1]
    if m is None or m.status != "done" or not m.in_study or m.result:
        return False
    before = [it for it in items[:k] if it[0] not in SEPARATORS]
    return bool(before) and before[-1][1] is not None and before[-1][1].ordering  # type: ignore[union-attr]
