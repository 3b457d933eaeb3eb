"""Round 22n (class 1): a shorthand negation written after its symptom.

"cough -ve", "bone pain: -ve", "headache neg", "HA – nil", "wt loss nil", "back pain ✗" (or "back pain x" in a column
that ticks its yes answers) answer the item no, as "cough-" and "cough (-)" do (trailing_signs.py, context.yaml's
layout ``trailing_no_words``). The answer negates its own item only: "+ve", "(+)", "pos" beside it still state theirs,
and an "x" that is a duration ("x 2 weeks") or a tick in a column of x's is no answer. An answer word answers a
symptom only: a study's or a receptor's result written the same way keeps its value.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import facts, symptom_codes

HEAD = "61F, R breast IDC 2020, lumpectomy + RT, on letrozole, routine follow-up.\n"
PROPERTY = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ITEMS = [("cough", "cough"), ("back pain", "back_pain"), ("bone pain", "bone_pain"), ("headache", "headache"),
         ("SOB", "dyspnea"), ("low back pain", "back_pain"), ("headaches", "headache")]  # fmt: skip
NO = ["-ve", " -ve", ": -ve", ": neg", " neg", " nil", ": nil", " – nil", " - nil", " −ve", "-ve."]
YES = [" +ve", " (+)", ": +ve", " pos", ": pos", "+"]
# in a list of mixed answers: "-ve" is no cue of its own; "nil" and "neg" are also ConText's cues, which reach a
# neighbouring item as they did before (kept as written: "Axilla: nil", "axilla US neg" are values)
SIGNED_NO = ["-ve", " -ve", ": -ve", " −ve"]


def _confirm(text: str) -> set[str]:
    from rightscan.adapters.text import extract

    return {v for c in extract(text).to_confirm if c["field"] == "symptoms" for v in c["values"]}


@PROPERTY
@given(st.sampled_from(ITEMS), st.sampled_from(NO), st.sampled_from(["ROS: ", "", "Resp/MSK: "]))
def test_a_shorthand_no_after_the_item_denies_it(item: tuple[str, str], answer: str, lead: str) -> None:
    label, code = item
    assert code not in symptom_codes(f"{HEAD}{lead}{label}{answer}\n")


@PROPERTY
@given(st.lists(st.tuples(st.sampled_from(ITEMS), st.booleans()), min_size=2, max_size=5, unique_by=lambda t: t[0][1]),
       st.sampled_from(SIGNED_NO), st.sampled_from(YES), st.sampled_from([", ", "; ", "\n", " / "]))  # fmt: skip
def test_each_answer_answers_its_own_item(
    rows: list[tuple[tuple[str, str], bool]], no: str, yes: str, sep: str
) -> None:
    text = sep.join(f"{label}{yes if present else no}" for (label, _), present in rows)
    got = symptom_codes(f"{HEAD}ROS: {text}\n")
    stated = {code for (_, code), present in rows if present}
    denied = {code for (_, code), present in rows if not present} - stated
    assert stated <= got
    assert not denied & got


@pytest.mark.parametrize(
    "text",
    ["HA – nil\n", "Neuro: headache -ve, no visual change\n", "MSK: back pain: -ve\n", "wt loss nil, cough nil\n",
     "Fever ✓\nBack pain ✗\nFatigue ✓\n", "Fatigue ✔\nBack pain x\nHeadache X\nNausea ✔\n", "back pain ✘, fatigue ✓\n",
     "Cough: -ve. Headache: -ve. Back pain: -ve.\n"],
)  # fmt: skip
def test_written_answers_of_ten_writers_deny(text: str) -> None:
    assert not symptom_codes(HEAD + text) & {"headache", "back_pain", "cough"}


@pytest.mark.parametrize(
    ("text", "code"),
    [("back pain x 3 weeks, worse at night\n", "back_pain"), ("headache x2 months\n", "headache"),
     ("Cough -ve, back pain +ve\n", "back_pain"), ("HA +ve, cough -ve\n", "headache"),
     ("bone pain (+), SOB -ve\n", "bone_pain"),
     ("Back pain - worse at night\n", "back_pain"), ("New back pain, neg for trauma\n", "back_pain"),
     ("Headache: +ve; nausea: nil\n", "headache")],
)  # fmt: skip
def test_what_must_still_count(text: str, code: str) -> None:
    assert code in symptom_codes(HEAD + text)


def test_an_x_without_ticks_beside_it_is_left_to_confirm() -> None:
    """In a column of x's alone an "x" may be the tick itself: neither raised nor dropped."""
    text = HEAD + "Fever x\nBack pain x\nFatigue x\n"
    assert "back_pain" not in symptom_codes(text)
    assert "back_pain" in _confirm(text)


def test_a_study_result_written_the_same_way_keeps_its_value() -> None:
    tumor = facts(
        "61F, new R breast IDC 0.9 cm gr 3, ER neg/PR neg/HER2 0 (triple neg), axilla US neg. Surgery booked.\n"
    )
    assert tumor_n(tumor) == "N0"
    assert facts("58F new L breast IDC 1.4 cm, Axilla: nil. ER+/PR+/HER2-.\n").get("tumor", {}).get("n") == "N0"


def tumor_n(f: dict) -> str | None:  # type: ignore[type-arg]
    return f.get("tumor", {}).get("n")


def test_a_receptor_sign_and_a_result_keep_their_reading() -> None:
    tumor = facts("58F new dx L breast IDC 1.8 cm, ER pos, PR neg, HER2 -ve. ROS: cough -ve\n").get("tumor", {})
    assert tumor.get("er") == "positive"
    assert tumor.get("pr") == "negative"
    assert tumor.get("her2") == "negative"
