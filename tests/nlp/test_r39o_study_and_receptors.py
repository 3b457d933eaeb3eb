"""Round 39o (v39 blind: trial, OCR'd and transfer notes): the study considered now and the receptors, in other words
than the blind notes, each class with controls that must not change.

Classes: an order entered and held ("pended"); a warning told as a condition after "only if" stays hypothetical;
a transfer summary's recommendations to the receiving team and a chart prep's agenda for the visit, headings that
propose what is under them; a receptor's result named as its status or result, or after its method and clone in
brackets; a trial's name joined to HER2 by a hyphen, no sign; the receptor signs after a tumour told at a clock
position; OCR's letter-for-digit swaps in a receptor's percentage or IHC score.
"""

from __future__ import annotations

import pytest

from nlp_helpers import order_of, symptom_codes, tumor

NEW_DX = "58F, newly diagnosed L breast IDC, cT2 cN1, grade 2, ER+ PR+ HER2-. "
TREATED = "69F, hx R breast IDC 2016 s/p lumpectomy + RT, completed AI 2021. "


# ------------------------------------------------------------------ an order entered and held ("pended")
@pytest.mark.parametrize(
    ("note", "study"),
    [
        (NEW_DX + "Bone scan pended for Dr. Ruiz to sign after she reviews the ALP.", "bone_scan"),
        (TREATED + "New R hip pain x 6 wks. PET/CT was pended by the covering NP on Friday.", "pet_ct"),
        (
            NEW_DX + "The referring office had pended a CT chest/abdomen/pelvis with IV contrast; team to review.",
            "ct_cap_contrast",
        ),
    ],
)
def test_a_pended_study_is_the_one_considered(note: str, study: str) -> None:
    assert order_of(note) == study


@pytest.mark.parametrize(
    "note",
    [
        # a study done, with its result: not the order
        TREATED + "Bone scan 10/2: no metastatic disease. Labs pended for next visit.",
        # labs pended, no study named as held
        NEW_DX + "CBC and CMP pended. Surgery consult next week.",
        # a study declined outright
        TREATED + "Asymptomatic, normal exam. No PET/CT indicated; will not order.",
    ],
)
def test_pended_controls_keep_no_order(note: str) -> None:
    assert order_of(note) is None


# ------------------------------------------------------------------ a condition after a plan (no cue of its own)
def test_a_symptom_after_only_if_stays_hypothetical() -> None:
    # a warning told as a condition after "only if" ("US shoulder only if weakness develops") is no symptom she has
    note = TREATED + "R shoulder pain after painting. Plan: XR R shoulder today; US shoulder only if weakness develops."
    assert "neurologic_deficit" not in symptom_codes(note)


# ------------------------------------------------------------------ transfer recommendations and a visit's agenda
@pytest.mark.parametrize(
    ("note", "study"),
    [
        (
            "TRANSFER SUMMARY\n"
            + TREATED
            + "Admitted with new back pain and ALP 240 (35-105).\n"
            + "Recommendations to receiving physician:\n1. MRI thoracic and lumbar spine w/ and w/o contrast\n"
            + "2. Pain control per palliative care",
            "mri_spine_wwo",
        ),
        (
            "Inter-facility transfer note\n"
            + TREATED
            + "RUQ pain, ALP 300 (40-129).\nRecs for accepting team:\n- CT abdomen/pelvis w/ IV contrast\n",
            "ct_abdomen_pelvis_contrast",
        ),
        (
            "RN chart prep for new pt visit\n"
            + NEW_DX
            + "Reports L rib pain x 5 wks, night pain.\nIssues to address:\n - rib pain -> ?bone scan\n"
            + " - fertility referral",
            "bone_scan",
        ),
    ],
)
def test_recommendations_to_the_receiving_team_and_a_visit_agenda_propose(note: str, study: str) -> None:
    assert order_of(note) == study


@pytest.mark.parametrize(
    "note",
    [
        # a study done and reported, listed under the heading with its result: not the order
        "TRANSFER SUMMARY\n"
        + TREATED
        + "Recommendations to receiving physician:\n1. CT chest 11/08 showed no nodules; f/u cytology.\n",
        # nothing but referrals on the agenda
        "RN chart prep\n" + NEW_DX + "To address at visit:\n - genetics referral\n - chemo teaching\n",
        # a study done, its result on the agenda
        "RN chart prep\n" + NEW_DX + "To address at visit:\n - outside bone scan 10/2 negative, report in packet\n",
    ],
)
def test_headings_controls_keep_no_order(note: str) -> None:
    assert order_of(note) is None


