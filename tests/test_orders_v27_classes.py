"""Order-name classes found by the v27 blind order list (the payer, scheduling and department side of an order: prior
authorisations, charge lines, worklists, protocol replies), in our own words, never the list's lines.

A "+/-" contrast left to the radiologist is with or without, as the radiologist decides: the order asks (a bare "+/-
contrast" stays the without-and-with study). A contrast agent's supply code names no study: beside a study's code it
agrees with it or contradicts it, alone it says nothing. A mammography code with a tomosynthesis code of the same intent
is the tomosynthesis. Two charge lines that make one catalogue study, the chargemaster's "HC" prefix, "ENH", a worklist
line's fields between pipes, a change of study ("changed X to Y": Y), and the retired lung-screening code G0297. Each
class with the wordings that must still ask.
"""

from __future__ import annotations

import pytest

from order_helpers import case, study
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.domain.orders import interpret

KB = load_knowledge()


# ------------------------------------------------------------------ 1. contrast left to the radiologist
@case(
    [
        ("MRI C-spine +/- gad per rads", None),
        ("CT chest +/- IV contrast at radiologist's discretion", None),
        ("MR head +/- gadolinium (radiologist to decide)", None),
        ("MRI L-spine +/- contrast, contrast TBD", None),
        ("MRI abdomen +/- contrast per the radiologist", None),
        ("CT A/P plus or minus contrast, radiologist decides", None),
        # a bare "+/-" stays the without-and-with study; a stated timing stays what it states
        ("MRI C-spine +/- gad", "mri_spine_wwo"),
        ("MR head with and without gadolinium per radiologist", "mri_head_wwo"),
        ("MRI T-spine w/o contrast per rads", "mri_spine_wo"),
        # "per radiologist" on a study without a contrast choice changes nothing
        ("US right axilla per rads", "us_axilla"),
    ]
)
def test_a_plus_minus_contrast_left_to_the_radiologist_asks(text: str, pid: str | None) -> None:
    assert study(text) == pid


@pytest.mark.parametrize("text", ["MR head +/- gadolinium (radiologist to decide)", "CT chest +/- contrast per rads"])
def test_a_contrast_left_open_offers_both_timings(text: str) -> None:
    reading = interpret(KB, text)
    assert reading.status == "ambiguous"
    assert reading.missing == ("contrast",)
    assert len(reading.choices) == 2


# ------------------------------------------------------------------ 2. a study code with a supply or add-on code
@case(
    [
        ("71260 + Q9966 - auth approved", "ct_chest_contrast"),
        ("74177, Q9965 x 100", "ct_abdomen_pelvis_contrast"),
        ("70553 + A9585 gadobutrol", "mri_head_wwo"),
        ("72156 + A9575", "mri_spine_wwo"),
        ("MRI abdomen 74183 with A9581", "mri_abdomen_wwo"),
        # a supply code alone names no study; one that contradicts its study's code asks
        ("Q9967 - 80 ml", None),
        ("A9585 x 75 units", None),
        ("71250 + Q9967", None),
        ("70551 + A9585", None),
    ]
)
def test_a_contrast_supply_code_names_no_study_of_its_own(text: str, pid: str | None) -> None:
    assert study(text) == pid


@case(
    [
        ("77065 + 77061 RT", "dbt_diagnostic"),
        ("CPT 77066, 77062 - auth approved", "dbt_diagnostic"),
        ("G0206 + G0279", "dbt_diagnostic"),
        ("77066 / G0279 diagnostic bilateral", "dbt_diagnostic"),
        # another intent, or another study beside the tomosynthesis code, names no one study
        ("77067 + 77062", None),
        ("77063 + 77066", None),
        ("77062 + 76641", None),
    ]
)
def test_a_mammography_code_with_a_tomosynthesis_code_of_its_intent_is_the_tomosynthesis(
    text: str, pid: str | None
) -> None:
    assert study(text) == pid


# ------------------------------------------------------------------ 3, 4. charge lines, "HC", "ENH"
@case(
    [
        ("HC CT CHEST W/DYE + HC CT ABD & PELVIS W/DYE", "ct_cap_contrast"),
        ("HC CT THORAX W/O DYE + HC CT ABD/PELV W/O DYE", "ct_cap_wo"),
        ("HC CT HEAD/BRAIN W/O DYE", "ct_head"),
        ("HC MRI BRAIN W/O & W/DYE", "mri_head_wwo"),
        ("HC MAMMO CONTRAST ENH BILAT", "mammo_contrast"),
        ("CT CHEST ENH", "ct_chest_contrast"),
        ("CT CHEST NON ENH", "ct_chest_wo"),
        # two different studies, or a chest CT with and without contrast (no catalogue study), still ask
        ("HC CT CHEST W/DYE + HC MRI BRAIN W/O & W/DYE", None),
        ("HC CT CHEST W/O&W/DYE", None),
        ("HC CT CHEST W/DYE + HC CT ABD&PELV W/O DYE", None),
    ]
)
def test_charge_lines_that_make_one_catalogue_study(text: str, pid: str | None) -> None:
    assert study(text) == pid


# ------------------------------------------------------------------ 5. a worklist line's fields
@case(
    [
        ("MR3 | MRI BRAIN W/WO CONTRAST | 13:45 | gad ok", "mri_head_wwo"),
        ("US ROOM 2 | US LEFT BREAST LIMITED | 09:00", "us_breast"),
        ("NM2 | WHOLE BODY BONE SCAN | 08:00 inj | 11:00 scan", "bone_scan"),
        # a field naming another study, or a status field, is read with the rest
        ("CT1 | CT CHEST W CONTRAST | MRI BRAIN W/WO | 10:00", None),
        ("MR2 | MRI BRAIN W/WO | 14:00 | CANCELLED", None),
    ]
)
def test_a_worklist_line_is_read_field_by_field(text: str, pid: str | None) -> None:
    assert study(text) == pid


# ------------------------------------------------------------------ 6. a change of study
@case(
    [
        ("RBM changed MRI abdomen to CT A/P with contrast", "ct_abdomen_pelvis_contrast"),
        ("Protocol switched to MRI brain w/wo gad", "mri_head_wwo"),
        ("Payer downgraded PET/CT to CT chest w contrast + CT A/P w contrast", "ct_cap_contrast"),
        ("changed from bone scan to PET/CT skull base to mid thigh", "pet_ct"),
        # a change from a study with no new study named, or to no study, asks; a change cancelled asks
        ("Payer changed PET/CT", None),
        ("changed from MRI brain w/wo", None),
        ("CT CAP changed to next week", None),
        ("Cancelled - payer changed PET/CT to CT CAP w contrast", None),
        ("changed PET/CT to CT CAP w contrast - on hold", None),
    ]
)
def test_the_study_changed_to_is_the_one_ordered(text: str, pid: str | None) -> None:
    assert study(text) == pid


# ------------------------------------------------------------------ 7. the retired lung-screening code
@case(
    [
        ("G0297", "ct_chest_wo"),
        ("G0297 LDCT annual", "ct_chest_wo"),
        ("PA approved: G0297 low dose chest CT screening", "ct_chest_wo"),
        # the code beside words of another study asks
        ("G0297 CT chest with contrast", None),
        ("G0297 MRI brain", None),
    ]
)
def test_the_retired_low_dose_lung_screening_code_is_the_unenhanced_chest_ct(text: str, pid: str | None) -> None:
    assert study(text) == pid
