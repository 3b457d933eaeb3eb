"""Orders v39 (round 42r): the screening abbreviated breast MRI is the contrast-enhanced study.

Kuhl's abbreviated breast MRI (AB-MR, FAST MRI) is a screening protocol with one unenhanced and one early post-contrast
acquisition: named for screening with the breast, it is the without-and-with study (shown as an assumption). A
diffusion-only or non-contrast protocol named is the unenhanced study; named with no purpose the order still asks
(orders v3: the name alone does not state contrast).
"""

from __future__ import annotations

from order_helpers import case, study


@case(
    [
        ("abbreviated breast MRI for supplemental screening, dense breasts", "mri_breast_wwo"),
        ("screening breast MRI, fast protocol", "mri_breast_wwo"),
        ("MRI breast bilateral screening abbreviated", "mri_breast_wwo"),
        ("high-risk annual screening: abbreviated protocol breast MR", "mri_breast_wwo"),
    ]
)
def test_the_screening_abbreviated_breast_mri_is_contrast_enhanced(text: str, pid: str) -> None:
    assert study(text) == pid


@case(
    [
        ("abbreviated screening breast MRI, diffusion only", "mri_breast_wo"),
        ("screening abbreviated non-contrast breast MRI", "mri_breast_wo"),
        ("abbreviated breast MRI DWI screening", "mri_breast_wo"),
    ]
)
def test_a_diffusion_only_or_non_contrast_protocol_is_unenhanced(text: str, pid: str) -> None:
    assert study(text) == pid


@case(
    [
        ("ABBREVIATED BREAST MRI (FAST MRI)", None),  # no purpose named (orders v3)
        ("abbreviated MRI", None),  # of what
        ("abbreviated brain MRI screening", None),  # not the breast
        ("screening abbreviated breast MRI and bone scan", None),  # two studies
        ("screening abbreviated breast MRI, eGFR 25", None),  # contrast in question
    ]
)
def test_controls_still_ask(text: str, pid: str | None) -> None:
    assert study(text) == pid
