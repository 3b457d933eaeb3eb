"""Round 21c: what makes a treated cancer's follow-up a suspected distant recurrence, or keeps it routine, in words.

``note_setting.infer_setting`` reads the new findings of a treated cancer; these two readings add the clinician's word:

- a distant metastasis that the study considered now looks for, or that the note asks about ("R/o brain mets.", "Eval
  for pulmonary mets", "?liver mets") is the concern a distant recurrence is investigated for (remote visits, e-consults
  and order indications often name no finding but the concern);
- a note that names its follow-up as today's ("Survivorship visit", "continue routine surveillance") keeps a mildly
  raised ALP alone routine.
"""

from __future__ import annotations

from rightscan.adapters.text.candidates import Candidate
from rightscan.adapters.text.model import Mention

_NOT_SAID = frozenset({"negated", "hypothetical", "family", "historical"})  # denied, feared, a relative's, resolved
_WISH = frozenset({"preference", "preference_own"})  # targets.yaml: the patient's own request
_SURVEILLANCE_WORD = "setting.surveillance"  # targets.yaml: "surveillance", "survivorship", "NED"
_ELAPSED = "clue.time_elapsed"  # values.yaml: years elapsed (no visit named)


def kept_routine(said: list[Mention]) -> bool:
    """Round 21c: the note names its follow-up as today's ("Survivorship visit", "continue routine surveillance",
    "ONCOLOGY FOLLOW-UP", "annual f/u"), not as the patient's story ("hx L breast ca 2015, on surveillance") nor as a
    plan to come (years elapsed count no visit)."""
    return any(
        (m.rule == _SURVEILLANCE_WORD or (m.family == "followup" and m.rule != _ELAPSED))
        and not m.effects & (_NOT_SAID | {"past", "proposed"})
        for m in said
    )


def metastasis_sought(mentions: list[Mention], cands: list[Candidate]) -> list[Mention]:
    """Round 21c: a distant metastasis named as what the study considered now looks for ("R/o brain mets.", "Eval for
    pulmonary mets", an indication's "to exclude liver metastases") or asked about ("?liver mets"): the concern, a
    distant recurrence being investigated after a treated cancer (the caller reads it only then, and only with no local
    finding). Not when denied, hypothetical, a relative's, of the past, declined, or the patient's own wish for a scan
    (a request in its sentence); not in a note that considers no study."""
    if not any(c.field == "order" and c.used for c in cands):
        return []
    wished = {m.sentence for m in mentions if m.family in _WISH}
    return [
        m
        for m in mentions
        if m.family == "metastasis"
        and m.effects & {"purpose", "question", "uncertain"}  # looked for, asked ("?liver mets"), feared
        and not m.effects & (_NOT_SAID | {"past", "declined"})
        and m.sentence not in wished
    ]
