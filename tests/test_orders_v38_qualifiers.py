"""Orders v38: the PET coverage qualifier as worklists shorten it ("FDG ONC INIT", "ONC SUBSQ").

Medicare's PET coverage names the treatment strategy the scan informs (initial or subsequent); worklist names cut it to
"INIT" and "SUBSQ". It says when the study is done, never which study: the study stays what the rest of the line says,
and the qualifier alone still names no study.
"""

from __future__ import annotations

from order_helpers import case, study


@case(
    [
        ("PET/CT SKULL BASE-MIDTHIGH FDG ONC INIT", "pet_ct"),
        ("PET CT FDG ONC SUBSQ SKULL BASE TO MID THIGH", "pet_ct"),
        ("NM PET/CT WHOLE BODY ONC INIT", "pet_ct_whole_body"),
        ("CT CHEST ABD PELVIS W CONTRAST INIT STAGING", "ct_cap_contrast"),
    ]
)
def test_the_treatment_strategy_qualifier_leaves_the_study(text: str, pid: str) -> None:
    assert study(text) == pid


@case(
    [
        ("ONC INIT", None),
        ("FDG ONC SUBSQ", None),  # a tracer and a qualifier: PET/CT or PET/MRI is not said
        ("MRI ONC INIT", None),  # an MRI of what
    ]
)
def test_the_qualifier_alone_names_no_study(text: str, pid: str | None) -> None:
    assert study(text) == pid
