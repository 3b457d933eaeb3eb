"""Fifteenth security pass, F3, F4, F5 and F10: an M1 without proven distant disease, and a questioned M1 dropped.

An M1 without distant disease turns a stage I patient into stage IV and stops the staging advice; a questioned M1
dropped in silence is unsafe the other way. Other wordings than the report's:

- F5 and F10: a questioned M category in a stage string ("T2N1M1?", "pT2 N1 M1 (queried)", "possible M1") is never a
  known M1 and never dropped: tumor.m to confirm, as "?M1" always was; its T and N stand.
- F4: a metastasis field not yet answered ("Metastases: staging to follow", "Liver mets - TBD") is no M1; one waiting
  for its biopsy is to confirm.
- F3: a family-history table or a relative's history line is the relative's: never the patient's M1 or red flag.

Controls: a proven M1, pM1, stage IV with bone metastases stay M1; the patient's own "Bone mets: none" stays out.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, tumor
from rightscan.adapters.text import extract

# a new diagnosis with no size: T comes from the stage line
HEAD = "61F, new diagnosis of R breast IDC, grade 2, ER+ PR+ HER2-, core biopsy last week. Bone scan requested.\n"
# a new diagnosis of stage IIA on its own, no red flag
SIZED = "61F, newly diagnosed R breast IDC 2.4 cm, grade 2, ER+ PR+ HER2-, cN0. Bone scan requested.\n\n"


def _m_to_confirm(note: str) -> bool:
    return any(c["field"] == "tumor.m" for c in extract(note).to_confirm)


# ------------------------------------------------------------------ F5, F10: a questioned M1
QUESTIONED = [
    "Stage: T2N1M1?\n",
    "TNM: cT2 cN1 cM1 ?\n",
    "Stage: pT2 N1 M1 (queried)\n",
    "Clinical stage cT2 N1, possible M1 - awaiting PET.\n",
    "cT2 cN1 M1 (?liver) pending\n",
    "Staging: cT2 N1 M1 - to be confirmed\n",
    "cT2 N1 probable M1\n",
    "Stage: cT2 N1 ?M1 (indeterminate liver lesion)\n",
]


@pytest.mark.parametrize("line", QUESTIONED)
def test_a_questioned_m1_is_left_to_confirm_never_a_known_stage_iv(line: str) -> None:
    note = HEAD + line
    assert tumor(note).get("m") != "M1", line
    assert _m_to_confirm(note), line
    assert decide_note(note)["systemic_staging"] == "undetermined", line


def test_the_t_and_n_of_a_questioned_stage_string_stand() -> None:
    t = tumor(HEAD + "Stage: cT2 cN1 cM1?\n")
    assert (t.get("t"), t.get("n")) == ("T2", "N1")


@pytest.mark.parametrize(
    "line",
    [
        "Stage: cT2 N1 M1 (biopsy-proven liver)\n",
        "pT2 pN1 pM1\n",
        "Stage IV with bone metastases on bone scan and biopsy.\n",
        "cT2 N1 M1 (bone), confirmed on biopsy. Any role for PET?\n",
    ],
)
def test_a_proven_m1_stays_m1(line: str) -> None:
    note = HEAD + line
    assert tumor(note).get("m") == "M1", line
    assert not _m_to_confirm(note), line


def test_a_questioned_m1_beside_a_proven_one_leaves_the_proven_m1() -> None:
    note = HEAD + "Initial staging cT2 N1 M1?\nLiver biopsy: metastatic carcinoma c/w breast primary, M1 (liver).\n"
    assert tumor(note).get("m") == "M1"


def test_a_questioned_m0_is_still_no_stated_m() -> None:
    # round 18f: an M0 with a question mark is not stated; nothing turns it into M1
    note = HEAD + "Stage: cT2 N1 M0?\n"
    assert tumor(note).get("m") is None and not _m_to_confirm(note)


# ------------------------------------------------------------------ F4: a metastasis field not yet known
PENDING = [
    "Metastases: staging to follow\n",
    "Liver mets - TBD\n",
    "Distant metastatic disease: not yet staged\n",
    "Mets: awaiting staging CT and bone scan\n",
    "Bone metastases (to be assessed)\n",
    "Metastatic work-up: in progress\n",
]


@pytest.mark.parametrize("line", PENDING)
def test_a_metastasis_field_not_yet_known_is_no_m1(line: str) -> None:
    note = SIZED + line
    assert tumor(note).get("m") != "M1", line
    assert decide_note(note)["systemic_staging"] != "not_applicable", line


@pytest.mark.parametrize(
    "line", ["Bone mets: pending biopsy of the T9 lesion\n", "Liver mets - awaiting histology\n", "Mets (for biopsy)\n"]
)
def test_a_metastasis_awaiting_its_proof_is_to_confirm(line: str) -> None:
    note = SIZED + line
    assert tumor(note).get("m") != "M1", line
    assert _m_to_confirm(note), line


@pytest.mark.parametrize("line", ["Bone mets: none\n", "Metastases: no\n", "Distant metastases: none on staging CT\n"])
def test_the_patients_own_denied_metastases_stay_out_or_m0(line: str) -> None:
    note = SIZED + line
    assert tumor(note).get("m") in (None, "M0"), line
    assert not _m_to_confirm(note), line


def test_a_proven_metastasis_beside_a_pending_work_up_stays_m1() -> None:
    note = SIZED + "Liver metastases confirmed on biopsy. Bone mets: awaiting bone scan.\n"
    assert tumor(note).get("m") == "M1"


# ------------------------------------------------------------------ F3: a relative's table or history line
FAMILY_TABLES = [
    "FAMILY MEDICAL HISTORY        Yes    No\nLiver metastases               X\nHeadaches                      X\n",
    "Relatives (2nd degree)     Y     N\nBrain mets                 X\nSeizures                   X\n",
    "FHx          Yes   No   Who\nMetastatic cancer   X         aunt\nBone pain           X         mother\n",
    "Family cancer history     Y     N\nBone mets                 [x]   [ ]\nBack pain                 [x]   [ ]\n",
]


@pytest.mark.parametrize("table", FAMILY_TABLES)
def test_a_family_history_table_is_the_relatives(table: str) -> None:
    note = SIZED + table
    assert tumor(note).get("m") != "M1", table
    assert not symptom_codes(note) & {"headache", "seizure", "bone_pain", "back_pain"}, table
    assert decide_note(note)["systemic_staging"] != "not_applicable", table


@pytest.mark.parametrize(
    "line",
    [
        "Sister's history - liver metastases: [x] Y  [ ] N\n",
        "Father hx - brain mets, seizures\n",
        "Maternal aunt's medical history: bone metastases (x) yes\n",
    ],
)
def test_a_relatives_history_line_is_the_relatives(line: str) -> None:
    note = SIZED + line
    assert tumor(note).get("m") != "M1", line
    assert "seizure" not in symptom_codes(note), line


def test_the_patients_own_table_and_words_after_a_family_table_stay_hers() -> None:
    own = SIZED + "SYMPTOM REVIEW              Yes    No\nBone pain                    X\n"
    assert "bone_pain" in symptom_codes(own)
    after = SIZED + "FAMILY HISTORY        Yes    No\nSeizures               X\n\nPt reports new headaches x 3 weeks.\n"
    assert "headache" in symptom_codes(after) and "seizure" not in symptom_codes(after)
    staging = SIZED + "STAGING              Yes    No\nDistant metastases    X\n"  # under Yes: the patient's M1
    assert tumor(staging).get("m") == "M1"
    boxed = SIZED + "STAGING              Yes    No\nDistant metastases   [x]    [ ]\n"
    assert tumor(boxed).get("m") == "M1"
