"""Round 22a: mentions of a symptom that are no finding of today, and present symptoms that were missed, as classes.

A screen's items answered one by one on a line ("Cough N / SOB N") each take their own answer; a warned symptom its own
sentence later names by a plain word as resolved is left to confirm; weight lost on purpose told by an adverb, and a
back strained by the work she spent her day doing, are explained; a denied trauma in two words explains nothing. The
back or a bone sharing one pain word with the site next to it, today's presentation after a history, weight being lost
told with a hedge before its amount, and a cause named with a hyphenated qualifier are read as present red flags.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rightscan.adapters.text import extract

HEAD = "ONCOLOGY FOLLOW-UP\n61 yo F, R breast IDC 2019 s/p lumpectomy + RT, on anastrozole.\n"
PROPERTY = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(text: str) -> tuple[set[str], set[str]]:
    e = extract(HEAD + text)
    confirm = {str(v) for c in e.to_dict()["to_confirm"] if c["field"] == "symptoms" for v in c.get("values") or ()}
    return set(e.facts.get("symptoms", ())), confirm


# ------------------------------------------------------------------ a screen's items answered one by one on a line
ITEMS = {"Cough": "cough", "SOB": "dyspnea", "Wt loss": "weight_loss", "Back pain": "back_pain", "Headache": "headache"}


@PROPERTY
@given(
    answers=st.lists(st.sampled_from(["N", "Y", "no", "yes"]), min_size=2, max_size=5),
    sep=st.sampled_from([" / ", ", ", "; "]),
    heading=st.sampled_from(["Pre-op screen: ", "Triage questions: ", ""]),
)
def test_each_answer_on_a_screen_line_acts_on_its_own_item(answers: list[str], sep: str, heading: str) -> None:
    names = list(ITEMS)[: len(answers)]
    line = heading + sep.join(f"{n} {a}" for n, a in zip(names, answers, strict=True))
    stated, confirm = _read(line + "\nExam unremarkable.")
    for name, answer in zip(names, answers, strict=True):
        code = ITEMS[name]
        if answer.lower().startswith("n"):
            assert code not in stated, line
        else:
            assert code in stated | confirm, line


@pytest.mark.parametrize(
    "line",
    [
        "Nursing screen: Chest pain N / Cough N / Shortness of breath N / Recent weight loss N / BP 128/76",
        "Anaesthetic checklist - cough N, SOB N, unintentional weight loss N.",
    ],
)
def test_a_screen_of_no_answers_raises_nothing(line: str) -> None:
    assert not _read(line)[0]


def test_nausea_and_vomiting_written_n_v_is_no_answer() -> None:
    assert "cough" in _read("C/o new cough for 4 weeks, N/V since chemo.")[0]


# ---------------------------------------------------------------- a warned symptom later said resolved by a plain word
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Day 3: new epigastric pain after meals; US: gallstones; pain settled on a low-fat diet.", "abdominal_pain"),
        ("Progressive low back pain in May; MRI negative; the pain has since resolved with physio.", "back_pain"),
    ],
)
def test_a_warned_symptom_its_sentence_says_resolved_is_left_to_confirm(text: str, code: str) -> None:
    stated, confirm = _read(text)
    assert code not in stated
    assert code in confirm


@pytest.mark.parametrize(
    "text",
    [
        "New low back pain at night in May; MRI negative; pain resolved with PT, now back and worse.",
        "New low back pain at night; hip pain resolved.",
        "New low back pain at night; pain not resolved.",
    ],
)
def test_a_recurrence_another_symptom_or_a_denied_resolution_keeps_it(text: str) -> None:
    assert "back_pain" in _read(text)[0]


# ------------------------------------------------------------------ weight lost on purpose, by an adverb
@pytest.mark.parametrize(
    "text",
    [
        "She has purposely lost around 4 kg since spring and feels great.",
        "Has lost 6 lbs deliberately over the summer.",
        "Lost 3 kg since joining the gym in March.",
    ],
)
def test_weight_lost_on_purpose_is_explained(text: str) -> None:
    assert "weight_loss" not in _read(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Unintentional weight loss of 5 kg; she deliberately walks daily.",
        "She has lost 4 kg, not deliberately, over 2 months.",
    ],
)
def test_weight_lost_without_a_purpose_still_counts(text: str) -> None:
    assert "weight_loss" in _read(text)[0]


def test_a_purpose_word_explains_no_pain() -> None:
    assert "back_pain" in _read("Back pain x 3 weeks, she deliberately avoids lifting.")[0]


# ---------------------------------------------------------------- a back strained by the work she spent her time doing
def test_a_back_sore_since_a_day_of_heavy_work_is_explained() -> None:
    assert "back_pain" not in _read("Low back ache since he spent the weekend clearing out the garage.")[0]


def test_a_warning_still_keeps_a_strained_back() -> None:
    assert "back_pain" in _read("Back pain since I spent Sunday pulling weeds, now waking me at night.")[0]


# ------------------------------------------------------------------ a denied trauma in two words
@pytest.mark.parametrize(
    "text",
    [
        "No fall or injury, she also reports losing 4 kg over 2 months without trying.",
        "Without trauma or injury; unintentional weight loss of 6 lb.",
    ],
)
def test_a_denied_trauma_explains_nothing_after_it(text: str) -> None:
    assert "weight_loss" in _read(text)[0]


# ------------------------------------------------------------------ the back or a bone sharing one pain word
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("New c/o L upper back/shoulder blade pain x 6 weeks, worse at night.", "back_pain"),
        ("Low back and leg pain for 4 weeks, worse at night.", "back_pain"),
        ("Six weeks of left hip and groin pain, getting worse.", "bone_pain"),
        ("R thigh or knee ache for a month, waking her.", "bone_pain"),
    ],
)
def test_a_site_sharing_a_pain_word_counts(text: str, code: str) -> None:
    assert code in _read(text)[0]


@pytest.mark.parametrize(
    ("text", "code"),
    [("Denies back/leg pain.", "back_pain"), ("No hip or groin pain.", "bone_pain")],
)
def test_a_denied_pair_of_sites_is_denied(text: str, code: str) -> None:
    assert code not in _read(text)[0]


def test_a_bone_site_after_the_back_keeps_its_own_reading() -> None:
    assert "bone_pain" in _read("New low back and hip pain x 3 wks.")[0]


# ------------------------------------------------------------------ today's presentation after a history
def test_a_presentation_after_a_history_is_todays() -> None:
    text = "70 year old woman with history of breast cancer on tamoxifen presenting with mid back pain for six weeks."
    assert "back_pain" in _read(text)[0]


def test_a_history_of_the_symptom_itself_stays_historical() -> None:
    assert "back_pain" not in _read("History of back pain and sciatica, presenting with a breast lump.")[0]


# ------------------------------------------------------------------ weight being lost, with a hedge before its amount
@pytest.mark.parametrize(
    "text",
    ["She reports losing roughly 9 pounds over 2 months.", "Losing approximately 5 kg since June, not trying."],
)
def test_weight_being_lost_with_a_hedged_amount_counts(text: str) -> None:
    assert "weight_loss" in _read(text)[0]


@pytest.mark.parametrize("text", ["She denies losing about 5 lbs.", "She is trying to lose about 10 lbs."])
def test_a_denied_or_wished_loss_does_not(text: str) -> None:
    assert "weight_loss" not in _read(text)[0]


# ------------------------------------------------------------------ a cause named with a hyphenated qualifier
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Dx: pathologic fx L humerus due to biopsy-proven metastatic breast cancer.", "pathologic_fracture"),
        ("Back pain due to PET-avid bone metastases.", "back_pain"),
    ],
)
def test_a_hyphenated_cancer_explains_no_red_flag_away(text: str, code: str) -> None:
    assert code in _read(text)[0]


def test_a_hyphenated_benign_cause_still_explains() -> None:
    assert "back_pain" not in _read("Back pain due to well-known lumbar arthritis, unchanged for years.")[0]
