"""A note written on a cycle of systemic treatment (round 39s), for the setting.

The annotation guide's settings are a cancer not yet treated (new diagnosis), a treated cancer in routine follow-up
(surveillance) and a treated cancer with a new finding (suspected recurrence). A note written on a cycle of treatment
after the first ("C3D1 ddAC" in a pre-chemotherapy check, "T-DM1 cycle 6/14" in an infusion checklist, "C5D1 (study
drug + fulvestrant)" for a metastatic cancer; values.yaml ``clue.cycle_given_now``) is none of them: the cancer is being
treated. ``cycle_setting`` says why the setting stays open, with its evidence:

- a metastatic cancer (M1 read) under treatment: a restaging question, whatever new finding the note tells;
- otherwise when the note tells no new finding but tests graded as the treatment's toxicity ("AST 48 (0-40) G1"): a
  red-flag symptom, a distant lesion, a metastasis sought or a local finding keeps the recurrence the rest of
  ``note_setting`` reads (a new headache during adjuvant T-DM1 is still investigated as a distant recurrence).
"""

from __future__ import annotations

from rightscan.adapters.text.model import Mention

CYCLE_NOW = "clue.cycle_given_now"  # values.yaml (round 39s)
# values.yaml (round 51s): adjuvant chemotherapy or radiotherapy under way told otherwise ("fx 13/15 of WBI")
_UNDER_WAY = "clue.adjuvant_under_way"
_NOT_SAID = frozenset({"negated", "hypothetical", "family", "historical"})  # denied, feared, a relative's, resolved


def cycle_setting(
    mentions: list[Mention], metastatic: list[Mention], findings: list[Mention], raised: list[Mention]
) -> tuple[str, list[Mention]] | None:
    """Why the setting stays open for a note written on a treatment cycle, with its evidence; None when the note
    names no cycle given now, or a new finding (``findings``: the distant and local findings; the tests read above
    their limit, ``raised``, may be the treatment's toxicity and do not count) after a cancer not known to be
    metastatic."""
    cycles = [m for m in mentions if m.rule in (CYCLE_NOW, _UNDER_WAY) and not m.effects & _NOT_SAID]
    if not cycles:
        return None
    if metastatic:
        return ("a metastatic cancer under systemic treatment (a cycle given now): a restaging question, not one of "
                "the staging settings", cycles[:1] + metastatic[:1])  # fmt: skip
    if any(m not in raised for m in findings):
        return None
    return ("a cycle of systemic treatment given now: the cancer is under treatment, neither untreated nor in "
            "follow-up", cycles[:1])  # fmt: skip
