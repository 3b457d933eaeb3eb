"""Round 41x (v41 blind: UK/Irish/Commonwealth clinic letters and MDT forms): the clinical T and N categories as those
letters and forms write them, in other words than the blind notes, with controls that must not change.

1. (coverage) A bare T category right before the tumour's noun ("a node negative T3 tumour", "her T1c breast
   cancer", "a T2 primary") is the tumour's T (v41 ax-048). Controls: an MRI sequence ("T2 tumour signal"), a
   vertebra named before another noun ("T4 vertebral tumour"), "tumours" in a guideline's plural, "T2 hyperintense".
2. (coverage) The axilla's ultrasound score on the UK five-point scale: U1/U2 (normal/benign) is a sonographically
   negative axilla, N0; U5 (malignant) a suspicious node, N1 (v41 ax-050). Controls: U3/U4 say nothing; a palpable
   node beside U1 stays N1; a treated cancer's follow-up reads no clinical N; real M1 still read.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts, tumor

NEW = "52F, new L breast invasive ductal carcinoma, 31 mm on US, grade 2, ER 8/8, HER2 negative. "


# ------------------------------------------------------------------ 1. a bare T before the tumour's noun
@pytest.mark.parametrize(
    ("note", "t"),
    [
        (NEW + "As she has a node negative T2 tumour we discussed surgery first.", "T2"),
        ("48F, new R breast IDC, grade 3. As she has a T3 tumour on MRI we discussed neoadjuvant therapy.", "T3"),
        (NEW + "Her T2 breast cancer is suitable for breast conservation.", "T2"),
        (NEW + "Summary: a T2 primary, clinically node negative, for surgery first.", "T2"),
        ("61F newly diagnosed R breast IDC 14 mm. A T1c cancer, for WLE and SNB.", "T1c"),
    ],
)
def test_bare_t_before_the_tumour_noun(note: str, t: str) -> None:
    assert tumor(note).get("t") == t


@pytest.mark.parametrize(
    "note",
    [
        NEW + "MRI breasts: T2 tumour signal intermediate, no second lesion.",
        NEW + "MRI: a T2 hyperintense cyst in the right breast, benign.",
        NEW + "Guideline: staging is not needed for T1 or T2 tumours without symptoms.",
        "65F known metastatic breast cancer on letrozole, MRI spine: T4 vertebral tumour, new back pain.",
    ],
)
def test_no_t_from_a_sequence_a_vertebra_or_a_plural(note: str) -> None:
    assert "t" not in tumor(note)


def test_written_ct_category_unchanged() -> None:
    assert tumor(NEW + "Clinical stage cT2 cN1 M0.").get("t") == "T2"


# ------------------------------------------------------------------ 2. the axilla's U score
@pytest.mark.parametrize(
    ("note", "n"),
    [
        (NEW + "Axilla U1.", "N0"),
        (NEW + "Axillary US: U2 (benign appearing nodes).", "N0"),
        (NEW + "R axilla - U1. Plan WLE + SNB.", "N0"),
        (NEW + "Left axilla U5, core of node sent.", "N1"),
        (NEW + "Axillary ultrasound U5.", "N1"),
    ],
)
def test_axilla_u_score(note: str, n: str) -> None:
    assert tumor(note).get("n") == n


@pytest.mark.parametrize(
    ("note", "n"),
    [
        (NEW + "Axilla U3, FNA planned.", None),
        (NEW + "Axilla U4, core planned.", None),
        (NEW + "Axilla U1 but a hard palpable axillary node on exam.", "N1"),
        ("70F hx R breast IDC 2015 s/p WLE + RT, annual review. Axilla U1. Mammogram: no recurrence.", None),
    ],
)
def test_axilla_u_score_controls(note: str, n: str | None) -> None:
    assert tumor(note).get("n") == n


def test_real_metastasis_stays_beside_axilla_u1() -> None:
    f = facts(NEW + "Axilla U1. CT TAP: multiple liver metastases, biopsy-proven metastatic carcinoma.")
    assert f["tumor"].get("m") == "M1"
