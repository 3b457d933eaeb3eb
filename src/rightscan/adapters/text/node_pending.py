"""A node whose biopsy result is awaited: N is left to confirm rather than read from words (split from ``assemble``).

A node described in a sentence that also says its FNA or core result is pending may still be N0; a N0 read from words
while a sampled node's result is awaited would lower the stage on a guess. Stated categories ("cN1", "cN0") stand.
"""

from __future__ import annotations

import re

from rightscan.adapters.text.candidates import ACCEPTED, Candidate, status_of
from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.rules import Rules


def node_biopsy_pending(rules: Rules, cands: list[Candidate], mentions: list[Mention]) -> list[tuple[Candidate, str]]:
    """A node described in words whose biopsy result is pending in the same sentence ("axillary node with cortical
    thickening - FNA sent, result to follow") is not yet N1: it may be N0, so the category is left to confirm (a
    stated category, "cN1", stands)."""
    pending = {m.sentence for m in mentions if m.family == "pending" and status_of(rules, m)[0] == ACCEPTED}
    out = []
    for c in cands:
        if (
            c.used
            and c.field == "tumor.n"
            and c.value != "N0"
            and c.mention.family == "node"
            and c.mention.sentence in pending
        ):
            c.used, c.reason = False, "the node's biopsy result is pending"
            out.append((c, "the node's biopsy result is pending: N0 or node-positive"))
    # round 16g: a node sampled and its result awaited ("Axilla: US 1 R level I node w/ cortical thickening -> FNA
    # done, result PENDING", "Axillary FNA pending") leaves the axilla not clinically negative: a N0 read from words
    # ("R axilla: no palpable nodes") would lower the stage on a guess, so it gives way and N is left to confirm (a
    # stated "cN0" stands)
    if any(_NODE_WORDS.search(s) and _RESULT_AWAITED.search(s) and not _SENTINEL.search(s) for s in pending):
        for c in cands:
            if c.used and c.field == "tumor.n" and c.value == "N0" and (c.strength or c.mention.strength) == "derived":
                c.used, c.reason = False, "a node's biopsy result is pending: the axilla is not clinically negative"
                out.append((c, "a node's biopsy result is pending: N0 or node-positive"))
    return out


_NODE_WORDS = re.compile(r"\b(?:nodes?|LNs?|axilla|axillary|lymph)\b", re.IGNORECASE)
# the node's result awaited, not an operation planned ("sentinel node biopsy planned" stages at surgery)
_RESULT_AWAITED = re.compile(r"\b(?:pending|awaited|awaiting|outstanding|not back|to follow)\b", re.IGNORECASE)
_SENTINEL = re.compile(r"\b(?:sentinel|SLNB|SNB|SLN)\b", re.IGNORECASE)
