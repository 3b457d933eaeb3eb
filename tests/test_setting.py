"""The clinical setting a coded record supports (rightscan.domain.setting): a pure rule, read as a
clinician would check it. A wrong setting picks the wrong ACR variant, so every doubt leaves it open."""

from __future__ import annotations

import itertools

import pytest

from rightscan.domain.model import SETTINGS
from rightscan.domain.setting import UNKNOWN_SURGERY, Basis, RecordEvidence, infer_setting


def test_untreated_biopsy_proven_cancer_is_a_new_diagnosis() -> None:
    # an active primary breast cancer, the procedures searched and no breast surgery, no earlier cancer
    found = infer_setting(RecordEvidence(active_primary=True, breast_surgery=False))
    assert found is not None
    assert found.setting == "new_diagnosis"
    assert found.basis is Basis.ACTIVE_PRIMARY  # cited on the cancer itself


def test_follow_up_of_a_treated_cancer_is_surveillance() -> None:
    # a personal history of breast cancer (or a primary in remission) and nothing current
    for surgery in (None, False, True):  # whether the operation is on record does not matter here
        found = infer_setting(RecordEvidence(past_cancer=True, breast_surgery=surgery))
        assert found is not None
        assert (found.setting, found.basis) == ("surveillance", Basis.PAST_CANCER)


def test_treated_cancer_with_a_new_finding_is_a_suspected_recurrence() -> None:
    # a history of breast cancer and a red-flag symptom on record (new bone pain): the question is whether
    # it has spread, the ACR's suspected-distant-recurrence variant, not routine follow-up
    found = infer_setting(RecordEvidence(past_cancer=True, breast_surgery=True, distant_finding=True))
    assert found is not None
    assert (found.setting, found.basis) == ("suspected_distant_recurrence", Basis.PAST_CANCER)
    local = infer_setting(RecordEvidence(past_cancer=True, local_finding=True))
    assert local is not None and local.setting == "suspected_local_recurrence"
    both = infer_setting(RecordEvidence(past_cancer=True, local_finding=True, distant_finding=True))
    assert both is not None and both.setting == "suspected_distant_recurrence"  # the wider question wins
    # a new finding does not turn an active, untreated cancer into a recurrence
    new = infer_setting(RecordEvidence(active_primary=True, breast_surgery=False, distant_finding=True))
    assert new is not None and new.setting == "new_diagnosis"


def test_treated_cancer_that_came_back_is_left_open_without_its_site() -> None:
    # a recorded recurrence after treatment: local and distant recurrence are separate ACR variants,
    # and the record does not say which, so no setting is guessed
    found = infer_setting(RecordEvidence(recurrence=True, past_cancer=True, breast_surgery=True))
    assert found is not None
    assert found.setting is None
    assert found.basis is Basis.RECURRENCE
    assert "local or distant" in found.reason


def test_operated_cancer_is_left_open() -> None:
    # an active cancer after breast surgery: post-operative staging or follow-up, the record cannot say
    found = infer_setting(RecordEvidence(active_primary=True, breast_surgery=True))
    assert found is not None
    assert found.setting is None
    assert found.basis is Basis.ACTIVE_PRIMARY


@pytest.mark.parametrize(
    ("record", "basis", "words"),
    [
        # a new primary or a recurrence of the earlier cancer: cannot be told apart
        (RecordEvidence(active_primary=True, past_cancer=True, breast_surgery=False), Basis.PAST_CANCER, "history"),
        # metastatic disease on record outranks a cancer that would otherwise look new
        (RecordEvidence(metastatic=True, active_primary=True, breast_surgery=False), Basis.METASTATIC, "metastatic"),
        (RecordEvidence(metastatic=True, past_cancer=True), Basis.METASTATIC, "metastatic"),
        # surgery not known (the procedures were not searched): a new diagnosis is not assumed
        (RecordEvidence(active_primary=True, breast_surgery=None), Basis.ACTIVE_PRIMARY, UNKNOWN_SURGERY),
    ],
)
def test_conflicting_or_incomplete_evidence_abstains(record: RecordEvidence, basis: Basis, words: str) -> None:
    found = infer_setting(record)
    assert found is not None
    assert found.setting is None
    assert found.basis is basis
    assert words in found.reason


def test_no_breast_cancer_on_record_says_nothing() -> None:
    assert infer_setting(RecordEvidence()) is None
    assert infer_setting(RecordEvidence(breast_surgery=True)) is None  # surgery alone names no cancer


ALL_RECORDS = [
    RecordEvidence(*flags, surgery, *findings)
    for flags in itertools.product((False, True), repeat=4)
    for surgery in (None, False, True)
    for findings in itertools.product((False, True), repeat=2)
]


@pytest.mark.parametrize("record", ALL_RECORDS, ids=repr)
def test_safety_over_every_combination(record: RecordEvidence) -> None:
    found = infer_setting(record)
    if found is None:
        assert not (record.metastatic or record.recurrence or record.active_primary or record.past_cancer)
        return
    assert found.reason  # every answer, and every abstention, says why
    if found.setting is None:
        return
    assert found.setting in SETTINGS
    assert not record.metastatic and not record.recurrence  # never a setting over metastasis or relapse
    if found.setting == "new_diagnosis":  # only an untreated, first cancer known to be unoperated
        assert record.active_primary and not record.past_cancer and record.breast_surgery is False
    else:  # a treated cancer: follow-up, or a recurrence suspected from a new finding
        assert record.past_cancer and not record.active_primary
        expected = (
            "suspected_distant_recurrence"
            if record.distant_finding
            else "suspected_local_recurrence"
            if record.local_finding
            else "surveillance"
        )
        assert found.setting == expected
