"""Round 37: a doubt reaches across a finding's own describing words; a distant organ's "metastatic nodules" are M1.

1. "Outside CT: concerning for extensive new bilateral hepatic and osseous metastatic disease" was read as M1 and a new
   stage I cancer answered "not applicable": the doubt's reach (five words) ended inside the pile of describing words,
   before the finding's noun. A doubt whose whole reach is describing words now reaches on across such words to the
   finding. Controls: a clause that goes on with function words after the doubt ("... and the patient has liver
   metastases") keeps its finding as stated; a symptom after a long doubt is left as the reach reads it.
2. "numerous bilateral pulmonary metastatic nodules", "widespread osseous metastatic deposits" were read as nothing,
   and a patient with stated distant disease got "not recommended". A distant organ named before "metastatic" and a
   lesion's kind after it is M1. Controls: negated, a node's metastatic deposit, "nodules, not metastatic".
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, tumor

NEW = "61F newly diagnosed R breast IDC 1.6 cm, cN0, ER+ PR+ HER2-, grade 2. Outside imaging:\n"


@pytest.mark.parametrize(
    "line",
    [
        "CT A/P: concerning for extensive new bilateral hepatic and osseous metastatic disease.",
        "Impression: suspicious for innumerable small scattered hypodense hepatic and splenic metastatic lesions.",
        "PET: possible widespread multifocal FDG-avid sclerotic and lytic osseous metastases.",
        "Chest CT: worrisome for numerous bilateral subcentimetre solid pulmonary and pleural metastatic nodules.",
        "MRI: cannot exclude several tiny enhancing cortical and cerebellar brain metastases.",
    ],
)
def test_a_doubt_before_a_long_description_of_a_metastasis_is_never_m1(line: str) -> None:
    note = NEW + line + "\n"
    assert tumor(note).get("m") != "M1"
    assert decide_note(note)["systemic_imaging"] == "undetermined"


@pytest.mark.parametrize(
    "line",
    [
        "CT chest: numerous bilateral pulmonary metastatic nodules, the largest 9 mm.",
        "Bone scan and CT: widespread osseous metastatic deposits in the spine and pelvis.",
        "MRI abdomen: multiple hepatic metastatic lesions, biopsy confirmed.",
        "CT: adrenal metastatic deposit on the left, 2.2 cm.",
    ],
)
def test_a_distant_organs_metastatic_lesions_are_m1(line: str) -> None:
    note = NEW + line + "\n"
    assert tumor(note).get("m") == "M1"
    assert decide_note(note)["systemic_imaging"] != "not_recommended"


@pytest.mark.parametrize(
    "line",
    [
        "CT chest: no pulmonary metastatic nodules.",
        "CT chest: two small pulmonary nodules, not metastatic in appearance, 12-month follow-up.",
        "Sentinel node: metastatic deposit 3 mm.",
        "CT: concerning for infection and the patient has no liver metastases.",
    ],
)
def test_control_no_distant_metastasis_is_read_from_these(line: str) -> None:
    assert tumor(NEW + line + "\n").get("m") != "M1"


def test_control_a_clause_that_goes_on_after_the_doubt_keeps_its_stated_metastasis() -> None:
    note = NEW + "CT: concerning for infection and the patient has liver metastases on the biopsy.\n"
    assert tumor(note).get("m") == "M1"
