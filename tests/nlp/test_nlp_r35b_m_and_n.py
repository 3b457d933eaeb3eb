"""Round 35b (v35 blind set, M and N): what a study is for, and a regional node sampled, are not distant disease.

1. The purpose of a study or a doubt ("eval", "r/o", "to assess for", "concern for") covers every item of its list,
   joined by "/", "or" or commas (ae-015: "Eval cord compression / epidural mets." read as M1). A metastasis the
   note states as the patient's ("known", after a sentence's end, a study's result) stays M1.
2. Metastatic carcinoma sampled from a regional node named the way clinicians shorten it ("supraclav", "SCF",
   "infraclav", "IMN") is nodal disease (AJCC 8: N3c, N3a, N2b), never M1 (af-050); a contralateral axillary or a
   cervical node stays distant.
"""

from __future__ import annotations

import pytest

from nlp_helpers import decide_note, order_of, tumor

SPINE = "MRI T-spine w/wo. 71F hx L breast ca s/p lumpectomy 2016. New thoracic back pain x 3 wks, worse at night. "


@pytest.mark.parametrize(
    "aim",
    [
        "R/o fracture, cord compression or epidural mets.",
        "Concern for cord compression / cauda equina / epidural metastases.",
        "Evaluate pathologic fracture / cord compression / osseous mets.",
        "MRI to assess for fracture, cord compression or vertebral mets.",
        "Eval for fracture vs cord compression vs bone mets.",
    ],
)
def test_the_aim_of_a_study_covers_every_item_of_its_list(aim: str) -> None:
    note = SPINE + aim + "\n"
    assert tumor(note).get("m") != "M1"
    assert decide_note(note)["systemic_imaging"] != "not_applicable"


def test_a_study_to_assess_for_mets_stays_the_order_without_m1() -> None:
    note = "70F hx R breast ca s/p mastectomy 2018. New back pain. PET/CT to assess for mets.\n"
    assert tumor(note).get("m") != "M1"
    assert order_of(note) == "pet_ct"


@pytest.mark.parametrize(
    "line",
    [
        "Eval cord compression. Known epidural mets.",  # another sentence states them
        "Eval fracture, known epidural mets.",  # 'known' states them
        "MRI shows cord compression / epidural mets.",  # a result, no aim
        "Bone scan to assess response of known bone mets.",
    ],
)
def test_controls_metastases_stated_as_the_patients_stay_m1(line: str) -> None:
    assert tumor(SPINE + line + "\n").get("m") == "M1"


NEW = "48F. R breast IDC 3.8 cm, gr 3, ER-/PR-/HER2 0 on core bx. {} Plan staging PET/CT before neoadjuvant chemo.\n"


@pytest.mark.parametrize(
    ("line", "n"),
    [
        ("L supraclav LN 1.4 cm, FNA positive for metastatic carcinoma.", "N3c"),
        ("FNA of R supraclav node: metastatic ca.", "N3c"),
        ("R SCF node, core bx positive for metastatic carcinoma.", "N3c"),
        ("R infraclav LN 1.4 cm; FNA: metastatic ca.", "N3a"),
        ("IMN node 8 mm, bx metastatic ca.", "N2b"),
    ],
)
def test_a_regional_node_sampled_is_nodal_disease_not_m1(line: str, n: str) -> None:
    note = NEW.format(line)
    assert tumor(note).get("m") != "M1"
    assert tumor(note).get("n") == n
    assert decide_note(note)["systemic_imaging"] == "recommended"


@pytest.mark.parametrize(
    "line",
    [
        "Contralateral L axillary node, FNA + for metastatic ca.",  # a contralateral axilla is distant
        "R cervical node, FNA + for metastatic ca.",  # a cervical node is distant
        "R supraclav node 1.2 cm, liver bx + for metastatic ca.",  # a distant organ sampled
    ],
)
def test_controls_a_distant_node_or_organ_stays_m1(line: str) -> None:
    assert tumor(NEW.format(line)).get("m") == "M1"


def test_control_radiation_fields_named_by_station_are_no_nodal_finding() -> None:
    note = (
        "RADIATION ONCOLOGY - ON TREATMENT VISIT\nSite: R chest wall + SCV/axilla/IMN, 50 Gy/25 fx\n"
        "Dx: R breast IDC pT2 pN1a (2/14), s/p R mastectomy 12/2024.\n"
    )
    assert tumor(note).get("n") is None
    assert tumor(note).get("m") != "M1"
