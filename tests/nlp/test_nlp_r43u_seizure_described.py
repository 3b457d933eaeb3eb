"""Round 43u (v43 bb-049): a first seizure told by what was seen, without the word ("a full body shaking episode, bit
her tongue, now groggy"), is a seizure; "No prior seizures" denies the past ones only; and a headache the patient put
down to stress that comes with a seizure comes "with neurologic signs" (the guide's warning): it counts. Controls:
shaking chills, a tremor and a denied seizure read no seizure; a stress headache with no seizure, or beside a denied,
a relative's or a childhood seizure, stays explained.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes

HX = "Hx L breast ca 2019 HER2+, s/p mastectomy and trastuzumab, surveillance.\n"


@pytest.mark.parametrize(
    "line",
    [
        "This morning she had whole-body jerking for two minutes, then was drowsy.",
        "Daughter witnessed a generalised tonic-clonic episode at breakfast.",
        "At 6 am she had a generalized shaking spell with loss of bladder control. No prior seizures.",
        "Found on the floor after a grand mal event, tongue bitten.",
    ],
)
def test_a_seizure_told_without_the_word_is_read(line: str) -> None:
    assert "seizure" in symptom_codes(HX + line)


@pytest.mark.parametrize(
    "line",
    [
        "Fever 39 with shaking chills since last night.",
        "Fine tremor of both hands on reaching.",
        "No seizures, no shaking episodes.",
    ],
)
def test_control_no_seizure_read(line: str) -> None:
    assert "seizure" not in symptom_codes(HX + line)


@pytest.mark.parametrize(
    "line",
    [
        "Had a seizure this morning. Headaches for 2 weeks that she blames on stress.",
        "Headaches for a fortnight, which she puts down to work stress. Today a whole-body jerking episode, 1 min.",
        "Witnessed convulsion at 0500. Husband says she has had headaches she attributed to poor sleep.",
    ],
)
def test_a_headache_with_a_seizure_counts_whatever_its_cause(line: str) -> None:
    codes = symptom_codes(HX + line)
    assert {"seizure", "headache"} <= codes


@pytest.mark.parametrize(
    "line",
    [
        "Headaches for 2 weeks that she blames on stress. No seizures.",
        "Headaches for 2 weeks that she blames on stress.\n\nFamily: brother has seizures.",
        "Headaches for 2 weeks that she blames on stress. Seizure as a child, none since.",
        "Headaches for 2 weeks that she blames on stress.",
    ],
)
def test_control_a_stress_headache_without_a_seizure_stays_explained(line: str) -> None:
    assert "headache" not in symptom_codes(HX + line)
