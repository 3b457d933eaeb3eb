"""Orders, round 43v (orders v40): RIS fixed-width abbreviations of the staging fields; a site before the order.

A fixed-width system writes the chest CHT or CHE, the pelvis PEL, the skull SKL, the thigh THI and a center CTR: each is
read as the vocabulary word it shortens (order vocabulary ``abbreviations``), never by a typo fix towards another word
(CHT was read as CTH, the CT head; CHE as "ache", which dropped the chest). A site's name written before the order (the
main site, a satellite campus) says where, not which study. Controls: the abbreviation names no study alone, "CTR" alone
stays unread, two studies on one line and a vague line still ask, a study outside the table stays none.
"""

from __future__ import annotations

from order_helpers import KB, case, study
from rightscan.domain.orders import interpret


@case(
    [
        ("CT CHT ABD PEL WITH IV CONTRAST", "ct_cap_contrast"),
        ("CT CHE-ABD-PEL W/O CONTRAST", "ct_cap_wo"),
        ("CT CHT/ABD/PEL WO/W", "ct_cap_wwo"),
        ("CT CHT W CONTRAST", "ct_chest_contrast"),
        ("CT CHE NON CONTRAST", "ct_chest_wo"),
        ("XR CHT PA AND LAT", "xray_chest"),
    ]
)
def test_the_chest_and_pelvis_shortened_by_a_ris(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("FDG PET/CT SKL BASE TO MID THI", "pet_ct"),
        ("NM PET CT SKL BS MID THI", "pet_ct"),
        ("PET-CT SKULL BS TO MID THI", "pet_ct"),
    ]
)
def test_the_skull_base_to_mid_thigh_field_shortened(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("WOMENS IMAGING CTR / BREAST CTR MAMMO DIAG BILAT", "mammo_diagnostic"),
        ("BREAST CTR RM 2 US BREAST LT", "us_breast"),
        ("MAIN MR1 / MRI BRAIN WO/W", "mri_head_wwo"),
        ("SATELLITE CAMPUS CT3 / CT CHEST W CONTRAST", "ct_chest_contrast"),
        ("IMAGING CTR - NM BONE SCAN WHOLE BODY", "bone_scan"),
    ]
)
def test_a_site_or_room_before_the_order_says_where_not_which_study(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)


@case(
    [
        ("CHT", None),  # a field alone names no study
        ("CT CHT", None),  # no contrast stated: asks, as a CT chest does
        ("CXR CTR", None),  # CTR alone (cardiothoracic ratio?) stays unread
        ("MAIN", None),
        ("MAIN CT2 / CT CHT W CON + NM BONE SCAN", None),  # two studies on one line
        ("BRST CTR RM3 DEXA", None),  # a study outside the table
        ("CT ABD/PEL W CON", "ct_abdomen_pelvis_contrast"),  # no chest named: no chest assumed
        ("MAIN CT2 / CT CAP", "ct_cap_contrast"),  # the routine staging CT, as without a site
    ]
)
def test_controls(text: str, pid: str | None) -> None:
    assert study(text) == pid, interpret(KB, text)
