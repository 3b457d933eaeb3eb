"""Round 38l (v38 blind ao-014, ao-020, ao-029, ao-038, am-022): a treated cancer's new finding read as follow-up or a
new diagnosis, in other wordings.

1. An operation written straight after "hx" ("hx R mastectomy '19") is done: the cancer is a treated one.
2. A new finding of the chest wall or skin told with its side and no preposition ("3 tiny skin nodules L chest wall"),
   or a spot on the reconstructed breast, is a suspected local recurrence.
3. A regional node described by its feel and size before its name ("palpable 2 cm L axillary node") is a new finding;
   a full stop the sentence splitter kept ("... 2019 for IDC. palpable ...") does not date it with the year before.
4. A liver or bone test higher than its earlier value ("ALP back at 168 (ref 35-105), was 110 in May") is a rising test
   (suspected distant recurrence), not the mildly raised ALP alone that leaves the setting open; its value is read
   after words of change ("back at", "has risen to", "up to").
5. A routine follow-up visit whose mildly raised ALP the note puts down to a benign cause ("likely related to vit D
   deficiency") stays surveillance.
Controls: follow-up with no new finding stays surveillance; a denied or benign-explained finding is no recurrence; a
node told as the cancer's presentation in the dated sentence is not new; a mildly raised ALP, unexplained and not
rising, still leaves the setting open; a falling ALP is not rising.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts


def _setting(note: str) -> str | None:
    return facts(note).get("setting")


# ------------------------------------------------------------------ 1-2. "hx <operation>", chest wall and skin findings
@pytest.mark.parametrize(
    "note",
    [
        "CT chest. 61F, hx L mastectomy '18 (IDC ER+/PR-/HER2-), now 3 tiny skin nodules L chest wall, bx booked.",
        "63F hx R mastectomy 2017 for ILC. New firm nodules R chest wall x 2 wks. Eval please.",
        "Pt 58F, hx bilateral mastectomy '20 for L IDC. Several small nodules L chest wall noted by pt, bx pending.",
        "55F s/p R mastectomy + DIEP recon 2019 (IDC). She has a new pink 4 mm spot on R reconstructed breast skin.",
    ],
)
def test_a_new_chest_wall_or_skin_finding_after_mastectomy_is_a_suspected_local_recurrence(note: str) -> None:
    out = facts(note)
    assert out.get("prior_surgery") == "mastectomy"
    assert out.get("setting") == "suspected_local_recurrence"


@pytest.mark.parametrize(
    "note",
    [
        # nothing new: routine follow-up
        "Annual f/u. 61F hx L mastectomy '18 for IDC ER+. No new lumps, chest wall smooth, no skin nodules. NED.",
        # a finding read benign on its biopsy
        "60F hx R mastectomy 2018 for IDC. Small nodule R chest wall, punch bx: fat necrosis, benign. Routine f/u.",
    ],
)
def test_control_follow_up_without_a_new_suspicious_finding_is_no_recurrence(note: str) -> None:
    assert _setting(note) != "suspected_local_recurrence"


def test_control_a_planned_operation_after_hx_is_not_done() -> None:
    note = "Hx: L lumpectomy planned next week for newly diagnosed IDC, core bx 11/2025, ER+ PR+ HER2-."
    assert facts(note).get("prior_surgery") is None


# ------------------------------------------------------------------ 3. a regional node described before its name
@pytest.mark.parametrize(
    "note",
    [
        "US AXILLA L. 52F hx L BCT 2019 for IDC, pN0(sn). palpable 2 cm L axillary node x 1 mo. eval",
        "US neck/SCF. 57F s/p R lumpectomy 2018 for IDC, pN1. new firm 1.2 cm R supraclavicular node. r/o recurrence",
        "66F, 5 yrs post L WLE + RT for ILC. Enlarged 1.8 cm L axillary LN on exam today.",
    ],
)
def test_a_regional_node_described_by_feel_and_size_after_treatment_is_a_local_recurrence(note: str) -> None:
    assert _setting(note) == "suspected_local_recurrence"


@pytest.mark.parametrize(
    "note",
    [
        # the node is the first cancer's presentation, told in the dated sentence
        "Hx R BCT 2020 for IDC; palpable 1.5 cm R axillary LN at presentation, pN1. now routine f/u, no complaints.",
        # denied
        "Annual f/u. 60F hx L BCT 2019 for IDC. No palpable axillary nodes, no supraclavicular LAD. Mammo BI-RADS 2.",
    ],
)
def test_control_a_node_of_the_first_cancer_or_a_denied_one_is_no_new_finding(note: str) -> None:
    assert _setting(note) == "surveillance"


# ------------------------------------------------------------------ 4. a rising liver or bone test
@pytest.mark.parametrize(
    ("note", "value"),
    [
        ("Mrs K, 5 yrs post L lumpectomy for IDC. ALP has risen to 170 (ref 40-130), previously 95. Bone scan?", 170.0),
        (
            "s/p R mastectomy 2019, ER+ ILC. alk phos 150 (30-120), up from 88 in March. ?bone scan vs repeat labs",
            150.0,
        ),
        (
            "Treated L IDC 2018 (lumpectomy + RT). ALP now up to 140 (35-105), was 90 last year. Bone scan ordered.",
            140.0,
        ),
    ],
)
def test_an_alp_higher_than_its_earlier_value_is_a_suspected_distant_recurrence(note: str, value: float) -> None:
    out = facts(note)
    assert out["labs"]["alkaline_phosphatase"]["value"] == value
    assert out.get("setting") == "suspected_distant_recurrence"


@pytest.mark.parametrize(
    "note",
    [
        # mildly raised, no earlier value, a scan asked: left open (the note does not say whether spread is suspected)
        "s/p L lumpectomy 2019 for IDC. ALP 130 (ref 35-105), AST 20 (0-40). bone scan or just fractionate first?",
        # falling from an earlier value: no rising test
        "s/p L lumpectomy 2019 for IDC. ALP 130 (ref 35-105), was 150 in May, AST 20 (0-40). bone scan or fractionate?",
    ],
)
def test_control_a_mild_alp_neither_rising_nor_explained_leaves_the_setting_open(note: str) -> None:
    assert _setting(note) is None


# ------------------------------------------------------------------ 5. a mild ALP put down to a benign cause
@pytest.mark.parametrize(
    "note",
    [
        "Survivorship visit. 64F s/p R BCT 2019 for IDC, on letrozole. ALP 140 (40-129), AST 22 (0-40). Mild ALP rise "
        "most likely bone turnover on the AI. No imaging.",
        "Annual f/u - 59F, L lumpectomy 2018 for ILC. ALP 128 (35-105), ALT 20 (0-45). ALP slightly up, probably from "
        "her healing wrist fracture (fell in Oct). Recheck 3 mo.",
        "Follow-up visit. 70F hx R mastectomy 2016 for IDC. Alk phos 118 (35-104), AST 25 (10-35). Alk phos likely due "
        "to low vitamin D (25-OH D 12). Replete, recheck.",
    ],
)
def test_a_routine_visit_with_a_mild_alp_put_down_to_a_benign_cause_stays_surveillance(note: str) -> None:
    assert _setting(note) == "surveillance"


@pytest.mark.parametrize(
    "note",
    [
        # the cause only wondered about, against bone spread
        "Annual f/u - 59F, L lumpectomy 2018 for ILC. ALP 128 (35-105), ALT 20 (0-45). ALP up: vit D vs bone mets? "
        "Bone scan.",
        # rising, even with a benign cause guessed: distant spread is suspected
        "Annual f/u - 59F, L lumpectomy 2018 for ILC. ALP 160 (35-105), was 90 in May. Bone scan to r/o mets.",
    ],
)
def test_control_a_cause_only_wondered_about_keeps_no_surveillance(note: str) -> None:
    assert _setting(note) != "surveillance"
