"""Round 35 (a property test of the sixteenth pass's F2 found it): a continuation word after a denied LIST.

"No cough or chills, persisting headaches for 3 weeks": the continuation word ("persisting", "ongoing") took the
headache out of the denial (to confirm), but the list pass then read the continuation word as one more item of the
denied list and denied the headache again, so the answer was "not recommended" with a headache told as going on.
A symptom the continuation opens is now an item of its own for the list passes. Control: a plain denied list stays
denied, however long.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, symptoms_to_confirm

NEW = "61F, newly diagnosed 1.6 cm IDC right breast, ER+ PR+ HER2-, cN0.\n"


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("No cough or chills, persisting headaches for 3 weeks.", "headache"),
        ("Denies nausea or vomiting, ongoing bone pain in the R hip x 2 wks.", "bone_pain"),
        ("No fever, chills or sweats, lingering low back pain since May.", "back_pain"),
    ],
)
def test_a_continued_symptom_after_a_denied_list_is_never_denied(line: str, code: str) -> None:
    note = NEW + line + "\n"
    assert code in symptom_codes(note) | symptoms_to_confirm(note)
    assert decide_note(note)["systemic_imaging"] != "not_recommended"


def test_control_a_plain_denied_list_stays_denied() -> None:
    note = NEW + "No fevers, chills, night sweats, nausea, bone pain or headaches.\n"
    assert not symptom_codes(note) & {"bone_pain", "headache"}
    assert decide_note(note)["systemic_imaging"] == "not_recommended"
