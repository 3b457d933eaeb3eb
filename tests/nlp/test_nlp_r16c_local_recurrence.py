"""Round 16c: a treated breast cancer with a new finding in the treated breast, chest wall, skin, scar or regional
nodes is a suspected local recurrence (annotation guide, setting), in our own words, each with controls that must stay
surveillance:

- a local recurrence named by its site in words the reader missed: the skin, the breast itself ("recurrence in the
  conserved breast", "ipsilateral L breast recurrence"), the nodes above the collarbone, "locally recurrent";
- nodules, lumps or bumps described by colour, feel or size on the chest wall, the scar, the flap or within the
  radiation field; a node above the collarbone or a hard lump in the armpit;
- a breast study read suspicious (BI-RADS 4-5, M4-5, U4-5, new calcifications or distortion) after treatment;
- controls: stable post-treatment changes (fat necrosis known and stable, a benign seroma, lymphoedema), findings
  denied, and a finding whose biopsy was read benign stay surveillance; a suspicious study of the year the first
  cancer was found is no new finding."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import facts


def _setting(text: str) -> Any:
    return facts(text).get("setting")


def _reason(text: str) -> str:
    from rightscan.adapters.text import extract

    return " ".join(a["reason"] for a in extract(text).assumptions if a["field"] == "setting")


LOCAL = "suspected_local_recurrence"

# ------------------------------------------------------------------ the site of the recurrence named in words
NAMED_SITE = [
    "MDT: 67F, L WLE + RT 2014 for IDC ER+. Core biopsy confirms ipsilateral L breast recurrence, 9 mm. Plan "
    "mastectomy.",
    "Clinic: 59F s/p R mastectomy 2019 for ILC. Examination suspicious for dermal recurrence; punch biopsy sent.",
    "Letter: 72F treated 2012 by lumpectomy and radiotherapy for IDC. Imaging worrying for recurrence in the conserved "
    "breast; MRI booked.",
    "Tumour board: 48F, R mastectomy + PMRT 2020 for IDC, HER2+. Locally recurrent disease on the chest wall, biopsy "
    "proven. PET-CT for staging.",
    "63F, s/p L mastectomy 2018 for IDC, letrozole x5 yrs. FNA of a 14 mm node: supraclavicular recurrence. PET/CT.",
]


def test_local_recurrence_named_by_its_site() -> None:
    for note in NAMED_SITE:
        assert _setting(note) == LOCAL, note


# ------------------------------------------------------------------ a finding described on the chest wall, scar, nodes
DESCRIBED = [
    "Onc review: 61F, R mastectomy 2017 + PMRT for IDC. Two small violaceous firm nodules on the right chest wall "
    "for a month. Punch biopsy today.",
    "Phone note: 54 yo woman, L mastectomy 2021 for IDC, tamoxifen. Several tiny raised red spots and bumps along "
    "her scar since last month.",
    "57F, L lumpectomy + RT 2016 for IDC on exemestane. Crop of pink papules within the radiation field, 3 weeks.",
    "Survivorship clinic: 66F s/p R WLE 2018 for IDC. A hard 1.5 cm gland above the right collarbone for 2 weeks.",
    "58F, R mastectomy 2019 for IDC; on anastrozole. Enlarged hard node in the R axilla on exam. US-guided core "
    "planned.",
    "Follow-up: 69F, L BCT 2015 for IDC, completed AI. Diagnostic mammogram L breast: new architectural distortion "
    "at the lumpectomy site, BI-RADS 4C. Stereotactic biopsy booked.",
]


def test_local_finding_in_words_is_a_suspected_local_recurrence() -> None:
    for note in DESCRIBED:
        assert _setting(note) == LOCAL, note
        assert "new finding in the breast, chest wall, skin or regional nodes" in _reason(note), note


# ------------------------------------------------------------------ controls: routine follow-up, denied, benign
ROUTINE = [
    # stable post-treatment changes
    "Annual review: 64F s/p R lumpectomy + RT 2018 for IDC, letrozole. Known fat necrosis at the lumpectomy site, "
    "unchanged. Small benign seroma. Mild stable lymphoedema R arm. Mammogram BI-RADS 2. See in 12 months.",
    # findings denied
    "Follow-up visit: 60F, L mastectomy 2020 for IDC, tamoxifen. Chest wall: no nodules, masses or skin changes. No "
    "lumps along the scar. No axillary or supraclavicular nodes. Continue tamoxifen, review in 1 yr.",
    # a finding resolved as benign by its biopsy
    "Review: 56F s/p R WLE + RT 2019 for IDC on anastrozole. She felt a lump near the scar in the spring; core "
    "biopsy showed fat necrosis, benign and concordant. Routine annual mammogram.",
    "Review: 62F s/p L mastectomy 2017 for ILC. Nodule at the mastectomy scar excised 09/2026: suture granuloma, no "
    "malignancy. Continue routine follow-up.",
    # the suspicious study is the one that found the first cancer
    "Annual visit: 58F, R WLE 2018 for IDC found on screening, mammogram 2018 BI-RADS 5. On letrozole. This year's "
    "mammogram BI-RADS 2. Return in 1 yr.",
]


def test_routine_follow_up_stays_surveillance() -> None:
    for note in ROUTINE:
        assert _setting(note) == "surveillance", note


def test_a_benign_result_to_come_resolves_nothing() -> None:
    # the biopsy is still to be done, or its aim is to tell benign from malignant: the finding stands
    note = (
        "61F s/p L mastectomy 2020 for IDC. New 1 cm nodule at the mastectomy scar. Core biopsy to distinguish "
        "recurrence vs fat necrosis booked."
    )
    assert _setting(note) == LOCAL


# ------------------------------------------------------------------ property: a denied finding is never a new one
_LESIONS = st.sampled_from(["nodules", "nodule", "lumps", "bumps", "masses", "papules", "lesions"])
_SITES = st.sampled_from(["on the chest wall", "along the scar", "at the mastectomy scar", "within the RT field",
                          "in the reconstruction", "above the left collarbone"])  # fmt: skip
_DENIALS = st.sampled_from(["No", "There are no", "Denies", "Without any", "Negative for"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(denial=_DENIALS, lesion=_LESIONS, site=_SITES)
def test_denied_local_finding_keeps_surveillance(denial: str, lesion: str, site: str) -> None:
    note = (
        f"Routine follow-up: 63F s/p L mastectomy 2019 for IDC, on letrozole. {denial} {lesion} {site}. Continue "
        "letrozole."
    )
    assert _setting(note) == "surveillance", note
