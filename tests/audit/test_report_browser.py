"""The report in a real browser (Debian's chromium through Playwright): charts drawn, nothing fetched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from rightscan.interfaces.cli import main

from .conftest import CLAIMS

CHROMIUM = os.environ.get("RIGHTSCAN_TEST_CHROMIUM", "/usr/bin/chromium")


def test_report_renders_its_charts_and_loads_nothing_from_elsewhere(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium, as .ci/run does")
    result = CliRunner().invoke(
        main,
        [
            "audit",
            "run",
            str(CLAIMS),
            "--format",
            "claims",
            "--out",
            str(tmp_path),
            "--compare-at",
            "2024-05-01",
            "--no-progress",
        ],
    )
    assert result.exit_code == 0, result.output
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.on("request", lambda r: requests.append(r.url))
        page.goto((tmp_path / "report.html").as_uri())
        page.wait_for_load_state("load")
        for name in ("trend", "funnel_provider", "studies"):
            box = page.locator(f'figure[data-chart="{name}"] svg').bounding_box()
            assert box is not None and box["width"] > 300 and box["height"] > 100, name
        assert page.locator('figure[data-chart="funnel_provider"] svg path').count() > 3  # limits and points
        assert "55.6 %" in page.locator("#headline-claims").inner_text()
        browser.close()
    assert requests and all(u.startswith("file://") for u in requests), requests
