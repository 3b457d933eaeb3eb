"""Round 45t (v45 blind bj-048): after a treated breast cancer, the treated breast's skin inflamed (erythema, oedema,
peau d'orange over a third of it or more; red, hot and swollen) is a new finding of the breast, an inflammatory
recurrence to rule out: a suspected local recurrence, not surveillance, in other wordings.

Controls: the signs denied, told as how the cancer presented in a dated sentence, or a cellulitis resolved, keep
routine follow-up; a red-flag symptom beside the inflamed breast still makes it a suspected distant recurrence.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts


@pytest.mark.parametrize(
    "note",
    [
        "61F s/p R lumpectomy + RT 2019 for IDC ER+, on letrozole. 4 wks R breast red, hot and swollen, not settling "
        "on 2 courses of antibiotics. Exam: diffuse erythema and peau d'orange over more than half of the R breast. "
        "Plan: R dx mammo + US, punch bx.",
        "Follow-up. 66F hx L mastectomy + implant recon 2018 (IDC). Now erythema and edema over the whole L "
        "reconstructed breast x 3 wks, no fever. US and skin bx.",
        "54F, L BCS + SLNB + WBRT 2020 (ILC). New: L breast skin thickening and erythema involving ~2/3 of the breast "
        "since last month. Dx mammo L and punch biopsy.",
    ],
)
def test_an_inflamed_treated_breast_is_a_suspected_local_recurrence(note: str) -> None:
    assert facts(note).get("setting") == "suspected_local_recurrence"


@pytest.mark.parametrize(
    "note",
    [
        "Annual f/u. 60F s/p R lumpectomy 2019 for IDC. No erythema, no skin thickening of the breast, no peau "
        "d'orange. Mammo 6/2026.",
        "Follow-up. 62F s/p L BCT 2017 (IDC). Presented 2017 with erythema over half of the L breast (T4d), "
        "trimodality therapy. Now well, NED. Mammo due.",
        "Survivorship visit. 59F, R lumpectomy + RT 2021 for IDC. Erythema over more than half of the R breast last "
        "month, cellulitis, resolved on cephalexin. Now breast normal. Mammo 9/2026.",
    ],
)
def test_control_denied_presenting_or_resolved_signs_keep_follow_up(note: str) -> None:
    assert facts(note).get("setting") == "surveillance"


def test_control_a_red_flag_beside_the_inflamed_breast_keeps_the_distant_concern() -> None:
    note = ("61F s/p R lumpectomy + RT 2019 for IDC. Diffuse erythema and peau d'orange over more than half of the R "
            "breast x 3 wks. Also new constant back pain waking her at night. Plan: dx mammo, bx.")  # fmt: skip
    out = facts(note)
    assert out.get("setting") == "suspected_distant_recurrence"
    assert out.get("symptoms")
