"""Orders v39 (round 42r): a patient's own words around a study.

How she heard of the study ("that the nurse mentioned", "they talked about") says nothing of which study; FDG in lay
words is "radioactive sugar" (the FDG PET/CT); "they inject the tracer" is a nuclear-medicine study's injection; a
study done once a year ("yearly", "every year", "annual") is the screening one, where nothing else says what it is for:
with a sign, a history or a treatment it is surveillance, and the order asks.
"""

from __future__ import annotations

from order_helpers import case, study


@case(
    [
        ("the CT of my chest the doctor mentioned, with contrast", "ct_chest_contrast"),
        ("the bone scan we discussed", "bone_scan"),
        ("the ultrasound of my belly they spoke about", "us_abdomen"),
        ("chest x-ray the surgeon talked to me about", "xray_chest"),
    ]
)
def test_how_the_patient_heard_of_it_is_no_study_word(text: str, pid: str) -> None:
    assert study(text) == pid


@case(
    [
        ("PET scan with radioactive glucose", "pet_ct"),
        ("the scan where they inject a sugar tracer", "pet_ct"),
        ("the scan where they inject the radioactive tracer to look at all of my bones", "bone_scan"),
        ("they inject a tracer and look at all your bones", "bone_scan"),
    ]
)
def test_lay_names_of_the_pet_and_the_bone_scan(text: str, pid: str) -> None:
    assert study(text) == pid


@case(
    [
        ("the mammogram I get every year", "mammo_screening"),
        ("annual mammo both breasts", "mammo_screening"),
        ("my 3D mammogram, yearly", "dbt_screening"),
        ("yearly tomo mammogram", "dbt_screening"),
    ]
)
def test_a_yearly_mammogram_is_the_screening_one(text: str, pid: str) -> None:
    assert study(text) == pid


@case(
    [
        ("my yearly mammogram - new lump", "mammo_diagnostic"),  # a sign: the diagnostic one, never the screening
        ("annual mammogram, nipple discharge", "mammo_diagnostic"),
    ]
)
def test_a_sign_with_a_yearly_mammogram_makes_it_diagnostic(text: str, pid: str) -> None:
    assert study(text) == pid


@case(
    [
        ("the scan the nurse mentioned", None),  # which scan
        ("the scan with the radioactive sugar and the bone scan", None),  # two studies
        ("the x-ray of my chest and the ultrasound of my liver they talked about", None),  # two studies
        ("the scan with the radioactive iodine", None),  # another tracer: not the FDG PET
        ("the scan where they inject dye", None),  # a CT or an MRI: which
        ("annual mammogram s/p lumpectomy", None),  # surveillance after cancer
        ("yearly mammogram, history of breast cancer", None),
        ("annual surveillance mammogram", None),
        ("annual diagnostic and screening mammogram", None),
        ("yearly CT chest", None),  # contrast not said
        ("the mammogram they recalled me for", None),  # unknown content word
    ]
)
def test_controls_still_ask(text: str, pid: str | None) -> None:
    assert study(text) == pid
