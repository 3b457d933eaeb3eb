"""Round 12b: an operation that the note says is still to come is not a completed one.

A pre-operative note names the operation it prepares as a label ("Procedure: R partial mastectomy + SLNB" on a
pre-anaesthesia evaluation, a pre-admission clinic's sheet) and a multidisciplinary meeting's outcome names the
operation it recommends with the meeting's date ("MDT 03/07: WLE + SLNB"). The rules read a labelled or dated
operation as done (a pathology report's "Procedure:" line, "lumpectomy 2019"), so an untreated cancer seen before its
operation was read as operated: no new diagnosis, its clinical N set aside as if it were a recurrence's, and the
answer left undetermined. The annotation guide: planned surgery does not count as prior surgery.

The reading: when the note itself says the operation is to come (targets.yaml ``clue.surgery_to_come``: a date of
surgery, a pre-operative visit, surgery booked or listed) and nothing in it says that breast-cancer treatment was
already given (no pathological category of a resection, no scar or cavity of an operation, no treatment given, no
word of the days just after an operation or of a discharge, no operative report, no setting of a treated cancer
named, no operation dated before the note's own date), the operations read as done are the one to come: none is
prior surgery. Any sign of treatment given leaves the reading as it was.
"""

from __future__ import annotations

from collections.abc import Iterable

from rightscan.adapters.text.candidates import ACCEPTED, Candidate, status_of
from rightscan.adapters.text.model import Mention
from rightscan.adapters.text.rules import Rules
from rightscan.adapters.text.setting_course import NOTE_DATE, after_note_date, dates_in, note_date

TO_COME = "clue.surgery_to_come"  # targets.yaml
JUST_DONE = "clue.operation_just_done"  # targets.yaml: "Intra-op:", "Post-op:", "Discharge medications"
OPERATIVE_REPORT = "clue.operative_report"  # values.yaml (round 10c): an operative report's operation was done
# values.yaml: "Procedure: L WLE" (family perioperative) names the operation, done or planned: the question itself
SPECIMEN_LABEL = "clue.specimen_label"
GIVEN_FAMILIES = frozenset({"surgery_done", "treatment", "perioperative"})  # a scar, treatment given, just operated
UNTREATED = frozenset({"new_diagnosis"})  # the only setting a note may name for the reading to apply
REASON = "the note says the operation is still to come (planned surgery is not prior surgery)"


def operation_to_come(rules: Rules, mentions: Iterable[Mention], candidates: list[Candidate]) -> None:
    """Set aside the prior-surgery ``candidates`` of a note that says its operation is still to come and shows no
    treatment given (changed in place)."""
    if not any(c.used for c in candidates):
        return
    accepted = [m for m in mentions if status_of(rules, m)[0] == ACCEPTED]
    if not any(m.rule == TO_COME for m in accepted):
        return
    for m in accepted:
        if (m.family in GIVEN_FAMILIES and m.rule != SPECIMEN_LABEL) or m.rule in (OPERATIVE_REPORT, JUST_DONE):
            return
        for f in m.findings:
            if f.field and f.field.startswith("pathology."):
                return
            if f.field == "setting" and f.value not in UNTREATED:
                return
    # an operation dated on or before the note's own date was done (round 10c's reading of dates stands)
    written = next((d for m in accepted if m.rule == NOTE_DATE and (d := note_date(m.sentence))), None)
    used = [c for c in candidates if c.used]
    if written is not None and any(
        dates_in(c.mention.sentence) and not after_note_date(c.mention.sentence, written) for c in used
    ):
        return
    for c in used:
        c.used, c.reason = False, REASON
