"""Round 45t (v45 blind bi-026, bj-013): a treated cancer's routine follow-up whose only new finding is liver or bone
tests mildly raised, which the note itself puts down to a cause other than the cancer, read as a suspected distant
recurrence, in other wordings.

1. A mildly raised ALP put down to a benign cause (vitamin D, bone turnover) and also called raised in words ("mildly
   elevated alk phos ... likely from low vit D"), in a visit named follow-up, stays surveillance: the words are the
   same finding, not a second one.
2. Transaminases mildly raised (at most the mild multiple, bilirubin normal) and put down to a drug or a fatty liver
   ("LFTs up, likely from her statin", "transaminitis, presumed methotrexate") in a routine follow-up: surveillance.
3. (v45 bj-004) The benign cause written after a dash beside the result ("ALP 150 (40-129) - healing wrist fracture")
   attributes it as "likely" does.
Controls (safety): a red-flag symptom beside them, a metastasis sought or wondered about, a cause only wondered
about ("MTX vs mets?"), transaminases far above the mild multiple, a raised bilirubin, a rising test, an unexplained
transaminase rise, all keep the distant concern (no surveillance).
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts


def _setting(note: str) -> str | None:
    return facts(note).get("setting")


# ------------------------------------------------------------------ 1. the ALP called raised in words, a benign cause
@pytest.mark.parametrize(
    "note",
    [
        "Survivorship f/u. 66F, L lumpectomy + RT 2019 for IDC ER+, on anastrozole. ALP 150 (35-105), AST 21 (0-35), "
        "ALT 19 (0-35). Mildly elevated alk phos, most likely bone turnover on the AI. Well, no pain. Mammo due 3/26.",
        "Annual follow-up. 58F s/p R mastectomy 2017 for ILC. Alk phos 139 (40-120), ALT 24 (7-45), bili 0.6 "
        "(0.2-1.2). Raised ALP likely due to her low vitamin D (25-OH D 11); replete and recheck. Feels well.",
        "Surveillance visit. 71F, hx L BCT 2016 for IDC. ALP 175 (40-130) H, AST 20 (10-35), ALT 18 (7-35). "
        "Elevated alkaline phosphatase probably from vit D deficiency. Continue routine surveillance.",
    ],
)
def test_a_mild_alp_called_raised_and_put_down_to_a_benign_cause_stays_surveillance(note: str) -> None:
    assert _setting(note) == "surveillance"


# ------------------------------------------------------------------ 2. transaminases put down to a drug or fatty liver
@pytest.mark.parametrize(
    "note",
    [
        "Oncology follow-up. 60F, R lumpectomy/SLNB 2020 for IDC, letrozole. AST 55 (0-40), ALT 66 (0-45), ALP 90 "
        "(40-150), bili 0.5 (0.2-1.2). LFTs mildly up, likely from her atorvastatin started in spring. No symptoms.",
        "Routine f/u - 67F s/p L mastectomy 2015 (IDC). ALT 70 (7-45), AST 49 (10-40), alk phos 85 (35-105). "
        "Transaminases up, consistent with fatty liver on her recent US. Annual mammogram of the R breast.",
        "Annual follow-up visit. 59F, R BCT 2018 for ILC, on tamoxifen. AST 60 (0-35), ALT 68 (0-40), ALP 100 "
        "(40-130). Transaminitis, presumed methotrexate for her psoriasis; derm lowering the dose.",
    ],
)
def test_mild_transaminases_put_down_to_another_cause_stay_surveillance(note: str) -> None:
    assert _setting(note) == "surveillance"


# ------------------------------------------------------------------ controls: the distant concern stands
@pytest.mark.parametrize(
    "note",
    [
        # a red-flag symptom beside the explained test
        "Oncology follow-up. 60F, R lumpectomy/SLNB 2020 for IDC. AST 55 (0-40), ALT 66 (0-45), ALP 90 (40-150). LFTs "
        "mildly up, likely from her statin. New constant back pain at night x 4 wks.",
        # the cause only wondered about, against spread
        "Routine f/u - 67F s/p L mastectomy 2015 (IDC). ALT 70 (7-45), AST 49 (10-40), alk phos 85 (35-105). "
        "Transaminases up: MTX vs liver mets? CT abdomen.",
        # far above the mild multiple
        "Annual follow-up visit. 59F, R BCT 2018 for ILC. AST 190 (0-35), ALT 240 (0-40), ALP 100 (40-130). "
        "Transaminitis, presumed methotrexate.",
        # a raised bilirubin
        "Annual follow-up. 62F s/p R mastectomy 2016 for IDC. AST 52 (0-40), ALT 60 (0-45), bili 2.4 (0.2-1.2). "
        "LFTs up, likely fatty liver.",
        # unexplained
        "Oncology follow-up. 60F, R lumpectomy/SLNB 2020 for IDC. AST 55 (0-40), ALT 66 (0-45), ALP 90 (40-150). "
        "Transaminases elevated, no clear cause.",
        # the ALP explained, the transaminases not
        "Survivorship f/u. 66F, L lumpectomy 2019 for IDC. ALP 150 (35-105), AST 61 (0-35), ALT 70 (0-35). "
        "ALP likely bone turnover on the AI.",
    ],
)
def test_control_the_distant_concern_stands(note: str) -> None:
    assert _setting(note) == "suspected_distant_recurrence"


def test_control_a_rising_alp_with_a_benign_cause_guessed_is_no_surveillance() -> None:
    note = ("Annual f/u - 59F, L lumpectomy 2018 for ILC. ALP 160 (35-105), was 110 in May. Raised ALP likely from "
            "low vit D. Bone scan.")  # fmt: skip
    assert _setting(note) != "surveillance"


def test_control_the_symptom_itself_is_still_read() -> None:
    note = ("Oncology follow-up. 60F, R lumpectomy/SLNB 2020 for IDC. AST 55 (0-40), ALT 66 (0-45). LFTs mildly up, "
            "likely from her statin. New constant back pain at night x 4 wks.")  # fmt: skip
    assert facts(note).get("symptoms")


# ------------------------------------------------------------------ 3. the cause after a dash beside the result
@pytest.mark.parametrize(
    "note",
    [
        "Follow-up visit. 70F s/p R lumpectomy 2017 for IDC. Labs: ALP 138 (35-105) - vit D deficiency; AST 20 (0-35). "
        "No complaints. Mammo 5/2026.",
        "Oncology follow-up. 68F s/p L mastectomy 2016 for ILC. ALP 150 (40-129) - healing wrist fracture, ALT 19 "
        "(0-35). Well.",
        "Annual f/u. 75F, hx R BCT 2015 (IDC). Alk phos 120 (35-104) – Paget's, known to rheum. AST 18 (0-35). NED.",
    ],
)
def test_a_benign_cause_after_a_dash_keeps_a_mild_alp_routine(note: str) -> None:
    assert _setting(note) == "surveillance"


@pytest.mark.parametrize(
    "note",
    [
        # the cause followed by a doubt
        "Oncology follow-up. 68F s/p L mastectomy 2016 for ILC. ALP 150 (40-129) - healing wrist fracture vs bone "
        "mets? ALT 19 (0-35). Bone scan.",
        "Follow-up visit. 64F s/p R BCT 2019 for IDC. ALP 140 (40-129), AST 22 (0-40). Mild ALP rise most likely bone "
        "turnover on the AI vs bone mets? Bone scan.",
    ],
)
def test_control_a_cause_followed_by_a_doubt_attributes_nothing(note: str) -> None:
    assert _setting(note) != "surveillance"


def test_control_a_dash_without_a_cause_attributes_nothing() -> None:
    note = "Oncology follow-up. 68F s/p L mastectomy 2016 for ILC. ALP 150 (40-129) - recheck, ALT 19 (0-35). Well."
    assert _setting(note) != "surveillance"
