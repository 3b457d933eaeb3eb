"""Order-name classes of the v53 blind order list (round 57o), in other wordings than the list's, with their controls.

1. A CT done only for attenuation correction (the CT of a PET or SPECT acquisition: "AC CT", "CT for attenuation
   correction") names no diagnostic study of the catalogue; named with the PET it is that PET/CT's own step. A low-dose
   lung-screening CT stays the chest CT without contrast.
2. An order set's items separated by semicolons: a medication item (a drug with its dose, route and frequency) is no
   study's item and is set aside whole (its drug no unread word, its route no contrast route, a premedication's steroid
   no contrast); the one imaging item decides, two imaging items stay two and ask.
3. A scheduling worklist line: a field that is only the booked time is set aside like a room's, and "WO CO" is a
   "without contrast" cut at the column's width; "SPINE CERV" is the cervical spine.
4. A patient's "MRI of my back": the back imaged is the spine ("back pain" stays the complaint); "the dye" is contrast.
5. "bMRI" is left unread: it is written for the breast MRI and for the brain MRI alike.
"""

from __future__ import annotations

from order_helpers import KB, case, study
from rightscan.domain.orders import interpret


@case(
    [
        ("AC CT (no diagnostic report)", None),
        ("CT for attenuation correction only, SPECT to follow", None),
        ("CT chest low dose, attenuation correction only", None),
        ("attenuation correction CT thorax", None),
        ("LDCT lung screening annual", "ct_chest_wo"),  # control: a lung-screening CT
        ("low dose CT chest lung cancer screening, 30 pack-years", "ct_chest_wo"),  # control
        ("PET/CT FDG skull base to mid-thigh (CT for attenuation correction only)", "pet_ct"),  # control: the PET's CT
        ("PET with concurrently acquired CT for attenuation correction; whole body", "pet_ct_whole_body"),  # control
        ("CT CAP w contrast", "ct_cap_contrast"),  # control
    ]
)
def test_a_ct_done_only_for_attenuation_correction_is_no_diagnostic_study(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("Headache admission set: CT head without contrast; ondansetron 4 mg IV q8h prn; neuro obs hourly", "ct_head"),
        (
            "Brain mets pathway: levetiracetam 500 mg PO BID; MRI brain w/wo gadolinium; radiation oncology consult",
            "mri_head_wwo",
        ),
        ("Staging set: CT C/A/P with IV contrast; ondansetron 8 mg PO; oncology consult", "ct_cap_contrast"),
        (
            "Premed protocol: methylprednisolone 32 mg PO 12 h and 2 h before; CT abdomen pelvis with contrast",
            "ct_abdomen_pelvis_contrast",
        ),
        ("Order set: MRI brain w wo; CT chest w contrast; dexamethasone 4 mg PO", None),  # control: two imaging items
        ("Order set: MRI brain w wo; bone scan; dexamethasone 4 mg PO", None),  # control: two imaging items
        ("Admission set: MRI brain; dexamethasone 4 mg PO q6h", None),  # control: the drug's route is no contrast
        ("CT chest; ondansetron 4 mg IV", None),  # control: the drug's IV is no contrast route of the CT
        ("MRI brain; eGFR 25 mL/min", None),  # control: a lab value with a unit is no medication: contrast in question
        ("CT CAP w contrast", "ct_cap_contrast"),  # control
    ]
)
def test_an_order_sets_medication_items_are_no_study_words(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


def test_an_order_set_keeps_a_declined_study_declined() -> None:
    reading = interpret(KB, "Admission set: MRI brain w wo - declined; dexamethasone 4 mg PO")
    assert reading.status != "resolved"
    assert reading.order_status == "declined"
    assert interpret(KB, "mammogram done 11/2").order_status == "done"  # control: a done study stays done


@case(
    [
        ("09:15 | MR BRAIN WO CO | MR2", "mri_head_wo"),
        ("7:30 AM | CT CHEST W CON | CT 2", "ct_chest_contrast"),
        ("14:10 | MR SPINE LUMB W WO | Rm 4", "mri_spine_wwo"),
        ("MR SPINE CERV W WO", "mri_spine_wwo"),
        ("11:00 | MR BRAIN W | MR1", None),  # control: a "W" cut at the width may be "W/O" or "W WO"
        ("MRI BREAST BILATERAL W", None),  # control
        ("US pelvis - cerv ca", None),  # control: "cerv" alone (the cervix) names no spine
    ]
)
def test_a_worklist_lines_time_field_is_no_study_word(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("MRI of her back without the dye", "mri_spine_wo"),
        ("an MRI of his back with and without dye", "mri_spine_wwo"),
        ("MRI of my back", None),  # control: the contrast unstated asks
        ("MRI brain - back pain", None),  # control: the complaint's back is no region imaged (contrast asks)
        ("MRI of the back of the knee", None),  # control: two places
    ]
)
def test_a_patients_back_is_the_spine(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


def test_a_back_pain_complaint_adds_no_region() -> None:
    assert interpret(KB, "MRI brain w wo - back pain").attributes["regions"] == ["head"]
    assert interpret(KB, "MRI R breast").attributes["laterality"] == "right"  # control: the side kept


@case([("bMRI W/WO", None), ("bMRI", None), ("breast MRI W/WO", "mri_breast_wwo")])
def test_bmri_is_left_unread(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)
