"""Round 43t (v43 blind: multi-problem notes of older patients): a treated breast cancer and a red-flag symptom whose
study is asked to rule out an acute problem of another cause, named as its own diagnosis ("fall with head strike on
warfarin, headache: r/o ICH", v43 bc-021; "new productive cough and fever: r/o PNA", bc-032). The work-up is for that
problem, not for a suspected distant recurrence (annotation guide, setting), nor routine follow-up: the setting is
left open. The symptom itself is still read.

Controls: a metastasis named as a doubt beside it ("stroke vs brain mets", "PNA vs lung mets") keeps the suspected
distant recurrence; a symptom worked up with no other cause named keeps it; a fracture is not an acute other cause here
(a pathological fracture is a metastasis's sign).
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts


@pytest.mark.parametrize(
    ("note", "symptom"),
    [
        ("CT head non-con. 84 yo F, hx L breast ca s/p lumpectomy + XRT 2016, on apixaban, slipped in the bathroom and "
         "struck her head, now worsening headache and vomiting x3. Eval for subdural.", "headache"),
        ("CXR 2 views. 81 yo woman, R breast ca s/p mastectomy 2012, now 4 days of cough with fever 39 and rigors, "
         "crackles R base. Rule out pneumonia.", "cough"),
        ("CTA chest. 76F hx breast ca s/p L mastectomy 2018, sudden dyspnea after long flight, calf swollen. "
         "Concern for PE.", "dyspnea"),
    ],
)
def test_acute_other_cause_leaves_setting_open(note: str, symptom: str) -> None:
    f = facts(note)
    assert f.get("setting") is None
    assert symptom in f.get("symptoms", [])


@pytest.mark.parametrize(
    "note",
    [
        "CT head. 70 yo F hx L breast ca s/p mastectomy 2019, new headache x 2 wks and vomiting, fell today. "
        "r/o ICH vs brain mets.",
        "CXR. 72F, R breast ca s/p lumpectomy 2017, persistent cough 6 weeks, fever. r/o PNA; concern for lung "
        "metastases.",
        "MRI brain. 66 yo woman, hx R breast ca s/p mastectomy 2020, new headaches worse in the morning, with "
        "vomiting.",
        "XR hip. 74 yo woman, hx breast ca s/p lumpectomy 2015, new R hip pain at night for 3 weeks, no trauma. "
        "r/o fracture.",
    ],
)
def test_a_recurrence_question_keeps_its_setting(note: str) -> None:
    assert facts(note).get("setting") == "suspected_distant_recurrence"
