"""Order-name classes of the v46 blind order list (round 50q), in other wordings than the list's, with their controls.

1. A name cut at its field's width: a RIS description in capitals that ends in a lone "W" may have lost "/O" or "/WO":
   the contrast asks, offering both studies; "W CONTRAST", "W/", "W IV", "W WO", "W/O" and the Playbook's mixed-case
   short name ("CT Chest w") read as before. A last capital word that is the first letters of a study word ("WHOLE BO",
   "W CO", "ABD/PEL") is the rest of a word the width cut: set aside ("BRAIN WI", a cut timing, asks).
2. A scheduling line: the room ("suite", "uptake room"), the times, the check-in and the preparation around one study
   are when and where, not which study. Two studies on it still ask.
3. People's words: a "radioactive" test is a nuclear-medicine study; the sugar they inject is the PET's FDG; the
   estrogen PET is the FES PET; "the dye" with its article is the contrast noun of the timing before it; a two-word
   study name run together ("catscan", "petscan") or one typo from it is read as its words (rapidfuzz), with the
   other words' typos fixed as before. A patient message about a scan she already had is none.
4. One study ordered, the others done, negative, deferred, or named in the reason: when every other part of a list is
   history, the one part that names a study and states no status of its own is the order. Two pending studies, an
   all-done set, a cancelled study alone and a conditional second study ("MRI brain if CT negative") stay unresolved.
   A study requested in its own words and then judged "not indicated per NCCN" is still the order considered (the
   annotation guide's "bone scan requested; bone scan not indicated per NCCN"); "CT CAP - not indicated" is not.
"""

from __future__ import annotations

from order_helpers import KB, case, study
from rightscan.domain.orders import interpret


@case(
    [
        ("MRI BRAIN W", None),
        ("CT ABD/PELVIS W", None),
        ("MRI L SPINE W", None),
        ("ACC 77120 MR LIVER W", None),
        ("CT ABD/PELVIS W CONTRAST", "ct_abdomen_pelvis_contrast"),  # controls: the statement closed
        ("MRI BRAIN W/", "mri_head_wwo"),
        ("CT ABD/PELVIS W IV", "ct_abdomen_pelvis_contrast"),
        ("MRI BRAIN W WO", "mri_head_wwo"),
        ("MRI BRAIN W/O", "mri_head_wo"),
        ("MRI BRAIN WO/W", "mri_head_wwo"),
        ("MR Head w", "mri_head_wwo"),  # the Playbook's short name, mixed case
        ("ctcap w", "ct_cap_contrast"),
        ("CT C/A/P W CONTRAST", "ct_cap_contrast"),
    ]
)
def test_a_lone_capital_w_that_ends_the_name_asks(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


def test_a_cut_w_offers_both_contrast_choices() -> None:
    reading = interpret(KB, "CT ABD/PELVIS W")
    assert reading.status == "ambiguous" and "contrast" in reading.missing
    assert {p.id for p in reading.choices} == {"ct_abdomen_pelvis_contrast", "ct_abdomen_pelvis_wo"}


@case(
    [
        ("BONE SCAN WHOLE BOD", "bone_scan"),
        ("MRI LUMBAR SPINE W/WO CONT", "mri_spine_wwo"),
        ("MRI BRAIN WO CON", "mri_head_wo"),
        ("MRI LIVER W AND WO CONTR", "mri_abdomen_wwo"),
        ("CT CHEST W CONTRA", "ct_chest_contrast"),
        ("MRI BRAIN WI", None),  # the first letters of a timing: the contrast asks
        ("CT CHEST ABD", None),  # what the width cut may have been another region: no guess
        ("MRI BRAIN lump", None),  # a word of its own, not a cut one
    ]
)
def test_a_last_word_cut_at_the_width_is_set_aside(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("NM SUITE 2 08:10 CHECK-IN WB BONE SCAN (HYDRATE)", "bone_scan"),
        ("Uptake room 3, 07:30 arrival - FDG PET-CT skull base to thigh, NPO 6h", "pet_ct"),
        ("CT suite: 14:20 check in desk, CT C/A/P with IV contrast", "ct_cap_contrast"),
        ("PET SUITE A 09:00 CHECK-IN FES PET/CT", "fes_pet"),
        ("PET SUITE B 06:45 CHECK-IN FDG PET/CT; 10:00 BONE SCAN", None),  # two studies: asks
        ("CT suite 14:20 check-in", None),  # a room and a time, no region: asks
    ]
)
def test_a_scheduling_line_names_its_one_study(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("the radioactive scan of my bones", "bone_scan"),
        ("radioactive bone test for my hip pain", "bone_scan"),
        ("is the radioactive test the same as a CT?", None),  # two modalities
        ("they want me to have the sugar scan", "pet_ct"),
        ("the PET scan where they inject the sugar", "pet_ct"),
        ("blood sugar 140 before PET/CT", "pet_ct"),  # the preparation's sugar, as before
        ("my oestrogen PET scan next week", "fes_pet"),
        ("estrogen PET/CT", "fes_pet"),
        ("PET/CT, on estrogen therapy", "pet_ct"),  # a hormone therapy names no tracer
        ("MRI of my breasts without any dye, my kidneys are bad", "mri_breast_wo"),
        ("breast MRI with the dye", "mri_breast_wwo"),
        ("breast MRI, they said without the contrast", "mri_breast_wo"),
        ("petscan", "pet_ct"),
        ("my husband's catscan of the head", "ct_head"),
        ("catscann chest abdomen pelvis w contrast", "ct_cap_contrast"),
        ("catscan chst abdomen pelvis with contrast", "ct_cap_contrast"),
        ("CT CAP w contrast", "ct_cap_contrast"),  # control
        ("I already had my petscan last month, do I need another?", None),  # a scan she already had
    ]
)
def test_a_patients_words_name_the_study(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


def test_a_run_together_name_is_a_reported_correction() -> None:
    reading = interpret(KB, "catscan chest abdomin pelvis with contrast")
    assert ("catscan", "cat scan") in reading.corrections and ("abdomin", "abdomen") in reading.corrections


@case(
    [
        ("MRI T-spine w/wo for mid back pain; thoracic spine x-ray negative", "mri_spine_wwo"),
        ("abdominal US done 2 weeks ago; MRI abdomen w/wo", "mri_abdomen_wwo"),
        ("CT chest w contrast for cough; CXR normal", "ct_chest_contrast"),
        ("US right breast for lump; mammogram deferred", "us_breast"),
        ("PET/CT for restaging; bone scan already done", "pet_ct"),
        ("bone scan pending; PET/CT pending", None),  # two pending studies
        ("CT CAP done 3/1; bone scan negative", None),  # an all-done set
        ("bone scan cancelled", None),  # a cancelled study alone
        ("CXR now, CT chest w contrast if abnormal", None),  # a conditional second study
        ("MRI brain; CT head", None),  # two studies, no status: as before
        ("CT CAP w contrast", "ct_cap_contrast"),  # control
    ]
)
def test_the_one_study_not_history_is_the_order(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("bone scan requested; not indicated per NCCN for early stage", "bone_scan"),
        ("MRI brain w/wo ordered - not needed per ACR criteria", "mri_head_wwo"),
        ("CT CAP w contrast requested; not indicated per NCCN for stage IA", "ct_cap_contrast"),
        ("CT CAP - not indicated", None),  # no request stated: ruled out, as before (round 29o)
        ("PET/CT requested - cancelled", None),  # a cancellation is no judgement
    ]
)
def test_a_request_judged_not_indicated_is_still_the_order(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)
