"""Round 50g: rows of glyphs and of Yes/No pairs written after their items, with no legend.

- each mark after an item answers that item alone (items parted by "/", "|", ",", a wide gap or a line): a tick
  (✓ ✔ ☑) beside crosses or signs states it, a cross (✗ ✘ ☓) leaves it to confirm, never raised, never dropped
  (some forms cross what is present) - a ticked headache had been dropped with the crossed item beside it
  (trailing_signs.py); ticks alone stay to confirm, as before (under "Denies:" a tick may be the "no");
- "Item: ✓   Item: ✗": a cross after a colon is the same cross (a bone pain had been raised from it);
- a Yes/No pair after its item with no answer chosen ("Yes/No", "Y/N", "yes / no") leaves the item to confirm, and
  its "No" negates no neighbour (unanswered_pairs.py; a cough had been raised, a headache dropped);
- a legend is followed, a bare key line too ("✗ = present" then "✗ headache" states it; mark_legends.py).

Each in wordings of its own, with controls that keep their reading.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, symptoms_to_confirm

NEW_DX = "57F, new R breast IDC 2.2 cm, cN0, grade 2, ER+/PR-/HER2-. Surgery consult booked.\n"


# --------------------------------------------------------------------------- ticks and crosses after items
@pytest.mark.parametrize(
    ("rows", "stated", "unsure"),
    [
        ("Today:\nBack pain ✔ / cough ✘ / hot flushes ✔\n", {"back_pain"}, {"cough"}),
        ("Checklist: seizure ✗ | jaundice ✓ | fatigue ✓\n", {"jaundice"}, {"seizure"}),
        ("Bone pain ✓, headaches ✗, cough ✓\n", {"bone_pain", "cough"}, {"headache"}),
        ("Weight loss ✘     headache ✔     insomnia ✔\n", {"headache"}, {"weight_loss"}),
        ("Screen:\nJaundice ✗\nBack pain ✓\nInsomnia ✓\n", {"back_pain"}, {"jaundice"}),
        ("Seizures ☓ / bone pain ✓\n", {"bone_pain"}, {"seizure"}),
    ],
)
def test_each_glyph_answers_its_own_item(rows: str, stated: set[str], unsure: set[str]) -> None:
    got = symptom_codes(NEW_DX + rows)
    assert stated <= got
    assert not unsure & got  # a cross is never read as present ...
    assert unsure <= symptoms_to_confirm(NEW_DX + rows)  # ... nor silently dropped


@pytest.mark.parametrize(
    "row", ["Cough: ✔    Hip pain: ✘\n", "Back pain: ✓   Headache: ✗\n", "Jaundice: ✗ / Cough: ✓\n"]
)
def test_a_cross_after_a_colon_raises_nothing(row: str) -> None:
    got, unsure = symptom_codes(NEW_DX + row), symptoms_to_confirm(NEW_DX + row)
    crossed = {"bone_pain", "headache", "jaundice"} & (got | unsure)
    assert crossed and not crossed & got
    assert crossed <= unsure


@pytest.mark.parametrize("rows", ["Cough ✔\n", "Denies:\nbone pain ✓\nheadache ✓\n", "Jaundice ✓\nCough ✓\n"])
def test_ticks_alone_are_confirmed_never_raised(rows: str) -> None:
    """A column of ticks with no cross or sign beside it: the tick may be the "no" (ticked under "Denies:")."""
    assert not symptom_codes(NEW_DX + rows)
    assert symptoms_to_confirm(NEW_DX + rows)


@pytest.mark.parametrize("rows", ["Denies: headache ✓, bone pain ✓\n", "ROS negative: cough ✓ / jaundice ✓\n"])
def test_a_denial_over_a_row_of_ticks_keeps_its_reach(rows: str) -> None:
    assert not symptom_codes(NEW_DX + rows)


def test_a_lone_cross_decides_nothing() -> None:
    decision = decide_note(NEW_DX + "Headaches ✘\n")
    assert decision["systemic_imaging"] == "undetermined"
    assert "headache" in " ".join(decision["insufficient_data"])


# --------------------------------------------------------------------------- unanswered Yes/No pairs
@pytest.mark.parametrize(
    ("rows", "unsure"),
    [
        ("bone pain Yes/No  jaundice YES/NO\n", {"bone_pain", "jaundice"}),
        ("Seizures Y/N    back pain Y/N\n", {"seizure", "back_pain"}),
        ("Cough: yes / no, headache: yes / no\n", {"cough", "headache"}),
        ("Jaundice y/n\n", {"jaundice"}),
        ("Sx:\nBack pain Y/N\nCough Y/N\n", {"back_pain", "cough"}),
    ],
)
def test_an_unanswered_pair_leaves_its_item_to_confirm(rows: str, unsure: set[str]) -> None:
    assert not symptom_codes(NEW_DX + rows) & unsure
    assert unsure <= symptoms_to_confirm(NEW_DX + rows)


def test_an_unanswered_pair_decides_nothing() -> None:
    assert decide_note(NEW_DX + "weight loss Yes/No   bone pain Yes/No\n")["systemic_imaging"] == "undetermined"


@pytest.mark.parametrize(
    ("rows", "stated", "denied"),
    [
        ("Cough Y/N  (N circled)   bone pain Y/N  (Y circled)\n", {"bone_pain"}, {"cough"}),
        ("jaundice yes/NO   headache YES/no\n", {"headache"}, {"jaundice"}),
        ("Back pain  Y / [N]\n", set(), {"back_pain"}),
    ],
)
def test_an_answered_pair_keeps_its_answer(rows: str, stated: set[str], denied: set[str]) -> None:
    got = symptom_codes(NEW_DX + rows)
    assert stated <= got
    assert not denied & (got | symptoms_to_confirm(NEW_DX + rows))


# --------------------------------------------------------------------------- controls
@pytest.mark.parametrize(
    ("text", "stated", "denied"),
    [
        ("\n✘ = present, ✔ = absent\n✘ jaundice  ✔ cough\n", {"jaundice"}, {"cough"}),
        ("\nKey: ✓ = yes, ✗ = no\nROS:\nBack pain ✓ / seizures ✗\n", {"back_pain"}, {"seizure"}),
        ("Sx (✔ yes / ✘ no): hip pain ✔, jaundice ✘, cough ✔\n", {"bone_pain", "cough"}, {"jaundice"}),
        ("[x] bone pain\n", {"bone_pain"}, set()),
        ("jaundice [x]\n", {"jaundice"}, set()),
        ("(+) cough\n", {"cough"}, set()),
        ("(-) jaundice\n", set(), {"jaundice"}),
        ("Back pain ☑ / cough ☐\n", {"back_pain"}, {"cough"}),
        ("back pain x 3 weeks, worse at night\n", {"back_pain"}, set()),
    ],
)
def test_controls_keep_their_reading(text: str, stated: set[str], denied: set[str]) -> None:
    got = symptom_codes(NEW_DX + text)
    assert stated <= got
    assert not denied & (got | symptoms_to_confirm(NEW_DX + text))
