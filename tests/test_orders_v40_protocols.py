"""Orders, round 43v (orders v40): protocols named by what the study is for.

A breast MRI to stage a breast cancer, or for the extent of its disease, is the contrast-enhanced study (ACR practice
parameter for contrast-enhanced breast MRI): the without-and-with study, shown as an assumption (vocabulary protocol
rule ``breast_staging_mri``). A PET/CT named by the melanoma protocol is the whole-body field (EANM guideline: skull to
feet for melanoma); a PET/CT *for* melanoma still asks (round 36o). Controls: a plain breast MRI and a plain brain MRI
still ask, a stated or a questioned contrast keeps its reading, an implant study is never made contrast-enhanced, a
staging CT is unchanged.
"""

from __future__ import annotations

from order_helpers import KB, case, study
from rightscan.domain.orders import interpret


@case(
    [
        ("MRI both breasts - staging of new L breast IDC", "mri_breast_wwo"),
        ("Breast MR bilateral, extent of disease", "mri_breast_wwo"),
        ("MRI R breast: pre-op eval of disease extent", "mri_breast_wwo"),
        ("BREAST MRI STAGING", "mri_breast_wwo"),
        ("MR breasts bilat - EOD", "mri_breast_wwo"),
    ]
)
def test_a_breast_mri_to_stage_a_cancer_is_contrast_enhanced(text: str, pid: str | None) -> None:
    reading = interpret(KB, text)
    assert study(text) == pid, reading
    assert any("protocol" in a for a in reading.assumed), reading  # shown as an assumption, never silent


@case(
    [
        ("FDG PET-CT, melanoma protocol", "pet_ct_whole_body"),
        ("PET/CT whole body melanoma field of view", "pet_ct_whole_body"),
        ("NM PET CT (MELANOMA PET PROTOCOL) FDG", "pet_ct_whole_body"),
    ]
)
def test_the_melanoma_protocol_names_the_whole_body_field(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("MRI breast bilateral", None),  # no purpose, no contrast: asks
        ("MRI brain", None),
        ("MRI brain ?mets", None),  # a brain MRI's purpose alone does not state its contrast
        ("MRI breast staging without contrast", "mri_breast_wo"),  # a stated contrast wins
        ("MRI breast staging, eGFR 25", None),  # contrast in question: never assumed
        ("MRI breast implant rupture", "mri_breast_wo"),  # the implant study stays the non-contrast one
        ("CT C/A/P staging", "ct_cap_contrast"),
        ("whole body PET/CT for melanoma, Breslow 1.4 mm", None),  # for another cancer: asks (round 36o)
        ("PET/CT skull base to mid-thigh, melanoma protocol", None),  # two fields: asks
        ("MRI breast staging and bone scan", None),  # two studies
    ]
)
def test_controls(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)
