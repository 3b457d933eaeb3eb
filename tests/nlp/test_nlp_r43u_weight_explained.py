"""Round 43u (v43 bc-010, bc-024): a weight loss the note puts down to another cause. The loss called fluid in a word
after its figure ("Wt 71.2 -> 65.8 kg (12 lb, fluid)", "lost 3 kg of fluid"), and the family or another doctor
giving it a cause in the present tense ("dtr and PCP attribute to progressive dementia"); "progressive" naming the
course of that illness is no warning of the loss. Controls: an unintentional loss, a loss with no cause, a
progressive loss, "pleural fluid" beside a loss, and a cause that explains no pain stay.
"""

from __future__ import annotations

import pytest

from nlp_helpers import symptom_codes

HX = "84 yo F, new R breast IDC 2.0 cm on core biopsy, ER+ HER2-.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Admitted with CHF; IV furosemide. Weight 82 -> 77 kg (all fluid).",
        "On the ward she lost 4 kg of fluid with the diuretics.",
        "Weight down 3 kg this week - mostly fluid.",
        "Wt 68.0 -> 64.5 kg, presumed water weight.",
    ],
)
def test_weight_called_fluid_is_explained(line: str) -> None:
    assert "weight_loss" not in symptom_codes(HX + line)


@pytest.mark.parametrize(
    "line",
    [
        "Weight down 6 kg over a year - family ascribe it to her advancing Parkinson's and swallowing trouble.",
        "Lost 10 lb since spring; son and GP attribute to progressive dementia and poor intake.",
        "Wt down 4 kg in 3 mo - carers blame the loss on her ill-fitting dentures.",
    ],
)
def test_weight_loss_others_attribute_to_another_illness_is_explained(line: str) -> None:
    assert "weight_loss" not in symptom_codes(HX + line)


@pytest.mark.parametrize(
    "line",
    [
        "Unintentional wt loss 5 kg - family attribute to stress.",
        "Weight down 6 kg over 3 months, not trying, no cause found.",
        "Progressive weight loss over 3 months.",
        "Lost 6 kg. New cough, CXR shows pleural fluid.",
        "Lost 5 kg (pleural fluid drained).",
    ],
)
def test_control_an_unexplained_or_warned_loss_stays(line: str) -> None:
    assert "weight_loss" in symptom_codes(HX + line)


def test_control_an_attribution_reaches_no_pain() -> None:
    note = HX + "New R hip pain at night, weight loss 4 kg - family attribute to progressive dementia."
    assert "bone_pain" in symptom_codes(note)
