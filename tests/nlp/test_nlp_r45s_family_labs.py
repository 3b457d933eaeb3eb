"""Round 45s (v45 bj-001): a relative's laboratory values are not what a note records.

A lab line below a family history that no heading of its own ended (the date before its colon keeps "Labs 3/20:" from
reading as a title) is the patient's: the family history section never sets a lab value aside. A relative named in the
lab's own words still does, and the family history still sets a relative's symptoms aside.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts, symptom_codes

HEAD = "Med onc consult. 64F, new L breast IDC 2.1 cm, cN0, ER+/PR+/HER2-.\n"


@pytest.mark.parametrize(
    "block",
    [
        "Family history: mother breast cancer at 60, father prostate ca.\nLFTs 2/11: AST 58 (10-40), ALT 40 (7-56)",
        "FH: maternal aunt with ovarian cancer age 48\nBloods (04/02/26) - ALP 190 (40-129), AST 22 (10-40)",
        "Fhx: brother colon ca @ 55.\nCMP 5/1: alk phos 201 (ref 40-129), AST 30 (ref 10-40), ALT 33 (ref 7-56)",
        "Family hx: sister BRCA2 carrier, breast ca at 39.\nChem panel 12/3 AST 77 (10-40) ALT 90 (7-56)",
    ],
)
def test_a_lab_line_below_a_family_history_is_the_patients(block: str) -> None:
    labs = facts(HEAD + block + "\n").get("labs", {})
    assert labs, block
    assert any(v["value"] > v["uln"] for v in labs.values())


def test_a_relatives_lab_in_its_own_words_is_still_set_aside() -> None:
    labs = facts(HEAD + "FHx: brother with cirrhosis, his ALT 300 (7-56)\n").get("labs", {})
    assert "alt" not in labs


def test_a_relatives_symptom_in_the_family_history_is_still_set_aside() -> None:
    note = HEAD + "Family history: mother had bone pain from metastatic breast ca.\nLabs 3/2: AST 25 (10-40)\n"
    assert "bone_pain" not in symptom_codes(note)


def test_the_patients_own_labs_still_read() -> None:
    labs = facts(HEAD + "Labs: ALP 310 (40-129), AST 25 (10-40)\n").get("labs", {})
    assert labs["alkaline_phosphatase"]["value"] == 310
