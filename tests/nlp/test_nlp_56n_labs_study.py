"""Round 56n (v56 blind, class: the setting, the study considered and the labs): lab values dictated with their upper
limit said in words, a panel's limits each with its bound sign, a trend told over a span of time, a one-row results
table whose range stands in its header - new wordings, not the set's sentences, with controls that keep their
reading (an old value stays old, a normal value is no abnormal lab, a limit that does not pair stays unread)."""

from __future__ import annotations

import pytest

from nlp_helpers import facts

_DICTATED = "seventy one year old woman with history of right breast cancer status post mastectomy comma "


def _labs(text: str) -> dict:
    return facts(text).get("labs", {})


# ---------------------------------------------------------------- a dictated lab and its upper limit said in words


@pytest.mark.parametrize(
    ("said", "code", "value", "uln"),
    [
        ("alk phos one sixty two comma upper limit of normal one thirty period", "alkaline_phosphatase", 162, 130),
        ("A L T ninety four comma reference range seven to fifty two period", "alt", 94, 52),
        ("bilirubin two point six with the upper limit of normal one point two period", "bilirubin", 2.6, 1.2),
        ("total bili one point nine comma normal less than one point two period", "bilirubin", 1.9, 1.2),
        ("alkaline phosphatase three hundred twelve comma normal range forty to one twenty six period",
         "alkaline_phosphatase", 312, 126),
    ],
)
def test_dictated_value_with_its_limit_in_words(said: str, code: str, value: float, uln: float) -> None:
    labs = _labs(_DICTATED + "now with new fatigue period " + said + " plan colon imaging period")
    assert labs.get(code) == {"value": value, "uln": uln}


def test_dictated_normal_value_stays_normal() -> None:
    # control: a value below its limit is read as it is, never as a raised test
    labs = _labs(_DICTATED + "routine visit period alk phos eighty one comma upper limit of normal one twenty nine "
                 "period no new complaints period")
    assert labs.get("alkaline_phosphatase") == {"value": 81, "uln": 129}


def test_dictated_value_without_limit_reads_no_limit() -> None:
    # control: "comma" followed by other words is no range; the value has no limit and no reading invents one
    labs = _labs(_DICTATED + "alk phos one sixty two comma normal exam otherwise period plan colon bone scan period")
    assert labs.get("alkaline_phosphatase", {}).get("uln") is None


# ---------------------------------------------------------------- a panel's limits each with its own bound sign


def test_panel_limits_with_bound_signs() -> None:
    labs = _labs("Hx L breast ca s/p WLE 2018. Chem: AST/ALT 31/66 (ULN <=35 / <=45).")
    assert labs.get("ast") == {"value": 31, "uln": 35}
    assert labs.get("alt") == {"value": 66, "uln": 45}


def test_panel_limits_that_do_not_pair_stay_unread() -> None:
    # control: two tests and three limits: which limit is whose is not said
    labs = _labs("Hx L breast ca s/p WLE 2018. Chem: AST/ALT 31/66 (ULN <=35 / <=45 / <=120).")
    assert "alt" not in labs


# ---------------------------------------------------------------- a trend told over a span of time


def test_trend_over_a_span_reads_the_last_value() -> None:
    labs = _labs("Hx R breast ca 2016 s/p lumpectomy. Alk phos 104 -> 171 over the last 4 months (ref 40-129).")
    assert labs.get("alkaline_phosphatase") == {"value": 171, "uln": 129}


def test_falling_trend_over_a_span_keeps_the_current_normal_value() -> None:
    # control: the old raised value stays old; the current one is normal
    labs = _labs("Hx R breast ca 2016 s/p lumpectomy. ALP 162 -> 118 -> 96 across two years (ref 40-129).")
    assert labs.get("alkaline_phosphatase") == {"value": 96, "uln": 129}


# ---------------------------------------------------------------- a one-row table with the range in its header


def test_one_row_table_with_range_in_header_reads_latest() -> None:
    note = (
        "Follow-up, L breast IDC 2017 s/p mastectomy.\n"
        "Bloods:\n"
        "              03/2024    09/2024    04/2025   (normal range 35-105)\n"
        "  ALP            142        118         97\n"
        "\n"
        "Well, no complaints.\n"
    )
    assert _labs(note).get("alkaline_phosphatase") == {"value": 97, "uln": 105}


def test_table_of_several_rows_does_not_share_the_header_range() -> None:
    # control: with two rows below, whose range the header prints is not said: no limit is read for either
    note = (
        "Follow-up, L breast IDC 2017 s/p mastectomy.\n"
        "Bloods:\n"
        "              03/2024    09/2024    04/2025   (normal range 35-105)\n"
        "  ALP            142        118         97\n"
        "  ALT             22         25         31\n"
        "\n"
        "Well, no complaints.\n"
    )
    labs = _labs(note)
    assert labs.get("alkaline_phosphatase", {}).get("uln") is None
    assert labs.get("alt", {}).get("uln") is None


# ---------------------------------------------------------------- the study considered, named in lay or spoken words


def test_lay_ct_of_chest_belly_pelvis_is_the_staging_ct() -> None:
    from nlp_helpers import order_of

    note = "Portal msg: 4 yrs after my L lumpectomy, all fine. Could you order a CT of my chest, tummy and pelvis?"
    assert order_of(note) == "ct_cap_contrast"


def test_lay_ct_of_chest_alone_stays_chest() -> None:
    # control: the chest alone is the chest CT, not the staging CT of three regions
    from nlp_helpers import order_of

    assert order_of("Portal msg: 4 yrs after my L lumpectomy. Could you order a CT of my chest?") != "ct_cap_contrast"


def test_spoken_fes_letters_before_pet_are_the_fes_pet() -> None:
    from nlp_helpers import order_of

    note = ("sixty year old with history of lobular carcinoma comma mastectomy and letrozole period indeterminate "
            "sclerotic spine foci period we will obtain an F E S PET C T period")
    assert order_of(note) == "fes_pet"


def test_spoken_pet_without_fes_stays_fdg_pet() -> None:
    # control: a PET said without the tracer's letters is the usual FDG PET/CT
    from nlp_helpers import order_of

    note = ("sixty year old with history of lobular carcinoma comma mastectomy and letrozole period indeterminate "
            "sclerotic spine foci period we will obtain a P E T scan period")
    assert order_of(note) == "pet_ct"
