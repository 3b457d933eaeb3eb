"""A list of studies in one order text: which one is ordered now (round 18o).

Split from order_text.py: to-do lists, preference lists and a note's lines name several studies, most of them done,
declined, reported or left unticked; :func:`current_part` finds the one ordered now, when exactly one is. A change of
study ("Payer changed PET/CT to CT CAP", "Protocol changed to CT C/A/P w/o"): :func:`changed_to` finds the study changed
to (round 27o).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rightscan.domain.knowledge import OrderVocabulary
from rightscan.domain.order_forms import _items
from rightscan.domain.order_parse import _Parse
from rightscan.domain.order_text import parse_order_text
from rightscan.domain.order_tokens import tokenize
from rightscan.domain.orders_items import CLAUSE_ENDS, _states_contrast

# ------------------------------------------------------------------ lists: the one study ordered now
# where a to-do list, a preference list or a note's lines meet: a checkbox ("[ ]", "[x]"), an arrow, ";", a
# sentence's end; a comma too (round 26o: "cancel CT CAP, order PET/CT instead"), where a part is taken only as strictly
# as at the others: one part opens with an order word and every other part that names a study is done or declined
# round 47q: a spaced dash too ("Bone scan equivocal at T8 - f/u MRI T-spine w/wo")
_PART = re.compile(r"(\[\s*[xX\u2713\u2714]?\s*\]|->|\u2192|=>|;|,|\.\s+(?=[A-Za-z])|\s[-\u2013\u2014]+\s)")
_CHECKED = re.compile(r"^\[\s*[xX\u2713\u2714]\s*\]$")
_UNCHECKED = re.compile(r"^\[\s*\]$")


_ARROWS = ("->", "\u2192", "=>")


def _opens_order(vocab: OrderVocabulary, tokens: tuple[str, ...]) -> bool:
    """Whether a part opens with an order word ("order:", "now ordering", "add", "still need"), priority aside; round
    47q: or with a follow-up right before the study it names ("f/u MRI T-spine w/wo", "follow-up CT chest")."""
    items = [m for _, m in _items(vocab, tokens) if not (m is not None and m.priority)]
    if len(items) > 1 and items[0] is not None and items[0].reason and not (items[0].indication or items[0].timing):
        return items[1] is not None and bool(items[1].modality)
    return bool(items) and items[0] is not None and items[0].status == "proposed"


def _result(vocab: OrderVocabulary, tokens: tuple[str, ...]) -> bool:
    """Whether a part reads a result off its study ("bone scan negative", "CT head neg", "T8 uptake", "equivocal at T8",
    "BI-RADS 0", "stable"): the vocabulary's ``result`` words (round 47q; before, a list of words here)."""
    return any(m is not None and m.result for _, m in _items(vocab, tokens))


def current_part(vocab: OrderVocabulary, text: str) -> str | None:
    """The part of a list or a note's lines that names the study ordered now, when exactly one does.

    The text is cut at checkboxes, arrows, ";", a spaced dash (round 47q) and sentence ends. A part that names a
    study is ordered now when it is the ticked box ("[x] MRI breast bilat w/wo"), follows an arrow ("bone scan T8
    uptake -> MRI T-spine") or opens with an order word ("Now ordering CT CAP", "order: MRI brain", "add US L
    breast", "still need bone scan booked"; round 47q: "callback for diagnostic mammo") or with a follow-up right
    before its study ("f/u MRI T-spine w/wo"); it is history when it is done, declined, missed or reports a result
    ("CT head neg", "bone scan negative", round 47q: "equivocal at T8", "BI-RADS 0", "stable"), and left aside when
    its box is not ticked. Round 48q, an order set with each study's status: a part that states only a status
    ("- resulted 3/2", "- PENDING", ", then cancelled") is the status of the study named right before it; a status
    heading ("completed: R diag mammo, R breast US") holds for the studies listed after it with a comma; a study
    pending, scheduled or ordered in its own words ("CT C/A/P w IV contrast (scheduled 4/10)", "CEM ordered
    instead") is ordered now. Only when one part is ordered now, and every other part that names a study is history or
    an unticked box, is that part the order; round 50q: so is the one part that names a study and states no status of
    its own, when every other part is history ("MRI L-spine w/wo for back pain; lumbar x-ray negative", "X-ray right
    femur for pain; bone scan deferred"), no part names a condition ("CT head now, MRI brain if CT negative") and none
    follows a comma ("cancel CT CAP, PET/CT instead" still asks). When
    every study named is history and a part marked as ordered now names none but has words the vocabulary cannot
    read, the order is unreadable: "" (nothing is read; the history is never the answer). Else None (the whole text
    is read)."""
    pieces = _PART.split(text)
    if len(pieces) < 3:
        return None
    parts: list[_Part] = []
    unnamed_now = False  # a part marked as ordered now with unread words and no study the vocabulary reads
    mark = ""
    heading: set[str] = set()  # round 48q: the status a heading gives the studies listed after it ("completed: ...")
    conditional = False  # round 50q: a part names a condition ("MRI brain if CT negative"): a plan, not history
    for piece in pieces:
        if _PART.fullmatch(piece):
            mark = piece.strip()
            continue
        part = piece.strip()
        if not part:
            continue
        tokens = tokenize(part)
        parse = parse_order_text(vocab, part)
        marked, mark = mark, ""
        if not parse.modality:
            if parts and marked in _JOINS and parse.status and not parse.unread:  # "- resulted 3/2", "- PENDING"
                parts[-1].status.update(parse.status)
                continue
            marked_now = _CHECKED.match(marked) is not None or marked in _ARROWS or _opens_order(vocab, tokens)
            unnamed_now = unnamed_now or (marked_now and bool(parse.unread))  # words the vocabulary cannot read
            continue
        own = set(parse.status)
        heading = _heading(vocab, part) or (heading if marked == "," else set())
        parts.append(_Part(part, marked, own or set(heading), _result(vocab, tokens), _opens_order(vocab, tokens)))
        conditional = conditional or any(m is not None and m.condition for _, m in _items(vocab, tokens))
    now = [p.text for p in parts if not p.past and not _UNCHECKED.match(p.mark) and p.now]
    aside = sum(1 for p in parts if p.past or _UNCHECKED.match(p.mark))
    if len(now) == 1 and len(parts) >= 2 and aside == len(parts) - 1:
        return now[0]
    rest = [p for p in parts if not p.past and not _UNCHECKED.match(p.mark)]
    apart = all(p.mark != "," for p in parts)  # a comma takes a part only after an order word (round 26o)
    if not now and apart and not conditional and len(parts) >= 2 and len(rest) == 1 and not rest[0].status:
        return rest[0].text  # round 50q: "MRI L-spine w/wo for back pain; lumbar x-ray negative"
    if aside and aside == len(parts) and unnamed_now:
        return ""  # "mammo done; add targetedUSL breast": what is ordered now is unreadable; the done study is not it
    return None


