"""Round 45z (v45 bh-004, bi-015): a receptor result written in two more ways. Names joined by a space only share the
status after them ("ER PR positive", dictated "E R P R positive"), as "ER/PR positive" does; a form's choice prompt in
braces between the name and its answer ("ER: {POS/NEG}: POS") leaves the answer readable. Controls: each receptor's own
status stays its own, a prompt left unanswered reads nothing, "ER" the emergency room is no receptor.
"""

from __future__ import annotations

import pytest

from nlp_helpers import tumor

HX = "66F, hx L breast IDC 2018, s/p lumpectomy + RT, on anastrozole. Surveillance visit, no complaints.\n"


@pytest.mark.parametrize(
    ("line", "er", "pr"),
    [
        ("Tumour was ER PR positive, HER2 negative.", "positive", "positive"),
        ("Original path: grade 2, ER PR negative, HER2 3+.", "negative", "negative"),
        ("invasive ductal carcinoma E R P R positive her two negative period", "positive", "positive"),
        ("it was E R and P R negative her two positive period", "negative", "negative"),
    ],
)
def test_space_joined_names_share_the_status(line: str, er: str, pr: str) -> None:
    t = tumor(HX + line + "\n")
    assert (t.get("er"), t.get("pr")) == (er, pr)


@pytest.mark.parametrize(
    ("line", "er", "pr"),
    [
        ("ER: {POS/NEG}: POS   PR: {POS/NEG}: NEG   HER2: neg", "positive", "negative"),
        ("ER {Positive/Negative}: Positive\nPR {Positive/Negative}: Positive", "positive", "positive"),
        ("ER: {+/-}: +   PR: {+/-}: -", "positive", "negative"),
    ],
)
def test_choice_prompt_before_the_answer(line: str, er: str, pr: str) -> None:
    t = tumor(HX + line + "\n")
    assert (t.get("er"), t.get("pr")) == (er, pr)


def test_unanswered_prompt_reads_nothing() -> None:
    t = tumor(HX + "ER: {POS/NEG}: POS   PR: {POS/NEG}   HER2: neg\n")
    assert t.get("er") == "positive"
    assert "pr" not in t
    assert t.get("her2") == "negative"


def test_each_own_status_and_separate_values_kept() -> None:
    t = tumor(HX + "ER 95% PR negative HER2 neg.\n")
    assert (t.get("er"), t.get("pr"), t.get("her2")) == ("positive", "negative", "negative")


def test_emergency_room_is_no_receptor() -> None:
    t = tumor(HX + "she went to the E R and P R was not done there\n")
    assert "er" not in t
