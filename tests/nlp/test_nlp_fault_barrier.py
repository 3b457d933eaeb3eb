"""A defect of the note reader stops one note with a clear error, never the caller (adapters/text/fault.py).

Blind set v35 found a note that stopped the reader with an unexpected TypeError (a traceback and exit 1 from the CLI;
in a batch, every note after it was lost). The defect itself is fixed (test_nlp_r35_back_reference_labs.py); these
tests plant another one and check the barrier: one note gets an error naming ``note``, the notes after it are read,
and the log names the exception's type and place but never the note's words.
"""

from __future__ import annotations

import logging

import orjson
import pytest

from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.adapters.text import extract, extract_many, note_language
from rightscan.application.batch import evaluate_note_batch
from rightscan.domain.model import InputError

SECRET = "Zephyrine Quillfeather MRN 99881"
BAD = f"Pt {SECRET}. New dx IDC 1.5 cm cN0 ER+.\n"
GOOD = "Pt 61F. New dx L breast IDC 1.2 cm, cN0, ER+ PR+ HER2-. No bone pain, no headache.\n"


@pytest.fixture()
def planted_defect(monkeypatch: pytest.MonkeyPatch) -> None:
    real = note_language.symptoms_to_confirm

    def planted(text, *args):  # type: ignore[no-untyped-def]
        if "Quillfeather" in text:
            raise IndexError("list index out of range: " + text[:40])
        return real(text, *args)

    monkeypatch.setattr(note_language, "symptoms_to_confirm", planted)


def test_one_note_gets_an_error_naming_the_note(planted_defect: None, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="rightscan.notes"), pytest.raises(InputError) as err:
        extract(BAD)
    assert err.value.field == "note"
    assert "Quillfeather" not in str(err.value)
    assert "IndexError" in caplog.text
    assert "Quillfeather" not in caplog.text and "99881" not in caplog.text


def test_the_notes_after_it_are_read(planted_defect: None) -> None:
    out = list(extract_many([GOOD, BAD, GOOD]))
    assert [bool(e.fault) for e in out] == [False, True, False]
    assert out[0].facts == out[2].facts and out[2].facts.get("tumor", {}).get("size_cm") == 1.2
    assert out[1].facts == {}


def test_a_batch_reports_the_note_and_goes_on(planted_defect: None) -> None:
    lines = [orjson.dumps({"id": i, "note": n}) + b"\n" for i, n in (("a", GOOD), ("b", BAD), ("c", GOOD))]
    records = [r for chunk in evaluate_note_batch(load_knowledge(), lines) for r in chunk]
    assert [ok for ok, *_ in records] == [True, False, True]
    failed = records[1][3]
    assert failed["field"] == "note" and "Quillfeather" not in failed["error"]
    assert records[2][3]["systemic_imaging"] == "not_recommended"