_JOINS = (",", "-", "\u2013", "\u2014", "--")  # a status part joined to the study before it (round 48q)


@dataclass
class _Part:
    """A part of a list that names a study: its text, the mark before it, the statuses said of it, whether it reads a
    result off its study, and whether it opens with an order word."""

    text: str
    mark: str
    status: set[str]
    result: bool
    opens: bool

    @property
    def past(self) -> bool:
        """Done, declined, missed, or on hold with nothing it waits for (round 48q), or a result read off it."""
        held = "held" in self.status and not {"pending", "rebooked"} & self.status
        return held or bool({"done", "declined", "missed"} & self.status) or self.result

    @property
    def now(self) -> bool:
        """Ticked, after an arrow, opened by an order word, or pending, scheduled or ordered in its own words (48q)."""
        marked = _CHECKED.match(self.mark) is not None or self.mark in _ARROWS
        return marked or self.opens or bool({"pending", "proposed"} & self.status)


def _heading(vocab: OrderVocabulary, part: str) -> set[str]:
    """Round 48q: the status a heading before a colon states ("completed: R diag mammo", "Pending: US R axilla"), when
    the heading names no study."""
    if ":" not in part:
        return set()
    head = parse_order_text(vocab, part.split(":", 1)[0])
    return set() if head.modality or head.unread else set(head.status)


# ------------------------------------------------------------------ a change of study (round 27o)
_TO = re.compile(r"(?<![\w/-])to(?![\w/-])|->|\u2192|=>", re.IGNORECASE)  # round 31o: "Order modified: X -> Y"
# round 31o: "replaced with PET/CT", "substituted by ...": the study the change names comes right after
_WITH = re.compile(r"\s*(?:with|by)(?![\w/-])", re.IGNORECASE)
_WITH_ANY = re.compile(r"(?<![\w/-])(?:with|by)(?![\w/-])", re.IGNORECASE)


@lru_cache(maxsize=8)
def _changes_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    forms = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{forms})(?![\w-])", re.IGNORECASE)


def changed_to(vocab: OrderVocabulary, text: str) -> str | None:
    """The study an order is changed to ("Payer changed PET/CT to CT CAP with IV contrast - book the CT CAP", "Protocol
    changed to CT C/A/P w/o IV contrast", "switched from MRI to CT"): the text after the first "to" that follows a
    change word (the vocabulary's ``changes``), when that text names a modality. The study changed from, and who
    changed it, are not the order. None when no change word is written, no study follows its "to" ("changed from
    PET/CT", "CT CAP changed to expedite"), or the words before it say done or cancelled: the whole text is read, and
    its change word, which the vocabulary does not read, makes the order ask. Round 31o: an arrow after the change word
    stands for its "to" ("Order modified: CT C/A/P -> CT A/P w contrast"), "replaced with" / "substituted by" names the
    new study right after it (a cancelled study before it is the one replaced), and without a change word the study
    before a word of the vocabulary's ``replacing`` is the order ("PET/CT replaces bone scan"). Round 48q: of several
    change words the last that names what it changes to ("Protocol change by radiology: CT A/P changed to MRI liver");
    a change only under a condition ("switch to non-contrast CT CAP if Cr still elevated", :func:`conditional_change`)
    is none: the whole text is read, and asks."""
    pattern = _changes_pattern(vocab.changes)
    for found in reversed(list(pattern.finditer(text)) if pattern is not None else []):
        to = _WITH.match(text, found.end()) or _TO.search(text, found.end()) or _replaced_with(vocab, text, found.end())
        if to is not None:
            return None if _conditional(vocab, text[to.end() :]) else _change(vocab, text, found, to)
    return _replacing(vocab, text)


