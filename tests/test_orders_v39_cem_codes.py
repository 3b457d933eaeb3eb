"""Orders v39 (round 42r): a contrast-enhanced mammogram coded as the diagnostic mammogram plus the contrast agent.

CEM has no CPT code of its own: it is billed as the diagnostic mammogram (77065/77066) with the iodinated contrast
agent's supply code (HCPCS Q9965-Q9967). Where the words name the CEM, the code pair is the CEM; a study that has a code
of its own keeps the contradiction, and the codes alone name no CEM.
"""

from __future__ import annotations

from order_helpers import case, study


@case(
    [
        ("contrast enhanced mammography left -- 77065 + Q9967", "mammo_contrast"),
        ("CESM bilateral 77066 Q9966", "mammo_contrast"),
        ("77066 + Q9967 contrast mammogram", "mammo_contrast"),
        ("CEDM diagnostic (77066, Q9965)", "mammo_contrast"),
    ]
)
def test_the_diagnostic_code_and_the_contrast_name_the_cem(text: str, pid: str) -> None:
    assert study(text) == pid


@case(
    [
        ("77066 + Q9967", None),  # no CEM named: the diagnostic mammogram and a contrast?
        ("CEM 77066", None),  # the code's study is the unenhanced mammogram
        ("screening CEM 77066 + Q9967", None),  # the code is diagnostic
        ("71250 + Q9967 CT chest with contrast", None),  # the CT with contrast has a code of its own
        ("CEM 77066 + Q9967 and MRI breast", None),  # two studies
        ("77066 + Q9967 mammogram", None),  # no contrast-enhanced study named
    ]
)
def test_controls_still_ask(text: str, pid: str | None) -> None:
    assert study(text) == pid
