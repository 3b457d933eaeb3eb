"""Round 31 (lead): an abdominal pain that comes with the bowel movements or the diarrhoea is the bowel's own pain.

A cramp "with the BMs" during neratinib diarrhoea was read as a red flag (v31 za-027), although "constipation" named
beside an abdominal pain already explained it. A linking word now ties the pain to the bowel (context_rules.json,
"with the BMs"): "with", "from", "during", "before" the BMs, the stools or the diarrhoea. A list that only names
the two side by side, a normal bowel habit, a denied diarrhoea, or a warning on the pain explains nothing.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes

ON_TX = "55F, R breast IDC pT2 N0 HER2+ ER+, mastectomy, adjuvant trastuzumab done, now neratinib week 3.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Diarrhoea G3, 8 watery stools a day. Crampy lower abd pain with the BMs, settles afterward.",
        "Abdominal cramping during the loose stools, none in between.",
        "Tummy cramps from the diarrhoea, improving on loperamide.",
        "Colicky abdominal pain before each bowel movement, relieved by passing stool.",
    ],
)
def test_a_cramp_tied_to_the_bowel_is_explained(line: str) -> None:
    assert "abdominal_pain" not in symptom_codes(ON_TX + line + "\n")


@pytest.mark.parametrize(
    "line",
    [
        "ROS positive for abdominal pain, nausea, diarrhea.",
        "Abdominal pain x 3 weeks, BMs normal.",
        "Abdominal pain with no diarrhoea or vomiting.",
        "RUQ pain, worse at night, with loose stools; ALT 140 (ULN 35).",
    ],
)
def test_side_by_side_denied_or_warned_still_counts(line: str) -> None:
    note = ON_TX + line + "\n"
    assert "abdominal_pain" in symptom_codes(note)
    assert decide_note(note)["systemic_imaging"] != "not_recommended"
