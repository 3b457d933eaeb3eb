"""Round 44g (v44 bf-035, bf-033): red flags a form denies or the line itself explains.

- The empty-set sign (or "nil") after a label ending in a bracket that lists what it covers ("Neuro
  (weakness/numbness/confusion): Ø") denies every item in the bracket, as "Bone pain: Ø" does.
- A cough, breathlessness or headache the line puts down to the cold she has now ("with the cold", "since cold
  started") is explained; a warning (worse, new and different, neurological signs, weeks on) keeps it.
- A bone or back pain dated from a fall or a blow told in its own clause ("since fall on ice") is explained; no
  trauma, pain out of proportion, worsening at night or weeks later keep it.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes

SURV = "58F, R breast IDC 2020 s/p mastectomy, ER+/PR+/HER2-, on anastrozole. Routine f/u.\n"


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Neuro (weakness, numbness, speech change): Ø", "neurologic_deficit"),
        ("CNS (focal weakness/tingling): nil", "neurologic_deficit"),
        ("Resp (cough/SOB): Ø", "dyspnea"),
        ("Resp (cough/SOB): Ø", "cough"),
        ("Cough: yes - dry, w/ the cold", "cough"),
        ("Headache - mild, frontal, since the cold began", "headache"),
        ("Coughing a bit from this chest cold, no fever.", "cough"),
        ("Sinus headache since flu started, settling.", "headache"),
        ("R rib pain since a fall on the stairs last week, bruised.", "bone_pain"),
        ("Hip ache after a slip on wet tiles 5 days ago.", "bone_pain"),
        ("Low back pain since a tumble down the steps on Sat.", "back_pain"),
    ],
)
def test_denied_or_explained_in_its_line(line: str, code: str) -> None:
    assert code not in symptom_codes(SURV + line)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Neuro (weakness/numbness): present - L arm weak x 1 wk", "neurologic_deficit"),
        ("Bone pain: present - L hip, at night", "bone_pain"),
        ("Headache since the cold started, now worsening, new and different from usual, with L arm weakness.",
         "headache"),
        ("Cough with the cold x 6 weeks, worsening.", "cough"),
        ("Rib pain since fall on ice, worsening at night, out of proportion to the fall.", "bone_pain"),
        ("Hip pain x 2 months, no trauma.", "bone_pain"),
        ("Back pain after a fall 3 months ago, now progressive and waking her at night.", "back_pain"),
        ("New L hip pain since fall 2024, no injury.", "bone_pain"),
    ],
)
def test_a_real_or_warned_symptom_still_counts(line: str, code: str) -> None:
    assert code in symptom_codes(SURV + line)
