"""Round 46c: the identity of a named study (annotation guide 3), found on blind v46 (bm-018): a bare "w/" after a
mammogram joining a technique other than contrast ("diagnostic mammo w/ mag views": the magnification views of a
diagnostic mammogram) is no contrast, so the study is the diagnostic mammogram, never contrast-enhanced mammography.

Controls: contrast-enhanced mammography still resolves to it ("CEM", "contrast mammogram", "mammo w/ contrast"), and a
"w/" that joins contrast words ("w/ contrast", "w/ gad", "w/ IV", "w/ and w/o") still says contrast.
"""

from __future__ import annotations

import pytest

from nlp_helpers import facts
from rightscan.adapters.text.study_words import order_words


@pytest.mark.parametrize(
    "note",
    [
        "69F s/p R lumpectomy, new calcs at the scar on screening. Please book R diagnostic mammogram w/ magnification "
        "views next week.",
        "Recall from screening, L breast asymmetry. Plan: L dx mammo w/ spot compression.",
        "New focal asymmetry R breast on annual imaging; order R diagnostic mammogram w/ additional views.",
        "Screening recall for calcifications. Scheduling: bilateral diagnostic mammography w/ magnification.",
    ],
)
def test_a_diagnostic_mammogram_with_a_technique_is_no_contrast_study(note: str) -> None:
    assert facts(note).get("order") == "Mammography Diagnostic"


@pytest.mark.parametrize(
    "note",
    [
        "Dense breasts, MRI contraindicated (pacemaker). Plan: contrast-enhanced mammogram for extent.",
        "Pacemaker, cannot have MRI. Will order CEM of both breasts.",
        "Claustrophobic, declines MRI. Please schedule mammo w/ contrast instead.",
    ],
)
def test_contrast_enhanced_mammography_still_resolves(note: str) -> None:
    assert facts(note).get("order") == "Mammography With IV Contrast"


@pytest.mark.parametrize(
    ("text", "name", "words"),
    [
        ("MRI brain w/ contrast", "MRI brain", "MRI brain w/ contrast"),
        ("MRI brain w/ gad", "MRI brain", "MRI brain w/ gad"),
        ("CT chest w/ IV", "CT chest", "CT chest w/ IV"),
        ("MRI breast w/ and w/o", "MRI breast", "MRI breast w/ and w/o"),
        ("CT A/P w/ oral contrast", "CT A/P", "CT A/P w/"),
        ("MRI brain w/", "MRI brain", "MRI brain w/"),
        ("dx mammo w/ mag views", "dx mammo", "dx mammo"),
    ],
)
def test_a_with_that_joins_contrast_words_still_says_contrast(text: str, name: str, words: str) -> None:
    i = text.index(name)
    assert order_words(text, i, i + len(name)) == words
