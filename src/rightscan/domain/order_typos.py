"""Typos and run-together words of order text, corrected towards the order vocabulary, or left unread.

One word at a time (rapidfuzz, Damerau-Levenshtein distance): a typo is fixed only towards a vocabulary
word no equally close word contradicts; study words run together ("CTchestabdopelvis") are cut only when
known words cover the whole token; a contrast word run on to another ("brainw", "Wcontrast") is never
dropped by a fix - the contrast is then unreadable. Round 50q: a two-word study form written as one word
("catscan", "petscan"), or one typo from it ("petscann"), is that form's words, where no single word is as
close. Pure; the vocabulary is ``knowledge/order_vocabulary.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Protocol

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler

from rightscan.domain.knowledge import OrderVocabulary

CONNECTORS = frozenset({"and", "+", "&"})


class Noted(Protocol):
    """Where a correction is recorded (the order text's parse)."""

    corrections: list[tuple[str, str]]
    contrast_unclear: bool


# round 54o: letters joined by hyphens with no space, as dictation writes a spelt abbreviation ("M-R-I", "C-T", "P-E-T")
_HYPHENED = re.compile(r"(?<![\w-])[A-Za-z](?:-[A-Za-z])+(?![\w/-])")


def hyphen_spelt(vocab: OrderVocabulary, text: str, parse: Noted) -> str:
    """Round 54o: letters joined by hyphens ("M-R-I of the brain", "C-T head") read as the abbreviation they spell,
    where the whole run spells one-word forms stating an attribute, like letters written apart; each reading is a
    correction. Its letters are no words of their own: the "R" of "M-R-I" is no side, the "C-" of "C-T" no "without
    contrast". A run that spells nothing ("T-L spine") and a hyphen with a space ("C- r/o") stay as written."""

    def spell(match: re.Match[str]) -> str:
        cover = _spelled(vocab, match.group().replace("-", "").lower())
        if not cover:
            return match.group()
        parse.corrections.append((match.group().lower(), " ".join(cover)))
        return " ".join(cover)

    return _HYPHENED.sub(spell, text) if "-" in text else text


def dictated(vocab: OrderVocabulary, tokens: tuple[str, ...], parse: Noted) -> tuple[str, ...]:
    """Order words as dictation software wrote them, read as the words heard (vocabulary ``letter_names`` and
    ``sound_alikes``): spoken letter names that spell a modality ("see tee", "em are eye"), sound-alikes
    ("contracts", "by lateral"), and one word heard as two ("ultra sound"). Each reading is a correction."""
    if not vocab.letter_names and not vocab.sound_alikes and not vocab.abbreviations:
        return tokens
    out: list[str] = []
    i, n = 0, len(tokens)
    while i < n:
        taken = (
            _letters(vocab, tokens, i)
            or _sound_alike(vocab, tokens, i)
            or _abbreviated(vocab, tokens, i)
            or _one_word(vocab, tokens, i)
        )
        if taken is None:
            out.append(tokens[i])
            i += 1
            continue
        end, read = taken
        parse.corrections.append((" ".join(tokens[i:end]), " ".join(read)))
        out.extend(read)
        i = end
    return tuple(out)


def _letters(vocab: OrderVocabulary, tokens: tuple[str, ...], i: int) -> tuple[int, tuple[str, ...]] | None:
    """Two or more spoken letter names from ``i`` that spell a one-word form stating an attribute (a modality,
    a region, a side, a contrast or its route: "see tee", "tee ay pee", "eye vee"): the longest. Letters
    written one by one ("C T", "F E S pet", "C T C A P", "I V"; round 32o) are read only when the whole run
    of them spells such forms, one after another ("c t c a p": "ct cap"); a run with a letter left over
    ("c t q") stays as written, so a spelled word is never cut short into another."""
    end = i
    while end < len(tokens) and end - i <= _SPELLED_MAX and _letter(vocab, tokens[end]):
        end += 1
    if end - i > _SPELLED_MAX:  # a longer run of letters spells no order word: left as written, in linear time
        return None
    if end - i > 1 and end < len(tokens) and tokens[end] == "/" and len(tokens[end - 1]) == 1:
        end -= 1  # round 48q: "R f/u": the "f" opens "f/u", it spells nothing with the side before it ("rf")
    if end - i == 1 and (one := _letter_before(vocab, tokens, i)) is not None:
        return one
    if any(len(t) == 1 for t in tokens[i:end]):
        cover = _spelled(vocab, "".join(_letter(vocab, t) for t in tokens[i:end])) if end - i > 1 else None
        if cover:
            return end, cover
        # spoken names before a written letter ("em are eye C spine") are read as before, the letter left alone
        end = next(k for k in range(i, end + 1) if k == end or len(tokens[k]) == 1)
    for stop in range(end, i + 1, -1):
        word = "".join(vocab.letter_names[t] for t in tokens[i:stop])
        if _states(vocab, word):
            return stop, (word,)
    return None


def _letter_before(vocab: OrderVocabulary, tokens: tuple[str, ...], i: int) -> tuple[int, tuple[str, ...]] | None:
    """Round 42r: one spoken letter name before a word that, with the letter, is a region's form ("see spine" after
    "em are eye": the C spine; "tee spine", "el spine"): the letter. A letter name alone before any other word ("to see
    if") stays as written."""
    name = tokens[i]
    if len(name) < 2 or i + 1 >= len(tokens) or name not in vocab.letter_names:
        return None
    meaning = vocab.phrases.get((vocab.letter_names[name], tokens[i + 1]))
    return (i + 1, (vocab.letter_names[name],)) if meaning is not None and meaning.regions else None


# the most letters spelled one by one that are read as order words ("c t c a p", "p e t c t": five); a run longer than
# this is no order spelled out (and reading it would cost time that grows with its length)
_SPELLED_MAX = 12


def _letter(vocab: OrderVocabulary, token: str) -> str:
    """The letter a token is: a letter written alone ("c") or a spoken letter name ("see"); "" if neither."""
    if len(token) == 1 and token.isalpha():
        return token
    return vocab.letter_names.get(token, "")


def _states(vocab: OrderVocabulary, word: str) -> bool:
    return word in vocab.split_words or ((m := vocab.phrases.get((word,))) is not None and m.contrast_route)


def _spelled(vocab: OrderVocabulary, letters: str) -> tuple[str, ...] | None:
    """The letters as one-word forms stating an attribute that cover them all, the longest first; else None."""
    if not letters:
        return ()
    for stop in range(len(letters), 1, -1):
        if _states(vocab, letters[:stop]) and (rest := _spelled(vocab, letters[stop:])) is not None:
            return (letters[:stop], *rest)
    return None


def _sound_alike(vocab: OrderVocabulary, tokens: tuple[str, ...], i: int) -> tuple[int, tuple[str, ...]] | None:
    for size in (3, 2, 1):
        heard = tokens[i : i + size]
        if len(heard) == size and heard in vocab.sound_alikes:
            return i + size, vocab.sound_alikes[heard]
    return None


def _abbreviated(vocab: OrderVocabulary, tokens: tuple[str, ...], i: int) -> tuple[int, tuple[str, ...]] | None:
    """Round 37o: a fixed-width system's shortened words ("T-SPN", "SCN WHL BDY", "LVR PROTO"), read as the
    vocabulary's ``abbreviations`` list them - the longest first; never by likeness, so no other word is read."""
    if i + 2 < len(tokens) and tokens[i + 1] in ("-", "/") and (tokens[i], tokens[i + 2]) in vocab.abbreviations:
        return i + 3, vocab.abbreviations[(tokens[i], tokens[i + 2])]  # "T-SPN", "C/SPN"
    for size in (2, 1):
        short = tokens[i : i + size]
        if len(short) == size and short in vocab.abbreviations:
            return i + size, vocab.abbreviations[short]
    return None


def _one_word(vocab: OrderVocabulary, tokens: tuple[str, ...], i: int) -> tuple[int, tuple[str, ...]] | None:
    """Two words that are one attribute word run together, one of them no vocabulary word ("ultra sound")."""
    if i + 1 >= len(tokens) or not (tokens[i].isalpha() and tokens[i + 1].isalpha()):
        return None
    if tokens[i] in vocab.words and tokens[i + 1] in vocab.words:
        return None
    word = tokens[i] + tokens[i + 1]
    return (i + 2, (word,)) if word in vocab.split_words else None


def correct(vocab: OrderVocabulary, token: str, parse: Noted, sites: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """A word outside the vocabulary: split a run-together pair, or fix one typo, or leave it. ``sites``:
    the regions the text's other words name, which a fix between two regions must agree with."""
    if token in vocab.words or not token.isalpha() or len(token) < 3:
        return (token,)
    pieces = _split(vocab, token)
    if pieces:
        parse.corrections.append((token, " ".join(pieces)))
        return pieces
    if (joined := _joined_form(vocab, token, exact=True)) is not None:  # "catscan", "petscan" (round 50q)
        parse.corrections.append((token, " ".join(joined)))
        return joined
    if run_on(vocab, token):  # "brainw", "Wcontrast", "pelvisno": a fix would drop the contrast word run on
        parse.contrast_unclear = True  # and the contrast cannot be read
        return (token,)
    if _modality_run_on(vocab, token):  # "MRIstaging", "MRoncology": a fix would drop the modality run on
        return (token,)
    limit = 1 if len(token) < 8 else 2
    hits = process.extract(token, vocab.fuzzy_targets, scorer=DamerauLevenshtein.distance, score_cutoff=limit, limit=12)
    if best_is_far_timing := [h for h in hits if h[1] > 1 and h[0] in _contrast_words(vocab)]:
        hits = [h for h in hits if h not in best_is_far_timing]  # "concontraste" is not "noncontrast"
    if not hits and (joined := _joined_form(vocab, token, exact=False)) is not None:  # "petscann" (round 50q)
        parse.corrections.append((token, " ".join(joined)))
        return joined
    if not hits:
        return (token,)
    best = min(h[1] for h in hits)
    winners = {h[0] for h in hits if h[1] == best}
    # every word as close that the typo could be: for a short word, one letter missing, one too many or
    # two swapped ("catp": "ctap" or "cap"), not one changed
    near = {w for w in winners if len(token) > 4 or abs(len(w) - len(token)) == 1 or _swapped(token, w)}
    candidates = _plausible(vocab, token, near, sites)
    winners = winners & candidates
    if len(token) <= 4:
        # a short word is mostly an abbreviation, and another letter makes another abbreviation ("anus" is
        # not "abus"): only one missing letter, or two neighbouring letters swapped ("crx", "mir")
        winners = {w for w in winners if len(w) == len(token) + 1 or _swapped(token, w)}
    meanings = {vocab.phrases.get((w,)) for w in winners}
    if len(winners) > 1 and len(meanings) == 1 and None not in meanings:
        winners = {min(winners)}  # equally close words that mean the same ("abdome", "abdomen"): either
    if len(winners) > 1:  # equally close: the one that keeps the letters in place (Jaro-Winkler)
        ranked = sorted(((JaroWinkler.similarity(token, w), w) for w in winners), reverse=True)
        if ranked[0][0] == ranked[1][0]:
            return (token,)
        winners = {ranked[0][1]}
    if not winners:
        return (token,)
    word = winners.pop()
    if not all(_keeps(vocab, word, other) for other in candidates - {word}):
        return (token,)  # as close to a word that states something else ("catp": "ctap" or "cap"): neither
    parse.corrections.append((token, word))
    return (word,)


@lru_cache(maxsize=8)
def _joined_forms(vocab: OrderVocabulary) -> dict[str, tuple[str, ...]]:
    """Round 50q: the vocabulary's two-word forms that name a modality, a region or a tracer, each word of two letters
    or more and the pair not one word of the vocabulary, by their letters run together ("catscan": "cat scan")."""
    out: dict[str, set[tuple[str, ...]]] = {}
    for form, m in vocab.phrases.items():
        if (
            len(form) == 2
            and all(t.isalpha() and len(t) >= 2 for t in form)
            and (m.modality or m.regions or m.pharmaceutical)
        ):
            out.setdefault("".join(form), set()).add(form)
    # two forms run together alike ("re" + "scan", "res" + "can") stand for neither
    return {k: next(iter(v)) for k, v in out.items() if k not in vocab.words and len(v) == 1}


def _joined_form(vocab: OrderVocabulary, token: str, exact: bool) -> tuple[str, ...] | None:
    """The two-word form a token runs together: exactly, or (``exact`` false, a token of seven letters or more) with one
    typo, when one form alone is that close (rapidfuzz, Damerau-Levenshtein)."""
    forms = _joined_forms(vocab)
    if exact or token in forms:
        return forms.get(token)
    if len(token) < 7:
        return None
    hits = process.extract(token, list(forms), scorer=DamerauLevenshtein.distance, score_cutoff=1, limit=3)
    found = {forms[h[0]] for h in hits}
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=8)
def _contrast_words(vocab: OrderVocabulary) -> frozenset[str]:
    """Words that state the contrast: one-word contrast forms ("w", "wo", "contrast") and the words of two
    letters or more of multi-word ones ("no" of "no contrast", "con" of "con contraste")."""
    out: set[str] = set()
    for form, m in vocab.phrases.items():
        if m.contrast or m.with_marker or m.contrast_word:
            out.update(t for t in form if t.isalpha() and (len(form) == 1 or len(t) > 1))
    # round 21o: a two-letter word of a multi-word form that states nothing alone ("is" of "contrast is ok", "by",
    # "to") is no contrast word run on: "tomosynthisis" is not "tomo" + "synth" + "is" + "is"
    return frozenset(w for w in out if len(w) > 2 or w in vocab.negators or (w,) in vocab.phrases)


def _cover(token: str, fits: Callable[[str], bool], marks: Callable[[str], bool]) -> bool:
    """Whether the token is two pieces or more that all ``fit``, one of them a piece that ``marks``."""
    reach: dict[int, set[bool]] = {0: {False}}  # end of a covered prefix -> whether a marking piece is in it
    for end in range(1, len(token) + 1):
        for start in [i for i in reach if i < end]:
            piece = token[start:end]
            if fits(piece) and (start, end) != (0, len(token)):
                reach.setdefault(end, set()).update(had or marks(piece) for had in reach[start])
    return True in reach.get(len(token), set())


def run_on(vocab: OrderVocabulary, token: str) -> bool:
    """Whether a token is vocabulary words run together, one of them a contrast word ("brainw", "Wcontrast",
    "pelvisno", "andWcontrast"): a typo fix would drop the contrast it states. A word of three letters
    counts only if it states something or joins ("contast" is not "cont" + the lab "AST")."""
    contrast = _contrast_words(vocab)

    def known(word: str) -> bool:
        short = word in vocab.split_words or word in CONNECTORS
        return word in contrast or (len(word) >= 3 and (short or (len(word) >= 4 and word in vocab.words)))

    return _cover(token, known, contrast.__contains__)


def _modality_run_on(vocab: OrderVocabulary, token: str) -> bool:
    """Whether a token is vocabulary words run together, one of them naming a modality ("mristaging",
    "mroncology"): a typo fix towards one long word ("restaging", "oncology") would drop the modality."""

    def modality(word: str) -> bool:
        meaning = vocab.phrases.get((word,))
        return bool(meaning and meaning.modality)

    # a piece of two letters is a modality ("mr"), never the "is" of a longer form (round 21o)
    return _cover(token, lambda piece: piece in vocab.words and (len(piece) > 2 or modality(piece)), modality)


@lru_cache(maxsize=8)
def _joining_words(vocab: OrderVocabulary) -> frozenset[str]:
    """Short words between two longer words in the vocabulary's forms ("y" of "abdomen y pelvis", "e", "et")."""
    return frozenset(
        f[i] for f in vocab.phrases for i in range(1, len(f) - 1)
        if len(f[i]) <= 2 and f[i].isalpha() and len(f[i - 1]) >= 3 and len(f[i + 1]) >= 3
    )  # fmt: skip


def run_together(vocab: OrderVocabulary, token: str) -> bool:
    """Whether a word outside the vocabulary is vocabulary words run together, one of them of four letters
    or more ("abdomenypelvis": abdomen + y + pelvis; "LocWhole")."""
    joins = _joining_words(vocab)
    return _cover(
        token,
        lambda piece: piece in joins or (len(piece) >= 3 and piece in vocab.words),
        lambda piece: len(piece) >= 4 and piece in vocab.words,
    )


def study_words_run_together(vocab: OrderVocabulary, token: str) -> bool:
    """Like ``run_together``, with one piece a word that states an attribute ("annualscreeningmammo"), not
    only filler words ("breathless" is "breath" of "short of breath" and "less")."""
    joins = _joining_words(vocab)
    return _cover(
        token,
        lambda piece: piece in joins or (len(piece) >= 3 and piece in vocab.words),
        lambda piece: len(piece) >= 4 and piece in vocab.split_words,
    )


def _split(vocab: OrderVocabulary, token: str) -> tuple[str, ...]:
    """Study words run together ("bonescan", "CTchestabdopelvis"): the token cut into the fewest one-word
    forms that state an attribute (two letters or more each), only when they cover the whole token and
    the fewest-piece cuts all mean the same; otherwise nothing. Three pieces or more hold at most one
    two-letter abbreviation: a run of them is an EHR mnemonic ("MRBRWO": MR brain w/o, not "br" breast)."""
    words = vocab.split_words
    best: dict[int, list[tuple[str, ...]]] = {0: [()]}  # end -> fewest-piece cuts of token[:end]
    for end in range(2, len(token) + 1):
        options = [(*cut, token[start:end]) for start in range(0, end - 1) if token[start:end] in words
                   for cut in best.get(start, ())]  # fmt: skip
        if options:
            fewest = min(len(o) for o in options)
            best[end] = [o for o in options if len(o) == fewest][:8]
    cuts = [c for c in best.get(len(token), []) if len(c) == 2 or sum(len(p) < 3 for p in c) <= 1]
    meanings = {tuple(vocab.phrases[(w,)] for w in c) for c in cuts}
    return cuts[0] if len(meanings) == 1 else ()


def _plausible(vocab: OrderVocabulary, token: str, words: set[str], sites: frozenset[str]) -> set[str]:
    """The equally close words a typo may stand for, before the rules that pick one: less a region the
    rest of the text rules out when another one fits it ("MRI lumbar spin": the spine, not "sein", the
    French breast), and less a changed letter when two neighbouring letters swapped fit ("haed": "head",
    not "hand"; a dropped or an added letter stays as likely as a changed one)."""
    regional = {w for w in words if (m := vocab.phrases.get((w,))) is not None and m.regions}
    fitting = {w for w in regional if _fits_sites(vocab, w, sites)}
    out = words - (regional - fitting) if fitting else set(words)
    if any(_swapped(token, w) for w in out):
        out = {w for w in out if _swapped(token, w) or len(w) != len(token)}
    return out


def _fits_sites(vocab: OrderVocabulary, word: str, sites: frozenset[str]) -> bool:
    """Whether a word's regions (if any) are, contain or lie in one the text names elsewhere."""
    meaning = vocab.phrases.get((word,))
    if not sites or meaning is None or not meaning.regions:
        return True
    up = vocab.region_ancestors
    return any(r == s or s in up.get(r, ()) or r in up.get(s, ()) for r in meaning.regions for s in sites)


_AXES = ("modality", "regions", "contrast", "laterality", "intent", "extent", "pharmaceutical", "technique")


def _keeps(vocab: OrderVocabulary, word: str, other: str) -> bool:
    """Whether reading a typo as ``word`` keeps what an equally close ``other`` would state: the same value
    on every axis ``other`` states ("cxr" keeps what "cr" says). Otherwise the fix could turn one study
    into another ("catp": "ctap" is abdomen-pelvis, "cap" chest too) or drop a study word ("achest":
    "aches" would lose the chest)."""
    mo = vocab.phrases.get((other,))
    if mo is None:
        return True
    mw = vocab.phrases.get((word,))
    return all(not getattr(mo, axis) or (mw is not None and getattr(mw, axis) == getattr(mo, axis)) for axis in _AXES)


def _swapped(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with two neighbouring letters exchanged ("crx" / "cxr", "mir" / "mri")."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
