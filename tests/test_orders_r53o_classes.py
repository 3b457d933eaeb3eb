"""Order-name classes of the v49 blind order list (round 53o), in other wordings than the list's, with their controls.

Words around one study about the patient and the study's conduct are no second study and no unread word that makes the
order ask; a word that changes the study (a contrast, a region, a side) is still read.

1. A radiograph's projections and positions in other languages ("seitlich", "in due proiezioni", "PA y lateral", "PA e
   perfil", "lateraal", "debout") are views of the radiograph ordered (source radiograph_views).
2. Sedation and anaesthesia ("under GA", "with IV sedation") say how the patient is kept still, not which study; "with"
   before them states no contrast (source sedation).
3. A quantity - a number with a unit of a dose, an activity, a volume or a lab value ("740 MBq", "10mCi", "0.1 mmol/kg",
   "6.2 mmol/L") - is set aside: "mg" of "mg/dL" is no mammogram; the kidney function or the agent beside it is read as
   ever (source quantities).
4. A device the patient has or wears (pacemaker, ICD, cochlear implant, neurostimulator, tissue expander, chest port, a
   lead apron) and the department's safety check of it are the patient's: the side and region written with the device
   are its place, not the study's side or a site of the complaint (source device_safety).
5. A study the catalogue never gives contrast with (the radiograph) has nothing to ask when the text questions contrast
   ("pregnant", "contrast allergy"); a mammogram (contrast-enhanced mammography exists) and a CT still ask.
6. Implant-displaced (Eklund, "ID") views are views of the screening or the diagnostic mammogram (source implant_views).
"""

from __future__ import annotations

from order_helpers import KB, case, study
from rightscan.domain.orders import interpret


@case(
    [
        ("Thorax-Röntgen im Stehen, seitlich", "xray_chest"),  # de
        ("Rx torace in due proiezioni", "xray_chest"),  # it
        ("Rx torace proiezione laterale - tosse", "xray_chest"),
        ("Rx de tórax PA y lateral", "xray_chest"),  # es
        ("Raio-X de tórax PA e perfil", "xray_chest"),  # pt
        ("X-thorax PA en lateraal", "xray_chest"),  # nl
        ("Radio thorax debout face", "xray_chest"),  # fr
        ("Rx torace e addome in due proiezioni", None),  # control: two regions named
        ("Rx seitlich", None),  # control: a view names no region
    ]
)
def test_a_radiograph_view_in_another_language_is_a_view(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("MRI lumbar spine w/o under general anesthesia", "mri_spine_wo"),
        ("MRI brain w/wo contrast with IV sedation (claustrophobic)", "mri_head_wwo"),
        ("Breast MRI bilat w/wo, oral sedation, pt claustrophobic", "mri_breast_wwo"),
        ("MRI brain w/wo pt claustrophobic", "mri_head_wwo"),
        ("MRI brain with sedation", None),  # control: "with" is the sedation's; the contrast is not stated
        ("MRI brain w/wo under GA; CT head w/o", None),  # control: two studies
        ("MRI brain w/wo under general anaesthesia - cancelled", None),  # control: a cancelled study alone
    ]
)
def test_sedation_and_anaesthesia_are_no_study_word(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("Bone scan 740 MBq Tc-99m HDP", "bone_scan"),
        ("FDG PET/CT 12 mCi, BSL 6.2 mmol/L", "pet_ct"),
        ("PET/CT FDG 10mCi", "pet_ct"),  # number and unit joined
        ("MRI brain w/wo gadobutrol 0.1 mmol/kg", "mri_head_wwo"),
        ("CT head w/o, glucose 250 mg/dL", "ct_head"),  # "mg" of "mg/dL" is no mammogram
        ("CT chest w contrast - Cr 1.1 mg/dL, weight 82 kg", "ct_chest_contrast"),
        ("CT C/A/P - eGFR 24 mL/min/1.73 m2", None),  # control: the kidney function still questions contrast
        ("MG 2 views", None),  # control: "MG" after a count is the mammogram, whose intent is not stated
        ("Staging set: PET/CT 370 MBq FDG - PENDING; MRI brain w/wo under GA - PENDING", None),  # control: two pending
        ("CT CAP w contrast", "ct_cap_contrast"),  # control
    ]
)
def test_a_quantity_is_set_aside(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("MRI brain w/wo - deep brain stimulator, confirm MR conditional", "mri_head_wwo"),
        ("MRI L-spine w/o; pt has ICD - device check before scan", "mri_spine_wo"),
        ("MRI C-spine w/o - pacemaker R chest, MR conditional", "mri_spine_wo"),
        ("Bilateral diagnostic mammogram - right chest port", "mammo_diagnostic"),
        ("US right breast, left breast tissue expander", "us_breast"),
        ("US L axilla - L chest port", "us_axilla"),
        ("Left chest pacemaker: CXR PA and lateral", "xray_chest"),
        ("CT chest w contrast - L chest port in situ", "ct_chest_contrast"),
        ("US left breast - right breast lump", None),  # control: a complaint's side, no device
        ("MRI breast - right tissue expander", None),  # control: the contrast is still not stated
        ("MRI breast silicone implant rupture", "mri_breast_wo"),  # control: a breast implant is the implant study's
    ]
)
def test_a_device_and_its_place_are_the_patients(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("CXR PA/lat, pregnant 20 weeks, lead apron", "xray_chest"),
        ("Chest x-ray - possibly pregnant", "xray_chest"),
        ("CXR - contrast allergy", "xray_chest"),
        ("Diagnostic mammogram - pregnant", None),  # control: contrast-enhanced mammography exists
        ("CT chest - pregnant", None),  # control: the CT's contrast is in question
    ]
)
def test_a_study_never_given_contrast_has_no_contrast_to_ask(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


def test_the_radiograph_still_says_contrast_was_questioned() -> None:
    reading = interpret(KB, "Chest x-ray - possibly pregnant")
    assert reading.contrast_question and reading.assumed == ("a chest radiograph is taken without contrast",)


@case(
    [
        ("Screening mammogram bilat incl Eklund views", "mammo_screening"),
        ("Diagnostic mammo L with ID views", "mammo_diagnostic"),
        ("Mammogram with implant displacement views", None),  # control: no intent stated
        ("Screening mammogram w/ implant displaced views - new lump", None),  # control: a sign beside screening
    ]
)
def test_implant_displaced_views_are_the_mammograms(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("Portal message: I already had my bone scan last week (they injected 20 mCi), do I need another?", None),
    ]
)
def test_a_scan_she_already_had_stays_none(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)
