"""A real RightScan server for the web page tests, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from conftest import ROOT
from service.conftest import Server, start_server

CHROMIUM = os.environ.get("RIGHTSCAN_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"

# The reference patient as a clinician types it into the form (58F, 1.8 cm grade 2 IDC, cN0,
# cM0, ER+/PR+/HER2-, ALP 95 / ULN 120, PET/CT considered). Form control name -> value.
REFERENCE_FORM: dict[str, str] = {
    "setting": "new_diagnosis",
    "age": "58",
    "sex": "female",
    "tumor.histology": "IDC",
    "tumor.size_cm": "1.8",
    "tumor.n": "N0",
    "tumor.m": "M0",
    "tumor.grade": "2",
    "tumor.er": "positive",
    "tumor.pr": "positive",
    "tumor.her2": "negative",
    "labs.alkaline_phosphatase.value": "95",
    "labs.alkaline_phosphatase.uln": "120",
    "order": "PET/CT",
}


def reference_form(**changes: Any) -> dict[str, Any]:
    """The reference form with changes (a value of None removes the control)."""
    form: dict[str, Any] = dict(REFERENCE_FORM)
    for key, value in changes.items():
        name = key.replace("__", ".")
        if value is None:
            form.pop(name, None)
        else:
            form[name] = value
    return form


@pytest.fixture(scope="package")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    # The server runs the code of this checkout, whatever an editable install elsewhere points at.
    path = os.pathsep.join(p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH", "")) if p)
    srv = start_server(tmp_path_factory.mktemp("web"), env={"PYTHONPATH": path})
    yield srv
    srv.stop()


@pytest.fixture(scope="package")
def client(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c


def decision_count(server: Server) -> int:
    path = server.database.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        return int(conn.execute("select count(*) from decisions").fetchone()[0])


@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium), as .ci/run does")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, server: Server) -> Iterator[Any]:
    context = browser.new_context(base_url=server.url, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    yield pg
    context.close()


def screenshot(page: Any, name: str, full_page: bool = True) -> Path:
    """Save a screenshot of a main state as a test artefact (artifacts/ is git-ignored)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
