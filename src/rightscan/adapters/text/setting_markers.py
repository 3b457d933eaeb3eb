"""A tumour marker raised beyond the marginal while a body scan is considered, for the setting (round 21e).

After a treated cancer, a tumour marker above its upper limit that is the only new finding, while a body study is
considered, leaves it unsaid whether the note is routine follow-up or a suspected distant recurrence: ``note_setting``
leaves the setting open then. A marker at most ``marker_marginal_max_x_uln`` times its limit (values.yaml parameters)
is marginal and changes nothing.

``lab_rising`` (round 38l): a liver or bone test told beside a lower earlier value of its own ("ALP back at 168 (ref
35-105), was 110 in May"; values.yaml ``clue.lab_earlier_value``): a rising test, which the annotation guide names a
finding that suggests distant spread; a mildly raised alkaline phosphatase that is rising is no "mild finding alone".
"""

from __future__ import annotations

import re
from typing import Any

from rightscan.adapters.text.candidates import Candidate
from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.rules import Rules


def above_uln(value: Any) -> bool:
    """A lab or marker value given with its upper limit, above it."""
    return (
        isinstance(value, dict)
        and isinstance(value.get("value"), float | int)
        and isinstance(value.get("uln"), float | int)
        and value["value"] > value["uln"]
    )


def marker_scanned(rules: Rules, cands: list[Candidate]) -> list[Mention]:
    """The tumour markers read above the marginal multiple of their upper limit (values.yaml parameters), with the
    body study considered (procedures.yaml ``purpose: distant``); empty unless both are there (round 21e)."""

    limit = rules.parameters.get("marker_marginal_max_x_uln", 1.15)
    raised = [
        c.mention
        for c in cands
        if c.used
        and c.field.startswith("tumor_markers.")
        and above_uln(c.value)
        and c.value["value"] > c.value["uln"] * limit
    ]
    scans = body_scans(cands)
    return raised[:1] + scans[:1] if raised and scans else []


def body_scans(cands: list[Candidate]) -> list[Mention]:
    """The body studies considered (procedures.yaml ``purpose: distant``), read as the note's order."""
    from rightscan.adapters.knowledge_files import load_knowledge

    procedures = load_knowledge().procedures
    return [
        c.mention
        for c in cands
        if c.field == "order" and c.used and getattr(procedures.get(c.value), "purpose", None) == "distant"
    ]


_EARLIER_VALUE = "clue.lab_earlier_value"  # values.yaml (round 38l)
_NUMBER = re.compile(r"(?<![\d/.])\d+(?:\.\d+)?(?![\d/])")


def lab_rising(mentions: list[Mention]) -> list[Mention]:
    """The tests told above an earlier value of their own: the first number after the test's name (its current
    value) higher than the last number of the match (the earlier value); not denied, hypothetical or a relative's."""
    rising = []
    for m in mentions:
        if m.rule != _EARLIER_VALUE or m.sentence_start < 0 or m.effects & {"negated", "hypothetical", "family"}:
            continue
        numbers = [float(n) for n in _NUMBER.findall(m.sentence[m.start - m.sentence_start : m.end - m.sentence_start])]
        if len(numbers) >= 2 and numbers[0] > numbers[-1]:
            rising.append(m)
    return rising


def mild_alp_only(cands: list[Candidate]) -> bool:
    """The labs read say: alkaline phosphatase above its upper limit but at most the mild multiple of
    red_flags.yaml, and every liver test given at or below its upper limit."""
    from rightscan.adapters.knowledge_files import load_knowledge

    mild = load_knowledge().thresholds.alp_mild_max_x_uln
    labs = {c.field.removeprefix("labs."): c.value for c in cands if c.used and c.field.startswith("labs.")}
    alp = labs.get("alkaline_phosphatase")
    if not above_uln(alp) or alp["value"] > alp["uln"] * mild:
        return False
    return not any(above_uln(v) for k, v in labs.items() if k != "alkaline_phosphatase")


def mild_labs_only(cands: list[Candidate], bilirubin_explained: bool = False) -> bool:
    """Round 45t: the labs read say some liver or bone test is above its upper limit, each at most the mild multiple of
    red_flags.yaml (the ALP's), and the bilirubin is not raised (round 50n: or, put down to Gilbert's syndrome,
    ``bilirubin_explained``, raised no more than the others may be)."""
    from rightscan.adapters.knowledge_files import load_knowledge

    mild = load_knowledge().thresholds.alp_mild_max_x_uln
    labs = {c.field.removeprefix("labs."): c.value for c in cands if c.used and c.field.startswith("labs.")}
    raised = [v for v in labs.values() if above_uln(v)]
    if not raised or (above_uln(labs.get("bilirubin")) and not bilirubin_explained):
        return False
    return all(v["value"] <= v["uln"] * mild for v in raised)


ALP_BENIGN = "clue.alp_benign_cause"  # values.yaml (round 38l): a raised ALP put down to a benign cause
# round 45t (values.yaml): raised liver tests put down to a cause other than the cancer ("Transaminitis - presumed MTX")
_LIVER_BENIGN = "clue.liver_tests_benign_cause"
# round 50n (values.yaml): a raised bilirubin put down to Gilbert's syndrome ("Gilbert's - bili always high")
_BILI_BENIGN = "clue.bilirubin_benign_cause"
NOT_SAID = frozenset({"negated", "hypothetical", "family", "historical"})  # denied, feared, a relative's, resolved
_LAB_WORDS = frozenset({"note.alp_raised", "note.liver_tests_raised"})  # targets.yaml: the tests called raised in words


def explained_labs(
    mentions: list[Mention], cands: list[Candidate], distant: list[Mention], raised_tests: list[Mention]
) -> list[Mention]:
    """Round 45t: the words that put each raised test down to a cause other than the cancer (values.yaml
    clue.alp_benign_cause for the ALP, clue.liver_tests_benign_cause for the transaminases), when every test read is
    at most mildly raised with a normal bilirubin (setting_markers.mild_labs_only); empty unless each raised test has
    one."""
    gilbert = [m for m in mentions if m.rule == _BILI_BENIGN and not m.effects & NOT_SAID]
    if not raised_tests or lab_rising(mentions) or not mild_labs_only(cands, bool(gilbert)):
        return []
    if any(m not in raised_tests and m.rule not in _LAB_WORDS for m in distant):
        return []  # another finding than the tests and the words that call them raised
    labs = [c for c in cands if c.used and c.field.startswith("labs.")]
    raised = {c.field.removeprefix("labs.") for c in labs if above_uln(c.value)}
    said = [m for m in mentions if m.rule in (ALP_BENIGN, _LIVER_BENIGN) and not m.effects & NOT_SAID]
    alp = [m for m in said if m.rule == ALP_BENIGN]
    liver = [m for m in said if m.rule == _LIVER_BENIGN]
    if "alkaline_phosphatase" in raised and not alp:
        return []
    if raised & {"ast", "alt"} and not liver:
        return []
    if "bilirubin" in raised and not gilbert:
        return []
    return said + gilbert
