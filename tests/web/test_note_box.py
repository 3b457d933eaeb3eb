"""The web page reads a pasted note into the form, with the facts highlighted where they were found."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest

from service.conftest import Server, start_server

NOTE = (
    "58F 1.8 cm G2 IDC L breast, ER+/PR+/HER2-, no palpable axillary LAD. Denies bone pain. "
    "New diagnosis. PET/CT for staging?"
)


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = start_server(tmp_path_factory.mktemp("note"))
    yield srv
    srv.stop()


def test_note_fills_the_form_and_highlights_its_evidence(web: Server) -> None:
    r = httpx.post(f"{web.url}/note", data={"note": NOTE}, timeout=30)
    assert r.status_code == 200, r.text
    html = r.text
    assert re.search(r'name="tumor\.size_cm"[^>]*value="1\.8"', html) or re.search(
        r'value="1\.8"[^>]*name="tumor\.size_cm"', html
    )
    assert "<mark" in html and "tumor.size_cm = 1.8" in html
    assert 'class="unused"' in html  # "Denies bone pain" is shown as not counted
    checkboxes = re.findall(r"<input[^>]*name=\"symptoms\"[^>]*>", html)
    assert any('value="bone_pain"' in c for c in checkboxes)  # the control is there ...
    assert not any('value="bone_pain"' in c and "checked" in c for c in checkboxes)  # ... and not ticked


def test_empty_note_is_an_inline_error(web: Server) -> None:
    r = httpx.post(f"{web.url}/note", data={"note": "  "}, timeout=10)
    assert r.status_code == 422 and "Paste a note first." in r.text


def test_note_text_is_not_logged(web: Server) -> None:
    httpx.post(f"{web.url}/note", data={"note": NOTE}, timeout=30)
    assert "axillary LAD" not in web.log() and "1.8 cm" not in web.log()


def test_an_uncertain_symptom_is_shown_to_confirm_and_not_ticked(web: Server) -> None:
    note = NOTE.replace("Denies bone pain.", "Possible bone pain in the left hip, unclear.")
    r = httpx.post(f"{web.url}/note", data={"note": note}, timeout=30)
    assert r.status_code == 200, r.text
    assert 'class="to-confirm"' in r.text and "bone_pain" in r.text
    checkboxes = re.findall(r"<input[^>]*name=\"symptoms\"[^>]*>", r.text)
    assert not any('value="bone_pain"' in c and "checked" in c for c in checkboxes)
