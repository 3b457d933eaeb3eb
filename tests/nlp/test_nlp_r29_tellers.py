"""Round 29 (lead): a relative who tells of "mum" or "her mother" may be telling of the patient herself.

Round 12a left such a symptom to confirm when the teller named the relation with a possessive right after the
telling verb ("her daughter says her mum has had headaches"). Two everyday shapes slipped past it and the symptom
was set aside as a relative's, a red flag lost without a word (found while reviewing round 29b):

- the relation without a possessive ("Daughter: says mum has had bone pain in her hip at night");
- the teller joined to the verb by a relative pronoun or a mark ("the patient's daughter, who says her mother has
  had ...", "Son - says dad ...").

Both are now read as round 12a reads the plain forms: a bare "mum" a child tells of is the patient, "her mother" is
left to confirm (context.yaml ``teller_links``; reported_readings._teller_before). A relative
who tells of another relative ("Sister: says mum had bone pain at the end") still tells of a relative, and a relative
who tells of "she" still tells of the patient.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, symptom_codes, symptoms_to_confirm

NEW = "66F, newly diagnosed R breast IDC 1.6 cm, grade 2, ER+ PR+ HER2-, cN0. Staging PET/CT requested.\n"


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Daughter: says mum has had bone pain in her hip at night for weeks.", "bone_pain"),
        ("Son - says mom has been getting bad headaches every morning with vomiting.", "headache"),
        ("Spoke with the patient's daughter, who says her mother has lost 8 kg without trying.", "weight_loss"),
        ("Her husband, who says his wife has been coughing for six weeks, came with her.", "cough"),
        ("Son: states mum has new weakness in her right arm since Sunday.", "neurologic_deficit"),
    ],
)
def test_a_child_or_spouse_telling_of_mum_or_a_wife_never_sets_the_symptom_aside(line: str, code: str) -> None:
    note = NEW + line + "\n"
    # the patient's (a child's "mum" is most often the patient, as round 12a reads it), or left to confirm when a
    # possessive makes it unsure whose mother is meant; never a relative's history
    assert code in symptom_codes(note) | symptoms_to_confirm(note)
    assert decide_note(note)["systemic_imaging"] in ("targeted", "undetermined")


def test_a_possessive_relation_is_left_to_confirm() -> None:
    note = NEW + "Spoke with the patient's daughter, who says her mother has lost 8 kg without trying.\n"
    assert "weight_loss" not in symptom_codes(note)
    assert "weight_loss" in symptoms_to_confirm(note)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        # a relative telling of another relative of the patient: the relative's own history
        ("Sister: says mum had bone pain from her metastases at the end.", "bone_pain"),
        ("Her niece, who says her mother had headaches from a brain tumour, is here for support.", "headache"),
    ],
)
def test_a_relative_telling_of_another_relative_stays_a_relatives_history(line: str, code: str) -> None:
    note = NEW + line + "\n"
    assert code not in symptom_codes(note)
    assert code not in symptoms_to_confirm(note)


def test_a_relative_telling_of_she_is_telling_of_the_patient() -> None:
    note = NEW + "Her daughter says she has had bone pain in the hip at night for weeks.\n"
    assert "bone_pain" in symptom_codes(note)
    # "who says she ...": the daughter or the patient; never set aside
    note = NEW + "Her daughter, who says she has had bone pain in the hip at night for weeks, is worried.\n"
    assert "bone_pain" in symptom_codes(note) | symptoms_to_confirm(note)


def test_a_denied_symptom_told_by_a_relative_stays_denied() -> None:
    note = NEW + "Daughter: says mum has had no bone pain and no headaches.\n"
    assert not {"bone_pain", "headache"} & (symptom_codes(note) | symptoms_to_confirm(note))
