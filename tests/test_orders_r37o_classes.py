"""Order-name classes found by the v34 blind order list (round 37o), in other wordings than the list's.

1. Old systems' words shortened in capitals ("LVR", "BRN", "CERV SPN") are read by the order vocabulary's
   ``abbreviations`` (checked at load), never by likeness: a shortening that is also another abbreviation ("SPN"
   alone: the solitary pulmonary nodule) stays unread, and no shortening makes another study match.
3. An interface's element path before the name ("ServiceRequest.code.text =") is a label; a chest radiograph's
   position ("erect") is a view; a screening programme's routine three-yearly invitation is the screening mammogram,
   a recall from screening stays the diagnostic one.
"""

from __future__ import annotations

import pytest

from order_helpers import case, study
from rightscan.adapters.kbfiles import KnowledgeError
from rightscan.adapters.kbfiles.build import _shortens


# ------------------------------------------------------------------ 1. shortened words of fixed-width systems
@case(
    [
        ("US LVR COMPLETE", "us_abdomen"),
        ("MRI BRN W WO CON", "mri_head_wwo"),
        ("MRI CERV SPN W WO", "mri_spine_wwo"),
        ("MRI LUMB SPN WO CON", "mri_spine_wo"),
        ("MRI L/SPN W/WO", "mri_spine_wwo"),
        ("US AXL LT", "us_axilla"),
        ("CT CHST ABD PELV W CNTRST", "ct_cap_contrast"),
        ("NM WHL BDY BONE SCN", "bone_scan"),
    ]
)
def test_a_shortened_word_is_read_as_the_word_it_shortens(text: str, pid: str) -> None:
    assert study(text) == pid


@case(
    [
        ("CT CHEST SPN F/U", None),  # SPN alone: a solitary pulmonary nodule as much as the spine
        ("CXR SPN", None),
        ("MRI SPN WO", None),
        ("NM BONE SCN LTD", None),  # a limited bone scan is no whole-body study
        ("MRI THOR W WO", None),  # thorax or thoracic: THOR is read only before SPN
        ("US CERV", None),  # cervix or cervical
    ]
)
def test_a_shortening_that_is_another_abbreviation_or_names_another_study_still_asks(text: str, pid: None) -> None:
    assert study(text) is pid


def test_a_shortening_is_checked_to_keep_its_words_letters_in_order() -> None:
    assert _shortens("lvr", "liver") and _shortens("proto", "protocol") and _shortens("spn", "spine")
    assert not _shortens("lvx", "liver")  # a letter the word has not
    assert not _shortens("vlr", "liver")  # not its first letter
    assert not _shortens("rvl", "liver")
    assert not _shortens("l", "liver")


def test_an_abbreviation_that_is_a_vocabulary_form_or_no_shortening_is_refused(
    tmp_path: pytest.TempPathFactory,
) -> None:
    from rightscan.adapters.kbfiles import build as b
    from rightscan.adapters.kbfiles.schemas import OrderVocabularyFile

    raw = OrderVocabularyFile.model_validate(
        {
            "schema": "rightscan.order-vocabulary/1",
            "version": "t",
            "sources": {},
            "regions": {"liver": {"part_of": []}},
            "terms": [{"forms": ["liver"], "regions": ["liver"]}, {"forms": ["lvr"], "noise": True}],
            "abbreviations": {"lvr": "liver"},
        }
    )
    with pytest.raises(KnowledgeError):
        b._abbreviations(raw, {("liver",): None, ("lvr",): None}, frozenset({"liver", "lvr"}), "v")  # type: ignore[dict-item]
    raw2 = raw.model_copy(update={"abbreviations": {"lxq": "liver"}})
    with pytest.raises(KnowledgeError):
        b._abbreviations(raw2, {("liver",): None}, frozenset({"liver"}), "v")  # type: ignore[dict-item]


# ------------------------------------------------------------------ 3. labels, positions and screening programmes
@case(
    [
        ("ServiceRequest.code.display = MRI brain w/wo contrast", "mri_head_wwo"),
        ("code.text = US left axilla", "us_axilla"),
        ("ServiceRequest.code.coding.display: CT abdomen pelvis with IV contrast", "ct_abdomen_pelvis_contrast"),
        ("Chest X-ray AP erect", "xray_chest"),
        ("XR chest semi-erect portable", "xray_chest"),
        ("chest radiograph PA erect and lateral", "xray_chest"),
        ("mammogram, routine recall (NHSBSP)", "mammo_screening"),
        ("bilateral mammography - 3 yearly recall", "mammo_screening"),
        ("BreastScreen routine triennial recall mammogram", "mammo_screening"),
    ]
)
def test_labels_positions_and_programme_names_are_read_as_the_study(text: str, pid: str) -> None:
    assert study(text) == pid


@case(
    [
        ("ServiceRequest.code.text = MRI", None),  # the label names no study
        ("XR abdomen erect", None),  # a part not in the table
        ("mammogram recall from screening", "mammo_diagnostic"),  # a recall to assessment is diagnostic
        ("code.display: CT chest", None),  # no contrast, no default for the chest
    ]
)
def test_a_label_or_a_position_adds_nothing_and_a_recall_to_assessment_stays_diagnostic(
    text: str, pid: str | None
) -> None:
    assert study(text) == pid