# ------------------------------------------------------------------ receptor result named as its status or result
@pytest.mark.parametrize(
    ("note", "field", "value"),
    [
        (
            "R IDC, grade 2. HER2 IHC 2+ (equivocal). Addendum: FISH ratio 1.4. Overall HER2 status: negative.",
            "her2",
            "negative",
        ),
        ("L breast ILC. ER result - positive (95%).", "er", "positive"),
        ("IDC grade 3. PR status: NEGATIVE.", "pr", "negative"),
        ("IDC. HER2 (IHC, HercepTest): equivocal (2+); FISH sent.", "her2", "equivocal"),
        ("IDC. ER (SP1): positive, 80%. PR (1E2): positive.", "pr", "positive"),
    ],
)
def test_a_receptor_named_with_status_or_method_is_read(note: str, field: str, value: str) -> None:
    assert tumor(note).get(field) == value


@pytest.mark.parametrize(
    ("note", "field", "value"),
    [
        # an IHC 2+ with its ISH still pending stays equivocal
        ("IDC grade 2. HER2 IHC 2+; HER2 status: pending ISH.", "her2", "equivocal"),
        # no status given: nothing read
        ("IDC grade 2. HER2 status to be discussed at tumor board.", "her2", None),
        # a bracket that is no method: the value after it still needs its name
        ("IDC grade 2. ER (see addendum).", "er", None),
    ],
)
def test_status_controls(note: str, field: str, value: str | None) -> None:
    assert tumor(note).get(field) == value


# ------------------------------------------------------------------ a trial's name joined to HER2 by a hyphen
@pytest.mark.parametrize(
    "note",
    [
        "CONSENT -- HER2-CLIMB-09 substudy. L breast IDC, ER 5%, PR 0%, HER2 IHC 3+.",
        "Screening for HER2-DEST-4 (T-DXd). R breast IDC, ER 90%, PR 50%, HER2 IHC 2+, FISH amplified.",
        "Enrolled on HER2-REACH trial. IDC, HER2 positive (IHC 3+).",
    ],
)
def test_a_trial_name_after_her2_is_no_negative_sign(note: str) -> None:
    assert tumor(note).get("her2") == "positive"


@pytest.mark.parametrize(
    ("note", "her2"),
    [
        ("IDC grade 2, ER-PR-HER2+.", "positive"),  # control: a receptor name after the hyphen keeps the sign
        ("IDC grade 2, ER+/PR+/HER2-.", "negative"),  # control: the sign at the end
        ("IDC grade 2, HER2-neg (IHC 1+).", "negative"),  # control: the word after the hyphen
    ],
)
def test_trial_name_controls(note: str, her2: str) -> None:
    assert tumor(note).get("her2") == her2


# ------------------------------------------------------------------ receptor signs after a tumour at a clock position
@pytest.mark.parametrize(
    ("note", "er", "her2"),
    [
        ("64F, L breast IDC at 2:00, 1.8 cm on US, grade 2, +/+/-, node negative.", "positive", "negative"),
        ("Newly dx R ILC 10:30 position, 2.2 cm, G2, +/-/- per core.", "positive", "negative"),
        ("New L IDC 11:00 4 cmfn, 9 mm, gr 1, -/-/+.", "negative", "positive"),
    ],
)
def test_signs_after_a_tumour_at_a_clock_position(note: str, er: str, her2: str) -> None:
    t = tumor(note)
    assert (t.get("er"), t.get("her2")) == (er, her2)


def test_signs_of_a_review_of_systems_stay_unread() -> None:
    # control: a review of systems' signs after a time of day are no receptors
    t = tumor("IDC seen 10:30. ROS fever/chills/sweats: -/-/-.")
    assert "er" not in t and "her2" not in t


# ------------------------------------------------------------------ OCR's letter-for-digit swaps in receptor values
@pytest.mark.parametrize(
    ("note", "field", "value"),
    [
        ("FINAL DIAGNOSIS: IDC, grade 2. Estrogen receptor: 8O% strong.", "er", "positive"),
        ("FINAL DIAGNOSIS: IDC. Progesterone receptor: l5% weak.", "pr", "positive"),
        ("FINAL DIAGNOSIS: IDC. HER2 IHC l+ (negative).", "her2", "negative"),
        ("FINAL DIAGNOSIS: IDC. HER2 IHC O.", "her2", "negative"),
    ],
)
def test_ocr_swaps_in_receptor_values(note: str, field: str, value: str) -> None:
    assert tumor(note).get(field) == value


def test_ocr_swap_controls() -> None:
    # an IHC 2+ with its ISH pending stays equivocal, and a letter beside no number or score is left as written
    assert tumor("IDC. HER2 IHC 2+, ISH pending. Seen with Dr. O + team.").get("her2") == "equivocal"
