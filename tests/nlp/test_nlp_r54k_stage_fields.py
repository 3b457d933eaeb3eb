"""Round 54k (v54 ci-017, ci-018, ck-001, ck-028, ck-030, ck-041, ck-047, cj-041; ci-010, ci-021; cj-033, ck-009,
ck-017, ck-027, ck-031, ck-035): stage fields, prior surgery.

Classes, each in new wordings with controls:

- an invasive T and a Tis in one note (bilateral, or an in-situ component): the invasive T, no conflict;
- the tumour size among other numbers: a form's next field label ("Nodes:") is no node; a chest film's nodule or
  opacity, and the area of a skin change ("of skin", peau d'orange), are not the tumour; the stated T (even beside a
  negation cue) chooses the size it allows; the study the note names for staging chooses its size; a summary that
  weighs two sizes ("1.2 vs 2.9 cm") leaves them a conflict;
- M0 only from staging: "no other evidence of metastatic disease" and "nothing suggests metastatic disease" are
  neither M0 nor M1;
- prior surgery: in a note that gives the specimen's pathological categories, the operation ticked on a history row
  or named in the report's title was done (one dated by day and month only is left as it was: see surgery_done).

Controls: a node's size stays no tumour size, an earlier cancer's size stays out, a stated M0 stays M0, a planned
operation stays planned, two invasive Ts still conflict.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts, tumor


def _to_confirm(note: str, field: str) -> list:
    from rightscan.adapters.text import extract

    return [v for c in extract(note).to_confirm if c["field"] == field for v in c["values"]]


# ------------------------------------------------------------------ T: invasive over in situ
@pytest.mark.parametrize(
    "note",
    [
        "66F. Right: 2.4 cm IDC on core, ER+ PR+ HER2-, cT2 cN0. Left: pleomorphic calcs, stereo DCIS gr 2 (cTis).",
        "Synchronous bilateral disease - L cT1b N0 ILC; R Tis (DCIS, 9 mm of calcs). Staging per the invasive side.",
    ],
)
def test_invasive_t_outranks_tis(note: str) -> None:
    t = tumor(note).get("t")
    assert t in {"T2", "T1b"}
    assert not _to_confirm(note, "tumor.t")


def test_two_invasive_ts_still_conflict() -> None:
    note = "58F L breast IDC. Clinic letter says cT1c; MDT outcome says cT2. Axilla negative."
    assert "t" not in tumor(note)


def test_tis_alone_stays_tis() -> None:
    assert tumor("71F screen-detected calcs L UOQ, VAB: DCIS high grade, no invasion. cTis cN0.").get("t") == "Tis"


# ------------------------------------------------------------------ sizes
def test_form_row_size_before_a_nodes_label_is_the_tumour() -> None:
    note = "Primary (MRI): 3.8 cm   Nodes: 1 suspicious, FNA pending\nHistology: IDC grade 2, ER+ PR+ HER2-."
    assert tumor(note).get("size_cm") == 3.8


def test_node_size_control() -> None:
    note = "52F R breast IDC 1.6 cm on US. Axilla: 2.2 cm firm node, FNA positive."
    assert tumor(note).get("size_cm") == 1.6


@pytest.mark.parametrize(
    ("note", "size"),
    [
        (
            "57F L breast IDC 1.7 cm on US, grade 2, ER+ PR+ HER2-, cN0. Pre-op CXR: ill-defined 9 mm nodular opacity "
            "projecting over the R lower zone, nipple shadow or pulmonary nodule. CT chest w/o contrast requested.",
            1.7,
        ),
        (
            "61F new R breast ILC 2.4 cm on US, grade 2. Chest x-ray report: 7 mm nodular density left mid zone, "
            "repeat with nipple markers advised.",
            2.4,
        ),
    ],
)
def test_chest_film_nodule_is_not_the_tumour(note: str, size: float) -> None:
    assert tumor(note).get("size_cm") == size
    assert not _to_confirm(note, "tumor.size_cm")


def test_chest_film_does_not_hide_a_tumour_size() -> None:
    note = "63F new R breast IDC. Staging CXR clear, tumour 2.3 cm on US, grade 2, ER+ PR+ HER2-."
    assert tumor(note).get("size_cm") == 2.3


def test_skin_area_is_not_the_tumour() -> None:
    note = (
        "74F L breast IDC, O/E 4.5 cm hard mass. Peau d'orange limited to about 2 x 2 cm of skin over the mass. "
        "Core: IDC grade 3, ER+ PR- HER2-."
    )
    assert tumor(note).get("size_cm") == 4.5
    assert not _to_confirm(note, "tumor.size_cm")


def test_stated_t_near_a_negation_chooses_the_size() -> None:
    note = (
        "MRI: three enhancing masses L breast, 1.7 cm (index, cored), 0.8 cm and 0.5 cm, overall span 3.9 cm. "
        "T goes by the largest focus and not the span -> cT1c(m) cN0."
    )
    assert tumor(note).get("size_cm") == 1.7


@pytest.mark.parametrize(
    ("note", "size"),
    [
        # both sizes fit the stated T: only the study named chooses
        ("Mammogram: 2.2 cm mass. Breast MRI: 2.8 cm mass.\nMDT staged on MRI size: cT2 cN0.", 2.8),
        ("Palpable 6.5 cm mass on exam, 5.6 cm on ultrasound. cT3 by US size, N0.", 5.6),
    ],
)
def test_study_named_for_staging_chooses_its_size(note: str, size: float) -> None:
    assert tumor(note).get("size_cm") == size
    assert not _to_confirm(note, "tumor.size_cm")


def test_study_named_negated_chooses_nothing() -> None:
    note = "Mammogram: 1.9 cm mass. Breast MRI: 2.6 cm mass.\nNot staged on MRI size pending second-look US."
    assert "size_cm" not in tumor(note)


def test_weighed_sizes_stay_a_conflict() -> None:
    note = (
        "Mammo: 1.4 cm mass L 10:00. MRI: non-mass enhancement over 3.3 cm.\n"
        "Impression: L ILC, true extent unclear (mammo 1.4 versus MRI 3.3 cm); MRI-guided biopsy of the margin."
    )
    assert "size_cm" not in tumor(note)


def test_earlier_cancer_size_stays_out() -> None:
    note = "68F. R breast IDC 2011, 1.1 cm, WLE + RT. Now new L breast IDC 2.2 cm on US, grade 2, ER+ PR+ HER2-."
    assert tumor(note).get("size_cm") == 2.2


# ------------------------------------------------------------------ M0 only from staging
@pytest.mark.parametrize(
    "line",
    [
        "Staging CT: 7 mm indeterminate hypodensity segment 8; no other evidence of metastatic disease.",
        "Bone scan: uptake R 7th rib, ?fracture vs met. Otherwise no metastatic disease.",
        "Clinically nothing points to metastatic disease; staging not indicated.",
    ],
)
def test_denial_with_an_exception_or_a_judgement_is_no_m0(line: str) -> None:
    note = "55F new L breast IDC 2.8 cm, grade 2, ER+ PR+ HER2-, cN1.\n" + line
    assert tumor(note).get("m") != "M0"
    assert tumor(note).get("m") != "M1"


@pytest.mark.parametrize(
    "line",
    [
        "Staging CT CAP and bone scan: no distant metastases.",
        "Staging complete - no evidence of metastatic disease (cM0).",
    ],
)
def test_stated_m0_stays_m0(line: str) -> None:
    note = "55F new L breast IDC 2.8 cm, grade 2, ER+ PR+ HER2-, cN1.\n" + line
    assert tumor(note).get("m") == "M0"


# ------------------------------------------------------------------ prior surgery from the specimen's categories
@pytest.mark.parametrize(
    ("note", "surgery"),
    [
        ("LEFT BREAST, WIRE-GUIDED LUMPECTOMY\nInvasive carcinoma NST, 11 mm, grade 1.\npT1c pN0", "bct"),
        ("FOLLOW-UP\nDx: L ILC 2017, pT2 pN1a\nSurgery: [x] Mastectomy  [ ] Lumpectomy\nNo concerns.", "mastectomy"),
    ],
)
def test_operation_with_its_pathology_was_done(note: str, surgery: str) -> None:
    assert facts(note).get("prior_surgery") == surgery


def test_planned_operation_stays_planned() -> None:
    note = "New L breast IDC 1.9 cm, cN0. Plan: L lumpectomy + SLNB, scheduled 12/03."
    assert "prior_surgery" not in facts(note)


def test_dated_operation_without_pathology_stays_unread() -> None:
    # a day and month alone may be a booking: without the specimen's categories the operation is not read as done
    note = "New R breast IDC 2.1 cm, grade 2, cN0. R mastectomy 18/11, recon consult."
    assert "prior_surgery" not in facts(note)
