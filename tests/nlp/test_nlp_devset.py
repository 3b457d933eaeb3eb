"""The development set: well formed, valid for the core, and the extraction meets its targets on it."""

from __future__ import annotations

from typing import Any

import pytest

from evaluate_extraction import DEVSET, HELDOUT, HELDOUT2, STAGE_FIELDS, TARGETS, load, run
from rightscan.api import evaluate

NOTES = load(DEVSET)
HELD = load(HELDOUT) + load(HELDOUT2)


def test_the_dev_set_is_large_varied_and_well_formed() -> None:
    assert len(NOTES) >= 150
    assert len({n["id"] for n in NOTES}) == len(NOTES)
    assert len({n["note"] for n in NOTES}) == len(NOTES)
    kinds = {n["kind"] for n in NOTES}
    assert kinds >= {"order", "consult", "pathology", "surveillance", "recurrence", "hard"}
    assert sum(bool(n.get("suppressed_symptoms")) for n in NOTES) >= 30  # hard negatives for red flags
    assert sum(bool(n.get("expect_conflicts")) for n in NOTES) >= 15
    assert sum("\n" in n["note"] for n in NOTES) >= 10  # multi-line notes with sections


@pytest.mark.parametrize("note", NOTES + HELD, ids=[n["id"] for n in NOTES + HELD])
def test_every_gold_is_a_valid_core_input(note: dict[str, Any]) -> None:
    evaluate(note["gold"])


def test_the_two_sets_do_not_share_notes() -> None:
    assert not {n["note"] for n in NOTES} & {n["note"] for n in HELD}
    assert not {n["id"] for n in NOTES} & {n["id"] for n in HELD}


# These three sets were labelled under annotation guide v1 (setting only when named); guide v2 reads the
# setting by clinical meaning, so they are scored with the gold setting (see evaluate_extraction.run).
# The targets are asserted on the development set. The held-out sets were written after the rules
# were frozen and evaluated once each (first-run figures in docs/extraction.md); the rules were fixed
# after each, so they are regression sets now, held to looser floors that record where they stand.
@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    return run(DEVSET, guide_v1=True)


@pytest.mark.parametrize("path", [HELDOUT, HELDOUT2], ids=["heldout", "heldout2"])
def test_held_out_sets_do_not_regress(path: Any) -> None:
    r = run(path, guide_v1=True)
    assert r["stage_fields_micro"]["f1"] >= 0.97
    assert r["red_flags_from_suppressed"] <= 1
    assert r["decision_agreement"] >= 0.90


def test_stage_determining_fields_reach_the_f1_target(result: dict[str, Any]) -> None:
    for name in STAGE_FIELDS:
        assert result["fields"][name]["f1"] >= TARGETS["stage_field_f1"], name


def test_no_red_flag_comes_from_a_negated_historical_or_family_mention(result: dict[str, Any]) -> None:
    assert result["red_flags_from_suppressed"] == TARGETS["red_flags_from_suppressed"]


def test_decisions_agree_with_the_gold_decisions(result: dict[str, Any]) -> None:
    assert result["decision_agreement"] >= TARGETS["decision_agreement"]


def test_expected_conflicts_and_unparsed_notes_are_reported(result: dict[str, Any]) -> None:
    found, expected = result["expected_conflicts_found"]
    assert found == expected
    found, expected = result["expected_unparsed_found"]
    assert found == expected
