"""Orders, round 36o (the v33 blind list's three wrong resolutions, as classes, in other words than the list's lines).

A PET named for another cancer than the topic's, or for a staging or response system of another cancer's own
(Deauville, Lugano, Breslow, Durie-Salmon), and for no breast cancer, is no breast staging study: the order asks,
never the catalogue's staging PET/CT. A breast cancer named as the purpose, another cancer told as history ("hx
melanoma") and a bare PET keep resolving. A discontinued order ("DC'd", "d/c'd", "d/c order") orders nothing: it asks
with the status declined; "d/c" alone is also a discharge and is not read so.
"""

from __future__ import annotations

from order_helpers import KB, case, study
from rightscan.domain.orders import for_patient, interpret


@case(
    [
        ("PET-CT for Hodgkin lymphoma interim response", None),
        ("FDG PET/CT - DLBCL end of treatment, Lugano", None),
        ("PET scan restaging small cell lung cancer", None),
        ("whole body PET/CT for melanoma, Breslow 2.1 mm", None),
        ("PET CT skull base to thigh - multiple myeloma (Durie-Salmon III)", None),
        ("Staging PET/CT: lung ca RUL", None),
        ("78815 - NSCLC staging", None),
        ("PET/MRI - colorectal cancer liver mets", None),
    ]
)
def test_a_pet_for_another_cancer_is_no_breast_staging_study(text: str, pid: str | None) -> None:
    reading = interpret(KB, text)
    assert study(text) is None, reading
    assert for_patient(KB, text).status != "resolved"  # a patient of the topic does not settle it either


@case(
    [
        ("PET/CT for breast cancer restaging", "pet_ct"),
        ("FDG PET-CT staging L breast IDC", "pet_ct"),
        ("PET/CT", "pet_ct"),
        ("PET scan restaging", "pet_ct"),
        ("PET/CT - hx of lymphoma 2012, now breast ca", "pet_ct"),  # a breast cancer named: the topic's PET
        ("PET/CT whole body vertex to toes - h/o melanoma", "pet_ct_whole_body"),  # told as history
        ("CT chest abdomen pelvis w contrast - lymphoma staging", "ct_cap_contrast"),  # a CT is the same study
        ("Low-dose CT chest - lung cancer screening", "ct_chest_wo"),
    ]
)
def test_controls_a_breast_cancer_pet_history_and_other_studies_keep_resolving(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("DC'd - MRI breast bilateral w/wo", None),
        ("bone scan whole body: d/c'd by oncology", None),
        ("d/c order CT chest w contrast", None),
        ("CT CAP with contrast - discontinuing, pt transferred", None),
        ("Order dced: US axilla left", None),
    ]
)
def test_a_discontinued_order_orders_nothing(text: str, pid: str | None) -> None:
    reading = interpret(KB, text)
    assert study(text) is None, reading
    assert reading.order_status == "declined", reading


@case(
    [
        ("CXR before d/c home", "xray_chest"),  # "d/c" alone: the discharge, the study still wanted
        ("MRI brain w/wo - tamoxifen d/c'd", "mri_head_wwo"),  # a drug discontinued, not the order
        ("US axilla left - letrozole discontinued", "us_axilla"),
    ]
)
def test_controls_discharge_and_a_drug_discontinued(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)
