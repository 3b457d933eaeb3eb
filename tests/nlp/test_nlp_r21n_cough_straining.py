"""Round 21n: a spinal pain, or a headache, that a cough, a sneeze or bearing down makes worse.

Pain of the spine aggravated by coughing, sneezing or straining is a warning of cord or root compression (NICE NG234),
and a headache made worse by a cough one of raised intracranial pressure: the warning keeps the symptom counting even
when a benign cause is named beside it ("muscle strain", "mechanical"), as round 20b made "worse lying flat or on
straining" do. The cough named as the manoeuvre is not her symptom. A rib or chest-wall pain worse on coughing stays
the chest wall's mechanical pain; a denied, watched-for, historical or relative's pain still counts for nothing.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts, symptom_codes

TREATED = "61F, L breast IDC 2017, mastectomy, anastrozole completed 2022, surveillance visit, NED. "


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Low back pain x 2 wks, worse with coughing, muscle strain per GP.", "back_pain"),
        ("Thoracic back pain aggravated by sneezing; likely musculoskeletal.", "back_pain"),
        ("LBP worse on Valsalva, mechanical per physio.", "back_pain"),
        ("Mid back pain worse on bearing down, thought to be muscular.", "back_pain"),
        ("Lumbar back pain that is worse when she coughs, from a pulled muscle.", "back_pain"),
        ("Back ache exacerbated by cough, muscle spasm.", "back_pain"),
        ("Back pain, worse on coughing/sneezing, known degenerative disc disease.", "back_pain"),
        ("Upper back pain intensified by coughing since a fall last week.", "back_pain"),
        ("Headache worse on coughing, tension-type per GP.", "headache"),
    ],
)
def test_a_spinal_pain_worse_with_a_cough_or_straining_still_counts(sentence: str, code: str) -> None:
    f = facts(TREATED + sentence)
    assert code in set(f.get("symptoms", ()))
    assert f.get("setting") == "suspected_distant_recurrence"


@pytest.mark.parametrize(
    "sentence",
    [
        "Back pain for 3 weeks, worse with coughing.",
        "LBP worse when she coughs.",
        "Headache worse with cough, for 10 days.",
        "Rib pain worse with coughing for a week.",
    ],
)
def test_the_cough_that_provokes_a_pain_is_not_her_symptom(sentence: str) -> None:
    assert "cough" not in symptom_codes(TREATED + sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Rib pain exacerbated by coughing, likely costochondritis.",
        "Back pain from lifting, muscle strain, no pain with coughing or sneezing.",
        "Back pain, muscle strain, not worse with cough.",
        "No back pain. Denies pain worse with coughing or sneezing.",
        "Mother had back pain worse with coughing from myeloma.",
    ],
)
def test_a_chest_wall_pain_a_denied_qualifier_or_a_relative_is_no_flag(sentence: str) -> None:
    assert not symptom_codes(TREATED + sentence) & {"back_pain", "bone_pain", "cough"}


def test_a_real_cough_beside_a_pain_worse_with_coughing_still_counts() -> None:
    codes = symptom_codes(TREATED + "Persistent cough for 5 weeks; back pain worse with coughing; muscle strain.")
    assert {"cough", "back_pain"} <= codes
