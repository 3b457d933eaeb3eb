"""Round 56d (v56 blind, hand co): stage fields, histology and age in unedited dictations - the type's letters spelled
apart, its word misheard, a sentence said ended, a number said as words after a margin's or a core's words, the
stain's intensity, an Allred score said; and, from hands cp / cq, a biopsy still only possible and a study's date in
brackets. New wordings, not the set's sentences, with controls that must keep their reading."""

from __future__ import annotations

import pytest

from nlp_helpers import facts, tumor

# ---------------------------------------------------------------- the type's letters spelled apart


@pytest.mark.parametrize(
    ("text", "histology"),
    [
        ("history of left breast I D C stage one A comma treated with lumpectomy period", "IDC"),
        ("she has a right I L C three point one centimeters on M R I comma node negative period", "ILC"),
        ("history colon left D C I S treated with mastectomy comma no invasive disease period", "DCIS"),
        ("core comma invasive duct all carcinoma comma grade one period", "IDC"),
        ("core comma invasive lobe euler carcinoma comma grade two period", "ILC"),
    ],
)
def test_spelled_or_misheard_type_is_read(text: str, histology: str) -> None:
    assert tumor(text).get("histology") == histology


def test_letters_inside_other_words_stay_words() -> None:
    # control: "I did comma" - no type from a pronoun and a verb
    assert "histology" not in tumor("I did see her today comma I discussed the cancer period")


# ---------------------------------------------------------------- "auxiliary" heard for "axillary"


def test_auxiliary_node_biopsy_positive_is_n1() -> None:
    t = tumor("left breast I D C two centimeters comma left auxiliary lymph node biopsy positive for carcinoma period")
    assert t.get("n") == "N1"


def test_auxiliary_elsewhere_stays_word() -> None:
    # control: an auxiliary nurse is no axilla
    assert "n" not in tumor("seen with the auxiliary nurse comma invasive ductal carcinoma period")


# ---------------------------------------------------------------- a sentence said ended opens the next one


def test_relative_who_found_the_mass_does_not_own_the_biopsy() -> None:
    text = (
        "Mister Olsen is a seventy two year old man with a lump found by his daughter period mammogram showed a "
        "mass period core showed invasive ductal carcinoma comma grade three comma E R positive period"
    )
    t = tumor(text)
    assert t.get("histology") == "IDC"
    assert t.get("grade") == 3
    assert t.get("er") == "positive"


def test_relative_story_in_its_own_sentence_stays_the_relatives() -> None:
    # control: the relative's cancer told in its sentence is still hers
    text = (
        "fifty year old woman comma newly diagnosed comma core pending period her sister had invasive lobular "
        "carcinoma period"
    )
    assert tumor(text).get("histology") != "ILC"


# ---------------------------------------------------------------- a number said as words after a margin or a core


def test_margin_said_as_words_is_no_size() -> None:
    text = (
        "pathology dictation period diagnosis colon invasive ductal carcinoma comma measuring two point one "
        "centimeters period margins negative comma closest margin deep at zero point two centimeters period"
    )
    assert tumor(text).get("size_cm") == 2.1


def test_core_length_said_as_words_is_no_size() -> None:
    text = (
        "pathology dictation period clinical history colon mass two point four centimeters on ultrasound period "
        "diagnosis colon invasive ductal carcinoma comma longest core length one point one centimeters period"
    )
    assert tumor(text).get("size_cm") == 2.4


def test_tumour_size_said_as_words_still_read() -> None:
    # control: the tumour's own size said as words stays read
    assert (
        tumor("core showed invasive ductal carcinoma comma measuring one point eight centimeters period").get("size_cm")
        == 1.8
    )


# ---------------------------------------------------------------- receptors: intensity and Allred said


def test_intensity_before_positive_is_positive() -> None:
    t = tumor("Core: IDC grade 2, ER moderate positive, PR weak positive, HER2 negative.")
    assert t.get("er") == "positive"
    assert t.get("pr") == "positive"


def test_allred_said_as_words() -> None:
    t = tumor(
        "I D C comma E R Allred six out of eight comma P R Allred zero out of eight comma her two negative period"
    )
    assert t.get("er") == "positive"
    assert t.get("pr") == "negative"


# ---------------------------------------------------------------- age said after a template's colon


def test_age_colon_said() -> None:
    assert facts("new patient template period age colon sixty three comma sex colon female period").get("age") == 63


# ---------------------------------------------------------------- a biopsy still only possible


def test_mass_before_a_possible_biopsy_has_no_stage() -> None:
    text = (
        "ED note: 47F, fell, CT chest incidental 3.1 cm spiculated R breast mass with 1.6 cm R axillary node, "
        "effaced hilum. Referred to breast clinic for diagnostic imaging with possible biopsy."
    )
    t = tumor(text)
    assert "size_cm" not in t
    assert "n" not in t


def test_proven_cancer_keeps_its_size() -> None:
    # control: a biopsy-proven cancer is staged even with another biopsy possible
    text = "Core bx: IDC grade 2, 2.2 cm on US. Contralateral MRI focus - with possible biopsy next week."
    assert tumor(text).get("size_cm") == 2.2


# ---------------------------------------------------------------- a study's date in brackets


def test_ct_date_in_brackets_is_no_nottingham_score() -> None:
    text = "IDC, Nottingham grade 3 (3+3+2). CT chest/abd/pelvis with contrast (4/9): no metastases."
    assert tumor(text).get("grade") == 3


def test_score_after_the_tumour_still_read() -> None:
    # control: a score out of nine after the tumour's words is its grade
    assert tumor("Core: IDC (7/9), ER 90%.").get("grade") == 2
