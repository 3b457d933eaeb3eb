"""Round 36b (blind v36 ag-030): a suspicion of distant disease is never M1, whatever aside is inserted in it.

"Assessment: ... -> highly concerning for hepatic (and possibly peritoneal, lobular pattern) metastatic disease." read
as M1: the doubt's reach ("concerning for", five words) was used up by the bracketed aside, and the aside's own
"possibly" cut the doubt's scope short, so "metastatic disease" after the bracket read as stated. The intensifier and
the arrow had nothing to do with it. A doubt now reaches past a bracketed aside as past a slashed shorthand
(shorthand_reach.py): the aside counts as no word, and a cue inside it does not end the outer doubt. A clinician
checks that M1 is not read (the staging question stays open) and that a proven metastasis still is.
"""

from __future__ import annotations

import itertools

import pytest

from nlp_helpers import facts

HEAD = (
    "58 yo woman, hx R breast ILC 2019, mastectomy + ALND, pN2a, on letrozole.\n"
    "Now 4 wks RUQ pain, ALP 290 (ref 35-120).\n"
)

INTENSIFIERS = ["", "highly ", "very ", "strongly ", "extremely ", "quite "]
CUES = ["concerning for", "suspicious for", "worrisome for", "suggestive of", "concern for"]
ASIDES = [
    "(and possibly peritoneal, lobular pattern)",
    "(see CT of 5/2024 and US today)",
    "(given the lobular histology and rising markers)",
    "[and peritoneal, lobular pattern]",
    "(? peritoneal as well)",
]


@pytest.mark.parametrize(
    ("intensifier", "cue", "aside"),
    [(i, c, a) for i, c, a in itertools.product(INTENSIFIERS, CUES, ASIDES) if (i == "" or c != "concern for")],
)
def test_a_suspicion_with_an_aside_in_it_is_never_m1(intensifier: str, cue: str, aside: str) -> None:
    note = HEAD + f"Assessment: transaminitis -> {intensifier}{cue} hepatic {aside} metastatic disease.\n"
    assert facts(note).get("tumor", {}).get("m") != "M1"


@pytest.mark.parametrize(
    "line",
    [
        "Imp: picture worrisome for (per radiology, and I agree) hepatic metastases.",
        "Impression: highly suspicious for (in view of the lobular histology) metastatic disease to the liver.",
        "A/P: findings c/w hepatic (and possibly peritoneal, lobular pattern) metastatic disease, likely.",
        "Imp: possible hepatic (and peritoneal, lobular pattern, per CT) metastatic disease.",
    ],
)
def test_other_suspicions_with_an_aside_are_never_m1(line: str) -> None:
    assert facts(HEAD + line + "\n").get("tumor", {}).get("m") != "M1"


@pytest.mark.parametrize(
    "line",
    [
        # controls: distant disease proven or stated stays M1, aside or not
        "Imp: biopsy-proven hepatic (segment 6 and 7, two lesions) metastatic disease.",
        "Imp: concerning for recurrence (ALP up). Liver biopsy 6/3: metastatic lobular carcinoma (segment 6).",
        "Stage IV (liver, biopsy-proven 6/2025).",
    ],
)
def test_proven_distant_disease_with_an_aside_stays_m1(line: str) -> None:
    assert facts(HEAD + line + "\n").get("tumor", {}).get("m") == "M1"


def test_an_aside_does_not_carry_a_doubt_into_the_next_sentence() -> None:
    """The doubt stops at its sentence's end: a metastasis proven in the next sentence stays M1."""
    note = HEAD + "Imp: concerning for (given the ALP) liver mets. Liver biopsy 6/3: metastatic lobular carcinoma.\n"
    assert facts(note).get("tumor", {}).get("m") == "M1"
