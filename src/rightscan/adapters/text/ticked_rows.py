"""Operations ticked on a form row that asks what treatment the patient had (round 21c).

The layout writes a ticked box as a tick, a cue that the item is chosen (``proposed``): right for a plan's row ("Plan:
[x] MRI brain", "Surgical plan: [x] Lumpectomy"), wrong for a history's ("Surgery: [ ] lumpectomy [x] mastectomy 2020",
"Treatment: [x] Lumpectomy [x] SLNB [x] Radiation", "Your breast cancer treatment (check all): [x] Lumpectomy"). The
row's label is values.yaml's ``clue.treatment_had_row`` (it opens its line, and the row names no plan). An operation
ticked after such a label, set aside only as chosen (no doubt, question, denial or other cue on it), was done; the
caller still asks the row or the note to date it, as for an operation named with no cue at all.
"""

from __future__ import annotations

from rightscan.adapters.text.model import Mention

HAD_ROW = "clue.treatment_had_row"  # values.yaml (round 21c)
_ONLY_CHOSEN = frozenset({"proposed", "past", "performed", "historical"})  # the tick's cue; the row's dating


def had_rows(mentions: list[Mention]) -> dict[str, int]:
    """Each sentence holding a history row's label, with where the label ends."""
    rows: dict[str, int] = {}
    for m in mentions:
        if m.rule == HAD_ROW:
            rows[m.sentence] = min(rows.get(m.sentence, m.end), m.end)
    return rows


def ticked_as_had(m: Mention, rows: dict[str, int]) -> bool:
    """The operation is ticked on a history row: it stands after the row's label, and its only cue is the tick."""
    end = rows.get(m.sentence)
    return end is not None and m.start >= end and "proposed" in m.effects and m.effects <= _ONLY_CHOSEN
