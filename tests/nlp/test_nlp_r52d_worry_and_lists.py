"""Round 52d: red flags the reader raised from a worry, or missed in a list of sites or with a pointing gesture (v52
cd-021, cd-046, ce-023, cd-035, cc-017; v27 hb-032), each class in other wordings than the notes'.

- a symptom named as the object of a fear or a question about its meaning ("every backache makes her think it's
  back", "Could a cough be a sign it has spread?") is no present symptom; a symptom told as hers and worried about
  still counts, and one the fear calls new is left to confirm;
- a bone or the back later in a list of sites that shares one pain word ("pain in her lower back, neck and both
  shins", "aching in the sternum and upper back") counts, and is read as the list's first site is (denied, a
  relative's, explained by a cause told after the list);
- the bone a patient points to as the place of her pain ("points at her R 10th rib - constant ache") is bone pain;
  the gesture alone is not, and a pain told as over stays over;
- her own weights told as a change ("he's dropped from 82 to 74 kg") are weight loss; a gain is not.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, symptoms_to_confirm

TREATED = "58F, L breast IDC 2021, lumpectomy + RT, anastrozole since 2022, seen in follow-up.\n"


def _codes(line: str) -> set[str]:
    return symptom_codes(TREATED + line)


def _confirm(line: str) -> set[str]:
    return symptoms_to_confirm(TREATED + line)


# ------------------------------------------------------------------ a symptom named as what she fears
@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Since the cancer, every backache makes her think it's come back in the spine.", "back_pain"),
        ("I'm terrified that any cough means it has spread to my lungs.", "cough"),
        ("Could a cough be a sign it has spread?", "cough"),
        ("She worries each headache is a brain tumour and asks for a scan.", "headache"),
        ("Does a headache mean the cancer is in my brain?", "headache"),
    ],
)
def test_a_symptom_named_as_what_she_fears_is_not_hers(line: str, code: str) -> None:
    assert code not in _codes(line)
    assert code not in _confirm(line)


def test_a_feared_symptom_in_a_surveillance_message_leaves_no_red_flag() -> None:
    note = (
        "Portal message. 47 y/o, R lumpectomy and radiation finished 3 years ago, on tamoxifen. My usual tension "
        "headaches are the same as ever, but every headache has me convinced it's spread. Can I have a brain MRI "
        "with and without contrast for peace of mind?"
    )
    assert "headache" not in symptom_codes(note)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        # controls: her own symptom told with a worry still counts
        ("I've had a backache for 3 weeks and I'm frightened it's in my spine.", "back_pain"),
        ("Headaches every morning since June - does a headache like this mean it's spread?", "headache"),
        ("Every headache since August has woken her and she is scared.", "headache"),
    ],
)
def test_her_own_symptom_told_with_a_worry_counts(line: str, code: str) -> None:
    assert code in _codes(line)


def test_a_feared_new_symptom_is_left_to_confirm() -> None:
    line = "Any new backache makes me panic."
    assert "back_pain" not in _codes(line)
    assert "back_pain" in _confirm(line)


# ------------------------------------------------------------------ a list of sites sharing one pain word
@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("She describes pain in her lower back, neck and both shins for 5 weeks.", "bone_pain"),
        ("Aching in the low back and both upper arms x 2 months, worse at night.", "bone_pain"),
        ("Reports aching in the sternum and upper back since March.", "back_pain"),
        ("pain in her hips, knees and lower back x 4 wk", "back_pain"),
    ],
)
def test_a_later_site_of_a_list_counts(line: str, code: str) -> None:
    assert code in _codes(line)


@pytest.mark.parametrize(
    "line",
    [
        "Denies aching in the sternum and upper back.",
        "Her sister has pain in her ribs and lower back from myeloma.",
        "Aching in her lower back and hips after each pegfilgrastim injection, settles in 2 days.",
        "Aching in the ribs and mid back since she fell down the stairs on Sunday.",
    ],
)
def test_a_later_site_of_a_list_reads_as_the_first_site(line: str) -> None:
    assert not _codes(line) & {"bone_pain", "back_pain"}


def test_the_back_of_a_place_is_no_back_pain() -> None:
    assert "back_pain" not in _codes("Pain in the ribs and back of the chest wall since the fall, resolving.")


# ------------------------------------------------------------------ a bone pointed to as the place of her pain
@pytest.mark.parametrize(
    "line",
    [
        "She points at her R 10th rib - constant ache x 5 weeks, worse lying on it.",
        "Pain: points to the L upper femur, deep, wakes him at night.",
        "Pt pointing to her sternum: soreness for a month.",
    ],
)
def test_a_bone_pointed_to_as_the_place_of_pain_counts(line: str) -> None:
    assert "bone_pain" in _codes(line)


@pytest.mark.parametrize(
    "line",
    [
        "She points to her R ribs where she can feel a small lump under the scar.",
        "She points to her L hip - no pain there, only a bruise from the car door.",
        "She pointed to her R ribs: pain last spring after pneumonia, long since gone.",
    ],
)
def test_a_gesture_alone_or_a_pain_over_is_no_bone_pain(line: str) -> None:
    assert "bone_pain" not in _codes(line)


def test_a_pointed_bone_pain_after_treatment_is_not_left_unimaged() -> None:
    note = TREATED + "Today she points to her L lower ribs, posterior: pain x 6 wks, night waking. Plan: bone scan."
    assert decide_note(note)["systemic_imaging"] not in ("not_applicable", "not_recommended")


# ------------------------------------------------------------------ her own weights told as a change
def test_her_weights_told_as_a_change_are_weight_loss() -> None:
    assert "weight_loss" in _codes("His wife says he's dropped from 82 to 74 kg since Easter without dieting.")
    assert "weight_loss" in _codes("She has gone from 150 to 136 lb over the summer, not trying.")


def test_a_weight_gain_is_not_weight_loss() -> None:
    assert "weight_loss" not in _codes("She has gone from 61 to 66 kg on tamoxifen.")
    assert "weight_loss" not in _codes("She has gone from 2 to 4 tablets a day for her knees.")