def conditional_change(vocab: OrderVocabulary, text: str) -> bool:
    """Round 48q: whether the text's change of study holds only under a condition named in its clause ("switch to
    non-contrast CT CAP if Cr still elevated", "convert to MRI unless eGFR improves"): which study is to do now is the
    question, never the study the condition would bring."""
    pattern = _changes_pattern(vocab.changes)
    for found in reversed(list(pattern.finditer(text)) if pattern is not None else []):
        to = _WITH.match(text, found.end()) or _TO.search(text, found.end()) or _replaced_with(vocab, text, found.end())
        if to is not None:
            return _conditional(vocab, text[to.end() :])
    return False


def _conditional(vocab: OrderVocabulary, new: str) -> bool:
    """Whether a condition ("if", "unless"; the vocabulary's ``condition``) follows the new study in its clause."""
    for word, meaning in _items(vocab, tokenize(new)):
        if word in CLAUSE_ENDS or word == ";":
            return False
        if meaning is not None and meaning.condition:
            return True
    return False


def _change(vocab: OrderVocabulary, text: str, found: re.Match[str], to: re.Match[str]) -> str | None:
    """The study a change word and its "to" (or "with", "by") name: see :func:`changed_to`."""
    before = set(parse_order_text(vocab, text[: found.start()]).status)
    if {"done", "declined", "held"} & before and not _WITH.match(text, found.end()):
        # ("Bone scan - DISCONTINUED; replaced with FDG PET/CT": the status is the study's replaced)
        return None  # "CANCELLED: changed PET/CT to CT CAP": the status is not set aside with the study changed from
    new = text[to.end() :]
    said = parse_order_text(vocab, new)
    if said.modality:
        return new
    pattern = _changes_pattern(vocab.changes)
    return _new_contrast(vocab, pattern.sub(" ", text[: to.start()]), new, said)  # type: ignore[union-attr]


def _replaced_with(vocab: OrderVocabulary, text: str, start: int) -> re.Match[str] | None:
    """Round 36o: "replace the cancelled PET/CT order with a whole-body bone scan": the one "with" / "by" after the
    change word whose words name a study; none when two do ("replace CT with contrast with MRI": which is new?)."""
    found = [m for m in _WITH_ANY.finditer(text, start) if parse_order_text(vocab, text[m.end() :]).modality]
    return found[0] if len(found) == 1 else None


def _new_contrast(vocab: OrderVocabulary, old: str, new: str, said: _Parse) -> str | None:
    """Round 36o: a change that states only the new contrast ("CT C/A/P with contrast changed to without contrast"): the
    study changed from, its contrast words left out, with the new contrast; none when the change states anything else
    (a region, a side, a technique: the new study is not fully stated) or the study changed from names no modality.
    Round 48q: so too a change that states only the new reason for exam, with a side at most ("Screening mammo
    converted to diagnostic bilat"): the study changed from, its screening or diagnostic words left out."""
    contrast = said.contrast() is not None
    others = [said.regions, said.technique, said.extent, said.pharmaceutical]
    others += [said.laterality, said.intent] if contrast else [said.contrast_marks]
    if not (contrast or said.intent) or any(others) or said.unread:
        return None
    items = _items(vocab, tokenize(old))
    if contrast:
        kept = [w for w, m in items if m is None or not (_states_contrast(m) or m.contrast_route)]
    else:
        kept = [w for w, m in items if m is None or m.modality or not (m.intent or m.yearly)]
    study = " ".join(kept)
    return f"{study} {new}" if parse_order_text(vocab, study).modality else None


def _replacing(vocab: OrderVocabulary, text: str) -> str | None:
    """Round 31o: the study before a word that says it replaces another ("CT CAP replaces bone scan", "reorder of ...
    supersedes ..."): the text of its sentence before that word, when it names a modality."""
    pattern = _changes_pattern(vocab.replacing)
    found = pattern.search(text) if pattern is not None else None
    if found is None:
        return None
    sentence = re.split(r"[.;]\s+|\s[-\u2013\u2014]+\s", text[: found.start()])[-1]
    if parse_order_text(vocab, sentence).modality:
        return sentence
    # round 48q: a heading that says what the order replaces, the new study after its colon ("Replaces order #55102
    # (PET/CT): CT chest/abd/pelvis with IV contrast")
    _, colon, new = text[found.end() :].partition(":")
    return new if colon and not sentence.strip() and parse_order_text(vocab, new).modality else None
