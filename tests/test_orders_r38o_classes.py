"""Order-name classes the v35 blind order list asked about (round 38o), in other wordings than the list's.

1. A study noun written in the plural the vocabulary reads as the same word ends a study's name ("bone scans",
   "screening mammograms"); a region's plural is not folded into a longer form.
2. An order set's path ("Breast set > Imaging > [x] study") is a label, like the path's colon form; a ">" before a
   number ("> 8 mm") or in an arrow is no path.
3. HCPCS G0252, CMS's PET code for the initial diagnosis of breast cancer, is the staging PET/CT.
"""

from __future__ import annotations

from order_helpers import case, study


@case(
    [
        ("NM bone scans, whole body, for staging", "bone_scan"),
        ("Bilateral screening mammograms", "mammo_screening"),
        ("Chest radiographs PA and lateral", "xray_chest"),
        ("CT scans of chest w contrast", "ct_chest_contrast"),
    ]
)
def test_a_plural_study_noun_ends_the_study_name(text: str, pid: str) -> None:
    assert study(text) == pid


@case([("MRI breasts", None), ("bone scans", "bone_scan")])
def test_a_plural_states_nothing_the_singular_does_not(text: str, pid: str | None) -> None:
    # "MRI breasts" still asks the contrast; "bone scans" is the bone scan, not "bone" (a bone radiograph or scan)
    assert study(text) == pid


@case(
    [
        ("Oncology order set > Imaging > NM bone scan whole body", "bone_scan"),
        ("New patient (breast) set > [x] NM whole body bone scan", "bone_scan"),
        ("Staging panel > CT chest/abdomen/pelvis w/ IV contrast", "ct_cap_contrast"),
    ]
)
def test_an_order_set_path_is_a_label(text: str, pid: str) -> None:
    assert study(text) == pid


@case([("CT chest if nodule > 8 mm", None), ("MRI brain w/wo if ALP > 150", "mri_head_wwo")])
def test_a_greater_than_before_a_number_is_no_path(text: str, pid: str | None) -> None:
    assert study(text) == pid


@case([("G0252", "pet_ct"), ("G0252 - PET for initial breast cancer diagnosis / surgical planning", "pet_ct")])
def test_the_breast_cancer_pet_code_is_the_staging_pet_ct(text: str, pid: str) -> None:
    assert study(text) == pid


# ------------------------------------------------------------------ 4. v36 first run: continental names
@case(
    [
        ("IRM encephalique sans gadolinium", "mri_head_wo"),  # the agent named after "sans" is left out
        ("IRM cerebrale sans gado - cephalees", "mri_head_wo"),
        ("RM cranioencefalica sem e com contraste", "mri_head_wwo"),
        ("TC toracoabdominopelvica con contraste", "ct_cap_contrast"),
        ("IRM rachis dorsolombaire sans et avec injection", "mri_spine_wwo"),
    ]
)
def test_continental_names_of_the_table_studies(text: str, pid: str) -> None:
    assert study(text) == pid


@case([("IRM cerebrale avec gadolinium", "mri_head_wwo"), ("IRM mammaire sans gado", "mri_breast_wo")])
def test_controls_with_and_without_keep_their_reading(text: str, pid: str) -> None:
    # a brain MRI "with" gadolinium is the with-and-without study (the guide); "sans" keeps a breast MRI unenhanced
    assert study(text) == pid
