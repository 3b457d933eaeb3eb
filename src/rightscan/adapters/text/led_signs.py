"""Round 31a (v32 dc-022): a review of systems told in short sentences, each led by its sign ("ROS: + dry cough ~2
mo. + DOE on stairs. - hemoptysis. - bone pain. - HA."); round 44b: or in a list parted by commas ("+ fatigue, - bone
pain, - HA, + hot flashes").

A bare minus leading a short item after a sentence's end (or the line's colon) answers that item no, up to the item's
own end (a full stop, a semicolon, the line's end); a plus leaves its item stated. Only a line holding both signs so
is read: there the convention is plain. A line of minus-led items alone may be bullets run together ("Plan: - CT
chest. - bone scan."), and a minus at a line's start alone is a bullet: neither is an answer. The minus answers a
symptom only (``trailing_signs.SYMPTOM_ONLY``): a study named after it is no denied study.

Round 56s (v56 cp-025): a line's minus-led items after its colon, parted by commas ("ROS: - N/V, - abd pain, -
weakness, - numbness, - seizure, - wt loss."), are a review answered no item by item, as the line with both signs is:
bullets run together are parted by full stops or lines, never by commas (the five red flags of that line had been
raised). A minus-only line parted by full stops, or led by its minus at the line's start, stays bullets.
"""

from __future__ import annotations

import re

from rightscan.adapters.text.trailing_signs import SYMPTOM_ONLY

# a sign leading an item: after the line's start, a colon or a sentence's end, then a blank, then the item's words up
# to its own end (a short item: a few words and a duration at most)
# round 44b: items parted by commas too ("ROS: + fatigue, - bone pain, - HA, + hot flashes")
_LED = re.compile(
    r"(?:^|(?<=[:.;,])|(?<=[:.;,][ \t])|(?<=[:.;,][ \t]{2}))[ \t]*(?P<sign>[-+−–])[ \t]+"
    r"(?P<item>[A-Za-z][^.;,\n]{0,60}?)(?=[ \t]*(?:[.;,](?:[ \t]|$)|$))",
    re.MULTILINE,
)


def signed_items(text: str) -> list[tuple[int, int, str]]:
    """The items a leading minus answers no, as (start, end, effect) marks, in lines that lead items with both signs
    (round 56s: or with minus signs only, after the line's colon and parted by commas)."""
    if "-" not in text and "−" not in text and "–" not in text:
        return []
    by_line: dict[int, list[re.Match[str]]] = {}
    for m in _LED.finditer(text):
        by_line.setdefault(text.rfind("\n", 0, m.start()) + 1, []).append(m)
    marks: list[tuple[int, int, str]] = []
    for found in by_line.values():
        signs = {m.group("sign") for m in found}
        if signs == {"+"} or len(found) < 2 or ("+" not in signs and not _comma_list(text, found)):
            continue
        marks += [(m.start("item"), m.end("item"), SYMPTOM_ONLY + "negated") for m in found if m.group("sign") != "+"]
    return marks


def _comma_list(text: str, found: list[re.Match[str]]) -> bool:
    """Round 56s: whether a line's minus-led items are a list parted by commas after its colon: the first item after
    the colon, each other after a comma (none after a full stop or a semicolon)."""
    for k, m in enumerate(found):
        before = text[: m.start("sign")].rstrip(" \t")
        if before[-1:] != ("," if k else ":"):
            return False
    return True
