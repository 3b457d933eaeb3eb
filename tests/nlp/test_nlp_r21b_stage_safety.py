"""Round 21b: N and M safety, read as classes in our own words.

M1 only from proven distant disease: distant disease named as what an evaluation is for is the question, never the
finding. A checklist's Yes / No columns are read even when a comment column follows the mark, a bracketed word stands
in the label, or a sub-heading in capitals splits the table: an item answered No in the N column is denied. A range
of categories, and the M written after ranges, are a criterion's, not the tumour's stage; a category the note denies
gives way to the one it states. The note saying the axilla is still to be staged leaves N to confirmation. A board's
named recommendations are a plan (they end a past history above them).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import facts, tumor
from rightscan.adapters.text import extract

PROPERTY = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _confirm_fields(text: str) -> set[str]:
    return {c["field"] for c in extract(text).to_dict()["to_confirm"]}


# ---- distant disease as the aim of an evaluation ------------------------------------------------------------------
@pytest.mark.parametrize(
    "line",
    [
        "Review criteria (brain metastasis evaluation): new arm weakness in a patient with prior cancer - met.",
        "Indication: bone mets evaluation given new hip pain.",
        "Protocol: liver metastasis assessment, triphasic.",
    ],
)
def test_metastasis_named_as_the_evaluation_is_no_m1(line: str) -> None:
    text = f"70 yo woman, hx R breast IDC 2016 s/p mastectomy, tamoxifen completed. {line}"
    assert tumor(text).get("m") != "M1"


def test_proven_distant_disease_still_m1() -> None:
    text = "64F, L breast IDC, liver biopsy: metastatic breast carcinoma. Stage IV. Brain metastasis evaluation next."
    assert tumor(text).get("m") == "M1"


# ---- checklist columns with a comment column -----------------------------------------------------------------------
def _checklist(rows: list[tuple[str, str, str]]) -> str:
    head = "TRIAL SCREEN\n52 yo female, L breast IDC on core, cT2 cN0.\n\n"
    head += " Criterion                         Y    N    Note\n"
    body = ""
    for label, answer, note in rows:
        col = 35 if answer == "Y" else 40
        line = " " + label.ljust(col - 1) + "X"
        body += (line.ljust(48) + note).rstrip() + "\n"
    return head + body


@given(note=st.sampled_from(["CT CAP neg, bone scan neg", "staging 3/2 clear", "per PET 4/1"]))
@PROPERTY
def test_distant_disease_answered_no_in_a_commented_checklist_is_m0(note: str) -> None:
    text = _checklist([("Prior therapy", "N", ""), ("Distant metastases", "N", note), ("Pregnant", "N", "")])
    assert tumor(text).get("m") == "M0"


def test_distant_disease_answered_yes_is_not_denied() -> None:
    text = _checklist([("Prior therapy", "N", ""), ("Distant metastases", "Y", "biopsy-proven liver")])
    assert tumor(text).get("m") != "M0"


def test_excluded_inflammatory_row_with_brackets_is_denied() -> None:
    text = _checklist([("Inflammatory carcinoma (cT4d)", "N", "no skin change"), ("ECOG 0-1", "Y", "ECOG 1")])
    t = tumor(text)
    assert not t.get("inflammatory")
    assert t.get("t") == "T2"


def test_a_capital_subheading_does_not_end_the_table() -> None:
    text = _checklist([("Age over 18", "Y", "52")]) + " EXCLUSION\n"
    text += " Inflammatory carcinoma (cT4d)".ljust(40) + "X\n"
    assert not tumor(text).get("inflammatory")


# ---- ranges of categories are a criterion's ------------------------------------------------------------------------
@pytest.mark.parametrize("criterion", ["cT1-T2, cN0-N1, M0", "T1-2 N0-1 M0", "cN0-1, M0 required"])
def test_criterion_ranges_give_no_stage(criterion: str) -> None:
    text = f"Eligibility: {criterion}. 49F, R breast IDC on core, 1.8 cm on US."
    t = tumor(text)
    assert "n" not in t and "m" not in t


def test_stated_stage_beside_a_criterion_still_read() -> None:
    text = "Eligibility: cT1-T2, cN0-N1, M0. 49F, R breast IDC on core, clinical stage cT1c cN1 (FNA-proven node)."
    t = tumor(text)
    assert t.get("t") == "T1c" and t.get("n") == "N1" and "m" not in t


def test_hyphenated_stage_still_read() -> None:
    assert tumor("55F, R breast IDC, staged T2-N1-M0 at the tumour board.").get("n") == "N1"


# ---- the axilla still to be staged ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "words",
    [
        "No palpable axillary nodes; axillary staging pending.",
        "Axilla not clinically palpable. Axillary US booked to complete nodal staging.",
        "No palpable nodes on exam, nodal staging incomplete.",
    ],
)
def test_axilla_still_to_be_staged_leaves_n_to_confirm(words: str) -> None:
    text = f"61 yo woman, biopsy-proven R breast IDC, 1.4 cm on US (cT1c), grade 2. {words}"
    assert "n" not in tumor(text)
    assert "tumor.n" in _confirm_fields(text)


def test_clinically_negative_axilla_not_imaged_is_still_n0() -> None:
    text = "61 yo woman, biopsy-proven R breast IDC, 1.4 cm on US. Clinically node negative, axilla not imaged at dx."
    assert tumor(text).get("n") == "N0"


def test_a_negative_axillary_us_is_still_n0() -> None:
    text = "61 yo woman, biopsy-proven R breast IDC, 1.4 cm on US (cT1c), grade 2. Axillary US negative."
    assert tumor(text).get("n") == "N0"


@pytest.mark.parametrize("field", ["Clinical nodes: [x] Negative  [ ] Positive", "Clinical N status: neg"])
def test_clinical_nodes_field_negative_is_n0(field: str) -> None:
    assert tumor(f"Age: 60  Sex: F\nDx: L breast ILC on core.\n{field}\n").get("n") == "N0"


def test_clinical_nodes_field_positive_is_not_n0() -> None:
    assert (
        tumor("Age: 60  Sex: F\nDx: L breast ILC on core.\nClinical nodes: [ ] Negative  [x] Positive\n").get("n")
        != "N0"
    )


# ---- a board's recommendations are a plan --------------------------------------------------------------------------
@pytest.mark.parametrize("title", ["Consensus recommendations:", "MDT recommendations:"])
def test_surgery_recommended_after_pmh_is_not_done(title: str) -> None:
    text = (
        "TUMOR BOARD\n50F, R breast IDC on core, cT2 cN1, ER+.\nPMH: asthma.\n\n"
        f"{title}\n 1. Neoadjuvant chemotherapy.\n 2. R mastectomy + ALND after NAC.\n"
    )
    f = facts(text)
    assert "prior_surgery" not in f
    assert f.get("setting") == "new_diagnosis"


def test_dated_operation_heading_with_surgeon_is_done() -> None:
    text = "58F, L breast IDC.\nSurgery 10/02 (Dr. Hale, county hospital): L lumpectomy + SLNB.\nFinal path: pT1c pN0."
    assert facts(text).get("prior_surgery") == "bct"
