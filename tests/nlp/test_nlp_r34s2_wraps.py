"""Sixteenth pass F3 and F7: a red-flag phrase, or a denial, broken over a line keeps its reading.

F3: a single line break inside a symptom's phrase ("low back\\npain", "short of\\nBreath", "weight\\nloss", an
indented next line, a short line of a narrow column) or a word split by a hyphen on a short line ("breathless-\\nness")
is read as one phrase; a break between two items (a bulleted list, a label's row, a blank line) is kept.
F7: a denial that ends its line ("denies any\\n", "denied\\n") reaches the sentence the next line goes on with; a
denial that closes its list at a line's end ("..., headache: denies both\\n") still denies what stands before it.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import decide_note, symptom_codes

NEW = "61F, newly diagnosed 1.6 cm IDC right breast, ER+ PR+ HER2-, cN0. Staging CT requested.\n"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Seen with her daughter today. She describes low back\npain waking her at night for a month.", "back_pain"),
        ("She has had unintentional weight\nloss of 7 kg since the summer.", "weight_loss"),
        ("Increasingly short of\nBreath walking uphill for 3 weeks.", "dyspnea"),
        ("Describes aching right hip bone\n    pain for 4 weeks.", "bone_pain"),
        ("Worsening breathless-\nness over 3 weeks.", "dyspnea"),
        ("Increasing weak-\nness of both legs for 1 week.", "neurologic_deficit"),
    ],
)
def test_a_red_flag_phrase_wrapped_over_a_line_is_read(text: str, code: str) -> None:
    note = NEW + text + "\n"
    assert code in symptom_codes(note)
    assert decide_note(note)["systemic_imaging"] != "not_recommended"


@pytest.mark.parametrize(
    "text",
    [
        "Examined: thoracic spine, lower back\nPain score: 0/10.",
        "Areas reviewed:\n- lower back\n- pain medication list",
        "Lower back\n\npain clinic letter reviewed.",
        "She denies any low back\npain or headache.",
        "Her mother had bone\npain from myeloma.",
        "Call us if she develops back\npain or weakness.",
    ],
)
def test_wrap_controls_raise_no_red_flag(text: str) -> None:
    note = NEW + text + "\n"
    assert not symptom_codes(note)
    assert decide_note(note)["systemic_imaging"] == "not_recommended"


_PHRASES = {"low back pain": "back_pain", "shortness of breath": "dyspnea", "weight loss": "weight_loss",
            "bone pain": "bone_pain"}  # fmt: skip


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    phrase=st.sampled_from(sorted(_PHRASES)),
    cut=st.integers(min_value=1, max_value=3),
    lead=st.sampled_from(["", "She reports ", "Three weeks of ", "Complains of new "]),
    indent=st.sampled_from(["", " ", "  ", "\t"]),
    upper=st.booleans(),
)
def test_a_phrase_broken_at_any_of_its_words_is_read(
    phrase: str, cut: int, lead: str, indent: str, upper: bool
) -> None:
    """Wherever the break falls inside the phrase, with or without indentation, the symptom is read."""
    words = phrase.split()
    cut = min(cut, len(words) - 1)
    first, rest = " ".join(words[:cut]), " ".join(words[cut:])
    if upper and first.split()[-1] == "of":
        rest = rest[:1].upper() + rest[1:]
    note = NEW + f"{lead}{first}\n{indent}{rest} for 3 weeks, worse at night.\n"
    assert _PHRASES[phrase] in symptom_codes(note)


@pytest.mark.parametrize(
    "text",
    [
        "She denied\nbone pain, headache or breathlessness.",
        "Pt denies any\nback pain or weight loss.",
        "The patient denies\nshortness of breath on exertion.",
        "Bone pain, headache: denies both\nReports fatigue.",
        "Headache and back pain - she denies all of them\nPlan: bloods.",
        "Patient denies any\nbone pain, headache or\nweight loss.",  # wrapped over three lines
        "Denies:\nheadache or bone pain.",
    ],
)
def test_a_denial_ending_its_line_still_denies(text: str) -> None:
    note = NEW + text + "\n"
    assert not symptom_codes(note)
    assert decide_note(note)["systemic_imaging"] == "not_recommended"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Patient denies fever.\nBone pain in right hip for 3 weeks.", "bone_pain"),
        ("Denies fever\nback pain x 3 weeks, worse at night.", "back_pain"),
        ("She denied\nfever\nnew back pain for 2 weeks.", "back_pain"),  # a qualified item of its own line
    ],
)
def test_a_statement_on_the_next_line_after_a_complete_denial_stays_stated(text: str, code: str) -> None:
    assert code in symptom_codes(NEW + text + "\n")


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    who=st.sampled_from(["", "She ", "Patient ", "Pt "]),
    verb=st.sampled_from(["denies", "denied", "denies any", "denies any of"]),
    items=st.sampled_from(["bone pain", "headache or bone pain", "back pain, weight loss or headaches"]),
)
def test_a_denial_broken_before_its_items_denies_them(who: str, verb: str, items: str) -> None:
    verb = verb if who else verb.capitalize()
    note = NEW + f"{who}{verb}\n{items}.\n"
    assert not symptom_codes(note)
