"""Two readings of an order's words that look past one word (moved out of ``order_text``, round 31).

- ``note_route`` and ``enteric_only`` (round 31, fifteenth security pass O1): a contrast given by mouth or by the
  rectum said to be the only one ("CT CAP with contrast (oral only)"), joined to a contrast timing ("with and without
  oral contrast") or given as the answer to a contrast question ("Contrast: PO") may be the contrast the order
  states: with no IV route named anywhere, whether IV contrast is given is the question, and the order asks. An oral
  preparation in a segment of its own ("- drink the oral contrast an hour before") qualifies no contrast.
- ``contralateral`` (round 19o): a study of the other breast or axilla than the known cancer's.

Pure; the words are the order vocabulary's (``knowledge/order_vocabulary.yaml``, ``enteric`` and ``contrast_route``).
"""

from __future__ import annotations

from rightscan.domain.knowledge import OrderVocabulary, TermMeaning
from rightscan.domain.order_parse import _Parse
from rightscan.domain.order_tokens import tokenize

_CONTRALATERAL = frozenset({"contralateral", "contralat", "contra-lateral"})
_OPPOSITE = {"left": "right", "right": "left"}


def note_route(vocab: OrderVocabulary, parse: _Parse, items: list[tuple[str, TermMeaning | None]], k: int) -> None:
    """Record in ``parse`` an enteric route that qualifies a contrast (said to be the only one, or right after a
    contrast word or timing, past a colon) and any IV route: a form that is one, or holds one among its words ("IV",
    "intravenous", "oral and IV", "IV contrast"), by the vocabulary's ``contrast_route`` forms that are not enteric."""
    word, m = items[k]
    if m is not None and m.enteric and ((m.contrast_question and word.endswith("only")) or _after_contrast(items, k)):
        parse.enteric = True
    elif m is not None and any(_iv(vocab.phrases.get((w,))) for w in word.split()):
        parse.iv_route = True


def _iv(m: TermMeaning | None) -> bool:
    return m is not None and m.contrast_route and not m.enteric


def _after_contrast(items: list[tuple[str, TermMeaning | None]], k: int) -> bool:
    j = k - 1
    while j >= 0 and items[j][0] in (":", "-"):
        j -= 1
    m = items[j][1] if j >= 0 else None
    return m is not None and bool(m.contrast or m.contrast_word or m.with_marker)


def enteric_only(parse: _Parse) -> None:
    """An enteric contrast beside a contrast the order gives, and no IV route: the IV contrast is in question."""
    if parse.enteric and not parse.iv_route and parse.contrast() not in (None, "without"):
        parse.contrast_unclear = parse.contrast_question = parse.contrast_doubt = True


def contralateral(text: str, parse: _Parse) -> None:
    """A study of the other breast or axilla than the known cancer's ("R breast (contralateral) - known L IDC"):
    with the contralateral named, the opposite side in the indication is the cancer's, not a contradiction of
    the side ordered (round 19o). The side never changes which study is ordered, only whether the order asks."""
    sides = parse.laterality & {"left", "right"}
    if len(sides) != 1 or not _CONTRALATERAL & set(tokenize(text.replace("contra lateral", "contralateral"))):
        return
    parse.indication_laterality.discard(_OPPOSITE[next(iter(sides))])
