"""round 16g: stage fields read by clinical meaning (annotation guide 2, tumor.size_cm / tumor.n / tumor.her2).

What a clinician checks: a mass measured before any cancer is proven is no tumour to stage; a skin patch measured over
a tumour is not the tumour; a tumour board's own "Discussion:" staging is the patient's, not a relative's; a node's
biopsy pending leaves the axilla open; an axillary node's cytology report that is positive is N1; "her 20s" is an age.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rightscan.adapters.text import extract


def _tumor(text: str) -> dict:
    return extract(text).facts.get("tumor") or {}


# ---------------------------------------------------------------- no cancer proven yet: no size, no word-read N
@pytest.mark.parametrize(
    "text",
    [
        "Nurse note. 52F referred: L breast 2:00 mass 1.9 cm, BI-RADS 5. Core biopsy scheduled Friday. No tissue "
        "diagnosis yet. No palpable axillary nodes.",
        "61 yo woman, R breast mass 24 mm on US, U5. Biopsy results are awaited. Axilla clinically negative.",
        "Clinic: 29F, L breast lump, US 2.2 cm oval circumscribed mass. Core: fibroadenoma, concordant. No LAD.",
        "US core R breast, 31F. Benign breast tissue, no malignancy seen. Concordant with 14 mm U3 lesion.",
    ],
)
def test_a_mass_before_any_cancer_is_proven_has_no_tumour_stage(text: str) -> None:
    tumor = _tumor(text)
    assert "size_cm" not in tumor
    assert "n" not in tumor


@pytest.mark.parametrize(
    ("text", "size"),
    [
        # proven by tissue: the size stands, a pending node biopsy elsewhere notwithstanding
        ("58F, L breast IDC grade 2 on core, ER+ PR+ HER2-, US 1.9 cm. Staging question.", 1.9),
        # the patient tells of her proven cancer in her own words: no pending or benign cue, the size stands
        ("hi its Mary, the biopsy came back cancer and the surgeon said its 1.3 cm. do I need a bone scan?", 1.3),
    ],
)
def test_a_proven_cancer_keeps_its_size(text: str, size: float) -> None:
    assert _tumor(text).get("size_cm") == size


# ---------------------------------------------------------------- a skin patch is not the tumour
@pytest.mark.parametrize(
    "patch",
    ["2 cm area of skin erythema overlying the mass", "3 cm of redness over it", "4 cm patch of peau d'orange"],
)
def test_a_skin_patch_over_the_tumour_is_not_its_size(patch: str) -> None:
    text = f"Core: invasive ductal carcinoma, grade 3. MRI: irregular mass 5.8 cm. Exam: hard mass R breast, {patch}."
    assert _tumor(text).get("size_cm") == 5.8


def test_an_erythematous_mass_is_still_measured() -> None:
    assert _tumor("Core: IDC grade 3. Exam: 6 cm erythematous mass R breast.").get("size_cm") == 6.0


# ---------------------------------------------------------------- a board's discussion after a family history
@pytest.mark.parametrize("heading", ["Discussion", "Summary", "Conclusion", "MDT discussion"])
def test_the_boards_own_staging_after_a_family_history_is_the_patients(heading: str) -> None:
    text = (
        "Path (core): invasive ductal carcinoma, grade 3.\nFHx: mother breast ca dx 45, died w/ bone mets.\n"
        f"Genetics referral placed.\n\n{heading}: cT3 cN2a (matted nodes) R breast cancer, stage IIIA.\n"
    )
    tumor = _tumor(text)
    assert tumor.get("t") == "T3"
    assert tumor.get("n") == "N2a"
    assert "m" not in tumor  # the mother's bone metastases stay hers


# ---------------------------------------------------------------- a node's biopsy pending
def test_a_pending_node_biopsy_leaves_the_axilla_open() -> None:
    text = (
        "Diagnosis: R breast IDC, grade 3, 2.4 cm on US.\nAxilla: US one R level I node with cortical thickening, FNA "
        "done, result pending.\nExam: R axilla: no palpable nodes."
    )
    assert "n" not in _tumor(text)


def test_without_a_pending_node_the_clinically_negative_axilla_is_n0() -> None:
    text = "Diagnosis: R breast IDC, grade 3, 2.4 cm on US.\nExam: R axilla: no palpable nodes."
    assert _tumor(text).get("n") == "N0"


# ---------------------------------------------------------------- an axillary node's cytology report
@pytest.mark.parametrize("result", ["POSITIVE FOR MALIGNANCY", "Metastatic carcinoma", "malignant"])
def test_a_positive_axillary_node_report_is_n1(result: str) -> None:
    text = (
        "CYTOPATHOLOGY REPORT\nSpecimen: FNA, left axillary lymph node (US-guided)\nClinical: 55F, L breast IDC "
        f"3.1 cm, untreated.\nDIAGNOSIS: {result}.\n"
    )
    assert _tumor(text).get("n") == "N1"


def test_a_negative_axillary_node_report_is_not_read_as_n1() -> None:
    text = (
        "CYTOPATHOLOGY REPORT\nSpecimen: FNA, left axillary lymph node\nClinical: 55F, L breast IDC 3.1 cm.\n"
        "DIAGNOSIS: Negative for malignancy. Reactive lymphoid cells.\n"
    )
    assert _tumor(text).get("n") != "N1"


# ---------------------------------------------------------------- "her 20s" is no HER2
@given(decade=st.sampled_from(["20s", "30s", "40's", "teens", "50s"]), lead=st.sampled_from(["since", "in", "from"]))
@settings(max_examples=25, deadline=None)
def test_her_decade_is_no_her2(decade: str, lead: str) -> None:
    text = f"Core: IDC grade 2, ER 90%, PR 40%, HER2 pending. Migraines {lead} her {decade}, same pattern, no change."
    assert "her2" not in _tumor(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [("her 2 negative by IHC score 0", "negative"), ("HER2 0 by IHC", "negative"), ("HER2: IHC 3+", "positive")],
)
def test_her2_results_still_read(text: str, value: str) -> None:
    assert _tumor(f"Core: IDC grade 2. {text}.").get("her2") == value


# ---------------------------------------------------------------- the immunoreactive score before the percentage
@pytest.mark.parametrize(
    ("receptors", "er", "pr"),
    [("ER IRS 12 (100%), PR IRS 4 (30%)", "positive", "positive"),
     ("ER IRS 0 (0%), PR IRS 0 (0%)", "negative", "negative"),
     ("ER IRS 9/12 (80%), PR IRS 0/12 (0%)", "positive", "negative")],
)  # fmt: skip
def test_the_percentage_after_an_irs_score_decides(receptors: str, er: str, pr: str) -> None:
    tumor = _tumor(f"Core: invasive lobular carcinoma left breast, G2, {receptors}, HER2 score 1+.")
    assert (tumor.get("er"), tumor.get("pr")) == (er, pr)


def test_a_sentinel_node_biopsy_planned_leaves_the_clinical_n0() -> None:
    text = (
        "Impression: Ca right breast, IDC grade 2, 2 cm.\nRight axilla - no palpable nodes.\n"
        "- Breast conservation surgery with sentinel node biopsy planned."
    )
    extraction = extract(text)
    assert (extraction.facts.get("tumor") or {}).get("n") == "N0"
    assert not [i for i in extraction.to_confirm if i["field"] == "tumor.n"]
