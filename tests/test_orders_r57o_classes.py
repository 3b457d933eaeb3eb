"""Order-name classes of the v53 blind order list (round 57o), in other wordings than the list's, with their controls.

1. A CT done only for attenuation correction (the CT of a PET or SPECT acquisition: "AC CT", "CT for attenuation
   correction") names no diagnostic study of the catalogue; named with the PET it is that PET/CT's own step. A low-dose
   lung-screening CT stays the chest CT without contrast.
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
